"""Strict span F1 of a German NER model on the held-out GermEval part, with and without the KB.

    python train/ner_de/evaluate.py MODEL_DIR TEST_SPACY [--json]

"Strict": a predicted span counts only with the exact boundaries and type of a gold
span (GermEval outer spans; PER, LOC, ORG, OTH).  The "+kb" rows overlay the
knowledge-base gazetteer (lagebild.entities' linker): KB persons, places and
organisations replace overlapping model spans or add new ones.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin

LABELS = ("PER", "LOC", "ORG", "OTH")
KB_TYPES = {"PERSON": "PER", "PLACE": "LOC", "ORGANIZATION": "ORG"}

Spans = set[tuple[int, int, int, str]]


def gold_and_texts(path: Path, nlp: spacy.language.Language) -> tuple[Spans, list[str]]:
    gold: Spans = set()
    texts = []
    for index, doc in enumerate(DocBin().from_disk(path).get_docs(nlp.vocab)):
        texts.append(doc.text)
        gold |= {(index, e.start_char, e.end_char, e.label_) for e in doc.ents}
    return gold, texts


def predict(nlp: spacy.language.Language, texts: list[str]) -> Spans:
    predicted: Spans = set()
    for index, doc in enumerate(nlp.pipe(texts, batch_size=256)):
        predicted |= {(index, e.start_char, e.end_char, e.label_) for e in doc.ents}
    return predicted


def with_kb(texts: list[str], predicted: Spans) -> Spans:
    from lagebild.kb import load_kb
    from lagebild.stages.entities.linker import kb_matcher

    matcher, kb = kb_matcher(), load_kb()
    result = set(predicted)
    for index, text in enumerate(texts):
        for link in matcher.link(text, None):
            label = KB_TYPES.get(kb.get(link.entity_id).type.value)
            if label is None or link.kind not in ("name", "alias", "designation"):
                continue
            result = {
                s for s in result if not (s[0] == index and s[1] < link.end and link.start < s[2])
            }
            result.add((index, link.start, link.end, label))
    return result


def scores(gold: Spans, predicted: Spans) -> dict[str, dict[str, float]]:
    table = {}
    for label in (*LABELS, "ALL"):
        g = {s for s in gold if label in ("ALL", s[3])}
        p = {s for s in predicted if label in ("ALL", s[3])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"precision": precision, "recall": recall, "f1": f1, "gold": len(g)}
    return table


def main(argv: list[str]) -> int:
    nlp = spacy.load(argv[0])
    gold, texts = gold_and_texts(Path(argv[1]), nlp)
    predicted = predict(nlp, texts)
    results = {
        "model": scores(gold, predicted),
        "model+kb": scores(gold, with_kb(texts, predicted)),
    }
    if "--json" in argv:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'system':10} {'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    for system, table in results.items():
        for label, row in table.items():
            print(
                f"{system:10} {label:5} {row['precision']:6.3f} {row['recall']:6.3f} "
                f"{row['f1']:6.3f} {row['gold']:5.0f}"
            )
    print("gold spans by type:", dict(Counter(s[3] for s in gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
