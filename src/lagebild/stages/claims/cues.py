"""Words that signal reported speech and the reporter's stance, German and English.

Speech verbs are listed in the inflected forms news prose uses; German particle verbs
("kündigte … an", "teilte … mit", "wies … hin") count only when the particle follows
in the same clause, because "teilte" alone also means "shared".  Source markers
("laut", "according to") introduce a speaker without a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPEECH_DE = """sagte sagten sagt sagen gesagt erklärte erklärten erklärt erklären betonte betonten
betont behauptete behaupteten behauptet warnte warnten warnt gewarnt forderte forderten
fordert gefordert berichtete berichteten berichtet bestätigte bestätigten bestätigt
dementierte dementierten dementiert bestritt bestritten bestreitet versicherte versicherten
versichert drohte drohten droht gedroht angekündigt mitgeteilt hingewiesen festgestellt
meinte meinten meint schrieb schrieben schreibt geschrieben zitierte zitierten zitiert
beschuldigte beschuldigten beschuldigt bekräftigte bekräftigten bekräftigt unterstrich
unterstrichen antwortete antworteten fragte fragten leugnete leugneten geleugnet
verkündete verkündeten verkündet erläuterte erläuterten erläutert räumte räumten
eingeräumt vorgeworfen zurückgewiesen""".split()
#: Finite particle-verb forms → the particle that must follow in the clause.
PARTICLE_DE = {
    "kündigte": "an", "kündigten": "an", "kündigt": "an", "teilte": "mit", "teilten": "mit",
    "teilt": "mit", "wies": "hin", "wiesen": "hin", "weist": "hin", "stellte": "fest",
    "stellten": "fest", "stellt": "fest", "fügte": "hinzu", "fügten": "hinzu", "räumte": "ein",
    "räumten": "ein", "warf": "vor", "warfen": "vor", "gab": "bekannt", "gaben": "bekannt",
}  # fmt: skip
#: Reporting verbs that deny or reject: the claim is a rejection, not an assertion.
REJECTING = {"dementierte", "dementiert", "bestritt", "bestritten", "bestreitet", "leugnete",
             "zurückgewiesen", "denied", "denies", "rejected", "dismissed"}  # fmt: skip
SPEECH_EN = """said says say stated claimed claims claim announced announces warned warns denied
denies reported reports told tells added adds noted notes insisted insists accused accuses
alleged alleges argued argues suggested suggests urged urges promised promises threatened
threatens acknowledged acknowledges confirmed confirms wrote writes posted posts tweeted
declared declares stressed stresses asserted asserts maintained maintains reiterated
reiterates rejected dismissed vowed vows pledged clarified decreed signaled signalled
blamed blames denounced denounces explained explains predicted predicts""".split()
#: Nouns of speech acts: "ähnliche Andeutungen … gemacht", "issued a warning".
SPEECH_NOUNS_DE = re.compile(
    r"\b(?:Andeutung|Drohung|Warnung|Vorwurf|Vorwürfe|Forderung|Äußerung|Behauptung|"
    r"Ankündigung|Zusage|Dementi)(?:en|e|n)?\b"
)
SPEECH_NOUNS_EN = re.compile(
    r"\b(?:hints?|threats?|warnings?|accusations?|allegations?|claims?|statements?|"
    r"promises?|denials?)\b"
)
SOURCE_DE = re.compile(
    r"\b(?:[Ll]aut|[Nn]ach (?:eigenen )?Angaben (?:des|der|von|vom)|[Uu]nter Berufung auf|"
    r"[Nn]ach Informationen (?:des|der|von|vom))\s"
)
SOURCE_EN = re.compile(r"\b(?:[Aa]ccording to|[Cc]iting|[Pp]er)\s")
#: A postposed source: "dem Generalstab zufolge".
ZUFOLGE = re.compile(r"\bzufolge\b")
#: An English verb form after a determiner is a noun ("for that claim", "his claims").
DETERMINER_BEFORE_EN = re.compile(
    r"\b(?:the|a|an|that|this|these|those|his|her|its|their|our|such|any|no)\s+$", re.IGNORECASE
)
#: A German participle after a determiner is an adjective ("der behaupteten Aggression").
DETERMINER_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einer|einem|eines|seiner|ihrer)\s+$", re.IGNORECASE
)
KONJUNKTIV = re.compile(
    r"\b(?:sei|seien|seiest|habe|hätte|hätten|werde|würde|würden|wäre|wären|könne|könnten|"
    r"müsse|müssten|wolle|solle|dürfe|gebe|liege|stehe|gehe|komme)\b"
)
QUOTES = re.compile(
    r"„[^“”\"]{1,2000}[“”\"]|»[^«]{1,2000}«|«[^»]{1,2000}»|\"[^\"\n]{1,2000}\"|“[^”]{1,2000}”"
)
MEDIUM = re.compile(
    r"\b(?:(?:auf|über|via|on|in an?|in einer?|in einem)\s(?:seinem\s|ihrem\s|his\s|her\s|its\s)?"
    r"(?:Telegram(?:-Kanal| channel| post)?|X|Twitter|Facebook(?: post)?|Instagram|VKontakte|"
    r"YouTube|Interview|interview|Videobotschaft|video address|Fernsehansprache|Pressekonferenz|"
    r"press conference|Staatsfernsehen|state TV|state television|Rede|speech))\b"
)
#: Cues that only count inside the claim's own clause ("behauptete", "angeblich").
WEAK_STANCE = re.compile(r"\b(?:behauptete\w*|angeblich\w*|allegedly|purportedly)\b", re.IGNORECASE)
STANCE = {
    "refuted": re.compile(
        r"\b(?:falsely|false claims?|fälschlich(?:erweise)?|Falschbehauptung\w*|widerlegt|debunked|"
        r"baseless|haltlos\w*)\b",
        re.IGNORECASE,
    ),
    "disputed": re.compile(
        r"(?:offered no evidence|without (?:providing )?evidence|ohne (?:jeden )?Belege?|"
        r"no independent confirmation|cannot independently (?:verify|confirm)|"
        r"could not (?:be )?independently (?:verify|verified|confirm)|unbelegt\w*|"
        r"lass(?:en|t) sich nicht unabhängig überprüfen|nicht unabhängig (?:überprüft|bestätigt)|"
        r"\bclaimed without\b|unsubstantiated|unverified)",
        re.IGNORECASE,
    ),
    "supported": re.compile(
        r"\b(?:geolocated (?:footage|imagery)|confirmed by|bestätigt(?:e|en)? (?:durch|von)|"
        r"independently confirmed|unabhängig bestätigt)\b",
        re.IGNORECASE,
    ),
}


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


SPEECH_VERB = {
    "de": re.compile(rf"\b(?:{alternation(SPEECH_DE)}|{alternation(PARTICLE_DE)})\b"),
    "en": re.compile(rf"\b(?:{alternation(SPEECH_EN)})\b"),
}

#: Words that introduce the addressee: "told Reuters", "sagte gegenüber der BBC".
ADDRESSEE = re.compile(
    r"\b(?:told|telling|gegenüber|in einem Gespräch mit|in an interview with|"
    r"in einem Interview mit|sagte (?:dem|der)|said to)\s+(?:the\s|dem\s|der\s|den\s)?"
)
