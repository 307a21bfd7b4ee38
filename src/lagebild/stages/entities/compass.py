"""Named areas made of a compass word: "the West", "Eastern Europe", "Western Ukraine".

Capitalised, a compass word before a place names a region of its own ("Eastern
Europe"), while lower case it only says where ("eastern Ukraine").  "The West"
as a noun is the political bloc.  The knowledge base has no entities for these,
so they get unknown-place keys ("unk/place/eastern-europe").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lagebild.records import EntityType
from lagebild.stages.entities.gazetteer import fold

if TYPE_CHECKING:
    from lagebild.stages.entities.build import Found

COMPASS_BEFORE = re.compile(r"\b(?:Eastern|Western|Northern|Southern|Central) $")
#: "the West" as a noun: not "the West Bank", "the West-backed", "the West's" stays.
THE_WEST = re.compile(r"\b[Tt]he (West)\b(?![ -]?[A-Z]|-)")


def compass_regions(text: str, found: Sequence[Found]) -> list[Found]:
    """Place mentions widened over a capitalised compass word before them, plus "the West"."""
    widened = [_widened(text, item) for item in found]
    return widened + _the_west(text, widened)


def _widened(text: str, item: Found) -> Found:
    if item.type is not EntityType.PLACE or item.kind != "name":
        return item
    match = COMPASS_BEFORE.search(text, max(0, item.start - 12), item.start)
    if match is None:
        return item
    name = text[match.start() : item.end]
    return replace(item, start=match.start(), key=f"unk/place/{_slug(name)}")


def _the_west(text: str, found: Sequence[Found]) -> list[Found]:
    spans = [(f.start, f.end) for f in found]
    added = []
    for match in THE_WEST.finditer(text):
        start, end = match.span(1)
        if not any(s < end and start < e for s, e in spans):
            added.append(_found(start, end, "unk/place/west"))
    return added


def _found(start: int, end: int, key: str) -> Found:
    from lagebild.stages.entities.build import Found  # build imports this module

    return Found(start, end, key, EntityType.PLACE)


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-")
