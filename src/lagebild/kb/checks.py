"""Checks across entities: references resolve, surface forms are not silently shared."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import combinations

from lagebild.kb.base import FormRecord, unique_forms
from lagebild.kb.dates import overlaps
from lagebild.kb.model import AmbiguityDeclaration, Entity, EntityType
from lagebild.kb.text import fold

#: A reference problem: (entity id, message).
Problem = tuple[str, str]

_PARENT_PREFIXES = {
    "person": (),
    "org": ("org",),
    "unit": ("unit", "org"),
    "place": ("place",),
    "weapon": ("weapon",),
}


def reference_problems(entities: Mapping[str, Entity]) -> Iterator[Problem]:
    """Dangling or mistyped ``country``, ``parent`` and ``roles.of`` references, and cycles."""
    for entity in entities.values():
        for message in _entity_references(entity, entities):
            yield entity.id, message
    yield from _parent_cycles(entities)


def _entity_references(entity: Entity, entities: Mapping[str, Entity]) -> Iterator[str]:
    if entity.country is not None:
        yield from _reference("country", entity.country, entities, _is_place)
    if entity.parent is not None:
        allowed = _PARENT_PREFIXES[entity.prefix]
        yield from _reference("parent", entity.parent, entities, lambda e: e.prefix in allowed)
    for number, role in enumerate(entity.roles, 1):
        if role.of is not None:
            yield from _reference(f"roles[{number}].of", role.of, entities, lambda e: True)


def _is_place(entity: Entity) -> bool:
    return entity.type is EntityType.PLACE


def _reference(
    field: str, target: str, entities: Mapping[str, Entity], fits: Callable[[Entity], bool]
) -> Iterator[str]:
    if target not in entities:
        yield f"{field}: unknown id {target!r}"
    elif not fits(entities[target]):
        yield f"{field}: {target!r} is a {entities[target].type.value} and does not fit here"


def _parent_cycles(entities: Mapping[str, Entity]) -> Iterator[Problem]:
    for entity in entities.values():
        seen = {entity.id}
        parent = entity.parent
        while parent is not None and parent in entities:
            if parent in seen:
                yield entity.id, f"parent chain loops back to {parent!r}"
                break
            seen.add(parent)
            parent = entities[parent].parent


def declaration_problems(
    declarations: Sequence[AmbiguityDeclaration], entities: Mapping[str, Entity]
) -> Iterator[Problem]:
    """Declarations that name unknown entities or entities without that surface form."""
    for declaration in declarations:
        key = fold(declaration.alias)
        for entity_id in declaration.entities:
            if entity_id not in entities:
                yield "", f"ambiguity {declaration.alias!r}: unknown id {entity_id!r}"
            elif key not in {r.key for r in unique_forms(entities[entity_id])}:
                yield entity_id, f"ambiguity {declaration.alias!r}: not a form of {entity_id}"


def collision_problems(
    entities: Mapping[str, Entity], declarations: Sequence[AmbiguityDeclaration]
) -> Iterator[Problem]:
    """Forms two entities of one type share, undeclared (role phrases may share across time)."""
    declared = {(fold(d.alias), i) for d in declarations for i in d.entities}
    index: dict[str, list[FormRecord]] = {}
    for entity in entities.values():
        for record in unique_forms(entity):
            index.setdefault(record.key, []).append(record)
    for key, records in index.items():
        if len({r.entity_id for r in records}) > 1:
            yield from _clashes(key, records, declared)


def _clashes(
    key: str, records: list[FormRecord], declared: set[tuple[str, str]]
) -> Iterator[Problem]:
    reported: set[tuple[str, str]] = set()
    for first, second in combinations(records, 2):
        pair = (first.entity_id, second.entity_id)
        if pair in reported or not _clash(key, first, second, declared):
            continue
        reported.add(pair)
        yield (
            second.entity_id,
            (
                f"{second.surface!r} ({second.kind}) is also claimed by {first.entity_id} as {first.kind} "
                f"(both {first.type.value}): mark it 'ambiguous: true' or declare it in an "
                "'ambiguous:' list"
            ),
        )


def _clash(key: str, first: FormRecord, second: FormRecord, declared: set[tuple[str, str]]) -> bool:
    if first.entity_id == second.entity_id or first.type is not second.type:
        return False
    if first.ambiguous or second.ambiguous:
        return False
    if (key, first.entity_id) in declared and (key, second.entity_id) in declared:
        return False
    if first.kind == second.kind == "role":
        return overlaps((first.since, first.until), (second.since, second.until))
    return True
