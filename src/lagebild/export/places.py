"""What every export needs to say about a document's entities: who published it, where a
place lies and in which country, looked up in the document and the knowledge base."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.kb import Entity as KBEntity
from lagebild.kb import load_kb
from lagebild.kb.errors import KBError
from lagebild.records import Document, Entity, EntityType, Event
from lagebild.store.events import origin

#: A place's extent in metres by its precision (STIX ``location.precision``).
PRECISION_METRES = {"village": 2_000, "city": 10_000, "region": 100_000, "country": 500_000}


@dataclass(frozen=True)
class Source:
    """Who published a document: a knowledge-base organisation, a web site or a folder."""

    key: str
    name: str
    organisation: bool


@dataclass(frozen=True)
class Located:
    """A geocoded entity: coordinates, precision and ISO 3166-1 country code."""

    entity: Entity
    lat: float
    lon: float
    precision: str | None
    country: str | None


def source_of(document: Document) -> Source:
    """The document's origin (the organisation its author or credit line names, else its
    site or folder), with a readable name."""
    key = origin(document.author, document.url, document.source, document.text)
    name = _kb_name(key)
    return Source(key, name or key, bool(name) or "." in key.rsplit("/", 1)[-1])


def entity_by_id(document: Document, entity_id: str) -> Entity | None:
    """The document's entity with this id, if it has one."""
    return next((entity for entity in document.entities if entity.id == entity_id), None)


def located(entity: Entity | None) -> Located | None:
    """The entity's coordinates and country, when it is a geocoded place."""
    if entity is None or entity.type is not EntityType.PLACE or entity.geo is None:
        return None
    geo = entity.geo
    return Located(entity, geo.lat, geo.lon, geo.precision, country_code(entity.id))


def event_place(document: Document, event: Event) -> Located | None:
    """Where an event took place, when its place argument is geocoded."""
    if event.place_argument is None:
        return None
    return located(entity_by_id(document, event.place_argument.entity_id))


def country_code(entity_id: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a place (a country's own, else its country's)."""
    country = _country(entity_id)
    return country.iso_code if country else None


def country_name(entity_id: str) -> str | None:
    """The name of the country a place lies in (a country is its own)."""
    country = _country(entity_id)
    return country.name if country else None


def _country(entity_id: str) -> KBEntity | None:
    place = known(entity_id)
    if place is None or place.iso_code or place.country is None:
        return place if place and place.iso_code else None
    return known(place.country)


def _kb_name(entity_id: str) -> str | None:
    entity = known(entity_id)
    return entity.name if entity else None


@lru_cache(maxsize=4096)
def known(entity_id: str) -> KBEntity | None:
    """The knowledge base's entity of this id, if it has one."""
    try:
        return load_kb().get(entity_id)
    except (KeyError, KBError):
        return None
