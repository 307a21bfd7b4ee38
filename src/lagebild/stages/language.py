"""Language identification: ``lagebild.language.v1`` (py3langid, restricted, offline)."""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from lagebild.cache import cache_folder
from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document

#: How much text the classifier reads; the head of a document is enough and keeps it fast.
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    """py3langid restricted to ``languages``, from the cache when it holds that model.

    py3langid's model is LZMA-compressed: unpacking it took 0.6 s of every cold start.
    The restricted model (a few columns of its weights and its tokenizer) is kept
    uncompressed in the cache folder, keyed by the model file and the languages."""
    path = _cached_model_path(languages)
    try:
        return _from_cache(path)
    except (OSError, ValueError, KeyError):
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages(list(languages))
        _write_cache(identifier, path)
        return identifier


def _cached_model_path(languages: tuple[str, ...]) -> Path:
    model = MODEL_DIR / MODEL_FILE
    stamp = f"{model.stat().st_size}-{int(model.stat().st_mtime)}"
    return cache_folder() / f"langid-{'-'.join(sorted(languages))}-{stamp}.npz"


def _from_cache(path: Path) -> LanguageIdentifier:
    with np.load(path, allow_pickle=False) as data:
        nextmove = array(str(data["nextmove_code"]), data["nextmove"].tobytes())
        row = array(str(data["row_code"]), data["row"].tobytes())
        classes = [str(code) for code in data["classes"]]
        return LanguageIdentifier(
            data["ptc"],
            data["pc"],
            classes,
            nextmove,
            data["output"].tolist(),
            norm_probs=True,
            tk_row=row,
        )


def _write_cache(identifier: Any, path: Path) -> None:
    """Write the restricted model atomically; a cache that cannot be written is skipped."""
    arrays = {
        "ptc": identifier.nb_ptc,
        "pc": identifier.nb_pc,
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=identifier.tk_nextmove.typecode),
        "nextmove_code": np.array(identifier.tk_nextmove.typecode),
        "row": np.frombuffer(identifier.tk_row, dtype=identifier.tk_row.typecode),
        "row_code": np.array(identifier.tk_row.typecode),
        "output": np.array(identifier.tk_output),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as tmp:
            np.savez(tmp, **arrays)
        os.replace(tmp.name, path)
    except OSError:
        return


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
