"""Watch a folder: ingest every file that is new or has changed, poll after poll, until stopped.

A file counts as changed when its modification time or size differ from the last
poll *and* its bytes hash differently (a touched file is not read again).  A
changed file is ingested whole through ``ingest``, which analyses only the
documents the store does not hold yet (a document's id is the hash of its
text), so a feed or archive that grew by one entry costs one analysis.

A file modified less than ``settle`` seconds ago is left for the next poll: it
may still be being written.  A file that cannot be read is a recorded Skip and
is not tried again until it changes; an unexpected failure on one file is
recorded the same way and the watch goes on.  Ctrl-C ends the watch after the
document being stored.  What was seen lives in memory only: a new watch reads
every file once more, and stores nothing twice.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.config import Config
from lagebild.errors import ReadError
from lagebild.ingest import IngestReport, ingest
from lagebild.read import Skip
from lagebild.read.dispatch import JUNK
from lagebild.store import Store

#: Called after each file is ingested, with its path and what its ingest did.
FileDone = Callable[[Path, IngestReport], None]

HASH_CHUNK = 1 << 20

#: Seconds a file must stay unmodified before a continuing watch reads it.
SETTLE_SECONDS = 1.0


@dataclass(frozen=True)
class Seen:
    """A file as last ingested: modification time, size and content hash."""

    mtime_ns: int
    size: int
    digest: str


@dataclass
class WatchReport:
    """What a watch did: polls, files ingested, touched files passed over, ingest totals."""

    polls: int = 0
    files: int = 0
    unchanged: int = 0
    interrupted: bool = False
    total: IngestReport = field(default_factory=IngestReport)

    def add(self, part: IngestReport) -> None:
        self.files += 1
        self.total.read += part.read
        self.total.stored += part.stored
        self.total.duplicates += part.duplicates
        self.total.skipped.extend(part.skipped)
        self.total.stored_ids.extend(part.stored_ids)

    def summary(self) -> str:
        return f"{self.polls} polls, {self.files} files ingested: {self.total.summary()}"


@dataclass
class Watch:
    """One folder being watched: its files as last seen."""

    folder: Path
    settle: float = SETTLE_SECONDS
    seen: dict[Path, Seen] = field(default_factory=dict)

    def changed_files(self, report: WatchReport) -> list[tuple[Path, Seen]]:
        """Files that are new or whose content changed since they were last ingested."""
        present = set()
        changed = []
        for path, status in folder_files(self.folder):
            present.add(path)
            if self.is_candidate(path, status):
                now = Seen(status.st_mtime_ns, status.st_size, file_digest(path))
                changed += self.if_content_changed(path, now, report)
        self.forget_missing(present)
        return changed

    def is_candidate(self, path: Path, status: os.stat_result) -> bool:
        """Settled, and new or of another mtime or size than when last seen."""
        if time.time() - status.st_mtime < self.settle:
            return False  # still being written, perhaps: next poll
        known = self.seen.get(path)
        return known is None or (known.mtime_ns, known.size) != (status.st_mtime_ns, status.st_size)

    def if_content_changed(
        self, path: Path, now: Seen, report: WatchReport
    ) -> list[tuple[Path, Seen]]:
        """``[(path, now)]`` when the content differs from what was ingested; a touched
        file is only remembered with its new time."""
        known = self.seen.get(path)
        if known is None or known.digest != now.digest:
            return [(path, now)]
        self.seen[path] = now
        report.unchanged += 1
        return []

    def forget_missing(self, present: set[Path]) -> None:
        for path in set(self.seen) - present:
            del self.seen[path]


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


def ingest_file(path: Path, store: Store, config: Config | None) -> IngestReport:
    """``ingest`` of one file; a failure nobody foresaw becomes a Skip, not the end of the watch."""
    try:
        return ingest([path], store, config)
    except Exception as error:  # a watcher outlives any one file
        return IngestReport(
            skipped=[Skip(str(path), f"ingest failed: {type(error).__name__}: {error}")]
        )


def poll(
    watch: Watch, store: Store, config: Config | None, report: WatchReport, on_file: FileDone | None
) -> None:
    """One look at the folder: ingest what is new or changed."""
    report.polls += 1
    for path, now in watch.changed_files(report):
        part = ingest_file(path, store, config)
        watch.seen[path] = now
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
    watch = Watch(Path(folder), settle)
    if not watch.folder.is_dir():
        raise ReadError(str(folder), "not a folder")
    stop = stop or threading.Event()
    report = WatchReport()
    try:
        while not stop.is_set():
            poll(watch, store, config, report, on_file)
            if once or stop.wait(interval):
                break
    except KeyboardInterrupt:
        report.interrupted = True
    return report
