"""Ingest: read → analyse → store, with a report of everything read, stored or skipped."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.api import analyze_document, pipeline_for
from lagebild.config import Config, load_config
from lagebild.errors import StageError, StoreError
from lagebild.read import Skip, read_sources
from lagebild.records import Document

if TYPE_CHECKING:  # a Store is passed in; its module loads with the command that opens it
    from lagebild.store import Store

#: Called after each source item with (what happened, the source).
Progress = Callable[[str, str], None]


@dataclass
class IngestReport:
    """What an ingest did: every document read is stored, a duplicate, or skipped with a reason."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: list[Skip] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> str:
        return (
            f"read {self.read}, stored {self.stored}, already stored {self.duplicates}, "
            f"skipped {len(self.skipped)}"
        )


def count_files(sources: Iterable[str | Path]) -> int | None:
    """How many files the sources hold (for a progress bar); None when stdin is among them."""
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        path = Path(source)
        if path.is_dir():
            total += sum(1 for f in path.rglob("*") if f.is_file() and not _hidden(f, path))
        else:
            total += 1
    return total


def source_file(source: str) -> str:
    """The file a document came from: 'a.txt#part=2' and 'b.jsonl:7' name 'a.txt' and 'b.jsonl'."""
    base = source.split("#part=")[0]
    head, _, tail = base.rpartition(":")
    return head if head and tail.isdigit() else base


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    config: Config | None = None,
    progress: Progress | None = None,
    workers: int = 0,
    scheduler: str | None = None,
) -> IngestReport:
    """Read every source, analyse each new document and store it; never stop on one bad item.

    ``workers`` > 0 analyses on a local Dask cluster of that many processes, ``scheduler``
    (tcp://host:8786) on an existing one; local workers store what they analysed, an
    existing cluster's workers send it back to be stored here.
    """
    config = config or load_config()
    if workers or scheduler:
        from lagebild.distributed import ingest_on_cluster  # Dask loads only when asked for

        return ingest_on_cluster(sources, store, config, progress, workers, scheduler)
    pipeline_for(config)  # build (and validate) the pipeline before reading anything
    report = IngestReport()
    for item in read_sources(sources, config.read):
        outcome = _ingest_one(item, store, config, report)
        if progress is not None:
            progress(outcome, item.source)
    return report


def _ingest_one(item: Document | Skip, store: Store, config: Config, report: IngestReport) -> str:
    admitted = admit(item, store, report)
    if isinstance(admitted, str):
        return admitted
    try:
        analysed: Document | Skip = analyze_document(admitted, config=config)
    except StageError as error:
        analysed = Skip(admitted.source, str(error))
    return record(analysed, store, report)


def admit(
    item: Document | Skip, store: Store, report: IngestReport, pending: Container[str] = ()
) -> Document | str:
    """The document to analyse, or what became of the item instead ("skipped", "duplicate");
    ``pending`` holds the ids already being analysed."""
    if isinstance(item, Skip):
        report.skipped.append(item)
        return "skipped"
    report.read += 1
    if item.id in pending or store.contains(item.id):
        report.duplicates += 1
        return "duplicate"
    return item


def record(analysed: Document | Skip, store: Store, report: IngestReport) -> str:
    """Store an analysed document, or record why it could not be analysed; what happened."""
    if isinstance(analysed, Skip):
        report.skipped.append(analysed)
        return "skipped"
    try:
        result = store.add(analysed)
    except StoreError as error:
        report.skipped.append(Skip(analysed.source, str(error)))
        return "skipped"
    if not result.stored:
        report.duplicates += 1
        return "duplicate"
    report.stored += 1
    report.stored_ids.append(result.document_id)
    return "stored"
