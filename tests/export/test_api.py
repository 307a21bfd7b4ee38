"""``lagebild.api.export`` and ``export_documents``: the Python side of ``lagebild export``."""

from __future__ import annotations

import json
from pathlib import Path

from lagebild.api import analyze, export, export_documents
from lagebild.export import Selection


def test_export_writes_the_selected_store_records(examples_url: str, tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    counts = export(
        "jsonl", path, db=examples_url, selection=Selection(about="Weißrussland"), kind="claims"
    )
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert counts == {"claims": len(lines)} and lines


def test_export_documents_needs_no_store(tmp_path: Path) -> None:
    document = analyze("Russische Truppen beschossen am 19. Dezember 2022 Charkiw.")
    path = tmp_path / "events.geojson"
    counts = export_documents([document], "geojson", path)
    features = json.loads(path.read_text("utf-8"))["features"]
    assert counts["places"] >= 1 and {f["id"] for f in features} >= {"place/kharkiv"}
