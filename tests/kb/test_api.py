"""The KnowledgeBase API: look-ups, surface forms, user files and extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.kb import (
    EntityType,
    KBValidationError,
    KnowledgeBase,
    SurfaceForm,
    UnknownEntityError,
    load_kb,
)
from lagebild.kb.loader import KB_PATH_ENV

from .conftest import WriteKB


def test_get_returns_entity(kb: KnowledgeBase) -> None:
    assert kb.get("org/isw").name == "Institute for the Study of War"


def test_get_unknown_raises_key_error_with_reason(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError) as caught:
        kb.get("person/nobody")
    assert isinstance(caught.value, UnknownEntityError)
    assert str(caught.value) == "no entity has the id 'person/nobody'"


@pytest.mark.parametrize("entity_type", list(EntityType))
def test_entities_filters_by_type(kb: KnowledgeBase, entity_type: EntityType) -> None:
    assert {e.type for e in kb.entities(entity_type)} == {entity_type}


def test_entities_accepts_type_name(kb: KnowledgeBase) -> None:
    assert kb.entities("WEAPON") == kb.entities(EntityType.WEAPON)


def test_surface_forms_are_triples(kb: KnowledgeBase) -> None:
    surface, entity_id, _kind = next(iter(kb.surface_forms()))
    assert isinstance(surface, str) and entity_id in kb


@pytest.mark.parametrize(
    "form",
    [
        SurfaceForm("Alexander Lukashenko", "person/alexander-lukashenko", "name"),
        SurfaceForm("Lukaschenko", "person/alexander-lukashenko", "alias"),
        SurfaceForm("belarussischen Präsidenten", "person/alexander-lukashenko", "role"),
        SurfaceForm("SA-21 Growler", "weapon/s-400", "designation"),
        SurfaceForm("belarussisch", "place/belarus", "nationality"),
    ],
)
def test_surface_forms_cover_every_kind(kb: KnowledgeBase, form: SurfaceForm) -> None:
    assert form in set(kb.surface_forms())


def test_surface_forms_are_unique_per_entity(kb: KnowledgeBase) -> None:
    pairs = [(f.surface, f.entity_id) for f in kb.surface_forms()]
    assert len(pairs) == len(set(pairs))


def test_forms_carry_language_and_dates(kb: KnowledgeBase) -> None:
    records = [f for f in kb.forms() if f.surface == "Kremlchef" and f.entity_id.endswith("putin")]
    assert {(r.lang, r.since) for r in records} >= {("de", "2012-05-07")}


def test_by_alias_language_filter(kb: KnowledgeBase) -> None:
    assert kb.by_alias("Kremlchef", lang="en") == ()


def test_origin_names_file_and_item(kb: KnowledgeBase) -> None:
    assert kb.origin("place/belarus").endswith("countries.yaml item 3")


def test_user_file_adds_entities(write_kb: WriteKB) -> None:
    path = write_kb("- {id: person/jane-analyst, type: PERSON, name: Jane Analyst}\n")
    kb = load_kb([path])
    assert kb.resolve("Jane Analyst").id == "person/jane-analyst"
    assert "place/belarus" in kb


def test_user_folder_is_read_recursively(write_kb: WriteKB, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_kb("- {id: org/x-team, type: ORGANIZATION, name: X Team}\n", "sub/extra.yml")
    assert "org/x-team" in load_kb([tmp_path])


def test_user_file_extends_packaged_entity(write_kb: WriteKB) -> None:
    path = write_kb("- {extend: person/alexander-lukashenko, aliases: [Batka]}\n")
    kb = load_kb([path])
    assert kb.resolve("Batka").id == "person/alexander-lukashenko"
    assert kb.resolve("Lukaschenko").id == "person/alexander-lukashenko"


def test_extension_of_unknown_entity_is_an_error(write_kb: WriteKB) -> None:
    path = write_kb("- {extend: person/nobody, aliases: [Nobody]}\n")
    with pytest.raises(KBValidationError, match=r"\[person/nobody\]: extend: unknown id"):
        load_kb([path])


def test_user_file_clashing_with_packaged_id_is_an_error(write_kb: WriteKB) -> None:
    path = write_kb("- {id: place/belarus, type: PLACE, kind: country, name: Belarus}\n")
    with pytest.raises(
        KBValidationError, match=r"duplicate id, first defined in .*countries\.yaml"
    ):
        load_kb([path])


def test_environment_variable_adds_files(
    write_kb: WriteKB, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_kb("- {id: org/env-team, type: ORGANIZATION, name: Env Team}\n")
    monkeypatch.setenv(KB_PATH_ENV, str(path))
    assert "org/env-team" in load_kb()


def test_changed_user_file_is_reloaded(write_kb: WriteKB) -> None:
    path = write_kb("- {id: org/a-team, type: ORGANIZATION, name: A Team}\n")
    first = load_kb([path])
    write_kb("- {id: org/a-team, type: ORGANIZATION, name: A-Team Renamed}\n")
    assert load_kb([path]).get("org/a-team").name != first.get("org/a-team").name


def test_packaged_data_can_be_left_out(write_kb: WriteKB) -> None:
    path = write_kb("- {id: org/only, type: ORGANIZATION, name: Only}\n")
    assert len(load_kb([path], packaged=False)) == 1


def test_user_path_with_tilde_is_expanded(
    write_kb: WriteKB, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    write_kb("- {id: org/home-team, type: ORGANIZATION, name: Home Team}\n", "mine.yaml")
    assert "org/home-team" in load_kb(["~/mine.yaml"])
