"""The corpus REDEWIEDERGABE reader, the split and the token scorer of eval/redewiedergabe.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote\n"


def _row(token: str, start: str, stwr: str) -> str:
    return f"{token}\t{token}\t{token}\tX\tX\t{start}\t{stwr}\t-\t-\t-\t-\n"


@pytest.mark.parametrize(
    ("cell", "types"),
    [
        ("-", set()),
        ("direct.speech.1", {"direct"}),
        ("reported.speech writing.3.nonfact", {"reported"}),
        ("indirect freeIndirect.speech.10", {"indirect", "freeIndirect"}),
        ("direct.speech.9|indirect.thought.4.border=state", {"direct", "indirect"}),
        ("freeIndirect.thought.2|reported.speech.3", {"freeIndirect", "reported"}),
        ("Undefined", set()),
    ],
)
def test_parse_stwr(cell: str, types: set[str], load: Callable[[str], ModuleType]) -> None:
    assert load("redewiedergabe").parse_stwr(cell) == types


def test_read_file(tmp_path: Path, load: Callable[[str], ModuleType]) -> None:
    rwg = load("redewiedergabe")
    path = tmp_path / "rwk_test_1-1.tsv"
    rows = [
        _row("»", "yes", "direct.speech.1"),
        _row("Ja", "no", "direct.speech.1|indirect.speech.2"),
        _row("«", "no", "direct.speech.1"),
        _row("sagte", "no", "-"),
        _row("er", "no", "-"),
        _row("Gut", "yes", "freeIndirect.thought.3"),
    ]
    path.write_text(HEADER + "".join(rows), "utf-8")
    first, second = rwg.read_file(path)
    assert first.tokens == ["»", "Ja", "«", "sagte", "er"]
    assert first.labels["direct"] == [True, True, True, False, False]
    assert first.labels["indirect"] == [False, True, False, False, False]
    assert second.tokens == ["Gut"] and second.labels["freeIndirect"] == [True]


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([True, True, False, False], [True, False, True, False], (1, 1, 1)),
        ([False, False], [False, False], (0, 0, 0)),
    ],
)
def test_counts(
    gold: list[bool],
    predicted: list[bool],
    expected: tuple[int, int, int],
    load: Callable[[str], ModuleType],
) -> None:
    assert load("redewiedergabe").counts(gold, predicted) == expected


def test_prf(load: Callable[[str], ModuleType]) -> None:
    rwg = load("redewiedergabe")
    assert rwg.prf(1, 1, 1) == pytest.approx((0.5, 0.5, 0.5))
    assert rwg.prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_work_of(load: Callable[[str], ModuleType]) -> None:
    assert load("redewiedergabe").work_of("rwk_digbib_1020-2.tsv") == "rwk_digbib_1020"


@pytest.mark.corpus
def test_split_is_by_work_and_disjoint(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    rwg = load("redewiedergabe")
    if not rwg.TSV.is_dir():
        pytest.skip(f"redewiedergabe not found at {rwg.TSV}")
    parts = rwg.split()
    works = {part: {rwg.work_of(name) for name in names} for part, names in parts.items()}
    assert not works["test"] & works["train"] and not works["test"] & works["val"]
    assert not works["val"] & works["train"]
    assert sum(len(names) for names in parts.values()) == len(rwg.metadata())
    assert parts == rwg.split()  # seeded: the same every time
