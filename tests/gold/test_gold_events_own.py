"""The hand-written PLOVER development sets (``events-plover-own*-{en,de}.jsonl``) are well formed.

One invented news sentence per line, coded with the one main event it reports.  The sets are
for tuning the trigger lexicon; the held-out PLOVER gold stays untouched (README, "Own PLOVER
development sets").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from lagebild.stages.events.ontology import TYPES

GOLD_DIR = Path(__file__).resolve().parent
#: Set (file ``events-plover-<set>.jsonl``, id prefix ``<set>-``) → sentences per event type,
#: as the README states.
PER_TYPE = {"own-en": 14, "own-de": 8, "own2-de": 12, "own2-en": 16}
REQUIRED = {"id", "text", "type", "mode", "source", "target"}
OPTIONAL = {"note"}
#: The modes these files use, per type; every other type is coded without a mode.
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "phone", "mediate"}),
    "COOPERATE": frozenset({"economic", "military", "intelligence", "judicial"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum"}),
    "RETREAT": frozenset({"release", "return", "withdraw", "ceasefire"}),
    "PROTEST": frozenset({"demonstrate", "strike", "riot", "boycott", "hunger-strike"}),
    "SANCTION": frozenset({"expel", "embargo"}),
    "MOBILIZE": frozenset({"military", "police"}),
    "COERCE": frozenset({"arrest", "seize", "deport", "ban", "curfew", "censor"}),
    "ASSAULT": frozenset(
        {"firearms", "aerial", "heavy-weapons", "explosives", "abduct", "torture", "assassinate"}
    ),
}


def gold_path(gold_set: str) -> Path:
    return GOLD_DIR / f"events-plover-{gold_set}.jsonl"


def gold_lines(gold_set: str) -> list[dict[str, Any]]:
    text = gold_path(gold_set).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def all_lines() -> list[tuple[str, dict[str, Any]]]:
    return [(gold_set, line) for gold_set in PER_TYPE for line in gold_lines(gold_set)]


def occurs_as_words(phrase: str, text: str) -> bool:
    """``phrase`` occurs in ``text`` and does not start or end inside a word."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


@pytest.mark.parametrize(("gold_set", "line"), all_lines(), ids=lambda value: str(value)[:40])
def test_line_format(gold_set: str, line: dict[str, Any]) -> None:
    assert REQUIRED <= set(line) <= REQUIRED | OPTIONAL
    assert line["type"] in TYPES
    assert re.fullmatch(rf"{gold_set}-{line['type']}-\d\d", line["id"])
    assert line["text"] == line["text"].strip() != "" and line["text"][-1] in ".'\""
    assert line["mode"] is None or line["mode"] in MODES.get(line["type"], frozenset())
    assert "note" not in line or line["note"].strip() == line["note"] != ""


@pytest.mark.parametrize(("gold_set", "line"), all_lines(), ids=lambda value: str(value)[:40])
def test_actors_occur_in_the_sentence(gold_set: str, line: dict[str, Any]) -> None:
    for role in ("source", "target"):
        actor = line[role]
        assert actor is None or occurs_as_words(actor, line["text"]), (role, actor)
    assert line["source"] is None or line["source"] != line["target"]


@pytest.mark.parametrize("gold_set", sorted(PER_TYPE))
def test_ids_and_sentences_are_unique(gold_set: str) -> None:
    lines = gold_lines(gold_set)
    assert len({line["id"] for line in lines}) == len(lines)
    assert len({line["text"] for line in lines}) == len(lines)


@pytest.mark.parametrize("gold_set", sorted(PER_TYPE))
def test_counts_per_type(gold_set: str) -> None:
    counts = Counter(line["type"] for line in gold_lines(gold_set))
    assert counts == dict.fromkeys(TYPES, PER_TYPE[gold_set])


@pytest.mark.parametrize(("first", "second"), [("own-de", "own2-de"), ("own-en", "own2-en")])
def test_second_set_repeats_no_sentence_of_the_first(first: str, second: str) -> None:
    first_texts = {line["text"] for line in gold_lines(first)}
    assert not first_texts & {line["text"] for line in gold_lines(second)}


def test_readme_states_the_counts() -> None:
    readme = (GOLD_DIR / "README.md").read_text("utf-8")
    for gold_set, count in PER_TYPE.items():
        total = count * len(TYPES)
        assert f"`{gold_path(gold_set).name}`: {count} per type, {total} in all" in readme
