"""GeoJSON (RFC 7946) for QGIS, kepler.gl and web maps: a FeatureCollection of places and
events.

A place is one Point feature per geocoded entity across the selected documents, with
every mention's document and offsets; an event is one Point feature per event whose place
is geocoded, at that place.  Coordinates are ``[longitude, latitude]`` as RFC 7946 says.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from lagebild.export.places import Located, event_place, located
from lagebild.export.selection import Selected, record_id
from lagebild.records import Document, Entity, Event

Feature = dict[str, Any]


def feature_collection(selected: Iterable[Selected]) -> dict[str, Any]:
    """Places first (by entity id), then events in document order."""
    places: dict[str, Feature] = {}
    events: list[Feature] = []
    for chosen in selected:
        for _, entity in chosen.records("entities"):
            _add_place(places, chosen.document, entity)
        for position, event in chosen.records("events"):
            where = event_place(chosen.document, event)
            if where is not None:
                events.append(_event(chosen.document, position, event, where))
    return {"type": "FeatureCollection", "features": [*sorted_places(places), *events]}


def write_geojson(selected: Iterable[Selected], out: TextIO) -> dict[str, int]:
    """Write the FeatureCollection to ``out``; counts of place and event features."""
    collection = feature_collection(selected)
    out.write(json.dumps(collection, ensure_ascii=False) + "\n")
    counts = {"places": 0, "events": 0}
    for feature in collection["features"]:
        counts[feature["properties"]["kind"] + "s"] += 1
    return counts


def sorted_places(places: dict[str, Feature]) -> list[Feature]:
    return [places[key] for key in sorted(places)]


def _point(where: Located) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [where.lon, where.lat]}


def _add_place(places: dict[str, Feature], document: Document, entity: Entity) -> None:
    where = located(entity)
    if where is None:
        return
    feature = places.setdefault(entity.id, _place(document, entity, where))
    properties = feature["properties"]
    mentions = [
        {"document_id": document.id, "start": mention.start, "end": mention.end}
        for mention in entity.mentions
    ]
    properties["provenance"] += mentions
    properties["mentions"] += len(mentions)
    properties["documents"] += 1


def _place(document: Document, entity: Entity, where: Located) -> Feature:
    """A place's feature; the first document and mention give the flat provenance fields."""
    first = entity.mentions[0] if entity.mentions else None
    properties: dict[str, Any] = {
        "kind": "place",
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "precision": where.precision,
        "country": where.country,
        "geonames_id": entity.geo.geonames_id if entity.geo else None,
        "document_id": document.id,
        "start": first.start if first else None,
        "end": first.end if first else None,
        "documents": 0,
        "mentions": 0,
        "provenance": [],
    }
    return {"type": "Feature", "id": entity.id, "geometry": _point(where), "properties": properties}


def _event(document: Document, position: int, event: Event, where: Located) -> Feature:
    key = record_id(document.id, "events", position)
    properties = {
        "kind": "event",
        "id": key,
        "name": f"{event.type}: {event.trigger}",
        "type": event.type,
        "mode": event.mode,
        "trigger": event.trigger,
        "date": event.date,
        "time_precision": event.time_precision,
        "modality": event.modality,
        "actors": event.actors,
        "place": where.entity.name,
        "place_id": where.entity.id,
        "country": where.country,
        "published": document.published.isoformat() if document.published else None,
        "title": document.title,
        "document_id": document.id,
        "start": event.start,
        "end": event.end,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
    }
    return {"type": "Feature", "id": key, "geometry": _point(where), "properties": properties}
