"""German expressions: spans and values against a fixed anchor (Tuesday 20 Dec 2022)."""

from __future__ import annotations

from datetime import date, time

import pytest

from lagebild.stages.times.tagger import tag
from lagebild.stages.times.values import Anchor

ANCHOR = Anchor(date(2022, 12, 20))


def _tagged(text: str, anchor: Anchor | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(text[f.piece.start : f.piece.end], f.piece.value) for f in tag(text, "de", anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam am 19. Dezember.", [("19. Dezember", "2022-12-19")]),
        ("Am 19. Dezember 2021 kam er.", [("19. Dezember 2021", "2021-12-19")]),
        ("Stand 19.12.2022 gilt.", [("19.12.2022", "2022-12-19")]),
        ("Er hatte am 17. Februar gesagt.", [("17. Februar", "2022-02-17")]),
        ("Er wird am 17. Februar reisen.", [("17. Februar", "2023-02-17")]),
        ("gestern", [("gestern", "2022-12-19")]),
        ("Vorgestern schneite es.", [("Vorgestern", "2022-12-18")]),
        ("Gestern Abend griffen sie an.", [("Gestern Abend", "2022-12-19TEV")]),
        ("vor zwei Tagen", [("vor zwei Tagen", "2022-12-18")]),
        ("vor einer Woche", [("vor einer Woche", "2022-W50")]),
        ("Das war letzte Woche.", [("letzte Woche", "2022-W50")]),
        ("im vergangenen Jahr", [("vergangenen Jahr", "2021")]),
        ("in zwei Wochen", [("in zwei Wochen", "2023-W01")]),
        ("seit drei Monaten", [("drei Monaten", "P3M")]),
        ("seit einem Monat", [("einem Monat", "P1M")]),
        ("am Freitagnachmittag", [("Freitagnachmittag", "2022-12-16TAF")]),
        ("Er kam am Abend.", [("Abend", "2022-12-20TEV")]),
        ("in der Nacht zu Freitag", [("Nacht zu Freitag", "2022-12-15TNI")]),
        ("um 22.55 Uhr", [("22.55 Uhr", "2022-12-20T22:55")]),
        ("am 10. Dezember, 22.55 Uhr", [("10. Dezember, 22.55 Uhr", "2022-12-10T22:55")]),
        ("Ende Januar war es kalt.", [("Ende Januar", "2022-01")]),
        ("Ende Januar", [("Ende Januar", "2023-01")]),  # no tense: the nearest January
        ("Anfang der Woche", [("Anfang der Woche", "2022-W51")]),
        ("im ersten Quartal 2022", [("ersten Quartal 2022", "2022-Q1")]),
        ("in den 1990er Jahren", [("1990er Jahren", "199")]),
        ("täglich", [("täglich", "P1D")]),
        ("montags", [("montags", "XXXX-WXX-1")]),
        ("zu Ostern 2023", [("Ostern 2023", "2023-04-09")]),
        ("Die Frist läuft bis zum 5. Januar.", [("5. Januar", "2023-01-05")]),
        ("seit Monaten", [("Monaten", "PXM")]),
        ("in den vergangenen Wochen", [("den vergangenen Wochen", "PXW")]),
        ("vor einigen Tagen", [("vor einigen Tagen", "PAST_REF")]),
        ("wochenlang", [("wochenlang", "PXW")]),
        ("seit fast zweieinhalb Jahren", [("zweieinhalb Jahren", "P2.5Y")]),
        ("Video 12.08.2024 | 1:10 min", [("12.08.2024", "2024-08-12"), ("1:10 min", "PT1M10S")]),
        ("Tags zuvor hatte es geregnet.", [("Tags zuvor", "2022-12-19")]),
        ("Der Gipfel läuft noch bis Samstag.", [("Samstag", "2022-12-24")]),
        ("Zum Jahreswechsel stoppte der Transit.", [("Jahreswechsel", "2023-01-01")]),
        ("In der Nacht griff Russland an.", [("der Nacht", "2022-12-19TNI")]),
        ("in der Vergangenheit", [("der Vergangenheit", "PAST_REF")]),
        ("Ende des Jahres 2022", [("Ende des Jahres 2022", "2022")]),
        ("an diesem Abend", [("diesem Abend", "2022-12-20TEV")]),
        ("tags darauf", [("tags darauf", "2022-12-21")]),
        ("in den vergangenen beiden Jahren", [("den vergangenen beiden Jahren", "P2Y")]),
        ("in den achtziger Jahren", [("den achtziger Jahren", "198")]),
        ("nach knapp einer halben Stunde", [("knapp einer halben Stunde", "PT30M")]),
        ("jeden verdammten Tag", [("jeden verdammten Tag", "P1D")]),
        ("am Dienstag vergangener Woche", [("Dienstag vergangener Woche", "2022-12-13")]),
        ("in 24 Stunden", [("in 24 Stunden", "PT24H")]),
    ],
)
def test_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _tagged(text) == expected


def test_bare_clock_time_takes_the_day_named_before() -> None:
    text = "Am 10. Dezember begann die Sitzung. Sie endete um 22 Uhr."
    assert _tagged(text)[-1] == ("22 Uhr", "2022-12-10T22:00")


def test_clock_time_in_a_new_paragraph_takes_the_anchor_day() -> None:
    text = "Am 10. Dezember begann die Sitzung.\n\nSie endete um 22 Uhr."
    assert _tagged(text)[-1] == ("22 Uhr", "2022-12-20T22:00")


def test_hours_from_a_ticker_stamp() -> None:
    stamp = Anchor(date(2024, 6, 3), time(14, 45), "block")
    found = tag("In ziemlich genau fünf Stunden geht es los.", "de", stamp)
    assert [f.piece.value for f in found] == ["2024-06-03T19:45"]


def test_clock_range_gives_two_times() -> None:
    assert _tagged("ab 20.15 bis 22.15 Uhr") == [
        ("20.15", "2022-12-20T20:15"),
        ("22.15 Uhr", "2022-12-20T22:15"),
    ]


def test_range_gives_two_dates() -> None:
    expected = [("4.", "2022-03-04"), ("6. März", "2022-03-06")]
    assert _tagged("Sie trafen sich vom 4. bis 6. März.") == expected


def test_fuzzy_month_carries_mod() -> None:
    (found,) = tag("Ende Januar", "de", ANCHOR)
    assert found.piece.mod == "END"


@pytest.mark.parametrize(
    "text",
    [
        "die Soldaten mit dem Auftrag",
        "Das Mai-Fest",  # a month name inside a compound
        "Der Leopard 2 und 300 Soldaten",
        "Kapitel 19. Absatz",
        "August Hanning sagte",  # a first name, not the month
        "Die 2000 Soldaten",
        "mit 3,5 Millionen",
        "Am letzten Tag des Gipfels",  # the last day of something, not yesterday
        "der 49-jährige Minister",  # an age
        "Das ging von heute auf morgen.",  # an idiom
        "Frankreich liefert Mirage 2000 Jets.",  # a model name
    ],
)
def test_function_words_and_numbers_are_not_dates(text: str) -> None:
    assert _tagged(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("am 19. Dezember", "XXXX-12-19"),
        ("am Freitag", "XXXX-WXX-5"),
        ("gestern", None),
        ("im März", "XXXX-03"),
    ],
)
def test_without_anchor_no_year_is_invented(text: str, expected: str | None) -> None:
    assert _tagged(text, None)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Umsatz war im vierten Quartal gesunken.", "2021-Q4"),
        ("Im vierten Quartal soll der Umsatz steigen.", "2022-Q4"),
        ("Im ersten Quartal war der Umsatz gesunken.", "2022-Q1"),
    ],
)
def test_quarter_rule_is_shared_with_english(text: str, value: str) -> None:
    """One quarter handler: a quarter not begun yet, told in the past, is last year's."""
    found = tag(text, "de", Anchor(date(2022, 5, 20)))
    assert [f.piece.value for f in found] == [value]
