"""Merging event reports across documents: same event, independent sources, conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.link.events import merge
from lagebild.records import Event, EventArgument, EventReport, MergedEvent, Quantity

WAGNER = "org/wagner-group"
FORCES = "org/russian-armed-forces"
#: Two tellings of one assault: same trigger family, Wagner, two content words in common.
TOLD = "Wagner fighters stormed the salt mine near the railway station on March 5."
RETOLD = "The Wagner assault on the salt mine continued after fighters stormed it on March 5."


def _argument(entity_id: str) -> EventArgument:
    return EventArgument(start=0, end=1, text=entity_id, name=entity_id, entity_id=entity_id)


def _report(
    document: str,
    origin: str,
    day: str | None,
    actors: tuple[str, ...] = (WAGNER, "place/ukraine"),
    place: str | None = "place/bakhmut",
    event_type: str = "ASSAULT",
    date_source: str = "sentence",
    trigger: str = "stormed",
    **extra: object,
) -> EventReport:
    event = Event(
        start=0,
        end=80,
        type=event_type,
        trigger=trigger,
        sources=[_argument(actors[0])] if actors else [],
        targets=[_argument(a) for a in actors[1:]],
        place=place,
        place_argument=_argument(place) if place else None,
        date=day,
        date_source=date_source,
        **extra,  # type: ignore[arg-type]
    )
    return EventReport(document_id=document, published=date(2022, 3, 6), origin=origin, event=event)


def _merge(*told: tuple[EventReport, str]) -> list[MergedEvent]:
    """Merged events of reports with their evidence sentences."""
    sentences = {(r.document_id, r.event.start, r.event.end): sentence for r, sentence in told}
    return merge([r for r, _ in told], sentences)


def _pair(second: EventReport, sentence: str = RETOLD) -> list[MergedEvent]:
    """``second`` merged with an ISW report of the Wagner assault of March 5."""
    return _merge((_report("a", "org/isw", "2022-03-05"), TOLD), (second, sentence))


def test_same_event_in_two_documents_is_one_with_two_sources() -> None:
    merged = _pair(_report("b", "tagesschau.de", "2022-03-05"))
    assert len(merged) == 1
    assert merged[0].independent_sources == 2 and len(merged[0].reports) == 2


def test_a_copy_of_the_same_origin_is_not_an_independent_source() -> None:
    merged = _pair(_report("b", "org/isw", "2022-03-05"))
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
    other = _report("b", "zeit.de", **second)  # type: ignore[arg-type]
    assert len(_pair(other)) == 2, reason


def test_only_a_generic_force_in_common_is_not_enough() -> None:
    one = _report("a", "org/isw", "2022-03-05", actors=(FORCES, "place/ukraine"))
    two = _report("b", "zeit.de", "2022-03-05", actors=(FORCES, "place/ukraine"))
    assert len(_merge((one, TOLD), (two, RETOLD))) == 2


def test_triggers_of_different_families_stay_apart() -> None:
    other = _report("b", "zeit.de", "2022-03-05", trigger="shelled")
    assert len(_pair(other)) == 2


def test_one_shared_content_word_is_not_enough() -> None:
    sentence = "Wagner stormed the northern railway depot on March 5."
    assert len(_pair(_report("b", "zeit.de", "2022-03-05"), sentence)) == 2


def test_sources_that_disagree_are_two_events() -> None:
    # The same kind of act by another actor: aid from two donors, calls by two leaders.
    other = _report("b", "zeit.de", "2022-03-05", actors=("unk/org/kadyrovites", WAGNER))
    assert len(_pair(other)) == 2


def test_swapped_roles_agree() -> None:
    lavrov, blinken = "person/sergey-lavrov", "person/antony-blinken"
    one = _report("a", "org/isw", "2022-02-24", actors=(blinken, lavrov), event_type="CONSULT")
    two = _report("b", "zeit.de", "2022-02-24", actors=(lavrov, blinken), event_type="CONSULT")
    sentence = "Blinken met Lavrov in Geneva on February 24."
    assert len(_merge((one, sentence), (two, "Lavrov met Blinken in Geneva on February 24."))) == 1


def test_two_specific_parties_on_one_day_merge_without_shared_words() -> None:
    parties = ("person/antony-blinken", "person/sergey-lavrov")
    one = _report("a", "org/isw", "2022-02-24", actors=parties, trigger="meet")
    two = _report("b", "zeit.de", "2022-02-24", actors=parties, trigger="discuss")
    assert len(_merge((one, "They will meet."), (two, "They will discuss it."))) == 1


def test_two_specific_parties_on_adjacent_days_need_one_trigger_family() -> None:
    parties = ("person/antony-blinken", "person/sergey-lavrov")
    one = _report("a", "org/isw", "2022-02-24", actors=parties, trigger="meet")
    two = _report("b", "zeit.de", "2022-02-25", actors=parties, trigger="discuss")
    assert len(_merge((one, "They will meet."), (two, "They will discuss it."))) == 2


def test_copies_merge_through_a_generic_participant() -> None:
    one = _report("a", "org/isw", "2022-03-05", actors=(FORCES, "place/ukraine"))
    two = _report("b", "org/isw", "2022-03-06", actors=(FORCES, "place/ukraine"))
    sentence = "Russian forces stormed the outskirts of the town on March 5 after heavy shelling."
    assert len(_merge((one, sentence), (two, "- " + sentence))) == 1


def test_copies_dated_by_their_reports_merge() -> None:
    one = _report("a", "org/isw", "2022-03-05", date_source="document")
    two = _report("b", "org/isw", "2022-03-06", date_source="document")
    sentence = "Wagner fighters have not yet stormed the salt mine and will need to."
    assert len(_merge((one, sentence), (two, sentence))) == 1


def test_copies_with_other_numbers_stay_apart() -> None:
    one = _report("a", "org/isw", "2022-03-05")
    two = _report("b", "org/isw", "2022-03-06", date_source="document")
    sentence = "Wagner fighters stormed the salt mine with {} men and lost half of them."
    assert len(_merge((one, sentence.format(300)), (two, sentence.format(500)))) == 2


def test_without_sentences_only_shared_parties_merge() -> None:
    reports = [_report("a", "org/isw", "2022-03-05"), _report("b", "zeit.de", "2022-03-05")]
    assert len(merge(reports)) == 2


def test_one_document_gives_one_report_per_event() -> None:
    # A summary bullet and its paragraph in one update are not two sources.
    merged = _merge(
        (_report("a", "org/isw", "2022-03-05"), TOLD), (_report("a", "org/isw", "2022-03-05"), TOLD)
    )
    assert len(merged) == 2


def test_conflicting_details_are_kept_side_by_side() -> None:
    one = _report(
        "a", "org/isw", "2022-03-05", quantities=[Quantity(start=0, end=9, text="12 killed")]
    )
    two = _report(
        "b", "zeit.de", "2022-03-06", quantities=[Quantity(start=0, end=7, text="9 Tote")]
    )
    merged = _merge((one, TOLD), (two, RETOLD))[0]
    assert merged.conflicts["date"] == ["2022-03-05", "2022-03-06"]
    assert merged.conflicts["quantities"] == ["12 killed", "9 Tote"]


def test_happened_wins_over_claimed() -> None:
    claimed = _report("a", "org/isw", "2022-03-05", modality="claimed")
    happened = _report("b", "zeit.de", "2022-03-05")
    assert _merge((claimed, TOLD), (happened, RETOLD))[0].modality == "happened"


def test_merged_id_is_stable() -> None:
    told = [
        (_report("a", "org/isw", "2022-03-05"), TOLD),
        (_report("b", "zeit.de", "2022-03-05"), RETOLD),
    ]
    assert _merge(*told)[0].id == _merge(*reversed(told))[0].id


def test_merged_ids_are_unique_for_lookalike_events() -> None:
    one = _report("a", "org/isw", "2022-03-05")
    later = _report("a2", "org/isw", "2022-03-09")
    other = _report("b", "zeit.de", "2022-03-05", actors=("org/nato", "place/ukraine"))
    other_twin = _report("c", "faz.net", "2022-03-05", actors=("org/nato", "place/ukraine"))
    merged = _merge((one, TOLD), (later, TOLD), (other, RETOLD), (other_twin, RETOLD))
    assert len({m.id for m in merged}) == len(merged)
