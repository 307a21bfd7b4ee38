"""German speech-representation tagger: direct, indirect, reported, free indirect speech.

Four binary linear-chain CRFs (python-crfsuite), one per type, trained on corpus
REDEWIEDERGABE by ``train/stwr_de/train.py`` (decision 0011).  The weights derive from a
CC BY-NC-SA corpus, so they are not shipped with lagebild (decision 0013): they are
built locally (``make models``) into the user model directory, see :func:`model_dir`.
Features come from :mod:`lagebild.stages.claims.speech_features`, the same code the
training used.  The tagger sees only text: no POS tags or lemmas.

    >>> [(s.type, s.start, s.end) for s in speech_spans("Er sagte, er sei krank.")]  # doctest: +SKIP
    [('indirect', 9, 22), ('reported', ...)]

Spans of one type never overlap each other; spans of different types can (the corpus
nests indirect speech inside direct speech, for instance).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lagebild.errors import LagebildError
from lagebild.stages.claims import speech_features
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


def model_root() -> Path:
    """Where lagebild looks for locally built models.

    ``$LAGEBILD_MODEL_DIR`` when set, else ``$XDG_CACHE_HOME/lagebild/models``, else
    ``~/.cache/lagebild/models`` (the XDG default; models can be rebuilt, so a cache).
    """
    if chosen := os.environ.get("LAGEBILD_MODEL_DIR"):
        return Path(chosen).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "lagebild" / "models"


def model_dir() -> Path:
    """The folder of the stwr_de model: ``model_root() / "stwr_de"``."""
    return model_root() / MODEL


def features_digest() -> str:
    """A fingerprint of the feature code; a model trained on other features is stale."""
    source = Path(speech_features.__file__).read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


class ModelMissingError(LagebildError):
    """The speech model is not built (or was built from other feature code)."""

    def __init__(self, directory: Path, reason: str) -> None:
        super().__init__(
            f"German speech tagger unavailable: {reason} in {directory}.  Build it with "
            "`make models` (or `python train/stwr_de/train.py --final --out DIR`, needs "
            "corpus REDEWIEDERGABE) and point LAGEBILD_MODEL_DIR at its parent folder.  "
            "It is not shipped with lagebild because its training data are licensed "
            "CC BY-NC-SA 4.0 (decision 0013)."
        )
        self.directory = directory
        self.reason = reason


@cache
def _meta(directory: Path) -> dict[str, Any]:
    path = directory / "meta.json"
    if not path.is_file():
        raise ModelMissingError(directory, "no model (meta.json missing)")
    meta: dict[str, Any] = json.loads(path.read_text("utf-8"))
    if meta.get("features") != features_digest():
        raise ModelMissingError(directory, "the model was trained on other feature code")
    return meta


def thresholds() -> dict[str, float]:
    """Per type, the marginal probability from which a token is tagged (chosen on val)."""
    chosen = _meta(model_dir()).get("thresholds", {})
    return {kind: float(chosen.get(kind, 0.5)) for kind in TYPES}


@cache
def _taggers(directory: Path) -> dict[str, Any]:
    import pycrfsuite

    taggers = {}
    for kind in TYPES:
        path = directory / _meta(directory)["files"][kind]
        if not path.is_file():
            raise ModelMissingError(directory, f"{path.name} missing")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        taggers[kind] = tagger
    return taggers


def tag_tokens(sentences: Sequence[Sequence[str]]) -> list[list[dict[str, float]]]:
    """For each token of each sentence of one document: the probability of each type.

    A token is of a type when its probability reaches ``thresholds()[type]``.  Raises
    :class:`ModelMissingError` when the model is not built.
    """
    features = document_features(sentences)
    taggers = _taggers(model_dir())
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
    sentence boundaries (a quotation of several sentences is one span).  Raises
    :class:`ModelMissingError` when the model is not built (see :func:`model_dir`).
    """
    limits = thresholds()  # first, so a missing model fails on any text
    sentences = _token_sentences(text)
    if not sentences:
        return []
    words = [[text[start:end] for start, end in sentence] for sentence in sentences]
    tagged = [row for sentence in tag_tokens(words) for row in sentence]
    offsets = [offset for sentence in sentences for offset in sentence]
    spans: list[SpeechSpan] = []
    for kind, threshold in limits.items():
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
