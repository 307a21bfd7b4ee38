"""Which documents and records an export holds, and their stable ids."""

from __future__ import annotations

import pytest

from lagebild.api import analyze
from lagebild.errors import StoreError
from lagebild.export import ExportError, Selection, from_documents, from_store, record_id
from lagebild.export.rows import kinds_for
from lagebild.export.selection import named_ids, record_date
from lagebild.records import Document
from lagebild.store import Store


def test_everything_is_selected_without_filters(store: Store) -> None:
    selected = list(from_store(store, Selection()))
    counts = store.stats().records
    assert len(selected) == 7
    for kind in ("entities", "times", "claims", "assessments", "events"):
        assert sum(len(chosen.kept[kind]) for chosen in selected) == counts[kind]


def test_record_ids_keep_the_position_in_the_document(store: Store, belarus: Document) -> None:
    wanted = Selection(event_type="AID", document_ids=(belarus.id[:10],))
    (chosen,) = from_store(store, wanted)
    (position, event), *_ = chosen.records("events")
    assert event.type == "AID"
    assert belarus.events[position] == event
    assert record_id(belarus.id, "events", position) == f"{belarus.id}/events/{position}"


@pytest.mark.parametrize(
    ("since", "until"), [("2026-03-15", None), (None, "2026-03-15"), ("2026-03-16", "2026-03-17")]
)
def test_dates_select_records_by_their_own_date(
    store: Store, since: str | None, until: str | None
) -> None:
    selected = list(from_store(store, Selection(since=since, until=until)))
    fallback = {
        c.document.id: c.document.published.isoformat() for c in selected if c.document.published
    }
    for chosen in selected:
        for kind in ("times", "claims", "events"):
            for _, record in chosen.records(kind):
                day = (record_date(record) or fallback[chosen.document.id])[:10]
                assert (since or "0000") <= day <= (until or "9999")
    assert any(chosen.count() for chosen in selected)


def test_about_takes_any_spelling_the_knowledge_base_knows(store: Store) -> None:
    selected = list(from_store(store, Selection(about="Weißrussland")))
    assert selected
    for chosen in selected:
        for kind in ("claims", "assessments", "events"):
            for _, record in chosen.records(kind):
                assert "place/belarus" in named_ids(chosen.document, record)


def test_about_an_unknown_name_selects_nothing(store: Store) -> None:
    assert list(from_store(store, Selection(about="Atlantis"))) == []


def test_event_type_narrows_events_only(store: Store) -> None:
    selected = list(from_store(store, Selection(event_type="assault")))
    events = [event for chosen in selected for _, event in chosen.records("events")]
    assert events and {event.type for event in events} == {"ASSAULT"}
    assert sum(len(chosen.kept["claims"]) for chosen in selected) == store.stats().records["claims"]


def test_an_unknown_document_id_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no stored document"):
        list(from_store(store, Selection(document_ids=("ffffffffffff",))))


def test_documents_analysed_in_memory_are_selected_too() -> None:
    document = analyze("Putin traf Lukaschenko am 19. Dezember 2022 in Minsk.")
    (chosen,) = from_documents([document], Selection(about="Minsk"))
    assert [entity.id for _, entity in chosen.records("entities")] == ["place/minsk"]


def test_an_unknown_record_kind_is_an_error() -> None:
    with pytest.raises(ExportError, match="unknown record kind 'claim'"):
        kinds_for("claim")


@pytest.mark.parametrize("value", ["yesterday", "2022-1", "20221219", "2022-12-19T10"])
def test_dates_must_be_iso_prefixes(value: str) -> None:
    with pytest.raises(ExportError, match="YYYY"):
        Selection(since=value)
