"""The mention index: range look-ups and heads of earlier mentions."""

from __future__ import annotations

from lagebild.records import Document, Entity, EntityType, Mention
from lagebild.stages.claims.mentions import Mentions


def _document() -> Document:
    text = "Das ukrainische Verteidigungsministerium teilte mit, Putin sei in Kiew. Das Ministerium"
    ministry = Entity(
        id="org/ukrainian-defence-ministry",
        name="Ministry of Defence of Ukraine",
        type=EntityType.ORGANIZATION,
        mentions=[Mention(start=4, end=40, text=text[4:40])],
    )
    putin = Entity(
        id="person/vladimir-putin",
        name="Vladimir Putin",
        type=EntityType.PERSON,
        mentions=[Mention(start=52, end=57, text="Putin")],
    )
    kyiv = Entity(
        id="place/kyiv",
        name="Kyiv",
        type=EntityType.PLACE,
        mentions=[Mention(start=65, end=69, text="Kiew", kind="name")],
    )
    return Document(raw_text=text, text=text, entities=[kyiv, putin, ministry])


def test_mentions_in_a_range_in_text_order() -> None:
    found = Mentions(_document()).between(0, 60)
    assert [m.entity_id for m in found] == [
        "org/ukrainian-defence-ministry",
        "person/vladimir-putin",
    ]


def test_range_is_half_open() -> None:
    assert Mentions(_document()).between(52, 52) == []
    assert [m.text for m in Mentions(_document()).between(52, 53)] == ["Putin"]


def test_same_head_finds_the_compound_it_ends() -> None:
    found = Mentions(_document()).same_head("Ministeriums", before=80)
    assert found is not None and found.entity_id == "org/ukrainian-defence-ministry"


def test_same_head_looks_only_backwards() -> None:
    assert Mentions(_document()).same_head("Ministerium", before=4) is None


def test_short_heads_match_nothing() -> None:
    assert Mentions(_document()).same_head("Amt", before=80) is None
