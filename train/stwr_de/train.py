"""Train the German speech-representation tagger shipped in ``lagebild/models/stwr_de``.

    .venv/bin/python train/stwr_de/train.py [--jobs 2] [--out src/lagebild/models/stwr_de]

One binary linear-chain CRF per type (direct, indirect, reported, free indirect), as
the KONVENS 2020 taggers are one binary tagger per type.  Data: corpus REDEWIEDERGABE,
split by ``eval/redewiedergabe.py`` (seed 2020, by work): each setting of the grid is
trained on **train** and scored (token F1) on **val**, where the decision threshold
on the token's marginal probability is chosen too; the best setting per type is then
retrained on train + val and written out with its threshold.  **test** is never read here.
L-BFGS in crfsuite is deterministic, so the same data and settings give the same
model bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))

import redewiedergabe as corpus
from lagebild.stages.claims.speech_features import document_features

ROOT = Path(__file__).resolve().parents[2]

TYPES = {"direct": "direct", "indirect": "indirect", "reported": "reported"}
TYPES["freeIndirect"] = "free_indirect"
GRID = [(1.0, 0.01), (3.0, 0.01)]  # (c1, c2)
THRESHOLDS = [round(0.15 + 0.05 * step, 2) for step in range(10)]  # 0.15 … 0.6
ITERATIONS = 100

Item = tuple[list[list[str]], list[str]]  # features and labels of one sentence


def items(part: str, kind: str) -> list[Item]:
    result = []
    for _, sentences in corpus.documents(part):
        features = document_features([s.tokens for s in sentences])
        for sentence, rows in zip(sentences, features, strict=True):
            labels = ["1" if label else "0" for label in sentence.labels[kind]]
            result.append((rows, labels))
    return result


def train(data: Sequence[Item], c1: float, c2: float, path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for rows, labels in data:
        trainer.append(rows, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def marginals(data: Sequence[Item], path: Path) -> list[tuple[bool, float]]:
    """(gold, probability of the type) for every token of ``data``."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    result = []
    for rows, labels in data:
        tagger.set(rows)
        result += [(gold == "1", tagger.marginal("1", i)) for i, gold in enumerate(labels)]
    return result


def best_threshold(scored: Sequence[tuple[bool, float]]) -> dict[str, float]:
    """The decision threshold on the marginal with the best token F1."""
    best: dict[str, float] = {"f1": -1.0}
    for threshold in THRESHOLDS:
        tp, fp, fn = corpus.counts([g for g, _ in scored], [p >= threshold for _, p in scored])
        precision, recall, score = corpus.prf(tp, fp, fn)
        if score > best["f1"]:
            best = {"threshold": threshold, "precision": precision, "recall": recall, "f1": score}
    return best


def run_type(job: tuple[str, str, int]) -> dict[str, Any]:
    kind, work, iterations = job
    started = time.time()
    train_items, val_items = items("train", kind), items("val", kind)
    grid = []
    for c1, c2 in GRID:
        path = Path(work) / f"{kind}-{c1}-{c2}.crfsuite"
        train(train_items, c1, c2, path, iterations)
        scores = best_threshold(marginals(val_items, path))
        grid.append({"c1": c1, "c2": c2, **scores})
        print(f"{kind:13} c1={c1} c2={c2} val P/R/F1 {scores}", flush=True)
    best = max(grid, key=lambda row: row["f1"])
    final = Path(work) / f"{TYPES[kind]}.crfsuite"
    train(train_items + val_items, best["c1"], best["c2"], final, iterations)
    return {"type": kind, "grid": grid, "best": best, "seconds": time.time() - started}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src/lagebild/models/stwr_de")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--types", nargs="*", default=list(TYPES))
    args = parser.parse_args(argv)
    started = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, Pool(args.jobs) as pool:
        jobs = [(kind, work, args.iterations) for kind in args.types]
        results = pool.map(run_type, jobs, chunksize=1)
        for result in results:
            name = f"{TYPES[result['type']]}.crfsuite"
            (args.out / name).write_bytes((Path(work) / name).read_bytes())
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {"selection": {}}
    meta["files"] = {name: f"{name}.crfsuite" for name in TYPES.values()}
    meta["split"] = {"seed": corpus.SEED, "share": corpus.SHARE, "by": "work, fictional"}
    meta["iterations"] = args.iterations
    meta.setdefault("thresholds", {})
    for result in results:
        meta["selection"][TYPES[result["type"]]] = {
            "grid": result["grid"],
            "best": result["best"],
            "seconds": round(result["seconds"]),
        }
        meta["thresholds"][TYPES[result["type"]]] = result["best"]["threshold"]
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"done in {time.time() - started:.0f} s → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
