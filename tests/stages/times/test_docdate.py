"""Document dates and live-ticker block stamps."""

from __future__ import annotations

from datetime import date, time

import pytest

from lagebild.stages.times.docdate import document_date, ticker_blocks
from lagebild.stages.times.values import Anchor

TICKER = """Ukraine-Ticker

Update vom 10. Mai, 22.55 Uhr: Die Lage bleibt angespannt.

Update vom 10. Mai, 21.40 Uhr: Am Abend gab es Alarm.

Update, 20.15 Uhr: Gestern wurde verhandelt.
"""
NIGHT = """Liveblog

00:56 Uhr – Ergebnis steht fest.

00:07 Uhr – Auszählung läuft.

23:56 Uhr – Die Abstimmung ist beendet.
"""


def test_metadata_date_wins() -> None:
    found = document_date(date(2022, 12, 20), "March 6, 2022\n\nText")
    assert (found.value, found.source) == (date(2022, 12, 20), "metadata")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Offensive Campaign Assessment, March 6, 2022\n\nText", date(2022, 3, 6)),
        ("Stand: 06.03.2022, 14:35 Uhr\n\nText", date(2022, 3, 6)),
        ("Lagebericht vom 6. März 2022\n\nText", date(2022, 3, 6)),
    ],
)
def test_date_from_the_head_of_the_text(text: str, expected: date) -> None:
    found = document_date(None, text)
    assert (found.value, found.source, found.precision) == (expected, "text", "day")


def test_date_inside_a_history_sentence_is_not_the_document_date() -> None:
    text = "Der Verein wurde gegründet. Am 31.8.1990 fand im Wohnzimmer der Eheleute die Gründungsversammlung statt."
    assert document_date(None, text).source == "none"


def test_date_deep_in_the_text_is_not_the_document_date() -> None:
    text = "Kein Datum hier. " * 50 + "Am 6. März 2022 geschah es."
    assert document_date(None, text).source == "none"


def test_undated_text_has_unknown_date() -> None:
    found = document_date(None, "Putin traf Lukaschenko am 19. Dezember.")
    assert (found.value, found.precision) == (None, "unknown")


def test_ticker_blocks_carry_their_stamp() -> None:
    lead, *blocks = ticker_blocks(TICKER, date(2024, 5, 10))
    assert lead == (0, Anchor(date(2024, 5, 10), None, "lead"))  # newest first: lead as of then
    assert [(b.day, b.clock) for _, b in blocks] == [
        (date(2024, 5, 10), time(22, 55)),
        (date(2024, 5, 10), time(21, 40)),
        (date(2024, 5, 10), time(20, 15)),
    ]
    assert [TICKER[start:].startswith("Update") for start, _ in blocks] == [True] * 3


def test_newest_first_ticker_steps_back_a_day_at_midnight() -> None:
    days = [b.day for _, b in ticker_blocks(NIGHT, date(2024, 5, 12))[1:]]
    assert days == [date(2024, 5, 12), date(2024, 5, 12), date(2024, 5, 11)]


def test_plain_article_has_no_blocks() -> None:
    assert ticker_blocks("Am 10. Mai, 22.55 Uhr: ein Satz.", date(2024, 5, 10)) == []


def test_ticker_without_year_keeps_no_invented_year() -> None:
    assert ticker_blocks(TICKER, None) == []
