"""Calendar arithmetic: years of partial dates, weekdays, shifts, precision codes."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.stages.times.values import (
    acled_precision,
    duration,
    holiday_date,
    precision_of,
    shifted,
    weekday_date,
    year_of_day_month,
    year_of_month,
)

DEC_20 = date(2022, 12, 20)
JAN_10 = date(2023, 1, 10)


@pytest.mark.parametrize(
    ("anchor", "month", "day", "direction", "year"),
    [
        (DEC_20, 2, 17, "past", 2022),
        (DEC_20, 2, 17, "future", 2023),
        (DEC_20, 2, 17, None, 2023),
        (DEC_20, 12, 19, None, 2022),
        (JAN_10, 12, 28, "past", 2022),
        (JAN_10, 12, 28, None, 2022),
        (JAN_10, 1, 20, "past", 2023),  # a past-tense sentence about a scheduled day
        (DEC_20, 12, 1, "future", 2022),
    ],
)
def test_year_of_day_month(
    anchor: date, month: int, day: int, direction: str | None, year: int
) -> None:
    assert year_of_day_month(anchor, month, day, direction) == year  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "direction", "year"), [(2, "past", 2022), (2, "future", 2023), (11, None, 2022)]
)
def test_year_of_month(month: int, direction: str | None, year: int) -> None:
    assert year_of_month(DEC_20, month, direction) == year  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (5, "past", date(2022, 12, 16)),  # Tuesday 20 Dec: last Friday
        (5, "future", date(2022, 12, 23)),
        (2, "past", DEC_20),  # the weekday of the anchor is the anchor
        (1, None, date(2022, 12, 19)),
    ],
)
def test_weekday_date(weekday: int, direction: str | None, expected: date) -> None:
    assert weekday_date(DEC_20, weekday, direction) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (-2, "D", "2022-12-18"),
        (-1, "W", "2022-W50"),
        (1, "M", "2023-01"),
        (-1, "Q", "2022-Q3"),
        (-1, "Y", "2021"),
        (0, "WE", "2022-W51-WE"),
    ],
)
def test_shifted(amount: int, unit: str, value: str) -> None:
    assert shifted(DEC_20, amount, unit) == value


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [(3, "M", "P3M"), (24, "TH", "PT24H"), (None, "D", "PXD"), (1, "WE", "P2D")],
)
def test_duration(amount: int | None, unit: str, value: str) -> None:
    assert duration(amount, unit) == value


@pytest.mark.parametrize(
    ("value", "precision", "acled"),
    [
        ("2022-12-19T22:55", "minute", 1),
        ("2022-12-19TEV", "part-of-day", 1),
        ("2022-12-19", "day", 1),
        ("XXXX-12-19", "day", 1),
        ("2022-W50", "week", 2),
        ("2022-12", "month", 3),
        ("2022-Q3", "quarter", 3),
        ("2022-SU", "season", 3),
        ("2022", "year", 3),
        ("199", "decade", 3),
        ("PRESENT_REF", "reference", 3),
        ("P3M", "duration", 3),
        (None, "unknown", 3),
    ],
)
def test_precision(value: str | None, precision: str, acled: int) -> None:
    assert precision_of(value) == precision
    assert acled_precision(precision) == acled


def test_fuzzy_day_is_week_precision_for_acled() -> None:
    assert acled_precision("day", "END") == 2


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("easter", 2024, date(2024, 3, 31)),
        ("ostern", 2023, date(2023, 4, 9)),
        ("thanksgiving", 1999, date(1999, 11, 25)),
        ("election day", 1998, date(1998, 11, 3)),
        ("weihnachten", 2022, date(2022, 12, 25)),
    ],
)
def test_holiday_date(name: str, year: int, expected: date) -> None:
    assert holiday_date(name, year) == expected
