"""The cleaning gate: debris left and content lost on hand-labelled news-de lines stay at or
below their pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


def test_cleaning_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    cleaning = load("cleaning")
    if not cleaning.NEWS.is_dir():
        pytest.skip(f"news-de not found at {cleaning.NEWS}")
    metrics = cleaning.evaluate()
    pinned = {k: v for k, v in metrics.items() if k.endswith(("_left", "_lost"))}
    assert_meets_floors("cleaning", pinned, cleaning.gold_hash(), exact=True)
