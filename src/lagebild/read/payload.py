"""Bytes that came with a content type (an HTTP response, a web-archive record): read them
as the type says, checked against their first bytes.

HTML goes to the HTML reader (the header's charset is a hint), RSS/Atom to the
feed reader, plain text to the text reader.  A payload whose type is missing or
generic is sniffed (a page or feed start wins over the type, except over
``text/html``); any other payload is a Skip naming its type.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

from lagebild.config import ReadOptions
from lagebild.read.base import Input, Skip
from lagebild.read.feed import feed_documents
from lagebild.read.html import html_documents
from lagebild.read.sniff import looks_like_feed, looks_like_html
from lagebild.read.text import read_text
from lagebild.records import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
TEXT_TYPES = frozenset({"text/plain"})


@dataclass(frozen=True)
class ContentType:
    """A parsed Content-Type header: the media type (lower case) and its charset, if any."""

    media: str
    charset: str | None = None
    header: str = ""

    @classmethod
    def parse(cls, header: str | None) -> ContentType:
        message = Message()
        message["content-type"] = header or ""
        media = message.get_content_type() if header else ""
        charset = message.get_param("charset")
        return cls(media.lower(), charset if isinstance(charset, str) else None, header or "")


def payload_kind(content_type: ContentType, head: bytes) -> str | None:
    """'html', 'feed' or 'text' for a payload; None when it is none of them."""
    media = content_type.media
    if media in HTML_TYPES:
        return "feed" if looks_like_feed(head) else "html"  # feeds served as text/html exist
    if looks_like_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    if media in FEED_TYPES:
        return "feed"  # not recognisable by its start: the feed reader says what is wrong
    if media in TEXT_TYPES:
        return "text"
    return None


def payload_documents(
    source: str, body: bytes, content_type: ContentType, options: ReadOptions
) -> Iterator[Document | Skip]:
    """The documents in ``body`` (ReadError from the chosen reader passes through)."""
    kind = payload_kind(content_type, body[:4096])
    if kind == "html":
        yield from html_documents(source, body, options, content_type.charset)
    elif kind == "feed":
        yield from feed_documents(source, body, options, content_type.header or None)
    elif kind == "text":
        yield from read_text(Input.of(source, io.BytesIO(body), len(body)), options)
    else:
        media = content_type.media or "no content type"
        yield Skip(source, f"not HTML, a feed or text ({media})")


def with_origin(item: Document | Skip, url: str) -> Document | Skip:
    """A page or text read from ``url`` gets it as its url (a different url the page names for
    itself is kept as ``page_url``); feed entries keep their own links."""
    if not isinstance(item, Document) or item.metadata.get("reader") == "feed":
        return item
    if item.url and item.url != url:
        item.metadata["page_url"] = item.url
    item.url = url
    return item
