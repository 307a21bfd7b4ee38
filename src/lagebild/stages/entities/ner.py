"""Statistical NER backends: a spaCy pipeline per language, by name or path.

Each language's backend is a configurable spaCy pipeline name or path, so a user
can plug in a larger model without code changes.  ``lagebild:NAME`` names a
model shipped inside this package (``src/lagebild/models/NAME``).  Models load
lazily, once per process, and only from disk: nothing is ever downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.errors import ConfigError
from lagebild.records import EntityType

PACKAGED_PREFIX = "lagebild:"

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


def recognise(text: str, model: str, max_chars: int = 100_000) -> Iterator[NerSpan]:
    """Yield the entity spans the model finds, in chunks of at most ``max_chars``."""
    nlp = load_model(model)
    for offset, chunk in _chunks(text, max_chars):
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
