"""Convert GermEval 2014 and German Europarl NER to spaCy DocBins, with a fixed split.

    python train/ner_de/prepare.py CORPUS_ROOT OUTPUT_DIR [--europarl-misc POLICY]

CORPUS_ROOT is the shared corpus folder (it holds ner-de/, news-de/, redewiedergabe/).

Split (deterministic, seed 2014):
- test  = GermEval dev (all 2,200 sentences): the held-out part, never used for training,
          tuning, checkpoint selection or pretraining;
- tune  = 800 sentences of GermEval test, drawn with random.Random(2014).shuffle over the
          5,100 sentences in file order (the first 800 after shuffling): checkpoint and
          variant selection;
- train = the other 4,300 GermEval test sentences + Europarl train, dev and test (4,396).

Labels: GermEval's 12 outer labels (PER LOC ORG OTH and their *deriv / *part variants).
Europarl (IOB1, PER LOC ORG MISC) is mapped by POLICY:
- deriv   (default): MISC spans starting lower-case (derived adjectives such as
          "europäischen", which GermEval tags LOCderiv) -> LOCderiv, other MISC -> OTH;
- oth:     every MISC -> OTH;
- missing: lower-case MISC spans -> unannotated ("missing", no loss), other MISC -> OTH;
- drop:    every MISC span -> unannotated.

Also writes pretrain.jsonl (one {"text": ...} per line) with the raw text for
`spacy pretrain`: the train split's sentences, redewiedergabe's sentences and the German
paragraphs of news-de.  The tune and test sentences are not in it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

SEED = 2014
TUNE_SIZE = 800
BASE = ("PER", "LOC", "ORG", "OTH")
LABELS = tuple([*BASE, *(b + s for b in BASE for s in ("deriv", "part"))])
GERMAN_CUES = {
    "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "sich", "auf",
    "für", "im", "dem", "ein", "eine", "auch", "wird", "hat", "sind", "zu", "bei",
}  # fmt: skip


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
    """(start, end, label) token spans from IOB1 (Europarl) or IOB2 (GermEval) tags."""
    found: list[tuple[int, int, str]] = []
    start: int | None = None
    label: str | None = None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (start is None or label != kind))
        if not iob1 and prefix == "I" and start is None:
            begins = True  # tolerate a stray I- in IOB2
        if start is not None and (tag == "O" or begins):
            found.append((start, i, label or ""))
            start, label = None, None
        if tag != "O" and begins:
            start, label = i, kind
    return found


def to_doc(
    nlp: spacy.language.Language,
    sentence: list[tuple[str, str]],
    europarl_policy: str | None = None,
) -> Doc:
    words = [word for word, _ in sentence]
    doc = Doc(nlp.vocab, words=words)
    entities, missing = [], []
    for start, end, label in spans([tag for _, tag in sentence], europarl_policy is not None):
        span_is_lower = words[start][:1].islower()
        if label == "MISC":
            if europarl_policy == "drop" or (europarl_policy == "missing" and span_is_lower):
                missing.append(Span(doc, start, end))
                continue
            label = "LOCderiv" if europarl_policy == "deriv" and span_is_lower else "OTH"
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        entities.append(Span(doc, start, end, label))
    doc.set_ents(entities, missing=missing, default="outside")
    return doc


def german_paragraphs(path: Path) -> Iterator[str]:
    text = path.read_text("utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[-1]
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # markdown links and images
    text = re.sub(r"https?://\S+", " ", text)
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.replace(">", " ").replace("#", " ").split())
        words = paragraph.lower().split()
        if len(words) >= 6 and sum(w in GERMAN_CUES for w in words) >= 2:
            yield paragraph


def redewiedergabe_sentences(folder: Path) -> Iterator[list[str]]:
    for path in sorted(folder.glob("*.tsv")):
        if path.name == "metadata.tsv":
            continue
        sentence: list[str] = []
        for i, line in enumerate(path.read_text("utf-8").splitlines()):
            columns = line.split("\t")
            if i == 0 or len(columns) < 6 or not columns[0]:
                continue
            if columns[5] == "yes" and sentence:
                yield sentence
                sentence = []
            sentence.append(columns[0])
        if sentence:
            yield sentence


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="the shared corpus folder")
    parser.add_argument("output", type=Path)
    parser.add_argument(
        "--europarl-misc", choices=("deriv", "oth", "missing", "drop"), default="deriv"
    )
    parser.add_argument("--no-pretrain-text", action="store_true")
    args = parser.parse_args()
    nlp = spacy.blank("de")
    germeval = args.corpus / "ner-de" / "germeval2014"
    europarl = args.corpus / "ner-de" / "europarl"
    test = [to_doc(nlp, s) for s in sentences(germeval / "dev.tsv", 1, 2)]
    pool = [to_doc(nlp, s) for s in sentences(germeval / "test.tsv", 1, 2)]
    random.Random(SEED).shuffle(pool)
    tune, train = pool[:TUNE_SIZE], pool[TUNE_SIZE:]
    for part in ("train", "dev", "test"):
        train += [
            to_doc(nlp, s, args.europarl_misc) for s in sentences(europarl / f"{part}.tsv", 0, 4)
        ]
    args.output.mkdir(parents=True, exist_ok=True)
    for name, docs in (("train", train), ("tune", tune), ("test", test)):
        DocBin(docs=docs).to_disk(args.output / f"{name}.spacy")
        counts = Counter(e.label_ for d in docs for e in d.ents)
        print(
            f"{name}: {len(docs)} sentences, {sum(counts.values())} entities",
            dict(sorted(counts.items())),
        )
    if args.no_pretrain_text:
        return
    lines = 0
    words = 0
    with (args.output / "pretrain.jsonl").open("w", encoding="utf-8") as out:

        def emit(tokens: list[str]) -> None:
            nonlocal lines, words
            out.write(json.dumps({"text": " ".join(tokens)}, ensure_ascii=False) + "\n")
            lines += 1
            words += len(tokens)

        for doc in train:
            emit([t.text for t in doc])
        for tokens in redewiedergabe_sentences(args.corpus / "redewiedergabe" / "tsv"):
            emit(tokens)
        for path in sorted((args.corpus / "news-de").glob("*.md")):
            for paragraph in german_paragraphs(path):
                emit(paragraph.split())
    print(f"pretrain.jsonl: {lines} texts, {words} tokens")


if __name__ == "__main__":
    main()
