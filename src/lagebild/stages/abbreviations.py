"""Word lists the sentence splitter needs: abbreviations, months, German sentence starters.

Kept as data in one place so users can see (and later configure) them.
Abbreviations are stored lower-case with their final period.
"""

from __future__ import annotations

_GERMAN = """
u.a. z.b. d.h. bzw. ca. vgl. etc. usw. inkl. evtl. ggf. sog. bspw. z.t. u.u. v.a. i.d.r. o.ä. s.o. s.u.
abs. bd. hr. fr. str. tel. mio. mrd. tsd. dt. engl. franz. russ. ukr. jh. jhd. jahrh.
gen. oberstlt. oblt. hptm. lt. maj. kpt. adm. brig. gefr. uffz. fw. stv. vors. präs. min. dr. prof. dipl.
ing. med. phil. rer. nat. st. mr. mrs. ms. jr. sr. co. corp. inc. ltd. gmbh. e.v. a.d. i.r. o.g. u.ä.
"""

_ENGLISH = """
mr. mrs. ms. dr. prof. sr. jr. st. gen. lt. col. maj. capt. cpt. sgt. adm. cmdr. brig. cpl. pvt. gov.
sen. rep. amb. pres. rev. hon. vs. etc. e.g. i.e. approx. dept. est. inc. ltd. corp. co.
al. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. mt. ft. mi. km. u.s. u.k. u.n.
e.u. a.m. p.m. ca. cf. op. pp.
"""

ABBREVIATIONS = frozenset((_GERMAN + _ENGLISH).split())

MONTHS = frozenset(
    """
    januar jänner februar märz april mai juni juli august september oktober november dezember
    jan feb mär apr jun jul aug sep sept okt nov dez
    january february march may june july october december mar oct dec
    """.split()
)

#: Words that begin a new German sentence even after an ordinal-looking number.
SENTENCE_STARTERS_DE = frozenset(
    """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ich Man Dies Diese Dieser
    Dieses Damit Dabei Danach Dann Doch Auch Aber Und Laut Nach Am Im In Auf Mit Bei Seit Zudem
    Außerdem Zuvor Später Bereits Noch Nun So Wie Was Wer Wo Als Trotz Wegen Während Unter Über
    """.split()
)

#: Abbreviations that stand before a number only ("No. 5", "Art. 5"); elsewhere they may end a sentence.
NUMBER_ABBREVIATIONS = frozenset("no. nos. nr. vol. fig. art. abs. s. p. pp. ziff.".split())
