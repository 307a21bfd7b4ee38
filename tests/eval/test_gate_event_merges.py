"""The event-merges gate: merge and report precision on the hand-checked merged events over
isw-en and news-de stay at or above their pinned floors (issue 6: duplicates)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

from lagebild.records import Event, EventReport, MergedEvent


@pytest.mark.corpus
@pytest.mark.slow
def test_event_merges_meet_their_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    merges = load("event_merges")
    missing = [str(folder) for folder in merges.FOLDERS if not folder.is_dir()]
    if missing:
        pytest.skip(f"corpus folders not found: {', '.join(missing)}")
    found = merges.evaluate()
    assert found["present"] > 0, "no judged merge is produced any more: re-check the sample"
    pinned = {name: found[name] for name in merges.PINNED}
    assert_meets_floors("event_merges", pinned, merges.gold_hash(), exact=True)


def report(document: str, start: int) -> EventReport:
    event = Event(
        start=start, end=start + 20, type="ASSAULT", trigger_start=start + 2, trigger_end=start + 8
    )
    return EventReport(document_id=document, origin="org/isw", event=event)


def merged(*reports: EventReport) -> MergedEvent:
    return MergedEvent(id="event/0", type="ASSAULT", reports=list(reports))


def judged(load: Callable[[str], ModuleType], verdict: str, belongs: list[bool]) -> object:
    keys = [("a", 2, 8), ("b", 32, 38), ("c", 62, 68)][: len(belongs)]
    belonging = frozenset(key for key, fits in zip(keys, belongs, strict=True) if fits)
    return load("event_merges").Judged("event/0", frozenset(keys), belonging, verdict, "why")


def test_judged_merges_are_matched_by_their_exact_report_set(
    load: Callable[[str], ModuleType],
) -> None:
    merges = load("event_merges")
    gold = [
        judged(load, "correct", [True, True]),  # produced as judged
        judged(load, "mixed", [True, True, False]),  # produced with its third report split off
    ]
    produced = [merged(report("a", 0), report("b", 30)), merged(report("c", 60), report("d", 0))]
    found = merges.score(gold, produced)
    assert (found["present"], found["gone"]) == (1.0, 1.0)
    assert found["merge_precision"] == 1.0
    assert found["merged_events"] == 2.0


def test_report_precision_counts_the_reports_that_belong(
    load: Callable[[str], ModuleType],
) -> None:
    merges = load("event_merges")
    gold = [judged(load, "correct", [True, True]), judged(load, "mixed", [True, True, False])]
    produced = [
        merged(report("a", 0), report("b", 30)),
        merged(report("a", 0), report("b", 30), report("c", 60)),
    ]
    found = merges.score(gold, produced)
    assert found["merge_precision"] == 0.5
    assert found["report_precision"] == pytest.approx(4 / 5)


def test_a_report_is_keyed_by_its_trigger(load: Callable[[str], ModuleType]) -> None:
    assert load("event_merges").report_key(report("a", 100)) == ("a", 102, 108)


def test_a_strict_part_of_a_judged_merge_is_scored_by_the_reports_it_keeps(
    load: Callable[[str], ModuleType],
) -> None:
    merges = load("event_merges")
    gold = [judged(load, "mixed", [True, True, False])]
    produced = [
        merged(report("a", 0), report("b", 30)),  # the part that belongs: correct
        merged(report("b", 30), report("c", 60)),  # still mixed
        merged(report("c", 60), report("d", 0)),  # not a part of the judged merge
    ]
    found = merges.score(gold, produced)
    assert (found["present"], found["split_merges"]) == (0.0, 2.0)
    assert found["split_precision"] == 0.5
    assert found["split_report_precision"] == pytest.approx(3 / 4)


def test_each_sample_is_scored_on_its_own_and_together(
    load: Callable[[str], ModuleType],
) -> None:
    merges = load("event_merges")
    first = judged(load, "mixed", [True, True, False])
    keys = frozenset({("a", 2, 8), ("b", 32, 38)})
    second = merges.Judged("event/1", keys, keys, "correct", "why", sample=2)
    produced = [
        merged(report("a", 0), report("b", 30), report("c", 60)),
        merged(report("a", 0), report("b", 30)),
    ]
    found = merges.score([first, second], produced)
    assert (found["s1_merge_precision"], found["s2_merge_precision"]) == (0.0, 1.0)
    assert found["s1_report_precision"] == pytest.approx(2 / 3)
    assert (found["merge_precision"], found["report_precision"]) == (0.5, pytest.approx(4 / 5))
