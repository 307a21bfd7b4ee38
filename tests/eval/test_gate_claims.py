"""The claims gate: the hand-annotated claims gold (German news, English ISW) stays at or above
its floors, and no system claim falls on an ISW assessment more often than pinned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_claims_meet_their_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    claims = load("claims")
    metrics = claims.evaluate()
    pinned = {name: metrics[name] for name in claims.PINNED}
    assert_meets_floors("claims", pinned, claims.gold_hash())


def test_every_language_is_scored_and_pinned(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    claims = load("claims")
    metrics = claims.evaluate()
    assert metrics["all_gold"] >= 150
    assert metrics["de_gold"] > 0 and metrics["en_gold"] > 0
    pinned = load("gate").load_floor("claims")["metrics"]
    for name in (
        "de_f1",
        "en_f1",
        "en_assessment_hits",
        "de_speaker_accuracy",
        "de_speaker_correct_rate",
    ):
        assert name in claims.PINNED and name in pinned, name
