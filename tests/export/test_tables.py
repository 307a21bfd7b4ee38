"""JSON Lines and Parquet: the contract's records, read back with DuckDB."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pytest

from lagebild.export import ALL_KINDS, ExportError, Selected, write_export
from lagebild.export.jsonl import write_jsonl
from lagebild.records import Analysis, Claim
from lagebild.store import Store


def test_jsonl_is_one_record_a_line_with_contract_fields(selected: list[Selected]) -> None:
    out = io.StringIO()
    write_jsonl(selected, out, "claims")
    lines = out.getvalue().splitlines()
    assert len(lines) == sum(len(chosen.kept["claims"]) for chosen in selected)
    for line in lines:
        row = json.loads(line)
        envelope = {name: row.pop(name) for name in ("record_type", "record_id", "document_id")}
        assert envelope["record_id"].startswith(envelope["document_id"] + "/claims/")
        assert Claim.model_validate(row)


def test_jsonl_document_rows_are_the_contract_document(selected: list[Selected]) -> None:
    out = io.StringIO()
    write_jsonl(selected[:1], out, "documents")
    row = json.loads(out.getvalue())
    contract = Analysis.of(selected[0].document).document.model_dump(mode="json")
    assert {k: v for k, v in row.items() if k in contract} == contract


def test_duckdb_reads_jsonl_with_counts_per_kind(
    selected: list[Selected], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "all.jsonl"
    write_export(selected, "jsonl", path)
    query = f"select record_type, count(*) from read_json_auto('{path}') group by 1"
    counts = dict(duckdb.sql(query).fetchall())
    assert counts["documents"] == 7
    assert {kind: counts[kind] for kind in ALL_KINDS[1:]} == {
        kind: store.stats().records[kind] for kind in ALL_KINDS[1:]
    }


def test_parquet_folder_has_a_table_per_kind_that_duckdb_reads(
    selected: list[Selected], store: Store, tmp_path: Path
) -> None:
    counts = write_export(selected, "parquet", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{kind}.parquet" for kind in ALL_KINDS
    )
    for kind in ALL_KINDS[1:]:
        found = duckdb.sql(f"select count(*) from '{tmp_path / 'out' / kind}.parquet'").fetchall()
        assert found == [(counts[kind],)] == [(store.stats().records[kind],)]


def test_parquet_keeps_offsets_that_point_at_the_evidence(
    selected: list[Selected], tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    write_export(selected, "parquet", path, kind="events")
    texts = {chosen.document.id: chosen.document.text for chosen in selected}
    rows = duckdb.sql(f"select document_id, start, \"end\", trigger, trigger_start from '{path}'")
    for document_id, start, end, trigger, trigger_start in rows.fetchall():
        assert start <= trigger_start < end
        assert texts[document_id][trigger_start : trigger_start + len(trigger)] == trigger


def test_parquet_nested_records_stay_structs(selected: list[Selected], tmp_path: Path) -> None:
    path = tmp_path / "entities.parquet"
    write_export(selected, "parquet", path, kind="entities")
    query = f"select geo.lat, geo.lon from '{path}' where id = 'place/minsk' limit 1"
    assert duckdb.sql(query).fetchall() == [(53.90019, 27.56653)]


def test_parquet_needs_a_path(selected: list[Selected]) -> None:
    with pytest.raises(ExportError, match="Parquet is binary"):
        write_export(selected, "parquet")
