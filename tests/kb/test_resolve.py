"""Required seed entities: spellings, inflection bases, transliterations and designations."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.kb import AmbiguousAliasError, EntityType, KnowledgeBase, UnknownAliasError

SEED = [
    ("Lukaschenko", "person/alexander-lukashenko"),
    ("Lukashenka", "person/alexander-lukashenko"),
    ("Lukaschenka", "person/alexander-lukashenko"),
    ("Аляксандр Лукашэнка", "person/alexander-lukashenko"),
    ("Wladimir Putin", "person/vladimir-putin"),
    ("Путин", "person/vladimir-putin"),
    ("Selenskyj", "person/volodymyr-zelensky"),
    ("Zelenskyy", "person/volodymyr-zelensky"),
    ("Schoigu", "person/sergei-shoigu"),
    ("Gerassimow", "person/valery-gerasimov"),
    ("Sacharowa", "person/maria-zakharova"),
    ("Saluschnyj", "person/valerii-zaluzhnyi"),
    ("Syrskyj", "person/oleksandr-syrskyi"),
    ("Erdogan", "person/recep-tayyip-erdogan"),
    ("von der Leyen", "person/ursula-von-der-leyen"),
    ("Weißrussland", "place/belarus"),
    ("Weissrussland", "place/belarus"),
    ("Belarussia", "place/belarus"),
    ("Byelorussia", "place/belarus"),
    ("Moldau", "place/moldova"),
    ("Moldawien", "place/moldova"),
    ("Russische Föderation", "place/russia"),
    ("Kiew", "place/kyiv"),
    ("Kiev", "place/kyiv"),
    ("Київ", "place/kyiv"),
    ("Charkiw", "place/kharkiv"),
    ("Kharkov", "place/kharkiv"),
    ("Artemivsk", "place/bakhmut"),
    ("Bachmut", "place/bakhmut"),
    ("Wowtschansk", "place/vovchansk"),
    ("Volchansk", "place/vovchansk"),
    ("Saporischschja", "place/zaporizhzhia"),
    ("Zaporozhye", "place/zaporizhzhia"),
    ("Odessa", "place/odesa"),
    ("Mykolajiw", "place/mykolaiv"),
    ("Nikolaev", "place/mykolaiv"),
    ("Cherson", "place/kherson"),
    ("Donezk", "place/donetsk"),
    ("Lugansk", "place/luhansk"),
    ("Awdijiwka", "place/avdiivka"),
    ("Pokrowsk", "place/pokrovsk"),
    ("Kupjansk", "place/kupiansk"),
    ("Sjewjerodonezk", "place/sievierodonetsk"),
    ("Homel", "place/gomel"),
    ("Oblast Donezk", "place/donetsk-oblast"),
    ("Donetsk Oblast", "place/donetsk-oblast"),
    ("UNDERSTANDING WAR", "org/isw"),
    ("Institute for the Study of War", "org/isw"),
    ("Unionsstaat", "org/union-state"),
    ("Kreml", "org/kremlin"),
    ("Nato", "org/nato"),
    ("1st Guards Tank Army", "unit/1st-guards-tank-army"),
    ("S-400", "weapon/s-400"),
    ("Triumf", "weapon/s-400"),
    ("SA-21 Growler", "weapon/s-400"),
    ("40R6", "weapon/s-400"),
    ("Shahed-136", "weapon/shahed-136"),
    ("Geran-2", "weapon/shahed-136"),
    ("Iskander", "weapon/iskander"),
    ("9K720", "weapon/iskander"),
    ("SS-26 Stone", "weapon/iskander"),
    ("Iskander-M", "weapon/iskander"),
    ("SCALP-EG", "weapon/storm-shadow"),
    ("M142", "weapon/himars"),
    ("MIM-104", "weapon/patriot"),
    ("Kh-47M2", "weapon/kinzhal"),
    ("3M-14", "weapon/kalibr"),
    ("ZALA Lancet", "weapon/lancet"),
    ("MGM-140", "weapon/atacms"),
    ("Taurus KEPD 350", "weapon/taurus"),
    ("Leopard 2A6", "weapon/leopard-2a6"),
]


@pytest.mark.parametrize(("text", "entity_id"), SEED)
def test_seed_alias_resolves(kb: KnowledgeBase, text: str, entity_id: str) -> None:
    assert kb.resolve(text).id == entity_id


@pytest.mark.parametrize("text", ["lukaschenko", "WEISSRUSSLAND", "s‑400", "  Kiew  "])
def test_lookup_folds_case_dashes_and_blanks(kb: KnowledgeBase, text: str) -> None:
    assert len(kb.by_alias(text)) == 1


@pytest.mark.parametrize(
    ("variant", "family"),
    [("weapon/leopard-2a6", "weapon/leopard-2"), ("weapon/t-72b3", "weapon/t-72")],
)
def test_variant_has_family_parent(kb: KnowledgeBase, variant: str, family: str) -> None:
    assert kb.get(variant).parent == family
    assert variant in {e.id for e in kb.children(family)}


@pytest.mark.parametrize(
    ("stem", "country"),
    [
        ("belarussisch", "place/belarus"),
        ("weißrussisch", "place/belarus"),
        ("Belarusian", "place/belarus"),
        ("russisch", "place/russia"),
        ("Russian", "place/russia"),
        ("ukrainisch", "place/ukraine"),
        ("Ukrainian", "place/ukraine"),
    ],
)
def test_nationality_stem_links_to_country(kb: KnowledgeBase, stem: str, country: str) -> None:
    forms = {(f.surface, f.kind) for f in kb.forms() if f.entity_id == country}
    assert (stem, "nationality") in forms


@pytest.mark.parametrize(
    ("phrase", "day", "entity_id"),
    [
        ("Kremlchef", date(2022, 12, 19), "person/vladimir-putin"),
        ("Kremlchef", date(2010, 1, 1), "person/dmitry-medvedev"),
        ("belarussische Präsident", date(2022, 12, 19), "person/alexander-lukashenko"),
        ("the Kremlin's spokesperson", date(2023, 1, 1), "person/dmitry-peskov"),
        ("Russian Defense Minister", date(2023, 1, 1), "person/sergei-shoigu"),
        ("Russian Defense Minister", date(2024, 6, 1), "person/andrei-belousov"),
        ("US-Präsident", date(2024, 4, 20), "person/joe-biden"),
        ("US-Präsident", date(2025, 3, 1), "person/donald-trump"),
        ("Bundeskanzler", date(2024, 4, 23), "person/olaf-scholz"),
        ("Bundeskanzler", date(2025, 6, 1), "person/friedrich-merz"),
        ("Nato-Generalsekretär", date(2024, 4, 3), "person/jens-stoltenberg"),
    ],
)
def test_role_phrase_resolves_by_date(
    kb: KnowledgeBase, phrase: str, day: date, entity_id: str
) -> None:
    assert kb.resolve(phrase, on=day).id == entity_id


def test_role_phrase_without_date_is_ambiguous(kb: KnowledgeBase) -> None:
    with pytest.raises(AmbiguousAliasError) as caught:
        kb.resolve("Bundeskanzler")
    assert "person/olaf-scholz" in caught.value.candidates


def test_former_name_resolves_after_renaming(kb: KnowledgeBase) -> None:
    assert kb.resolve("Artemovsk", on=date(2023, 5, 1)).id == "place/bakhmut"


def test_unknown_alias_raises_key_error(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError, match="Atlantis"):
        kb.resolve("Atlantis")
    assert isinstance(UnknownAliasError("x"), KeyError)


def test_by_alias_returns_empty_tuple_when_unknown(kb: KnowledgeBase) -> None:
    assert kb.by_alias("Atlantis") == ()


@pytest.mark.parametrize(
    ("text", "entity_type", "entity_id"),
    [
        ("Kursk", EntityType.PLACE, "place/kursk"),
        ("Kursk", EntityType.WEAPON, "weapon/kursk-submarine"),
        ("Moskva", EntityType.PLACE, "place/moscow"),
    ],
)
def test_type_filter_separates_cross_type_homonyms(
    kb: KnowledgeBase, text: str, entity_type: EntityType, entity_id: str
) -> None:
    assert kb.resolve(text, type=entity_type).id == entity_id


@pytest.mark.parametrize(
    ("city", "region"),
    [("place/donetsk", "place/donetsk-oblast"), ("place/kursk", "place/kursk-oblast")],
)
def test_city_and_region_are_separate(kb: KnowledgeBase, city: str, region: str) -> None:
    assert kb.get(city).kind == "city"
    assert kb.get(region).kind == "region"
    assert kb.get(city).parent == region
