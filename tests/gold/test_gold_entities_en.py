"""The English entity gold still fits the reader's raw_text.

Three files with the same format: ``entities-en-isw.jsonl`` (dev),
``entities-en-isw-heldout.jsonl`` (held-out) and ``entities-en-isw-fresh.jsonl`` (a fresh
held-out document, annotated after the old held-out set had become development data), each
with its ``.meta.json``.

Offsets are into ``lagebild.read`` raw_text; a reader change that shifts the text shows up as a
hash mismatch here before it silently corrupts an evaluation.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from lagebild.read import read_source
from lagebild.records import Document

GOLD = Path(__file__).resolve().parent
SETS = {
    "dev": (GOLD / "entities-en-isw.jsonl", GOLD / "entities-en-isw.meta.json"),
    "heldout": (GOLD / "entities-en-isw-heldout.jsonl", GOLD / "entities-en-isw-heldout.meta.json"),
    "fresh": (GOLD / "entities-en-isw-fresh.jsonl", GOLD / "entities-en-isw-fresh.meta.json"),
}
README = GOLD / "README.md"

LABELS = {"PERSON", "ORGANIZATION", "PLACE", "WEAPON", "NAT"}
FLAGS = {"metonymy", "named_platform", "proxy_state", "elliptical", "facility", "subnational"}

pytestmark = [pytest.mark.corpus, pytest.mark.parametrize("split", sorted(SETS))]


def gold_lines(split: str) -> list[dict[str, Any]]:
    with SETS[split][0].open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def meta(split: str) -> dict[str, dict[str, Any]]:
    text = SETS[split][1].read_text(encoding="utf-8")
    documents: dict[str, dict[str, Any]] = json.loads(text)["documents"]
    return documents


def raw_text(corpus: Path, name: str) -> str:
    path = corpus / "isw-en" / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    document = next(iter(read_source(path)))
    assert isinstance(document, Document), f"{name}: reader skipped it ({document})"
    return document.raw_text


def test_gold_format(split: str) -> None:
    lines = gold_lines(split)
    documents = meta(split)
    assert lines
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        assert line["file"] in documents, line
        assert line["label"] in LABELS, line
        assert isinstance(line["start"], int) and isinstance(line["end"], int), line
        assert 0 <= line["start"] < line["end"], line
        assert line["surface"] and line["surface"] == line["surface"].strip(), line
        assert set(line["flags"]) <= FLAGS, line
        assert ("country" in line) == (line["label"] == "NAT"), line
        by_file[line["file"]].append(line)
    for name, spans in by_file.items():
        starts = [span["start"] for span in spans]
        assert starts == sorted(starts), name
        for left, right in itertools.pairwise(spans):
            assert left["end"] <= right["start"], (left, right)
        assert len(spans) == documents[name]["mentions"], name
        labels: dict[str, int] = defaultdict(int)
        for span in spans:
            labels[span["label"]] += 1
        assert labels == documents[name]["labels"], name


def test_nat_countries_are_iso(split: str) -> None:
    pycountry = pytest.importorskip("pycountry")
    for line in gold_lines(split):
        if line["label"] != "NAT":
            continue
        code = line["country"]
        known = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(
            alpha_2=code
        )
        assert known is not None, line


def test_readme_table_carries_the_hashes(split: str) -> None:
    readme = README.read_text(encoding="utf-8")
    for name, doc in meta(split).items():
        assert f"`{name}`" in readme, name
        assert doc["sha256"] in readme, f"README table lacks the sha256 of {name}"


def test_raw_text_hash_and_offsets(corpus: Path, split: str) -> None:
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in gold_lines(split):
        by_file[line["file"]].append(line)
    for name, doc in meta(split).items():
        text = raw_text(corpus, name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert digest == doc["sha256"], (
            f"{name}: raw_text changed (sha256 {digest}, gold pinned {doc['sha256']}); "
            "re-derive the gold offsets before updating the hash"
        )
        assert len(text) == doc["chars"], name
        bad = [
            (line["start"], line["end"], line["surface"], text[line["start"] : line["end"]])
            for line in by_file[name]
            if text[line["start"] : line["end"]] != line["surface"]
        ]
        assert bad == [], f"{name}: {len(bad)} spans do not reproduce their surface, e.g. {bad[:5]}"


def test_the_splits_share_no_document(split: str) -> None:
    for other in set(SETS) - {split}:
        assert not set(meta(split)) & set(meta(other)), other
