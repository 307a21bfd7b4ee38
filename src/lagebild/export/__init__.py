"""Exports for the tools our output feeds: STIX 2.1 (OpenCTI), GeoJSON (QGIS, kepler.gl),
ACLED-style CSV, JSON Lines, Parquet (pandas, DuckDB) and TimeML.

    with Store() as store:
        selected = from_store(store, Selection(since="2022-03", about="Belarus"))
        write_export(selected, "stix", Path("belarus.json"))

Every exported record keeps its provenance: document id and character offsets.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from lagebild.export.acled import write_acled
from lagebild.export.geojson import write_geojson
from lagebild.export.jsonl import write_jsonl
from lagebild.export.parquet import write_parquet
from lagebild.export.selection import (
    ALL_KINDS,
    ExportError,
    Selected,
    Selection,
    from_documents,
    from_store,
    record_id,
)
from lagebild.export.stix import write_stix
from lagebild.export.timeml import write_timeml, write_timeml_folder

TextWriter = Callable[[Iterable[Selected], TextIO], dict[str, int]]

#: Formats written as one text stream (stdout or a file).
TEXT_FORMATS: dict[str, TextWriter] = {
    "stix": write_stix,
    "geojson": write_geojson,
    "acled": write_acled,
    "timeml": write_timeml,
}
FORMATS: tuple[str, ...] = ("stix", "geojson", "acled", "jsonl", "parquet", "timeml")

__all__ = [
    "ALL_KINDS",
    "FORMATS",
    "ExportError",
    "Selected",
    "Selection",
    "from_documents",
    "from_store",
    "record_id",
    "write_export",
]


def write_export(
    selected: Iterable[Selected],
    format: str,
    out: Path | None = None,
    kind: str | None = None,
    stream: TextIO | None = None,
) -> dict[str, int]:
    """Write ``selected`` as ``format`` to the file or folder ``out`` (``stream``, default
    stdout, when None); ``kind`` picks one record kind for jsonl and parquet.  Returns
    counts of what was written."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    if format == "parquet":
        if out is None:
            raise ExportError("Parquet is binary: give a folder (or a file with --kind) as -o")
        return dict(write_parquet(selected, out, kind))
    if format == "timeml" and out is not None and out.suffix.lower() not in {".tml", ".xml"}:
        return write_timeml_folder(selected, out)
    if out is None:
        return _write_text(selected, format, kind, stream or sys.stdout)
    with out.open("w", encoding="utf-8", newline="") as opened:
        return _write_text(selected, format, kind, opened)


def _write_text(
    selected: Iterable[Selected], format: str, kind: str | None, out: TextIO
) -> dict[str, int]:
    if format == "jsonl":
        return dict(write_jsonl(selected, out, kind))
    return TEXT_FORMATS[format](selected, out)
