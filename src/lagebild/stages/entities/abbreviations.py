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


def defined_abbreviations(text: str, found: Sequence[Found], taken: Iterable[Found]) -> list[Found]:
    """Mentions of acronyms defined after a mention in ``found``, where nothing in
    ``found`` or ``taken`` already stands."""
    occupied = [(f.start, f.end) for f in (*found, *taken)]
    added: list[Found] = []
    for item in found:
        if item.kind != "name":
            continue
        match = DEFINITION.match(text, item.end)
        if match is None or not _initials_fit(match.group(1), text[item.start : item.end]):
            continue
        for start, end in _uses(text, match.group(1)):
            if not _overlaps(occupied, start, end):
                added.append(replace(item, start=start, end=end))
                occupied.append((start, end))
    return added


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
