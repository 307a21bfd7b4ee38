"""Ingest jobs started from the browser or the API: uploaded files are written to a
temporary folder and ingested in one background thread, one job after another, with
progress the job page shows while it runs."""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.config import Config
from lagebild.errors import LagebildError
from lagebild.ingest import ingest
from lagebild.store import Store

#: Finished jobs kept for their pages.
KEEP = 100


@dataclass
class Job:
    """An ingest's state: queued, running, done or failed, and what it has done so far."""

    id: str
    files: list[str]
    state: str = "queued"
    processed: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


class IngestJobs:
    """Runs ingest jobs one at a time in a worker thread."""

    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, uploads: list[tuple[str, bytes]]) -> Job:
        """Queue the files ``(name, content)`` for ingest; returns the job at once."""
        folder = Path(tempfile.mkdtemp(prefix="lagebild-upload-"))
        for index, (name, content) in enumerate(uploads):
            (folder / f"{index:04d}-{_safe_name(name)}").write_bytes(content)
        job = Job(id=uuid.uuid4().hex, files=[name for name, _ in uploads])
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-KEEP]:
                del self._jobs[old]
        self._worker().submit(self._run, job, folder)
        return job

    def get(self, job_id: str) -> Job:
        """The job with this id; KeyError says it is unknown."""
        with self._lock:
            if job_id not in self._jobs:
                raise KeyError(f"no ingest job {job_id!r} (jobs are kept until the server stops)")
            return self._jobs[job_id]

    def wait(self, job_id: str, timeout: float = 60) -> Job:
        """The job once finished (for tests and scripts)."""
        done = threading.Event()
        self._worker().submit(done.set)
        done.wait(timeout)
        return self.get(job_id)

    def shutdown(self) -> None:
        """Stop the worker (queued jobs are dropped); a later submit starts a new one."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _worker(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lagebild-ingest")
            return self._pool

    def _run(self, job: Job, folder: Path) -> None:
        job.state = "running"

        def progress(outcome: str, _source: str) -> None:
            job.processed += 1

        try:
            report = ingest([folder], self.store, self.config, progress)
        except LagebildError as error:
            job.state, job.error = "failed", str(error)
            return
        except Exception as error:  # a bug must still end the job with a reason
            job.state, job.error = "failed", f"internal error: {type(error).__name__}: {error}"
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        job.stored, job.duplicates = report.stored, report.duplicates
        job.stored_ids = report.stored_ids
        job.skipped = [(_original(skip.source, folder), skip.reason) for skip in report.skipped]
        job.state = "done"


def _safe_name(name: str) -> str:
    """A file name without folders or odd characters, keeping its extension."""
    base = Path(name.replace("\\", "/")).name or "upload.txt"
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in base)
    return cleaned.lstrip(".") or "upload.txt"


def _original(source: str, folder: Path) -> str:
    """An uploaded file's own name in a skip reason, not the temporary path."""
    name = source.removeprefix(str(folder) + "/")
    return name.split("-", 1)[1] if name[:4].isdigit() and "-" in name else name
