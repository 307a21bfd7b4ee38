"""Turn KB links and NER spans into ``Entity`` records with mentions and places.

Names the knowledge base does not know get a stable id from their normalised
form (``unk/person/ihor-petruk``), so the same unknown name in two documents
lands on one entity; a bare surname joins the full name the document used
earlier ("Petruk" → "Ihor Petruk").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from lagebild.kb import Entity as KbEntity
from lagebild.kb import KnowledgeBase
from lagebild.records import Entity, EntityType, Geo, Mention
from lagebild.stages.entities.gazetteer import fold
from lagebild.stages.entities.linker import Link
from lagebild.stages.entities.ner import NerSpan

PRECISION = {
    "country": "country",
    "territory": "region",
    "region": "region",
    "district": "region",
    "city": "city",
    "town": "city",
    "village": "village",
    "settlement": "village",
}
UNKNOWN_TYPES = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "org",
    EntityType.PLACE: "place",
}


@dataclass(frozen=True)
class Found:
    """One mention on its way to an entity: offsets, the entity key, its type and kind."""

    start: int
    end: int
    key: str
    type: EntityType
    kind: str = "name"


def from_links(links: Iterable[Link], kb: KnowledgeBase) -> list[Found]:
    found = []
    for link in links:
        entity = kb.get(link.entity_id)
        kind = {"designation": "name", "alias": "name"}.get(link.kind, link.kind)
        found.append(Found(link.start, link.end, entity.id, EntityType(entity.type.value), kind))
    return found


def from_ner(text: str, spans: Iterable[NerSpan], taken: list[Found]) -> list[Found]:
    """NER spans that overlap no KB link, as unknown entities (OTHER is left out)."""
    found = []
    for span in spans:
        if span.type not in UNKNOWN_TYPES or _overlaps(span.start, span.end, taken):
            continue
        name = _strip_genitive(text[span.start : span.end])
        key = f"unk/{UNKNOWN_TYPES[span.type]}/{_slug(name)}"
        found.append(Found(span.start, span.end, key, span.type))
    return _join_surnames(text, found)


def _overlaps(start: int, end: int, taken: list[Found]) -> bool:
    return any(start < other.end and other.start < end for other in taken)


def _strip_genitive(name: str) -> str:
    return (
        name[:-1]
        if len(name) > 3 and name.endswith(("s", "’", "'")) and name[-2] not in "sxzß"
        else name
    )


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-") or "x"


def _join_surnames(text: str, found: list[Found]) -> list[Found]:
    """A one-word mention joins an earlier multi-word person ending in that word.

    The word's own NER type is overruled: models often tag a lone surname as a place.
    """
    full_names: dict[str, str] = {}
    joined = []
    for item in sorted(found, key=lambda f: f.start):
        words = _strip_genitive(text[item.start : item.end]).split()
        if item.type is EntityType.PERSON and len(words) > 1:
            full_names.setdefault(fold(words[-1]), item.key)
        elif len(words) == 1 and fold(words[0]) in full_names:
            key = full_names[fold(words[0])]
            item = Found(item.start, item.end, key, EntityType.PERSON, item.kind)
        joined.append(item)
    return joined


def assemble(text: str, found: Iterable[Found], kb: KnowledgeBase) -> list[Entity]:
    """One Entity per key, mentions in order, names and places filled in."""
    groups: dict[str, list[Found]] = defaultdict(list)
    for item in sorted(found, key=lambda f: f.start):
        groups[item.key].append(item)
    return [_entity(text, key, items, kb) for key, items in groups.items()]


def _entity(text: str, key: str, items: list[Found], kb: KnowledgeBase) -> Entity:
    mentions = [
        Mention(start=i.start, end=i.end, text=text[i.start : i.end], kind=i.kind) for i in items
    ]
    surfaces = [m.text for m in mentions if m.kind == "name"] or [m.text for m in mentions]
    if key in kb:
        known = kb.get(key)
        aliases = sorted({m.text for m in mentions} - {known.name})
        return Entity(
            id=key,
            name=known.name,
            type=items[0].type,
            aliases=aliases,
            mentions=mentions,
            geo=kb_geo(known),
        )
    name = max(surfaces, key=lambda s: (Counter(surfaces)[s], len(s)))
    aliases = sorted(set(surfaces) - {name})
    return Entity(
        id=key, name=_strip_genitive(name), type=items[0].type, aliases=aliases, mentions=mentions
    )


def kb_geo(entity: KbEntity) -> Geo | None:
    if entity.lat is None or entity.lon is None:
        return None
    return Geo(
        lat=entity.lat,
        lon=entity.lon,
        geonames_id=entity.geonames_id,
        feature_class=entity.feature_class,
        precision=PRECISION.get(entity.kind or "", entity.kind),
    )
