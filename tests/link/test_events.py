"""Merging event reports across documents: same event, independent sources, conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.link.events import merge
from lagebild.records import Event, EventArgument, EventReport, Quantity


def _argument(entity_id: str) -> EventArgument:
    return EventArgument(start=0, end=1, text=entity_id, name=entity_id, entity_id=entity_id)


def _report(
    document: str,
    origin: str,
    day: str | None,
    actors: tuple[str, ...] = ("org/russian-armed-forces", "place/ukraine"),
    place: str | None = "place/kharkiv",
    event_type: str = "ASSAULT",
    date_source: str = "sentence",
    **extra: object,
) -> EventReport:
    event = Event(
        start=0,
        end=10,
        type=event_type,
        sources=[_argument(actors[0])],
        targets=[_argument(a) for a in actors[1:]],
        place=place,
        place_argument=_argument(place) if place else None,
        date=day,
        date_source=date_source,
        **extra,  # type: ignore[arg-type]
    )
    return EventReport(document_id=document, published=date(2022, 3, 6), origin=origin, event=event)


def test_same_event_in_two_documents_is_one_with_two_sources() -> None:
    merged = merge(
        [_report("a", "org/isw", "2022-03-05"), _report("b", "tagesschau.de", "2022-03-05")]
    )
    assert len(merged) == 1
    assert merged[0].independent_sources == 2 and len(merged[0].reports) == 2


def test_a_copy_of_the_same_origin_is_not_an_independent_source() -> None:
    merged = merge([_report("a", "org/isw", "2022-03-05"), _report("b", "org/isw", "2022-03-05")])
    assert merged[0].independent_sources == 1


@pytest.mark.parametrize(
    ("second", "reason"),
    [
        ({"day": "2022-03-09"}, "days apart"),
        ({"day": "2022-03-05", "place": "place/kyiv"}, "another place"),
        ({"day": "2022-03-05", "event_type": "CONSULT"}, "another type"),
        ({"day": "2022-03-05", "actors": ("org/belarusian-armed-forces",)}, "no shared actor"),
        ({"day": "2022-03-05", "actors": ("place/russia", "place/ukraine")}, "only a country"),
        ({"day": "2022-03-05", "date_source": "document"}, "dated by the report only"),
        ({"day": None}, "undated"),
        ({"day": "2022-03"}, "coarser than a day"),
    ],
)
def test_different_events_stay_apart(second: dict[str, object], reason: str) -> None:
    first = _report("a", "org/isw", "2022-03-05")
    other = _report("b", "zeit.de", **second)  # type: ignore[arg-type]
    assert len(merge([first, other])) == 2, reason


def test_one_document_gives_one_report_per_event() -> None:
    # A summary bullet and its paragraph in one update are not two sources.
    merged = merge([_report("a", "org/isw", "2022-03-05"), _report("a", "org/isw", "2022-03-05")])
    assert len(merged) == 2


def test_conflicting_details_are_kept_side_by_side() -> None:
    one = _report(
        "a", "org/isw", "2022-03-05", quantities=[Quantity(start=0, end=9, text="12 killed")]
    )
    two = _report(
        "b", "zeit.de", "2022-03-06", quantities=[Quantity(start=0, end=7, text="9 Tote")]
    )
    merged = merge([one, two])[0]
    assert merged.conflicts["date"] == ["2022-03-05", "2022-03-06"]
    assert merged.conflicts["quantities"] == ["12 killed", "9 Tote"]


def test_happened_wins_over_claimed() -> None:
    claimed = _report("a", "org/isw", "2022-03-05", modality="claimed")
    happened = _report("b", "zeit.de", "2022-03-05")
    assert merge([claimed, happened])[0].modality == "happened"


def test_merged_id_is_stable() -> None:
    reports = [_report("a", "org/isw", "2022-03-05"), _report("b", "zeit.de", "2022-03-05")]
    assert merge(reports)[0].id == merge(list(reversed(reports)))[0].id


def test_merged_ids_are_unique_for_lookalike_events() -> None:
    one = _report("a", "org/isw", "2022-03-05")
    other = _report("b", "zeit.de", "2022-03-05", actors=("org/nato", "place/ukraine"))
    other_twin = _report("c", "faz.net", "2022-03-05", actors=("org/nato", "place/ukraine"))
    merged = merge([one, _report("a2", "org/isw", "2022-03-09"), other, other_twin])
    assert len({m.id for m in merged}) == len(merged)
