"""Where things are: stored places with coordinates, and events located at them.

A place's coordinates come from the entity stage's geocoding (``Entity.geo``); an event
is located when its place argument is an entity with coordinates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from lagebild.records import Event, Geo
from lagebild.store.browse import reading
from lagebild.store.schema import documents, entities, event_entity_ids, events
from lagebild.store.store import Store


@dataclass(frozen=True)
class Place:
    """A geocoded entity and how many documents name it."""

    entity_id: str
    name: str
    lat: float
    lon: float
    precision: str | None
    documents: int


@dataclass(frozen=True)
class LocatedEvent:
    """One stored event at a geocoded place (the evidence: document and offsets)."""

    document_id: str
    title: str | None
    published: date | None
    type: str
    trigger: str
    date: str | None
    modality: str
    place_id: str
    place: str
    lat: float
    lon: float
    start: int
    end: int


def places(store: Store) -> list[Place]:
    """Every entity with coordinates, most documents first."""
    query = select(entities.c.entity_id, entities.c.document_id, entities.c.data).where(
        entities.c.type == "PLACE"
    )
    found: dict[str, tuple[str, Geo]] = {}
    named_in: dict[str, set[str]] = defaultdict(set)
    with reading(store, "cannot list places") as connection:
        for entity_id, document_id, data in connection.execute(query):
            if data.get("geo"):
                found.setdefault(entity_id, (data["name"], Geo.model_validate(data["geo"])))
                named_in[entity_id].add(document_id)
    rows = [
        Place(key, name, geo.lat, geo.lon, geo.precision, len(named_in[key]))
        for key, (name, geo) in found.items()
    ]
    return sorted(rows, key=lambda place: (-place.documents, place.name))


def located_events(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    entity_id: str | None = None,
) -> list[LocatedEvent]:
    """Stored events whose place is geocoded, filtered by event date, type and an entity
    among their participants, place or instruments."""
    where = {place.entity_id: place for place in places(store)}
    query = select(
        events.c.document_id, events.c.data, documents.c.title, documents.c.published
    ).join(documents, documents.c.id == events.c.document_id)
    if since:
        query = query.where(events.c.date >= since)
    if until:
        query = query.where(events.c.date <= until + "\uffff")
    if kind:
        query = query.where(events.c.type == kind.upper())
    found: list[LocatedEvent] = []
    with reading(store, "cannot list located events") as connection:
        for document_id, data, title, published in connection.execute(query):
            argument = data.get("place_argument") or {}
            place = where.get(argument.get("entity_id", ""))
            if place is None or (entity_id and entity_id not in event_entity_ids(data)):
                continue
            found.append(_located(document_id, title, published, data, place))
    return found


def _located(
    document_id: str, title: str | None, published: date | None, data: dict[str, Any], at: Place
) -> LocatedEvent:
    event = Event.model_validate(data)
    return LocatedEvent(
        document_id=document_id,
        title=title,
        published=published,
        type=event.type,
        trigger=event.trigger,
        date=event.date,
        modality=event.modality,
        place_id=at.entity_id,
        place=at.name,
        lat=at.lat,
        lon=at.lon,
        start=event.start,
        end=event.end,
    )
