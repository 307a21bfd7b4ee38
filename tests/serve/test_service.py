"""The server's cache: per store generation, one derivation per key at a time, bounded per
kind; cached entity pages and searches equal fresh ones; the cache check reads indexes."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from anyio import to_thread
from fastapi.testclient import TestClient
from sqlalchemy import event

from lagebild.records import Document
from lagebild.serve import create_app, views
from lagebild.serve import service as service_module
from lagebild.serve.generation import SQLITE_GENERATION
from lagebild.serve.service import Service
from lagebild.store.claims import _kb_forms


def _document(n: int) -> Document:
    text = f"Bericht {n}: Drohnen über Charkiw."
    return Document(raw_text=text, text=text, source=f"{n}.txt", language="de")


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    opened = Service(f"sqlite:///{tmp_path / 'cache.db'}")
    opened.store.add(_document(1))
    yield opened
    opened.close()


def _counting(values: list[str]) -> tuple[list[int], Callable[[], str]]:
    """A derivation giving ``values`` one by one, and how often it ran."""
    calls = [0]

    def derive() -> str:
        calls[0] += 1
        return values[calls[0] - 1]

    return calls, derive


def test_a_result_is_derived_once_per_generation(service: Service) -> None:
    calls, derive = _counting(["first", "second"])
    assert [service.cached(("k",), derive) for _ in range(3)] == ["first"] * 3
    assert calls == [1]


def test_an_ingest_makes_the_next_request_derive_afresh(service: Service) -> None:
    calls, derive = _counting(["before", "after"])
    service.cached(("k",), derive)
    service.store.add(_document(2))
    assert service.cached(("k",), derive) == "after"
    assert calls == [2]


def test_an_error_is_not_remembered(service: Service) -> None:
    def fail() -> str:
        raise LookupError("not there")

    with pytest.raises(LookupError):
        service.cached(("k",), fail)
    assert service.cached(("k",), lambda: "found") == "found"


def test_requests_for_a_key_being_derived_wait_for_it(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    second_arrived = threading.Event()
    calls: list[str] = []
    generation = service.generation

    def noting_arrival() -> tuple[int, str]:
        if threading.current_thread().name == "second":
            second_arrived.set()
        return generation()

    def slow() -> str:
        calls.append(threading.current_thread().name)
        assert second_arrived.wait(5)
        time.sleep(0.2)  # the second request is past the cache check and waiting
        return "derived"

    monkeypatch.setattr(service, "generation", noting_arrival)
    results: dict[str, str] = {}

    def ask() -> None:
        results[threading.current_thread().name] = service.cached(("k",), slow)

    threads = [threading.Thread(target=ask, name=name) for name in ("first", "second")]
    threads[0].start()
    while not calls:  # the first request is deriving
        time.sleep(0.01)
    threads[1].start()
    for thread in threads:
        thread.join(10)
    assert results == {"first": "derived", "second": "derived"}
    assert calls == ["first"]


def test_each_kind_keeps_its_own_entries(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service_module, "CACHE_SIZES", {"small": 2, "big": 5})
    service.cached(("big", 0), lambda: "kept")
    for n in range(4):
        service.cached(("small", n), lambda: "small")
    calls, derive = _counting(["again"])
    assert service.cached(("big", 0), derive) == "kept"
    service.cached(("small", 0), derive)
    assert calls == [1]  # the oldest small one was dropped, the big one stayed


def test_the_cache_check_reads_indexes_only(service: Service) -> None:
    with service.store.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {SQLITE_GENERATION}").all()
    reads = [str(row[3]) for row in rows if "documents" in str(row[3])]
    assert len(reads) == 2
    assert all("COVERING INDEX ix_documents_ingested_at" in read for read in reads)


@pytest.mark.parametrize("where", ["file", "memory"])
def test_the_generation_changes_with_each_document(tmp_path: Path, where: str) -> None:
    url = f"sqlite:///{tmp_path / 'g.db'}" if where == "file" else "sqlite://"
    service = Service(url)
    seen = [service.generation()]
    for n in range(2):
        service.store.add(_document(n))
        seen.append(service.generation())
    service.close()
    assert [count for count, _ in seen] == [0, 1, 2]
    assert len(set(seen)) == 3


def _link(section: str, offset: int) -> str:
    return f"?{section}_offset={offset}"


def test_a_cached_entity_page_equals_a_fresh_one(store_url: str) -> None:
    cached, fresh = Service(store_url), Service(store_url)
    offsets = views.EntityOffsets(claims_about=1)
    entity_id = "place/minsk"
    first = views.entity(cached, entity_id, offsets, _link)
    again = views.entity(cached, entity_id, offsets, _link)
    assert again == first == views.entity(fresh, entity_id, offsets, _link)


def test_a_cached_entity_page_reads_only_the_generation(store_url: str) -> None:
    service = Service(store_url)
    views.entity(service, "place/minsk", views.EntityOffsets(), _link)
    statements: list[str] = []
    event.listen(
        service.store.engine,
        "before_cursor_execute",
        lambda _c, _k, statement, *_: statements.append(statement),
    )
    views.entity(service, "place/minsk", views.EntityOffsets(), _link)
    assert [s for s in statements if not s.startswith("BEGIN")] == [
        s for s in statements if "max(documents.ingested_at)" in s
    ]


@pytest.mark.parametrize("offset", [0, 1])
def test_a_cached_search_equals_a_fresh_one(store_url: str, offset: int) -> None:
    cached, fresh = Service(store_url), Service(store_url)

    def search(service: Service) -> object:
        return views.search(service, "Minsk", {}, 2, offset, lambda n: f"?offset={n}")

    search(cached)
    assert search(cached) == search(fresh)


def test_the_app_limits_its_threads_and_loads_the_knowledge_base(store_url: str) -> None:
    _kb_forms.cache_clear()
    gc.unfreeze()
    with TestClient(create_app(store_url, threads=3)) as client:
        assert gc.get_freeze_count() > 0  # what start-up loaded is kept out of full passes
        assert client.portal is not None
        tokens = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
        assert tokens == 3
        assert _kb_forms.cache_info().currsize == 1
