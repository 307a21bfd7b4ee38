"""What every route needs: the open store, the upload token, the ingest jobs, and a cache
of the results that are slow to derive (merged events, assessment threads, ranked search
hits with their facets, entity profiles).

The cache is keyed by the store's generation (document count and newest ingest time), so
an ingest, from this server or another process, makes the next request derive afresh.
Each kind of result has its own bound, so many small entries (one per entity asked for)
never push out the few large ones (all merged events) and the other way round.
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

from lagebild.config import Config, load_config
from lagebild.serve.generation import GenerationProbe
from lagebild.serve.jobs import IngestJobs
from lagebild.serve.response_cache import ResponseStore
from lagebild.store import Store
from lagebild.store.claims import load_forms

T = TypeVar("T")
#: Entries kept per kind of result (the first element of a cache key), newest used first.
#: Sized by what an entry holds: all merged events or threads of a filter (up to 100,000),
#: a query's best 500 hits with facets (0.17 MB on the load bench's store), an entity
#: page's sections (0.07 MB there), a page of snippets or a profile (a few KB).
CACHE_SIZES: dict[str, int] = {
    "events": 16,
    "threads": 16,
    "search": 128,
    "snippets": 512,
    "profile": 1024,
    "entity": 256,
}
DEFAULT_CACHE_SIZE = 64


class Service:
    """One per app: the store and everything derived from it."""

    def __init__(
        self,
        store_url: str | None,
        token: str | None = None,
        config: Config | None = None,
        max_upload: int = 20 * 1024 * 1024,
    ) -> None:
        self.store = Store(store_url)
        self.token = token or None
        self.config = config or load_config()
        self.max_upload = max_upload
        self.jobs = IngestJobs(self.store, self.config)
        self._probe = GenerationProbe(self.store)
        #: Whole answers to reads, kept by the ``ResponseCache`` middleware.
        self.responses = ResponseStore()
        self._caches: dict[Hashable, OrderedDict[Hashable, Any]] = {}
        self._generation: tuple[int, str] | None = None
        self._pending: dict[Hashable, Future[Any]] = {}
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Loads what the first requests would otherwise wait for: the knowledge base,
        which claim filters resolve names and topics with (seconds to load)."""
        load_forms()

    def close(self) -> None:
        self.jobs.shutdown()
        self._probe.close()
        self.store.close()

    def token_matches(self, given: str | None) -> bool:
        """Whether uploads are enabled and ``given`` is the token (compared in constant time)."""
        if self.token is None or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def generation(self) -> tuple[int, str]:
        """Changes whenever a document is stored (see ``generation.py``)."""
        return self._probe()

    def cached(self, key: tuple[Hashable, ...], derive: Callable[[], T]) -> T:
        """``derive()``, remembered for this store generation; ``key[0]`` is its kind.

        One derivation per key at a time: requests for a key being derived wait for that
        result (or its error) instead of deriving it again side by side."""
        full = (self.generation(), key)
        with self._lock:
            self._forget_before(full[0])
            cache = self._caches.setdefault(key[0], OrderedDict())
            if full in cache:
                cache.move_to_end(full)
                return cache[full]  # type: ignore[no-any-return]
            pending = self._pending.get(full)
            deriving = pending is None
            if pending is None:
                pending = self._pending[full] = Future()
        if not deriving:
            return pending.result()  # type: ignore[no-any-return]
        return self._derive(full, derive, pending)

    def _derive(
        self,
        full: tuple[tuple[int, str], tuple[Hashable, ...]],
        derive: Callable[[], T],
        pending: Future[Any],
    ) -> T:
        try:
            value = derive()
        except BaseException as error:
            with self._lock:
                del self._pending[full]
            pending.set_exception(error)
            raise
        with self._lock:
            kind = full[1][0]
            cache = self._caches.setdefault(kind, OrderedDict())
            cache[full] = value
            while len(cache) > CACHE_SIZES.get(str(kind), DEFAULT_CACHE_SIZE):
                cache.popitem(last=False)
            del self._pending[full]
        pending.set_result(value)
        return value

    def _forget_before(self, generation: tuple[int, str]) -> None:
        """Drops every result of an older store: none is asked for again (under the lock)."""
        if generation != self._generation:
            self._caches.clear()
            self._generation = generation
