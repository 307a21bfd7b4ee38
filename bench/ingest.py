"""Benchmark: ingest throughput and peak memory on the real corpora.

    .venv/bin/python bench/ingest.py [FOLDER ...]

Prints documents/s, MB/s of raw input and peak RSS for read → analyse → store
into a fresh SQLite file.  Defaults to seed, isw-en, news-de and html-de/pages.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from lagebild.ingest import ingest
from lagebild.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = ["seed", "isw-en", "news-de", "html-de/pages"]


def main(folders: list[str]) -> int:
    paths = [Path(f) if Path(f).exists() else CORPUS / f for f in folders or DEFAULT]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    size = sum(
        f.stat().st_size
        for p in paths
        for f in ([p] if p.is_file() else p.rglob("*"))
        if f.is_file()
    )
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.db") as store:
        started = time.perf_counter()
        report = ingest(paths, store)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest: {report.summary()}")
    print(
        f"ingest: {report.read / seconds:.1f} documents/s, {size / 1e6 / seconds:.2f} MB/s raw, "
        f"{seconds:.1f} s total, peak RSS {peak_mb:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
