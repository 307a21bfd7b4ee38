"""The map's data: geocoded places and located events in a view, as GeoJSON (the API) or
as clustered markers over the offline basemap (the page)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from lagebild.serve.basemap import BBox
from lagebild.serve.errors import RequestError
from lagebild.serve.mapview import DEFAULT_VIEW, MapView, Point, map_view
from lagebild.serve.models import Feature, FeatureCollection, Geometry
from lagebild.serve.service import Service
from lagebild.store.places import LocatedEvent, Place, located_events, places

#: Events listed under the map.
LISTED = 200


@dataclass(frozen=True)
class MapQuery:
    """The view and which events to show."""

    view: BBox = DEFAULT_VIEW
    since: str | None = None
    until: str | None = None
    type: str | None = None
    entity: str | None = None

    def params(self) -> dict[str, str]:
        """The filters as query parameters (the view left out)."""
        pairs = (("since", self.since), ("until", self.until), ("type", self.type))
        return {k: v for k, v in (*pairs, ("entity", self.entity)) if v}


def parse_bbox(text: str | None) -> BBox:
    """The view a ``bbox`` parameter names (the default view when absent)."""
    if not text:
        return DEFAULT_VIEW
    try:
        return BBox.parse(text)
    except ValueError as error:
        raise RequestError(str(error)) from error


@dataclass(frozen=True)
class MapData:
    """Places and events in the view."""

    places: list[Place]
    events: list[LocatedEvent]


def map_data(service: Service, wanted: MapQuery) -> MapData:
    """The geocoded places and located events inside the view."""
    view = wanted.view
    every = service.cached(("places",), lambda: places(service.store))
    found = located_events(service.store, wanted.since, wanted.until, wanted.type, wanted.entity)
    if wanted.entity:
        involved = {event.place_id for event in found} | {wanted.entity}
        every = [place for place in every if place.entity_id in involved]
    return MapData(
        places=[p for p in every if view.contains(p.lon, p.lat)],
        events=[e for e in found if view.contains(e.lon, e.lat)],
    )


def features(service: Service, wanted: MapQuery) -> FeatureCollection:
    """GeoJSON: one Point feature per place and per located event."""
    data = map_data(service, wanted)
    view = wanted.view
    found = [
        Feature(
            geometry=Geometry(coordinates=(place.lon, place.lat)),
            properties={"kind": "place", **place.__dict__},
        )
        for place in data.places
    ] + [
        Feature(
            geometry=Geometry(coordinates=(event.lon, event.lat)),
            properties={"kind": "event", **_jsonable(event)},
        )
        for event in data.events
    ]
    return FeatureCollection(bbox=(view.west, view.south, view.east, view.north), features=found)


def _jsonable(event: LocatedEvent) -> dict[str, object]:
    values = dict(event.__dict__)
    values["published"] = event.published.isoformat() if event.published else None
    return values


def drawn(service: Service, wanted: MapQuery) -> tuple[MapView, MapData]:
    """The page's map: clustered markers linking to evidence, and the data behind them."""
    data = map_data(service, wanted)
    points = [
        Point("place", p.lon, p.lat, p.name, "/entities/" + quote(p.entity_id)) for p in data.places
    ]
    points += [
        Point("event", e.lon, e.lat, f"{e.type} {e.place} {e.date or ''}".strip(), evidence(e))
        for e in data.events
    ]
    return map_view(wanted.view, points, wanted.params()), data


def evidence(event: LocatedEvent) -> str:
    """The document page with the event's sentence marked."""
    query = urlencode({"start": event.start, "end": event.end})
    return f"/documents/{event.document_id}?{query}#focus"
