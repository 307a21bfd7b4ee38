"""Whole answers to reads, per store generation: served again, never across a change."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send
from tests.store.conftest import postgres_schema_url

from lagebild.errors import StoreError
from lagebild.serve import create_app, response_cache
from lagebild.serve.response_cache import Generation, ResponseCache, ResponseStore


class Counting:
    """An app answering with its call count, with a chosen status."""

    def __init__(self, status: int = 200) -> None:
        self.calls = 0
        self.status = status

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": str(self.calls).encode()})


def request(path: str = "/api/search", method: str = "GET", **extra: Any) -> Scope:
    headers = extra.pop("headers", [])
    return {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": b"q=x",
        "headers": headers,
        **extra,
    }


async def answer(cache: ResponseCache, scope: Scope) -> bytes:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    await cache(scope, receive, send)
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def ask(cache: ResponseCache, scope: Scope) -> bytes:
    return asyncio.run(answer(cache, scope))


def cache_over(
    app: Counting, generation: list[tuple[int, str]], offload: bool = False
) -> ResponseCache:
    return ResponseCache(app, lambda: generation[0], ResponseStore(), offload=offload)


@pytest.mark.parametrize("offload", [False, True])
def test_a_repeated_read_is_answered_from_the_cache(offload: bool) -> None:
    app = Counting()
    cache = cache_over(app, [(1, "t")], offload)
    assert [ask(cache, request()), ask(cache, request())] == [b"1", b"1"]
    assert app.calls == 1


@pytest.mark.parametrize("offload", [False, True])
def test_a_new_store_generation_is_computed_again(offload: bool) -> None:
    app, generation = Counting(), [(1, "t")]
    cache = cache_over(app, generation, offload)
    ask(cache, request())
    generation[0] = (2, "u")
    assert ask(cache, request()) == b"2"


@pytest.mark.parametrize(
    "scope",
    [
        request(method="POST"),
        request(path="/upload"),
        request(path="/api/ingest/abc"),
        request(headers=[(b"authorization", b"Bearer t")]),
    ],
)
def test_writes_progress_and_credentials_are_never_cached(scope: Scope) -> None:
    app = Counting()
    cache = cache_over(app, [(1, "t")])
    ask(cache, scope)
    ask(cache, scope)
    assert app.calls == 2


def test_only_successful_answers_are_kept() -> None:
    app = Counting(status=404)
    cache = cache_over(app, [(1, "t")])
    ask(cache, request())
    ask(cache, request())
    assert app.calls == 2


def test_query_and_accept_header_tell_answers_apart() -> None:
    app = Counting()
    cache = cache_over(app, [(1, "t")])
    ask(cache, request())
    ask(cache, request(query_string=b"q=y"))
    ask(cache, request(headers=[(b"accept", b"application/json")]))
    assert app.calls == 3


def test_the_store_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(response_cache, "MAX_ENTRIES", 2)
    cache = cache_over(Counting(), [(1, "t")])
    for word in (b"a", b"b", b"c"):
        ask(cache, request(query_string=word))
    assert len(cache.responses) == 2


def test_clear_forgets_every_answer() -> None:
    app = Counting()
    cache = cache_over(app, [(1, "t")])
    ask(cache, request())
    cache.responses.clear()
    assert ask(cache, request()) == b"2"


class Blocking:
    """A generation read that blocks until ``release`` is set (a slow database)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls = 0

    def __call__(self) -> Generation:
        self.calls += 1
        if not self.release.wait(timeout=2):
            raise StoreError("the read was never released")
        return 1, "t"


def test_an_offloaded_read_leaves_the_event_loop_free() -> None:
    """The loop releases the read while it runs; on the loop that would time out."""
    read = Blocking()
    cache = ResponseCache(Counting(), read, ResponseStore(), offload=True)

    async def release_soon() -> None:
        await asyncio.sleep(0.01)
        read.release.set()

    async def both() -> bytes:
        answered, _ = await asyncio.gather(answer(cache, request()), release_soon())
        return answered

    assert asyncio.run(both()) == b"1"


def test_requests_during_an_offloaded_read_share_it() -> None:
    read = Blocking()
    cache = ResponseCache(Counting(), read, ResponseStore(), offload=True)

    async def three() -> list[bytes]:
        asked = [asyncio.ensure_future(answer(cache, request(query_string=q))) for q in b"abc"]
        await asyncio.sleep(0.01)
        read.release.set()
        return list(await asyncio.gather(*asked))

    assert asyncio.run(three()) == [b"1", b"2", b"3"]
    assert read.calls == 1


def test_a_failed_offloaded_read_fails_its_request_and_the_next_reads_again() -> None:
    generation = iter([StoreError("gone"), (1, "t")])

    def read() -> Generation:
        found = next(generation)
        if isinstance(found, StoreError):
            raise found
        return found

    cache = ResponseCache(Counting(), read, ResponseStore(), offload=True)
    with pytest.raises(StoreError):
        ask(cache, request())
    assert ask(cache, request()) == b"1"


def _offloads(store_url: str) -> bool:
    app = create_app(store_url)
    (cache,) = [m for m in app.user_middleware if m.cls is ResponseCache]
    offload: bool = cache.kwargs["offload"]
    app.state.service.close()
    return offload


def test_a_sqlite_store_is_read_on_the_event_loop(tmp_path: Path) -> None:
    assert _offloads(f"sqlite:///{tmp_path / 'store.db'}") is False


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from postgres_schema_url()


def test_a_postgresql_store_is_read_in_a_worker_thread(postgres_url: str) -> None:
    assert _offloads(postgres_url) is True
