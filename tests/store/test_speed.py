"""Bulk ingest is fast, and concurrent writers on one SQLite file neither fail nor duplicate."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lagebild.records import Document, Entity, EntityType, Mention, TimeExpression
from lagebild.store import Store

#: Seconds for 1,000 small documents; about one on a laptop, generous for a busy CI runner.
BUDGET = 30.0


def small_document(i: int) -> Document:
    text = f"Bericht {i}: Drohnenangriff auf Charkiw. Russian forces shelled Kharkiv, report {i}."
    return Document(
        source=f"{i}.txt",
        raw_text=text,
        text=text,
        language="de",
        entities=[
            Entity(
                id="place/kharkiv",
                name="Kharkiv",
                type=EntityType.PLACE,
                mentions=[Mention(start=31, end=38, text="Charkiw")],
            )
        ],
        times=[TimeExpression(start=0, end=7, text="Bericht")],
    )


def test_a_thousand_small_documents_take_seconds(tmp_path: Path) -> None:
    documents = [small_document(i) for i in range(1_000)]
    with Store(str(tmp_path / "many.db")) as store:
        started = time.perf_counter()
        results = [store.add(document) for document in documents]
        elapsed = time.perf_counter() - started
        assert all(result.stored for result in results)
        assert len(store.search("Charkiw", limit=2_000)) == 1_000
    assert elapsed < BUDGET, f"1,000 documents took {elapsed:.1f} s"


def test_concurrent_writers_store_each_document_once(tmp_path: Path) -> None:
    url = str(tmp_path / "shared.db")
    Store(url).close()
    documents = [small_document(i) for i in range(300)]

    def ingest(_: int) -> int:
        with Store(url) as store:
            return sum(store.add(document).stored for document in documents)

    with ThreadPoolExecutor(max_workers=4) as pool:
        stored = sum(pool.map(ingest, range(4)))
    with Store(url) as store:
        assert stored == store.stats().documents == 300
