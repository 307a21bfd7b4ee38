"""German speech-representation tagger: direct, indirect, reported, free indirect speech.

Four binary linear-chain CRFs (python-crfsuite), one per type, trained on corpus
REDEWIEDERGABE by ``train/stwr_de/train.py`` and shipped in ``lagebild/models/stwr_de``
(decision 0011).  Features come from :mod:`lagebild.stages.claims.speech_features`, the
same code the training used.  The tagger sees only text: no POS tags or lemmas.

    >>> [(s.type, s.start, s.end) for s in speech_spans("Er sagte, er sei krank.")]  # doctest: +SKIP
    [('indirect', 9, 22), ('reported', ...)]

Spans of one type never overlap each other; spans of different types can (the corpus
nests indirect speech inside direct speech, for instance).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.stages.claims.speech_features import document_features, tokenize
from lagebild.stages.sentences import split_sentences

TYPES = ("direct", "indirect", "reported", "free_indirect")
MODEL = "stwr_de"
POSITIVE = "1"


@dataclass(frozen=True)
class SpeechSpan:
    """A character range ``[start, end)`` of one speech type; score: mean token probability."""

    start: int
    end: int
    type: str
    score: float


def model_dir() -> Path:
    return Path(str(resources.files("lagebild") / "models" / MODEL))


@cache
def _meta() -> dict[str, Any]:
    return json.loads((model_dir() / "meta.json").read_text("utf-8"))  # type: ignore[no-any-return]


def thresholds() -> dict[str, float]:
    """Per type, the marginal probability from which a token is tagged (chosen on val)."""
    chosen = _meta().get("thresholds", {})
    return {kind: float(chosen.get(kind, 0.5)) for kind in TYPES}


@cache
def _taggers() -> dict[str, Any]:
    import pycrfsuite

    taggers = {}
    for kind in TYPES:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_dir() / _meta()["files"][kind]))
        taggers[kind] = tagger
    return taggers


def tag_tokens(sentences: Sequence[Sequence[str]]) -> list[list[dict[str, float]]]:
    """For each token of each sentence of one document: the probability of each type.

    A token is of a type when its probability reaches ``thresholds()[type]``.
    """
    features = document_features(sentences)
    taggers = _taggers()
    result: list[list[dict[str, float]]] = [[{} for _ in sentence] for sentence in sentences]
    for kind, tagger in taggers.items():
        for rows, sentence_features in zip(result, features, strict=True):
            if not sentence_features:
                continue
            tagger.set(sentence_features)
            for position, row in enumerate(rows):
                row[kind] = tagger.marginal(POSITIVE, position)
    return result


def _token_sentences(text: str) -> list[list[tuple[int, int]]]:
    sentences = []
    for sentence in split_sentences(text, "de"):
        tokens = [
            (sentence.start + start, sentence.start + end)
            for start, end in tokenize(text[sentence.start : sentence.end])
        ]
        if tokens:
            sentences.append(tokens)
    return sentences


def speech_spans(text: str) -> list[SpeechSpan]:
    """Spans of direct, indirect, reported and free indirect speech in German ``text``.

    A span is a maximal run of tokens tagged with one type; runs continue across
    sentence boundaries (a quotation of several sentences is one span).
    """
    sentences = _token_sentences(text)
    if not sentences:
        return []
    words = [[text[start:end] for start, end in sentence] for sentence in sentences]
    tagged = [row for sentence in tag_tokens(words) for row in sentence]
    offsets = [offset for sentence in sentences for offset in sentence]
    spans: list[SpeechSpan] = []
    for kind, threshold in thresholds().items():
        run: list[int] = []
        for index, row in enumerate([*tagged, None]):
            if row is not None and row[kind] >= threshold:
                run.append(index)
                continue
            if run:
                score = sum(tagged[i][kind] for i in run) / len(run)
                spans.append(SpeechSpan(offsets[run[0]][0], offsets[run[-1]][1], kind, score))
                run = []
    return sorted(spans, key=lambda span: (span.start, -span.end, span.type))
