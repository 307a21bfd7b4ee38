"""Plain text in any common encoding, streamed and split into parts at paragraph breaks.

The file is never read whole: bytes are decoded chunk by chunk (encoding
detected on the first 64 KiB, see ``encoding``) and cut into parts of at most
``max_document_chars`` (see ``split``).  Newlines are normalised to ``\\n``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from lagebild.config import ReadOptions
from lagebild.read.base import Fields, Input, Skip, documents
from lagebild.read.dates import date_from_name
from lagebild.read.encoding import DecodeStats, Encoding, decode_chunks, detect
from lagebild.read.sniff import binary_kind, binary_reason
from lagebild.read.split import split_parts
from lagebild.records import Document

EMPTY = "empty file"


def read_text(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The documents in a plain-text input: one, or one per part of a long text."""
    if rejection := reject(source):
        yield rejection
        return
    encoding = detect(source.head)
    stats = DecodeStats()
    chars = decode_chunks(source.chunks(chunk_bytes(options)), encoding, stats)
    fields = Fields(metadata=base_metadata("text", encoding))
    date_from_file_name(source.source, fields)
    parts = split_parts(chars, options.max_document_chars)
    yield from finish(source.source, parts, fields, stats, EMPTY)


def reject(source: Input) -> Skip | None:
    """A Skip for an empty or binary input, None for one worth decoding."""
    if not source.head:
        return Skip(source.source, EMPTY)
    kind = binary_kind(source.head)
    return Skip(source.source, binary_reason(kind)) if kind else None


def chunk_bytes(options: ReadOptions) -> int:
    """Read size: small against the part limit, so memory stays a small multiple of it."""
    return max(4096, min(options.max_document_chars // 4, 1 << 20))


def base_metadata(reader: str, encoding: Encoding) -> dict[str, Any]:
    return {"reader": reader, "encoding": encoding.label}


def date_from_file_name(source: str, fields: Fields) -> None:
    """Use a ``YYYY-MM-DD`` in the file name when nothing better gave a date."""
    if fields.published is not None or source == "-":
        return
    found = date_from_name(PurePath(source).name)
    if found is not None:
        fields.published = found
        fields.metadata["date_source"] = "file name"


def finish(
    source: str,
    parts: Iterable[tuple[str, bool]],
    fields: Fields,
    stats: DecodeStats,
    empty_reason: str,
) -> Iterator[Document | Skip]:
    """Documents for the non-blank parts, each with the decode errors met while reading it."""
    seen_errors = 0
    produced = False
    for document in documents(source, parts, fields):
        if not document.raw_text.strip():
            continue  # a blank stretch longer than half a part: nothing to analyse
        if stats.errors > seen_errors:
            document.metadata["decode_errors"] = stats.errors - seen_errors
            seen_errors = stats.errors
        produced = True
        yield document
    if not produced:
        yield Skip(source, empty_reason)
