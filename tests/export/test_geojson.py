"""GeoJSON FeatureCollections of places and events, checked by the geojson package."""

from __future__ import annotations

import io

import geojson
import pytest

from lagebild.export import Selected, Selection, from_store
from lagebild.export.geojson import write_geojson
from lagebild.store import Store


def exported(selected: list[Selected]) -> geojson.FeatureCollection:
    out = io.StringIO()
    write_geojson(selected, out)
    return geojson.loads(out.getvalue())


def features(selected: list[Selected], kind: str) -> list[geojson.Feature]:
    return [f for f in exported(selected)["features"] if f["properties"]["kind"] == kind]


def test_collection_is_valid_geojson(selected: list[Selected]) -> None:
    collection = exported(selected)
    assert collection.is_valid, collection.errors()
    assert {f["geometry"]["type"] for f in collection["features"]} == {"Point"}


def test_coordinates_are_longitude_then_latitude(selected: list[Selected]) -> None:
    (minsk,) = [f for f in features(selected, "place") if f["id"] == "place/minsk"]
    assert minsk["geometry"]["coordinates"] == [27.56653, 53.90019]


def test_a_place_lists_every_mention_with_its_document(selected: list[Selected]) -> None:
    texts = {chosen.document.id: chosen.document.text for chosen in selected}
    (ukraine,) = [f for f in features(selected, "place") if f["id"] == "place/ukraine"]
    provenance = ukraine["properties"]["provenance"]
    assert ukraine["properties"]["mentions"] == len(provenance) > 1
    assert ukraine["properties"]["documents"] == len({p["document_id"] for p in provenance})
    for where in provenance:
        assert texts[where["document_id"]][where["start"] : where["end"]]


def test_events_stand_at_their_place_with_provenance(selected: list[Selected]) -> None:
    documents = {chosen.document.id: chosen.document for chosen in selected}
    places = {f["id"]: f["geometry"]["coordinates"] for f in features(selected, "place")}
    events = features(selected, "event")
    assert events
    for feature in events:
        properties = feature["properties"]
        position = properties["id"].rsplit("/", 1)[1]
        event = documents[properties["document_id"]].events[int(position)]
        assert (properties["start"], properties["end"], properties["type"]) == (
            event.start,
            event.end,
            event.type,
        )
        assert feature["geometry"]["coordinates"] == places[properties["place_id"]]


def test_type_filter_keeps_only_those_events(store: Store) -> None:
    selected = list(from_store(store, Selection(event_type="CONSULT")))
    assert {f["properties"]["type"] for f in features(selected, "event")} == {"CONSULT"}


@pytest.mark.corpus
@pytest.mark.slow
def test_seed_geojson_has_minsk_at_its_coordinates(corpus_url: str, seed_id: str) -> None:
    with Store(corpus_url) as store:
        selected = list(from_store(store, Selection(document_ids=(seed_id,))))
    collection = exported(selected)
    assert collection.is_valid
    (minsk,) = [f for f in collection["features"] if f["id"] == "place/minsk"]
    longitude, latitude = minsk["geometry"]["coordinates"]
    assert (round(latitude, 2), round(longitude, 2)) == (53.9, 27.57)
    meetings = [
        f for f in collection["features"] if f["properties"].get("place_id") == "place/minsk"
    ]
    assert any(f["properties"]["date"] == "2022-12-19" for f in meetings)
