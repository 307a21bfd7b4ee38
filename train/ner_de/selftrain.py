"""Self-training data: German news paragraphs labelled by a trained model.

    python train/ner_de/selftrain.py MODEL CORPUS_ROOT OUTPUT.spacy [--max-sentences N]

Reads the German paragraphs of ``news-de`` (front matter and link lines dropped,
German by function-word count), splits them into sentences with spaCy's rule-based
sentencizer, labels them with MODEL and writes a DocBin.  Training on GermEval +
Europarl + these pseudo-labelled sentences adapts the model to current news vocabulary
(party and ministry names, Ukrainian places) that neither corpus covers.  GermEval
dev (the held-out test) is not touched.  Deterministic: files in sorted order.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

GERMAN_CUES = {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "sich", "auf"}
MIN_TOKENS, MAX_TOKENS = 6, 80


def paragraphs(corpus: Path) -> list[str]:
    found = []
    for path in sorted((corpus / "news-de").glob("*.md")):
        text = path.read_text("utf-8")
        body = text.split("---", 2)[2] if text.startswith("---") else text
        for paragraph in re.split(r"\n\s*\n", body):
            words = paragraph.split()
            if len(words) < MIN_TOKENS or paragraph.lstrip().startswith(("[", ">", "!")):
                continue
            if sum(w.lower() in GERMAN_CUES for w in words) >= 2:
                found.append(" ".join(words))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--max-sentences", type=int, default=20000)
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    splitter = spacy.blank("de")
    splitter.add_pipe("sentencizer")
    sentences = [
        sentence.text
        for doc in splitter.pipe(paragraphs(args.corpus))
        for sentence in doc.sents
        if MIN_TOKENS <= len(sentence) <= MAX_TOKENS
    ][: args.max_sentences]
    bin_ = DocBin(store_user_data=False)
    labelled = 0
    for doc in nlp.pipe(sentences, batch_size=256):
        labelled += bool(doc.ents)
        bin_.add(doc)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(args.output)
    print(f"{len(sentences)} sentences, {labelled} with entities -> {args.output}")


if __name__ == "__main__":
    main()
