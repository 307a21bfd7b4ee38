"""Dates of reduced precision: ``1994``, ``2024-05`` or ``2024-05-14``.

Role dates are often known only to the year or month.  A fuzzy date is kept
as its canonical ISO string; :func:`earliest` and :func:`latest` give the first
and last day it may mean, so intervals can be compared conservatively.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_fuzzy_date(value: object) -> str:
    """The canonical form of ``value`` (int year, ISO string or date); ValueError if invalid."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    text = value.strip()
    _check(text)
    return text


def _check(text: str) -> None:
    match = _PATTERN.match(text)
    if match is None:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError as error:
        raise ValueError(f"invalid date {text!r}: {error}") from None


def earliest(text: str) -> date:
    """The first day a fuzzy date may denote."""
    year, month, day = ([int(part) for part in text.split("-")] + [1, 1])[:3]
    return date(year, month, day)


def latest(text: str) -> date:
    """The last day a fuzzy date may denote."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def overlaps(first: tuple[str | None, str | None], second: tuple[str | None, str | None]) -> bool:
    """Whether two (since, until) intervals may share a day; open ends are unbounded."""
    return _starts(first[0]) <= _ends(second[1]) and _starts(second[0]) <= _ends(first[1])


def within(day: date, since: str | None, until: str | None) -> bool:
    """Whether ``day`` may fall inside the (since, until) interval."""
    return _starts(since) <= day <= _ends(until)


def _starts(since: str | None) -> date:
    return date.min if since is None else earliest(since)


def _ends(until: str | None) -> date:
    return date.max if until is None else latest(until)
