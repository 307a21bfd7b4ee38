"""Benchmark: throughput of the entity stage on the real corpora.

    .venv/bin/python bench/entities.py [FOLDER ...]

Reads and cleans the documents first (not timed), then times
``lagebild.entities.v1`` alone, with and without NER, and prints words per
second.  Defaults to seed, isw-en and news-de.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from lagebild.api import analyze_document
from lagebild.config import load_config
from lagebild.pipeline import Stage
from lagebild.read import read_sources
from lagebild.records import Document
from lagebild.stages.entities.stage import make_entities

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = ["seed", "isw-en", "news-de"]


def prepared(folders: list[str], stages: int = 3) -> list[Document]:
    """Documents after the first ``stages`` stages (default: clean, language, sentences)."""
    config = load_config()
    config = type(config)(config.stages[:stages], config.stage_options, config.read)
    paths = [Path(f) if Path(f).exists() else CORPUS / f for f in folders or DEFAULT]
    return [
        analyze_document(item, config=config)
        for item in read_sources(paths)
        if isinstance(item, Document)
    ]


def throughput(
    stage: Stage, documents: list[Document], count: Callable[[Document], int]
) -> tuple[float, int, int]:
    """Words per second of ``stage`` over ``documents`` (warmed up on the first one, so
    models and rules load outside the timing), words, and what ``count`` found."""
    stage(documents[0].model_copy(deep=True))
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    found = sum(count(stage(d.model_copy(deep=True))) for d in documents)
    return words / (time.perf_counter() - started), words, found


def measure(documents: list[Document], ner: bool) -> tuple[float, int]:
    rate, words, _ = throughput(make_entities(ner=ner), documents, lambda d: len(d.entities))
    return rate, words


def main(folders: list[str]) -> int:
    if not folders and not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    documents = prepared(folders)
    for ner in (False, True):
        rate, words = measure(documents, ner)
        label = "KB + NER" if ner else "KB only "
        print(
            f"entities ({label}): {rate:,.0f} words/s over {len(documents)} documents, {words:,} words"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
