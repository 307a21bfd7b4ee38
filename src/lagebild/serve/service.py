"""What every route needs: the open store, the upload token, the ingest jobs, and a cache
of the results that are slow to derive (merged events, assessment threads).

The cache is keyed by the store's generation (document count and newest ingest time), so
an ingest, from this server or another process, makes the next request derive afresh.
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select

from lagebild.config import Config, load_config
from lagebild.serve.jobs import IngestJobs
from lagebild.store import Store
from lagebild.store.browse import reading
from lagebild.store.schema import documents

T = TypeVar("T")
CACHE_SIZE = 64


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
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def close(self) -> None:
        self.jobs.shutdown()
        self.store.close()

    def token_matches(self, given: str | None) -> bool:
        """Whether uploads are enabled and ``given`` is the token (compared in constant time)."""
        if self.token is None or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def generation(self) -> tuple[int, str]:
        """Changes whenever a document is stored."""
        query = select(func.count(), func.max(documents.c.ingested_at)).select_from(documents)
        with reading(self.store, "cannot read the store's state") as connection:
            count, newest = connection.execute(query).one()
        return int(count), str(newest)

    def cached(self, key: Hashable, derive: Callable[[], T]) -> T:
        """``derive()``, remembered for this store generation."""
        full = (self.generation(), key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[no-any-return]
        value = derive()
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value
