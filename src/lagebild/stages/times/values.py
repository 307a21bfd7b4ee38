"""Calendar arithmetic behind TIMEX3 values: shifts, weeks, quarters and the year a
day-month without a year falls in.

Every function takes the anchor explicitly; nothing here reads the clock, so an
undated document can never receive the current year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Literal

Direction = Literal["past", "future"]
#: How far (days) an undirected day-month may lie from the anchor before the year flips.
HALF_YEAR = 183
#: A past-tense sentence may still name a date shortly after the anchor (a scheduled
#: meeting, a report's own day); only further ahead does the year flip back.
SLACK_DAYS = 60


@dataclass(frozen=True)
class Anchor:
    """The point in time relative expressions resolve against."""

    day: date
    clock: time | None = None
    source: str = "document"

    def iso(self) -> str:
        if self.clock is None:
            return self.day.isoformat()
        return f"{self.day.isoformat()}T{self.clock.hour:02d}:{self.clock.minute:02d}"


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day`` (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def shift_quarters(day: date, quarters: int) -> tuple[int, int]:
    index = day.year * 4 + quarter_of(day) - 1 + quarters
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month (31 April)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def year_of_day_month(anchor: date, month: int, day: int, direction: Direction | None) -> int:
    """The year of "19. Dezember" said on ``anchor``: past or future as the sentence says,
    else the occurrence nearest the anchor."""
    candidate = safe_date(anchor.year, month, day) or safe_date(anchor.year, month, 28)
    assert candidate is not None  # month is 1..12 and day 28 always exists
    gap = (candidate - anchor).days
    if direction == "past":
        return anchor.year - 1 if gap > SLACK_DAYS else anchor.year
    if direction == "future":
        return anchor.year + 1 if gap < -SLACK_DAYS else anchor.year
    if gap > HALF_YEAR:
        return anchor.year - 1
    if gap < -HALF_YEAR:
        return anchor.year + 1
    return anchor.year


def year_of_month(anchor: date, month: int, direction: Direction | None) -> int:
    """The year of "im Februar" said on ``anchor``."""
    gap = month - anchor.month
    if direction == "past":
        return anchor.year - 1 if gap > 1 else anchor.year
    if direction == "future":
        return anchor.year + 1 if gap < -1 else anchor.year
    if gap > 6:
        return anchor.year - 1
    if gap < -6:
        return anchor.year + 1
    return anchor.year


def weekday_date(anchor: date, weekday: int, direction: Direction | None) -> date:
    """The date of "Friday" said on ``anchor`` (ISO weekday; news default: the past).

    Said on a Friday, "Friday" is that day: wire copy names the weekday of its own date."""
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)


def shifted(anchor: date, amount: int, unit: str) -> str:
    """The value of ``amount`` units after ``anchor`` (negative: before), at the unit's
    granularity: days give a day, weeks a week, months a month, years a year."""
    if unit == "D":
        return day_value(anchor + timedelta(days=amount))
    if unit in ("W", "WE"):
        week = week_value(anchor + timedelta(weeks=amount))
        return f"{week}-WE" if unit == "WE" else week
    if unit == "M":
        return month_value(*shift_months(anchor, amount))
    if unit == "Q":
        year, quarter = shift_quarters(anchor, amount)
        return f"{year:04d}-Q{quarter}"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    return f"{anchor.year + amount:04d}"


#: Units longer than a year, in years.
YEARS_PER = {"DE": 10, "CE": 100}


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3M, PT24H, PXD for a vague amount, P2.5Y for a fraction."""
    if amount is not None and unit in YEARS_PER:  # ISO has no decade: "two decades" is P20Y
        amount, unit = amount * YEARS_PER[unit], "Y"
    count = "X" if amount is None else f"{amount:g}"
    if unit.startswith("T"):
        return f"PT{count}{unit[1:]}"
    if unit == "WE":
        return f"P{'X' if amount is None else f'{2 * amount:g}'}D"
    return f"P{count}{unit}"


#: The next smaller unit and how many of it make half of a unit.
HALF_IN_SMALLER = {"Y": ("M", 6), "D": ("TH", 12), "TH": ("TM", 30), "TM": ("TS", 30)}


def duration_and_half(whole: int, unit: str) -> str:
    """ "2 1/2 years" is P2Y6M and "an hour and a half" PT1H30M (TIMEX3 wants integers
    where the next unit can carry the half); else a decimal, P1.5M."""
    if unit not in HALF_IN_SMALLER:
        return duration(whole + 0.5, unit)
    smaller, count = HALF_IN_SMALLER[unit]
    clock = "T" if smaller.startswith("T") and not unit.startswith("T") else ""
    return f"{duration(whole, unit)}{clock}{count}{smaller[-1]}"


def precision_of(value: str | None) -> str:
    """The granularity a TIMEX3 value states: minute, hour, part-of-day, day, week,
    month, quarter, season, year, decade, century, reference, duration, set or unknown."""
    if not value:
        return "unknown"
    if value.endswith("_REF"):
        return "reference"
    if value.startswith("P"):
        return "duration"
    return _date_precision(value)


def _date_precision(value: str) -> str:
    if "T" in value:
        clock = value.split("T", 1)[1]
        if clock[:1].isdigit():
            return "minute" if ":" in clock else "hour"
        return "part-of-day"
    head, _, tail = value.partition("-")
    if not tail:
        return {2: "century", 3: "decade"}.get(len(head), "year")
    if tail.startswith("W"):
        return "week"
    if tail.startswith("Q"):
        return "quarter"
    if tail[:2] in ("SP", "SU", "FA", "WI"):
        return "season"
    return "day" if tail.count("-") == 1 else "month"


def acled_precision(precision: str, mod: str | None = None) -> int:
    """ACLED's time_precision: 1 day (or finer), 2 week or a few days, 3 month or coarser."""
    if mod in ("APPROX", "START", "MID", "END") and precision == "day":
        return 2
    if precision in ("minute", "hour", "part-of-day", "day"):
        return 1
    if precision == "week":
        return 2
    return 3


#: German holiday names → the English keys of ``holiday_date``.
GERMAN_HOLIDAYS = {
    "weihnachten": "christmas day", "heiligabend": "christmas eve",
    "silvester": "new year's eve", "neujahr": "new year's day", "ostern": "easter",
    "ostersonntag": "easter sunday",
}  # fmt: skip


def holiday_date(name: str, year: int) -> date:
    """The date of a holiday in ``year`` (Western Easter; US Thanksgiving and Election Day)."""
    name = GERMAN_HOLIDAYS.get(name, name)
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    if name == "independence day":
        return date(year, 7, 4)
    first = date(year, 11, 2)  # election day: the Tuesday after the first Monday
    return first + timedelta(days=(1 - first.weekday()) % 7)


def _easter(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)
