"""The words around an estimative term: negation, continuity, assessment verbs, speech.

Kept here as data so that the detector reads as rules.  The lists are deliberately
short: every cue is one a reader can check against the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lagebild.stages.assessments.scales import Term, terms_for
from lagebild.stages.claims.cues import REPORTING_DE

#: German adjective endings after a stem marked ``~`` in the lexicon.
ADJECTIVE_ENDINGS = r"(?:e|er|en|es|em|ste|sten|ster)?"

#: A negation right before the term, with intensifiers between ("not very likely",
#: "nicht für unwahrscheinlich", "no longer likely", "kaum wahrscheinlich").
NEGATION = {
    "en": re.compile(
        r"(?:\bnot|n[’']t|\bnever|\bno longer|\bhardly)\s+"
        r"(?:(?:very|so|that|as|particularly|especially|at all|be|been|seem|appear)\s+)*$",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"(?:\bnicht(?:\s+mehr|\s+länger)?|\bkeineswegs|\bkeinesfalls|\bkaum)\s+"
        r"(?:(?:sehr|so|besonders|allzu|für|als|eher)\s+)*$",
        re.IGNORECASE,
    ),
}

#: Continuity cues.  ``reaffirmed``: the judgement was made before and still stands;
#: ``changed``: it replaces an earlier one.  "now" alone is a time, not a revision,
#: so it only counts right before an assessment verb ("ISW now assesses").
REAFFIRMED = {
    "en": re.compile(
        r"\b(?:continues? to|continued to|still|remains?|remained|reiterates?|reiterated|"
        r"maintains?|previously|again|reaffirms?|reaffirmed)\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:weiterhin|nach wie vor|erneut|noch immer|immer noch|bleibt|bleiben|blieb|"
        r"bekräftigt\w*|bereits früher|bereits zuvor|wie bisher)\b",
        re.IGNORECASE,
    ),
}
CHANGED = {
    "en": re.compile(
        r"\b(?:no longer|revised|revises|revise|changed its assessment|now(?= assess| believe| judge"
        r"| expect| estimate))\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\b(?:nicht mehr|nicht länger|inzwischen|mittlerweile|revidiert\w*|korrigiert\w*|"
        r"nun|jetzt)\b",
        re.IGNORECASE,
    ),
}
#: Revision cues that also count right before the term ("no longer likely").
CHANGED_NEAR = {
    "en": re.compile(r"\bno longer\b", re.IGNORECASE),
    "de": re.compile(r"\bnicht (?:mehr|länger)\b", re.IGNORECASE),
}

#: Analytic confidence (ICD 203 keeps it apart from likelihood).
CONFIDENCE = re.compile(
    r"\b(?:with|mit) (?P<level>low|moderate|medium|high|geringer|mittlerer|hoher) "
    r"(?:confidence|Zuversicht|Konfidenz)\b",
    re.IGNORECASE,
)
CONFIDENCE_LEVELS = {
    "geringer": "low",
    "mittlerer": "moderate",
    "medium": "moderate",
    "hoher": "high",
}

#: Assessment verbs.  Lower case only: "ISW Assessed Control of Terrain" is a map title.
ASSESS_EN = re.compile(
    r"\b(?:assess|assesses|assessed|judge|judges|judged|estimate|estimates|estimated|"
    r"believe|believes|believed|expect|expects|expected|forecast|forecasts)\b"
)
#: English verbs that need a named or first-person subject, since "expected" and
#: "estimated" are also adjectives ("the expected offensive", "an estimated 20 BTGs").
NAMED_SUBJECT_ONLY = frozenset(
    {"believe", "believes", "believed", "expect", "expects", "expected", "estimate"}
    | {"estimates", "estimated", "forecast", "forecasts"}
)
#: Words between an English subject and its assessment verb.
ADVERBS_EN = re.compile(
    r"(?:\s+(?:continues to|continue to|continued to|still|now|previously|also|further|"
    r"again|currently|has|have|had|does|do|did|no longer|initially|already))*\s*$",
    re.IGNORECASE,
)
#: German verb frames: "hält … für", "geht … davon aus", "schätzt … ein", "nimmt an".
HALT = re.compile(r"\b(?:hält|halten|hielt|hielten)\b")
ASSESS_DE = re.compile(
    r"\b(?:(?:geht|gehen|ging|gingen)\b[^.;:]{0,80}?\bdavon aus|"
    r"(?:schätzt|schätzen|schätzte|schätzten)\b(?:[^.;:]{0,120}?\bein\b)?|"
    r"(?:nimmt|nehmen|nahm|nahmen)\b[^.;:]{0,60}?\ban\b(?=\s*,\s*dass)|"
    r"(?:erwartet|erwarten|erwartete|erwarteten|vermutet|vermuten|vermutete|glaubt|glauben|"
    r"glaubte|rechnet|rechnen|rechnete)\b(?:\s+(?:damit|weiterhin|nach wie vor|nun|erneut))*"
    r"(?=\s*,\s*dass))"
)
#: A named analytic source without a verb: "nach Einschätzung des ISW", "in ISW's assessment".
ASSESSMENT_NOUN = re.compile(
    r"\b(?:[Nn]ach (?:Einschätzung|Ansicht|Auffassung|Bewertung) (?:des|der|von|vom)|"
    r"[Ii]n (?:the )?assessment of)\s+"
)
FIRST_PERSON = re.compile(r"\b(?:we|We|wir|Wir)\s*$")

#: Reported speech: a speaker's "likely" is their claim, not the writer's estimate.
SPEECH = {
    "en": re.compile(
        r"\b(?:said|says|stated|claimed|told|tells|announced|warned|warns|"
        r"reported|added|argued|alleged|alleges|insisted|noted|suggested|wrote|posted|"
        r"declared|asserted|stressed|threatened|[Aa]ccording to|quoted)\b"
    ),
    "de": REPORTING_DE,  # one German list, kept with the claims stage
}
#: A verb form after a determiner is a noun or adjective ("the added troops").
DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|these|those|his|her|its|their|our|such|any|no|der|die|das|den|dem|"
    r"des|ein|eine|einer|einem|eines)\s+$",
    re.IGNORECASE,
)
#: The analyst as the speaker: "ISW warned", "we noted", "ISW previously reported".
OWN_VOICE = re.compile(r"\b(?:ISW|[Ww]e|[Ww]ir)\s+(?:\w+\s+)?$")
QUOTES = re.compile(
    r"„[^“”\"]{1,2000}[“”\"]|»[^«]{1,2000}«|«[^»]{1,2000}»|\"[^\"\n]{1,2000}\"|“[^”]{1,2000}”"
)
#: Where a clause ends inside a sentence.
CLAUSE_BREAK = re.compile(r"\s*(?:[;:]|,|\s[–—-]\s|\(|\))\s*")
#: "that"/"dass" opening the judged clause.
THAT = {
    "en": re.compile(r"^\s*(?:,\s*)?(?:(?:with \w+ confidence|on \w+ \d+|again|also)\s+)*that\b"),
    "de": re.compile(r"^[^.;]{0,40}?,\s*dass\b"),
}
#: Words trimmed off the edges of a proposition: they frame it, they are not judged.
FRAME_WORDS = frozenset(
    """es weiterhin nach wie vor erneut nun jetzt inzwischen auch nicht noch immer
    bereits für als mehr it is that dass""".split()
)
#: Capitalised words that do not make a subject ("An estimated 20 BTGs", "In March").
NOT_A_SUBJECT = frozenset(
    """The A An This That These Those It Its In On At As But And If While When After Before
    Der Die Das Ein Eine Es Im In Am Nach Bei Mit""".split()
)

#: Modals only count when the clause is the writer's own and the modal is epistemic;
#: "could not" is inability ("ISW could not confirm"), "may not" a possibility.
MODAL_BLOCKERS = {
    "could": re.compile(r"^\s*(?:not\b|n[’']t\b|never\b|have been able\b)", re.IGNORECASE),
    "könnte": re.compile(r"^\s*(?:man\b|sich\b\s*vorstellen)", re.IGNORECASE),
}
#: A conditional, purpose or question clause: "if they could", "so that", "whether", "ob".
HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|so that|in order that|unless|wenn|falls|ob|damit|sofern)\b[^,;]*$",
    re.IGNORECASE,
)
#: "kaum" is an estimate only with a future or modal verb ("dürfte kaum gelingen"); not
#: "kaum noch", "kaum ein", "kaum jemand" (barely, hardly any).
KAUM_CONTEXT = re.compile(
    r"\b(?:wird|werden|würde|würden|dürfte|dürften|kann|können|könnte|könnten|"
    r"zu erwarten|vorstellbar|denkbar|realistisch|gelingen)\b",
    re.IGNORECASE,
)
KAUM_BLOCKED = re.compile(
    r"^\s*(?:noch|mehr|anders|ein(?:e|er|em|en|es)?|jemand\w*|etwas|zu)\b", re.IGNORECASE
)
#: "remote" is the ICD 203 synonym only as a predicate or before a word of chance.
COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|remains?|remained|seems?|appears?)\s+$")
CHANCE_AFTER = re.compile(r"\s+(?:chance|possibility|prospect|likelihood)s?\b")
#: "wohl" is concessive in "wohl aber", idiomatic in "wohl oder übel", "sich wohl fühlen".
WOHL_BLOCKED = re.compile(r"^\s*(?:aber|oder übel|fühl\w*|gemerkt|bekannt)\b", re.IGNORECASE)


def _pattern(term: Term) -> str:
    words = [re.escape(word) for word in term.phrase.split()]
    body = r"\s+".join(words)
    return body + ADJECTIVE_ENDINGS if term.inflects else body


def term_pattern(language: str) -> re.Pattern[str]:
    """One alternation of the language's lexicon, longest phrase first."""
    return _compiled(language, terms_for(language))


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(language: str, terms: Iterable[Term]) -> re.Pattern[str]:
    if language not in _CACHE:
        alternatives = "|".join(f"(?:{_pattern(term)})" for term in terms)
        _CACHE[language] = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return _CACHE[language]


def term_of(language: str, phrase: str) -> Term:
    """The lexicon entry a matched phrase comes from (inflected or not)."""
    normal = " ".join(phrase.lower().split())
    for term in terms_for(language):
        if normal == term.phrase.lower() or (
            term.inflects and re.fullmatch(_pattern(term), normal, re.IGNORECASE)
        ):
            return term
    raise KeyError(phrase)
