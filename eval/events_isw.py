"""Evaluate lagebild's event stage on hand-annotated ISW updates (issue 6).

    .venv/bin/python eval/events_isw.py [--pin] [--errors]

Gold: ``tests/gold/events-isw.jsonl`` (guidelines in ``tests/gold/README.md``), offsets into
``lagebild.analyze(path).text``; ``events-isw.meta.json`` pins each document's sha256 and the
character ranges that were annotated and its ``split``.  System events whose trigger lies
outside those ranges are ignored.

Splits: ``dev`` (updates 7, 17 and 24; 24 was held out until the rules of decision 0019's
addendum were written, and became development data then) and ``fresh`` (update 22, annotated
after that, measured before and after the change only).  ``all_*`` is over the dev split,
``fresh_*`` over the fresh one; both are gated.

Matching is one-to-one: first by overlapping trigger spans (largest overlap first, the same
type preferred), then, for what is left, by the same sentence and the same type (nearest
triggers first).  Per document and overall (``all_*``):

- ``precision`` / ``recall`` / ``f1``: event detection, a match regardless of type;
- ``typed_precision`` / ``typed_recall``: matched *and* of the same type;
- ``type_accuracy``, ``modality_accuracy``: over the matches;
- ``source_accuracy`` / ``target_accuracy``: over the matches whose gold names sources
  (targets), some gold name and some system argument (its text or entity name) contain one
  another, case-insensitive.

``--errors`` prints the type confusion (``-`` marks a miss or a false alarm), the modality
confusion and every disagreement with its context, for the dev split only (the fresh split
shows only its figures).  Floors: ``eval/floors/events_isw.json``,
gate ``tests/eval/test_gate_events_isw.py``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.api import analyze
from lagebild.records import Event, EventArgument

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "gold"
GOLD = GOLD_DIR / "events-isw.jsonl"
META = GOLD_DIR / "events-isw.meta.json"
METRICS = (
    "precision",
    "recall",
    "f1",
    "typed_precision",
    "typed_recall",
    "type_accuracy",
    "modality_accuracy",
    "source_accuracy",
    "target_accuracy",
)
SPLITS = {"dev": "all", "fresh": "fresh"}
PINNED = {f"{prefix}_{metric}": "higher" for prefix in SPLITS.values() for metric in METRICS}
MISSING = "-"
#: The split whose errors may be read while writing rules.
DEV = "dev"


@dataclass(frozen=True)
class Trigger:
    """An event, gold or system, reduced to what is scored."""

    start: int
    end: int
    trigger: str
    type: str
    modality: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Analysed:
    """A document as the pipeline sees it: clean text, sentence spans, events."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    events: tuple[Trigger, ...]


def read_meta(path: Path = META) -> dict[str, dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))["documents"]
    return documents


def read_gold(path: Path = GOLD) -> dict[str, list[Trigger]]:
    """Gold events per document, in text order."""
    gold: dict[str, list[Trigger]] = {name: [] for name in read_meta()}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[item["file"]].append(gold_trigger(item))
    return gold


def gold_trigger(item: dict[str, Any]) -> Trigger:
    return Trigger(
        item["trigger_start"],
        item["trigger_end"],
        item["trigger"],
        item["type"],
        item["modality"],
        tuple(item["sources"]),
        tuple(item["targets"]),
    )


def corpus_path(name: str) -> Path:
    return CORPUS / "isw-en" / name


@cache
def analysed(name: str) -> Analysed:
    document = analyze(corpus_path(name))
    sentences = tuple((sentence.start, sentence.end) for sentence in document.sentences)
    return Analysed(document.text, sentences, tuple(system_trigger(e) for e in document.events))


def system_trigger(event: Event) -> Trigger:
    start = event.trigger_start if event.trigger_start is not None else event.start
    end = event.trigger_end if event.trigger_end is not None else event.end
    return Trigger(
        start,
        end,
        event.trigger,
        event.type,
        event.modality,
        argument_names(event.sources),
        argument_names(event.targets),
    )


def argument_names(arguments: Sequence[EventArgument]) -> tuple[str, ...]:
    return tuple(name for argument in arguments for name in (argument.text, argument.name) if name)


def in_ranges(event: Trigger, ranges: Sequence[Sequence[int]]) -> bool:
    return any(low <= event.start and event.end <= high for low, high in ranges)


def overlap(a: Trigger, b: Trigger) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def sentence_of(offset: int, sentences: Sequence[tuple[int, int]]) -> int:
    """Index of the sentence holding ``offset``, -1 (matches nothing) outside every sentence."""
    return next((i for i, (low, high) in enumerate(sentences) if low <= offset < high), -1)


def match(
    gold: Sequence[Trigger], system: Sequence[Trigger], sentences: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """Gold index → system index, one-to-one: overlapping triggers, then sentence and type."""
    by_span = [
        (-overlap(g, s), g.type != s.type, i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if overlap(g, s) > 0
    ]
    pairs = greedy(sorted(by_span), {})
    gold_sentences = [sentence_of(g.start, sentences) for g in gold]
    system_sentences = [sentence_of(s.start, sentences) for s in system]
    by_sentence = [
        (abs(g.start - s.start), i, j)
        for i, g in enumerate(gold)
        for j, s in enumerate(system)
        if g.type == s.type and gold_sentences[i] == system_sentences[j] >= 0
    ]
    return greedy(sorted(by_sentence), pairs)


def greedy(candidates: Sequence[tuple[Any, ...]], pairs: dict[int, int]) -> dict[int, int]:
    """Take candidates in order (the last two fields are gold and system index) while both
    are free."""
    taken = set(pairs.values())
    for *_, i, j in candidates:
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def names_agree(gold: Sequence[str], system: Sequence[str]) -> bool:
    pairs = ((g.lower(), s.lower()) for g in gold for s in system)
    return any(g in s or s in g for g, s in pairs if g and s)


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Tally:
    """Counts behind the metrics; documents add up."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    typed: int = 0
    modality: int = 0
    source_coded: int = 0
    source_right: int = 0
    target_coded: int = 0
    target_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    modalities: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))

    def count_pair(self, gold: Trigger, system: Trigger) -> None:
        self.matched += 1
        self.typed += gold.type == system.type
        self.modality += gold.modality == system.modality
        self.confusion[(gold.type, system.type)] += 1
        self.modalities[(gold.modality, system.modality)] += 1
        if gold.sources:
            self.source_coded += 1
            self.source_right += names_agree(gold.sources, system.sources)
        if gold.targets:
            self.target_coded += 1
            self.target_right += names_agree(gold.targets, system.targets)

    def metrics(self, prefix: str) -> dict[str, float]:
        precision, recall = ratio(self.matched, self.system), ratio(self.matched, self.gold)
        found = {
            "precision": precision,
            "recall": recall,
            "f1": ratio(2 * self.matched, self.system + self.gold),
            "typed_precision": ratio(self.typed, self.system),
            "typed_recall": ratio(self.typed, self.gold),
            "type_accuracy": ratio(self.typed, self.matched),
            "modality_accuracy": ratio(self.modality, self.matched),
            "source_accuracy": ratio(self.source_right, self.source_coded),
            "target_accuracy": ratio(self.target_right, self.target_coded),
            "gold": float(self.gold),
            "system": float(self.system),
        }
        return {f"{prefix}_{name}": value for name, value in found.items()}


def score_document(name: str, gold: Sequence[Trigger], errors: list[str] | None) -> Tally:
    document = analysed(name)
    ranges = read_meta()[name]["covered"]
    system = [event for event in document.events if in_ranges(event, ranges)]
    pairs = match(gold, system, document.sentences)
    tally = Tally(gold=len(gold), system=len(system))
    for i, j in pairs.items():
        tally.count_pair(gold[i], system[j])
    for i in set(range(len(gold))) - set(pairs):
        tally.confusion[(gold[i].type, MISSING)] += 1
    for j in set(range(len(system))) - set(pairs.values()):
        tally.confusion[(MISSING, system[j].type)] += 1
    if errors is not None and split_of(name) == DEV:
        errors.extend(disagreements(name, gold, system, pairs))
    return tally


def disagreements(
    name: str, gold: Sequence[Trigger], system: Sequence[Trigger], pairs: dict[int, int]
) -> list[str]:
    text, lines = analysed(name).text, []
    for i, g in enumerate(gold):
        s = system[pairs[i]] if i in pairs else None
        if s is None or (s.type, s.modality) != (g.type, g.modality):
            found = f"{s.type} {s.modality} '{s.trigger}'" if s else "missed"
            lines.append(f"{name[:10]} gold {g.type} {g.modality} -> {found}: {context(text, g)}")
    for j in sorted(set(range(len(system))) - set(pairs.values())):
        s = system[j]
        lines.append(f"{name[:10]} false alarm {s.type} {s.modality}: {context(text, s)}")
    return lines


def context(text: str, event: Trigger, width: int = 60) -> str:
    before = text[max(0, event.start - width) : event.start]
    after = text[event.end : event.end + width]
    return re.sub(r"\s+", " ", f"…{before}[{text[event.start : event.end]}]{after}…")


def document_key(name: str) -> str:
    """``update-7`` for ``2022-02-24-ukraine-conflict-update-7.md``."""
    found = re.search(r"update-\d+", name)
    return found.group(0) if found else Path(name).stem


def split_of(name: str) -> str:
    split: str = read_meta()[name].get("split", DEV)
    return split


def evaluate(errors: list[str] | None = None) -> tuple[dict[str, float], Tally]:
    """Figures per document and per split (``all_*`` is the dev split), and the dev tally."""
    totals, found = {split: Tally() for split in SPLITS}, {}
    for name, gold in read_gold().items():
        tally = score_document(name, gold, errors)
        found.update(tally.metrics(document_key(name)))
        totals[split_of(name)].add(tally)
    for split, prefix in SPLITS.items():
        found.update(totals[split].metrics(prefix))
    return found, totals[DEV]


def print_confusion(total: Tally) -> None:
    print("type confusion on the dev split (gold -> system):")
    for (gold, system), count in total.confusion.most_common():
        if gold != system:
            print(f"{count:4} {gold:10} -> {system}")
    print("modality confusion over matches (gold -> system):")
    for (gold, system), count in total.modalities.most_common():
        if gold != system:
            print(f"{count:4} {gold:12} -> {system}")


def gold_hash() -> str:
    return corpus_hash([GOLD, META])


def main(argv: list[str]) -> int:
    missing = [name for name in read_meta() if not corpus_path(name).is_file()]
    if missing:
        print(f"cannot evaluate: {', '.join(missing)} missing under {CORPUS}", file=sys.stderr)
        return 1
    errors: list[str] | None = [] if "--errors" in argv else None
    found, dev = evaluate(errors)
    if errors is not None:
        print_confusion(dev)
        print("\n".join(errors))
    for name, value in found.items():
        print(f"{name:34} {value:.3f}")
    pinned = {name: found[name] for name in PINNED}
    return enforce("events_isw", pinned, PINNED, gold_hash(), pin="--pin" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
