"""Whole answers to reads, per store generation: served again, never across a change."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from lagebild.serve import response_cache
from lagebild.serve.response_cache import ResponseCache, ResponseStore


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


def ask(cache: ResponseCache, scope: Scope) -> bytes:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(cache(scope, receive, send))
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def cache_over(app: Counting, generation: list[tuple[int, str]]) -> ResponseCache:
    return ResponseCache(app, lambda: generation[0], ResponseStore())


def test_a_repeated_read_is_answered_from_the_cache() -> None:
    app = Counting()
    cache = cache_over(app, [(1, "t")])
    assert [ask(cache, request()), ask(cache, request())] == [b"1", b"1"]
    assert app.calls == 1


def test_a_new_store_generation_is_computed_again() -> None:
    app, generation = Counting(), [(1, "t")]
    cache = cache_over(app, generation)
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
