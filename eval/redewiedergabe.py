"""Evaluate the German speech-representation tagger on corpus REDEWIEDERGABE.

    .venv/bin/python eval/redewiedergabe.py [--pin] [--part test|val|train]

Method (as KONVENS 2020, Brunner et al., "To BERT or not to BERT"): one binary
decision per token and type; a token is positive for a type when it lies inside any
span of that type, whatever the medium (speech, thought, writing).  A span typed
"indirect freeIndirect" counts for both types; "Undefined" counts for none.
Precision, recall and F1 are over tokens, per type.

Split: the corpus has no official split column (metadata.tsv gives source, year,
fictional, …; the KONVENS split lives outside this release), so the split is ours:
document-level, grouped by work (the samples ``rwk_<source>_<work>-<n>`` of one work
stay together), stratified by ``fictional``, seed 2020: 10 % of the works of each
stratum are **test** (held out: never used for training, tuning or selection),
the next 10 % **val** (feature and setting selection), the rest **train**.

Tokens and sentences are the corpus's (``tok`` and ``sentstart``); the tagger sees
only the token strings (no gold POS or lemma).  The second table joins each file's tokens with spaces
into plain text and scores what ``speech_spans`` finds in it (the run-time path, with
lagebild's own tokenizer and sentence splitter); both are gated.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.errors import LagebildError

TSV = CORPUS / "redewiedergabe" / "tsv"
TYPES = ("direct", "indirect", "reported", "freeIndirect")
NAMES = {"direct": "direct", "indirect": "indirect", "reported": "reported"}
NAMES["freeIndirect"] = "free_indirect"
BARS = {"direct": 0.85, "indirect": 0.76, "reported": 0.60, "freeIndirect": 0.59}
SEED = 2020
SHARE = 0.10  # of the works of each stratum, for test and again for val


@dataclass
class Sentence:
    tokens: list[str] = field(default_factory=list)
    labels: dict[str, list[bool]] = field(default_factory=lambda: {t: [] for t in TYPES})


def parse_stwr(value: str) -> set[str]:
    """The STWR types of one ``stwr`` cell ("-", or annotations joined by "|")."""
    types: set[str] = set()
    if value in ("-", ""):
        return types
    for annotation in value.split("|"):
        types.update(t for t in annotation.split(".", 1)[0].split() if t in TYPES)
    return types


def read_file(path: Path) -> list[Sentence]:
    """The sentences of one sample, with per-type binary token labels."""
    sentences: list[Sentence] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        tok, start, stwr = header.index("tok"), header.index("sentstart"), header.index("stwr")
        for row in reader:
            if len(row) <= stwr:
                continue
            if row[start] == "yes" or not sentences:
                sentences.append(Sentence())
            types = parse_stwr(row[stwr])
            sentences[-1].tokens.append(row[tok])
            for kind in TYPES:
                sentences[-1].labels[kind].append(kind in types)
    return sentences


def metadata(root: Path = TSV) -> list[dict[str, str]]:
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def work_of(name: str) -> str:
    """``rwk_digbib_1020-2.tsv`` → ``rwk_digbib_1020`` (samples of one work)."""
    return name.removesuffix(".tsv").rsplit("-", 1)[0]


def split(root: Path = TSV, seed: int = SEED) -> dict[str, list[str]]:
    """File names per part: "train", "val", "test" (see the module docstring)."""
    stratum_of: dict[str, str] = {}  # a work's stratum is that of its first sample
    files: dict[str, list[str]] = defaultdict(list)
    for row in sorted(metadata(root), key=lambda row: row["file"]):
        if (root / row["file"]).exists():
            stratum_of.setdefault(work_of(row["file"]), row["fictional"])
            files[work_of(row["file"])].append(row["file"])
    strata: dict[str, set[str]] = defaultdict(set)
    for work, stratum in stratum_of.items():
        strata[stratum].add(work)
    parts: dict[str, list[str]] = {"train": [], "val": [], "test": []}
    rng = random.Random(seed)
    for stratum in sorted(strata):
        works = sorted(strata[stratum])
        rng.shuffle(works)
        size = max(1, round(SHARE * len(works)))
        for index, work in enumerate(works):
            part = "test" if index < size else "val" if index < 2 * size else "train"
            parts[part].extend(files[work])
    return {part: sorted(names) for part, names in parts.items()}


def documents(part: str, root: Path = TSV) -> list[tuple[str, list[Sentence]]]:
    return [(name, read_file(root / name)) for name in split(root)[part]]


def counts(gold: Iterable[bool], predicted: Iterable[bool]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        tp += g and p
        fp += p and not g
        fn += g and not p
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def predict_tokens(sentences: Sequence[Sentence]) -> dict[str, list[bool]]:
    """The tagger's per-type decisions over the document's tokens (flat)."""
    from lagebild.stages.claims.speech import tag_tokens, thresholds

    tagged, limits = tag_tokens([s.tokens for s in sentences]), thresholds()
    return {
        kind: [row[NAMES[kind]] >= limits[NAMES[kind]] for sentence in tagged for row in sentence]
        for kind in TYPES
    }


def predict_text(sentences: Sequence[Sentence]) -> dict[str, list[bool]]:
    """Join the tokens into plain text, run ``speech_spans``, map spans back to tokens."""
    from lagebild.stages.claims.speech import speech_spans

    offsets, text = [], ""
    for sentence in sentences:
        for token in sentence.tokens:
            if text:
                text += " "
            offsets.append((len(text), len(text) + len(token)))
            text += token
    marks = {kind: [False] * len(offsets) for kind in TYPES}
    names = {name: kind for kind, name in NAMES.items()}
    for span in speech_spans(text):
        for index, (start, end) in enumerate(offsets):
            if start < span.end and span.start < end:
                marks[names[span.type]][index] = True
    return marks


def evaluate(part: str = "test", text: bool = False) -> dict[str, float]:
    totals = {kind: [0, 0, 0] for kind in TYPES}
    gold_tokens = dict.fromkeys(TYPES, 0)
    for _, sentences in documents(part):
        predicted = predict_text(sentences) if text else predict_tokens(sentences)
        for kind in TYPES:
            gold = [label for s in sentences for label in s.labels[kind]]
            gold_tokens[kind] += sum(gold)
            for slot, value in enumerate(counts(gold, predicted[kind])):
                totals[kind][slot] += value
    metrics: dict[str, float] = {}
    for kind in TYPES:
        precision, recall, f1 = prf(*totals[kind])
        metrics[f"{kind}_precision"] = precision
        metrics[f"{kind}_recall"] = recall
        metrics[f"{kind}_f1"] = f1
        metrics[f"{kind}_gold_tokens"] = float(gold_tokens[kind])
    return metrics


def gold_hash() -> str:
    return corpus_hash([TSV / "metadata.tsv", *(TSV / name for name in split()["test"])])


def table(metrics: dict[str, float], title: str) -> str:
    lines = [title, f"{'type':14} {'P':>6} {'R':>6} {'F1':>6} {'bar F1':>7} {'gold tok':>9}"]
    for kind in TYPES:
        lines.append(
            f"{kind:14} {metrics[f'{kind}_precision']:6.3f} {metrics[f'{kind}_recall']:6.3f} "
            f"{metrics[f'{kind}_f1']:6.3f} {BARS[kind]:7.2f} {metrics[f'{kind}_gold_tokens']:9.0f}"
        )
    return "\n".join(lines)


def pinned(metrics: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in metrics.items() if k.endswith(("_f1", "_precision", "_recall"))}


def all_metrics(part: str = "test") -> dict[str, float]:
    """Token metrics on corpus tokens, and (prefixed ``text_``) through the plain-text path."""
    text = {f"text_{k}": v for k, v in evaluate(part, text=True).items()}
    return evaluate(part) | text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pin", action="store_true")
    parser.add_argument("--part", default="test", choices=("test", "val", "train"))
    args = parser.parse_args(argv)
    if not TSV.is_dir():
        print(f"cannot evaluate: {TSV} is missing", file=sys.stderr)
        return 1
    parts = split()
    print(", ".join(f"{part}: {len(names)} files" for part, names in parts.items()))
    try:
        metrics = all_metrics(args.part)
    except LagebildError as error:  # the model is built locally (make models), maybe not yet
        print(f"cannot evaluate: {error}", file=sys.stderr)
        return 1
    print(table(metrics, f"\n{args.part}: corpus tokens and sentences (KONVENS 2020 scoring)"))
    text = {k.removeprefix("text_"): v for k, v in metrics.items() if k.startswith("text_")}
    print(table(text, f"\n{args.part}: plain text (tokens joined by spaces) through speech_spans"))
    if args.part != "test":
        return 0
    return enforce("redewiedergabe", pinned(metrics), {}, gold_hash(), pin=args.pin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
