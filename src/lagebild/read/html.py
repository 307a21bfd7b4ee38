"""HTML pages: main text with trafilatura, publication date with htmldate.

Choices measured on ``eval/html_extraction.py`` (docs/decisions/0004-readers.md):

- trafilatura with its balanced defaults (neither ``favor_precision`` nor
  ``favor_recall``), tables included, reader comments excluded: a comment is not
  the publisher's statement, and a knowledge base must not attribute it so.
- Lead recovery: trafilatura drops many teaser/lead paragraphs (classes such as
  "teaser" or "intro" look like boilerplate to it).  When the page's meta
  description is visible in the body but missing from the extracted text, the
  smallest body element holding it is put in front of the text.
- Dates: htmldate over the page markup; its extensive search (free text, copyright
  lines, URLs) is only trusted when the date it returns is written in the page.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura.utils import load_html

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.base import Fields, Input, Skip, documents, rejected_bytes
from lagebild.read.dates import MONTHS
from lagebild.read.encoding import UTF8, Encoding, decode, detect
from lagebild.read.sniff import bom_encoding
from lagebild.read.split import split_parts
from lagebild.records import Document

NO_TEXT = "no main text found in HTML"

#: trafilatura options, chosen on the evaluation (see the module docstring).
EXTRACT_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}

#: htmldate options: the original (not the updated) date, from markup only.
MARKUP_DATE: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "outputformat": "%Y-%m-%d",
}

#: A lead is recovered only from a description this long, and a block at most this long.
LEAD_PROBE_CHARS = 60
LEAD_MIN_CHARS = 30
LEAD_MAX_CHARS = 1500

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_WHATWG_1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "ascii", "us-ascii"})
_SPACE = re.compile(r"\s+")
INVISIBLE_TAGS = ("script", "style", "noscript", "template")


@dataclass
class Page:
    """What the HTML reader found in one page."""

    text: str
    fields: Fields = field(default_factory=Fields)


def read_html(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The main text of an HTML page as one document (or parts of one, if very long)."""
    data = source.read_all(options.max_file_bytes, "HTML")
    yield from html_documents(source.source, data, options)


def html_documents(
    source: str, data: bytes, options: ReadOptions, charset: str | None = None
) -> Iterator[Document | Skip]:
    """The documents of one page's bytes; ``charset`` is a label from an HTTP header, if any."""
    if rejection := rejected_bytes(source, data):
        yield rejection
        return
    html, metadata = decode_html(data, charset)
    page = extract_page(html, source)
    page.fields.metadata = {**page.fields.metadata, **metadata}
    parts = split_parts([page.text], options.max_document_chars)
    yield from documents(source, parts, page.fields)


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page as text: BOM, then valid UTF-8, then the declared charset (an HTTP header's
    ``charset`` before ``<meta charset>``, as browsers do), then detection."""
    declared = charset_codec(charset) if charset else None
    declared = declared or declared_charset(data[:8192])
    encoding = _choose_encoding(data, declared)
    html, errors = decode(data, encoding)
    metadata: dict[str, Any] = {"reader": "html", "encoding": encoding.label}
    if declared and declared != encoding.label:
        metadata["declared_encoding"] = declared
    if errors:
        metadata["decode_errors"] = errors
    return html, metadata


def _choose_encoding(data: bytes, declared: str | None) -> Encoding:
    bom = bom_encoding(data)
    if bom:
        return detect(data[:4])
    if not data.isascii() and _valid_utf8(data):
        return UTF8  # a page that decodes as UTF-8 is UTF-8, whatever its meta tag claims
    if declared:
        return Encoding(declared, declared)
    return detect(data[:65536])


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(head: bytes) -> str | None:
    """The codec named by ``<meta charset>`` (or http-equiv) when Python knows it."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    return charset_codec(match.group(1).decode("ascii", "replace"))


def charset_codec(label: str) -> str | None:
    """Python's codec name for a charset label, Latin-1 labels read as cp1252; None if unknown."""
    label = label.strip().strip("\"'").lower()
    if label in _WHATWG_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def extract_page(html: str, source: str) -> Page:
    """Main text, title, author, url and date of a page; ReadError when it has no main text."""
    text = main_text(html, source)
    meta = _metadata(html)
    lead = recover_lead(html, _attribute(meta, "description"), text)
    fields = Fields(
        title=_attribute(meta, "title"),
        author=_attribute(meta, "author"),
        url=_attribute(meta, "url"),
        metadata=_extra_metadata(meta),
    )
    if lead:
        text = f"{lead}\n\n{text}"
        fields.metadata["lead_recovered"] = True
    fields.published, date_source = page_date(html, _attribute(meta, "date"))
    if date_source:
        fields.metadata["date_source"] = date_source
    return Page(text, fields)


def main_text(html: str, source: str) -> str:
    """trafilatura's main text; ReadError with a reason when there is none."""
    try:
        text = trafilatura.extract(html, **EXTRACT_OPTIONS)
    except Exception as error:  # third-party parser: any failure is this page's, not the run's
        raise ReadError(
            source, f"HTML extraction failed: {type(error).__name__}: {error}"
        ) from error
    if not isinstance(text, str) or not text.strip():
        raise ReadError(source, NO_TEXT)
    return text


def _metadata(html: str) -> Any:
    """trafilatura's metadata; its date comes from htmldate over the markup (and page URL) only."""
    try:
        return trafilatura.extract_metadata(html, date_config=dict(MARKUP_DATE))
    except Exception:  # metadata is optional; the text is already extracted
        return None


def _attribute(meta: Any, name: str) -> str | None:
    value = getattr(meta, name, None)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _extra_metadata(meta: Any) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for name in ("sitename", "hostname", "description"):
        if value := _attribute(meta, name):
            extra[name] = value
    for name in ("categories", "tags"):
        values = getattr(meta, name, None)
        if isinstance(values, list) and values:
            extra[name] = [str(value) for value in values]
    return extra


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def recover_lead(html: str, description: str | None, text: str) -> str | None:
    """The lead paragraph trafilatura dropped, found through the meta description; or None."""
    probe = normalise_space(description or "")[:LEAD_PROBE_CHARS]
    if len(probe) < LEAD_MIN_CHARS or probe in normalise_space(text):
        return None
    try:
        tree = load_html(html)
        body = tree.find("body") if tree is not None else None
    except Exception:  # a page trafilatura could read but this parse cannot: no lead
        return None
    if body is None:
        return None
    for element in body.iter(*INVISIBLE_TAGS):
        element.clear(keep_tail=True)
    block = _smallest_block(body, probe)
    return block if block and len(block) <= LEAD_MAX_CHARS else None


def _smallest_block(root: Any, probe: str) -> str | None:
    """The text of the deepest element under ``root`` whose text contains ``probe``."""
    node = root
    if probe not in _text_of(node):
        return None
    while True:
        child = next((c for c in node if isinstance(c.tag, str) and probe in _text_of(c)), None)
        if child is None:
            return _text_of(node)
        node = child


def _text_of(element: Any) -> str:
    return normalise_space("".join(element.itertext()))


def page_date(html: str, from_markup: str | None) -> tuple[date | None, str | None]:
    """The publication date and where it came from: 'markup', 'page text', or (None, None).

    ``from_markup`` is htmldate's answer without extensive search (trafilatura asks
    it while reading the metadata).
    """
    found = _iso_date(from_markup)
    if found is not None:
        return found, "markup"
    found = _find_date(html)
    if found is not None and written_in(found, html):
        return found, "page text"
    return None, None


def _find_date(html: str) -> date | None:
    try:
        value = find_date(html, **{**MARKUP_DATE, "extensive_search": True})
    except Exception:  # htmldate on odd markup: no date rather than no document
        return None
    return _iso_date(value)


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def written_in(day: date, html: str) -> bool:
    """True when ``day`` is written in ``html`` as a full date (ISO, German or English style)."""
    return any(pattern.search(html) for pattern in _date_patterns(day))


def _date_patterns(day: date) -> list[re.Pattern[str]]:
    y, m, d = day.year, day.month, day.day
    names = "|".join(name for name, number in MONTHS.items() if number == m)
    return [
        re.compile(rf"{y}[-/.]0?{m}[-/.]0?{d}(?!\d)"),
        re.compile(rf"(?<!\d)0?{d}\.\s?0?{m}\.\s?{y}"),
        re.compile(rf"(?<!\d)0?{d}\.?\s+(?:{names})\.?,?\s+{y}", re.I),
        re.compile(rf"(?:{names})\.?\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}", re.I),
    ]
