"""Evaluate English entity recognition against the hand-annotated ISW gold.

    .venv/bin/python eval/entities_en.py [--pin] [--pin-heldout] [--pin-fresh]
        [--errors [LABEL]] [--heldout] [--skip-fresh]

Three gold sets, always all reported and gated separately:

- "dev": ``tests/gold/entities-en-isw.jsonl`` (three ISW updates; the knowledge base
  and rules were tuned while looking at their errors, so its figures are optimistic),
  floors in ``eval/floors/entities_en.json``;
- "held-out": ``tests/gold/entities-en-isw-heldout.jsonl`` (two other ISW updates
  that were not tuned on until a fresh split existed; since then they are development data
  too), floors in ``eval/floors/entities_en_heldout.json``;
- "fresh": ``tests/gold/entities-en-isw-fresh.jsonl`` (one more ISW update, annotated
  before the old held-out set was studied; measured, never tuned on), floors in
  ``eval/floors/entities_en_fresh.json``.

Each holds every mention of a person, organisation, place and weapon system, plus
nationality words as NAT, with offsets into the reader's ``raw_text``.  Our mentions are mapped back to raw
offsets through ``Document.offsets``.  A mention is correct when its span and
type equal a gold mention's (strict); "overlap" counts any overlap of the same
type.  Nationality words are scored separately (NAT).  ``--errors`` lists every
false positive and missed gold mention (optionally of one LABEL) with context,
on the dev set, or on the held-out set with ``--heldout``.  Look at held-out errors
only to count error classes, never to fix single cases: fixes must be general.
``--pin`` pins (raises, never lowers) the dev floors, ``--pin-heldout`` and ``--pin-fresh``
those of the other two sets.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, check, corpus_hash, write_floor
from lagebild.api import analyze_document
from lagebild.read import read_source
from lagebild.records import Document

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "entities-en-isw.jsonl"
HELDOUT = GOLD.with_name("entities-en-isw-heldout.jsonl")
FRESH = GOLD.with_name("entities-en-isw-fresh.jsonl")
# gold set -> (its file, the name of its floor file under eval/floors/)
SETS = {
    "dev": (GOLD, "entities_en"),
    "heldout": (HELDOUT, "entities_en_heldout"),
    "fresh": (FRESH, "entities_en_fresh"),
}
ISW = CORPUS / "isw-en"
LABELS = ("PERSON", "ORGANIZATION", "PLACE", "WEAPON", "NAT")

Mention = tuple[str, int, int, str]


def load_gold(path: Path = GOLD) -> dict[str, set[Mention]]:
    gold: dict[str, set[Mention]] = defaultdict(set)
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            gold[item["file"]].add((item["file"], item["start"], item["end"], item["label"]))
    return gold


def predict(name: str) -> set[Mention]:
    document = next(d for d in read_source(ISW / name) if isinstance(d, Document))
    document = analyze_document(document)
    found: set[Mention] = set()
    for entity in document.entities:
        for mention in entity.mentions:
            if mention.kind not in ("name", "nationality", "compound"):
                continue
            label = "NAT" if mention.kind == "nationality" else entity.type.value
            start = document.offsets.to_raw(mention.start)
            end = document.offsets.to_raw(mention.end - 1) + 1
            found.add((name, start, _without_possessive(document.raw_text, start, end), label))
    return found


def _without_possessive(raw: str, start: int, end: int) -> int:
    """Gold spans exclude a possessive "'s"; ours may include it."""
    return end - 2 if raw[start:end].endswith(("'s", "’s")) else end


def score(gold: set[Mention], predicted: set[Mention], overlap: bool) -> dict[str, float]:
    if overlap:
        tp_p = sum(1 for p in predicted if any(_overlaps(p, g) for g in gold))
        tp_g = sum(1 for g in gold if any(_overlaps(p, g) for p in predicted))
    else:
        tp_p = tp_g = len(gold & predicted)
    precision = tp_p / len(predicted) if predicted else 0.0
    recall = tp_g / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _overlaps(a: Mention, b: Mention) -> bool:
    return a[0] == b[0] and a[3] == b[3] and a[1] < b[2] and b[1] < a[2]


def evaluate(path: Path = GOLD) -> dict[str, float]:
    return measure(*collect(path))


def collect(path: Path = GOLD) -> tuple[set[Mention], set[Mention]]:
    """All gold and all predicted mentions over the documents of one gold file."""
    gold_all: set[Mention] = set()
    predicted_all: set[Mention] = set()
    for name, gold in load_gold(path).items():
        gold_all |= gold
        predicted_all |= predict(name)
    return gold_all, predicted_all


def measure(gold_all: set[Mention], predicted_all: set[Mention]) -> dict[str, float]:
    metrics = {}
    for label in (*LABELS, "ALL"):
        wanted = (lambda m: m[3] != "NAT") if label == "ALL" else (lambda m, x=label: m[3] == x)
        gold = {m for m in gold_all if wanted(m)}
        predicted = {m for m in predicted_all if wanted(m)}
        for mode in ("strict", "overlap"):
            for key, value in score(gold, predicted, mode == "overlap").items():
                metrics[f"{label.lower()}_{mode}_{key}"] = value
    return metrics


def errors(gold: set[Mention], predicted: set[Mention], label: str | None) -> list[str]:
    """One line per false positive (FP) and missed gold mention (FN), in document order."""
    texts: dict[str, str] = {}
    lines = []
    for tag, wrong in (("FP", predicted - gold), ("FN", gold - predicted)):
        for name, start, end, kind in wrong:
            if label and kind != label:
                continue
            if name not in texts:
                texts[name] = _raw_text(name)
            raw = texts[name]
            context = raw[max(0, start - 40) : end + 40].replace("\n", " ")
            lines.append(f"{tag} {kind:12} {name[:10]} {start:6} {raw[start:end]!r:32} {context}")
    return sorted(lines, key=lambda line: (line.split()[1], line.split()[2], int(line.split()[3])))


def _raw_text(name: str) -> str:
    return next(d for d in read_source(ISW / name) if isinstance(d, Document)).raw_text


def gold_hash(path: Path = GOLD) -> str:
    return corpus_hash([path, *(ISW / name for name in load_gold(path))])


def gated(metrics: dict[str, float]) -> dict[str, float]:
    """The metrics with floors: strict P/R/F1 per type and overall, NAT excepted."""
    return {k: v for k, v in metrics.items() if "_strict_" in k and not k.startswith("nat")}


def main(argv: list[str]) -> int:
    missing = [path for path, _ in SETS.values() if not path.exists()]
    if not ISW.is_dir() or missing:
        print(f"cannot evaluate: {ISW} or {missing} is missing", file=sys.stderr)
        return 1
    # --skip-fresh: work on dev/held-out without looking at the fresh split again
    sets = {k: v for k, v in SETS.items() if not (k == "fresh" and "--skip-fresh" in argv)}
    results = {key: collect(path) for key, (path, _) in sets.items()}
    metrics = {key: measure(*pair) for key, pair in results.items()}
    if "--errors" in argv:
        after = argv[argv.index("--errors") + 1 :]
        label = after[0] if after and not after[0].startswith("-") else None
        print("\n".join(errors(*results["heldout" if "--heldout" in argv else "dev"], label)))
    print_table(metrics)
    status = 0
    for key, (path, floor) in sets.items():
        pinned = gated(metrics[key])
        flag = _pin_flag(key)
        if flag in argv:
            write_floor(floor, pinned, {}, gold_hash(path))
        try:
            violations = check(floor, pinned, gold_hash(path))
        except FileNotFoundError:
            print(f"{key}: no floors pinned yet: run with {flag}")
            continue
        for violation in violations:
            print(f"REGRESSION ({key}) {violation}")
        status |= 1 if violations else 0
    return status


def _pin_flag(key: str) -> str:
    return "--pin" if key == "dev" else f"--pin-{key}"


def print_table(metrics: dict[str, dict[str, float]]) -> None:
    """Strict and overlap P/R/F1 per type, one column group per gold set."""
    header = "   ".join(f"{key[:5] + ' P':>6} {'R':>6} {'F1':>6}" for key in metrics)
    print(f"{'type':13} {'mode':8} {header}")
    for label in (*LABELS, "ALL"):
        for mode in ("strict", "overlap"):
            cells = "   ".join(
                " ".join(
                    f"{values[f'{label.lower()}_{mode}_{k}']:6.3f}"
                    for k in ("precision", "recall", "f1")
                )
                for values in metrics.values()
            )
            print(f"{label:13} {mode:8} {cells}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
