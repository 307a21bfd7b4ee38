"""The public Python API: ``lagebild.analyze``, assessment threads and exports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from lagebild.config import Config, load_config
from lagebild.errors import ReadError
from lagebild.pipeline import Pipeline, build_pipeline
from lagebild.read import Skip, document_from_text, read_source
from lagebild.records import AssessmentThread, Document

if TYPE_CHECKING:  # the exporters (stix2, pyarrow) and the store load only when used
    from lagebild.export import Selection

_PIPELINES: dict[str, Pipeline] = {}


def pipeline_for(config: Config | None = None) -> Pipeline:
    """The built pipeline for ``config`` (default config if None); built once per config."""
    config = config or load_config()
    key = json.dumps([config.stages, config.stage_options], sort_keys=True, default=str)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(config.stages, config.stage_options)
    return _PIPELINES[key]


def analyze(
    text_or_path: str | Path,
    language: str | None = None,
    published: date | None = None,
    config: Config | None = None,
) -> Document:
    """Analyse a text, or the single document in a file, and return the Document.

    A ``Path``, or a one-line string naming an existing file, is read from disk;
    any other string is analysed as text.  ``language`` and ``published``
    override what the reader or the language stage would find.
    """
    document = _load(text_or_path, config)
    return analyze_document(document, language=language, published=published, config=config)


def analyze_document(
    document: Document,
    language: str | None = None,
    published: date | None = None,
    config: Config | None = None,
) -> Document:
    """Run the configured pipeline over a Document already read."""
    if published is not None:
        document.published = published
    if language is not None:
        document.language = language
        document.metadata["language_forced"] = True
    return pipeline_for(config)(document)


def _load(text_or_path: str | Path, config: Config | None) -> Document:
    if not _is_path(text_or_path):
        return document_from_text(str(text_or_path))
    results = list(read_source(text_or_path, (config or load_config()).read))
    documents = [result for result in results if isinstance(result, Document)]
    if not documents:
        reason = "; ".join(result.reason for result in results if isinstance(result, Skip))
        raise ReadError(str(text_or_path), reason or "no document found")
    if len(documents) > 1:
        return _join_parts(documents)
    return documents[0]


def _is_path(value: str | Path) -> bool:
    if isinstance(value, Path):
        return True
    if "\n" in value or len(value) >= 4096:
        return False
    try:
        return Path(value).exists()
    except OSError:  # a sentence longer than a file name may be: it is text
        return False


def _join_parts(parts: list[Document]) -> Document:
    """A file read in parts (too large for one document) is analysed whole by ``analyze``."""
    first = parts[0]
    text = "".join(part.raw_text for part in parts)
    joined = document_from_text(text, first.source.split("#part=")[0], title=first.title)
    joined.published = first.published
    return joined


def assessment_threads(
    db: str | None = None,
    assessor: str | None = None,
    about: str | None = None,
    min_reports: int = 2,
    since: str | None = None,
    limit: int = 100,
) -> list[AssessmentThread]:
    """Assessment threads in the store at ``db`` (default: ``$LAGEBILD_DB`` or
    ./lagebild.db): one assessor judging one proposition across reports, with its
    dated history and band changes.  ``assessor`` and ``about`` take any spelling the
    knowledge base knows ("ISW", "Weißrussland"); ``since`` is YYYY[-MM[-DD]]."""
    from lagebild.store import Store
    from lagebild.store.assessments import ThreadFilter

    wanted = ThreadFilter(assessor=assessor, about=about, since=since, min_reports=min_reports)
    with Store(db) as store:
        return store.assessments(wanted, limit)


def export(
    format: str,
    out: str | Path | None = None,
    db: str | None = None,
    selection: Selection | None = None,
    kind: str | None = None,
) -> dict[str, int]:
    """Export the store at ``db`` (default: ``$LAGEBILD_DB`` or ./lagebild.db) as
    ``format`` (stix, geojson, acled, jsonl, parquet, timeml) to the file or folder
    ``out``, stdout when None; ``selection`` filters by date, entity, event type and
    document; ``kind`` picks one record kind for jsonl and parquet.  Returns counts."""
    from lagebild.export import Selection, from_store, write_export
    from lagebild.store import Store

    target = Path(out) if out is not None else None
    with Store(db) as store:
        selected = from_store(store, selection or Selection())
        return write_export(selected, format, target, kind)


def export_documents(
    documents: list[Document],
    format: str,
    out: str | Path | None = None,
    selection: Selection | None = None,
    kind: str | None = None,
) -> dict[str, int]:
    """``export`` for documents analysed in memory (``analyze``), never stored."""
    from lagebild.export import Selection, from_documents, write_export

    target = Path(out) if out is not None else None
    selected = from_documents(documents, selection or Selection())
    return write_export(selected, format, target, kind)
