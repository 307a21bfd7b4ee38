"""The English entity gate: P/R on the hand-annotated ISW gold stay at or above their floors.

Three gold sets, three floor files: the dev set (``entities_en``, tuned on), the old held-out
set (``entities_en_heldout``, studied for error classes once the fresh set existed) and the
fresh set (``entities_en_fresh``, never tuned on).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("split", ["dev", "heldout", "fresh"])
def test_english_entities_meet_their_floors(
    corpus: Path, load: Callable[[str], ModuleType], split: str
) -> None:
    entities = load("entities_en")
    path, floor = entities.SETS[split]
    metrics = entities.evaluate(path)
    pinned = entities.gated(metrics)
    assert_meets_floors(floor, pinned, entities.gold_hash(path))


def test_no_document_is_in_two_splits(load: Callable[[str], ModuleType]) -> None:
    entities = load("entities_en")
    documents = [set(entities.load_gold(path)) for path, _ in entities.SETS.values()]
    assert all(documents)
    assert sum(len(d) for d in documents) == len(set().union(*documents))
