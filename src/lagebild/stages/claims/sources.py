"""Source markers: claims whose speaker is named by a phrase, not by a verb's subject.

"laut X", "nach Angaben von X", ", so X" (after), "X zufolge" (before), "nach eigenen
Angaben" (the clause's subject), "demnach", "wie es heißt", reportative "sollen" (the
source named before), "reportedly" (nobody), "Das teilte X mit" (the sentence before is
the content), and reporting nouns with a "wonach" clause.
"""

from __future__ import annotations

import re

from lagebild.stages.claims import cues as c
from lagebild.stages.claims.found import CLAUSE_STOP, Found, required_words, trimmed


def demonstrative_report(text: str, start: int, end: int, lang: str) -> Found | None:
    """ "Das teilte der Minister mit.", "Das sagte Putin.": the sentence before is what was
    said; the stage fills in its content (marker "that").  Not "Das behauptete Ziel wurde
    verfehlt", where a second verb shows the form to be an adjective."""
    lead = DEMONSTRATIVE_LEAD.match(text, start, end) if lang == "de" else None
    verb = c.SPEECH_VERB["de"].match(text, lead.end(), end) if lead else None
    if verb is None or SECOND_VERB.search(text, verb.end(), end):
        return None
    required = required_words(verb.group(), "de")
    after = text[verb.end() : end]
    if required and not any(re.search(pattern, after) for pattern in required):
        return None
    return Found(start, end, *verb.span(), "indirect", start, start, "that")


DEMONSTRATIVE_LEAD = re.compile(r"\s*(?:[^:\n]{0,60}\d\sUhr:\s*)?(?:Das|Dies)(?:\s+alles)?\s+")
SECOND_VERB = re.compile(
    r"\b(?:ist|war|wurde|wird|sind|waren|wurden|hat|hatte|haben|bleibt|blieb)\b"
)


def source(text: str, start: int, end: int, lang: str) -> Found | None:
    """ "Laut Lukaschenko wird …", "According to the MoD, …", "dem Stab zufolge …",
    "…, so Selenskyj", "nach eigenen Angaben", "Demnach …"."""
    marker = (c.SOURCE_DE if lang == "de" else c.SOURCE_EN).search(text, start, end)
    lead = text[start : marker.start()].strip() if marker else ""
    if marker and (lead == "" or lead.endswith(":")):  # a ticker stamp may precede it
        begin = _after_source_phrase(text, marker.end(), end)
        return Found(start, end, *marker.span(), "indirect", *trimmed(text, begin, end), "after")
    if marker:  # inside the clause: the clause is what the source says
        return Found(start, end, *marker.span(), "indirect", *trimmed(text, start, end), "after")
    return _postposed_source(text, start, end, lang)


def _postposed_source(text: str, start: int, end: int, lang: str) -> Found | None:
    so = c.SO_SOURCE.search(text, start, end) if lang == "de" else None
    if so:
        content = trimmed(text, start, so.start())
        return Found(start, end, *so.span(1), "indirect", *content, "after")
    for pattern, where in (
        (c.ZUFOLGE if lang == "de" else None, "before"),
        (c.OWN_SOURCE, "subject"),
        (c.ANAPHORIC_SOURCE[lang], "previous" if lang == "de" else "none"),
    ):
        found = pattern.search(text, start, end) if pattern else None
        if found:
            fronted = (
                where == "before"
                and FRONTED_SOURCE.match(text, found.end(), end) is not None
                and SOURCE_PHRASE.fullmatch(text, start, found.start()) is not None
            )
            content = trimmed(text, found.end() if fronted else start, end)
            return Found(start, end, *found.span(), "indirect", *content, where)
    return None


#: "Dem Generalstab zufolge wurden …": the source fills the prefield, the verb follows.
FRONTED_SOURCE = re.compile(r"\s+[a-zäöü]")
#: Only the source's noun phrase before "zufolge" (articles, adjectives, nouns, names).
SOURCE_PHRASE = re.compile(
    r"\s*(?:(?:[A-ZÄÖÜ][\w-]*|der|des|dem|den|einem|einer|eines|"
    r"[a-zäöü][\w-]{2,}(?:e|en|er|em|es))\s+)*"
)


def wonach(text: str, start: int, end: int, lang: str) -> Found | None:
    """ "Einschätzungen der Balten, wonach Russland bereit sein könnte": noun and clause."""
    found = c.WONACH.search(text, start, end) if lang == "de" else None
    if found is None:
        return None
    stop = CLAUSE_STOP.search(text, found.end(), end)
    content = trimmed(text, found.start(1), stop.start() if stop else end)
    noun_end = found.start() + len(re.match(r"\w+", found.group()).group())  # type: ignore[union-attr]
    return Found(start, end, found.start(), noun_end, "indirect", *content, "after")


def unattributed(text: str, start: int, end: int, lang: str) -> Found | None:
    """Reportative "sollen" ("Russland soll Dörfer erobert haben"): somebody claims it,
    the speaker is the source named before, if any; there is no cue word."""
    found = c.REPORTATIVE.search(text, start, end) if lang == "de" else None
    if found is None:
        return None
    return Found(start, end, start, start, "indirect", *trimmed(text, start, end), "previous")


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
