"""Choose a reader for each source: a file by its extension (and a look at its first bytes),
a directory recursively in sorted order, ``-`` for standard input, an http(s) URL by
fetching it (``fetch``).

Nothing is dropped silently: a file that cannot be read (unsupported type,
permission denied, broken link, vanished, binary, empty, too large) becomes a
``Skip`` with a reason, and the run goes on.  Hidden files and desktop junk
inside directories are passed over without a Skip; symbolic links to
directories inside a directory are reported, not followed (no cycles).
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.base import Input, Reader, Skip
from lagebild.read.jsonl import read_jsonl
from lagebild.read.markdown import read_markdown
from lagebild.read.sniff import (
    has_front_matter,
    is_url,
    looks_like_feed,
    looks_like_html,
    looks_like_web_archive,
)
from lagebild.read.text import read_text
from lagebild.records import Document

if TYPE_CHECKING:
    from lagebild.read.fetch import Fetcher


def _on_first_use(module: str, name: str) -> Reader:
    """A reader whose module is imported when a file needs it: feedparser, warcio and httpx
    together take about 0.4 s to import, trafilatura and htmldate 0.2 s, which ``lagebild
    analyze`` of a text file should not pay."""

    def reader(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
        real: Reader = getattr(importlib.import_module(module), name)
        yield from real(source, options)

    reader.__name__ = reader.__qualname__ = name
    return reader


read_html = _on_first_use("lagebild.read.html", "read_html")
read_feed = _on_first_use("lagebild.read.feed", "read_feed")
read_warc = _on_first_use("lagebild.read.warc", "read_warc")

READERS: dict[str, Reader] = {
    "": read_text,
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".arc": read_warc,
    ".warc.gz": read_warc,
    ".arc.gz": read_warc,
}

#: Extensions whose files are sniffed first (".xml" holds XHTML as well as feeds).
SNIFFED_FIRST = frozenset({"", ".xml"})

#: Extensions of two parts; any other file is known by its last one.
COMPOUND_SUFFIXES = (".warc.gz", ".arc.gz")

#: Names inside directories that are nobody's documents (names starting with "." as well).
JUNK = frozenset(
    {"Thumbs.db", "desktop.ini", "__MACOSX", "$RECYCLE.BIN", "System Volume Information"}
)


def read_source(
    source: str | Path, options: ReadOptions | None = None, fetcher: Fetcher | None = None
) -> Iterator[Document | Skip]:
    """Yield the documents in ``source`` (a file, a directory, '-' for stdin, or a URL,
    fetched by ``fetcher``)."""
    options = options or ReadOptions()
    if str(source) == "-":
        yield from read_stdin(options)
    elif isinstance(source, str) and is_url(source):
        from lagebild.read.fetch import read_url  # httpx loads only when a URL is read

        yield from guarded(source, read_url(source, options, fetcher))
    else:
        yield from read_path(Path(source), options, top_level=True)


def read_sources(
    sources: Iterable[str | Path],
    options: ReadOptions | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document | Skip]:
    """Yield the documents of every source in turn."""
    for source in sources:
        yield from read_source(source, options, fetcher)


def read_path(
    path: Path, options: ReadOptions, top_level: bool = False
) -> Iterator[Document | Skip]:
    """A file or a directory; a named pipe only when named by the user, not found in a folder."""
    try:
        status = path.stat()
    except OSError as error:
        yield Skip(str(path), _stat_failure(path, error, top_level))
        return
    if stat.S_ISDIR(status.st_mode):
        yield from read_directory(path, options)
    elif stat.S_ISREG(status.st_mode):
        yield from read_file(path, options, status.st_size)
    elif top_level and stat.S_ISFIFO(status.st_mode):
        yield from read_file(path, options, None)
    else:
        yield Skip(str(path), "not a regular file")


def read_directory(path: Path, options: ReadOptions) -> Iterator[Document | Skip]:
    """Every file below ``path``, depth first, entries sorted by name."""
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError as error:
        yield Skip(str(path), f"cannot list directory: {os_reason(error)}")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in JUNK:
            continue
        if entry.is_symlink() and _is_directory(entry):
            yield Skip(entry.path, "symbolic link to a directory, not followed")
            continue
        yield from read_path(Path(entry.path), options)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_file(path: Path, options: ReadOptions, size: int | None) -> Iterator[Document | Skip]:
    """One file, with the reader its extension (or its first bytes) calls for."""
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield Skip(source, _open_failure(error))
        return
    with stream:
        try:
            opened = Input.of(source, stream, size)
        except OSError as error:
            yield Skip(source, f"read failed: {os_reason(error)}")
            return
        suffix = file_suffix(path)
        reader = choose_reader(suffix, opened.head)
        if reader is None:
            yield Skip(source, f"unsupported file type {suffix}")
            return
        yield from guarded(source, reader(opened, options))


def file_suffix(path: Path) -> str:
    """The extension that names a file's format, lower case ('.warc.gz', '.html', '')."""
    name = path.name.lower()
    compound = next((suffix for suffix in COMPOUND_SUFFIXES if name.endswith(suffix)), None)
    return compound or path.suffix.lower()


def choose_reader(suffix: str, head: bytes) -> Reader | None:
    """The reader for a file with ``suffix``; files without a known suffix are read only when
    their first bytes are HTML, a feed or a web archive."""
    sniffed = sniff_reader(head) if suffix in SNIFFED_FIRST or suffix not in READERS else None
    return sniffed or READERS.get(suffix)


def sniff_reader(head: bytes) -> Reader | None:
    """The reader the first bytes call for: HTML, a feed, a web archive; None for anything else."""
    if looks_like_html(head):
        return read_html
    if looks_like_feed(head):
        return read_feed
    if looks_like_web_archive(head):
        return read_warc
    return None


def read_stdin(options: ReadOptions) -> Iterator[Document | Skip]:
    """Standard input as bytes: HTML, a feed, a web archive, Markdown with front matter, or
    plain text."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Skip("-", "no standard input to read")
        return
    try:
        opened = Input.of("-", stream)
    except (OSError, ValueError) as error:  # ValueError: stdin already closed
        yield Skip("-", f"cannot read standard input: {error}")
        return
    reader = sniff_reader(opened.head)
    if reader is None:
        reader = read_markdown if has_front_matter(opened.head) else read_text
    yield from guarded("-", reader(opened, options))


def guarded(source: str, items: Iterator[Document | Skip]) -> Iterator[Document | Skip]:
    """``items``, with a ReadError or an OS error while reading turned into a final Skip."""
    try:
        yield from items
    except ReadError as error:
        yield Skip(error.source or source, error.reason)
    except OSError as error:
        yield Skip(source, f"read failed: {os_reason(error)}")


def os_reason(error: OSError) -> str:
    """An OS error as a reader reason ("permission denied")."""
    return (error.strerror or str(error) or type(error).__name__).lower()


def _stat_failure(path: Path, error: OSError, top_level: bool) -> str:
    if isinstance(error, FileNotFoundError) and path.is_symlink():
        return f"broken symbolic link to {os.readlink(path)}"
    if isinstance(error, FileNotFoundError) and not top_level:
        return "file vanished before it could be read"  # it was listed a moment ago
    return os_reason(error)


def _open_failure(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file vanished before it could be read"
    return os_reason(error)
