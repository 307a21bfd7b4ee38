"""House rules for the packaged data that the schema alone does not enforce."""

from __future__ import annotations

import re

import pytest

from lagebild.kb import EntityType, KnowledgeBase

CYRILLIC = re.compile(r"[Ѐ-ӿ]")
LATIN = re.compile(r"[A-Za-z]")


def test_every_person_has_a_country(kb: KnowledgeBase) -> None:
    assert [p.id for p in kb.entities(EntityType.PERSON) if p.country is None] == []


def test_every_person_has_roles_or_description(kb: KnowledgeBase) -> None:
    bare = [p.id for p in kb.entities(EntityType.PERSON) if not (p.roles or p.description)]
    assert bare == []


@pytest.mark.parametrize("lang", ["ru", "uk", "be"])
def test_cyrillic_names_are_cyrillic(kb: KnowledgeBase, lang: str) -> None:
    wrong = [
        (e.id, name)
        for e in kb
        for name in e.names.get(lang, [])
        if LATIN.search(name) or not CYRILLIC.search(name)
    ]
    assert wrong == []


def test_german_nationality_adjectives_are_lower_case(kb: KnowledgeBase) -> None:
    """Adjective stems are lower case (but "US-amerikanisch"); capitalised entries are
    demonyms ("Belarusse")."""
    for entity in kb.entities(EntityType.PLACE):
        for stem in entity.nationality.get("de", []):
            if stem.endswith("isch") and "-" not in stem:
                assert stem[0].islower(), (entity.id, stem)


def test_unambiguous_forms_are_not_too_short(kb: KnowledgeBase) -> None:
    short = [(f.surface, f.entity_id) for f in kb.forms() if len(f.surface) < 2 and not f.ambiguous]
    assert short == []


def test_role_aliases_of_persons_are_dated_or_documented(kb: KnowledgeBase) -> None:
    """A role phrase without dates must belong to someone who still holds a role."""
    for person in kb.entities(EntityType.PERSON):
        for form in person.role_aliases:
            if form.since is None and form.until is None:
                assert person.roles, person.id


def test_every_weapon_family_has_a_kind(kb: KnowledgeBase) -> None:
    assert all(w.kind for w in kb.entities(EntityType.WEAPON))


@pytest.mark.parametrize(
    "entity_id",
    [
        "person/vladimir-putin",
        "person/alexander-lukashenko",
        "person/volodymyr-zelensky",
        "person/sergei-shoigu",
        "person/andrei-belousov",
        "person/valery-gerasimov",
        "person/sergey-lavrov",
        "person/dmitry-peskov",
        "person/maria-zakharova",
        "person/igor-konashenkov",
        "person/yevgeny-prigozhin",
        "person/ramzan-kadyrov",
        "person/sergey-surovikin",
        "person/oleksandr-syrskyi",
        "person/valerii-zaluzhnyi",
        "person/kyrylo-budanov",
        "person/rustem-umerov",
        "person/oleksii-reznikov",
        "person/dmytro-kuleba",
        "person/andrii-sybiha",
        "person/andriy-yermak",
        "person/joe-biden",
        "person/donald-trump",
        "person/antony-blinken",
        "person/marco-rubio",
        "person/lloyd-austin",
        "person/pete-hegseth",
        "person/olaf-scholz",
        "person/friedrich-merz",
        "person/boris-pistorius",
        "person/annalena-baerbock",
        "person/johann-wadephul",
        "person/emmanuel-macron",
        "person/keir-starmer",
        "person/rishi-sunak",
        "person/giorgia-meloni",
        "person/donald-tusk",
        "person/jens-stoltenberg",
        "person/mark-rutte",
        "person/ursula-von-der-leyen",
        "person/kaja-kallas",
        "person/josep-borrell",
        "person/antonio-guterres",
        "person/rafael-grossi",
        "person/xi-jinping",
        "person/recep-tayyip-erdogan",
        "person/viktor-orban",
        "person/kim-jong-un",
        "org/isw",
        "org/nato",
        "org/eu",
        "org/un",
        "org/iaea",
        "org/osce",
        "org/kremlin",
        "org/russian-defence-ministry",
        "org/ukrainian-defence-ministry",
        "org/belarusian-defence-ministry",
        "org/russian-foreign-ministry",
        "org/russian-general-staff",
        "org/ukrainian-general-staff",
        "org/wagner-group",
        "org/rosgvardia",
        "org/fsb",
        "org/gru",
        "org/svr",
        "org/gur",
        "org/sbu",
        "org/union-state",
        "org/rosatom",
        "org/gazprom",
        "org/bundeswehr",
        "org/us-department-of-defense",
        "org/white-house",
        "org/csto",
        "unit/1st-guards-tank-army",
        "unit/20th-combined-arms-army",
        "unit/58th-combined-arms-army",
        "unit/8th-combined-arms-army",
        "unit/vdv",
        "unit/76th-guards-air-assault-division",
        "unit/black-sea-fleet",
        "unit/western-military-district",
        "unit/southern-military-district",
        "unit/central-military-district",
        "unit/eastern-military-district",
        "unit/azov",
        "unit/3rd-assault-brigade",
        "unit/47th-mechanized-brigade",
    ],
)
def test_required_entity_exists(kb: KnowledgeBase, entity_id: str) -> None:
    assert entity_id in kb
