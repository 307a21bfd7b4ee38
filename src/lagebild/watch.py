"""Watch a folder: ingest every file that is new or has changed, poll after poll, until stopped.

A file counts as changed when its modification time or size differ from the last
look *and* its bytes hash differently (a touched file is not read again).  A
changed file is ingested whole through ``ingest``, which analyses only the
documents the store does not hold yet (a document's id is the hash of its
text), so a feed or archive that grew by one entry costs one analysis.

A file modified less than ``settle`` seconds ago is left for the next poll: it
may still be being written.  A file that cannot be read is a recorded Skip and
is not tried again until it changes; an unexpected failure on one file is
recorded the same way (not retried by this watch) and the watch goes on.  Ctrl-C ends the watch after the
document being stored.

What was seen is kept in the store (``store/watched.py``, decision 0029), file by
file as each is ingested: a restarted watch reads only the files that changed, or
appeared, while it was stopped, forgets files deleted meanwhile, and leaves a
skipped file skipped until it changes.  A file whose documents the store did not
all take (an analysis or the store failed) is tried once more by the next watch.
A folder is known by its resolved path; one moved elsewhere (gone from its old
place, its files there with the same relative paths, times and sizes) takes its
state along.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lagebild.config import Config
from lagebild.errors import ReadError
from lagebild.ingest import IngestReport, ingest
from lagebild.read import Skip
from lagebild.read.dispatch import JUNK
from lagebild.store import Store
from lagebild.store.watched import FAILED, INGESTED, SKIPPED, WatchedFile, WatchedFolder

#: Called after each file is ingested, with its path and what its ingest did.
FileDone = Callable[[Path, IngestReport], None]

HASH_CHUNK = 1 << 20

#: Seconds a file must stay unmodified before a continuing watch reads it.
SETTLE_SECONDS = 1.0


@dataclass
class WatchReport:
    """What a watch did: polls, files ingested, touched files passed over, ingest totals,
    and the files an earlier watch of the folder had seen."""

    polls: int = 0
    files: int = 0
    unchanged: int = 0
    interrupted: bool = False
    total: IngestReport = field(default_factory=IngestReport)
    known: int = 0
    known_skipped: int = 0

    def add(self, part: IngestReport) -> None:
        self.files += 1
        self.total.read += part.read
        self.total.stored += part.stored
        self.total.duplicates += part.duplicates
        self.total.skipped.extend(part.skipped)
        self.total.stored_ids.extend(part.stored_ids)

    def summary(self) -> str:
        done = f"{self.polls} polls, {self.files} files ingested: {self.total.summary()}"
        if not self.known:
            return done
        return f"{done}; {self.known} files seen by an earlier watch ({self.known_skipped} skipped)"


@dataclass
class Watch:
    """One folder being watched: its files as last seen, by path relative to the folder, and
    their record in the store."""

    folder: Path
    state: WatchedFolder
    settle: float = SETTLE_SECONDS
    seen: dict[str, WatchedFile] = field(default_factory=dict)
    #: Files an earlier watch failed to ingest whole: read once more though unchanged.
    retry: set[str] = field(default_factory=set)

    def changed_files(self, report: WatchReport) -> list[tuple[str, WatchedFile]]:
        """Files that are new or whose content changed since they were last ingested."""
        present = set()
        changed = []
        for path, status in folder_files(self.folder):
            name = path.relative_to(self.folder).as_posix()
            present.add(name)
            if self.is_candidate(name, status):
                now = WatchedFile(status.st_mtime_ns, status.st_size, file_digest(path))
                changed += self.if_content_changed(name, now, report)
        self.forget_missing(present)
        return changed

    def is_candidate(self, name: str, status: os.stat_result) -> bool:
        """Settled, and new, to retry, or of another mtime or size than when last seen."""
        if time.time() - status.st_mtime < self.settle:
            return False  # still being written, perhaps: next poll
        known = self.seen.get(name)
        if known is None or name in self.retry:
            return True
        return (known.mtime_ns, known.size) != (status.st_mtime_ns, status.st_size)

    def if_content_changed(
        self, name: str, now: WatchedFile, report: WatchReport
    ) -> list[tuple[str, WatchedFile]]:
        """``[(name, now)]`` when the content differs from what was ingested (or is to be
        retried); a touched file is only remembered with its new time."""
        known = self.seen.get(name)
        if known is None or name in self.retry or known.digest != now.digest:
            return [(name, now)]
        self.seen[name] = replace(known, mtime_ns=now.mtime_ns, size=now.size)
        self.state.touch(name, now.mtime_ns, now.size)
        report.unchanged += 1
        return []

    def remember(self, name: str, now: WatchedFile, part: IngestReport) -> None:
        """Record a file just ingested with its outcome, here and in the store; the reason
        of a file not ingested whole is its first Skip's."""
        if now.outcome != INGESTED and part.skipped:
            now = replace(now, reason=part.skipped[0].reason)
        self.seen[name] = now
        self.retry.discard(name)
        self.state.save(name, self.seen[name])

    def forget_missing(self, present: set[str]) -> None:
        gone = set(self.seen) - present
        for name in gone:
            del self.seen[name]
        if gone:
            self.state.forget(gone)
        self.retry &= present


def file_outcome(part: IngestReport) -> str:
    """INGESTED when every document read from the file is in the store, SKIPPED when it gave
    none (only Skips: unreadable), FAILED when the store did not take some (analysis failed)."""
    if part.read > part.stored + part.duplicates:
        return FAILED
    return SKIPPED if part.read == 0 and part.skipped else INGESTED


def open_watch(folder: Path, store: Store, settle: float) -> Watch:
    """A watch of ``folder`` with what earlier watches of it (or of where it was moved
    from) saw."""
    state = store.watched(str(folder.resolve()))
    seen = state.load() or take_over_moved(folder, state, store)
    retry = {name for name, known in seen.items() if known.outcome == FAILED}
    return Watch(folder, state, settle, seen, retry)


def take_over_moved(folder: Path, state: WatchedFolder, store: Store) -> dict[str, WatchedFile]:
    """The state of the recorded folder this one was moved from, made this folder's: of the
    folders no longer there, the one recording most of these files (same relative path, time
    and size); nothing when there is none."""
    present = {
        path.relative_to(folder).as_posix(): (status.st_mtime_ns, status.st_size)
        for path, status in folder_files(folder)
    }
    best: tuple[int, str, dict[str, WatchedFile]] = (0, "", {})
    for other in state.others():
        if Path(other).exists():
            continue  # still there: a copy, which keeps its own state
        seen = store.watched(other).load()
        same = sum(
            present.get(name) == (known.mtime_ns, known.size) for name, known in seen.items()
        )
        best = max(best, (same, other, seen), key=lambda candidate: candidate[0])
    same, old_folder, seen = best
    if same:
        state.take_over(old_folder)
    return seen if same else {}


def folder_files(folder: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Regular files below ``folder`` in sorted order, hidden files and junk left out."""
    for root, directories, names in os.walk(folder):
        directories[:] = sorted(d for d in directories if _wanted(d))
        for name in sorted(n for n in names if _wanted(n)):
            path = Path(root, name)
            try:
                status = path.stat()
            except OSError:
                continue  # vanished between listing and looking: gone from this poll
            if stat.S_ISREG(status.st_mode):
                yield path, status


def _wanted(name: str) -> bool:
    return not name.startswith(".") and name not in JUNK


def file_digest(path: Path) -> str:
    """sha256 of the file's bytes ('' when it cannot be read: ingest will say why)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def ingest_file(path: Path, store: Store, config: Config | None) -> tuple[IngestReport, str]:
    """``ingest`` of one file and its outcome; a failure nobody foresaw becomes a Skip (and
    FAILED), not the end of the watch."""
    try:
        part = ingest([path], store, config)
    except Exception as error:  # a watcher outlives any one file
        failure = Skip(str(path), f"ingest failed: {type(error).__name__}: {error}")
        return IngestReport(skipped=[failure]), FAILED
    return part, file_outcome(part)


def poll(
    watch: Watch, store: Store, config: Config | None, report: WatchReport, on_file: FileDone | None
) -> None:
    """One look at the folder: ingest what is new or changed, recording each file as it is done."""
    report.polls += 1
    for name, now in watch.changed_files(report):
        path = watch.folder / name
        part, outcome = ingest_file(path, store, config)
        watch.remember(name, replace(now, outcome=outcome), part)
        report.add(part)
        if on_file is not None:
            on_file(path, part)


def watch_folder(
    folder: str | Path,
    store: Store,
    config: Config | None = None,
    *,
    interval: float = 5.0,
    once: bool = False,
    settle: float | None = None,
    stop: threading.Event | None = None,
    on_file: FileDone | None = None,
) -> WatchReport:
    """Poll ``folder`` every ``interval`` seconds (or once) and ingest new or changed files.

    ``settle`` defaults to SETTLE_SECONDS, and to 0 for a single poll (nothing
    to wait for).  Runs until ``stop`` is set or Ctrl-C; returns what it did.
    """
    if settle is None:
        settle = 0.0 if once else SETTLE_SECONDS
    if not Path(folder).is_dir():
        raise ReadError(str(folder), "not a folder")
    watch = open_watch(Path(folder), store, settle)
    stop = stop or threading.Event()
    report = WatchReport(known=len(watch.seen))
    report.known_skipped = sum(known.outcome == SKIPPED for known in watch.seen.values())
    try:
        while not stop.is_set():
            poll(watch, store, config, report, on_file)
            if once or stop.wait(interval):
                break
    except KeyboardInterrupt:
        report.interrupted = True
    return report
