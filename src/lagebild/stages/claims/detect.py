"""Find reported speech in a sentence: the cue, the mode and the content span.

Order of evidence, per sentence:
1. a quotation with a speech cue in the sentence → ``direct`` (content = the quote);
2. a speech verb followed by "dass"/"that"/"ob", or by a clause in Konjunktiv
   ("erklärte, beide hätten …"), or preceded by such a clause ("…, sagte Putin")
   → ``indirect``;
3. a source marker ("laut", "nach Angaben von", "according to", "… zufolge")
   → ``indirect`` (content = the rest of the sentence);
4. a speech verb or a speech-act noun without a content clause ("hatte … Andeutungen
   gemacht", "denied the reports") → ``reported`` (content = the verb's object).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from lagebild.stages.claims import cues as c

CLAUSE_STOP = re.compile(
    r";|,\s(?:während|wobei|aber|sondern|obwohl|while|whereas|but|although|though)\b|\s[–—]\s"
)
#: A second speech verb coordinated with the first: "… and falsely claimed …".
COORDINATED_CUE = re.compile(
    rf"\s(?:and|und)\s(?=(?:\w+ly\s|also\s|auch\s)?(?:{c.alternation(c.SPEECH_EN)}|"
    rf"{c.alternation(c.SPEECH_DE)})\b)"
)
#: An adverbial between cue and comma ("sagte am 19. Dezember, …"); ordinal dots allowed.
LEAD_TO_COMMA = re.compile(r"(?:[^,.;:]|(?<=\d)\.){0,80}?,\s")
#: The content conjunction after a cue, past a short adverbial ("stated on March 5 that").
CONJUNCTION_AFTER = re.compile(r"(?:[^.;:]|(?<=\d)\.){0,200}?\b(?:dass|ob|that|whether)\b")


@dataclass(frozen=True)
class Found:
    """A claim's skeleton in clean-text offsets; the speaker is found afterwards."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    mode: str
    content_start: int
    content_end: int
    source_marker: bool = False
    sentence_start: int = 0


def claims_in_sentence(text: str, start: int, end: int, language: str) -> list[Found]:
    """Claims of one sentence ``text[start:end]``: its quotations, else one per clause."""
    lang = "de" if language == "de" else "en"
    quotes = [
        m.span() for m in c.QUOTES.finditer(text, start, end) if _speech_quote(text, m, start)
    ]
    verbs = _verbs(text, start, end, lang, quotes)
    if quotes and (verbs or _quote_sentence(start, end, quotes)):
        return [replace(_direct(start, end, q, verbs), sentence_start=start) for q in quotes]
    found = []
    for clause_start, clause_end in _clauses(text, start, end):
        claim = _clause_claim(text, clause_start, clause_end, lang, quotes)
        if claim is not None:
            found.append(replace(claim, sentence_start=start))
    return found


def _clause_claim(
    text: str, start: int, end: int, lang: str, quotes: list[tuple[int, int]]
) -> Found | None:
    verbs = _verbs(text, start, end, lang, quotes)
    for verb in verbs:
        found = _indirect(text, start, end, verb, lang)
        if found:
            return found
    source = _source(text, start, end, lang)
    if source:
        return source
    if verbs:
        return _reported(text, start, end, verbs[0])
    noun = (c.SPEECH_NOUNS_DE if lang == "de" else c.SPEECH_NOUNS_EN).search(text, start, end)
    if noun and _has_speaker_verb(text, start, end, lang):
        return _noun_claim(text, start, end, noun, lang)
    return None


def _verbs(
    text: str, start: int, end: int, lang: str, quotes: list[tuple[int, int]]
) -> list[re.Match[str]]:
    return [
        m
        for m in c.SPEECH_VERB[lang].finditer(text, start, end)
        if _valid_verb(text, m, start, end, lang)
        and not any(q0 <= m.start() < q1 for q0, q1 in quotes)
    ]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Main clauses: a sentence split at ";", ", während", ", while", dashes."""
    stops = [m.start() for m in CLAUSE_STOP.finditer(text, start, end)]
    stops += [m.start() for m in COORDINATED_CUE.finditer(text, start, end)]
    cuts = [start, *sorted(stops), end]
    return [(a, b) for a, b in pairwise(cuts) if b - a > 8]


def _valid_verb(text: str, match: re.Match[str], start: int, end: int, language: str) -> bool:
    determiner = c.DETERMINER_BEFORE if language == "de" else c.DETERMINER_BEFORE_EN
    if determiner.search(text, max(start, match.start() - 12), match.start()):
        return False
    particle = c.PARTICLE_DE.get(match.group()) if language == "de" else None
    if particle is None:
        return True
    stop = CLAUSE_STOP.search(text, match.end(), end)
    clause_end = stop.start() if stop else end
    return re.search(rf"\b{particle}\b", text[match.end() : clause_end]) is not None


def _speech_quote(text: str, quote: re.Match[str], sentence_start: int) -> bool:
    """Quoted speech, not a scare quote: four words or more, opening the sentence or
    after a colon or comma, or closing with punctuation inside the marks."""
    inner = quote.group()[1:-1].strip()
    if len(inner.split()) < 4:
        return False
    before = text[sentence_start : quote.start()].rstrip()
    return not before or before[-1] in ":,–—" or inner[-1] in ".!?,"


def _quote_sentence(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """A sentence that is mostly a quotation is direct speech even without a verb."""
    quoted = sum(q1 - q0 for q0, q1 in quotes)
    return quoted > 0.6 * (end - start)


def _direct(start: int, end: int, quote: tuple[int, int], verbs: list[re.Match[str]]) -> Found:
    cue = min(verbs, key=lambda v: abs(v.start() - quote[0])) if verbs else None
    cue_span = cue.span() if cue else quote
    return Found(start, end, cue_span[0], cue_span[1], "direct", quote[0] + 1, quote[1] - 1)


def _indirect(text: str, start: int, end: int, verb: re.Match[str], lang: str) -> Found | None:
    conjunction = CONJUNCTION_AFTER.match(text, verb.end(), end)
    if conjunction:
        stop = CLAUSE_STOP.search(text, conjunction.end(), end)
        content = _trimmed(text, conjunction.end(), stop.start() if stop else end)
        if content[1] - content[0] > 8:
            return Found(start, end, *verb.span(), "indirect", *content)
    after = _clause_after(text, verb.end(), end)
    if after and (_konjunktiv(text, *after) if lang == "de" else _english_clause(text, *after)):
        return Found(start, end, *verb.span(), "indirect", *after)
    before = text.rfind(",", start, verb.start())
    fronted = before > start and text[before + 1 : verb.start()].strip() == ""
    if fronted:  # "…, sagte Putin" / "…, teilte das Ministerium mit": a reporting clause
        return Found(start, end, *verb.span(), "indirect", *_trimmed(text, start, before))
    return None


def _konjunktiv(text: str, start: int, end: int) -> bool:
    """Konjunktiv marks indirect speech: a listed form ("sei", "hätten"), or a verb in
    -e right after the clause's subject ("Russland liefere Raketen")."""
    if c.KONJUNKTIV.search(text, start, end):
        return True
    return V2_SUBJUNCTIVE.match(text, start, end) is not None


#: Subject (a capitalised word or a pronoun) + a lower-case finite verb ending in -e.
V2_SUBJUNCTIVE = re.compile(r"\s*(?:[A-ZÄÖÜ][\w-]*|er|sie|es|man)\s+[a-zäöüß]{3,}e\b")


def _clause_after(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The content clause after a cue: from after the comma (or the cue) to the clause end."""
    comma = LEAD_TO_COMMA.match(text, position, end)
    begin = comma.end() if comma else position
    while begin < end and text[begin].isspace():
        begin += 1
    stop = CLAUSE_STOP.search(text, begin, end)
    finish = stop.start() if stop else end
    finish = len(text[:finish].rstrip(" .!?"))
    return (begin, finish) if finish - begin > 8 else None


def _english_clause(text: str, start: int, end: int) -> bool:
    """ "said Russia was preparing …": a clause follows when it holds a finite verb."""
    return ENGLISH_FINITE.search(text, start, end) is not None


ENGLISH_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|had|has|have|could|can|may|might|must|should|"
    r"did|does|do|[a-z]{3,}ed)\b"
)


def _source(text: str, start: int, end: int, lang: str) -> Found | None:
    """ "Laut Lukaschenko wird …", "According to the MoD, …", "dem Stab zufolge …"."""
    marker = (c.SOURCE_DE if lang == "de" else c.SOURCE_EN).search(text, start, end)
    lead = text[start : marker.start()].strip() if marker else ""
    if marker and (lead == "" or lead.endswith(":")):  # a ticker stamp may precede it
        begin = _after_source_phrase(text, marker.end(), end)
        return Found(start, end, *marker.span(), "indirect", *_trimmed(text, begin, end), True)
    if marker:
        content = _trimmed(text, start, marker.start())
        return Found(start, end, *marker.span(), "indirect", *content, True)
    postposed = c.ZUFOLGE.search(text, start, end) if lang == "de" else None
    if postposed:
        content = _trimmed(text, postposed.end(), end)
        return Found(start, end, *postposed.span(), "indirect", *content, True)
    return None


def _after_source_phrase(text: str, position: int, end: int) -> int:
    """Where the source's noun phrase ends: at a comma, or at the first lower-case word
    after a capitalised one ("Laut dem Sprecher des Ministeriums | sei …")."""
    comma = min(
        (i for i in (text.find(",", position, end), text.find(":", position, end)) if i != -1),
        default=-1,
    )
    seen_noun = False
    for word in re.finditer(r"\S+", text[position:end]):
        absolute = position + word.start()
        if comma != -1 and absolute > comma:
            return comma + 1
        token = word.group().strip(",")
        if seen_noun and token[:1].islower() and token not in GENITIVE_LINKS:
            return absolute
        seen_noun = seen_noun or token[:1].isupper()
    return comma + 1 if comma != -1 else position


GENITIVE_LINKS = frozenset({"des", "der", "von", "vom", "of", "the"})


def _reported(text: str, start: int, end: int, cue: re.Match[str]) -> Found:
    after = _clause_after(text, cue.end(), end)
    content = after or _trimmed(text, cue.end(), end)
    return Found(start, end, *cue.span(), "reported", *content)


def _noun_claim(text: str, start: int, end: int, noun: re.Match[str], lang: str) -> Found:
    """ "ähnliche Andeutungen über … gemacht": the content is the noun phrase itself."""
    adjective = re.search(r"([a-zäöü]\w+\s)$", text[max(start, noun.start() - 30) : noun.start()])
    begin = noun.start() - len(adjective.group(1)) if adjective else noun.start()
    finish = end
    verb = SUPPORT_VERB[lang].search(text, noun.end(), end)
    if verb:
        finish = verb.start()
    return Found(start, end, *noun.span(), "reported", *_trimmed(text, begin, finish))


SUPPORT_VERB = {
    "de": re.compile(r"\b(?:gemacht|machte|machten|geäußert|äußerte|erhoben|erhob)\b"),
    "en": re.compile(r"\b(?:made|issued|repeated|voiced)\b"),
}


def _has_speaker_verb(text: str, start: int, end: int, lang: str) -> bool:
    return SUPPORT_VERB[lang].search(text, start, end) is not None


#: A live-ticker stamp at the head of a sentence is not part of what was said.
STAMP_PREFIX = re.compile(r"(?:Update(?:\svom)?[^:\n]{0,40}:|\d{1,2}[.:]\d\d\sUhr\s?[–—:-])\s*")


def _trimmed(text: str, begin: int, finish: int) -> tuple[int, int]:
    while begin < finish and text[begin] in " ,":
        begin += 1
    stamp = STAMP_PREFIX.match(text, begin, finish)
    if stamp:
        begin = stamp.end()
    finish = len(text[:finish].rstrip(" .!?,"))
    return begin, max(begin, finish)
