"""Abbreviations a document defines: "Russia's Defense Ministry (MoD)".

An acronym in parentheses right after a mention denotes the same entity there
and wherever it recurs in the document ("The MoD is likely ..."), whatever a
statistical model makes of the bare acronym (the small English model calls "MoD"
a place).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lagebild.stages.entities.build import Found

#: "(MoD)", "(SNRIU)", "(WHO)": a capital, then letters with at least one more capital.
DEFINITION = re.compile(r"\s?\(([A-Z](?=[A-Za-z&]*[A-Z])[A-Za-z&]{1,9})\)")


def with_abbreviations(text: str, found: Sequence[Found], taken: Iterable[Found]) -> list[Found]:
    """``found`` plus the mentions of acronyms defined after one of its mentions.

    A mention in ``found`` that is exactly such an acronym but of another entity gives way
    (the model's "MoD" place); one in ``taken`` (a knowledge-base link) stands.
    """
    definitions = _definitions(text, found)
    kept = [f for f in found if not _contradicts(text, f, definitions)]
    occupied = [(f.start, f.end) for f in (*kept, *taken)]
    added: list[Found] = []
    for acronym, item in definitions.items():
        for start, end in _uses(text, acronym):
            if not _overlaps(occupied, start, end):
                added.append(replace(item, start=start, end=end))
                occupied.append((start, end))
    return kept + added


def _contradicts(text: str, item: Found, definitions: dict[str, Found]) -> bool:
    defined = definitions.get(text[item.start : item.end])
    return defined is not None and defined.key != item.key


def _definitions(text: str, found: Sequence[Found]) -> dict[str, Found]:
    """Acronym → the first name mention it is defined after ("Defense Ministry (MoD)")."""
    definitions: dict[str, Found] = {}
    for item in found:
        match = DEFINITION.match(text, item.end) if item.kind == "name" else None
        if match and _initials_fit(match.group(1), text[item.start : item.end]):
            definitions.setdefault(match.group(1), item)
    return definitions


def _initials_fit(acronym: str, name: str) -> bool:
    """Every capital of the acronym starts a word of the name, in any order ("Defense
    Ministry (MoD)"): "China (ICBC)" is the tail of a longer name the mention missed."""
    initials = {word[0] for word in re.findall(r"[A-Z][\w’'-]*", name)}
    return {c for c in acronym if c.isupper()} <= initials


def _uses(text: str, acronym: str) -> Iterable[tuple[int, int]]:
    pattern = rf"(?<![\w-]){re.escape(acronym)}(?![\w-])"
    return (match.span() for match in re.finditer(pattern, text))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
