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
betont behauptete behaupteten behauptet behaupten warnte warnten warnt gewarnt forderte
forderten fordert gefordert berichtete berichteten berichtet bestätigte bestätigten bestätigt
dementierte dementierten dementiert bestritt bestritten bestreitet versicherte versicherten
versichert drohte drohten droht gedroht angekündigt mitgeteilt hingewiesen festgestellt
meinte meinten meint schrieb schrieben schreibt geschrieben zitierte zitierten zitiert
beschuldigte beschuldigten beschuldigt bekräftigte bekräftigten bekräftigt unterstrich
unterstrichen antwortete antworteten fragte fragten leugnete leugneten geleugnet
verkündete verkündeten verkündet erläuterte erläuterten erläutert räumte räumten
eingeräumt vorgeworfen zurückgewiesen mitteilt mitteilte mitteilten ankündigt ankündigte
ankündigten hinwies hinweist bekanntgab bekanntgegeben einräumte vorwarf zurückwies
mutmaßt mutmaßte mutmaßten versprach versprachen verspricht versprochen ergänzte ergänzten begründet begründete begründeten kritisierte kritisierten
kritisiert appellierte appellierten appelliert mahnte mahnten mahnt berichten schreiben
melden meldete meldeten meldet mitteilen plädierte plädierten plädiert verurteilte
verurteilten ergänzt reklamiert reklamierte reklamierten dankte dankten dankt gedankt""".split()
#: Finite particle-verb forms of speech → the particle that must follow in the clause.
PARTICLE_DE = {
    "kündigte": "an", "kündigten": "an", "kündigt": "an", "teilte": "mit", "teilten": "mit",
    "teilt": "mit", "wies": "hin", "wiesen": "hin", "weist": "hin", "stellte": "fest",
    "stellten": "fest", "stellt": "fest", "fügte": "hinzu", "fügten": "hinzu", "räumte": "ein",
    "räumten": "ein", "warf": "vor", "warfen": "vor", "gab": "bekannt", "gaben": "bekannt",
    "rief": "auf", "riefen": "auf", "ruft": "auf", "wirft": "vor", "werfen": "vor",
    "fügt": "hinzu", "räumt": "ein", "gibt": "bekannt", "sicherte": "zu", "sicherten": "zu",
    "sichert": "zu",
}  # fmt: skip
#: Particle verbs that frame a statement or belief but are no speech verbs alone
#: ("macht … deutlich", "geht … davon aus"): claims count them, assessments do not.
FRAME_PARTICLE_DE = {
    "machte": "deutlich", "machten": "deutlich", "macht": "deutlich", "geht": "davon aus",
    "gehen": "davon aus", "ging": "davon aus", "gingen": "davon aus",
}  # fmt: skip
ALL_PARTICLES_DE = {**PARTICLE_DE, **FRAME_PARTICLE_DE}
#: German reporting words for other stages (the assessments stage marks estimative terms
#: in reported speech with them): the speech verbs, particle verbs and source markers.
REPORTING_DE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted({*SPEECH_DE, *PARTICLE_DE}, key=len, reverse=True))
    + r"|[Ll]aut|zufolge)\b"
)
#: Speech and opinion verbs that count only with the word they govern later in the clause
#: ("sprach von …", "warb für …", "hielt … für möglich", "sieht keine Gefahr").  Unlike
#: particles the governed word is not part of the cue's name.
GOVERNED_DE = {
    **dict.fromkeys(("sprach", "sprachen", "spricht"), r"\b(?:von|sich\b.*\baus)\b"),
    **dict.fromkeys(("warb", "warben", "wirbt", "werben"), r"\b(?:für|um)\b"),
    **dict.fromkeys(("bewertete", "bewerteten", "bewertet"), r"\bals\b"),
    **dict.fromkeys(
        ("hielt", "hielten", "hält", "halten"),
        r"\bfür (?:möglich|wahrscheinlich|unwahrscheinlich|denkbar|ausgeschlossen|realistisch)\b",
    ),
    **dict.fromkeys(("sieht", "sah", "sehen", "sahen"), r"^\s+(?:\w+\s+){0,4}?kein(?:e|en)?\s"),
    **dict.fromkeys(("hieß", "heißt"), r"^\s+es\b"),
    **dict.fromkeys(("äußerte", "äußerten", "äußert"), r"^\s+sich\b.*[:„“\"»]"),
    #: "nannte den Angriff eine „Provokation“", "bezeichnete ihn als Lüge".
    **dict.fromkeys(("nannte", "nannten", "nennt"), r"„[^“]+“"),
    **dict.fromkeys(
        ("bezeichnete", "bezeichneten", "bezeichnet", "bezeichnen"), r"\bals\b|„[^“]+“"
    ),
    #: Beliefs of third parties count with their dass-clause ("Viele vermuten, dass …").
    **dict.fromkeys(
        (
            "vermuten",
            "vermutet",
            "vermutete",
            "vermuteten",
            "befürchten",
            "befürchtet",
            "befürchtete",
            "befürchteten",
        ),
        r"^\s*,\s*dass\b",
    ),
    **dict.fromkeys(("gab", "gaben"), r"\bzu [Bb]edenken\b"),
}
#: Reporting verbs that deny or reject: the claim is a rejection, not an assertion.
REJECTING = {"dementierte", "dementiert", "bestritt", "bestritten", "bestreitet", "leugnete",
             "zurückgewiesen", "denied", "denies", "rejected", "dismissed"}  # fmt: skip
SPEECH_EN = """said says say stated claimed claims claim announced announces warned warns denied
denies reported reports told tells added adds noted notes insisted insists accused accuses
alleged alleges argued argues suggested suggests urged urges promised promises threatened
threatens acknowledged acknowledges confirmed confirms wrote writes posted posts tweeted
declared declares stressed stresses asserted asserts maintained maintains reiterated
reiterates rejected dismissed vowed vows pledged clarified decreed signaled signalled
blamed blames denounced denounces explained explains predicted predicts emphasized emphasizes
emphasised downplayed downplays downplay circulated demanded promoted specified admitted
admits conceded concedes replied replies commented remarked boasted boasts hinted hints
revealed refuted refutes""".split()
#: Progressive forms count after an auxiliary only ("is falsely claiming that"); a bare
#: gerund mostly opens a participle clause whose speaker is hard to find.
PROGRESSIVE_EN = """claiming blaming accusing denying warning saying alleging insisting threatening
demanding arguing suggesting urging refuting asserting adding noting stating""".split()
AUXILIARY_BEFORE_EN = re.compile(
    r"\b(?:is|are|was|were|been|be|keeps?|kept)\s+(?:\w+ly\s+){0,2}(?:also\s+)?$"
)
#: English verbs that count only with the word they govern: "called for", "framed … as".
GOVERNED_EN = {
    **dict.fromkeys(("called", "calls", "call", "calling"), r"^\s+(?:\w+\s+)?(?:for|on)\b|“[^”]+”"),
    **dict.fromkeys(("framed", "frames", "defined", "defines", "portrayed"), r"\bas\b"),
    **dict.fromkeys(("demands",), r"^\s+that\b"),
    #: Stance frames: "Kyiv remains firm that …", "officials remained adamant that …".
    **dict.fromkeys(
        ("remain", "remains", "remained"),
        r"^\s+(?:firm|adamant|confident|convinced|insistent)\s+(?:[^.;]{0,20}\s)?that\b",
    ),
    #: "repeated that …", "implied that …": only with their that-clause ("repeated attacks").
    **dict.fromkeys(
        ("repeated", "repeats", "implied", "implies"), r"^\s+(?:[^.;]{0,40}?\s)?that\b"
    ),
    **dict.fromkeys(("proposed", "proposes"), r"^\s+(?:a|an|the|to|that)\b"),
}
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
    r"\b(?:[Ll]aut|[Uu]nter Berufung auf|[Nn]ach (?:ersten |offiziellen |übereinstimmenden )?"
    r"(?:Angaben|Informationen|Darstellung|Einschätzung|Ansicht|Auffassung|Aussagen?|"
    r"(?:den )?Worten|Erkenntnissen|Berichten|Schätzungen)"
    r"(?:\s(?:des|der|von|vom))?)(?=\s(?!(?:des\s|der\s)?(?:ISW|Instituts?)\b))"
)
SOURCE_EN = re.compile(r"\b(?:[Aa]ccording to|[Cc]iting|[Pp]er)(?=\s)")
#: A source the clause's own subject is: "Das Militär hat nach eigenen Angaben …".
OWN_SOURCE = re.compile(
    r"\b(?:[Nn]ach eigenen (?:Angaben|Informationen|Worten)|by (?:its|their|his|her) own account)\b"
)
#: A postposed source: "dem Generalstab zufolge".
ZUFOLGE = re.compile(r"\bzufolge\b")
#: A source named before ("Demnach …", "… demzufolge …"); in English, one nobody names
#: ("reportedly").
ANAPHORIC_SOURCE = {
    "de": re.compile(
        r"\b(?:[Dd]emnach|[Dd]emzufolge|[Ww]ie es (?:\w+\s)?(?:heißt|hieß|hieß es))\b"
    ),
    "en": re.compile(r"\b(?:[Rr]eportedly)\b"),
}
#: A postposed source after the content: "…, so Selenskyj", "…, so der Sprecher".
SO_SOURCE = re.compile(r",\s(so)\s(?=(?:der|die|das|ein|eine)\s|[A-ZÄÖÜ][\w-]+(?:\s|[.,]))")
#: Reportative "sollen": "Russland soll Dörfer erobert haben" (a claim someone made).
REPORTATIVE = re.compile(r"\b(?:soll|sollen)\b(?=[^.;:!?]*\b(?:haben|sein)(?:[\s.!?]*$|,))")
#: A reporting noun with its "wonach" clause: "Einschätzungen …, wonach Russland …".
WONACH = re.compile(
    r"\b(?:Einschätzung|Bericht|Angabe|Aussage|Meldung|Information|Darstellung|Behauptung|"
    r"Warnung|Vorwurf|Vorwürfe|Erkenntnis)(?:en|e|n|s|es)?\b[^.;:]{0,80}?,\s(wonach)\b"
)
#: An English verb form after a determiner is a noun ("for that claim", "his claims").
DETERMINER_BEFORE_EN = re.compile(
    r"\b(?:the|a|an|that|this|these|those|his|her|its|their|our|such|any|no)\s+$", re.IGNORECASE
)
#: A German participle after a determiner and before a noun is an adjective ("der
#: behaupteten Aggression"); "Das teilte der Minister mit" is a pronoun and a verb.
DETERMINER_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einer|einem|eines|seiner|ihrer)\s+$", re.IGNORECASE
)
#: An English verb form after such an adjective is a noun ("false claims", "new reports").
ADJECTIVE_BEFORE_EN = re.compile(
    r"\b(?:false|new|similar|unfounded|baseless|unverified|further|previous|earlier|"
    r"several|many|multiple|numerous|repeated|widespread|such|recent|other|Russian|Ukrainian)\s+$"
)
#: A form in -s after a conjunction or preposition is a noun ("though calls for", "despite
#: reports that").
NOUN_CONTEXT_EN = re.compile(
    r"\b(?:though|although|while|despite|amid|of|for|with|about|and|or|but|from|to|on)\s+$"
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
        r"\bclaimed without\b|unsubstantiated|unverified|"
        # a contradicting source the reporter sets against the claim
        r"\bwidersp(?:rechen|richt|rach|rachen)\s(?:\w+\s){0,2}(?:Darstellung|Angaben|Aussagen?|"
        r"Bericht\w*|Behauptung\w*)|\bcontradict(?:s|ed)?\s(?:this|these|the|such)\s"
        r"(?:claims?|reports?|accounts?|statements?))",
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
    "de": re.compile(
        rf"\b(?:{alternation(SPEECH_DE)}|{alternation(ALL_PARTICLES_DE)}|"
        rf"{alternation(GOVERNED_DE)})\b"
    ),
    "en": re.compile(
        rf"\b(?:{alternation(SPEECH_EN)}|{alternation(GOVERNED_EN)}|"
        rf"{alternation(PROGRESSIVE_EN)})\b"
    ),
}

#: Words that introduce the addressee: "told Reuters", "sagte gegenüber der BBC".
NOUN_AFTER = re.compile(r"\s+(?:[a-zäöü]\w{2,}(?:e|en|er|em|es)\s+)?[A-ZÄÖÜ]")
#: The analyst's own voice is an assessment, not a claim ("ISW warned", "wir gehen davon aus").
OWN_VOICE = frozenset({"org/isw"})
OWN_VOICE_WORDS = frozenset({"isw", "wir", "we"})
ADDRESSEE = re.compile(
    r"\b(?:told|telling|gegenüber|in einem Gespräch mit|in an interview with|"
    r"in einem Interview mit|sagte (?:dem|der)|said to)\s+(?:the\s|dem\s|der\s|den\s)?"
)
