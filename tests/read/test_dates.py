"""Publication dates as written: the calendar date local to its own offset."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.read.dates import date_from_name, parse_date

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-18 12:00:00 +0800", date(2022, 2, 18)),
        ("2022-02-18 23:30:00 -0500", date(2022, 2, 18)),
        ("2022-02-18T01:00:00+08:00", date(2022, 2, 18)),
        ("2022-02-18", date(2022, 2, 18)),
        ("2022/2/8", date(2022, 2, 8)),
        ("Sun, 14 Apr 2024 09:00:00 +0200", date(2024, 4, 14)),
        ("Wed, 03 Apr 2024 15 00 00 +0200", date(2024, 4, 3)),
        ("14 April 2024", date(2024, 4, 14)),
        ("14. April 2024", date(2024, 4, 14)),
        ("3. März 2022", date(2022, 3, 3)),
        ("Mo., 3. Okt. 2022", date(2022, 10, 3)),
        ("14.04.2024", date(2024, 4, 14)),
        ("1.4.2024, 10.19 Uhr", date(2024, 4, 1)),
        ("April 14, 2024", date(2024, 4, 14)),
        ("Sunday, April 14th, 2024", date(2024, 4, 14)),
        ("  2024-04-14  ", date(2024, 4, 14)),
    ],
)
def test_formats_in_the_wild(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["", "gestern", "2022-02-30", "31.02.2024", "Smarch 3, 2024", "12:00", None, 20220218]
)
def test_no_date_is_none(value: object) -> None:
    assert parse_date(value) is None


def test_datetime_keeps_its_local_date() -> None:
    late = datetime(2022, 2, 18, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert parse_date(late) == date(2022, 2, 18)


def test_date_is_returned_as_is() -> None:
    assert parse_date(date(2024, 1, 2)) == date(2024, 1, 2)


FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.isoformat()} 23:59:59 -1200",
    lambda d: f"{d.isoformat()}T00:00:00+14:00",
    lambda d: d.strftime("%a, %d %b %Y 09:00:00 +0200"),
    lambda d: f"{d.day}. {GERMAN_MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: d.strftime("%B %d, %Y"),
]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(FORMATS))
def test_round_trip_through_written_forms(day: date, write: object) -> None:
    assert callable(write)
    assert parse_date(write(day)) == day


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2022-02-18-ukraine-conflict-update-1.md", date(2022, 2, 18)),
        ("notiz-2026-03-19.txt", date(2026, 3, 19)),
        ("bericht.txt", None),
        ("12022-02-18.txt", None),
        ("2022-13-01.txt", None),
    ],
)
def test_date_from_file_name(name: str, expected: date | None) -> None:
    assert date_from_name(name) == expected
