"""Coordinates come with GeoNames ids, from package data, and are plausible."""

from __future__ import annotations

import pytest

from lagebild.kb import Entity, EntityType, KnowledgeBase


def _located(kb: KnowledgeBase) -> list[Entity]:
    return [e for e in kb.entities(EntityType.PLACE) if e.geonames_id is not None]


def test_every_place_with_geonames_id_has_coordinates(kb: KnowledgeBase) -> None:
    missing = [e.id for e in _located(kb) if e.lat is None or e.lon is None]
    assert missing == []


def test_most_settlements_are_located(kb: KnowledgeBase) -> None:
    settlements = [e for e in kb.entities(EntityType.PLACE) if e.kind in {"city", "town"}]
    located = [e for e in settlements if e.geonames_id is not None]
    assert len(located) >= 0.95 * len(settlements)


def test_geonames_ids_are_unique(kb: KnowledgeBase) -> None:
    ids = [e.geonames_id for e in _located(kb)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("entity_id", "lat", "lon"),
    [
        ("place/kyiv", 50.45, 30.52),
        ("place/bakhmut", 48.59, 38.00),
        ("place/vovchansk", 50.29, 36.94),
        ("place/minsk", 53.90, 27.57),
        ("place/zaporizhzhia", 47.82, 35.19),
    ],
)
def test_known_coordinates(kb: KnowledgeBase, entity_id: str, lat: float, lon: float) -> None:
    entity = kb.get(entity_id)
    assert entity.lat == pytest.approx(lat, abs=0.1)
    assert entity.lon == pytest.approx(lon, abs=0.1)


def test_settlements_lie_near_their_country(kb: KnowledgeBase) -> None:
    """Theatre settlements lie inside a box around Ukraine, Russia-west and Belarus."""
    theatre = {"place/ukraine", "place/belarus"}
    far = [
        e.id
        for e in _located(kb)
        if e.country in theatre
        and e.lat is not None
        and e.lon is not None
        and not (44 <= e.lat <= 57 and 22 <= e.lon <= 41)
    ]
    assert far == []


@pytest.mark.parametrize("kind", ["city", "town", "village"])
def test_settlements_have_feature_class_p(kb: KnowledgeBase, kind: str) -> None:
    classes = {e.feature_class for e in _located(kb) if e.kind == kind}
    assert classes <= {"P"}


def test_countries_have_feature_class_a(kb: KnowledgeBase) -> None:
    countries = [e for e in _located(kb) if e.kind == "country"]
    assert countries and {e.feature_class for e in countries} == {"A"}
    assert {e.coords_source for e in countries} == {"countryinfo"}
