"""The time gate: TempEval-3 TBAQ, the German gold and the held-out German gold stay at or above
their floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_times_meet_their_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    times = load("times")
    metrics = times.evaluate()
    pinned = {name: metrics[name] for name in times.PINNED}
    assert_meets_floors("times", pinned, times.gold_hash())


def test_no_function_word_false_positives(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    times = load("times")
    assert times.evaluate()["de_negatives_hit"] == 0


def test_heldout_gold_is_scored_separately_and_pinned(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    times = load("times")
    metrics = times.evaluate()
    assert metrics["deh_gold"] >= 150 and metrics["deh_gold"] != metrics["de_gold"]
    pinned = load("gate").load_floor("times")["metrics"]
    for name in ("deh_value_accuracy_gold", "deh_relaxed_f1", "deh_strict_f1", "deh_negatives_hit"):
        assert name in times.PINNED and name in pinned, name
