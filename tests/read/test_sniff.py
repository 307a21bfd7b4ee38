"""Binary detection, HTML, feed, web-archive and front-matter sniffing on the first bytes of an input."""

from __future__ import annotations

import gzip

import pytest

from lagebild.read.sniff import (
    binary_kind,
    binary_reason,
    has_front_matter,
    looks_like_feed,
    looks_like_html,
    looks_like_web_archive,
    utf16_without_bom,
)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"SQLite format 3\x00\x10\x00", "SQLite"),
    ],
)
def test_magic_numbers_are_binary(head: bytes, kind: str) -> None:
    assert binary_kind(head) == kind


def test_nul_bytes_are_binary() -> None:
    assert binary_kind(b"Lage am Morgen\x00\x00\x01 weiter") == "contains NUL bytes"


def test_many_control_characters_are_binary() -> None:
    assert binary_kind(bytes(range(1, 9)) * 20 + b"a few letters") == "92% control characters"


@pytest.mark.parametrize(
    "text",
    [
        "Kyjiw meldet Angriffe.\r\n\tZweite Zeile mit Tab.\f",
        "Straße, Größe, Übung – „Zitat“ …",
        "\x1b[1mANSI-Fett\x1b[0m bleibt Text",
    ],
)
def test_text_is_not_binary(text: str) -> None:
    assert binary_kind(text.encode("utf-8")) is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le", "utf-16-be"])
def test_wide_unicode_text_is_not_binary(encoding: str) -> None:
    assert binary_kind("Der Generalstab meldet Gefechte bei Bachmut.".encode(encoding)) is None


@pytest.mark.parametrize(
    ("encoding", "expected"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_bom_is_recognised(encoding: str, expected: str) -> None:
    assert utf16_without_bom("Lagebericht vom Montag".encode(encoding)) == expected


def test_binary_reason_names_the_kind() -> None:
    assert binary_reason("PDF") == "binary file (PDF), not text"


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html>",
        b"<!doctype HTML>\n<html lang=de>",
        b"\xef\xbb\xbf  <html>\n<head>",
        b"<!-- saved from url --> <html><body>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">',
        b"\n\n<HTML>",
    ],
)
def test_html_is_sniffed(head: bytes) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize(
    "head",
    [
        "Ein Text, der <html> erwähnt.".encode(),
        b"<htmlx>",
        b"---\ntitle: x\n---\n",
        b"<div>Fragment</div>",
    ],
)
def test_non_html_is_not_sniffed_as_html(head: bytes) -> None:
    assert not looks_like_html(head)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"---\ntitle: Lage\n---\nText", True),
        (b"\xef\xbb\xbf---\r\ntitle: Lage\r\n---\r\n", True),
        (b"+++\ntitle = 'Lage'\n+++\n", True),
        (b"----\nkein front matter", False),
        (b"Text\n---\n", False),
    ],
)
def test_front_matter_is_sniffed(head: bytes, expected: bool) -> None:
    assert has_front_matter(head) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">', True),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?><!-- feed --><feed xmlns="http://www.w3.org/2005/Atom">',
            True,
        ),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>\n<rss>', True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        (b"<feedback>not a feed</feedback>", False),
        (b"<?xml version='1.0'?><catalog/>", False),
        (b"<!DOCTYPE html><html>", False),
        (b"rss feed in prose", False),
    ],
)
def test_feeds_are_sniffed(head: bytes, expected: bool) -> None:
    assert looks_like_feed(head) is expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", True),
        (b"WARC/1.1\r\n", True),
        (b"filedesc://crawl.arc 0.0.0.0 20220301100000 text/plain 76\n", True),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 5000), True),
        (gzip.compress(b"<html>gzipped page</html>"), False),
        (b"\x1f\x8b\x08\x00broken gzip", False),
        (b"WARC is a format", False),
    ],
)
def test_web_archives_are_sniffed(head: bytes, expected: bool) -> None:
    assert looks_like_web_archive(head) is expected
