"""Web archives (WARC and ARC, gzipped or not) with warcio: one document per archived page.

- ``response``, ``resource`` and ``conversion`` records (a crawl's pages, a
  capture tool's files, Common Crawl's WET text) are read by their content type
  (``payload``): HTML through the HTML reader, feeds and text too.  The
  document's url is ``WARC-Target-URI``; its date is the page's own (htmldate,
  as for any HTML page) and ``WARC-Date`` only when the page has none.
- Records that are no page are never dropped silently: a revisit, a non-2xx
  response, a payload that is not HTML, a feed or text, a record cut off by the
  end of the archive or larger than ``max_file_bytes`` is a Skip naming the
  record (``archive.warc.gz:N``, the N-th record, and its URI).  Requests,
  metadata and warcinfo records, which hold no page by design, are counted in
  one Skip per archive rather than one per record.
- The archive is streamed record by record, so its size does not matter; a
  broken archive keeps the records before the break and ends with a Skip
  saying where it broke.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read.base import Input, Skip
from lagebild.read.dates import parse_date
from lagebild.read.payload import ContentType, payload_documents, with_origin
from lagebild.records import Document

PAGE_RECORDS = frozenset({"response", "resource", "conversion"})
#: Record types that hold no page by design: counted, not listed one by one.
NO_PAGE_RECORDS = frozenset({"request", "metadata", "warcinfo", "continuation"})
#: Bytes an uncompressed WARC writes after each record (two CRLF).
RECORD_GAP = 4


def read_warc(source: Input, options: ReadOptions) -> Iterator[Document | Skip]:
    """The pages in a WARC or ARC input, then Skips for what was not a page."""
    if not source.head:
        yield Skip(source.source, "empty file")
        return
    not_pages: Counter[str] = Counter()
    iterator = ArchiveIterator(source.reader(), arc2warc=True)
    records = end = 0
    try:
        while (record := _next_record(source.source, iterator, records)) is not None:
            if isinstance(record, Skip):
                yield record
                break
            records += 1
            yield from record_documents(f"{source.source}:{records}", record, options, not_pages)
            end = _record_end(iterator)
        else:
            yield from _incomplete(source.source, records, source.size, end)
    finally:
        iterator.close()
    yield from _not_pages(source.source, not_pages)


def _next_record(source: str, iterator: Any, records: int) -> Any:
    """The next record, None at the end, or a Skip saying where the archive broke."""
    try:
        return next(iterator)
    except StopIteration:
        return None
    except Exception as error:  # warcio on a broken archive raises anything (even AttributeError)
        return Skip(source, broken(records, error))


def _record_end(iterator: Any) -> int:
    """Where the record just read ends in the archive (-1 when warcio cannot tell)."""
    try:
        return int(iterator.get_record_offset() + iterator.get_record_length())
    except Exception:  # the next record read reports the breakage
        return -1


def _incomplete(source: str, records: int, size: int | None, end: int) -> Iterator[Skip]:
    """A Skip for an archive without records, or with bytes after its last whole record."""
    if records == 0:
        yield Skip(source, "no web-archive records found")
    elif size is not None and end >= 0 and size - end > RECORD_GAP:
        missing = size - end
        yield Skip(
            source,
            f"archive ends in an incomplete record ({missing:,} bytes after record {records})",
        )


def _not_pages(source: str, not_pages: Counter[str]) -> Iterator[Skip]:
    if not_pages:
        counted = ", ".join(f"{count} {kind}" for kind, count in sorted(not_pages.items()))
        yield Skip(source, f"records that hold no page: {counted}")


def broken(records: int, error: Exception) -> str:
    """Why reading stopped, and after which record."""
    where = f"after record {records}" if records else "at its start"
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    message = lines[0][:200] if lines else type(error).__name__
    if "non-chunked gzip" in message:  # the whole file gzipped at once, not record by record
        message += " (WARC files are gzipped record by record; run `warcio recompress`)"
    return f"web archive unreadable {where}: {message}"


def record_documents(
    name: str, record: Any, options: ReadOptions, not_pages: Counter[str]
) -> Iterator[Document | Skip]:
    """The document(s) of one record, a Skip saying why it holds none, or nothing (counted)."""
    kind = record.rec_type or "unknown"
    if kind in NO_PAGE_RECORDS:
        not_pages[kind] += 1
        return
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        body = page_body(record, kind, options)
        yield from _documents(name, record, body, options)
    except ReadError as error:
        yield Skip(name, f"{uri}: {error.reason}" if uri else error.reason)


def page_body(record: Any, kind: str, options: ReadOptions) -> bytes:
    """The payload of a page record; ReadError saying why the record holds no page."""
    if kind == "revisit":
        raise ReadError("", "revisit record: a repeat of an earlier capture, without payload")
    if kind not in PAGE_RECORDS:
        raise ReadError("", f"{kind} record holds no page")
    status = _status(record)
    if status is not None and not 200 <= status < 300:
        raise ReadError("", f"HTTP {status} response, not a page")
    limit = options.max_file_bytes
    try:
        body: bytes = record.content_stream().read(limit + 1)
    except Exception as error:  # a corrupt gzip member or chunked body, from warcio
        raise ReadError("", f"record unreadable: {type(error).__name__}: {error}") from error
    if len(body) > limit:
        raise ReadError("", f"record payload larger than max_file_bytes ({limit:,} bytes)")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise ReadError("", f"record cut off: the archive ends {missing:,} bytes early")
    return body


def _status(record: Any) -> int | None:
    if record.http_headers is None or record.rec_type != "response":
        return None
    code = record.http_headers.get_statuscode()
    return int(code) if str(code).isdigit() else None


def _documents(
    name: str, record: Any, body: bytes, options: ReadOptions
) -> Iterator[Document | Skip]:
    content_type = ContentType.parse(_content_type(record))
    uri = record.rec_headers.get_header("WARC-Target-URI")
    for item in payload_documents(name, body, content_type, options):
        if isinstance(item, Document):
            _archive_metadata(item, record)
            yield with_origin(item, uri) if uri else item
        else:
            yield Skip(item.source, f"{uri}: {item.reason}") if uri else item


def _content_type(record: Any) -> str | None:
    """The payload's type: the HTTP header of a response, the record's own otherwise."""
    if record.http_headers is not None and record.rec_type == "response":
        header: str | None = record.http_headers.get_header("Content-Type")
        return header
    return record.rec_headers.get_header("Content-Type")  # type: ignore[no-any-return]


def _archive_metadata(document: Document, record: Any) -> None:
    """WARC-Date as the date when the page has none of its own; the record's identity."""
    headers = record.rec_headers
    warc_date = headers.get_header("WARC-Date")
    document.metadata["warc_date"] = warc_date
    if record_id := headers.get_header("WARC-Record-ID"):
        document.metadata["warc_record_id"] = record_id
    if truncated := headers.get_header("WARC-Truncated"):
        document.metadata["warc_truncated"] = truncated
    undated = document.published is None or document.metadata.get("date_source") == "file name"
    if undated and (found := parse_date(warc_date)):
        document.published = found
        document.metadata["date_source"] = "warc date"
