"""Evaluate assessment threads on the hand-checked gold (tests/gold/assessment-threads.jsonl).

    .venv/bin/python eval/assessment_threads.py [--pin] [--errors]

The 25 ISW updates in ``../shared/corpus/isw-en`` are analysed, their assessments grouped
into threads (``lagebild.store.assessments.form_threads``), and every gold thread is
compared with the system thread that holds most of its members.  A member is keyed by
its file, the assessment's start offset in ``document.text`` and its label (the band for
modals); the gold's header pins each document's text by sha1.

- ``thread_precision``: gold threads whose system thread recurs in two or more reports
  and holds only members judged to belong (an unjudged member makes it wrong);
- ``membership_precision``: of the members of those system threads, the share judged to
  belong (unjudged members count as wrong);
- ``missing_found``: of the members the checker listed as missing, the share the system
  thread now holds (recall, informational);
- each also per half: ``dev_*`` (first judgement in February 2022, where the threshold
  was chosen) and ``test_*`` (March to May).

Floors for the gate (tests/eval/test_gate_assessment_threads.py) live in
eval/floors/assessment_threads.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.api import analyze
from lagebild.records import AssessmentThread
from lagebild.store.assessments import Judgement, form_threads

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "assessment-threads.jsonl"
FOLDER = CORPUS / "isw-en"
SPLITS = ("dev", "test")
PINNED = {
    f"{split}_{name}": "higher"
    for split in ("all", *SPLITS)
    for name in ("thread_precision", "membership_precision")
}

Key = tuple[str, int, str | None]


def read_gold(path: Path = GOLD) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The header's text hashes per file, and the checked threads."""
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines[0]["documents"], lines[1:]


@cache
def system_threads() -> tuple[tuple[AssessmentThread, ...], dict[str, str], dict[str, str]]:
    """Threads over the 25 updates; document id → file; file → sha1 of its text."""
    judgements, files, hashes = [], {}, {}
    for path in sorted(FOLDER.glob("*.md")):
        document = analyze(path)
        files[document.id] = path.name
        hashes[path.name] = hashlib.sha1(document.text.encode()).hexdigest()
        judgements += [
            Judgement(document.id, document.published, document.language, document.author, a)
            for a in document.assessments
        ]
    return tuple(form_threads(judgements)), files, hashes


def key_of(file: str, start: int, label: str | None) -> Key:
    return (file, start, label)


def entry_keys(thread: AssessmentThread, files: dict[str, str]) -> list[Key]:
    return [
        key_of(files[e.document_id], e.start, e.label if e.label is not None else e.band)
        for e in thread.history
    ]


@dataclass
class Tally:
    threads: int = 0
    correct: int = 0
    members: int = 0
    belonging: int = 0
    missing: int = 0
    found: int = 0
    wrong: list[str] = field(default_factory=list)

    def metrics(self, prefix: str) -> dict[str, float]:
        return {
            f"{prefix}_threads": float(self.threads),
            f"{prefix}_thread_precision": self.correct / self.threads if self.threads else 0.0,
            f"{prefix}_membership_precision": (
                self.belonging / self.members if self.members else 0.0
            ),
            f"{prefix}_missing_found": self.found / self.missing if self.missing else 0.0,
        }


def best_thread(
    gold: dict[str, Any], threads: Iterable[AssessmentThread], files: dict[str, str]
) -> tuple[AssessmentThread | None, list[Key]]:
    """The system thread holding most of the gold thread's members."""
    wanted = {key_of(m["file"], m["start"], m["label"]) for m in gold["members"]}
    best, best_keys, best_overlap = None, [], 0
    for thread in threads:
        keys = entry_keys(thread, files)
        overlap = len(wanted & set(keys))
        if overlap > best_overlap:
            best, best_keys, best_overlap = thread, keys, overlap
    return best, best_keys


def score(gold: dict[str, Any], tally: Tally) -> None:
    threads, files, _ = system_threads()
    judged = {key_of(m["file"], m["start"], m["label"]): m["belongs"] for m in gold["members"]}
    missing = {key_of(m["file"], m["start"], m["label"]) for m in gold["missing"]}
    judged |= dict.fromkeys(missing, True)
    thread, keys = best_thread(gold, threads, files)
    tally.threads += 1
    tally.missing += len(missing)
    tally.found += len(missing & set(keys))
    if thread is None:
        tally.wrong.append(f"{gold['thread']} LOST {gold['summary']}")
        return
    good = [judged.get(key, False) for key in keys]
    tally.members += len(good)
    tally.belonging += sum(good)
    reports = len({key[0] for key, ok in zip(keys, good, strict=True) if ok})
    if all(good) and reports >= 2:
        tally.correct += 1
    else:
        wrong = [key for key, ok in zip(keys, good, strict=True) if not ok]
        tally.wrong.append(f"{gold['thread']} WRONG {gold['summary']}: {wrong}")


def evaluate(errors: list[str] | None = None) -> dict[str, float]:
    hashes, items = read_gold()
    _, _, measured = system_threads()
    changed = sorted(name for name, sha in hashes.items() if measured.get(name) != sha)
    if changed:
        print(f"warning: the text of {len(changed)} documents changed: {changed[:3]}")
    tallies = {name: Tally() for name in ("all", *SPLITS)}
    for item in items:
        for name in ("all", item["split"]):
            score(item, tallies[name])
    if errors is not None:
        errors.extend(tallies["all"].wrong)
    metrics: dict[str, float] = {"changed_documents": float(len(changed))}
    for name, tally in tallies.items():
        metrics.update(tally.metrics(name))
    return metrics


def gold_hash() -> str:
    return corpus_hash([GOLD])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pin", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the threads judged wrong")
    args = parser.parse_args(argv)
    errors: list[str] | None = [] if args.errors else None
    metrics = evaluate(errors)
    for name in ("all", *SPLITS):
        print(
            f"{name:>4}: {metrics[f'{name}_threads']:.0f} threads, "
            f"thread precision {metrics[f'{name}_thread_precision']:.3f}, "
            f"membership precision {metrics[f'{name}_membership_precision']:.3f}, "
            f"missing members found {metrics[f'{name}_missing_found']:.3f}"
        )
    for line in errors or []:
        print(line)
    pinned = {name: metrics[name] for name in PINNED}
    return enforce("assessment_threads", pinned, PINNED, gold_hash(), pin=args.pin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
