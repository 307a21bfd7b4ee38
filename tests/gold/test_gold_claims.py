"""The claims gold (tests/gold/claims.jsonl, guideline docs/claims-gold.md) is well formed and
still fits the clean text the pipeline produces.

Offsets are into ``document.text`` of ``lagebild.api.analyze(path)``; a cleaning change that
shifts the text shows up as a sha1 mismatch here before it silently corrupts the evaluation.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parent / "claims.jsonl"
#: The third, later set (only scored): a ticker, a dpa report and an ISW update.
HELDOUT2 = GOLD.with_name("claims-heldout2.jsonl")
GOLDS = (GOLD, HELDOUT2)
KINDS = {"claim", "assessment"}
MODES = {"direct", "indirect", "reported"}
STANCES = {"supported", "neutral", "disputed", "refuted"}
FIELDS = {
    "file",
    "kind",
    "mode",
    "speaker_start",
    "speaker_end",
    "speaker_id",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
    "stance",
    "note",
}
OPTIONAL = {"stance_cue_start", "stance_cue_end"}


def read(path: Path = GOLD) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert lines[0].get("header") is True
    return lines[0]["documents"], lines[1:]


def span(item: dict[str, Any], name: str) -> tuple[int, int] | None:
    start, end = item[f"{name}_start"], item[f"{name}_end"]
    assert (start is None) == (end is None), (name, item)
    if start is None:
        return None
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end, (name, item)
    return start, end


def test_gold_documents() -> None:
    documents, _ = read()
    assert len({doc["file"] for doc in documents}) == len(documents) == 8
    languages = [doc["language"] for doc in documents]
    assert languages.count("de") == 5 and languages.count("en") == 3


def test_heldout2_is_new_text() -> None:
    documents, _ = read(HELDOUT2)
    first = {doc["file"] for doc in read()[0]}
    assert [doc["language"] for doc in documents] == ["de", "de", "en"]
    assert not first & {doc["file"] for doc in documents}


@pytest.mark.parametrize("path", GOLDS, ids=lambda path: path.stem)
def test_gold_format(path: Path) -> None:
    documents, items = read(path)
    files = {doc["file"]: doc for doc in documents}
    for doc in documents:
        assert len(doc["sha1"]) == 40 and doc["language"] in {"de", "en"}
        low, high = doc["region"]
        assert 0 <= low < high <= doc["chars"]
    for file in ("2022-02-22", "2022-03-02", "2022-03-06", "2022-04-15"):
        assert not any(name.startswith(file) for name in files), file
    counts: dict[tuple[str, str], int] = {}
    previous: dict[str, int] = {}
    for item in items:
        assert FIELDS <= set(item) <= FIELDS | OPTIONAL, item
        doc = files[item["file"]]
        assert item["kind"] in KINDS and item["stance"] in STANCES, item
        content = span(item, "content")
        assert content is not None and content[1] <= doc["chars"], item
        low, high = doc["region"]
        assert low <= content[0] < high, item
        assert content[0] > previous.get(item["file"], -1), f"not in document order: {item}"
        previous[item["file"]] = content[0]
        for name in ("speaker", "cue", "stance_cue"):
            if f"{name}_start" in item:
                extent = span(item, name)
                assert extent is None or extent[1] <= doc["chars"], item
        if item["kind"] == "claim":
            assert item["mode"] in MODES, item
        else:
            assert item["mode"] is None and item["speaker_id"] == "org/isw", item
        assert item["speaker_id"] is None or "/" in item["speaker_id"], item
        assert ("stance_cue_start" in item) == (item["stance"] != "neutral"), item
        key = (item["file"], item["kind"])
        counts[key] = counts.get(key, 0) + 1
    for doc in documents:
        assert counts.get((doc["file"], "claim"), 0) == doc["claims"], doc["file"]
        assert counts.get((doc["file"], "assessment"), 0) == doc["assessments"], doc["file"]
    assert sum(doc["claims"] for doc in documents) >= 100


@pytest.mark.parametrize("path", GOLDS, ids=lambda path: path.stem)
def test_notes_carry_no_corpus_text(path: Path) -> None:
    _, items = read(path)
    for item in items:
        assert len(item["note"]) <= 80, item
        assert "„" not in item["note"] and "“" not in item["note"], item


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("path", GOLDS, ids=lambda path: path.stem)
def test_clean_text_hash_and_spans(corpus: Path, path: Path) -> None:
    from lagebild.api import analyze

    documents, items = read(path)
    for doc in documents:
        folder = "isw-en" if doc["language"] == "en" else "news-de"
        path = corpus / folder / doc["file"]
        if not path.is_file():
            pytest.skip(f"{path} not found")
        text = analyze(path).text
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        assert digest == doc["sha1"], (
            f"{doc['file']}: the clean text changed (sha1 {digest}); re-derive the gold offsets "
            "before updating the hash"
        )
        assert len(text) == doc["chars"]
        for item in items:
            if item["file"] != doc["file"]:
                continue
            for name in ("content", "speaker", "cue"):
                extent = span(item, name)
                if extent is None:
                    continue
                piece = text[extent[0] : extent[1]]
                assert piece == piece.strip() and piece, (name, item)
