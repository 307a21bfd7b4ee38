"""Invalid KB files fail with clear errors naming the file, the item and its line."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.kb import KBValidationError, KnowledgeBase, build

from .conftest import BELARUS, WriteKB

BuildTiny = Callable[[str], KnowledgeBase]


def _issues(build_tiny: BuildTiny, text: str) -> str:
    with pytest.raises(KBValidationError) as caught:
        build_tiny(text)
    return str(caught.value)


def test_duplicate_id_names_both_places(build_tiny: BuildTiny) -> None:
    message = _issues(build_tiny, BELARUS + BELARUS.replace("Weißrussland", "Belarussia"))
    assert "kb.yaml item 2 (line 7) [place/belarus]: duplicate id" in message
    assert "first defined in" in message and "item 1" in message


@pytest.mark.parametrize(
    ("field", "entity_id", "rest"),
    [
        ("country", "person/x", "type: PERSON, country: place/atlantis"),
        ("parent", "place/x", "type: PLACE, kind: city, parent: place/atlantis"),
        ("roles[1].of", "person/x", "type: PERSON, roles: [{role: head, of: place/atlantis}]"),
    ],
)
def test_dangling_reference(build_tiny: BuildTiny, field: str, entity_id: str, rest: str) -> None:
    message = _issues(build_tiny, f"- {{id: {entity_id}, name: X, {rest}}}\n")
    assert f"kb.yaml item 1 (line 1) [{entity_id}]" in message
    assert f"{field}: unknown id 'place/atlantis'" in message


def test_reference_of_wrong_type(build_tiny: BuildTiny) -> None:
    text = """
    - id: person/x
      type: PERSON
      name: X
    - id: person/y
      type: PERSON
      name: Y
      country: person/x
    """
    assert "country: 'person/x' is a PERSON and does not fit here" in _issues(build_tiny, text)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("{id: person/x, type: HUMAN, name: X}", "type: Input should be"),
        ("{id: person/x, type: PLACE, name: X, kind: city}", "needs type PERSON"),
        ("{id: pers/x, type: PERSON, name: X}", "id: String should match pattern"),
        ("{id: weapon/x, type: WEAPON, name: X, kind: laser}", "kind 'laser' is not a WEAPON"),
        ("{id: weapon/x, type: WEAPON, name: X}", "a WEAPON needs a kind"),
        ("{id: unit/x, type: ORGANIZATION, name: X}", "unit/ entities need kind: military-unit"),
        ("{id: person/x, type: PERSON, name: X, colour: red}", "colour: Extra inputs"),
        ("{id: person/x, type: PERSON, name: X, geonames_id: 5}", "are for places"),
        ("{id: place/x, type: PLACE, name: X, kind: city, lat: 5}", "lat and lon go together"),
        ("{id: person/x, type: PERSON, name: X, wikidata: 'Q0'}", "wikidata: String should"),
        ("{id: person/x, type: PERSON, name: X, aliases: [' X']}", "leading or trailing"),
    ],
)
def test_invalid_entity(build_tiny: BuildTiny, entity: str, expected: str) -> None:
    assert expected in _issues(build_tiny, f"- {entity}\n")


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ("since: 2024-13", "invalid date '2024-13'"),
        ("since: 2023-02-30", "invalid date '2023-02-30'"),
        ("since: 24.02.2022", "not a date"),
        ("since: 2024, until: 2023", "since 2024 is after until 2023"),
    ],
)
def test_invalid_role_dates(build_tiny: BuildTiny, dates: str, expected: str) -> None:
    text = f"- {{id: person/x, type: PERSON, name: X, roles: [{{role: head, {dates}}}]}}\n"
    assert expected in _issues(build_tiny, text)


def test_every_issue_is_reported_at_once(build_tiny: BuildTiny) -> None:
    text = "- {id: person/x, type: HUMAN, name: X}\n- {id: person/y, type: PERSON}\n"
    with pytest.raises(KBValidationError) as caught:
        build_tiny(text)
    assert [issue.item for issue in caught.value.issues] == [1, 2]


@pytest.mark.parametrize(
    "document",
    ["just a string\n", "{people: []}\n", "- [1, 2]\n", "- {id: [unclosed\n"],
)
def test_malformed_file(build_tiny: BuildTiny, document: str) -> None:
    with pytest.raises(KBValidationError, match=r"kb\.yaml"):
        build_tiny(document)


def test_same_type_alias_clash_is_an_error(build_tiny: BuildTiny) -> None:
    text = BELARUS + "- {id: place/y, type: PLACE, kind: city, name: Y, aliases: [Weißrussland]}\n"
    message = _issues(build_tiny, text)
    assert "'Weißrussland' (alias) is also claimed by place/belarus" in message


def test_clash_is_detected_after_folding(build_tiny: BuildTiny) -> None:
    text = BELARUS + "- {id: place/y, type: PLACE, kind: city, name: Y, aliases: [WEISSRUSSLAND]}\n"
    assert "is also claimed by place/belarus" in _issues(build_tiny, text)


def test_alias_flagged_ambiguous_may_be_shared(build_tiny: BuildTiny) -> None:
    text = BELARUS + (
        "- {id: place/y, type: PLACE, kind: city, name: Y,"
        " aliases: [{text: Weißrussland, ambiguous: true}]}\n"
    )
    assert len(build_tiny(text).by_alias("Weißrussland")) == 2


def test_declared_ambiguity_may_be_shared(write_kb: WriteKB) -> None:
    entities = write_kb(BELARUS + "- {id: place/y, type: PLACE, kind: city, name: Weißrussland}\n")
    declared = write_kb(
        "ambiguous:\n  - {alias: Weißrussland, entities: [place/belarus, place/y], note: test}\n",
        "ambiguities.yaml",
    )
    kb = build([entities, declared])
    assert [a.note for a in kb.ambiguities()] == ["test"]


def test_declaration_of_unknown_entity_is_an_error(write_kb: WriteKB) -> None:
    entities = write_kb(BELARUS)
    declared = write_kb(
        "ambiguous:\n  - {alias: Weißrussland, entities: [place/belarus, place/nowhere]}\n",
        "ambiguities.yaml",
    )
    with pytest.raises(KBValidationError, match="unknown id 'place/nowhere'"):
        build([entities, declared])


def test_role_phrases_of_successive_office_holders_may_be_shared(build_tiny: BuildTiny) -> None:
    text = """
    - {id: person/a, type: PERSON, name: A, role_aliases: [{text: Kanzler, until: 2021-12-07}]}
    - {id: person/b, type: PERSON, name: B, role_aliases: [{text: Kanzler, since: 2021-12-08}]}
    """
    assert len(build_tiny(text).by_alias("Kanzler")) == 2


def test_overlapping_role_phrases_clash(build_tiny: BuildTiny) -> None:
    text = """
    - {id: person/a, type: PERSON, name: A, role_aliases: [{text: Kanzler, until: 2021-12}]}
    - {id: person/b, type: PERSON, name: B, role_aliases: [{text: Kanzler, since: 2021-12-08}]}
    """
    assert "'Kanzler' (role) is also claimed by person/a" in _issues(build_tiny, text)


def test_cross_type_homonyms_are_recorded_not_rejected(build_tiny: BuildTiny) -> None:
    text = """
    - {id: place/kursk, type: PLACE, kind: city, name: Kursk}
    - {id: weapon/kursk, type: WEAPON, kind: submarine, name: Kursk submarine, aliases: [Kursk]}
    """
    (ambiguity,) = build_tiny(text).ambiguities()
    assert ambiguity.cross_type
    assert set(ambiguity.entity_ids) == {"place/kursk", "weapon/kursk"}


def test_parent_cycle_is_an_error(build_tiny: BuildTiny) -> None:
    text = """
    - {id: weapon/a, type: WEAPON, kind: tank, name: A, parent: weapon/b}
    - {id: weapon/b, type: WEAPON, kind: tank, name: B, parent: weapon/a}
    """
    assert "parent chain loops back" in _issues(build_tiny, text)


def test_yes_and_no_stay_strings(build_tiny: BuildTiny) -> None:
    kb = build_tiny("- {id: org/x, type: ORGANIZATION, name: X, aliases: [NO, yes, 'on']}\n")
    assert [a.text for a in kb.get("org/x").aliases] == ["NO", "yes", "on"]


def test_invalid_declaration_names_its_position(write_kb: WriteKB) -> None:
    entities = write_kb(BELARUS)
    declared = write_kb("ambiguous:\n  - {alias: Weißrussland}\n", "ambiguities.yaml")
    with pytest.raises(KBValidationError, match=r"ambiguities\.yaml: ambiguous\[1\]: entities"):
        build([entities, declared])


def test_missing_file_is_reported(write_kb: WriteKB) -> None:
    with pytest.raises(KBValidationError, match=r"nowhere\.yaml: cannot read"):
        build([write_kb(BELARUS).with_name("nowhere.yaml")])
