"""The geocoding gate: the share of hand-resolved news-de place mentions that the pipeline
resolves to the right GeoNames place stays at or above its pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.corpus


def test_geocoding_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    geocoding, gate = load("geocoding"), load("gate")
    if not geocoding.NEWS.is_dir():
        pytest.skip(f"news-de not found at {geocoding.NEWS}")
    metrics = geocoding.measure(geocoding.collect())
    pinned = geocoding.pinned(metrics)
    assert set(pinned) == set(gate.load_floor("geocoding")["metrics"])
    violations = gate.check("geocoding", pinned, geocoding.gold_hash())
    assert violations == [], "; ".join(str(violation) for violation in violations)
