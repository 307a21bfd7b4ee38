"""Front matter: YAML and TOML, kept as written; malformed front matter loses nothing."""

from __future__ import annotations

import string

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from lagebild.read.frontmatter import jsonable, key_values, split_front_matter


def test_yaml_front_matter_and_body_start() -> None:
    text = "---\ntitle: Lage am Morgen\ntags: [a, b]\n---\nText beginnt hier.\n"
    front = split_front_matter(text)
    assert front.values == {"title": "Lage am Morgen", "tags": ["a", "b"]}
    assert text[front.body_start :] == "Text beginnt hier.\n"


def test_dates_stay_as_written() -> None:
    front = split_front_matter("---\ndate: 2022-02-18 12:00:00 +08:00\nday: 2022-02-18\n---\n")
    assert front.values == {"date": "2022-02-18 12:00:00 +08:00", "day": "2022-02-18"}


def test_yaml_closed_by_dots() -> None:
    front = split_front_matter("---\ntitle: x\n...\nbody")
    assert (front.values, front.error) == ({"title": "x"}, None)


def test_toml_front_matter() -> None:
    front = split_front_matter('+++\ntitle = "Lage"\ndate = 2024-04-14\n+++\nText')
    assert front.values == {"title": "Lage", "date": "2024-04-14"}


def test_empty_front_matter() -> None:
    front = split_front_matter("---\n---\nText")
    assert (front.values, front.present, front.body_start) == ({}, True, 8)


def test_no_front_matter() -> None:
    front = split_front_matter("Einfach Text.\n---\n")
    assert (front.present, front.body_start, front.error) == (False, 0, None)


def test_unclosed_front_matter_is_read_as_text() -> None:
    front = split_front_matter("---\ntitle: offen\nText ohne Ende")
    assert (front.present, front.body_start) == (False, 0)
    assert front.error is not None and "not closed" in front.error


@pytest.mark.parametrize(
    "block",
    [
        'title: "Lage: "unklar"\ndate: 2024-04-14\n',
        "title: Lage\ndate: 2024-04-14\n  - broken: [\n",
        "title: Lage\ndate: 2024-04-14\n\tkey: tab\n",
    ],
)
def test_malformed_yaml_keeps_plain_values_and_says_why(block: str) -> None:
    front = split_front_matter(f"---\n{block}---\nText")
    assert front.values.get("date") == "2024-04-14"
    assert front.error is not None and front.error.startswith("invalid YAML front matter")
    assert front.present


def test_front_matter_that_is_not_a_mapping() -> None:
    front = split_front_matter("---\n- a\n- b\n---\nText")
    assert front.error == "front matter is a list, not a mapping"


def test_key_values_strip_quotes() -> None:
    assert key_values("title: 'Lage'\nauthor: \"ISW\"\n  nested: no\n") == {
        "title": "Lage",
        "author": "ISW",
    }


def test_jsonable_turns_dates_into_strings() -> None:
    from datetime import date

    assert jsonable({"d": date(2024, 1, 2), "l": [1, None, {"x": b"y"}]}) == {
        "d": "2024-01-02",
        "l": [1, None, {"x": "b'y'"}],
    }


keys = st.text(string.ascii_letters + "_", min_size=1, max_size=12)
values = st.one_of(
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=40),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.lists(st.text(string.ascii_letters, max_size=8), max_size=4),
)


@given(st.dictionaries(keys, values, max_size=8), st.text(max_size=80))
def test_yaml_round_trip(front: dict[str, object], body: str) -> None:
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False) if front else ""
    parsed = split_front_matter(f"---\n{dumped}---\n{body}")
    assert (parsed.values, parsed.error) == (front, None)
    assert f"---\n{dumped}---\n{body}"[parsed.body_start :] == body
