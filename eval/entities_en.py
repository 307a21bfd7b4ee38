"""Evaluate English entity recognition against the hand-annotated ISW gold.

    .venv/bin/python eval/entities_en.py [--pin] [--errors [LABEL]]

Gold: ``tests/gold/entities-en-isw.jsonl`` (three ISW updates, every mention of a
person, organisation, place and weapon system, plus nationality words as NAT),
with offsets into the reader's ``raw_text``.  Our mentions are mapped back to raw
offsets through ``Document.offsets``.  A mention is correct when its span and
type equal a gold mention's (strict); "overlap" counts any overlap of the same
type.  Nationality words are scored separately (NAT).  ``--errors`` lists every
false positive and missed gold mention (optionally of one LABEL) with context.
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
ISW = CORPUS / "isw-en"
LABELS = ("PERSON", "ORGANIZATION", "PLACE", "WEAPON", "NAT")

Mention = tuple[str, int, int, str]


def load_gold() -> dict[str, set[Mention]]:
    gold: dict[str, set[Mention]] = defaultdict(set)
    for line in GOLD.read_text("utf-8").splitlines():
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


def evaluate() -> dict[str, float]:
    return measure(*collect())


def collect() -> tuple[set[Mention], set[Mention]]:
    """All gold and all predicted mentions over the gold documents."""
    gold_all: set[Mention] = set()
    predicted_all: set[Mention] = set()
    for name, gold in load_gold().items():
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


def gold_hash() -> str:
    return corpus_hash([GOLD, *(ISW / name for name in load_gold())])


def main(argv: list[str]) -> int:
    if not ISW.is_dir() or not GOLD.exists():
        print(f"cannot evaluate: {ISW} or {GOLD} is missing", file=sys.stderr)
        return 1
    gold, predicted = collect()
    metrics = measure(gold, predicted)
    if "--errors" in argv:
        after = argv[argv.index("--errors") + 1 :]
        label = after[0] if after and not after[0].startswith("-") else None
        print("\n".join(errors(gold, predicted, label)))
    print(f"{'type':13} {'mode':8} {'P':>6} {'R':>6} {'F1':>6}")
    for label in (*LABELS, "ALL"):
        for mode in ("strict", "overlap"):
            row = [metrics[f"{label.lower()}_{mode}_{k}"] for k in ("precision", "recall", "f1")]
            print(f"{label:13} {mode:8} {row[0]:6.3f} {row[1]:6.3f} {row[2]:6.3f}")
    pinned = {k: v for k, v in metrics.items() if "_strict_" in k and not k.startswith("nat")}
    if "--pin" in argv:
        write_floor("entities_en", pinned, {}, gold_hash())
    try:
        violations = check("entities_en", pinned, gold_hash())
    except FileNotFoundError:
        print("no floors pinned yet: run with --pin")
        return 0
    for violation in violations:
        print(f"REGRESSION {violation}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
