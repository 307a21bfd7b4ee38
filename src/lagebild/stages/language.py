"""Language identification: ``lagebild.language.v1`` (py3langid, restricted, offline)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document

#: How much text the classifier reads; the head of a document is enough and keeps it fast.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def identify(text: str, languages: Sequence[str] = ("de", "en")) -> tuple[str, float]:
    """Return the most likely of ``languages`` and its probability."""
    language, probability = _identifier(tuple(languages)).classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


@register_stage("lagebild.language.v1", requires=["text"], assigns=["language"])
def make_language(languages: Sequence[str] = ("de", "en")) -> Stage:
    """Identify the document language among ``languages``; a language already set is kept."""
    chosen = tuple(languages)
    if not chosen:
        raise ValueError("languages must name at least one language")
    _identifier(chosen)  # fail at build time on an unknown language code

    def language(document: Document) -> Document:
        if document.language is None and document.text.strip():
            document.language, probability = identify(document.text, chosen)
            document.metadata["language_probability"] = round(probability, 4)
        return document

    return language
