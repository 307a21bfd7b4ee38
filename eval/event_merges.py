"""Evaluate event merging across documents on hand-checked merged events (issue 6).

    .venv/bin/python eval/event_merges.py [--pin] [--errors]

Gold: ``tests/gold/event-merges.jsonl`` (guidelines in ``tests/gold/README.md``): seeded
random samples of merged events with two or more reporting documents, over ``isw-en`` and
``news-de``, each drawn from the merger of its day, and a census of the merges not made of
copies (field ``sample``: 1, 2, ...).  Each line names its reports by document id (sha256
of the raw text) and trigger offsets into the clean text, says per report whether it
belongs to the event the merge is about, and gives the verdict (``correct``: every report
the same real-world event; ``mixed``: some do not belong).

Method: both folders are ingested into a temporary SQLite store and the merged events are
re-derived (``lagebild events --min-reports 2``).  A judged merge is *present* when some
current merged event has exactly its report set; merges no longer produced are counted
(``gone``), not scored.

- ``merge_precision``: judged-correct merged events / judged merged events still present;
- ``report_precision``: over the reports of the present merges, those judged to belong;
- ``split_merges``, ``split_precision``, ``split_report_precision`` (informational): current
  merged events made only of reports of one judged merge, a strict part of it, holding at
  least one report that belongs; correct when all their reports belong.  A merger tuned to
  split the judged mixed merges is scored on its parts here;
- ``s<n>_present``, ``s<n>_merge_precision``, ``s<n>_report_precision``: the same per
  sample (informational).  The pinned floors are the overall figures: a sample drawn from an
  older merger keeps few present merges, too few to gate on alone;
- ``merged_events`` / ``independent_events``: merged events with two or more reporting
  documents / with two or more independent origins (informational).

Floors: ``eval/floors/event_merges.json``, gate ``tests/eval/test_gate_event_merges.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.ingest import ingest
from lagebild.records import EventReport, MergedEvent
from lagebild.store import Store
from lagebild.store.events import EventFilter

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "event-merges.jsonl"
FOLDERS = (CORPUS / "isw-en", CORPUS / "news-de")
PINNED = {"merge_precision": "higher", "report_precision": "higher"}

#: A report: its document id and its trigger's offsets in the clean text.
ReportKey = tuple[str, int, int]


@dataclass(frozen=True)
class Judged:
    """One hand-checked merged event."""

    merged_id: str
    reports: frozenset[ReportKey]
    belonging: frozenset[ReportKey]
    verdict: str
    reason: str
    sample: int = 1


def read_gold(path: Path = GOLD) -> list[Judged]:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [judged(line) for line in lines]


def judged(line: dict[str, Any]) -> Judged:
    reports = [(r["document_id"], r["trigger_start"], r["trigger_end"]) for r in line["reports"]]
    belonging = [key for key, r in zip(reports, line["reports"], strict=True) if r["belongs"]]
    keys = (line["merged_id"], frozenset(reports), frozenset(belonging))
    return Judged(*keys, line["verdict"], line["reason"], line["sample"])


def report_key(report: EventReport) -> ReportKey:
    event = report.event
    start = event.trigger_start if event.trigger_start is not None else event.start
    end = event.trigger_end if event.trigger_end is not None else event.end
    return (report.document_id, start, end)


def report_set(merged: MergedEvent) -> frozenset[ReportKey]:
    return frozenset(report_key(report) for report in merged.reports)


@cache
def merged_events() -> tuple[MergedEvent, ...]:
    """Merged events with two or more reporting documents, freshly ingested."""
    with tempfile.TemporaryDirectory() as folder, Store(f"sqlite:///{folder}/m.db") as store:
        ingest(FOLDERS, store)
        return tuple(store.events(EventFilter(min_reports=2), limit=1_000_000))


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(gold: Sequence[Judged], produced: Sequence[MergedEvent]) -> dict[str, float]:
    """The metrics of the module docstring for ``gold`` against ``produced``."""
    current = {report_set(merged) for merged in produced}
    return {
        "judged": float(len(gold)),
        **score_present(gold, current),
        **score_samples(gold, current),
        **score_splits(gold, produced),
        "merged_events": float(len(produced)),
        "independent_events": float(sum(m.independent_sources >= 2 for m in produced)),
    }


def score_present(gold: Sequence[Judged], current: set[frozenset[ReportKey]]) -> dict[str, float]:
    """Presence and precision of the judged merges still produced (``current`` report sets)."""
    present = [item for item in gold if item.reports in current]
    reports = sum(len(item.reports) for item in present)
    belonging = sum(len(item.belonging) for item in present)
    return {
        "present": float(len(present)),
        "gone": float(len(gold) - len(present)),
        "merge_precision": ratio(sum(item.verdict == "correct" for item in present), len(present)),
        "report_precision": ratio(belonging, reports),
    }


def score_samples(gold: Sequence[Judged], current: set[frozenset[ReportKey]]) -> dict[str, float]:
    """``score_present`` per sample, its names prefixed ``s<n>_``."""
    found = {}
    for sample in sorted({item.sample for item in gold}):
        scored = score_present([item for item in gold if item.sample == sample], current)
        for name in ("present", "merge_precision", "report_precision"):
            found[f"s{sample}_{name}"] = scored[name]
    return found


def splits(gold: Sequence[Judged], produced: Sequence[MergedEvent]) -> list[Judged]:
    """Current merges that are a strict part of a judged merge with a report that belongs,
    judged by the reports they keep."""
    found = []
    for merged in produced:
        reports = report_set(merged)
        for item in gold:
            if reports < item.reports and reports & item.belonging:
                verdict = "correct" if reports <= item.belonging else "mixed"
                kept = Judged(
                    item.merged_id, reports, reports & item.belonging, verdict, "", item.sample
                )
                found.append(kept)
    return found


def score_splits(gold: Sequence[Judged], produced: Sequence[MergedEvent]) -> dict[str, float]:
    parts = splits(gold, produced)
    correct = sum(part.verdict == "correct" for part in parts)
    reports = sum(len(part.reports) for part in parts)
    belonging = sum(len(part.belonging) for part in parts)
    return {
        "split_merges": float(len(parts)),
        "split_precision": ratio(correct, len(parts)),
        "split_report_precision": ratio(belonging, reports),
    }


def errors(gold: Sequence[Judged], produced: Sequence[MergedEvent]) -> list[str]:
    """The mixed merges still produced, and the judged merges no longer produced."""
    current = {report_set(merged) for merged in produced}
    lines = [f"mixed {item.merged_id}: {item.reason}" for item in gold if item.verdict == "mixed"]
    lines += [f"gone  {item.merged_id}" for item in gold if item.reports not in current]
    return lines


def evaluate() -> dict[str, float]:
    return score(read_gold(), merged_events())


def gold_hash() -> str:
    return corpus_hash([GOLD])


def main(argv: list[str]) -> int:
    missing = [str(folder) for folder in FOLDERS if not folder.is_dir()]
    if missing:
        print(f"cannot evaluate: {', '.join(missing)} missing", file=sys.stderr)
        return 1
    found = evaluate()
    if "--errors" in argv:
        print("\n".join(errors(read_gold(), merged_events())))
    for name, value in found.items():
        print(f"{name:24} {value:.3f}")
    pinned = {name: found[name] for name in PINNED}
    return enforce("event_merges", pinned, PINNED, gold_hash(), pin="--pin" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
