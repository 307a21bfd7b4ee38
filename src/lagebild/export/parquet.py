"""Parquet (pyarrow): one table per record kind, the rows of ``rows.py``.

Without ``kind`` the target is a folder holding ``<kind>.parquet`` for each kind; with a
kind it is that one file.  Column types are inferred from the rows (nested records stay
structs and lists), so a field that is empty in every row is a null column.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lagebild.export.rows import Row, kinds_for, rows
from lagebild.export.selection import ExportError, Selected


def write_parquet(
    selected: Iterable[Selected], target: Path, kind: str | None = None
) -> Counter[str]:
    """Write one Parquet table per kind under ``target`` (or ``target`` itself for one kind)."""
    kinds = kinds_for(kind)
    tables: dict[str, list[Row]] = defaultdict(list)
    for row in rows(selected, kinds):
        tables[row["record_type"]].append(row)
    if kind is None:
        if target.exists() and not target.is_dir():
            raise ExportError(
                f"{target} is a file: Parquet of every kind needs a folder (or --kind)"
            )
        target.mkdir(parents=True, exist_ok=True)
    for name in kinds:
        path = target / f"{name}.parquet" if kind is None else target
        pq.write_table(_table(tables[name]), path)
    return Counter({name: len(tables[name]) for name in kinds})


def _table(found: list[Row]) -> pa.Table:
    """The rows as an Arrow table; no rows make a table of the three id columns."""
    if found:
        return pa.Table.from_pylist(found)
    return pa.table(
        {name: pa.array([], pa.string()) for name in ("record_type", "record_id", "document_id")}
    )
