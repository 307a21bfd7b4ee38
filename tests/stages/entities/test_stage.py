"""The entity stage on hand-made documents and on the seed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import lagebild
from lagebild.records import Document, EntityType
from lagebild.stages.entities.build import from_links, from_ner
from lagebild.stages.entities.linker import kb_matcher
from lagebild.stages.entities.ner import NerSpan
from lagebild.stages.entities.stage import make_entities

STAGE = make_entities(ner=False, geocode=False)


def _entities(text: str, published: date | None = date(2022, 12, 20)) -> dict[str, list[str]]:
    document = STAGE(Document(text=text, language="de", published=published))
    return {e.id: [m.text for m in e.mentions] for e in document.entities}


@pytest.mark.parametrize(
    ("text", "entity_id", "mentions"),
    [
        ("Lukaschenkos Rhetorik", "person/alexander-lukashenko", ["Lukaschenkos"]),
        ("Beteiligung Weißrusslands", "place/belarus", ["Weißrusslands"]),
        ("die belarussischen Grenzen", "place/belarus", ["belarussischen"]),
        ("S-400-Luftverteidigungskomplexe", "weapon/s-400", ["S-400"]),
        ("das ISW und UNDERSTANDING WAR", "org/isw", ["ISW", "UNDERSTANDING WAR"]),
        ("Der Kremlchef sprach.", "person/vladimir-putin", ["Kremlchef"]),
    ],
)
def test_links_inflected_and_compound_forms(text: str, entity_id: str, mentions: list[str]) -> None:
    assert _entities(text)[entity_id] == mentions


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        (date(2005, 1, 1), "person/vladimir-putin"),
        (date(2010, 1, 1), "person/dmitry-medvedev"),
        (date(2022, 12, 20), "person/vladimir-putin"),
    ],
)
def test_role_phrase_denotes_the_holder_in_office_on_the_document_date(
    day: date, holder: str
) -> None:
    assert list(_entities("Der Kremlchef sprach.", day)) == [holder]


def test_nationality_mentions_have_their_kind() -> None:
    document = STAGE(Document(text="die belarussischen Grenzen", language="de"))
    assert document.entities[0].mentions[0].kind == "nationality"


def test_region_word_picks_the_oblast() -> None:
    found = _entities("Kämpfe im Gebiet Donezk und in der Stadt Donezk.")
    regions = [key for key in found if "donetsk" in key and "oblast" in key]
    assert regions and len(found[regions[0]]) == 1


def test_places_from_the_kb_carry_coordinates() -> None:
    document = STAGE(Document(text="Treffen in Minsk.", language="de"))
    minsk = document.entities[0]
    assert (
        minsk.type is EntityType.PLACE and minsk.geo is not None and minsk.geo.geonames_id == 625144
    )


def test_unavailable_ner_model_is_noted() -> None:
    stage = make_entities(models={"de": "lagebild:no_such_model"}, geocode=False)
    document = stage(Document(text="Ihor Petruk kam.", language="de"))
    assert "unavailable" in document.metadata["entities"]["ner"]


def test_english_ner_finds_unknown_people_and_joins_surnames() -> None:
    stage = make_entities(geocode=False)
    text = "Mayor Ihor Petruk signed the treaty in Tlumach. Petruk said it was historic."
    document = stage(Document(text=text, language="en"))
    people = [e for e in document.entities if e.id.startswith("unk/person/")]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_seed_entities(seed_path: Path) -> None:
    document = lagebild.analyze(seed_path, published=date(2022, 12, 20))
    by_id = {e.id: e for e in document.entities}
    lukashenko = [m.text for m in by_id["person/alexander-lukashenko"].mentions if m.kind == "name"]
    putin = [m.text for m in by_id["person/vladimir-putin"].mentions if m.kind == "name"]
    assert len(lukashenko) == 8 and "Lukaschenkos" in lukashenko
    assert len(putin) == 7 and "Putins" in putin
    assert by_id["place/minsk"].geo is not None
    assert {"Belarus", "Weißrussland"} <= {m.text for m in by_id["place/belarus"].mentions}
    assert {
        "org/nato",
        "org/isw",
        "weapon/s-400",
        "weapon/iskander",
        "place/russia",
        "place/ukraine",
    } <= set(by_id)
    assert "UNDERSTANDING WAR" in {m.text for m in by_id["org/isw"].mentions}


@pytest.mark.parametrize(
    ("text", "span", "kind", "name"),
    [
        ("Kyiv Spokesperson Irina Volk said it.", (0, 28), EntityType.PERSON, "Irina Volk"),
        (
            "Parts of the 7th Airborne Division moved.",
            (9, 34),
            EntityType.ORGANIZATION,
            "7th Airborne Division",
        ),
        ("Laut Sprecherin Anna Berg kam er.", (5, 25), EntityType.PERSON, "Anna Berg"),
        ("Die northeast side", (4, 13), EntityType.PLACE, None),
        ("Support from the West grew.", (17, 21), EntityType.PLACE, None),
    ],
)
def test_ner_names_lose_kb_heads_articles_and_titles(
    text: str, span: tuple[int, int], kind: EntityType, name: str | None
) -> None:
    matcher = kb_matcher()
    taken = from_links(text, matcher.link(text, None), matcher.kb)
    found = from_ner(text, [NerSpan(*span, kind, "X")], taken)
    assert [text[f.start : f.end] for f in found] == ([name] if name else [])


def test_out_of_office_role_leaves_the_shorter_name_standing() -> None:
    found = _entities("Die White House Press Secretary sprach.", date(2022, 3, 1))
    assert found.get("org/white-house") == ["White House"]


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        ([(0, 5)], []),  # "Krieg" alone: a common noun the model called a person
        ([(19, 30), (41, 47)], ["Olaf Scholz", "Scholz"]),  # introduced in full first
        ([(59, 65)], ["Merkel"]),  # after a title
    ],
)
def test_lone_person_words_need_an_introduction(
    spans: list[tuple[int, int]], kept: list[str]
) -> None:
    text = "Krieg und Frieden. Olaf Scholz kam. Dann Scholz. Kanzlerin Merkel"
    ner = [NerSpan(s, e, EntityType.PERSON, "PER") for s, e in spans]
    assert [text[f.start : f.end] for f in from_ner(text, ner, [])] == kept


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Officials told The Washington Post that", "The Washington Post"),
        ("The Washington Post reported.", "Washington Post"),
        ("officials told the Washington Post that", "Washington Post"),
    ],
)
def test_a_capitalised_article_inside_a_sentence_belongs_to_the_title(
    text: str, mention: str
) -> None:
    document = STAGE(Document(text=text, language="en"))
    assert [m.text for e in document.entities for m in e.mentions] == [mention]
