"""Evaluate the packaged German NER model, alone and with the knowledge base, on the
held-out GermEval 2014 dev split.

    .venv/bin/python eval/ner_de.py [--pin] [--limit N]

Split (``train/ner_de/prepare.py``): the model was trained on GermEval test and
Europarl and its checkpoint chosen on other GermEval test sentences; GermEval **dev**
(2,200 sentences) was used for nothing, so it is the held-out set here.  Sentences are
the tokens joined by single spaces; scores are strict (same characters, same type) on
GermEval's outer spans of PER, LOC, ORG and OTH.  The *deriv/*part labels (adjectives
such as "deutsche", parts of compounds) are not names for lagebild and are left out
of gold and predictions alike.

"+KB" overlays lagebild's knowledge-base gazetteer in the same run: every KB name
(person, place, organisation) found in a sentence replaces the model's overlapping
spans, as ``lagebild.entities.v1`` does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.kb.model import EntityType
from lagebild.stages.entities.linker import kb_matcher
from lagebild.stages.entities.ner import load_model

DEV = CORPUS / "ner-de" / "germeval2014" / "dev.tsv"
TYPES = ("PER", "LOC", "ORG", "OTH")
KB_LABELS = {EntityType.PERSON: "PER", EntityType.PLACE: "LOC", EntityType.ORGANIZATION: "ORG"}
MODEL = "lagebild:ner_de"

Span = tuple[int, int, int, str]  # sentence index, start, end, label


def sentences(path: Path = DEV) -> Iterator[tuple[str, set[tuple[int, int, str]]]]:
    """(text, gold outer spans) per sentence of a GermEval TSV file."""
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                yield _sentence(tokens)
            tokens = []
            continue
        columns = line.split("\t")
        tokens.append((columns[1], columns[2]))


def _sentence(tokens: list[tuple[str, str]]) -> tuple[str, set[tuple[int, int, str]]]:
    text, spans, offset = "", set(), 0
    open_span: list[object] | None = None
    for word, tag in tokens:
        start = offset
        text += word + " "
        offset += len(word) + 1
        if open_span and not tag.startswith("I-"):
            spans.add((open_span[0], open_span[1], open_span[2]))  # type: ignore[arg-type]
            open_span = None
        if tag.startswith("B-"):
            open_span = [start, start + len(word), tag[2:]]
        elif tag.startswith("I-") and open_span:
            open_span[1] = start + len(word)
    if open_span:
        spans.add((open_span[0], open_span[1], open_span[2]))  # type: ignore[arg-type]
    return text.rstrip(), {s for s in spans if s[2] in TYPES}


def kb_spans(text: str) -> set[tuple[int, int, str]]:
    matcher = kb_matcher(())
    found = set()
    for link in matcher.link(text, None):
        label = KB_LABELS.get(matcher.kb.get(link.entity_id).type)
        if label and link.kind == "name":
            found.add((link.start, link.end, label))
    return found


def overlay(
    model: set[tuple[int, int, str]], kb: set[tuple[int, int, str]]
) -> set[tuple[int, int, str]]:
    kept = {s for s in model if not any(s[0] < k[1] and k[0] < s[1] for k in kb)}
    return kept | kb


def evaluate(limit: int | None = None) -> dict[str, float]:
    nlp = load_model(MODEL)
    data = list(sentences())[:limit]
    gold: set[Span] = set()
    systems: dict[str, set[Span]] = {"model": set(), "model_kb": set()}
    docs = nlp.pipe([text for text, _ in data], batch_size=256)
    for index, ((text, spans), doc) in enumerate(zip(data, docs, strict=True)):
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES}
        gold |= {(index, *s) for s in spans}
        systems["model"] |= {(index, *s) for s in predicted}
        systems["model_kb"] |= {(index, *s) for s in overlay(predicted, kb_spans(text))}
    return {
        f"{system}_{label.lower()}_{measure}": value
        for system, found in systems.items()
        for label in (*TYPES, "ALL")
        for measure, value in zip(("p", "r", "f1"), _prf(gold, found, label), strict=True)
    }


def _prf(gold: set[Span], found: set[Span], label: str) -> tuple[float, float, float]:
    if label != "ALL":
        gold = {s for s in gold if s[3] == label}
        found = {s for s in found if s[3] == label}
    hits = len(gold & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def gold_hash() -> str:
    return corpus_hash([DEV])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pin", action="store_true")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    if not DEV.exists():
        print(f"cannot evaluate: {DEV} is missing", file=sys.stderr)
        return 1
    metrics = evaluate(args.limit)
    print(f"{'system':9} {'type':4} {'P':>6} {'R':>6} {'F1':>6}")
    for system in ("model", "model_kb"):
        for label in (*TYPES, "ALL"):
            key = f"{system}_{label.lower()}"
            print(
                f"{system:9} {label:4} {metrics[key + '_p']:6.3f} {metrics[key + '_r']:6.3f} {metrics[key + '_f1']:6.3f}"
            )
    pinned = {k: v for k, v in metrics.items() if k.endswith("_f1")}
    return enforce("ner_de", pinned, {}, gold_hash(), args.pin and args.limit is None)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
