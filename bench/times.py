"""Benchmark: throughput of the time stage on the real corpora.

    .venv/bin/python bench/times.py [FOLDER ...]

Reads and cleans the documents first (not timed), then times ``lagebild.times.v1``
alone and prints words per second and expressions found.  Defaults to seed, isw-en
and news-de.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lagebild.api import analyze_document
from lagebild.config import load_config
from lagebild.read import read_sources
from lagebild.records import Document
from lagebild.stages.times.stage import make_times

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = ["seed", "isw-en", "news-de"]


def prepared(folders: list[str]) -> list[Document]:
    """Documents after clean and language (the stages the time stage requires)."""
    config = load_config()
    config = type(config)(config.stages[:2], config.stage_options, config.read)
    paths = [Path(f) if Path(f).exists() else CORPUS / f for f in folders or DEFAULT]
    return [
        analyze_document(item, config=config)
        for item in read_sources(paths)
        if isinstance(item, Document)
    ]


def main(folders: list[str]) -> int:
    if not folders and not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    documents = prepared(folders)
    stage = make_times()
    stage(documents[0].model_copy(deep=True))  # compile the rules outside the timing
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    found = sum(len(stage(d.model_copy(deep=True)).times) for d in documents)
    elapsed = time.perf_counter() - started
    print(
        f"times: {words / elapsed:,.0f} words/s over {len(documents)} documents, "
        f"{words:,} words, {found:,} expressions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
