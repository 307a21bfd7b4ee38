"""Ingest on a Dask cluster: documents are analysed on workers and stored here.

Reading happens in this process (so workers on other machines need no access to
the files), and each new document is sent to a worker that runs the configured
pipeline (clean → language → … → events).  On a local cluster the worker stores
the document itself and sends back only what became of it, so this process does
nothing but read and count; an analysed document is bulky, and unpickling and
storing it here made this process a third busy one on the same cores.  Workers
of a cluster elsewhere may not see the store (a SQLite file is on this machine),
so there the analysed document comes back to be stored here.  At most ``2 × worker threads``
documents are out at a time, so memory stays flat however large the corpus.
Everything that links documents to each other (merged events, assessment
threads, entity counts) is computed from the stored records when it is asked
for, so a cluster run stores what a single process stores.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, as_completed
from sqlalchemy.engine import make_url

from lagebild.api import analyze_document, pipeline_for
from lagebild.config import Config
from lagebild.errors import ConfigError, StageError, StoreError
from lagebild.ingest import IngestReport, Progress, admit, record
from lagebild.read import Skip, read_sources
from lagebild.records import Document
from lagebild.store import Store

#: What a worker runs on one document: the analysed document, or why it could not be.
Analyse = Callable[[Document, Config], "Document | Skip"]

#: Documents out on the cluster per worker thread: one running, one waiting to start.
IN_FLIGHT_PER_THREAD = 2

#: Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = 10

#: Dask settings for a local cluster: no statistical profiler sampling every worker's
#: stack every 10 ms, a slower system monitor and event-loop tick, no work stealing (each
#: worker holds at most two documents, so there is nothing worth stealing).  Idle, they
#: cut the cluster's own CPU from 0.037 to 0.015 s per second in this process and from
#: 0.033 to 0.007 in each worker: time the two cores give to documents instead.
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.profile.interval": "1000ms",
    "distributed.worker.profile.cycle": "10s",
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "200ms",
}


def analyse(document: Document, config: Config) -> Document | Skip:
    """Run the pipeline on a worker (built once per worker process and config, in
    ``lagebild.api``'s cache); a failing stage becomes a Skip with its reason."""
    try:
        return analyze_document(document, config=config)
    except StageError as error:  # StageError does not survive pickling; its message does
        return Skip(document.source, str(error))


@dataclass(frozen=True)
class Stored:
    """What a worker that stores did with one document: "stored", "duplicate" or
    "skipped" (with the Skip saying why)."""

    outcome: str
    document_id: str
    skip: Skip | None = None


#: Stores opened by this worker process, by URL: opened (and checked) once, kept open.
_STORES: dict[str, Store] = {}


def analyse_and_store(
    document: Document, config: Config, url: str, analyser: Analyse = analyse
) -> Stored:
    """Analyse and store one document on a worker; what became of it."""
    report = IngestReport()
    try:
        outcome = record(analyser(document, config), _store_at(url), report)
    except StoreError as error:  # the store cannot be opened from this worker
        outcome, report.skipped = "skipped", [Skip(document.source, str(error))]
    return Stored(outcome, document.id, report.skipped[0] if report.skipped else None)


def _store_at(url: str) -> Store:
    if url not in _STORES:
        _STORES[url] = Store(url)
    return _STORES[url]


def warm_up(config: Config) -> list[str]:
    """Build the pipeline on a worker (models load here, once); the stage names."""
    return pipeline_for(config).names


def ingest_on_cluster(
    sources: Iterable[str | Path],
    store: Store,
    config: Config,
    progress: Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> IngestReport:
    """``lagebild.ingest`` with the analysis on ``workers`` local processes or on the
    cluster at ``scheduler``."""
    items = read_sources(sources, config.read)
    writer = None if scheduler else shared_url(store)
    with cluster_client(workers, scheduler) as client:
        return ingest_items(items, store, config, client, progress, store_url=writer)


def shared_url(store: Store) -> str | None:
    """The URL by which processes on this machine reach ``store``; None for a store
    in this process's memory."""
    database = make_url(store.url).database
    if store.engine.dialect.name == "sqlite" and (not database or database == ":memory:"):
        return None
    return store.url


@contextmanager
def cluster_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers``
    single-threaded processes (closed afterwards)."""
    if scheduler:
        with _connect(scheduler) as client:
            yield client
        return
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    with (
        dask.config.set(QUIET),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # a free port: never "8787 is already in use"
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


@contextmanager
def _connect(scheduler: str) -> Iterator[Client]:
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except OSError as error:  # refused, unreachable or timed out
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
    with client:
        yield client


def ingest_items(
    items: Iterable[Document | Skip],
    store: Store,
    config: Config,
    client: Client,
    progress: Progress | None = None,
    analyser: Analyse = analyse,
    store_url: str | None = None,
) -> IngestReport:
    """Analyse ``items`` on the cluster behind ``client`` and store them, at most
    ``IN_FLIGHT_PER_THREAD`` documents per worker thread out at a time; with
    ``store_url`` the workers store each document there themselves."""
    client.run(warm_up, config)  # a bad pipeline fails here, before anything is read
    threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
    limit = IN_FLIGHT_PER_THREAD * max(1, threads)
    batch = _Batch(store, _Reporter(IngestReport(), progress))
    for item in items:
        admitted = admit(item, store, batch.reporter.report, batch.pending)
        if isinstance(admitted, str):
            batch.reporter(admitted, item.source)
            continue
        batch.send(admitted, _submit(client, admitted, config, analyser, store_url))
        if len(batch.pending) >= limit:
            batch.store_next()
    batch.store_rest()
    return batch.reporter.report


def _submit(
    client: Client, document: Document, config: Config, analyser: Analyse, url: str | None
) -> Future[Any]:
    if url is None:
        return client.submit(analyser, document, config, pure=False)
    return client.submit(analyse_and_store, document, config, url, analyser, pure=False)


class _Reporter:
    """The ingest report, and the progress callback told of each outcome."""

    def __init__(self, report: IngestReport, progress: Progress | None) -> None:
        self.report = report
        self.progress = progress

    def __call__(self, outcome: str, source: str) -> None:
        if self.progress is not None:
            self.progress(outcome, source)


class _Batch:
    """Documents out on the cluster, stored as they come back (in any order)."""

    def __init__(self, store: Store, reporter: _Reporter) -> None:
        self.store = store
        self.reporter = reporter
        self.pending: dict[str, Document] = {}  # id → the document sent (for its source)
        self.futures: dict[Future[Any], str] = {}
        self.done = as_completed()  # type: ignore[no-untyped-call]

    def send(self, document: Document, future: Future[Any]) -> None:
        self.pending[document.id] = document
        self.futures[future] = document.id
        self.done.add(future)  # type: ignore[no-untyped-call]

    def store_next(self) -> None:
        self._store(next(self.done))

    def store_rest(self) -> None:
        for future in self.done:
            self._store(future)

    def _store(self, future: Future[Any]) -> None:
        sent = self.pending.pop(self.futures.pop(future))
        result = _result(future, sent)
        if isinstance(result, Stored):
            outcome = _count(result, self.reporter.report)
        else:
            outcome = record(result, self.store, self.reporter.report)
        future.release()  # type: ignore[no-untyped-call]
        self.reporter(outcome, sent.source)


def _count(stored: Stored, report: IngestReport) -> str:
    """Add what a worker did with a document to the report, as ``record`` would have."""
    if stored.skip is not None:
        report.skipped.append(stored.skip)
    elif stored.outcome == "duplicate":
        report.duplicates += 1
    else:
        report.stored += 1
        report.stored_ids.append(stored.document_id)
    return stored.outcome


def _result(future: Future[Any], sent: Document) -> Document | Skip | Stored:
    """What came back: the analysed document, or a Skip saying why the worker failed
    (a stage raised outside the pipeline's own errors, the worker died, …)."""
    if future.status == "error":
        error = future.exception()  # type: ignore[no-untyped-call]
        return Skip(sent.source, f"worker failed: {type(error).__name__}: {error}")
    result: Document | Skip | Stored = future.result()
    return result
