"""The packaged knowledge base loads, validates, is big enough and loads fast."""

from __future__ import annotations

import time

import pytest

from lagebild.kb import EntityType, KnowledgeBase, build
from lagebild.kb.files import packaged_files


def test_packaged_kb_loads(kb: KnowledgeBase) -> None:
    assert len(kb) > 1000


@pytest.mark.parametrize(
    ("entity_type", "minimum"),
    [
        (EntityType.PERSON, 150),
        (EntityType.ORGANIZATION, 150),
        (EntityType.PLACE, 500),
        (EntityType.WEAPON, 150),
    ],
)
def test_count_per_type(kb: KnowledgeBase, entity_type: EntityType, minimum: int) -> None:
    assert len(kb.entities(entity_type)) >= minimum


def test_military_units_are_organizations(kb: KnowledgeBase) -> None:
    units = kb.entities(kind="military-unit")
    assert len(units) >= 60
    assert {u.type for u in units} == {EntityType.ORGANIZATION}


def test_every_country_has_iso_code(kb: KnowledgeBase) -> None:
    countries = kb.entities(EntityType.PLACE, kind="country")
    assert len(countries) >= 249
    assert all(c.iso_code for c in countries)


def test_iso_codes_are_unique(kb: KnowledgeBase) -> None:
    codes = [e.iso_code for e in kb.entities(EntityType.PLACE) if e.iso_code]
    assert len(codes) == len(set(codes))


def test_wikidata_ids_are_unique(kb: KnowledgeBase) -> None:
    qids = [e.wikidata for e in kb if e.wikidata]
    assert len(qids) == len(set(qids))


def test_load_is_cached() -> None:
    from lagebild.kb import load_kb

    assert load_kb() is load_kb()


def test_build_is_fast() -> None:
    """Validation and indexing of the whole KB, YAML parsing cached, in well under 1 s."""
    best = min(_build_seconds() for _ in range(3))
    assert best < 1.0, f"building the packaged KB took {best:.2f} s"


def _build_seconds() -> float:
    start = time.perf_counter()
    build(packaged_files())
    return time.perf_counter() - start
