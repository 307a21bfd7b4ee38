"""Convert GermEval 2014 and German Europarl NER to spaCy DocBins, with a fixed split.

    python train/ner_de/prepare.py CORPUS_NER_DE OUTPUT_DIR

Split (deterministic, seed 2014):
- test  = GermEval dev (2,200 sentences): the held-out part, never used for training,
          tuning or checkpoint selection;
- tune  = 800 sentences of GermEval test, drawn with the seed: checkpoint selection;
- train = the rest of GermEval test + Europarl train, dev and test.
Labels: PER, LOC, ORG, OTH (GermEval outer tags; *deriv and *part spans dropped;
Europarl MISC → OTH, but lower-case MISC spans — derived adjectives like "deutsche",
which GermEval does not tag — dropped).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

SEED = 2014
TUNE_SIZE = 800
BASE = {"PER", "LOC", "ORG", "OTH"}


def sentences(path: Path, token_col: int, tag_col: int) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        columns = line.split("\t")
        sentence.append((columns[token_col], columns[tag_col]))
    if sentence:
        yield sentence


def spans(tags: list[str], iob1: bool) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB1 or IOB2 tags."""
    found: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (label != kind or start is None) and iob1)
        begins = begins or (prefix == "I" and label != kind)
        if start is not None and (tag == "O" or begins):
            found.append((start, i, label or ""))
            start, label = None, None
        if tag != "O" and begins:
            start, label = i, kind
    return found


def to_doc(nlp: spacy.language.Language, sentence: list[tuple[str, str]], iob1: bool) -> Doc:
    words = [word for word, _ in sentence]
    doc = Doc(nlp.vocab, words=words)
    entities = []
    for start, end, label in spans([tag for _, tag in sentence], iob1):
        label = "OTH" if label == "MISC" else label
        if label not in BASE or (label == "OTH" and iob1 and words[start][:1].islower()):
            continue
        entities.append(Span(doc, start, end, label))
    doc.ents = entities
    return doc


def main(source: Path, output: Path) -> None:
    nlp = spacy.blank("de")
    germeval = source / "germeval2014"
    europarl = source / "europarl"
    test = [to_doc(nlp, s, False) for s in sentences(germeval / "dev.tsv", 1, 2)]
    pool = [to_doc(nlp, s, False) for s in sentences(germeval / "test.tsv", 1, 2)]
    random.Random(SEED).shuffle(pool)
    tune, train = pool[:TUNE_SIZE], pool[TUNE_SIZE:]
    for part in ("train", "dev", "test"):
        train += [to_doc(nlp, s, True) for s in sentences(europarl / f"{part}.tsv", 0, 4)]
    output.mkdir(parents=True, exist_ok=True)
    for name, docs in (("train", train), ("tune", tune), ("test", test)):
        DocBin(docs=docs).to_disk(output / f"{name}.spacy")
        print(f"{name}: {len(docs)} sentences, {sum(len(d.ents) for d in docs)} entities")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
