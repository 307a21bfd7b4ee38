"""Ingest on a Dask cluster stores what a single process stores, and survives bad documents."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import pytest
from distributed import Client

import lagebild.distributed as distributed
from lagebild import api
from lagebild.cli import main
from lagebild.config import Config, load_config
from lagebild.distributed import (
    Stored,
    analyse,
    analyse_and_store,
    cluster_client,
    ingest_items,
    ingest_on_cluster,
    shared_url,
)
from lagebild.errors import ConfigError, StageError
from lagebild.ingest import ingest
from lagebild.read import Skip, document_from_text
from lagebild.records import Document
from lagebild.store import Store
from lagebild.store.assessments import ThreadFilter
from lagebild.store.events import EventFilter

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EVERYTHING = 10_000


@pytest.fixture(scope="module")
def processes() -> Iterator[Client]:
    """A local cluster of two single-threaded worker processes, as ``--workers 2`` starts."""
    with cluster_client(2, None) as client:
        yield client


@pytest.fixture(scope="module")
def threads() -> Iterator[Client]:
    """A cluster of one worker thread in this process: fast, and sees test-only analysers."""
    with Client(  # type: ignore[no-untyped-call]
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0"
    ) as client:
        yield client


def _address(client: Client) -> str:
    return str(client.scheduler.address)  # type: ignore[union-attr]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'cluster.db'}") as opened:
        yield opened


def stored(store: Store) -> dict[str, Any]:
    """Everything a store holds and links, in a comparable form."""
    ids = sorted(summary.document_id for summary in store.documents(limit=EVERYTHING))
    threads = store.assessments(ThreadFilter(min_reports=1), EVERYTHING)
    return {
        "documents": {i: store.get(i).model_dump(mode="json") for i in ids},
        "records": store.stats().records,
        "entities": store.entity_summary(limit=EVERYTHING),
        "events": [event.model_dump(mode="json") for event in store.events(EventFilter(), 999)],
        "threads": [thread.model_dump(mode="json") for thread in threads],
    }


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a single-process ingest of the examples stores."""
    with Store(f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}") as alone:
        ingest([EXAMPLES], alone)
        return stored(alone)


def test_cluster_stores_what_one_process_stores(
    processes: Client, store: Store, one_process: dict[str, Any]
) -> None:
    expected = one_process
    report = ingest([EXAMPLES], store, scheduler=_address(processes))
    assert (report.stored, report.skipped) == (len(expected["documents"]), [])
    assert stored(store) == expected


def test_local_workers_store_what_one_process_stores(
    store: Store, one_process: dict[str, Any]
) -> None:
    expected = one_process
    report = ingest_on_cluster([EXAMPLES], store, load_config(), workers=2)
    assert (report.stored, report.skipped) == (len(expected["documents"]), [])
    assert sorted(report.stored_ids) == sorted(expected["documents"])
    assert stored(store) == expected


def test_a_document_stored_meanwhile_is_a_duplicate_on_the_worker(
    threads: Client, store: Store
) -> None:
    first = _documents(1)[0]
    store.add(first)
    result = analyse_and_store(first, load_config(), store.url, _fail_on_three)
    assert result == Stored("duplicate", first.id)


def test_a_worker_that_cannot_open_the_store_skips_with_the_reason(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing' / 'x.db'}"
    result = analyse_and_store(_documents(1)[0], load_config(), url, _fail_on_three)
    assert (result.outcome, result.skip and result.skip.source) == ("skipped", "doc0.txt")
    assert result.skip is not None and "missing" in result.skip.reason


@pytest.mark.parametrize(
    ("url", "shared"),
    [("sqlite://", False), ("sqlite:///:memory:", False), ("sqlite:///{tmp}/a.db", True)],
)
def test_only_a_store_outside_this_process_is_shared(
    url: str, shared: bool, tmp_path: Path
) -> None:
    with Store(url.format(tmp=tmp_path)) as opened:
        assert (shared_url(opened) is not None) == shared


def test_local_workers_run_without_the_profiler(processes: Client) -> None:
    enabled = processes.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert list(enabled.values()) == [False, False]


def test_models_load_once_per_worker(processes: Client, store: Store) -> None:
    ingest([EXAMPLES], store, scheduler=_address(processes))
    pipelines = processes.run(lambda: len(api._PIPELINES))
    assert list(pipelines.values()) == [1, 1]


def test_cli_ingests_on_a_scheduler(
    processes: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    address = _address(processes)
    code = main(["--db", db, "ingest", "-q", "--scheduler", address, str(EXAMPLES)])
    assert code == 0
    assert "skipped 0" in capsys.readouterr().out


def _documents(count: int) -> list[Document]:
    return [document_from_text(f"Satz Nummer {n}.", f"doc{n}.txt") for n in range(count)]


def _fail_on_three(document: Document, config: Config) -> Document | Skip:
    if document.source == "doc3.txt":
        raise RuntimeError("worker lost")
    return document


def test_a_failing_document_is_a_skip_with_its_reason(threads: Client, store: Store) -> None:
    report = ingest_items(_documents(5), store, load_config(), threads, analyser=_fail_on_three)
    assert report.stored == 4
    assert [(s.source, s.reason) for s in report.skipped] == [
        ("doc3.txt", "worker failed: RuntimeError: worker lost")
    ]


def test_a_failing_stage_is_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(document: Document, config: Config) -> Document:
        raise StageError("lagebild.clean.v1", document.source, "broken")

    monkeypatch.setattr(distributed, "analyze_document", fail)
    result = analyse(document_from_text("Ein Satz.", "a.txt"), load_config())
    assert result == Skip("a.txt", "stage 'lagebild.clean.v1' failed on a.txt: broken")


def test_a_document_read_twice_is_analysed_once(threads: Client, store: Store) -> None:
    twice = [*_documents(2), *_documents(2)]
    report = ingest_items(twice, store, load_config(), threads, analyser=_fail_on_three)
    assert (report.read, report.stored, report.duplicates) == (4, 2, 2)


def _slowly(document: Document, config: Config) -> Document | Skip:
    time.sleep(0.01)
    return document


def test_at_most_two_documents_per_thread_are_out(threads: Client, store: Store) -> None:
    out: list[int] = []
    outcomes: list[str] = []

    def counted() -> Iterator[Document]:
        for sent, document in enumerate(_documents(12)):
            out.append(sent + 1 - len(outcomes))  # this one and those not yet back
            yield document

    ingest_items(
        counted(), store, load_config(), threads, lambda o, _s: outcomes.append(o), _slowly
    )
    assert (max(out), len(outcomes)) == (2, 12)


def test_no_workers_and_no_scheduler_is_refused() -> None:
    with pytest.raises(ConfigError, match="at least 1"), cluster_client(0, None):
        pass


def test_an_unreachable_scheduler_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ConfigError, match="cannot reach"), cluster_client(0, "tcp://127.0.0.1:9"):
        pass
