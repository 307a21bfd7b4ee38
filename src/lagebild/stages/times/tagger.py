"""The temporal tagger: every rule's matches, the longest non-overlapping ones kept,
each resolved against its anchor (the document date or its ticker block's stamp) and
the tense of its clause.

``tag`` is the library call; ``resolve`` resolves one expression for later stages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from lagebild.errors import LagebildError
from lagebild.stages.times import rules_de, rules_en
from lagebild.stages.times.rules import Context, Piece, Rule
from lagebild.stages.times.tense import Decision, direction_at
from lagebild.stages.times.values import Anchor, Direction

#: What may stand between a date and its clock time for the two to be one expression.
#: Rules whose quarter becomes the reference of "a year earlier" (not shifted ones).
REFERENCE_RULES = frozenset({"quarter", "the-quarter"})
QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
DATE_CLOCK_GLUE = re.compile(r"\s*(?:,|um|at|gegen|ab|,\s*um|,\s*at)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A resolved time expression with the facts that explain its value."""

    piece: Piece
    anchor: Anchor | None
    decision: Decision


class TimeResolutionError(LagebildError, ValueError):
    """``resolve`` found no time expression in the text it was given."""


@cache
def rules_for(language: str) -> tuple[tuple[Rule, ...], Context]:
    module = rules_de if language == "de" else rules_en
    tables = module.CONTEXT_TABLES
    base = Context(
        anchor=None, direction=None, language="de" if language == "de" else "en", **tables
    )
    return tuple(module.RULES), base


def tag(
    text: str,
    language: str,
    anchor: Anchor | None,
    blocks: Sequence[tuple[int, Anchor]] = (),
) -> list[Found]:
    """All time expressions in ``text``; ``blocks`` are (offset, anchor) pairs of ticker
    blocks, each valid from its offset to the next."""
    rules, base = rules_for(language)
    found: list[Found] = []
    reference: str | None = None
    narrative: str | None = None
    for rule, match in _select(text, rules):
        local = _anchor_at(blocks, match.start(), anchor)
        decision = direction_at(text, match.start(), match.end(), base.language)
        context = replace(
            base,
            anchor=local,
            direction=decision.direction,
            reference=reference,
            narrative=narrative,
        )
        try:
            pieces = rule.handler(match, context)
        except (ValueError, KeyError):
            continue  # "31. Februar", an unknown day part: not a date we can state
        found += [Found(p, local, decision) for p in pieces]
        narrative = next((p.value for p in pieces if _calendar(p)), narrative)
        if rule.name in REFERENCE_RULES:
            reference = next(
                (p.value for p in pieces if p.value and QUARTER.match(p.value)), reference
            )
    return _clock_days(text, _merge_date_and_clock(text, found))


CALENDAR = re.compile(r"^\d{4}(?:-\d\d){0,2}$")


def _calendar(piece: Piece) -> bool:
    """A year, month or day: what a later "that year" or "the following day" counts from."""
    return piece.type == "DATE" and piece.value is not None and bool(CALENDAR.match(piece.value))


#: How far back (characters) a named day still dates a bare clock time.
CLOCK_REACH = 250
DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _clock_days(text: str, found: list[Found]) -> list[Found]:
    """A bare clock time ("um 14 Uhr", "at 10:35 a.m.") belongs to the day the text
    named just before it in the same paragraph, not necessarily the anchor's day."""
    dated: list[Found] = []
    last_day: Piece | None = None
    for item in found:
        piece = item.piece
        if piece.type == "DATE" and piece.value and DAY_VALUE.match(piece.value):
            last_day = piece
        elif piece.clock and last_day and _near(text, last_day, piece) and _unstamped(item):
            value = f"{last_day.value}T{piece.clock}"
            item = replace(item, piece=replace(piece, value=value))
        dated.append(item)
    return dated


def _unstamped(item: Found) -> bool:
    """Inside a ticker block a clock time belongs to the block's day."""
    return item.piece.value is not None and (item.anchor is None or item.anchor.source != "block")


def _near(text: str, day: Piece, clock: Piece) -> bool:
    return clock.start - day.end <= CLOCK_REACH and "\n\n" not in text[day.end : clock.start]


def _select(text: str, rules: Sequence[Rule]) -> list[tuple[Rule, re.Match[str]]]:
    """Leftmost-longest: longer matches first, earlier rules break ties."""
    candidates = [
        (rule, match)
        for rule in rules
        for match in rule.pattern.finditer(text)
        if match.end() > match.start()
    ]
    order = {id(rule): index for index, rule in enumerate(rules)}
    candidates.sort(key=lambda c: (c[1].start() - c[1].end(), order[id(c[0])], c[1].start()))
    taken: list[tuple[int, int]] = []
    chosen = []
    for rule, match in candidates:
        if all(match.end() <= start or match.start() >= end for start, end in taken):
            taken.append(match.span())
            chosen.append((rule, match))
    return sorted(chosen, key=lambda c: c[1].start())


def _anchor_at(
    blocks: Sequence[tuple[int, Anchor]], offset: int, default: Anchor | None
) -> Anchor | None:
    current = default
    for start, anchor in blocks:
        if start > offset:
            break
        current = anchor
    return current


def _merge_date_and_clock(text: str, found: list[Found]) -> list[Found]:
    """ "10. Mai, 22.55 Uhr", "March 5 at 10:00 am": one TIME expression."""
    merged: list[Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if previous and _joinable(text, previous.piece, item.piece):
            merged[-1] = _joined(previous, previous.piece, item.piece)
        elif previous and _joinable(text, item.piece, previous.piece):
            merged[-1] = _joined(item, item.piece, previous.piece)  # "9 a.m. Tuesday"
        else:
            merged.append(item)
    return merged


def _joined(found: Found, day: Piece, clock: Piece) -> Found:
    """One TIME expression spanning a day and its clock time, in either order."""
    assert day.value is not None and clock.clock is not None
    start, end = min(day.start, clock.start), max(day.end, clock.end)
    joined = replace(
        day,
        start=start,
        end=end,
        type="TIME",
        value=f"{day.value}T{clock.clock}",
        clock=clock.clock,
    )
    return replace(found, piece=joined)


def _joinable(text: str, day: Piece, clock: Piece) -> bool:
    """A day (not a week or part of day) and a clock time with only glue between them."""
    if clock.clock is None or day.type != "DATE" or day.value is None or len(day.value) != 10:
        return False
    between = text[day.end : clock.start] if day.end <= clock.start else text[clock.end : day.start]
    return DATE_CLOCK_GLUE.fullmatch(between) is not None


def resolve(
    expression: str,
    anchor: date | Anchor | None,
    tense: Direction | None = None,
    language: str = "de",
) -> Piece:
    """Resolve one expression ("am 17. Februar", "two days ago") against ``anchor``.

    ``tense`` overrides what the expression's own words say about past or future.
    Raises :class:`TimeResolutionError` with the reason when no time expression is found.
    """
    point = Anchor(anchor) if isinstance(anchor, date) else anchor
    rules, base = rules_for(language)
    context = replace(base, anchor=point, direction=tense)
    for rule, match in _select(expression, rules):
        pieces = rule.handler(match, context)
        if pieces:
            return pieces[0]
    raise TimeResolutionError(f"no {language} time expression in {expression!r}")
