"""The English entity gate: P/R on the hand-annotated ISW gold stay at or above their floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.corpus


def test_english_entities_meet_their_floors(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    entities, gate = load("entities_en"), load("gate")
    metrics = entities.evaluate()
    pinned = {k: v for k, v in metrics.items() if "_strict_" in k and not k.startswith("nat")}
    violations = gate.check("entities_en", pinned, entities.gold_hash())
    assert violations == [], "; ".join(str(violation) for violation in violations)
