"""The time gate: TempEval-3 TBAQ and the German gold stay at or above their floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_times_meet_their_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    times, gate = load("times"), load("gate")
    metrics = times.evaluate()
    pinned = {name: metrics[name] for name in times.PINNED}
    violations = gate.check("times", pinned, times.gold_hash())
    assert violations == [], "; ".join(str(violation) for violation in violations)


def test_no_function_word_false_positives(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    times = load("times")
    assert times.evaluate()["de_negatives_hit"] == 0
