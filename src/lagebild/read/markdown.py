"""Markdown with front matter, streamed like plain text.

Front matter (``frontmatter``) gives ``title``, ``author``, ``url``/``link``,
``lang``/``language`` and ``date``; other keys go to metadata.  The body becomes
``raw_text`` with Markdown *syntax* converted to plain text, line by line:
images dropped, ``[text](url)`` → text, heading hashes, quote markers, emphasis
markers, code fences, rules and lines of bare HTML tags removed, backslash
escapes resolved.  Removing scraping debris is left to ``lagebild.clean``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import PurePath
from typing import Any

from lagebild.config import ReadOptions
from lagebild.read.base import Fields, Input, Skip
from lagebild.read.dates import date_from_name, parse_date
from lagebild.read.encoding import DecodeStats, decode_chunks, detect
from lagebild.read.frontmatter import MAX_FRONT_MATTER_CHARS, FrontMatter, split_front_matter
from lagebild.read.split import split_parts
from lagebild.read.text import EMPTY, base_metadata, chunk_bytes, finish, reject
from lagebild.records import Document

_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)"
_FIRST_LINK = re.compile(r"\s*\[[^\]\n]*\]\((https?://[^()\s]+)\)[ \t]*(?:\n|$)")
_TAG = r"(?:<!--.*?-->|<[A-Za-z/!][^<>\n]*>)"

#: (pattern, replacement) applied in order to line-aligned chunks of the body.
CONVERSIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^ {0,3}(?:```|~~~)[^\n]*$", re.M), ""),
    (re.compile(rf"^[ \t]*{_TAG}(?:[ \t]*{_TAG})*[ \t]*$", re.M), ""),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.M), ""),
    (re.compile(r"!\[[^\]\n]*\]" + _LINK_TARGET), ""),
    (re.compile(r"\[([^\]\n]*)\]" + _LINK_TARGET), r"\1"),
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$", re.M), r"\1"),
    (re.compile(r"^(?: {0,3}>[ \t]?)+", re.M), ""),
    (re.compile(r"^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$", re.M), ""),
    (re.compile(r"(?<![\\\w])(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_\\])_(?!\w)"), r"\1"),
    (re.compile(r"(?<!\\)`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
)
_NEWLINE_RUNS = re.compile(r"\n{3,}")


def read_markdown(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The documents in a Markdown input (one, or one per part of a long text)."""
    if rejection := reject(source):
        yield rejection
        return
    encoding = detect(source.head)
    stats = DecodeStats()
    chars = iter(decode_chunks(source.chunks(chunk_bytes(options)), encoding, stats))
    head = take(chars, MAX_FRONT_MATTER_CHARS)
    front = split_front_matter(head)
    body = head[front.body_start :]
    fields = fields_from(front, source.source, base_metadata("markdown", encoding))
    url_from_first_link(body, fields)
    text = convert_stream(chain([body], chars), options.max_document_chars)
    parts = split_parts(text, options.max_document_chars)
    empty = "no text after the front matter" if front.present else EMPTY
    yield from finish(source.source, parts, fields, stats, empty)


def take(chunks: Iterator[str], size: int) -> str:
    """At least ``size`` characters from ``chunks`` (fewer only at the end of the text)."""
    taken: list[str] = []
    count = 0
    while count < size and (chunk := next(chunks, None)) is not None:
        taken.append(chunk)
        count += len(chunk)
    return "".join(taken)


def line_chunks(chunks: Iterable[str], limit: int) -> Iterator[str]:
    """Regroup ``chunks`` so each ends at a line break (a line over ``limit`` is cut anyway)."""
    carry = ""
    for chunk in chunks:
        text = carry + chunk
        cut = text.rfind("\n") + 1
        if cut == 0 and len(text) <= limit:
            carry = text
            continue
        cut = cut or len(text)
        carry = text[cut:]
        yield text[:cut]
    if carry:
        yield carry


def convert_stream(chunks: Iterable[str], limit: int) -> Iterator[str]:
    """The converted text of a streamed Markdown body; the same however it is chunked."""
    return collapse_blank_lines(convert(chunk) for chunk in line_chunks(chunks, limit))


def collapse_blank_lines(chunks: Iterable[str]) -> Iterator[str]:
    """Runs of blank lines (many left by removed lines) become one, across chunks too.

    Blank lines at the very start are dropped.
    """
    trailing = 2  # newlines at the end of what was yielded; 2 drops leading blank lines
    for chunk in chunks:
        chunk = _NEWLINE_RUNS.sub("\n\n", chunk)
        leading = len(chunk) - len(chunk.lstrip("\n"))
        chunk = chunk[max(0, min(leading, trailing + leading - 2)) :]
        if not chunk:
            continue
        kept = chunk.rstrip("\n")
        trailing = len(chunk) - len(kept) + (trailing if not kept else 0)
        yield chunk


def convert(text: str) -> str:
    """Markdown syntax in ``text`` (whole lines) turned into plain text."""
    for pattern, replacement in CONVERSIONS:
        text = pattern.sub(replacement, text)
    return text


def fields_from(front: FrontMatter, source: str, metadata: dict[str, Any]) -> Fields:
    """Document fields from front matter; keys that are not fields go to metadata."""
    values = dict(front.values)
    fields = Fields(
        title=_string(values.pop("title", None)),
        author=_author(values.pop("author", None)),
        url=_string(values.pop("url", None)) or _string(values.pop("link", None)),
        language=_string(values.pop("lang", None)) or _string(values.pop("language", None)),
    )
    raw_date = values.pop("date", None)
    fields.metadata = {**values, **metadata}
    _set_date(fields, raw_date, source)
    if front.error:
        fields.metadata["front_matter_error"] = front.error
    return fields


def _set_date(fields: Fields, raw_date: object, source: str) -> None:
    fields.published = parse_date(raw_date)
    if fields.published is not None:
        fields.metadata["date_source"] = "front matter"
        return
    if raw_date is not None:
        fields.metadata["date_unparsed"] = str(raw_date)
    if source != "-" and (found := date_from_name(PurePath(source).name)) is not None:
        fields.published = found
        fields.metadata["date_source"] = "file name"


def url_from_first_link(body: str, fields: Fields) -> None:
    """A link post (body opening with a lone ``[title](url)`` line) gives the url if none is set."""
    if fields.url is not None:
        return
    match = _FIRST_LINK.match(body)
    if match is not None:
        fields.url = match.group(1)
        fields.metadata["url_source"] = "first link"


def _string(value: object) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _author(value: object) -> str | None:
    if isinstance(value, list):
        names = [name for item in value if (name := _author(item))]
        return ", ".join(names) or None
    if isinstance(value, dict):
        return _string(value.get("name"))
    return _string(value)
