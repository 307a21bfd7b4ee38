"""Browsing queries for the entity page: events through their entity links, pages of
documents and the profile's counts, all in SQL."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.records import Document, Entity, EntityType, Event, EventArgument, Mention
from lagebild.store import Store
from lagebild.store.browse import entity_documents, entity_events, entity_profile

TEXT = "Putin traf Lukaschenko in Minsk."


def _argument(name: str, entity_id: str) -> EventArgument:
    at = TEXT.index(name)
    return EventArgument(start=at, end=at + len(name), text=name, name=name, entity_id=entity_id)


def _document(day: int, events: list[Event], mentioned: tuple[str, ...]) -> Document:
    entities = [
        Entity(
            id=entity_id,
            name=name,
            type=EntityType.PERSON,
            mentions=[Mention(start=TEXT.index(name), end=TEXT.index(name) + len(name), text=name)],
        )
        for entity_id, name in (("person/putin", "Putin"), ("person/luka", "Lukaschenko"))
        if entity_id in mentioned
    ]
    text = f"{TEXT} ({day})"
    return Document(
        raw_text=text,
        text=text,
        source=f"{day}.txt",
        published=date(2024, 1, day),
        entities=entities,
        events=events,
    )


def _meeting(day: int, *arguments: EventArgument) -> Event:
    return Event(start=0, end=5, type="CONSULT", date=f"2024-01-{day:02d}", sources=list(arguments))


@pytest.fixture
def filled(store: Store) -> Store:
    both = ("person/putin", "person/luka")
    putin, luka = _argument("Putin", "person/putin"), _argument("Lukaschenko", "person/luka")
    store.add(_document(1, [_meeting(1, putin, luka)], both))
    store.add(_document(2, [_meeting(2, putin), _meeting(2, luka)], both))
    store.add(_document(3, [_meeting(3, putin)], ("person/luka",)))  # Putin not mentioned
    return store


def _days(store: Store, entity_id: str, limit: int = 10, offset: int = 0) -> list[str | None]:
    return [hit.event.date for hit in entity_events(store, entity_id, limit, offset)]


def test_entity_events_are_those_naming_it_newest_first(filled: Store) -> None:
    assert _days(filled, "person/luka") == ["2024-01-02", "2024-01-01"]


def test_entity_events_only_in_documents_mentioning_it(filled: Store) -> None:
    assert _days(filled, "person/putin") == ["2024-01-02", "2024-01-01"]


def test_entity_events_page_on(filled: Store) -> None:
    assert _days(filled, "person/luka", 1, 1) == ["2024-01-01"]


def test_entity_documents_page_by_mentions(filled: Store) -> None:
    pages = [entity_documents(filled, "person/luka", 2, offset) for offset in (0, 2)]
    assert [len(page) for page in pages] == [2, 1]


def test_entity_profile_counts_mentions_per_day(filled: Store) -> None:
    profile = entity_profile(filled, "person/luka")
    assert profile.by_date == {"2024-01-01": 1, "2024-01-02": 1, "2024-01-03": 1}
    assert (profile.documents, profile.mentions) == (3, 3)
