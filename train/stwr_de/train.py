"""Train the German speech-representation tagger (``stwr_de``) into the user model dir.

    .venv/bin/python train/stwr_de/train.py --final [--jobs 2] [--out DIR]   # minutes
    .venv/bin/python train/stwr_de/train.py --select [--record] [--jobs 2]   # the grid
    .venv/bin/python train/stwr_de/train.py --val [--record] [--jobs 2]      # thresholds

One binary linear-chain CRF per type (direct, indirect, reported, free indirect), as
the KONVENS 2020 taggers are one binary tagger per type.  Data: corpus REDEWIEDERGABE,
split by ``eval/redewiedergabe.py`` (seed 2020, by work).

``--final`` trains only the four final models on train + val with the settings chosen
before (``settings.json`` beside this script: c1, c2 and the decision threshold per
type).  ``--select`` trains each setting of the grid on **train**, scores it (token F1)
on **val**, where the decision threshold on the token's marginal is chosen too, then
retrains the best setting on train + val; ``--record`` writes the choice to
``settings.json``.  ``--val`` keeps the recorded c1, c2 and iterations, trains on
**train** only and chooses the thresholds on **val** (after a feature change; with
``--record`` it writes them).  **test** is never read here.  L-BFGS in crfsuite is deterministic,
so the same data and settings give the same model bytes.  The weights derive from a
CC BY-NC-SA corpus and are never shipped or committed (decision 0013).
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
from lagebild.stages.claims.speech import features_digest, model_dir
from lagebild.stages.claims.speech_features import document_features

SETTINGS = Path(__file__).resolve().parent / "settings.json"
TYPES = {"direct": "direct", "indirect": "indirect", "reported": "reported"}
TYPES["freeIndirect"] = "free_indirect"
GRID = [(1.0, 0.01), (3.0, 0.01)]  # (c1, c2)
THRESHOLDS = [round(0.15 + 0.05 * step, 2) for step in range(10)]  # 0.15 … 0.6
ITERATIONS = 100
F1_TIE = 0.005  # val F1 differences below this are noise (see best_threshold)
FEATURES = features_digest()  # at start: the code the features are computed with

Item = tuple[list[list[str]], list[str]]  # features and labels of one sentence
Job = tuple[str, str, int, list[tuple[float, float]]]  # type, work dir, iterations, grid


def items(parts: Sequence[str], kind: str) -> list[Item]:
    result = []
    for part in parts:
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
    """The decision threshold on the marginal with the best token F1.

    Val F1 is often flat around its peak; among thresholds within ``F1_TIE`` of the
    best, the one with precision and recall closest to each other wins, so a noise-level
    F1 difference does not trade much recall for precision (or back).
    """
    rows = []
    for threshold in THRESHOLDS:
        tp, fp, fn = corpus.counts([g for g, _ in scored], [p >= threshold for _, p in scored])
        precision, recall, score = corpus.prf(tp, fp, fn)
        rows.append({"threshold": threshold, "precision": precision, "recall": recall, "f1": score})
    top = max(row["f1"] for row in rows)
    near = [row for row in rows if row["f1"] >= top - F1_TIE]
    return min(near, key=lambda row: abs(row["precision"] - row["recall"]))


def select_type(job: Job) -> dict[str, Any]:
    """Grid on train, scored on val; the best setting retrained on train + val."""
    kind, work, iterations, grid_settings = job
    started = time.time()
    train_items, val_items = items(["train"], kind), items(["val"], kind)
    grid = []
    for c1, c2 in grid_settings:
        path = Path(work) / f"{kind}-{c1}-{c2}.crfsuite"
        train(train_items, c1, c2, path, iterations)
        scores = best_threshold(marginals(val_items, path))
        grid.append({"c1": c1, "c2": c2, **scores})
        print(f"{kind:13} c1={c1} c2={c2} val P/R/F1 {scores}", flush=True)
    best = max(grid, key=lambda row: row["f1"])
    final = Path(work) / f"{TYPES[kind]}.crfsuite"
    train(train_items + val_items, best["c1"], best["c2"], final, iterations)
    return {"type": kind, "grid": grid, "best": best, "seconds": time.time() - started}


def val_type(job: Job) -> dict[str, Any]:
    """The recorded setting trained on train; its threshold and scores on val."""
    kind, work, iterations, ((c1, c2),) = job
    path = Path(work) / f"{TYPES[kind]}.crfsuite"
    train(items(["train"], kind), c1, c2, path, iterations)
    scores = best_threshold(marginals(items(["val"], kind), path))
    print(f"{kind:13} c1={c1} c2={c2} iterations={iterations} val P/R/F1 {scores}", flush=True)
    return {"type": kind, "best": {"c1": c1, "c2": c2, **scores}}


def final_type(job: Job) -> dict[str, Any]:
    """Only the final model, on train + val, with the recorded setting."""
    kind, work, iterations, ((c1, c2),) = job
    started = time.time()
    final = Path(work) / f"{TYPES[kind]}.crfsuite"
    train(items(["train", "val"], kind), c1, c2, final, iterations)
    print(f"{kind:13} c1={c1} c2={c2} trained in {time.time() - started:.0f} s", flush=True)
    return {"type": kind, "seconds": time.time() - started}


def recorded() -> dict[str, Any]:
    return json.loads(SETTINGS.read_text("utf-8"))  # type: ignore[no-any-return]


def jobs(args: argparse.Namespace, work: str) -> list[Job]:
    """One job per type; the longest first, so two workers finish together."""
    if args.select:
        return [(kind, work, args.iterations, GRID) for kind in args.types]
    chosen = recorded()["types"]
    settings = [(kind, chosen[TYPES[kind]]) for kind in args.types]
    found: list[Job] = [
        (kind, work, _iterations(args, kind), [(setting["c1"], setting["c2"])])
        for kind, setting in settings
    ]
    return sorted(found, key=lambda job: -job[2])


def _iterations(args: argparse.Namespace, kind: str) -> int:
    """L-BFGS iterations: --iterations, else the type's recorded value, else the global one."""
    if args.iterations:
        return int(args.iterations)
    settings = recorded()
    return int(settings["types"][TYPES[kind]].get("iterations", settings["iterations"]))


def meta_of(args: argparse.Namespace, results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """meta.json: files, thresholds, the feature fingerprint and how the models were made."""
    chosen = recorded()["types"]
    selection = {TYPES[r["type"]]: r for r in results}
    thresholds = {
        name: selection[name]["best"]["threshold"]
        if "best" in selection.get(name, {})
        else chosen[name]["threshold"]
        for name in TYPES.values()
    }
    return {
        "files": {name: f"{name}.crfsuite" for name in TYPES.values()},
        "features": FEATURES,
        "split": {"seed": corpus.SEED, "share": corpus.SHARE, "by": "work, fictional"},
        "iterations": {name: _iterations(args, kind) for kind, name in TYPES.items()},
        "mode": "select" if args.select else "final",
        "thresholds": thresholds,
        "selection": selection,
    }


def record(results: Sequence[dict[str, Any]], iterations: int) -> None:
    """Write the settings chosen by ``--select`` to ``settings.json``."""
    settings = recorded()
    settings["iterations"] = iterations
    for result in results:
        best = result["best"]
        settings["types"][TYPES[result["type"]]] = {
            key: best[key] for key in ("c1", "c2", "threshold")
        }
    SETTINGS.write_text(json.dumps(settings, indent=2) + "\n", "utf-8")


def record_thresholds(results: Sequence[dict[str, Any]]) -> None:
    """Write the thresholds chosen by ``--val`` to ``settings.json`` (the rest stays)."""
    settings = recorded()
    for result in results:
        settings["types"][TYPES[result["type"]]]["threshold"] = result["best"]["threshold"]
    SETTINGS.write_text(json.dumps(settings, indent=2) + "\n", "utf-8")


def validate(args: argparse.Namespace) -> int:
    """``--val``: train-only models with the recorded settings, thresholds from val."""
    with tempfile.TemporaryDirectory() as work, Pool(args.jobs) as pool:
        results = pool.map(val_type, jobs(args, work), chunksize=1)
    if args.record:
        record_thresholds(results)
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--final", action="store_true", help="final models, recorded settings")
    mode.add_argument("--select", action="store_true", help="choose settings on val first")
    mode.add_argument("--val", action="store_true", help="recorded settings: thresholds on val")
    parser.add_argument("--record", action="store_true", help="--select/--val: settings.json")
    parser.add_argument("--out", type=Path, default=None, help="default: the user model dir")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=None, help="default: settings.json")
    parser.add_argument("--types", nargs="*", default=list(TYPES), choices=list(TYPES))
    args = parser.parse_args(argv)
    args.out = args.out or model_dir()
    if args.select:
        args.iterations = args.iterations or recorded().get("iterations", ITERATIONS)
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    if not corpus.TSV.is_dir():
        print(f"cannot train: {corpus.TSV} is missing", file=sys.stderr)
        return 1
    if args.val:
        return validate(args)
    started = time.time()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "meta.json").unlink(missing_ok=True)  # the model is incomplete until the end
    with tempfile.TemporaryDirectory() as work, Pool(args.jobs) as pool:
        run = select_type if args.select else final_type
        results = pool.map(run, jobs(args, work), chunksize=1)
        for result in results:
            name = f"{TYPES[result['type']]}.crfsuite"
            (args.out / name).write_bytes((Path(work) / name).read_bytes())
    meta = json.dumps(meta_of(args, results), indent=2, sort_keys=True) + "\n"
    (args.out / "meta.json").write_text(meta, "utf-8")  # last: marks the model complete
    if args.record and args.select:
        record(results, args.iterations)
    print(f"done in {time.time() - started:.0f} s → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
