"""The events gate: PLOVER type accuracy, macro F1 and actor accuracy on the held-out
records stay at or above their pinned floors (issue 6's done-when (b))."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


def test_events_meet_their_floors(load: Callable[[str], ModuleType]) -> None:
    events = load("events")
    if not events.GOLD.exists():
        pytest.skip(f"PLOVER gold not found at {events.GOLD}")
    found = events.metrics([events.run(record) for record in events.records()])
    pinned = {name: found[name] for name in events.PINNED}
    assert_meets_floors("events", pinned, events.gold_hash(), exact=True)


def test_the_split_is_stable(load: Callable[[str], ModuleType]) -> None:
    events = load("events")
    assert events.part_of("PLOVER-GSR01-AGREE-0001") == events.part_of("PLOVER-GSR01-AGREE-0001")
    parts = {events.part_of(f"PLOVER-GSR01-AGREE-{n:04}") for n in range(1, 40)}
    assert parts == {"dev", "test"}
