"""RSS and Atom feeds (feedparser): one document per entry.

- An entry's text is its longest ``content`` (Atom) or else its ``summary``
  (RSS ``description``).  HTML goes through the HTML reader's main-text
  extraction (trafilatura), so feed markup is cleaned as a page's is; a fragment
  trafilatura finds no main text in (a list of links, a one-line teaser) keeps
  its visible text, marked ``feed_text: "markup stripped"``.
- Dates come from the entry's ``published`` (else ``updated``) *as written*
  ("Fri, 18 Feb 2022 23:30:00 -0500" is 18 February); feedparser's own parsed
  dates are converted to UTC and only used when the written one cannot be read.
- Each document's source is ``feed:N`` (the N-th entry, as JSON Lines names
  ``file:LINE``); the entry link is its url, the feed's title goes to
  ``metadata["feed_title"]``.
- A file that is not a feed, or is too broken for any entry to be read, is one
  Skip; an entry without text is a Skip named after the entry.  A feed that
  parsed despite errors keeps its entries and notes ``feed_warning``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import date
from html.parser import HTMLParser
from typing import Any

import feedparser

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.base import Fields, Input, Skip, documents, rejected_bytes
from lagebild.read.dates import parse_date
from lagebild.read.html import INVISIBLE_TAGS, main_text, normalise_space
from lagebild.read.split import split_parts
from lagebild.records import Document

NOT_A_FEED = "not an RSS or Atom feed"
NO_TEXT = "feed entry has no text"
PLAIN_TYPES = frozenset({"text/plain", "text"})
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}
)


def read_feed(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The entries of an RSS or Atom file as documents."""
    data = source.read_all(options.max_file_bytes, "feed")
    yield from feed_documents(source.source, data, options)


def feed_documents(
    source: str, data: bytes, options: ReadOptions, content_type: str | None = None
) -> Iterator[Document | Skip]:
    """The documents of a feed's bytes; ``content_type`` is an HTTP header's, if any."""
    if rejection := rejected_bytes(source, data):
        yield rejection
        return
    parsed = parse_feed(source, data, content_type)
    channel = channel_metadata(parsed)
    entries = parsed.get("entries") or []
    if not entries:
        yield Skip(source, "feed has no entries")
    for number, entry in enumerate(entries, 1):
        yield from entry_documents(f"{source}:{number}", entry, channel, options)


def parse_feed(source: str, data: bytes, content_type: str | None = None) -> Any:
    """feedparser's result; ReadError when the bytes are not a feed at all."""
    headers = {"content-type": content_type} if content_type else {}
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as error:  # third-party parser: a failure is this feed's, not the run's
        raise ReadError(source, f"feed parser failed: {type(error).__name__}: {error}") from error
    if not parsed.get("version"):
        raise ReadError(source, _not_a_feed(parsed))
    return parsed


def _not_a_feed(parsed: Mapping[str, Any]) -> str:
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is None:
        return NOT_A_FEED
    line = getattr(problem, "getLineNumber", lambda: None)()
    where = f" (line {line})" if line else ""
    return f"{NOT_A_FEED}: malformed XML, {problem}{where}"


def channel_metadata(parsed: Mapping[str, Any]) -> dict[str, Any]:
    """What the feed says about itself, for every entry's metadata."""
    feed = parsed.get("feed") or {}
    metadata: dict[str, Any] = {"reader": "feed", "feed_format": parsed.get("version")}
    if encoding := parsed.get("encoding"):
        metadata["encoding"] = encoding
    for key, name in (("title", "feed_title"), ("link", "feed_url"), ("language", "feed_language")):
        if value := _plain(feed.get(key)):
            metadata[name] = value
    if parsed.get("bozo"):
        metadata["feed_warning"] = str(parsed.get("bozo_exception") or "malformed feed")
    return metadata


def entry_documents(
    source: str, entry: Mapping[str, Any], channel: dict[str, Any], options: ReadOptions
) -> Iterator[Document | Skip]:
    """The document (or parts of one) of one entry, or a Skip naming it."""
    try:
        text, how = entry_text(source, entry)
    except ReadError as error:
        warning = channel.get("feed_warning")
        yield Skip(
            source, f"{error.reason} (malformed feed: {warning})" if warning else error.reason
        )
        return
    fields = entry_fields(entry, channel)
    if how != "html":
        fields.metadata["feed_text"] = how
    yield from documents(source, split_parts([text], options.max_document_chars), fields)


def entry_fields(entry: Mapping[str, Any], channel: dict[str, Any]) -> Fields:
    """Title, author, link, date and id of an entry."""
    fields = Fields(
        title=entry_title(entry),
        author=_plain(entry.get("author")),
        url=_plain(entry.get("link")),
        metadata=dict(channel),
    )
    if entry_id := _plain(entry.get("id")):
        fields.metadata["entry_id"] = entry_id
    fields.published, date_source = entry_date(entry)
    if date_source:
        fields.metadata["date_source"] = date_source
    return fields


def entry_text(source: str, entry: Mapping[str, Any]) -> tuple[str, str]:
    """The entry's text and how it was found: 'html', 'markup stripped' or 'plain text'."""
    detail = _text_detail(entry)
    value = str(detail.get("value") or "")
    if not value.strip():
        raise ReadError(source, NO_TEXT)
    if str(detail.get("type") or "").lower() in PLAIN_TYPES:
        return value.strip(), "plain text"
    try:
        return main_text(f"<html><body><article>{value}</article></body></html>", source), "html"
    except ReadError:
        stripped = fragment_text(value)
    if not stripped:
        raise ReadError(source, NO_TEXT)
    return stripped, "markup stripped"


def _text_detail(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    """The longest content block, else the summary (with its type)."""
    contents = [c for c in entry.get("content") or [] if isinstance(c, Mapping)]
    if contents:
        return max(contents, key=lambda c: len(str(c.get("value") or "")))
    detail = entry.get("summary_detail")
    if isinstance(detail, Mapping):
        return detail
    return {"type": "text/html", "value": entry.get("summary") or ""}


def entry_date(entry: Mapping[str, Any]) -> tuple[date | None, str | None]:
    """The entry's date as written, else feedparser's UTC date; and where it came from."""
    for key in ("published", "updated", "created"):
        if found := parse_date(entry.get(key)):
            return found, f"feed {key}"
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed is not None and hasattr(parsed, "tm_year"):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), f"feed {key} (UTC)"
    return None, None


def _plain(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def entry_title(entry: Mapping[str, Any]) -> str | None:
    """The entry title as text (an HTML title loses its markup)."""
    title = entry.get("title")
    detail = entry.get("title_detail")
    kind = str(detail.get("type") or "") if isinstance(detail, Mapping) else ""
    if isinstance(title, str) and kind.lower() not in PLAIN_TYPES:
        title = fragment_text(title).replace("\n", " ")
    return _plain(title)


class _TextCollector(HTMLParser):
    """Visible text of an HTML fragment, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in INVISIBLE_TAGS
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in INVISIBLE_TAGS and self.hidden > 0
        if tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)


def fragment_text(html: str) -> str:
    """The visible text of an HTML fragment: one line per block, spaces normalised."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (normalise_space(line) for line in "".join(collector.pieces).split("\n"))
    return "\n".join(line for line in lines if line)
