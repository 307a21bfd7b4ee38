"""The merged-event gold (``event-merges.jsonl``) is well formed: every line a judged merge
of two or more reporting documents, a verdict that agrees with its reports, and no corpus
text beyond trigger words."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from lagebild.stages.events.ontology import TYPES

GOLD = Path(__file__).resolve().parent / "event-merges.jsonl"
README = GOLD.parent / "README.md"
FIELDS = {"sample", "merged_id", "type", "verdict", "reason", "reports"}
REPORT_FIELDS = {
    "document_id",
    "file",
    "trigger_start",
    "trigger_end",
    "trigger",
    "belongs",
    "stage_error",
}
#: Seeded samples of 30, each drawn from the merger of its day, and sample 4: every merge
#: of the third merger not made of copies that no earlier sample judged (README, "Sample").
SAMPLE_SIZES = {1: 30, 2: 30, 3: 30, 4: 4}
SAMPLES = tuple(SAMPLE_SIZES)
#: Triggers are words, never whole sentences of the corpus.
LONGEST_TRIGGER = 8


def gold_lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def line_id(line: dict[str, Any]) -> str:
    return str(line["merged_id"])


def report_keys(line: dict[str, Any]) -> list[tuple[str, int, int]]:
    return [(r["document_id"], r["trigger_start"], r["trigger_end"]) for r in line["reports"]]


@pytest.mark.parametrize("line", gold_lines(), ids=line_id)
def test_line_format(line: dict[str, Any]) -> None:
    assert set(line) == FIELDS
    assert line["sample"] in SAMPLES
    assert re.fullmatch(r"event/[0-9a-f]{16}", line["merged_id"])
    assert line["type"] in TYPES
    assert line["verdict"] in ("correct", "mixed")
    assert line["reason"] == line["reason"].strip() != ""


@pytest.mark.parametrize("line", gold_lines(), ids=line_id)
def test_reports_are_keyed_by_document_and_trigger(line: dict[str, Any]) -> None:
    for report in line["reports"]:
        assert set(report) == REPORT_FIELDS
        assert re.fullmatch(r"[0-9a-f]{64}", report["document_id"])
        assert re.fullmatch(r"(isw-en|news-de)/[^/]+\.md", report["file"])
        assert 0 <= report["trigger_start"] < report["trigger_end"]
        assert report["trigger_end"] - report["trigger_start"] == len(report["trigger"])
        assert len(report["trigger"].split()) <= LONGEST_TRIGGER
        assert isinstance(report["belongs"], bool)
        assert report["stage_error"] is None or report["stage_error"].strip() != ""


@pytest.mark.parametrize("line", gold_lines(), ids=line_id)
def test_a_merge_has_two_documents_and_distinct_reports(line: dict[str, Any]) -> None:
    keys = report_keys(line)
    assert len(set(keys)) == len(keys)
    assert len({r["document_id"] for r in line["reports"]}) >= 2


@pytest.mark.parametrize("line", gold_lines(), ids=line_id)
def test_the_verdict_follows_from_the_reports(line: dict[str, Any]) -> None:
    belonging = [report["belongs"] for report in line["reports"]]
    assert any(belonging), "a merge is about the event some of its reports tell"
    assert (line["verdict"] == "correct") is all(belonging)


@pytest.mark.parametrize("sample", SAMPLES)
def test_a_sample_has_its_size_and_is_sorted_by_merged_id(sample: int) -> None:
    # Not a set: two merges can share an id (it is made from the anchor event).
    ids = [line_id(line) for line in gold_lines() if line["sample"] == sample]
    assert len(ids) == SAMPLE_SIZES[sample]
    assert ids == sorted(ids)


def test_the_samples_come_in_order_and_judge_each_merge_once() -> None:
    lines = gold_lines()
    samples = [line["sample"] for line in lines]
    assert samples == sorted(samples)
    assert len({frozenset(report_keys(line)) for line in lines}) == len(lines)


def test_a_later_sample_draws_no_merge_id_judged_before() -> None:
    seen: set[str] = set()
    for sample in SAMPLES:
        ids = {line_id(line) for line in gold_lines() if line["sample"] == sample}
        assert not ids & seen
        seen |= ids


def test_the_readme_describes_the_gold() -> None:
    assert "`event-merges.jsonl`" in README.read_text("utf-8")
