"""Publication dates as written in front matter, JSON Lines and file names.

A date is the calendar date *as written*, local to its own offset:
"2022-02-18 23:30:00 -0500" is 18 February, never converted to UTC.  Times,
weekdays and offsets are ignored, so a malformed time ("15 00 00") does not
lose the date.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jän": 1, "jänner": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mar": 3, "mär": 3, "märz": 3, "maerz": 3, "march": 3,
    "apr": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "okt": 10, "october": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "dez": 12, "december": 12, "dezember": 12,
}  # fmt: skip

_WEEKDAY = r"(?:[A-Za-z]{2,10}\.?,?\s+)?"
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_DAY_MONTH_NAME = re.compile(_WEEKDAY + r"(\d{1,2})\.?\s+([A-Za-zÄäÖöÜü]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_NAME_DAY = re.compile(
    _WEEKDAY + r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)
_DOTTED = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def parse_date(value: object) -> date | None:
    """The calendar date in ``value`` (a date, datetime or string), or None if there is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    return parse_date_text(value.strip())


def parse_date_text(text: str) -> date | None:
    """Parse ISO, RFC 2822, German ("14. April 2024", "14.04.2024") and English dates."""
    if match := _ISO.match(text):
        year, month, day = match.groups()
        return _valid(int(year), int(month), int(day))
    if match := _DAY_MONTH_NAME.match(text):
        day, month, year = match.groups()
        return _named(int(year), month, int(day))
    if match := _MONTH_NAME_DAY.match(text):
        month, day, year = match.groups()
        return _named(int(year), month, int(day))
    if match := _DOTTED.match(text):
        day, month, year = match.groups()
        return _valid(int(year), int(month), int(day))
    return None


def date_from_name(name: str) -> date | None:
    """A ``YYYY-MM-DD`` date in a file name ("2022-02-18-update.md", "notiz-2026-03-19.txt")."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    return _valid(year, month, day)


def _named(year: int, month_name: str, day: int) -> date | None:
    month = MONTHS.get(month_name.lower().rstrip("."))
    return _valid(year, month, day) if month else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
