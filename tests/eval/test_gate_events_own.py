"""The own-sentences events gate: PLOVER type accuracy, macro F1 and actor accuracy on
the check halves of our English and German sentences stay at or above their floors."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from tests.eval.conftest import assert_meets_floors


def test_events_on_our_sentences_meet_their_floors(load: Callable[[str], ModuleType]) -> None:
    own = load("events_own")
    found = own.evaluate()
    pinned = {name: found[name] for name in own.PINNED}
    assert_meets_floors("events_own", pinned, own.gold_hash(), exact=True)


def test_odd_sentences_are_dev_and_even_ones_check(load: Callable[[str], ModuleType]) -> None:
    own = load("events_own")
    assert [own.part_of(f"own-de-AID-{n:02}") for n in (1, 2, 3)] == ["dev", "test", "dev"]
