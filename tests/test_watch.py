"""Watching a folder: new and changed files ingested, touched and unchanged ones not read again."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lagebild import ingest as ingest_module
from lagebild import watch as watch_module
from lagebild.config import Config
from lagebild.errors import ReadError
from lagebild.ingest import IngestReport
from lagebild.records import Document
from lagebild.store import Store
from lagebild.watch import WatchReport, watch_folder

#: The cheap stages: enough to store a document, fast enough for many polls.
LIGHT = Config(stages=("lagebild.clean.v1", "lagebild.language.v1"))

FIRST = "Russische Truppen griffen am Morgen die Stadt an. Niemand wurde verletzt."
SECOND = "Die Verwaltung meldete am Abend Schäden an drei Gebäuden im Zentrum."


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path_factory.mktemp('db') / 'watch.db'}")
    yield opened
    opened.close()


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The raw text of every document analysed from here on."""
    texts: list[str] = []
    real = ingest_module.analyze_document

    def counting(document: Document, **options: object) -> Document:
        texts.append(document.raw_text)
        return real(document, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "analyze_document", counting)
    return texts


def once(folder: Path, store: Store, **options: object) -> WatchReport:
    return watch_folder(folder, store, LIGHT, once=True, **options)  # type: ignore[arg-type]


def jsonl(*texts: str) -> str:
    return "".join(json.dumps({"text": text}) + "\n" for text in texts)


def test_new_files_are_ingested(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(FIRST)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(SECOND)
    report = once(tmp_path, store)
    assert (report.polls, report.files, report.total.stored) == (1, 2, 2)


def test_hidden_files_are_not_watched(tmp_path: Path, store: Store) -> None:
    (tmp_path / ".notiz.txt").write_text(FIRST)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(SECOND)
    assert once(tmp_path, store).files == 0


def poll_twice(folder: Path, store: Store, between: Callable[[], object]) -> WatchReport:
    """Two polls of ``folder``, with ``between()`` run after the first."""
    report = WatchReport()
    watch = watch_module.open_watch(folder, store, settle=0)
    watch_module.poll(watch, store, LIGHT, report, None)
    between()
    watch_module.poll(watch, store, LIGHT, report, None)
    return report


def test_unchanged_file_is_not_read_again(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(FIRST)
    report = poll_twice(tmp_path, store, lambda: None)
    assert (report.polls, report.files, report.unchanged) == (2, 1, 0)


def test_touched_file_is_hashed_not_ingested(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FIRST)
    report = poll_twice(tmp_path, store, lambda: os.utime(path, (1e9, 1e9)))
    assert (report.files, report.unchanged) == (1, 1)


def test_changed_file_analyses_only_its_new_documents(
    tmp_path: Path, store: Store, analysed: list[str]
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(jsonl(FIRST))
    report = poll_twice(tmp_path, store, lambda: path.write_text(jsonl(FIRST, SECOND)))
    assert report.files == 2
    assert analysed == [FIRST, SECOND]  # FIRST once, though its file was read twice
    assert (report.total.stored, report.total.duplicates) == (2, 1)


def test_bad_file_is_a_recorded_skip_and_not_retried(tmp_path: Path, store: Store) -> None:
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "a.txt").write_text(FIRST)
    report = poll_twice(tmp_path, store, lambda: None)
    assert report.files == 2 and report.total.stored == 1
    assert [Path(skip.source).name for skip in report.total.skipped] == ["bild.png"]


def test_unexpected_failure_on_one_file_does_not_end_the_watch(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(FIRST)
    (tmp_path / "b.txt").write_text(SECOND)
    real = watch_module.ingest

    def failing_on_a(sources: list[Path], *args: object) -> IngestReport:
        if sources[0].name == "a.txt":
            raise RuntimeError("kaputt")
        return real(sources, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(watch_module, "ingest", failing_on_a)
    report = once(tmp_path, store)
    assert report.total.stored == 1
    [skip] = report.total.skipped
    assert (Path(skip.source).name, skip.reason) == ("a.txt", "ingest failed: RuntimeError: kaputt")


def test_file_being_written_waits_for_the_next_poll(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FIRST)
    report = WatchReport()
    watch = watch_module.open_watch(tmp_path, store, settle=60)
    watch_module.poll(watch, store, LIGHT, report, None)
    assert report.files == 0
    os.utime(path, (1e9, 1e9))  # now long settled
    watch_module.poll(watch, store, LIGHT, report, None)
    assert report.files == 1


def test_deleted_file_is_forgotten_and_read_again_when_it_returns(
    tmp_path: Path, store: Store, analysed: list[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FIRST)
    report = WatchReport()
    watch = watch_module.open_watch(tmp_path, store, settle=0)
    watch_module.poll(watch, store, LIGHT, report, None)
    path.unlink()
    watch_module.poll(watch, store, LIGHT, report, None)
    assert watch.seen == {}
    path.write_text(FIRST)
    watch_module.poll(watch, store, LIGHT, report, None)
    assert (report.files, report.total.duplicates, analysed) == (2, 1, [FIRST])


def test_watch_polls_until_stopped(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(FIRST)
    stop = threading.Event()
    done: list[str] = []

    def on_file(path: Path, _part: IngestReport) -> None:
        done.append(path.name)
        if path.name == "a.txt":
            (tmp_path / "b.txt").write_text(SECOND)  # arrives while the watch runs
        else:
            stop.set()

    report = watch_folder(
        tmp_path, store, LIGHT, interval=0.01, settle=0, stop=stop, on_file=on_file
    )
    assert done == ["a.txt", "b.txt"]
    assert report.polls >= 2 and not report.interrupted


def test_ctrl_c_ends_the_watch_with_its_report(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(FIRST)

    def interrupt(_path: Path, _part: IngestReport) -> None:
        raise KeyboardInterrupt

    report = watch_folder(tmp_path, store, LIGHT, interval=0.01, settle=0, on_file=interrupt)
    assert report.interrupted and report.total.stored == 1


def test_a_missing_folder_is_an_error(tmp_path: Path, store: Store) -> None:
    with pytest.raises(ReadError, match="not a folder"):
        once(tmp_path / "fehlt", store)
