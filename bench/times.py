"""Benchmark: throughput of the time stage on the real corpora.

    .venv/bin/python bench/times.py [FOLDER ...]

Reads and cleans the documents first (not timed), then times ``lagebild.times.v1``
alone and prints words per second and expressions found.  Defaults to seed, isw-en
and news-de.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from entities import CORPUS, prepared, throughput  # documents read and cleaned the same way
from lagebild.stages.times.stage import make_times


def main(folders: list[str]) -> int:
    if not folders and not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    documents = prepared(folders, stages=2)
    rate, words, found = throughput(make_times(), documents, lambda d: len(d.times))
    print(
        f"times: {rate:,.0f} words/s over {len(documents)} documents, "
        f"{words:,} words, {found:,} expressions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
