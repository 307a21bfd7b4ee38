"""Ingest on a Dask cluster: documents are analysed on workers and stored here.

Reading happens in this process (so workers on other machines need no access to
the files), each new document is sent to a worker that runs the configured
pipeline (clean → language → … → events), and the analysed document comes back
to be stored: the store has one writer.  At most ``2 × worker threads``
documents are out at a time, so memory stays flat however large the corpus.
Everything that links documents to each other (merged events, assessment
threads, entity counts) is computed from the stored records when it is asked
for, so a cluster run stores what a single process stores.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster, as_completed

from lagebild.api import analyze_document, pipeline_for
from lagebild.config import Config
from lagebild.errors import ConfigError, StageError
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


def analyse(document: Document, config: Config) -> Document | Skip:
    """Run the pipeline on a worker (built once per worker process and config, in
    ``lagebild.api``'s cache); a failing stage becomes a Skip with its reason."""
    try:
        return analyze_document(document, config=config)
    except StageError as error:  # StageError does not survive pickling; its message does
        return Skip(document.source, str(error))


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
    with cluster_client(workers, scheduler) as client:
        return ingest_items(read_sources(sources, config.read), store, config, client, progress)


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
) -> IngestReport:
    """Analyse ``items`` on the cluster behind ``client`` and store them, at most
    ``IN_FLIGHT_PER_THREAD`` documents per worker thread out at a time."""
    client.run(warm_up, config)  # a bad pipeline fails here, before anything is read
    threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
    limit = IN_FLIGHT_PER_THREAD * max(1, threads)
    batch = _Batch(store, _Reporter(IngestReport(), progress))
    for item in items:
        admitted = admit(item, store, batch.reporter.report, batch.pending)
        if isinstance(admitted, str):
            batch.reporter(admitted, item.source)
            continue
        batch.send(admitted, client.submit(analyser, admitted, config, pure=False))
        if len(batch.pending) >= limit:
            batch.store_next()
    batch.store_rest()
    return batch.reporter.report


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
        outcome = record(_result(future, sent), self.store, self.reporter.report)
        future.release()  # type: ignore[no-untyped-call]
        self.reporter(outcome, sent.source)


def _result(future: Future[Any], sent: Document) -> Document | Skip:
    """What came back: the analysed document, or a Skip saying why the worker failed
    (a stage raised outside the pipeline's own errors, the worker died, …)."""
    if future.status == "error":
        error = future.exception()  # type: ignore[no-untyped-call]
        return Skip(sent.source, f"worker failed: {type(error).__name__}: {error}")
    result: Document | Skip = future.result()
    return result
