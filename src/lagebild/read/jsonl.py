"""JSON Lines: one document per line, with ``text`` and optional ``title``, ``date``, ``url``,
``author``, ``language`` and ``id``.

The file is read line by line, so its size does not matter; a line longer than
``max_file_bytes`` is skipped without being held in memory.  A bad line becomes
a Skip named ``file.jsonl:LINE`` with the reason; the other lines are still read.
Each document's source is ``file.jsonl:LINE``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.base import Fields, Input, Skip, documents
from lagebild.read.dates import parse_date
from lagebild.read.encoding import normalise_newlines
from lagebild.read.sniff import MAGIC, binary_reason
from lagebild.read.split import split_parts
from lagebild.records import Document


@dataclass(frozen=True)
class Line:
    """One line of the file: its number and bytes, or ``too_long`` when it was not kept."""

    number: int
    data: bytes
    too_long: bool = False


def read_jsonl(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The documents of a JSON Lines input, and a Skip for each bad line."""
    for magic, name in MAGIC:
        if source.head.startswith(magic):
            yield Skip(source.source, binary_reason(name))
            return
    seen = False
    for line in lines(source.reader(), options.max_file_bytes):
        seen = True
        yield from read_line(source.source, line, options)
    if not seen:
        yield Skip(source.source, "empty file")


def lines(stream: IO[bytes], limit: int) -> Iterator[Line]:
    """The non-blank lines of ``stream``; a line over ``limit`` bytes is drained, not kept."""
    number = 0
    while data := stream.readline(limit + 1):
        number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            _drain_line(stream, limit)
            yield Line(number, b"", too_long=True)
        elif data.strip():
            yield Line(number, data[3:] if number == 1 and data[:3] == b"\xef\xbb\xbf" else data)


def _drain_line(stream: IO[bytes], limit: int) -> None:
    while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
        pass


def read_line(path: str, line: Line, options: ReadOptions) -> Iterator[Document | Skip]:
    """The document(s) of one line (parts if its text is long), or a Skip with the reason."""
    source = f"{path}:{line.number}"
    try:
        record = parse_record(line, options)
        fields = fields_from(record)
    except ReadError as error:
        yield Skip(source, error.reason)
        return
    text = normalise_newlines(record["text"])
    yield from documents(source, split_parts([text], options.max_document_chars), fields)


def parse_record(line: Line, options: ReadOptions) -> dict[str, Any]:
    """The JSON object on ``line``, with a non-blank string ``text``; ReadError otherwise."""
    if line.too_long:
        raise ReadError("", f"line longer than max_file_bytes ({options.max_file_bytes:,} bytes)")
    try:
        record = json.loads(line.data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ReadError(
            "", f"not valid UTF-8 (JSON Lines must be UTF-8): {error.reason}"
        ) from error
    except json.JSONDecodeError as error:
        raise ReadError("", f"invalid JSON: {error.msg} at column {error.colno}") from error
    if not isinstance(record, dict):
        raise ReadError("", f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        got = "no 'text' field" if text is None else f"'text' is {_json_type(text)}"
        raise ReadError("", f"{got}; expected a string")
    if not text.strip():
        raise ReadError("", "empty 'text'")
    return record


def fields_from(record: dict[str, Any]) -> Fields:
    """Document fields of a record; other keys (``id`` included) go to metadata."""
    values = {key: value for key, value in record.items() if key != "text"}
    fields = Fields(
        title=_string_field(values, "title"),
        author=_string_field(values, "author"),
        url=_string_field(values, "url"),
        language=_string_field(values, "language"),
        metadata={"reader": "jsonl", "encoding": "utf-8"},
    )
    raw_date = values.pop("date", None)
    fields.metadata.update(values)
    fields.published = parse_date(raw_date)
    if fields.published is not None:
        fields.metadata["date_source"] = "jsonl"
    elif raw_date is not None:
        fields.metadata["date_unparsed"] = str(raw_date)
    return fields


def _string_field(values: dict[str, Any], key: str) -> str | None:
    value = values.pop(key, None)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadError("", f"'{key}' is {_json_type(value)}; expected a string")
    return value.strip() or None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
