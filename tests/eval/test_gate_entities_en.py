"""The English entity gate: P/R on the hand-annotated ISW gold stay at or above their floors.

Two gold sets, two floor files: the dev set (``entities_en``, tuned on) and the held-out set
(``entities_en_heldout``, never tuned on).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_english_entities_meet_their_floors(
    corpus: Path, load: Callable[[str], ModuleType], split: str
) -> None:
    entities, gate = load("entities_en"), load("gate")
    path, floor = entities.SETS[split]
    metrics = entities.evaluate(path)
    pinned = entities.gated(metrics)
    violations = gate.check(floor, pinned, entities.gold_hash(path))
    assert violations == [], "; ".join(str(violation) for violation in violations)


def test_the_held_out_documents_are_not_dev_documents(load: Callable[[str], ModuleType]) -> None:
    entities = load("entities_en")
    dev, heldout = (set(entities.load_gold(path)) for path, _ in entities.SETS.values())
    assert heldout and not dev & heldout
