"""Events against the PLOVER gold standard (issue 6's done-when (b)).

Gold: ``../shared/corpus/events-en/PLOVER_GSR_CAMEO.json`` — 322 English example
sentences from the CAMEO manual, each coded with one PLOVER 0.5 event (type, mode,
source and target actors).  The DOCUMENT record is skipped.

Split: a record is *dev* when the first hex digit of sha1(id) is 0-5 (about 3/8 of
the records); only dev sentences were read while writing the trigger lexicon and the
rules.  Every figure is reported on *dev* and on the held-out *test* rest; the gate
pins *test*.

Method: each sentence runs through the whole pipeline (``lagebild.analyze``, English,
published = the record's date).  The sentence's event is the system's first event (by
trigger position, main-clause events before those in relative, adverbial or infinitive
clauses) — no gold trigger is used — coded the PLOVER way (``ontology.plover_type``:
intended cooperation is AGREE, intended or conditional conflict THREATEN, demanded
action REQUEST).  Types are compared after mapping PLOVER
0.5 types to the current sixteen (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
ACCUSE, FIGHT → ASSAULT).  A sentence without an event counts as wrong.  Actor accuracy
(over records whose gold names a source / target): some gold ``actorText`` overlaps
(case-insensitive substring, either way) the text or name of some system source /
target.  Macro F1 is over the current types present in the gold.

    python eval/events.py [--errors] [--pin] [--dev]

``--dev`` prints the dev figures only (for use while rules are written).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.api import analyze
from lagebild.records import Event, EventArgument
from lagebild.stages.events.ontology import current_type, plover_type

GOLD = CORPUS / "events-en" / "PLOVER_GSR_CAMEO.json"
PINNED = ("test_type_accuracy", "test_macro_f1", "test_source_accuracy", "test_target_accuracy")


@dataclass(frozen=True)
class Outcome:
    """One gold record and what the system made of it."""

    id: str
    part: str
    text: str
    gold_type: str
    predicted: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    gold_sources: tuple[str, ...]
    gold_targets: tuple[str, ...]


def records(path: Path = GOLD) -> list[dict[str, Any]]:
    """The coded sentences (the DOCUMENT record left out)."""
    data = json.loads(path.read_text("utf-8"))
    return [r for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


def part_of(record_id: str) -> str:
    return "dev" if hashlib.sha1(record_id.encode()).hexdigest()[0] in "012345" else "test"


def _actor_texts(actors: Any) -> tuple[str, ...]:
    if not isinstance(actors, list):
        return ()
    return tuple(str(a.get("actorText", "")) for a in actors if a.get("actorText"))


def _names(arguments: Sequence[EventArgument]) -> tuple[str, ...]:
    return tuple(n for a in arguments for n in (a.text, a.name))


def _coded(event: Event | None) -> str | None:
    if event is None:
        return None
    return plover_type(event.type, event.modality, event.modality_cue, event.claim is not None)


def run(record: dict[str, Any], language: str = "en", part: str | None = None) -> Outcome:
    published = date.fromisoformat(record["date"]) if record.get("date") else None
    document = analyze(record["text"], language=language, published=published)
    first: Event | None = min(document.events, key=_salience, default=None)
    return Outcome(
        id=record["id"],
        part=part or part_of(record["id"]),
        text=record["text"],
        gold_type=current_type(record["event"]),
        predicted=_coded(first),
        sources=_names(first.sources) if first else (),
        targets=_names(first.targets) if first else (),
        gold_sources=_actor_texts(record.get("source")),
        gold_targets=_actor_texts(record.get("target")),
    )


def _salience(event: Event) -> tuple[bool, int]:
    """Main-clause events first, then by position."""
    return not event.main, event.trigger_start or 0


def _overlaps(gold: Sequence[str], system: Sequence[str]) -> bool:
    pairs = ((g.lower(), s.lower()) for g in gold for s in system)
    return any(g in s or s in g for g, s in pairs if g and s)


def _macro_f1(outcomes: Sequence[Outcome]) -> float:
    types = sorted({o.gold_type for o in outcomes})
    scores = []
    for kind in types:
        tp = sum(1 for o in outcomes if o.gold_type == kind and o.predicted == kind)
        fp = sum(1 for o in outcomes if o.gold_type != kind and o.predicted == kind)
        fn = sum(1 for o in outcomes if o.gold_type == kind and o.predicted != kind)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def _rate(outcomes: Sequence[Outcome], gold: str, system: str) -> float:
    coded = [o for o in outcomes if getattr(o, gold)]
    hits = sum(1 for o in coded if _overlaps(getattr(o, gold), getattr(o, system)))
    return hits / len(coded) if coded else 0.0


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float]:
    found: dict[str, float] = {}
    for part in ("dev", "test", "all"):
        chosen = [o for o in outcomes if part in ("all", o.part)]
        correct = sum(1 for o in chosen if o.predicted == o.gold_type)
        found[f"{part}_records"] = float(len(chosen))
        found[f"{part}_type_accuracy"] = correct / len(chosen) if chosen else 0.0
        found[f"{part}_macro_f1"] = _macro_f1(chosen)
        found[f"{part}_source_accuracy"] = _rate(chosen, "gold_sources", "sources")
        found[f"{part}_target_accuracy"] = _rate(chosen, "gold_targets", "targets")
        found[f"{part}_no_event"] = float(sum(1 for o in chosen if o.predicted is None))
    return found


def print_errors(outcomes: Sequence[Outcome], part: str = "dev") -> None:
    """Wrong types on ``part`` only (test errors are not for reading)."""
    wrong = [o for o in outcomes if o.part == part and o.predicted != o.gold_type]
    confusion = Counter((o.gold_type, o.predicted) for o in wrong)
    for (gold, predicted), count in confusion.most_common():
        print(f"{count:3} gold {gold:10} system {predicted}")
    for o in wrong:
        print(f"- {o.id} gold {o.gold_type} system {o.predicted}: {o.text[:160]}")


def gold_hash() -> str:
    return corpus_hash([GOLD])


def main(argv: list[str]) -> int:
    if not GOLD.exists():
        print(f"cannot evaluate: {GOLD} is missing", file=sys.stderr)
        return 1
    outcomes = [run(record) for record in records()]
    if "--errors" in argv:
        print_errors(outcomes)
    found = metrics(outcomes)
    if "--dev" in argv:
        # While rules are written: the dev figures only, no held-out figure, no gate.
        found = {name: value for name, value in found.items() if name.startswith("dev_")}
    for name, value in found.items():
        print(f"{name:28} {value:.3f}")
    if "--dev" in argv:
        return 0
    pinned = {name: found[name] for name in PINNED}
    return enforce("events", pinned, {}, gold_hash(), pin="--pin" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
