"""Evaluate lagebild's time stage: TempEval-3 TBAQ (English) and the German gold (dev, held-out).

    .venv/bin/python eval/times.py [--pin] [--errors de|en]

The scorers are in ``eval/timex.py`` (TempEval-3 matching and value F1; German value
accuracy over gold and the function-word negatives).  The tagger is the library path
``lagebild.times.v1`` takes: ticker blocks found in the text, each expression resolved
against its block's stamp or the document date given as anchor.  The held-out German gold
(``tests/gold/times-de-heldout.jsonl``, metrics ``deh_*``) is printed next to the
development figures (``de_*``); never tune rules on it.  Floors for the gate
(``tests/eval/test_gate_times.py``) live in ``eval/floors/times.json``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import timex
from gate import corpus_hash, enforce
from lagebild.stages.times.docdate import ticker_blocks
from lagebild.stages.times.tagger import tag as tag_times
from lagebild.stages.times.values import Anchor

PINNED = {
    "en_value_f1": "higher",
    "en_relaxed_f1": "higher",
    "en_strict_f1": "higher",
    "de_value_accuracy": "higher",
    "de_value_accuracy_gold": "higher",
    "de_relaxed_f1": "higher",
    "de_value_f1": "higher",
    "de_negatives_hit": "lower",
    "de_undated_value_accuracy": "higher",
    # held-out German gold: never tune rules on it
    "deh_value_accuracy": "higher",
    "deh_value_accuracy_gold": "higher",
    "deh_strict_f1": "higher",
    "deh_relaxed_f1": "higher",
    "deh_value_f1": "higher",
    "deh_negatives_hit": "lower",
}


def tag(text: str, anchor: str | None, language: str) -> list[tuple[int, int, str, str]]:
    """The scorer's tagger interface over lagebild's time stage."""
    day = date.fromisoformat(anchor) if anchor else None
    blocks = ticker_blocks(text, day)
    found = tag_times(text, language, Anchor(day) if day else None, blocks)
    return [(f.piece.start, f.piece.end, f.piece.type, f.piece.value or "") for f in found]


def evaluate() -> dict[str, float]:
    english = {f"en_{k}": v for k, v in timex.evaluate_english(tag).items()}
    german = {f"de_{k}": v for k, v in timex.evaluate_german(tag).items()}
    heldout = timex.evaluate_german(
        tag, gold=timex.GOLD_DE_HELDOUT, negatives=timex.NEGATIVES_DE_HELDOUT
    )
    return {**english, **german, **{f"deh_{k}": v for k, v in heldout.items()}}


def gold_hash() -> str:
    german = [timex.GOLD_DE, timex.NEGATIVES_DE, timex.GOLD_DE_HELDOUT, timex.NEGATIVES_DE_HELDOUT]
    return corpus_hash([*german, *timex.timeml_files()])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pin", action="store_true")
    args = parser.parse_args(argv)
    metrics = evaluate()
    for name in PINNED:
        print(f"{name:28} {metrics[name]:.3f}")
    for name in ("de_strict_f1", "de_gold", "deh_gold", "deh_system"):
        print(f"{name:28} {metrics[name]:.3f}  (not pinned)")
    pinned = {name: metrics[name] for name in PINNED}
    return enforce("times", pinned, PINNED, gold_hash(), args.pin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
