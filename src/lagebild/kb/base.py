"""The loaded knowledge base: entities by id, surface forms, look-ups, ambiguities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from lagebild.kb.dates import within
from lagebild.kb.errors import AmbiguousAliasError, UnknownAliasError, UnknownEntityError
from lagebild.kb.model import AmbiguityDeclaration, Entity, EntityType, Form
from lagebild.kb.text import fold

FormKind = Literal["name", "designation", "alias", "role", "nationality"]
#: When one entity lists the same string twice, the first kind here wins.
KIND_ORDER: tuple[FormKind, ...] = ("name", "designation", "alias", "role", "nationality")


class SurfaceForm(NamedTuple):
    """A string to look for in text, the entity it denotes, and what kind of form it is."""

    surface: str
    entity_id: str
    kind: FormKind


@dataclass(frozen=True)
class FormRecord:
    """A surface form with its scope: language, validity dates, declared ambiguity."""

    surface: str
    entity_id: str
    kind: FormKind
    type: EntityType
    lang: str | None = None
    since: str | None = None
    until: str | None = None
    ambiguous: bool = False

    @property
    def key(self) -> str:
        return fold(self.surface)

    def valid_on(self, day: date) -> bool:
        """Whether the form was in use on ``day`` (open ends unbounded)."""
        return within(day, self.since, self.until)


@dataclass(frozen=True)
class Ambiguity:
    """A surface form (by its folded key) that denotes more than one entity."""

    key: str
    surfaces: tuple[str, ...]
    entity_ids: tuple[str, ...]
    types: tuple[EntityType, ...]
    note: str = ""

    @property
    def cross_type(self) -> bool:
        return len(set(self.types)) > 1


def entity_forms(entity: Entity) -> Iterator[FormRecord]:
    """Every surface form of ``entity``, names first."""
    yield FormRecord(entity.name, entity.id, "name", entity.type)
    for lang, names in entity.names.items():
        for name in names:
            yield FormRecord(name, entity.id, "name", entity.type, lang)
    yield from _records(entity, entity.designations, "designation")
    yield from _records(entity, entity.aliases, "alias")
    yield from _records(entity, entity.role_aliases, "role")
    for lang, stems in entity.nationality.items():
        for stem in stems:
            yield FormRecord(stem, entity.id, "nationality", entity.type, lang)


def _records(entity: Entity, forms: Iterable[Form], kind: FormKind) -> Iterator[FormRecord]:
    for form in forms:
        yield FormRecord(
            form.text,
            entity.id,
            kind,
            entity.type,
            form.lang,
            form.since,
            form.until,
            form.ambiguous,
        )


def unique_forms(entity: Entity) -> list[FormRecord]:
    """``entity_forms`` without repeats of the same string (first kind wins)."""
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    unique = []
    for record in entity_forms(entity):
        marker = (record.surface, record.lang, record.since, record.until)
        if marker not in seen:
            seen.add(marker)
            unique.append(record)
    return unique


class KnowledgeBase:
    """Validated entities with their surface forms.  Build it with :func:`load_kb`."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        declarations: Sequence[AmbiguityDeclaration] = (),
        origins: Mapping[str, str] | None = None,
    ) -> None:
        self._entities = dict(entities)
        self._origins = dict(origins or {})
        self._declarations = tuple(declarations)
        self._forms = [record for e in self._entities.values() for record in unique_forms(e)]
        self._index: dict[str, list[FormRecord]] = {}
        for record in self._forms:
            self._index.setdefault(record.key, []).append(record)
        self._children: dict[str, list[str]] = {}
        for entity in self._entities.values():
            if entity.parent is not None:
                self._children.setdefault(entity.parent, []).append(entity.id)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())

    def get(self, entity_id: str) -> Entity:
        """The entity with this id; UnknownEntityError (a KeyError) when there is none."""
        try:
            return self._entities[entity_id]
        except KeyError:
            raise UnknownEntityError(f"no entity has the id {entity_id!r}") from None

    def origin(self, entity_id: str) -> str:
        """Where the entity was defined: ``file item N``."""
        self.get(entity_id)
        return self._origins.get(entity_id, "<memory>")

    def entities(
        self, type: EntityType | str | None = None, kind: str | None = None
    ) -> list[Entity]:
        """All entities, or those of one type (and kind), in file order."""
        wanted = None if type is None else EntityType(type)
        return [
            e
            for e in self._entities.values()
            if (wanted is None or e.type is wanted) and (kind is None or e.kind == kind)
        ]

    def children(self, entity_id: str) -> list[Entity]:
        """Entities whose ``parent`` is ``entity_id`` (variants, subordinate units, towns)."""
        self.get(entity_id)
        return [self._entities[child] for child in self._children.get(entity_id, [])]

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """(surface, entity id, kind) for every name, alias, designation, role and stem."""
        seen: set[tuple[str, str]] = set()
        for record in self._forms:
            if (record.surface, record.entity_id) not in seen:
                seen.add((record.surface, record.entity_id))
                yield SurfaceForm(record.surface, record.entity_id, record.kind)

    def forms(self) -> Iterator[FormRecord]:
        """Every surface form with its language, validity dates and ambiguity flag."""
        return iter(self._forms)

    def by_alias(
        self,
        text: str,
        *,
        type: EntityType | str | None = None,
        on: date | None = None,
        lang: str | None = None,
    ) -> tuple[Entity, ...]:
        """Entities any of whose forms folds to ``text`` (empty when none), names first.

        ``on`` keeps role phrases in use that day and entities existing then; former
        names still denote their entity.  ``lang`` keeps forms of that or no language.
        """
        wanted = None if type is None else EntityType(type)
        found: dict[str, Entity] = {}
        for record in self._index.get(fold(text), ()):
            entity = self._entities[record.entity_id]
            if _matches(record, entity, wanted, on, lang):
                found.setdefault(entity.id, entity)
        return tuple(found.values())

    def resolve(
        self,
        text: str,
        *,
        type: EntityType | str | None = None,
        on: date | None = None,
        lang: str | None = None,
    ) -> Entity:
        """The one entity ``text`` denotes; UnknownAliasError or AmbiguousAliasError otherwise."""
        found = self.by_alias(text, type=type, on=on, lang=lang)
        if not found:
            raise UnknownAliasError(f"no entity is known as {text!r}")
        if len(found) > 1:
            raise AmbiguousAliasError(text, [e.id for e in found])
        return found[0]

    def ambiguities(self) -> list[Ambiguity]:
        """Every surface form that denotes more than one entity, with declared notes."""
        notes = {fold(d.alias): d.note or "" for d in self._declarations}
        found = []
        for key, records in self._index.items():
            ids = tuple(dict.fromkeys(r.entity_id for r in records))
            if len(ids) > 1:
                surfaces = tuple(dict.fromkeys(r.surface for r in records))
                types = tuple(self._entities[i].type for i in ids)
                found.append(Ambiguity(key, surfaces, ids, types, notes.get(key, "")))
        return found

    def declarations(self) -> tuple[AmbiguityDeclaration, ...]:
        return self._declarations


def _matches(
    record: FormRecord,
    entity: Entity,
    wanted: EntityType | None,
    on: date | None,
    lang: str | None,
) -> bool:
    if wanted is not None and entity.type is not wanted:
        return False
    if lang is not None and record.lang not in (None, lang):
        return False
    if on is None:
        return True
    in_office = record.kind != "role" or record.valid_on(on)
    return in_office and within(on, entity.since, entity.until)
