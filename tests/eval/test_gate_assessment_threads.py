"""The assessment-threads gate: the hand-checked threads over the 25 ISW updates stay at or
above their floors (thread and membership precision, overall and per half)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_assessment_threads_meet_their_floors(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    threads = load("assessment_threads")
    metrics = threads.evaluate()
    pinned = {name: metrics[name] for name in threads.PINNED}
    assert_meets_floors("assessment_threads", pinned, threads.gold_hash())


def test_the_gold_is_checked_on_both_halves_and_the_text_is_unchanged(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    metrics = load("assessment_threads").evaluate()
    assert metrics["all_threads"] >= 20
    assert metrics["dev_threads"] > 0 and metrics["test_threads"] > 0
    assert metrics["changed_documents"] == 0, "re-derive tests/gold/assessment-threads.jsonl"
