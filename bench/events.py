"""Benchmark: throughput of the event stage on the real corpora.

    .venv/bin/python bench/events.py [FOLDER ...]

Runs the pipeline up to the event stage first (not timed), then times
``lagebild.events.v1`` alone (the English dependency parse included) and prints words
per second and events found.  Defaults to seed, isw-en and news-de.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from entities import CORPUS, prepared, throughput  # documents read and analysed the same way
from lagebild.config import load_config
from lagebild.stages.events.stage import make_events


def main(folders: list[str]) -> int:
    if not folders and not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    before = load_config().stages.index("lagebild.events.v1")
    documents = prepared(folders, stages=before)
    rate, words, found = throughput(make_events(), documents, lambda d: len(d.events))
    print(
        f"events: {rate:,.0f} words/s over {len(documents)} documents, "
        f"{words:,} words, {found:,} events"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
