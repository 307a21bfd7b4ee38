"""URLs: fetched through an injected httpx transport (never the network), read by content type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import httpx
import pytest
from tests.read.conftest import PARAGRAPHS, Record, page, write_warc

from lagebild.config import ReadOptions
from lagebild.errors import FetchError
from lagebild.read import Skip, read_source
from lagebild.read import fetch as fetch_module
from lagebild.read.fetch import Fetcher, is_url, read_url
from lagebild.records import Document

URL = "https://example.org/lage"
PAGE = page(head='<meta name="date" content="2022-02-18">').encode()
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Lage</title>'
    f"<item><title>Eins</title><link>https://example.org/1</link><description>{PARAGRAPHS[0]}"
    "</description></item></channel></rss>"
).encode()

Handler = Callable[[httpx.Request], httpx.Response]


def serving(
    body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200
) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Content-Type": content_type}, content=body)

    return handle


def fetcher(handler: Handler, **settings: float) -> Fetcher:
    return Fetcher(transport=httpx.MockTransport(handler), **settings)  # type: ignore[arg-type]


def read(handler: Handler, url: str = URL, **limits: int) -> list[Document | Skip]:
    return list(read_url(url, ReadOptions(**limits), fetcher(handler)))


def only_document(items: list[Document | Skip]) -> Document:
    [document] = items
    assert isinstance(document, Document), document
    return document


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://example.org/a", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("http://localhost:8000/feed.xml", True),
        ("ftp://example.org/a", False),
        ("reports/https.txt", False),
        ("-", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected


def test_page_becomes_a_document_with_the_url_and_its_date() -> None:
    document = only_document(read(serving(PAGE)))
    assert (document.source, document.url) == (URL, URL)
    assert document.published == date(2022, 2, 18)
    assert PARAGRAPHS[1] in document.raw_text


def test_redirect_is_followed_and_the_final_url_kept() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/alt":
            return httpx.Response(301, headers={"Location": URL})
        return serving(PAGE)(request)

    document = only_document(read(handle, "https://example.org/alt"))
    assert (document.source, document.url) == ("https://example.org/alt", URL)


def test_feed_url_gives_its_entries_with_their_links() -> None:
    document = only_document(read(serving(FEED, "application/rss+xml")))
    assert (document.source, document.url) == (f"{URL}:1", "https://example.org/1")


def test_plain_text_url() -> None:
    document = only_document(read(serving(PARAGRAPHS[0].encode(), "text/plain")))
    assert document.raw_text == PARAGRAPHS[0]


@pytest.mark.parametrize("content_type", ["application/octet-stream", "", "text/plain"])
def test_content_type_that_says_nothing_is_sniffed(content_type: str) -> None:
    document = only_document(read(serving(PAGE, content_type)))
    assert document.metadata["reader"] == "html"


def test_header_charset_decodes_a_page_without_meta_charset() -> None:
    latin = page(paragraphs=("Schäden an Gebäuden in der Stadt, meldete die Verwaltung am Abend.",))
    body = latin.replace('<meta charset="utf-8">', "").encode("latin-1")
    document = only_document(read(serving(body, "text/html; charset=ISO-8859-1")))
    assert "Schäden an Gebäuden" in document.raw_text


def test_web_archive_url_gives_its_pages() -> None:
    archive = write_warc([Record("https://example.org/archived", PAGE)])
    items = read(serving(archive, "application/warc"))
    [document] = [item for item in items if isinstance(item, Document)]
    assert document.url == "https://example.org/archived"


def test_other_content_is_a_skip_naming_its_type() -> None:
    assert read(serving(b"\x89PNG\r\n\x1a\n", "image/png")) == [
        Skip(URL, "not HTML, a feed or text (image/png)")
    ]


def raising(error: type[httpx.TransportError]) -> Handler:
    def handle(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)

    return handle


@pytest.mark.parametrize(
    ("handler", "reason"),
    [
        (serving(b"gone", status=404), "HTTP 404 Not Found"),
        (serving(b"", status=503), "HTTP 503 Service Unavailable"),
        (raising(httpx.ReadTimeout), "timed out after 30 s (ReadTimeout)"),
        (raising(httpx.ConnectTimeout), "timed out after 30 s (ConnectTimeout)"),
        (raising(httpx.ConnectError), "cannot connect: simulated"),
        (raising(httpx.RemoteProtocolError), "fetch failed: RemoteProtocolError: simulated"),
    ],
)
def test_failures_are_fetch_errors_with_a_reason(handler: Handler, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        read(handler)
    assert (caught.value.source, caught.value.reason) == (URL, reason)


def test_redirect_loop_stops() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": URL})

    with pytest.raises(FetchError, match="more than 5 redirects"):
        read(loop)


def test_declared_length_over_the_limit_is_refused_before_reading() -> None:
    with pytest.raises(
        FetchError, match=r"response too large \(2,000 bytes; max_file_bytes is 1,000\)"
    ):
        read(serving(b"x" * 2000), max_file_bytes=1000)


def test_streamed_body_over_the_limit_is_cut_off() -> None:
    chunks_sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for number in range(1000):
            chunks_sent.append(number)
            yield b"x" * 100

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks())

    with pytest.raises(FetchError, match="more than 1,000 bytes"):
        read(handle, max_file_bytes=1000)
    assert len(chunks_sent) < 20


def test_slow_body_hits_the_overall_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 1000, 10))  # every look at the clock is 10 s later
    monkeypatch.setattr(fetch_module.time, "monotonic", lambda: next(clock))

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"<html>", b"<body>", b"</body></html>"]))

    with pytest.raises(FetchError, match="body not received within 15 s"):
        list(read_url(URL, ReadOptions(), fetcher(handle, timeout=15)))


def test_requests_name_lagebild_as_the_agent() -> None:
    agents: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        agents.append(request.headers["User-Agent"])
        return serving(PAGE)(request)

    read(handle)
    assert agents and agents[0].startswith("lagebild/")


def test_read_source_fetches_urls_and_turns_failures_into_skips() -> None:
    items = list(read_source(URL, ReadOptions(), fetcher(serving(b"", status=404))))
    assert items == [Skip(URL, "HTTP 404 Not Found")]
    [document] = list(read_source(URL, ReadOptions(), fetcher(serving(PAGE))))
    assert isinstance(document, Document)
