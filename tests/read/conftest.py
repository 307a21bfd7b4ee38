"""Web archives written by the tests themselves, with warcio's own writer."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = (
    "Die Lage im Osten bleibt angespannt, meldet der Generalstab am Abend des Tages.",
    "Nach Angaben der Verwaltung wurden in der Stadt mehrere Gebäude beschädigt; "
    "die Feuerwehr war bis in die Nacht im Einsatz.",
)


def page(
    title: str = "Lage im Osten", head: str = "", paragraphs: tuple[str, ...] = PARAGRAPHS
) -> str:
    """A small news page of our own."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>{head}'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


@dataclass
class Record:
    """One record to write: ``kind`` is the WARC-Type."""

    uri: str
    body: bytes = b""
    kind: str = "response"
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    headers: dict[str, str] = field(default_factory=dict)


def write_warc(records: list[Record], gzip: bool = True) -> bytes:
    """The bytes of a WARC holding ``records`` after a warcinfo record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "lagebild tests"}))
    for record in records:
        writer.write_record(_record(writer, record))
    return buffer.getvalue()


def _record(writer: WARCWriter, record: Record) -> object:
    headers = {"WARC-Date": "2022-03-01T10:00:00Z", **record.headers}
    if record.kind == "response":
        http = StatusAndHeaders(
            record.status, [("Content-Type", record.content_type)], protocol="HTTP/1.1"
        )
        return writer.create_warc_record(
            record.uri,
            "response",
            payload=io.BytesIO(record.body),
            http_headers=http,
            warc_headers_dict=headers,
        )
    return writer.create_warc_record(
        record.uri,
        record.kind,
        payload=io.BytesIO(record.body),
        warc_content_type=record.content_type,
        warc_headers_dict=headers,
    )


@pytest.fixture
def warc() -> Callable[..., bytes]:
    """``warc(records, gzip=True)``: the bytes of a WARC of our own."""
    return write_warc
