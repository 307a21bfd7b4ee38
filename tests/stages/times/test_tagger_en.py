"""English expressions, TimeBank conventions, against Tuesday 20 Dec 2022."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.times.tagger import TimeResolutionError, resolve, tag
from lagebild.stages.times.values import Anchor

ANCHOR = Anchor(date(2022, 12, 20))
VALUE = r"^(?:\d{2,4}|X{4})(?:-.+)?$|^P.+$|^[A-Z]+_REF$"


def _tagged(text: str) -> list[tuple[str, str | None]]:
    return [(text[f.piece.start : f.piece.end], f.piece.value) for f in tag(text, "en", ANCHOR)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on March 5, 2022", [("March 5, 2022", "2022-03-05")]),
        ("It happened on March 5.", [("March 5", "2022-03-05")]),
        ("yesterday", [("yesterday", "2022-12-19")]),
        ("two days ago", [("two days ago", "2022-12-18")]),
        ("in the past 24 hours", [("the past 24 hours", "PT24H")]),
        ("last week", [("last week", "2022-W50")]),
        ("They struck overnight on March 5.", [("overnight on March 5", "2022-03-05TNI")]),
        ("at 10:00 am local time", [("10:00 am local time", "2022-12-20T10:00")]),
        ("It began in early March.", [("early March", "2022-03")]),
        ("It ended in mid-April.", [("mid-April", "2022-04")]),
        ("It will end in mid-April.", [("mid-April", "2023-04")]),
        ("for three months", [("three months", "P3M")]),
        ("the third quarter", [("the third quarter", "2022-Q3")]),
        ("now", [("now", "PRESENT_REF")]),
        ("daily", [("daily", "P1D")]),
        ("the 1990s", [("the 1990s", "199")]),
        ("at 9 a.m. Tuesday", [("9 a.m. Tuesday", "2022-12-20T09:00")]),
        ("It closed at noon.", [("noon", "2022-12-20T12:00")]),
        ("He left last Tuesday.", [("last Tuesday", "2022-12-13")]),  # said on a Tuesday
        ("It meets each Thursday.", [("each Thursday", "XXXX-WXX-4")]),
        ("on Thanksgiving Day", [("Thanksgiving Day", "2022-11-24")]),
        ("in nineteen ninety-six", [("nineteen ninety-six", "1996")]),
        ("in the near future", [("the near future", "FUTURE_REF")]),
        ("October was cold.", [("October", "2022-10")]),
        ("The loan was extended through January.", [("January", "2023-01")]),  # a deadline
        ("It had been on patrol since March.", [("March", "2022-03")]),
        ("It won seats this September.", [("this September", "2022-09")]),
        # TimeML: "later", "after", "before" are signals; the amount is a duration
        ("Three days later, it fell.", [("Three days", "P3D")]),
        ("It came 90 days after the vote.", [("90 days", "P90D")]),
        ("It will open in two weeks.", [("two weeks", "2023-W01")]),  # "in" is a signal
        # modifiers stay inside the extent
        ("It lasted nearly two years.", [("nearly two years", "P2Y")]),
        ("wait at least 30 days", [("at least 30 days", "P30D")]),
        ("It began almost four years ago.", [("almost four years ago", "2018")]),
        # quarters: a year or direction word before them names their year
        ("in the 1988 second quarter", [("the 1988 second quarter", "1988-Q2")]),
        ("as early as next year's first quarter", [("next year's first quarter", "2023-Q1")]),
        ("the year-ago third quarter", [("the year-ago third quarter", "2021-Q3")]),
        ("for the fiscal-first quarter", [("the fiscal-first quarter", "2022-Q1")]),
        ("In January this year, it rose.", [("January this year", "2022-01")]),
        ("in June last year", [("June last year", "2021-06")]),
        ("It said earlier this week.", [("this week", "2022-W51")]),  # "earlier" is a signal
        ("It may come early next year.", [("early next year", "2023")]),
        ("It ended last fall.", [("last fall", "2021-FA")]),
        ("It closed this past spring.", [("this past spring", "2022-SP")]),
        ("It is to resume trading Tuesday.", [("Tuesday", "2022-12-20")]),
        ("The team planned to leave on Friday.", [("Friday", "2022-12-23")]),
        ("The deadline was extended until Friday.", [("Friday", "2022-12-23")]),
        ("He was hurt next to the embassy Friday.", [("Friday", "2022-12-16")]),
        ("It lasted two decades.", [("two decades", "P20Y")]),  # ISO has no decade unit
        ("It earns $33 million a year.", [("a year", "P1Y")]),
        ("Sales in the latest period rose.", [("the latest period", "2022-Q3")]),
        ("It expects a gain for the full year.", [("the full year", "2022")]),
        ("for the year ended Sept. 30", [("the year", "P1Y"), ("Sept. 30", "2022-09-30")]),
        (
            "shot on the night of Friday, Oct. 23",
            [("the night of Friday, Oct. 23", "2022-10-23TNI")],
        ),
        ("In March, it rose.", [("March", "2022-03")]),
        ("through the nineties", [("the nineties", "199")]),
        ("the 11th century temple", [("the 11th century", "10")]),
        (
            "up from the corresponding period last year",
            [("the corresponding period last year", "2021")],
        ),
    ],
)
def test_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _tagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may go.",
        "the 6-year-old boy",
        "a second attack",
        "1,998 troops",
        "$1990 a month",
        "about three-quarters of them",
        "more than a quarter of the market",
    ],
)
def test_non_dates(text: str) -> None:
    assert all(
        value not in ("2022-05", "P6Y", "PT1S", "1998", "1990", "P3Q", "P1Q")
        for _, value in _tagged(text)
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In 1995 he was promoted, and the following year he left.", "1996"),
        ("It began on May 3, 2021. Later that day, it ended.", "2021-05-03"),
        ("It began in March 2021. The following month, it ended.", "2021-04"),
        ("It began on May 3, 2021 and ended the next day.", "2021-05-04"),
    ],
)
def test_narrative_expressions_count_from_the_date_told_last(text: str, value: str) -> None:
    assert _tagged(text)[-1][1] == value


def test_that_day_without_a_day_told_before_gets_no_value() -> None:
    assert _tagged("In 2021 it grew. That day, it fell.") == [("2021", "2021")]


def test_a_year_period_takes_the_quarter_named_before() -> None:
    text = "Profit rose in the third quarter. In the 2021 period, it fell."
    assert _tagged(text)[-1] == ("the 2021 period", "2021-Q3")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was reported in the fourth quarter.", "2021-Q4"),  # reported before it began
        ("It was reported in the fourth quarter of 2020.", "2020-Q4"),
        ("It will report in the fourth quarter.", "2022-Q4"),
    ],
)
def test_a_quarter_not_yet_begun_in_the_past_is_last_years(text: str, value: str) -> None:
    anchor = Anchor(date(2022, 5, 20))
    assert [f.piece.value for f in tag(text, "en", anchor)] == [value]


def test_a_year_earlier_follows_the_quarter_named_before() -> None:
    text = "Profit rose in the third quarter, up from a year earlier."
    assert _tagged(text)[-1] == ("a year earlier", "2021-Q3")


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("am 17. Februar", "past", "2022-02-17"),
        ("am 17. Februar", "future", "2023-02-17"),
        ("vor zwei Tagen", None, "2022-12-18"),
    ],
)
def test_resolve(expression: str, tense: str | None, value: str) -> None:
    assert resolve(expression, date(2022, 12, 20), tense, "de").value == value  # type: ignore[arg-type]


def test_resolve_without_expression_explains() -> None:
    with pytest.raises(TimeResolutionError, match="no de time expression"):
        resolve("die Soldaten", date(2022, 12, 20), None, "de")


@given(st.text(max_size=300), st.sampled_from(["de", "en"]), st.booleans())
def test_tagger_never_fails_and_spans_stay_inside(text: str, language: str, dated: bool) -> None:
    for found in tag(text, language, ANCHOR if dated else None):
        assert 0 <= found.piece.start < found.piece.end <= len(text)
        if not dated and found.piece.value:
            assert not found.piece.value.startswith("20")
