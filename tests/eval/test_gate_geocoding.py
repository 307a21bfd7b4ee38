"""The geocoding gate: the share of hand-resolved news-de place mentions that the pipeline
resolves to the right GeoNames place stays at or above its pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


def test_geocoding_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    geocoding = load("geocoding")
    if not geocoding.NEWS.is_dir():
        pytest.skip(f"news-de not found at {geocoding.NEWS}")
    metrics = geocoding.measure(geocoding.collect())
    pinned = geocoding.pinned(metrics)
    assert_meets_floors("geocoding", pinned, geocoding.gold_hash(), exact=True)
