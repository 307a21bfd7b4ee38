"""Scraping-debris removal with a clean → raw offset map.

The cleaner removes whole embed blocks (a platform label, consent text and the
"Inhalt laden" button), whole lines that match a debris rule (share bars, ads,
navigation, newsletter prompts, credits; see ``patterns_de_en.txt``), lines a
document repeats three times or more (a ticker's transparency note), link labels
that close a document ("… im Internet"), and photo credits or embed text at the
end of a kept line.  Everything else is kept verbatim: the clean text is the raw
text with some stretches cut out, so every clean character maps to the identical
raw character.

Where lines were removed, the blank lines around them collapse: between two kept
lines at most one blank line remains (none if there was none), and removed lines
at the start or end of the text take the blank lines next to them along.  Blank
lines elsewhere are left as they are.  Every removed character belongs to one
``Removal`` (raw offsets, reason, text).

Speed: whole-text regex scans find the candidate lines (C speed, linear: every
quantifier is bounded or possessive); Python work is spent on candidates only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lagebild.clean.decide import Drop, drops
from lagebild.clean.lines import Lines
from lagebild.clean.patterns import load_rules
from lagebild.records import OffsetMap, Removal, Segment

Stretch = tuple[int, int]


@dataclass(frozen=True)
class CleanResult:
    """The clean text, what was removed (raw offsets) and the clean → raw map."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)


def clean_text(
    raw: str, extra_patterns: Sequence[str] = (), pattern_files: Sequence[str] = ()
) -> CleanResult:
    """Return the clean text, the removed spans and the clean → raw offset map."""
    rules = load_rules(tuple(pattern_files), tuple(extra_patterns))
    lines = Lines(raw)
    found = drops(lines, rules)
    dropped = {index for drop in found for index in range(drop.first, drop.last + 1)}
    tails = {index: tail for index, tail in lines.tails.items() if index not in dropped}
    cut = _merge(sorted(_cut_stretches(lines, dropped, tails)))
    units = sorted(_units(lines, found, tails), key=lambda unit: unit.start)
    return _result(raw, cut, units)


# --- which raw stretches go -------------------------------------------------------


def _cut_stretches(
    lines: Lines, dropped: set[int], tails: dict[int, tuple[int, str]]
) -> Iterator[Stretch]:
    for first, last in _runs(sorted(dropped)):
        yield from _run_stretches(lines, first, last)
    for index, (start, _) in tails.items():
        yield start, lines.ends[index]


def _runs(indexes: list[int]) -> Iterator[Stretch]:
    """Maximal runs ``(first, last)`` of consecutive line indexes."""
    for position, index in enumerate(indexes):
        if position == 0 or indexes[position - 1] != index - 1:
            first = index
        if position == len(indexes) - 1 or indexes[position + 1] != index + 1:
            yield first, index


def _run_stretches(lines: Lines, first: int, last: int) -> Iterator[Stretch]:
    """What goes with removed lines ``first..last``: the lines and the white space around."""
    raw, count = lines.raw, len(lines)
    if first == 0:  # the text's start: blank lines before the next kept line go too
        yield 0, (lines.starts[last + 1] if last + 1 < count else len(raw))
    elif last == count - 1:  # the text's end: keep the kept line's newline if the text had one
        yield lines.ends[first - 1] + raw.endswith("\n"), len(raw)
    else:
        opening, closing = lines.ends[first - 1] + 1, lines.starts[last + 1]
        kept = next(_one_blank_line(lines, first, last), (opening, opening))
        yield opening, kept[0]
        yield kept[1], closing


def _one_blank_line(lines: Lines, first: int, last: int) -> Iterator[Stretch]:
    """A blank line to keep between the kept lines around ``first..last``: next to a kept
    line where there is one, so the removed text between them stays in one piece."""
    raw, starts, ends = lines.raw, lines.starts, lines.ends
    newline = raw.find("\n", ends[first - 1] + 1, starts[first])
    if newline >= 0:
        yield ends[first - 1] + 1, newline + 1
        return
    newline = raw.rfind("\n", ends[last], starts[last + 1] - 1)
    if newline >= 0:
        yield newline + 1, starts[last + 1]
        return
    for index in range(first, last):
        newline = raw.find("\n", ends[index] + 1, starts[index + 1])
        if newline >= 0:
            yield ends[index] + 1, newline + 1
            return


def _merge(stretches: list[Stretch]) -> list[Stretch]:
    merged: list[Stretch] = []
    for start, end in stretches:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- the result -------------------------------------------------------------------


def _units(lines: Lines, found: list[Drop], tails: dict[int, tuple[int, str]]) -> Iterator[Removal]:
    """The removed lines and line tails, before the white space around them is added."""
    for drop in found:
        start, end = lines.starts[drop.first], lines.ends[drop.last]
        yield Removal(start=start, end=end, reason=drop.reason)
    for index, (start, reason) in tails.items():
        yield Removal(start=start, end=lines.ends[index], reason=reason)


def _result(raw: str, cut: list[Stretch], units: list[Removal]) -> CleanResult:
    kept = list(_complement(cut, len(raw)))
    segments, clean_start = [], 0
    for start, end in kept:
        segments.append(Segment(clean_start=clean_start, raw_start=start, length=end - start))
        clean_start += end - start
    text = "".join(raw[start:end] for start, end in kept)
    return CleanResult(text, list(_removals(raw, cut, units)), OffsetMap(segments=segments))


def _complement(stretches: list[Stretch], length: int) -> Iterator[Stretch]:
    position = 0
    for start, end in [*stretches, (length, length)]:
        if start > position:
            yield position, start
        position = end


def _removals(raw: str, cut: list[Stretch], units: list[Removal]) -> Iterator[Removal]:
    """One removal per unit, widened to cover the white space of its stretch."""
    index = 0
    for cut_start, cut_end in cut:
        inside = []
        while index < len(units) and units[index].start < cut_end:
            inside.append(units[index])
            index += 1
        if not inside:  # cannot happen by construction; say so rather than lose the stretch
            inside = [Removal(start=cut_start, end=cut_end, reason="blank-lines")]
        bounds = [cut_start, *(unit.start for unit in inside[1:]), cut_end]
        for unit, start, end in zip(inside, bounds, bounds[1:], strict=False):
            yield Removal(start=start, end=end, reason=unit.reason, text=raw[start:end])
