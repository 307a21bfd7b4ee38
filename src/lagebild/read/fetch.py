"""URLs: fetched with httpx, then read by content type (``payload``).

A fetch is bounded: a timeout per network step and one for the whole body,
at most ``max_redirects`` redirects, and at most ``max_file_bytes`` of
(decompressed) body — a larger ``Content-Length`` is refused before reading,
a body without one is cut off when it passes the limit.  Every failure is a
``FetchError`` whose reason says what happened ("HTTP 404 Not Found",
"timed out after 30 s", "cannot connect: …").

The transport is injectable (``Fetcher(transport=httpx.MockTransport(...))``,
or ``default_transport`` for fetchers made elsewhere, as ``lagebild ingest URL``
makes one) so that tests never touch the network.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version

import httpx

from lagebild.config import ReadOptions
from lagebild.errors import FetchError
from lagebild.read.base import Input, Skip
from lagebild.read.payload import ContentType, payload_documents, with_origin
from lagebild.read.sniff import is_url, looks_like_web_archive
from lagebild.read.warc import read_warc
from lagebild.records import Document

#: The transport of a Fetcher given none; None is the network.  Tests set an httpx.MockTransport.
default_transport: httpx.BaseTransport | None = None
USER_AGENT = f"lagebild/{version('lagebild')}"

__all__ = ["Fetched", "Fetcher", "default_transport", "is_url", "read_url"]


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL (after redirects), its content type and body."""

    url: str
    content_type: ContentType
    body: bytes


@dataclass(frozen=True)
class Fetcher:
    """How URLs are fetched: timeouts, redirects and the httpx transport (None: the network)."""

    timeout: float = 30.0
    max_redirects: int = 5
    transport: httpx.BaseTransport | None = None

    def fetch(self, url: str, limit: int) -> Fetched:
        """The response to GET ``url``, at most ``limit`` bytes of body; FetchError otherwise."""
        try:
            with self._client() as client, client.stream("GET", url) as response:
                _check_status(url, response, limit)
                body = self._read_body(url, response, limit)
                return Fetched(
                    str(response.url), ContentType.parse(response.headers.get("content-type")), body
                )
        except httpx.HTTPError as error:
            raise FetchError(url, self._reason(error)) from error

    def _client(self) -> httpx.Client:
        return httpx.Client(
            transport=self.transport or default_transport,
            timeout=self.timeout,
            follow_redirects=True,
            max_redirects=self.max_redirects,
            headers={"User-Agent": USER_AGENT},
        )

    def _read_body(self, url: str, response: httpx.Response, limit: int) -> bytes:
        deadline = time.monotonic() + self.timeout
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise FetchError(url, response_too_large(None, limit))
            if time.monotonic() > deadline:
                raise FetchError(url, f"body not received within {self.timeout:g} s")
        return bytes(body)

    def _reason(self, error: httpx.HTTPError) -> str:
        if isinstance(error, httpx.TimeoutException):
            return f"timed out after {self.timeout:g} s ({type(error).__name__})"
        if isinstance(error, httpx.TooManyRedirects):
            return f"more than {self.max_redirects} redirects"
        if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
            return f"not a valid http(s) URL: {error}"
        if isinstance(error, httpx.ConnectError):
            return f"cannot connect: {error or 'connection failed'}"
        if isinstance(error, httpx.DecodingError):
            return f"response body could not be decoded: {error}"
        return f"fetch failed: {type(error).__name__}: {error}"


def _check_status(url: str, response: httpx.Response, limit: int) -> None:
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".strip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(url, response_too_large(int(declared), limit))


def response_too_large(size: int | None, limit: int) -> str:
    measured = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return f"response too large ({measured}; max_file_bytes is {limit:,})"


def read_url(
    url: str, options: ReadOptions, fetcher: Fetcher | None = None
) -> Iterator[Document | Skip]:
    """The documents at ``url``: a page or text (its url the final URL fetched), or a feed's
    entries (each with its own link)."""
    fetched = (fetcher or Fetcher()).fetch(url, options.max_file_bytes)
    if is_web_archive(fetched):
        yield from read_warc(Input.of(url, io.BytesIO(fetched.body), len(fetched.body)), options)
        return
    for item in payload_documents(url, fetched.body, fetched.content_type, options):
        yield with_origin(item, fetched.url)


def is_web_archive(fetched: Fetched) -> bool:
    return fetched.content_type.media == "application/warc" or looks_like_web_archive(
        fetched.body[:4096]
    )
