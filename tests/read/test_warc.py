"""The web-archive reader: pages from WARC/ARC records, dates, and every other record accounted for."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.read.conftest import PARAGRAPHS, Record, page, write_warc

from lagebild.config import ReadOptions
from lagebild.read import Skip, read_source
from lagebild.read.base import Input
from lagebild.read.warc import read_warc
from lagebild.records import Document

DATED = page(head='<meta name="date" content="2022-02-18">').encode()
UNDATED = page().encode()


def read(data: bytes, name: str = "crawl.warc.gz", **limits: int) -> list[Document | Skip]:
    return list(read_warc(Input.of(name, io.BytesIO(data), len(data)), ReadOptions(**limits)))


def documents(items: list[Document | Skip]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def skips(items: list[Document | Skip]) -> list[Skip]:
    return [item for item in items if isinstance(item, Skip)]


@pytest.mark.parametrize("compressed", [True, False])
def test_response_record_becomes_a_document(compressed: bool) -> None:
    items = read(write_warc([Record("https://example.org/lage", DATED)], gzip=compressed))
    [document] = documents(items)
    assert document.source == "crawl.warc.gz:2"  # record 1 is the warcinfo
    assert document.url == "https://example.org/lage"
    assert PARAGRAPHS[0] in document.raw_text
    assert document.metadata["warc_date"] == "2022-03-01T10:00:00Z"


def test_page_date_wins_over_warc_date() -> None:
    [document] = documents(read(write_warc([Record("https://example.org/a", DATED)])))
    assert (document.published, document.metadata["date_source"]) == (date(2022, 2, 18), "markup")


def test_warc_date_when_the_page_has_none() -> None:
    [document] = documents(read(write_warc([Record("https://example.org/a", UNDATED)])))
    assert (document.published, document.metadata["date_source"]) == (date(2022, 3, 1), "warc date")


def test_text_payload_becomes_a_document() -> None:
    record = Record("https://example.org/t.txt", PARAGRAPHS[1].encode(), content_type="text/plain")
    [document] = documents(read(write_warc([record])))
    assert document.raw_text == PARAGRAPHS[1]
    assert document.url == "https://example.org/t.txt"


def test_resource_and_conversion_records_are_read() -> None:
    records = [
        Record("https://example.org/r", DATED, kind="resource", content_type="text/html"),
        Record(
            "https://example.org/w",
            PARAGRAPHS[0].encode(),
            kind="conversion",
            content_type="text/plain",
        ),
    ]
    found = documents(read(write_warc(records)))
    assert [d.url for d in found] == ["https://example.org/r", "https://example.org/w"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (
            Record("https://example.org/p.png", b"\x89PNG\r\n\x1a\n0000", content_type="image/png"),
            "not HTML, a feed or text (image/png)",
        ),
        (
            Record("https://example.org/gone", b"", status="404 Not Found"),
            "HTTP 404 response, not a page",
        ),
        (
            Record("https://example.org/moved", b"", status="301 Moved Permanently"),
            "HTTP 301 response, not a page",
        ),
        (
            Record("https://example.org/a", b"", kind="revisit", content_type="application/http"),
            "revisit record",
        ),
        (Record("https://example.org/empty", b""), "empty file"),
        (
            Record("https://example.org/nav", b"<html><body><script>x()</script></body></html>"),
            "no main text found in HTML",
        ),
    ],
)
def test_record_that_is_no_page_is_a_skip_naming_it(record: Record, reason: str) -> None:
    items = read(write_warc([record]))
    assert not documents(items)
    first = skips(items)[0]
    assert first.source == "crawl.warc.gz:2"
    assert first.reason.startswith(f"{record.uri}: {reason}")


def test_requests_metadata_and_warcinfo_are_counted_in_one_skip() -> None:
    records = [
        Record(
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
            kind="request",
            content_type="application/http; msgtype=request",
        ),
        Record("https://example.org/a", DATED),
        Record(
            "https://example.org/a",
            b"fetchTimeMs: 12\r\n",
            kind="metadata",
            content_type="application/warc-fields",
        ),
    ]
    items = read(write_warc(records))
    assert len(documents(items)) == 1
    assert skips(items) == [
        Skip("crawl.warc.gz", "records that hold no page: 1 metadata, 1 request, 1 warcinfo")
    ]


def test_payload_over_the_limit_is_a_skip() -> None:
    items = read(write_warc([Record("https://example.org/a", DATED)]), max_file_bytes=100)
    assert "larger than max_file_bytes" in skips(items)[0].reason


@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_archive_keeps_whole_records_and_says_it_is_cut(compressed: bool) -> None:
    data = write_warc(
        [Record(f"https://example.org/{n}", DATED) for n in range(3)], gzip=compressed
    )
    items = read(data[: len(data) - 40])
    assert len(documents(items)) == 2
    cut = [
        skip
        for skip in skips(items)
        if "record" in skip.reason and "hold no page" not in skip.reason
    ]
    assert cut, skips(items)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"nothing to see\r\n\r\n", "web archive unreadable at its start"),
        (gzip.compress(b"<html>not an archive</html>"), "web archive unreadable at its start"),
    ],
)
def test_what_is_not_an_archive_says_why(data: bytes, reason: str) -> None:
    items = read(data)
    assert len(items) == 1 and isinstance(items[0], Skip)
    assert items[0].reason.startswith(reason)


def test_archive_gzipped_whole_says_how_to_fix_it() -> None:
    data = gzip.compress(write_warc([Record("https://example.org/a", DATED)], gzip=False))
    assert any("warcio recompress" in skip.reason for skip in skips(read(data)))


def test_corrupt_gzip_member_keeps_the_records_before_it() -> None:
    data = bytearray(write_warc([Record(f"https://example.org/{n}", DATED) for n in range(3)]))
    middle = len(data) // 2
    data[middle : middle + 16] = b"\x00" * 16
    items = read(bytes(data))
    assert 1 <= len(documents(items)) < 3
    assert any("unreadable" in skip.reason for skip in skips(items))


def arc_record(url: str, body: bytes, stamp: str = "20220301100000") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    return f"{url} 93.184.216.34 {stamp} text/html {len(http)}\n".encode() + http + b"\n"


def arc_file(*records: bytes) -> list[bytes]:
    """The records of an ARC file, its version block first (gzipped ARCs compress each alone)."""
    version = b"1 0 lagebild-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://test.arc 0.0.0.0 20220301100000 text/plain {len(version)}\n".encode()
    return [header + version + b"\n", *records]


@pytest.mark.parametrize("compressed", [True, False])
def test_arc_files_are_read(tmp_path: Path, compressed: bool) -> None:
    records = arc_file(arc_record("http://example.org/arc", UNDATED))
    path = tmp_path / ("crawl.arc.gz" if compressed else "crawl.arc")
    path.write_bytes(b"".join(map(gzip.compress, records)) if compressed else b"".join(records))
    [document] = documents(list(read_source(path)))
    assert document.url == "http://example.org/arc"
    assert document.published == date(2022, 3, 1)


@pytest.mark.parametrize(
    "name", ["crawl.warc.gz", "crawl.warc", "CRAWL.WARC.GZ", "crawl-000.gz", "crawl"]
)
def test_archives_are_found_by_extension_or_first_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(
        write_warc(
            [Record("https://example.org/a", DATED)], gzip=not name.endswith(("warc", "crawl"))
        )
    )
    [document] = documents(list(read_source(path)))
    assert document.metadata["reader"] == "html"
    assert document.source == f"{path}:2"


def _mutations() -> st.SearchStrategy[bytes]:
    plain = write_warc(
        [Record("https://example.org/a", DATED), Record("https://example.org/b", b"\x00\x01")],
        gzip=False,
    )
    packed = write_warc([Record("https://example.org/a", UNDATED)], gzip=True)
    base = st.sampled_from([plain, packed])
    cut = st.tuples(base, st.integers(0, len(plain))).map(lambda pair: pair[0][: pair[1]])
    flipped = st.tuples(
        base, st.integers(0, len(packed) - 1), st.binary(min_size=1, max_size=8)
    ).map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + len(t[2]) :])
    return st.one_of(st.binary(max_size=600), cut, flipped)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutations())
def test_any_bytes_give_documents_or_reasons_never_a_crash(data: bytes) -> None:
    items = read(data)
    assert items, "nothing at all would be a silent loss"
    for item in items:
        assert isinstance(item, Document | Skip)
        assert item.raw_text.strip() if isinstance(item, Document) else item.reason
