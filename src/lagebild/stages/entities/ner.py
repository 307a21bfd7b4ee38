"""Statistical NER backends: a spaCy pipeline per language, by name or path.

Each language's backend is a configurable spaCy pipeline name or path, so a user
can plug in a larger model without code changes.  ``lagebild:NAME`` names a
model shipped inside this package (``src/lagebild/models/NAME``).  Models load
lazily, once per process, and only from disk: nothing is ever downloaded.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.errors import ConfigError
from lagebild.records import EntityType

PACKAGED_PREFIX = "lagebild:"
#: Characters that end a sentence proper (not a heading or a cut-off line).
ENDINGS = frozenset(".!?”\"’')…")
#: A word, for finding capitalised ones NER might take for a name.
WORD = re.compile(r"\w[\w'’-]*")

#: spaCy / GermEval / OntoNotes labels → our entity types; unlisted labels are dropped.
LABELS: Mapping[str, EntityType] = {
    "PER": EntityType.PERSON,
    "PERSON": EntityType.PERSON,
    "LOC": EntityType.PLACE,
    "GPE": EntityType.PLACE,
    "ORG": EntityType.ORGANIZATION,
    "OTH": EntityType.OTHER,
    "MISC": EntityType.OTHER,
}


#: Components that do not find entities: left out of NER pipelines (entity spans do not
#: depend on them; a pipeline whose NER listens to a tagger would be unusual).
NOT_FOR_NER = frozenset(
    {
        "tagger",
        "morphologizer",
        "attribute_ruler",
        "lemmatizer",
        "trainable_lemmatizer",
        "parser",
        "senter",
    }
)


@dataclass(frozen=True)
class NerSpan:
    """A statistical entity span, with our type and the model's own label."""

    start: int
    end: int
    type: EntityType
    label: str


def model_path(name: str) -> str:
    """Resolve ``lagebild:NAME`` to the packaged model folder; other names pass through."""
    if not name.startswith(PACKAGED_PREFIX):
        return name
    folder = resources.files("lagebild") / "models" / name.removeprefix(PACKAGED_PREFIX)
    return str(Path(str(folder)))


@lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load a spaCy pipeline (NER only: parser and lemmatizer excluded) once."""
    import spacy  # deferred: importing spaCy costs a second that plain stages need not pay

    # Registers the factory of lagebild's CRF component, which the packaged German model uses.
    from lagebild.stages.entities import ner_crf  # noqa: F401

    try:
        nlp = spacy.load(model_path(name), exclude=list(NOT_FOR_NER))
    except OSError as error:
        raise ConfigError(f"cannot load the NER model {name!r}: {error}") from error
    _drop_unheard_encoders(nlp)
    return nlp


def _drop_unheard_encoders(nlp: Any) -> None:
    """Remove shared encoders (tok2vec, transformer) no remaining component listens to.

    spaCy's small English NER embeds the words itself; the shared tok2vec feeds only
    the tagger and parser, so running it for NER cost a third of the NER pass."""
    for name, component in list(nlp.pipeline):
        listeners = getattr(component, "listening_components", None)
        if listeners is not None and not set(listeners) & set(nlp.pipe_names):
            nlp.remove_pipe(name)


def recognise(
    text: str,
    model: str,
    max_chars: int = 100_000,
    ranges: Sequence[tuple[int, int]] | None = None,
) -> Iterator[NerSpan]:
    """Yield the entity spans the model finds, in chunks of at most ``max_chars``, in
    the whole text or only in ``ranges`` of it (see :func:`needed_ranges`)."""
    nlp = load_model(model)
    for start, end in [(0, len(text))] if ranges is None else ranges:
        yield from _recognised(nlp, text[start:end], start, max_chars)


def _recognised(nlp: Any, text: str, base: int, max_chars: int) -> Iterator[NerSpan]:
    for offset, chunk in _chunks(text, max_chars):
        offset += base
        for entity in nlp(chunk).ents:
            # GermEval's *deriv / *part labels (adjectives, parts of words) are not names.
            if entity.label_ in LABELS:
                start, end = offset + entity.start_char, offset + entity.end_char
                yield NerSpan(start, end, LABELS[entity.label_], entity.label_)


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Split at paragraph breaks so no chunk exceeds ``size`` (spaCy's memory grows with length)."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def needed_ranges(
    text: str,
    sentences: Sequence[tuple[int, int]],
    known: Sequence[tuple[int, int]],
    model: str,
) -> list[tuple[int, int]]:
    """Runs of consecutive sentences where NER can add a name.  A sentence can have one
    if a word in it starts with a capital or digit outside every ``known``
    (knowledge-base) mention (its first word counts unless it is one of the model
    language's stop words); elsewhere every name the model could find overlaps a known
    mention, which wins.  A heading or other line without a sentence ending is read
    with a sentence either side (alone, "Russian Occupation" looked like an
    organisation)."""
    stop_words = load_model(model).Defaults.stop_words
    merged = _merged(known)
    needed = [
        index
        for index, (start, end) in enumerate(sentences)
        if _may_name(text, start, end, merged, stop_words)
    ]
    last = len(sentences) - 1
    runs = _merged([_with_context(text, sentences, i, last) for i in needed])
    return [(sentences[first][0], sentences[end - 1][1]) for first, end in runs]


def _with_context(
    text: str, sentences: Sequence[tuple[int, int]], index: int, last: int
) -> tuple[int, int]:
    """A sentence's index range, widened by one either side unless it ends a sentence."""
    if text[sentences[index][1] - 1 : sentences[index][1]] in ENDINGS:
        return index, index + 1
    return max(index - 1, 0), min(index + 1, last) + 1


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order (one bisection finds a cover)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _may_name(
    text: str, start: int, end: int, known: list[tuple[int, int]], stop_words: Any
) -> bool:
    for index, word in enumerate(WORD.finditer(text, start, end)):
        first = word.group()[0]
        if not (first.isupper() or first.isdigit()):
            continue
        if index == 0 and word.group().lower() in stop_words:
            continue
        if not _inside(word.start(), known):
            return True
    return False


def _inside(position: int, known: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_right(known, (position, sys.maxsize)) - 1
    return at >= 0 and known[at][0] <= position < known[at][1]
