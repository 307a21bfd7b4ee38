"""Streaming inputs on real pages: the 150 German pages of the trafilatura benchmark
(../shared/corpus/html-de/pages) read as HTML files, packed into a WARC, and as an RSS feed.

Prints, for one way in (``--way``): documents, seconds, documents/s, peak RSS, and how many
documents have the same words (white space aside) as the HTML reader gives for the same
page.  The way in is timed first, in a fresh process: htmldate caches by page, so a second
reading of the same pages is faster whatever the format.  With ``--copies N`` the WARC
holds every page N times (records differ only in their URI), to show that memory stays
flat as the archive grows.  ``--way records`` times warcio alone (records iterated,
payloads read, nothing extracted).

    nice .venv/bin/python bench/streaming.py --way html|warc|records|feed [--copies 10]

Everything it writes goes to a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from html import escape
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from lagebild.read import read_source
from lagebild.records import Document

PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "html-de" / "pages"


BENCH_URL = "https://bench.invalid/"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def page_key(document: Document) -> str:
    """The page's file name: from the bench URL (WARC, feed) or from the file read."""
    if document.url and document.url.startswith(BENCH_URL):
        return document.url.rsplit("/", 1)[-1]
    return Path(document.source.split("#part=")[0]).name


def texts(source: Path) -> tuple[dict[str, str], int, float]:
    """Raw text per page key (first copy), documents read, and the seconds it took."""
    started = time.perf_counter()
    found: dict[str, str] = {}
    count = 0
    for item in read_source(source):
        if isinstance(item, Document):
            count += 1
            found.setdefault(page_key(item), item.raw_text)
    return found, count, time.perf_counter() - started


def write_warc(pages: list[Path], target: Path, copies: int) -> None:
    with target.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for copy in range(copies):
            for path in pages:
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                uri = f"https://bench.invalid/{copy}/{path.name}"
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(path.read_bytes()), http_headers=http
                )
                writer.write_record(record)


def write_feed(pages: list[Path], html: dict[str, str], target: Path) -> None:
    """An RSS feed whose entries carry each page's extracted text as HTML paragraphs."""
    items = []
    for path in pages:
        if path.name not in html:
            continue
        body = "".join(f"<p>{escape(line)}</p>" for line in html[path.name].split("\n"))
        items.append(
            f"<item><title>{path.stem}</title><link>https://bench.invalid/{path.name}</link>"
            f"<description>{escape(body)}</description></item>"
        )
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>{"".join(items)}</channel></rss>'
    target.write_text(feed, encoding="utf-8")


def words(text: str) -> list[str]:
    """The text's words: white space (line breaks, double or non-breaking spaces) aside."""
    return text.split()


def report(
    label: str, found: dict[str, str], seconds: float, reference: dict[str, str], count: int
) -> None:
    same = sum(1 for key, text in found.items() if words(reference.get(key, "")) == words(text))
    print(
        f"{label:<22} {count:>6} documents {seconds:7.2f} s {count / seconds:8.1f} docs/s "
        f"same words as HTML reader {same}/{len(found)}  peak RSS {peak_rss_mb():.0f} MB"
    )


def records_only(archive: Path) -> tuple[int, int, float]:
    """Records and payload bytes in ``archive``, and the seconds warcio takes to read them."""
    started = time.perf_counter()
    count = size = 0
    with archive.open("rb") as stream:
        for record in ArchiveIterator(stream):
            size += len(record.content_stream().read())
            count += record.rec_type == "response"
    return count, size, time.perf_counter() - started


def run(way: str, pages: list[Path], copies: int, folder: Path) -> None:
    """Time ``way`` first, then read the HTML files for the comparison."""
    archive = folder / "pages.warc.gz"
    if way in ("warc", "records"):
        write_warc(pages, archive, copies)
        print(f"WARC: {archive.stat().st_size / 1e6:.1f} MB, {len(pages) * copies} records")
    if way == "records":
        count, size, seconds = records_only(archive)
        print(
            f"warcio alone: {count} records, {size / 1e6:.1f} MB payload in {seconds:.2f} s "
            f"({size / 1e6 / seconds:.0f} MB/s)"
        )
        return
    timed = texts(archive if way == "warc" else PAGES) if way != "feed" else None
    html = texts(PAGES)[0]
    if timed is None:
        feed = folder / "pages.rss"
        write_feed(pages, html, feed)
        timed = texts(feed)
        print(f"feed: {feed.stat().st_size / 1e6:.1f} MB")
    found, count, seconds = timed
    report(f"{way} ×{copies}" if way == "warc" else way, found, seconds, html, count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--way", choices=("html", "warc", "records", "feed"), required=True)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    if not PAGES.is_dir():
        print(f"corpus not found at {PAGES}", file=sys.stderr)
        return 1
    pages = sorted(PAGES.glob("*.html"))
    texts(pages[0])  # imports and first-use setup out of the timings
    with tempfile.TemporaryDirectory() as folder:
        run(args.way, pages, args.copies, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
