"""Whole responses to read requests, remembered per store generation, in front of the app.

The derived results behind a page are cached already (``Service.cached``), yet a warm
request still cost about 2 ms of CPU: routing, dependency solving, a hop to a worker
thread, validation and serialisation or template rendering.  Under load that CPU is the
latency.  A GET that was answered 200 before, for the same path, query and ``Accept``
header and the same store generation (documents stored and newest ingest time), gets the
same bytes again straight from here.

Only reads are cached: uploads and ingest progress are not, nor requests that carry
credentials, nor answers other than 200.  A result is filed under the generation read
*before* it was computed, so a result computed while an ingest ran is never served for
the newer store.  Entries are bounded in number and bytes, least recently used first out.

The generation is read before every cacheable request.  From a SQLite file that takes
about 9 µs on the server's own connection, and it is read on the event loop: a hop to a
worker thread would cost 15 times the read (139 µs).  Through PostgreSQL's pool it takes
0.3-1 ms, so there it is read in a worker thread of its own (never queued behind the
routes' threads), and requests arriving while a read is under way share that read
instead of each taking a connection: the answer they get is the store's state when the
read began, at most one read older than their arrival, and is still read before their
answer is computed.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from anyio import CapacityLimiter, to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Paths whose answers change without a store generation changing, or that write.
UNCACHED_PREFIXES = ("/upload", "/ingest", "/api/ingest", "/static")
#: Request headers that make an answer personal.
PERSONAL_HEADERS = frozenset({b"authorization", b"cookie"})
MAX_ENTRIES = 4096
MAX_BYTES = 256 * 1024 * 1024
#: Larger answers are not kept: one would push out hundreds of small ones.
MAX_ENTRY_BYTES = 4 * 1024 * 1024

Key = tuple[str, bytes, bytes]
Generation = tuple[int, str]


@dataclass(frozen=True)
class Stored:
    """One remembered answer."""

    generation: Generation
    start: Message
    body: bytes


class ResponseStore:
    """Remembered answers, least recently used first out, bounded in number and bytes."""

    def __init__(self) -> None:
        self._entries: OrderedDict[Key, Stored] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def lookup(self, key: Key, generation: Generation) -> Stored | None:
        with self._lock:
            stored = self._entries.get(key)
            if stored is None or stored.generation != generation:
                return None
            self._entries.move_to_end(key)
            return stored

    def file(self, key: Key, stored: Stored) -> None:
        if len(stored.body) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self._bytes -= len(old.body) if old else 0
            self._entries[key] = stored
            self._bytes += len(stored.body)
            while len(self._entries) > MAX_ENTRIES or self._bytes > MAX_BYTES:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        """Forget every answer (the server's settings changed under it: tests)."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)


class SharedRead:
    """The generation read in a worker thread of its own, one read at a time: callers that
    arrive while a read runs await that read."""

    def __init__(self, generation: Callable[[], Generation]) -> None:
        self.generation = generation
        self._limiter = CapacityLimiter(1)
        self._running: asyncio.Task[Generation] | None = None

    async def __call__(self) -> Generation:
        running = self._running
        if running is None or running.done():
            running = self._running = asyncio.ensure_future(self._read())
        # Shielded: a request that goes away does not cancel the read the others await.
        return await asyncio.shield(running)

    async def _read(self) -> Generation:
        return await to_thread.run_sync(self.generation, limiter=self._limiter)


class ResponseCache:
    """ASGI middleware answering GETs from ``responses`` when the store is unchanged.

    ``offload``: read the generation in a worker thread (``SharedRead``) rather than on
    the event loop; for stores not read in microseconds (all but a SQLite file)."""

    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[], Generation],
        responses: ResponseStore,
        offload: bool = False,
    ) -> None:
        self.app = app
        self.generation = generation
        self.responses = responses
        self.shared = SharedRead(generation) if offload else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        generation = await self.shared() if self.shared else self.generation()
        stored = self.responses.lookup(key, generation)
        if stored is not None:
            await send(stored.start)
            await send({"type": "http.response.body", "body": stored.body})
            return
        await self.app(scope, receive, self._recorder(key, generation, send))

    def _recorder(self, key: Key, generation: Generation, send: Send) -> Send:
        """``send``, keeping a copy of a 200 answer to file when it is complete."""
        start: Message = {}
        parts: list[bytes] = []

        async def recording(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.responses.file(key, Stored(generation, start, b"".join(parts)))
            await send(message)

        return recording


def _key(scope: Scope) -> Key | None:
    """What identifies a cacheable request's answer; None for requests never cached."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path: str = scope["path"]
    if path.startswith(UNCACHED_PREFIXES):
        return None
    headers = dict(scope["headers"])
    if PERSONAL_HEADERS & headers.keys():
        return None
    return path, scope.get("query_string", b""), headers.get(b"accept", b"")
