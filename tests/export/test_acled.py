"""ACLED-style CSV: read back with the csv module and pyarrow, PLOVER crosswalked."""

from __future__ import annotations

import csv
import io
from datetime import date

import pyarrow.csv as pacsv
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.export import Selected
from lagebild.export.acled import COLUMNS, acled_type, event_date, write_acled
from lagebild.records import Event, EventArgument


def exported(selected: list[Selected]) -> str:
    out = io.StringIO()
    write_acled(selected, out)
    return out.getvalue()


def test_csv_has_acled_columns_and_a_row_per_event(selected: list[Selected]) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(selected))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == sum(len(chosen.kept["events"]) for chosen in selected)


def test_pyarrow_reads_coordinates_as_numbers(selected: list[Selected]) -> None:
    table = pacsv.read_csv(io.BytesIO(exported(selected).encode("utf-8")))
    located = [row for row in table.to_pylist() if row["location"] == "Minsk"]
    assert located and all(
        (row["latitude"], row["longitude"]) == (53.90019, 27.56653) for row in located
    )
    assert str(table.schema.field("latitude").type) == "double"


def test_notes_are_the_evidence_at_the_offsets(selected: list[Selected]) -> None:
    texts = {chosen.document.id: chosen.document.text for chosen in selected}
    for row in csv.DictReader(io.StringIO(exported(selected))):
        evidence = texts[row["document_id"]][int(row["start"]) : int(row["end"])]
        assert row["notes"] == " ".join(evidence.split())
        assert row["event_id"].startswith(row["document_id"] + "/events/")


@pytest.mark.parametrize(
    ("plover", "mode", "trigger", "expected"),
    [
        ("ASSAULT", None, "attacked", ("Battles", "Armed clash")),
        (
            "ASSAULT",
            None,
            "shelled",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        ("ASSAULT", "aerial", "struck", ("Explosions/Remote violence", "Air/drone strike")),
        ("ASSAULT", None, "Drohnenangriff", ("Explosions/Remote violence", "Air/drone strike")),
        (
            "ASSAULT",
            "abduct",
            "abducted",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("PROTEST", None, "rallied", ("Protests", "Peaceful protest")),
        ("PROTEST", None, "rioted", ("Riots", "Violent demonstration")),
        ("COERCE", None, "arrested", ("Strategic developments", "Arrests")),
        ("MOBILIZE", "troops", "deployed", ("Strategic developments", "Change to group/activity")),
        ("AGREE", None, "agreed", ("Strategic developments", "Agreement")),
        ("CONSULT", "visit", "visited", ("", "")),
        ("ACCUSE", None, "accused", ("", "")),
    ],
)
def test_plover_types_crosswalk_to_acled(
    plover: str, mode: str | None, trigger: str, expected: tuple[str, str]
) -> None:
    assert acled_type(Event(start=0, end=1, type=plover, mode=mode, trigger=trigger)) == expected


@pytest.mark.parametrize(
    ("weapon", "expected"),
    [
        ("weapon/iskander", "Shelling/artillery/missile attack"),
        ("weapon/shahed-136", "Air/drone strike"),
    ],
)
def test_weapons_named_in_an_assault_make_it_remote_violence(weapon: str, expected: str) -> None:
    instrument = EventArgument(start=0, end=1, text="x", name="x", entity_id=weapon)
    event = Event(start=0, end=1, type="ASSAULT", trigger="attacked", instruments=[instrument])
    assert acled_type(event) == ("Explosions/Remote violence", expected)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03-18", "2026-03-18"),
        ("2026-03-18TNI", "2026-03-18"),
        ("2026-03-16T07:40", "2026-03-16"),
        ("2026-03", "2026-03-01"),
        ("2026-SP", "2026-01-01"),
        ("2022-W51", "2022-12-19"),
        ("PRESENT_REF", ""),
        ("2022-13", ""),
        ("2022-W60", ""),
        (None, ""),
    ],
)
def test_event_dates_are_days(value: str | None, day: str) -> None:
    assert event_date(value) == day


@given(st.text(max_size=20) | st.from_regex(r"\A\d{4}(-W?\d{2}(-\d{2})?)?.*", fullmatch=True))
def test_event_date_is_a_real_day_or_empty(value: str) -> None:
    day = event_date(value)
    assert day == "" or date.fromisoformat(day).isoformat() == day
