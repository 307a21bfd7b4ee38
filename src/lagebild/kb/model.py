"""The entities of the knowledge base as pydantic models (``extra="forbid"``).

One :class:`Entity` is one list item of a data file.  Surface forms (aliases,
role phrases, designations) may be written as plain strings or as mappings
with a language, validity dates and an ``ambiguous`` flag; they are normalised
to :class:`Form` on load.  See docs/kb.md for every field.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from lagebild.kb.dates import earliest, latest, parse_fuzzy_date

FuzzyDate = Annotated[str, BeforeValidator(parse_fuzzy_date)]
EntityId = Annotated[str, Field(pattern=r"^(person|org|unit|place|weapon)/[a-z0-9][a-z0-9.-]*$")]
Lang = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    PLACE = "PLACE"
    WEAPON = "WEAPON"


#: The id prefix each type takes; ``unit/`` is an ORGANIZATION of kind ``military-unit``.
PREFIXES: Final[dict[str, EntityType]] = {
    "person": EntityType.PERSON,
    "org": EntityType.ORGANIZATION,
    "unit": EntityType.ORGANIZATION,
    "place": EntityType.PLACE,
    "weapon": EntityType.WEAPON,
}
MILITARY_UNIT: Final = "military-unit"

#: The ``kind`` values each type accepts (persons take none).
KINDS: Final[dict[EntityType, frozenset[str]]] = {
    EntityType.PERSON: frozenset(),
    EntityType.ORGANIZATION: frozenset(
        """military-unit armed-forces service-branch military-district fleet government
        head-of-state-office ministry agency intelligence-service security-service law-enforcement
        paramilitary private-military-company proxy-state parliament party alliance
        international-organization court company state-company think-tank media ngo
        religious-organization format""".split()
    ),
    EntityType.PLACE: frozenset(
        """continent country territory region district city town village settlement river sea
        lake strait gulf bay peninsula island spit reservoir dam bridge power-plant
        nuclear-power-plant industrial-plant airbase naval-base port pipeline historical-region forest
        mountain-range""".split()
    ),
    EntityType.WEAPON: frozenset(
        """air-defence manpads radar ballistic-missile cruise-missile anti-ship-missile
        hypersonic-missile air-to-air-missile air-to-surface-missile guided-rocket
        glide-bomb bomb munition drone loitering-munition naval-drone artillery
        rocket-artillery mortar tank ifv apc armoured-vehicle reconnaissance-vehicle
        aircraft helicopter ship submarine anti-tank small-arms electronic-warfare
        nuclear-weapon engineering-vehicle""".split()
    ),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _form_from_string(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Form(Strict):
    """A surface form: an alias, role phrase or designation, with optional scope."""

    text: Annotated[str, Field(min_length=1)]
    lang: Lang | None = None
    since: FuzzyDate | None = None
    until: FuzzyDate | None = None
    ambiguous: bool = False
    note: str | None = None

    @field_validator("text")
    @classmethod
    def _stripped(cls, text: str) -> str:
        if text != text.strip() or not text.strip():
            raise ValueError(f"surface form {text!r} has leading or trailing blanks")
        return text

    @model_validator(mode="after")
    def _ordered(self) -> Form:
        check_interval(self.since, self.until)
        return self


FormIn = Annotated[Form, BeforeValidator(_form_from_string)]


class Role(Strict):
    """A position held: ``{role: president, of: place/belarus, since: 1994-07-20}``."""

    role: Slug
    of: EntityId | None = None
    since: FuzzyDate | None = None
    until: FuzzyDate | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        check_interval(self.since, self.until)
        return self


def check_interval(since: str | None, until: str | None) -> None:
    """Raise ValueError when ``since`` lies after ``until``."""
    if since is not None and until is not None and earliest(since) > latest(until):
        raise ValueError(f"since {since} is after until {until}")


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Names = dict[Lang, Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_listify)]]
Stems = dict[Lang, Annotated[list[Annotated[str, Field(min_length=2)]], BeforeValidator(_listify)]]


class Entity(Strict):
    """One entity: a person, organisation (or military unit), place or weapon system."""

    id: EntityId
    type: EntityType
    name: Annotated[str, Field(min_length=1)]
    kind: Slug | None = None
    description: str | None = None
    names: Names = Field(default_factory=dict)
    aliases: list[FormIn] = Field(default_factory=list)
    role_aliases: list[FormIn] = Field(default_factory=list)
    designations: list[FormIn] = Field(default_factory=list)
    nationality: Stems = Field(default_factory=dict)
    roles: list[Role] = Field(default_factory=list)
    country: EntityId | None = None
    parent: EntityId | None = None
    since: FuzzyDate | None = None
    until: FuzzyDate | None = None
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = None
    iso_code: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    geonames_id: Annotated[int, Field(gt=0)] | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    feature_class: Annotated[str, Field(pattern=r"^[AHLPRSTUV]$")] | None = None
    coords_source: Annotated[str, Field(pattern=r"^(geonames|countryinfo)$")] | None = None
    #: For persons: lets pronoun resolution match "she"/"sie" to a woman.
    gender: Literal["female", "male"] | None = None

    @property
    def prefix(self) -> str:
        return self.id.split("/", 1)[0]

    @model_validator(mode="after")
    def _consistent(self) -> Entity:
        for check in (_type_matches_prefix, _kind_allowed, _place_fields, _type_fields):
            check(self)
        check_interval(self.since, self.until)
        return self


def _type_matches_prefix(entity: Entity) -> None:
    expected = PREFIXES[entity.prefix]
    if entity.type is not expected:
        raise ValueError(f"id prefix {entity.prefix}/ needs type {expected.value}")
    if entity.prefix == "unit" and entity.kind != MILITARY_UNIT:
        raise ValueError(f"unit/ entities need kind: {MILITARY_UNIT}")


def _kind_allowed(entity: Entity) -> None:
    allowed = KINDS[entity.type]
    if entity.kind is not None and entity.kind not in allowed:
        choices = ", ".join(sorted(allowed)) or "none"
        raise ValueError(f"kind {entity.kind!r} is not a {entity.type.value} kind ({choices})")
    if entity.kind is None and allowed and entity.type is not EntityType.ORGANIZATION:
        raise ValueError(f"a {entity.type.value} needs a kind")


def _place_fields(entity: Entity) -> None:
    geo = (entity.geonames_id, entity.lat, entity.lon, entity.feature_class, entity.iso_code)
    if entity.type is not EntityType.PLACE and any(v is not None for v in geo):
        raise ValueError("geonames_id, lat, lon, feature_class and iso_code are for places")
    if (entity.lat is None) != (entity.lon is None):
        raise ValueError("lat and lon go together")
    if (entity.lat is None) != (entity.coords_source is None):
        raise ValueError("coordinates need coords_source (geonames or countryinfo) and vice versa")


def _type_fields(entity: Entity) -> None:
    if entity.nationality and entity.type is not EntityType.PLACE:
        raise ValueError("nationality stems are for places (countries, regions)")
    if entity.gender is not None and entity.type is not EntityType.PERSON:
        raise ValueError("gender is for persons")
    if entity.designations and entity.type not in (EntityType.WEAPON, EntityType.ORGANIZATION):
        raise ValueError("designations are for weapons and units")


class Extension(Strict):
    """A user file's addition to an existing entity: ``{extend: person/x, aliases: [...]}``."""

    extend: EntityId
    names: Names = Field(default_factory=dict)
    aliases: list[FormIn] = Field(default_factory=list)
    role_aliases: list[FormIn] = Field(default_factory=list)
    designations: list[FormIn] = Field(default_factory=list)
    nationality: Stems = Field(default_factory=dict)
    roles: list[Role] = Field(default_factory=list)


class AmbiguityDeclaration(Strict):
    """A surface form that several entities of one type may legitimately share."""

    alias: Annotated[str, Field(min_length=1)]
    entities: Annotated[list[EntityId], Field(min_length=2)]
    note: str | None = None


def merge(entity: Entity, extension: Extension) -> Entity:
    """``entity`` with the extension's names, forms and roles appended."""
    update: dict[str, Any] = {
        "names": _merge_lists(entity.names, extension.names),
        "nationality": _merge_lists(entity.nationality, extension.nationality),
    }
    for field in ("aliases", "role_aliases", "designations", "roles"):
        update[field] = [*getattr(entity, field), *getattr(extension, field)]
    return Entity.model_validate({**entity.model_dump(exclude_none=True), **update})


def _merge_lists(base: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    merged = {lang: list(values) for lang, values in base.items()}
    for lang, values in extra.items():
        merged.setdefault(lang, []).extend(v for v in values if v not in merged[lang])
    return merged
