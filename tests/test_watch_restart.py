"""A watch that is stopped and started again: it goes on from what the store recorded, on
SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.store.conftest import postgres_schema_url

from lagebild import watch as watch_module
from lagebild.config import Config
from lagebild.ingest import IngestReport
from lagebild.store import Store
from lagebild.store.watched import FAILED, SKIPPED, WatchedFile
from lagebild.watch import WatchReport, watch_folder

LIGHT = Config(stages=("lagebild.clean.v1", "lagebild.language.v1"))

FIRST = "Russische Truppen griffen am Morgen die Stadt an. Niemand wurde verletzt."
SECOND = "Die Verwaltung meldete am Abend Schäden an drei Gebäuden im Zentrum."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh store's URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'watch.db'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A watched folder holding two text files."""
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST)
    (folder / "b.txt").write_text(SECOND)
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every file hashed or ingested from here on: what a watch reads."""
    names: list[str] = []
    real_digest, real_ingest = watch_module.file_digest, watch_module.ingest

    def digest(path: Path) -> str:
        names.append(f"hash {path.name}")
        return real_digest(path)

    def ingest(sources: list[Path], *args: object) -> IngestReport:
        names.append(f"ingest {sources[0].name}")
        return real_ingest(sources, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(watch_module, "file_digest", digest)
    monkeypatch.setattr(watch_module, "ingest", ingest)
    return names


def run_watch(folder: Path, url: str, **options: object) -> WatchReport:
    """One watch of ``folder`` with the store opened afresh, as a new process would."""
    with Store(url) as store:
        return watch_folder(folder, store, LIGHT, once=True, **options)  # type: ignore[arg-type]


def recorded(folder: Path, url: str) -> dict[str, WatchedFile]:
    with Store(url) as store:
        return store.watched(str(folder.resolve())).load()


def test_restart_reads_no_unchanged_file(inbox: Path, url: str, reads: list[str]) -> None:
    run_watch(inbox, url)
    reads.clear()
    report = run_watch(inbox, url)
    assert reads == [] and report.files == 0


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "a.txt").write_text(FIRST + " Später mehr."),
        lambda folder: (folder / "c.txt").write_text(FIRST + " Später mehr."),
    ],
    ids=["changed", "added"],
)
def test_file_changed_or_added_while_stopped_is_ingested(
    inbox: Path, url: str, reads: list[str], change: Callable[[Path], object]
) -> None:
    run_watch(inbox, url)
    change(inbox)
    reads.clear()
    report = run_watch(inbox, url)
    assert report.total.stored == 1 and len([r for r in reads if r.startswith("ingest")]) == 1


def test_file_touched_while_stopped_is_hashed_not_ingested(
    inbox: Path, url: str, reads: list[str]
) -> None:
    run_watch(inbox, url)
    os.utime(inbox / "a.txt", (1e9, 1e9))
    reads.clear()
    report = run_watch(inbox, url)
    assert reads == ["hash a.txt"] and report.unchanged == 1


def test_touched_files_new_time_is_recorded(inbox: Path, url: str, reads: list[str]) -> None:
    run_watch(inbox, url)
    os.utime(inbox / "a.txt", (1e9, 1e9))
    run_watch(inbox, url)
    reads.clear()
    run_watch(inbox, url)
    assert reads == []


def test_file_deleted_while_stopped_is_forgotten(inbox: Path, url: str) -> None:
    run_watch(inbox, url)
    (inbox / "a.txt").unlink()
    run_watch(inbox, url)
    assert list(recorded(inbox, url)) == ["b.txt"]


def test_skipped_file_is_recorded_with_its_reason(inbox: Path, url: str) -> None:
    (inbox / "bild.png").write_bytes(PNG)
    report = run_watch(inbox, url)
    [skip] = report.total.skipped
    png = recorded(inbox, url)["bild.png"]
    assert (png.outcome, png.reason) == (SKIPPED, skip.reason)


def test_skipped_file_stays_skipped_across_a_restart(
    inbox: Path, url: str, reads: list[str]
) -> None:
    (inbox / "bild.png").write_bytes(PNG)
    run_watch(inbox, url)
    reads.clear()
    report = run_watch(inbox, url)
    assert reads == [] and (report.known, report.known_skipped) == (3, 1)


def test_skipped_file_is_read_again_once_it_changes(
    inbox: Path, url: str, reads: list[str]
) -> None:
    (inbox / "bild.png").write_bytes(PNG)
    run_watch(inbox, url)
    (inbox / "bild.png").write_bytes(PNG + b"\x00")
    reads.clear()
    run_watch(inbox, url)
    assert reads == ["hash bild.png", "ingest bild.png"]


def test_failed_file_is_tried_again_by_the_next_watch(
    inbox: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = watch_module.ingest

    def failing(sources: list[Path], *args: object) -> IngestReport:
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(watch_module, "ingest", failing)
    run_watch(inbox, url)
    assert {known.outcome for known in recorded(inbox, url).values()} == {FAILED}
    monkeypatch.setattr(watch_module, "ingest", real)
    assert run_watch(inbox, url).total.stored == 2


def test_state_is_saved_after_each_file(inbox: Path, url: str, reads: list[str]) -> None:
    def interrupt(_path: Path, _part: IngestReport) -> None:
        raise KeyboardInterrupt  # Ctrl-C right after the first file

    assert run_watch(inbox, url, on_file=interrupt).interrupted
    assert list(recorded(inbox, url)) == ["a.txt"]
    reads.clear()
    run_watch(inbox, url)
    assert reads == ["hash b.txt", "ingest b.txt"]


def test_folder_is_known_by_its_resolved_path(
    inbox: Path, url: str, reads: list[str], tmp_path: Path
) -> None:
    run_watch(inbox, url)
    (tmp_path / "verweis").symlink_to(inbox)
    reads.clear()
    run_watch(tmp_path / "verweis", url)
    assert reads == []


def test_moved_folder_takes_its_state_along(
    inbox: Path, url: str, reads: list[str], tmp_path: Path
) -> None:
    run_watch(inbox, url)
    moved = inbox.rename(tmp_path / "umgezogen")
    reads.clear()
    run_watch(moved, url)
    assert reads == [] and recorded(inbox, url) == {}


def test_copied_folder_gets_a_state_of_its_own(
    inbox: Path, url: str, reads: list[str], tmp_path: Path
) -> None:
    run_watch(inbox, url)
    copy = Path(shutil.copytree(inbox, tmp_path / "kopie"))  # copy2 keeps the times
    reads.clear()
    report = run_watch(copy, url)
    assert report.total.duplicates == 2 and len(recorded(inbox, url)) == 2


def test_summary_counts_what_an_earlier_watch_saw(inbox: Path, url: str) -> None:
    (inbox / "bild.png").write_bytes(PNG)
    run_watch(inbox, url)
    summary = run_watch(inbox, url).summary()
    assert summary.endswith("; 3 files seen by an earlier watch (1 skipped)")
