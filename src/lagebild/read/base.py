"""Shared reader types: ``Skip``, the byte ``Input`` every reader consumes, document building."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.sniff import SNIFF_BYTES, binary_kind, binary_reason
from lagebild.records import Document

#: Bytes read before choosing a reader: enough to sniff magic numbers, HTML and encodings.
HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Skip:
    """A source that was not turned into a document, and the reason a user can read."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Input:
    """An open byte stream with its first ``HEAD_BYTES`` already read (for sniffing).

    ``size`` is the file size when known (files), None for pipes and stdin.
    """

    source: str
    stream: BinaryIO
    head: bytes
    size: int | None = None

    @classmethod
    def of(cls, source: str, stream: BinaryIO, size: int | None = None) -> Input:
        return cls(source, stream, stream.read(HEAD_BYTES), size)

    def reader(self) -> io.BufferedReader:
        """A buffered stream over the whole input, the head included."""
        return io.BufferedReader(_Chained(self.head, self.stream))

    def chunks(self, size: int) -> Iterator[bytes]:
        """The whole input in chunks of at most ``size`` bytes, the head first.

        The head is handed over, not kept (``self.head`` becomes empty), so a
        streamed read holds no more than a chunk of it.
        """
        head, self.head = self.head, b""
        while head:
            chunk, head = head[:size], head[size:]
            yield chunk
        while chunk := self.stream.read(size):
            yield chunk

    def read_all(self, limit: int, reader: str) -> bytes:
        """The whole input, or ReadError when it exceeds ``limit`` bytes."""
        if self.size is not None and self.size > limit:
            raise ReadError(self.source, too_large(self.size, limit, reader))
        rest = self.stream.read(limit - len(self.head) + 1) if len(self.head) <= limit else b""
        data = self.head + rest
        if len(data) > limit:
            raise ReadError(self.source, too_large(None, limit, reader))
        return data


def rejected_bytes(source: str, data: bytes) -> Skip | None:
    """A Skip for bytes that are blank or binary, None for bytes worth parsing."""
    if not data.strip():
        return Skip(source, "empty file")
    if kind := binary_kind(data[:SNIFF_BYTES]):
        return Skip(source, binary_reason(kind))
    return None


def too_large(size: int | None, limit: int, reader: str) -> str:
    measured = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return f"file too large for the {reader} reader ({measured}; max_file_bytes is {limit:,})"


class _Chained(io.RawIOBase):
    """Raw stream that returns ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(target), len(self._head))
            target[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._stream.read(len(target))
        target[: len(data)] = data
        return len(data)


@dataclass
class Fields:
    """What a reader found about a document besides its text."""

    title: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    published: date | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


#: A reader: an Input and the limits in, documents (or skips) out.
Reader = Callable[[Input, ReadOptions], Iterator["Document | Skip"]]


def document_from_text(
    text: str,
    source: str = "<text>",
    *,
    title: str | None = None,
    published: date | None = None,
    metadata: dict[str, Any] | None = None,
    author: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document around a string, with its content-hash id set."""
    document = Document(
        source=source,
        title=title,
        author=author,
        url=url,
        language=language,
        published=published,
        raw_text=text,
        metadata=metadata or {},
    )
    return document.finalise_id()


def build_document(text: str, source: str, fields: Fields, extra: dict[str, Any]) -> Document:
    """A Document from reader fields plus per-document metadata ``extra``."""
    return document_from_text(
        text,
        source,
        title=fields.title,
        author=fields.author,
        url=fields.url,
        language=fields.language,
        published=fields.published,
        metadata={**fields.metadata, **extra},
    )


def documents(source: str, parts: Iterable[tuple[str, bool]], fields: Fields) -> Iterator[Document]:
    """One Document per part; a text split in parts gets ``source#part=N`` and part metadata.

    ``parts`` yields ``(text, is_last)`` as ``split.split_parts`` does; the parts
    joined give the whole text back.
    """
    for number, (text, last) in enumerate(parts, 1):
        if number == 1 and last:
            yield build_document(text, source, fields, {})
        else:
            extra = {"part": number, "last_part": last, "part_of": source}
            yield build_document(text, f"{source}#part={number}", fields, extra)
