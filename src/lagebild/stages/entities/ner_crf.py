"""A spaCy pipeline component that tags names with a linear-chain CRF (decision 0014).

The packaged German model ``lagebild:ner_de`` is a blank German spaCy pipeline whose
only component is ``lagebild_crf_ner``: python-crfsuite weights over the features of
:mod:`lagebild.stages.entities.ner_crf_features`, trained by ``train/ner_de/crf.py``.
Importing this module registers the factory, which :func:`spacy.load` needs before it
can read such a pipeline.  The component cuts a doc into sentences (at ``.``, ``!``,
``?`` and line breaks, at most ``MAX_TOKENS`` tokens), tags each with BIO labels and sets
``doc.ents`` (spans longer than ``MAX_SPAN_TOKENS`` left out).

Files in the component folder: ``model.crfsuite`` (weights) and ``lexicon.tsv.gz``
(word<TAB>fields of ``ner_crf_features.FIELDS``).
"""

from __future__ import annotations

import gzip
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.stages.entities.ner_crf_features import Lexicon, sentence_features

FACTORY = "lagebild_crf_ner"
MODEL_FILE = "model.crfsuite"
LEXICON_FILE = "lexicon.tsv.gz"
SENTENCE_END = frozenset((".", "!", "?"))
MAX_TOKENS = 200  # longer runs without a sentence end are cut: the CRF saw sentences
# Longer predicted spans are dropped: 99.9% of the training names have at most 10 tokens,
# and foreign-language passages (unknown lower-case words) can chain into huge OTH spans.
MAX_SPAN_TOKENS = 10

TokenSpan = tuple[int, int, str]  # start token, end token (exclusive), label


def read_lexicon(path: Path) -> dict[str, str]:
    """word -> tab-joined feature fields, from a ``lexicon.tsv.gz`` file."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return dict(line.rstrip("\n").split("\t", 1) for line in lines)


def bio_spans(labels: Iterable[str]) -> list[TokenSpan]:
    """Token spans from BIO labels; an ``I-`` that continues nothing starts a span."""
    found: list[TokenSpan] = []
    for i, label in enumerate(labels):
        prefix, _, kind = label.partition("-")
        continues = bool(found) and found[-1][1] == i and found[-1][2] == kind
        if prefix == "I" and continues:
            found[-1] = (found[-1][0], i + 1, kind)
        elif prefix in ("B", "I"):
            found.append((i, i + 1, kind))
    return found


def sentences(doc: Doc) -> Iterator[list[int]]:
    """Token indices per sentence, whitespace tokens left out."""
    current: list[int] = []
    for token in doc:
        if not token.is_space:
            current.append(token.i)
        ends = token.text in SENTENCE_END or "\n" in token.whitespace_ or "\n" in token.text
        if current and (ends or len(current) >= MAX_TOKENS):
            yield current
            current = []
    if current:
        yield current


class CrfNer:
    """Sets ``doc.ents`` from a crfsuite model; weights and lexicon load with the pipeline."""

    def __init__(self, name: str = FACTORY) -> None:
        self.name = name
        self.lexicon: Lexicon = {}
        self.tagger: Any = None
        self.folder: Path | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger is None:
            raise ValueError(f"{self.name}: no CRF model loaded (load the pipeline from disk)")
        entities = []
        for indices in sentences(doc):
            words = [doc[i].text for i in indices]
            labels = self.tagger.tag(sentence_features(words, self.lexicon))
            for start, end, label in bio_spans(labels):
                if end - start > MAX_SPAN_TOKENS:
                    continue
                entities.append(Span(doc, indices[start], indices[end - 1] + 1, label))
        doc.set_ents(entities, default="outside")
        return doc

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> CrfNer:
        folder = Path(path)
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(folder / MODEL_FILE))
        self.lexicon = read_lexicon(folder / LEXICON_FILE)
        self.folder = folder
        return self

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        if self.folder is None:
            raise ValueError(f"{self.name}: nothing to save (use add_files first)")
        self.add_files(self.folder / MODEL_FILE, self.folder / LEXICON_FILE, Path(path))

    @staticmethod
    def add_files(model: Path, lexicon: Path, folder: Path) -> None:
        """Copy a trained model and its lexicon into a component folder."""
        folder.mkdir(parents=True, exist_ok=True)
        for source, name in ((model, MODEL_FILE), (lexicon, LEXICON_FILE)):
            if source.resolve() != (folder / name).resolve():
                shutil.copyfile(source, folder / name)


@Language.factory(FACTORY)
def make_crf_ner(nlp: Language, name: str) -> CrfNer:
    """The spaCy factory; weights come with ``from_disk``."""
    return CrfNer(name)
