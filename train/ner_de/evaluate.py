"""Strict span F1 of a German NER model on the held-out GermEval part (spaCy + stdlib only).

    python train/ner_de/evaluate.py MODEL_DIR TEST_SPACY [--gazetteer TSV] [--raw] [--json]

Metric: GermEval 2014's "outer chunks" strict span F1: a predicted span counts only with
the exact boundaries and label of a gold span.  Two views are printed:
- 12 labels: PER LOC ORG OTH and their *deriv / *part variants, as in the shared task;
- 4 types:   *deriv and *part folded into their base type (LOCderiv -> LOC), for gold and
             prediction alike.
Each view has one row per label plus "ALL" (micro-averaged).

By default the model runs on the gold tokens (the shared task's protocol).  --raw runs the
model's own tokenizer on the sentence text instead and compares character offsets, as in
production (spans the tokenizer cannot reproduce count as errors).

--gazetteer TSV: a knowledge-base stand-in, one "surface form<TAB>type" per line (type
PER/LOC/ORG/OTH, or PERSON/PLACE/LOCATION/GPE/ORGANIZATION/MISC; lines starting with "#"
are skipped).  Surface forms are matched case-sensitively, on whole tokens, longest match
first, and overlaid on the model's spans in two ways, both reported:
- +gaz add:      a match is added where it overlaps no model span;
- +gaz override: a match replaces the model spans it overlaps.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

BASE = ("PER", "LOC", "ORG", "OTH")
LABELS = tuple([*BASE, *(b + s for b in BASE for s in ("deriv", "part"))])
TYPE_ALIASES = {
    "PER": "PER", "PERSON": "PER",
    "LOC": "LOC", "PLACE": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "OTH": "OTH", "MISC": "OTH",
}  # fmt: skip

Span = tuple[int, int, int, str]  # sentence index, start char, end char, label


def fold(label: str) -> str:
    return label.removesuffix("deriv").removesuffix("part")


def load_gazetteer(
    path: Path, nlp: spacy.language.Language
) -> tuple[dict[tuple[str, ...], str], int]:
    entries: dict[tuple[str, ...], str] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        surface, _, kind = line.rstrip("\n").partition("\t")
        label = TYPE_ALIASES.get(kind.strip().upper())
        words = tuple(t.text for t in nlp.make_doc(surface.strip()))
        if label and words:
            entries.setdefault(words, label)
    longest = max((len(k) for k in entries), default=0)
    return entries, longest


def gazetteer_spans(
    doc: Doc, index: int, entries: dict[tuple[str, ...], str], longest: int
) -> list[Span]:
    found = []
    words = [t.text for t in doc]
    i = 0
    while i < len(words):
        for length in range(min(longest, len(words) - i), 0, -1):
            label = entries.get(tuple(words[i : i + length]))
            if label:
                span = doc[i : i + length]
                found.append((index, span.start_char, span.end_char, label))
                i += length
                break
        else:
            i += 1
    return found


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def overlay(predicted: set[Span], matches: list[Span], override: bool) -> set[Span]:
    result = set(predicted)
    for match in matches:
        clashing = {s for s in result if overlaps(s, match)}
        if clashing and not override:
            continue
        result -= clashing
        result.add(match)
    return result


def scores(gold: set[Span], predicted: set[Span], labels: tuple[str, ...]) -> dict:
    table = {}
    for label in (*labels, "ALL"):
        g = {s for s in gold if label in ("ALL", s[3])}
        p = {s for s in predicted if label in ("ALL", s[3])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"p": precision, "r": recall, "f1": f1, "gold": len(g), "pred": len(p)}
    return table


def evaluate(
    model: str, test: Path, gazetteer: Path | None = None, raw: bool = False
) -> dict[str, dict]:
    nlp = spacy.load(model)
    gold_docs = list(DocBin().from_disk(test).get_docs(nlp.vocab))
    gold: set[Span] = set()
    predicted: set[Span] = set()
    matches: list[Span] = []
    entries, longest = load_gazetteer(gazetteer, nlp) if gazetteer else ({}, 0)
    if raw:
        inputs = (d.text for d in gold_docs)
    else:
        inputs = (
            Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
            for d in gold_docs
        )
    for index, (gold_doc, doc) in enumerate(
        zip(gold_docs, nlp.pipe(inputs, batch_size=256), strict=True)
    ):
        gold |= {(index, e.start_char, e.end_char, e.label_) for e in gold_doc.ents}
        predicted |= {(index, e.start_char, e.end_char, e.label_) for e in doc.ents}
        if entries:
            matches += gazetteer_spans(doc, index, entries, longest)
    systems = {"model": predicted}
    if gazetteer:
        systems["+gaz add"] = overlay(predicted, matches, override=False)
        systems["+gaz override"] = overlay(predicted, matches, override=True)
    folded_gold = {(i, s, e, fold(label)) for i, s, e, label in gold}
    results: dict[str, dict] = {}
    for name, spans in systems.items():
        folded = {(i, s, e, fold(label)) for i, s, e, label in spans}
        results[name] = {
            "12 labels": scores(gold, spans, LABELS),
            "4 types": scores(folded_gold, folded, BASE),
        }
    return results


def print_table(results: dict[str, dict]) -> None:
    print(
        f"{'system':14} {'view':9} {'label':9} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"
    )
    for system, views in results.items():
        for view, table in views.items():
            for label, row in table.items():
                if row["gold"] == 0 and row["pred"] == 0:
                    continue
                print(
                    f"{system:14} {view:9} {label:9} {row['p']:6.3f} {row['r']:6.3f} "
                    f"{row['f1']:6.3f} {row['gold']:5d} {row['pred']:5d}"
                )
            print()
    print("summary (F1, ALL):")
    for system, views in results.items():
        print(f"  {system:14} " + "  ".join(f"{v} {t['ALL']['f1']:.3f}" for v, t in views.items()))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model")
    parser.add_argument("test", type=Path)
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--raw", action="store_true", help="tokenize the text with the model")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = evaluate(args.model, args.test, args.gazetteer, args.raw)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
