"""The ISW event gold (``events-isw.jsonl`` with ``events-isw.meta.json``) is well formed and
still fits the clean text the pipeline produces.

Offsets are into ``lagebild.analyze(path).text``; a cleaning change that shifts the text shows
up here as a sha256 mismatch before it silently corrupts ``eval/events_isw.py``.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from lagebild.stages.events.ontology import MODALITIES, TYPES

GOLD_DIR = Path(__file__).resolve().parent
GOLD = GOLD_DIR / "events-isw.jsonl"
META = GOLD_DIR / "events-isw.meta.json"
README = GOLD_DIR / "README.md"
FIELDS = {
    "file",
    "trigger_start",
    "trigger_end",
    "trigger",
    "type",
    "modality",
    "sources",
    "targets",
    "place",
}
#: Other golds read these ISW updates; the event gold keeps to documents of its own.
OTHER_GOLD = ("entities-en-isw.meta.json", "entities-en-isw-heldout.meta.json")


def gold_lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def meta() -> dict[str, dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = json.loads(META.read_text("utf-8"))["documents"]
    return documents


def by_file() -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in gold_lines():
        grouped[line["file"]].append(line)
    return grouped


@pytest.mark.parametrize(
    "line", gold_lines(), ids=lambda line: f"{line['file'][:10]}@{line['trigger_start']}"
)
def test_line_format(line: dict[str, Any]) -> None:
    assert set(line) == FIELDS
    assert line["type"] in TYPES and line["modality"] in MODALITIES
    assert 0 <= line["trigger_start"] < line["trigger_end"]
    assert line["trigger"] == line["trigger"].strip() != ""
    assert line["trigger_end"] - line["trigger_start"] == len(line["trigger"])
    names = [*line["sources"], *line["targets"]]
    assert all(isinstance(name, str) and name.strip() == name != "" for name in names)
    assert line["place"] is None or line["place"].strip() == line["place"] != ""


@pytest.mark.parametrize("name", sorted(meta()))
def test_document_order_ranges_and_counts(name: str) -> None:
    doc, lines = meta()[name], by_file()[name]
    starts = [line["trigger_start"] for line in lines]
    assert starts == sorted(starts)
    for left, right in itertools.pairwise(lines):
        assert left["trigger_end"] <= right["trigger_start"], (left, right)
    for low, high in doc["covered"]:
        assert 0 <= low < high <= doc["chars"]
    assert all(
        any(
            low <= line["trigger_start"] and line["trigger_end"] <= high
            for low, high in doc["covered"]
        )
        for line in lines
    )
    assert len(lines) == doc["events"]
    assert Counter(line["type"] for line in lines) == doc["types"]
    assert Counter(line["modality"] for line in lines) == doc["modalities"]


@pytest.mark.parametrize("name", sorted(meta()))
def test_every_document_names_its_split(name: str) -> None:
    assert meta()[name]["split"] in {"dev", "fresh"}


def test_the_fresh_split_is_not_empty() -> None:
    assert any(doc["split"] == "fresh" and doc["events"] for doc in meta().values())


def test_every_line_names_a_known_document() -> None:
    assert set(by_file()) == set(meta())


def test_readme_table_carries_the_hashes() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, doc in meta().items():
        assert f"`{name}`" in readme and doc["sha256"] in readme, name


def test_documents_are_not_read_by_the_entity_golds() -> None:
    for other in OTHER_GOLD:
        documents = json.loads((GOLD_DIR / other).read_text("utf-8"))["documents"]
        assert not set(documents) & set(meta()), other


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(meta()))
def test_clean_text_hash_and_trigger_offsets(corpus: Path, name: str) -> None:
    from lagebild.api import analyze

    path = corpus / "isw-en" / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    text = analyze(path).text
    doc = meta()[name]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert digest == doc["sha256"], (
        f"{name}: the clean text changed (sha256 {digest}); re-derive the gold offsets before "
        "updating the hash"
    )
    assert len(text) == doc["chars"]
    bad = [
        (line["trigger_start"], line["trigger"], text[line["trigger_start"] : line["trigger_end"]])
        for line in by_file()[name]
        if text[line["trigger_start"] : line["trigger_end"]] != line["trigger"]
    ]
    assert bad == [], f"{len(bad)} triggers do not reproduce their surface, e.g. {bad[:5]}"
    unwritten = {
        argument
        for line in by_file()[name]
        for argument in (*line["sources"], *line["targets"], line["place"] or "")
        if argument not in text
    }
    assert unwritten == set(), f"argument names not written in the text: {sorted(unwritten)[:5]}"
