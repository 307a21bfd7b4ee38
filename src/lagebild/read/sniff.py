"""Look at the first bytes of an input: binary or text, HTML, feeds, web archives, front matter."""

from __future__ import annotations

import re
import zlib

#: Bytes inspected for NUL and control characters.
SNIFF_BYTES = 8 * 1024

#: Share of control characters above which a file is treated as binary.
MAX_CONTROL_SHARE = 0.10

#: Magic numbers of binary formats people drop into a folder of reports.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x7fELF", "ELF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\xfd7zXZ\x00", "xz"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_FRONT_MATTER_START = re.compile(rb"^(?:---|\+\+\+)[ \t]*\r?\n")


def bom_encoding(head: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``head``, if any."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one byte parity, as in BOM-less UTF-16 text."""
    sample = head[: SNIFF_BYTES - SNIFF_BYTES % 2]
    if len(sample) < 8:  # too short to tell from binary
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """Why ``head`` looks binary ('PDF', 'contains NUL bytes', …), or None for text."""
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if bom_encoding(head) or utf16_without_bom(head):
        return None
    sample = head[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "contains NUL bytes"
    controls = sum(
        1 for byte in sample if (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS
    )
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control characters"
    return None


def binary_reason(kind: str) -> str:
    return f"binary file ({kind}), not text"


def _strip_bom(head: bytes) -> bytes:
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def looks_like_html(head: bytes) -> bool:
    """True when the input starts (after a BOM, white space, comments) with ``<html`` or a doctype."""
    return bool(_HTML_START.match(_strip_bom(head)[:SNIFF_BYTES]))


def has_front_matter(head: bytes) -> bool:
    """True when the input opens with a ``---`` or ``+++`` front-matter line."""
    return bool(_FRONT_MATTER_START.match(_strip_bom(head)))


_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:rss[\s>]|feed[\s>]|(?:[\w-]+:)?RDF[\s>])",
    re.S,
)
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")
#: Compressed bytes inflated to look for a web-archive header inside a gzip member.
_GZIP_PROBE = 4096


def is_url(source: str) -> bool:
    """True for an http(s) URL (anything else is a path)."""
    return source[:8].lower().startswith(("http://", "https://"))


def looks_like_feed(head: bytes) -> bool:
    """True when the input opens (after an XML declaration and comments) with an RSS,
    Atom or RDF root element."""
    return bool(_FEED_START.match(_strip_bom(head)[:SNIFF_BYTES]))


def looks_like_web_archive(head: bytes) -> bool:
    """True for a WARC or ARC file, gzipped or not (the first record's header line)."""
    if head.startswith(b"\x1f\x8b"):
        head = _inflate_start(head[:_GZIP_PROBE])
    return head.startswith(_ARCHIVE_STARTS)


def _inflate_start(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 64)
    except zlib.error:
        return b""
