"""Splitting long text into parts at paragraph breaks, losslessly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lagebild.read.split import cut_point, split_parts

PARAGRAPH = "Die Lage an der Front blieb am Abend unverändert ruhig.\n\n"


def test_short_text_is_one_last_part() -> None:
    assert list(split_parts(["kurz"], 100)) == [("kurz", True)]


def test_parts_are_cut_after_blank_lines() -> None:
    parts = [text for text, _ in split_parts([PARAGRAPH * 10], 200)]
    assert all(part.endswith("\n\n") for part in parts[:-1])
    assert all(part.startswith("Die Lage") for part in parts)


def test_only_the_final_part_is_last() -> None:
    flags = [last for _, last in split_parts([PARAGRAPH * 10], 200)]
    assert flags == [False] * (len(flags) - 1) + [True]


def test_white_space_tail_joins_the_last_part() -> None:
    text = "a" * 90 + "\n\n" + "b" * 50 + "\n\n\n   \n"
    parts = list(split_parts([text], 100))
    assert parts[-1] == ("b" * 50 + "\n\n\n   \n", True)


def test_cut_falls_back_to_line_break_then_space_then_hard() -> None:
    assert cut_point("x" * 60 + "\n" + "y" * 60, 100) == 61
    assert cut_point("x" * 60 + " " + "y" * 60, 100) == 61
    assert cut_point("x" * 200, 100) == 100


def test_breaks_in_the_first_half_are_ignored() -> None:
    text = "x" * 10 + "\n\n" + "y" * 70 + " " + "z" * 50
    assert cut_point(text, 100) == 83


@given(
    st.lists(st.text(alphabet="ab \n", max_size=70), max_size=20),
    st.integers(min_value=10, max_value=120),
)
def test_parts_join_back_and_respect_the_limit(chunks: list[str], limit: int) -> None:
    parts = list(split_parts(chunks, limit))
    assert "".join(text for text, _ in parts) == "".join(chunks)
    assert all(len(text) <= limit for text, _ in parts[:-1])
    assert parts[-1][1]
