"""Span repairs that need every mention of a document: national institutions and place names
with a capitalised descriptor.

War reporting names state bodies with a national adjective in front ("Belarusian Ministry of
Internal Affairs", "Ukrainian National Security and Defense Council", "Hungarian Embassy").
The adjective is part of the body's usual name (tests/gold/README.md, span rules), so the
nationality mention and the pieces a model or the knowledge base found inside the phrase become
one ORGANIZATION.  Numbered units ("Russian 4th Tank Division") are left alone: there the
adjective stays a nationality word.  A place followed by a capitalised administrative
descriptor ("Kherson City", "Donetsk Region") becomes one place mention.
"""

from __future__ import annotations

import re

from lagebild.records import EntityType
from lagebild.stages.entities.build import Found, slug
from lagebild.stages.entities.ner_checks import HEADS, ROLE_WORDS

#: Acronyms of national bodies that take the adjective ("Ukrainian GUR", "Russian MoD").
ACRONYMS = frozenset("MoD GUR HUR SBU SVR GRU NSDC MFA".split())
CONNECTORS = frozenset({"and", "of", "for", "on", "the"})
WORD = re.compile(r"[\w’'.-]+|,")
PLACE_DESCRIPTORS = re.compile(r" (?:City|Oblast|Oblasts|Region|Province|Raion|District|Krai)\b")


def repair_spans(text: str, found: list[Found]) -> list[Found]:
    """``found`` with national institutions and described places merged into one mention."""
    return _described_places(text, _national_institutions(text, found))


def _national_institutions(text: str, found: list[Found]) -> list[Found]:
    result = list(found)
    for nat in sorted((f for f in found if f.kind == "nationality"), key=lambda f: f.start):
        end = _institution_end(text, nat.end, found)
        if end is not None:
            result = _merged(text, result, nat.start, end)
    return result


def _institution_end(text: str, start: int, found: list[Found]) -> int | None:
    """End of a state body's name that starts right after a nationality word, if any."""
    words = _capitalised_run(text, start, found)
    if not words or not words[0][0][:1].isupper():
        return None
    if words[0][0] in ACRONYMS:
        return words[0][2]
    heads = [i for i, (word, _, _) in enumerate(words) if word in HEADS]
    if not heads:
        return None
    last = heads[-1]
    tail = words[last + 1 :]
    if tail and tail[0][0] in {"of", "for", "on"}:
        named = [w for w in tail[1:] if w[0][:1].isupper()]
        return named[-1][2] if named else words[last][2]
    return words[last][2]


def _capitalised_run(text: str, start: int, found: list[Found]) -> list[tuple[str, int, int]]:
    """The words after ``start`` while they are capitalised or connectors, up to a role word
    or a person's name."""
    people = {f.start for f in found if f.type is EntityType.PERSON}
    words: list[tuple[str, int, int]] = []
    position = start
    while True:
        match = WORD.match(text, position + 1) if text[position : position + 1] == " " else None
        if match is None and text[position : position + 1] == ",":
            match = WORD.match(text, position)
        if match is None:
            break
        word = match.group()
        if word == ",":
            position = match.end()
            continue
        if word in ROLE_WORDS or match.start() in people:
            break
        if not (word[:1].isupper() or word in CONNECTORS):
            break
        words.append((word, match.start(), match.end()))
        position = match.end()
    while words and words[-1][0] in CONNECTORS:
        words.pop()
    return words


def _merged(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """Replace every mention inside ``start:end`` by one ORGANIZATION over it."""
    inside = [f for f in found if f.start < end and start < f.end]
    if any(f.end > end and f.type is not EntityType.ORGANIZATION for f in inside):
        return found
    orgs = [f for f in inside if f.type is EntityType.ORGANIZATION and f.end == end]
    key = orgs[0].key if orgs else f"unk/org/{slug(text[start:end])}"
    kept = [f for f in found if f not in inside]
    return [*kept, Found(start, end, key, EntityType.ORGANIZATION)]


def _described_places(text: str, found: list[Found]) -> list[Found]:
    result = list(found)
    for place in [f for f in found if f.type is EntityType.PLACE and f.kind == "name"]:
        match = PLACE_DESCRIPTORS.match(text, place.end)
        if match is None:
            continue
        end = match.end()
        inside = [f for f in result if f.start < end and place.start < f.end]
        if any(f.end > end or f.start < place.start for f in inside):
            continue
        kept = [f for f in result if f not in inside]
        result = [*kept, Found(place.start, end, place.key, EntityType.PLACE)]
    return result
