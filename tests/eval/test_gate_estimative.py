"""The estimative gate: probly.csv readers and ICD 203 bands (issue 5's done-when (c))."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


def _estimative(load: Callable[[str], ModuleType]) -> ModuleType:
    module = load("estimative")
    if not module.PROBLY.exists():
        pytest.skip(f"probly.csv not found at {module.PROBLY}")
    return module


def test_points_lie_in_the_readers_iqr_for_at_least_15_of_17(
    load: Callable[[str], ModuleType],
) -> None:
    rows = _estimative(load).probly_rows()
    outside = [row[0] for row in rows if row[1] is None or not row[2] <= row[1] <= row[3]]
    assert len(rows) == 17
    assert len(rows) - len(outside) >= 15, f"outside the IQR: {outside}"


def test_every_icd203_term_maps_to_its_band_exactly(load: Callable[[str], ModuleType]) -> None:
    wrong = [
        (word, found, band) for word, found, band in load("estimative").icd_rows() if found != band
    ]
    assert wrong == []


def test_estimative_meets_its_floors(load: Callable[[str], ModuleType]) -> None:
    estimative, gate = _estimative(load), load("gate")
    metrics = estimative.evaluate()
    pinned = {k: metrics[k] for k in gate.load_floor("estimative")["metrics"]}
    assert_meets_floors("estimative", pinned, estimative.gold_hash())
