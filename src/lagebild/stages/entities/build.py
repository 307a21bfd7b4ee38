"""Turn KB links and NER spans into ``Entity`` records with mentions and places.

Names the knowledge base does not know get a stable id from their normalised
form (``unk/person/ihor-petruk``), so the same unknown name in two documents
lands on one entity; a bare surname joins the full name the document used
earlier ("Petruk" → "Ihor Petruk").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from lagebild.kb import Entity as KbEntity
from lagebild.kb import KnowledgeBase
from lagebild.records import Entity, EntityType, Geo, Mention
from lagebild.stages.entities.abbreviations import with_abbreviations
from lagebild.stages.entities.compass import compass_regions
from lagebild.stages.entities.gazetteer import fold
from lagebild.stages.entities.linker import Link
from lagebild.stages.entities.ner import NerSpan
from lagebild.stages.entities.ner_checks import rejected, retyped
from lagebild.stages.entities.opaque import inside_opaque, opaque_spans

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


def from_links(text: str, links: Iterable[Link], kb: KnowledgeBase) -> list[Found]:
    found = []
    for link in links:
        entity = kb.get(link.entity_id)
        kind = {"designation": "name", "alias": "name"}.get(link.kind, link.kind)
        start = _after_article(text, link.start, link.end)
        found.append(Found(start, link.end, entity.id, EntityType(entity.type.value), kind))
    return compass_regions(text, with_abbreviations(text, found, ()))


def from_ner(text: str, spans: Iterable[NerSpan], taken: list[Found]) -> list[Found]:
    """NER spans that overlap no KB link, as unknown entities (OTHER is left out).

    Leading articles and titles are trimmed ("the 7th Airborne Division",
    "Spokesperson Irina Volk"); spans that do not start with a capital or digit are
    dropped (a model's "northeast" is no place name).
    """
    found = []
    links = _Links(taken)
    for span in spans:
        begin = _after_links(text, span, links.around(span))
        if span.type not in UNKNOWN_TYPES or begin is None:
            continue
        start = _after_article(text, begin, span.end)
        end = _before_parenthesis(text, start, span.end)
        kind = retyped(text, start, end, span.type)
        if kind is EntityType.PERSON:
            start = _after_title(text, start, span.end)
        name = _strip_genitive(text[start:end])
        if (not name[:1].isupper() and not name[:1].isdigit()) or name.casefold() in GENERIC:
            continue
        if rejected(text, start, end, kind):
            continue
        key = f"unk/{UNKNOWN_TYPES[kind]}/{slug(name)}"
        found.append(Found(start, end, key, kind))
    found = _introduced(text, found)
    return _join_surnames(text, with_abbreviations(text, found, taken))


def _introduced(text: str, found: list[Found]) -> list[Found]:
    """Drop one-word person names the document never introduces.

    News prose names a person in full ("Olaf Scholz") or with a title ("Kanzler
    Scholz") before using the bare surname; a lone capitalised word the model calls a
    person ("Krieg", "Angriff") without either is far more often a common noun.
    """
    surnames = {
        _strip_genitive(text[f.start : f.end]).split()[-1]
        for f in found
        if f.type is EntityType.PERSON and len(text[f.start : f.end].split()) > 1
    }
    return [f for f in found if not _lone_word(text, f, surnames)]


def _lone_word(text: str, found: Found, surnames: set[str]) -> bool:
    name = _strip_genitive(text[found.start : found.end])
    if found.type is not EntityType.PERSON or len(name.split()) > 1 or name in surnames:
        return False
    return TITLE_BEFORE.search(text, max(found.start - 60, 0), found.start) is None


#: Capitalised words a model tags as names that denote no particular entity.
GENERIC = frozenset(
    """west east north south western eastern northern southern defense defence parliament
    government ministry army navy police military president minister kremlin state
    regierung ministerium armee polizei westen osten norden süden staat""".split()
)
ARTICLES = ("the ", "The ", "der ", "die ", "das ", "Der ", "Die ", "Das ")
TITLES = re.compile(
    r"(?:(?:Spokesperson|Spokesman|Spokeswoman|President|Minister|Mayor|Governor|General|"
    r"Colonel|Lieutenant|Major|Captain|Commander|Deputy|Chairman|Head|Chief|Secretary|"
    r"Adviser|Advisor|Ambassador|Representative|Envoy|Director|Speaker|Admiral|Marshal|"
    r"Sprecher(?:in)?|Präsident(?:in)?|Minister(?:in)?|Bürgermeister(?:in)?|Gouverneur(?:in)?|"
    r"General|Oberst|Kanzler(?:in)?|Chef(?:in)?|Leiter(?:in)?|Herr|Frau|Mr\.|Mrs\.|Ms\.|Dr\.)"
    r"\s+)+"
)
TITLE_BEFORE = re.compile(TITLES.pattern + r"$")


def _after_article(text: str, start: int, end: int) -> int:
    """Past a leading article, except a capitalised one inside a sentence: that one belongs
    to a title ("told The Washington Post", "access to The Village")."""
    if not text.startswith(ARTICLES, start) or end - start <= 4:
        return start
    if text[start].isupper() and not _sentence_initial(text, start):
        return start
    return start + 4


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t“\"‘'(")
    if before.endswith(("”", "’", '"')):  # a quotation that closed a sentence
        before = before[:-1]
    return not before or before[-1] in ".!?:;\n-–—•▲*#"


def _after_title(text: str, start: int, end: int) -> int:
    match = TITLES.match(text, start, end)
    if match and match.end() < end and text[match.end()].isupper():
        return match.end()
    return start


def _before_parenthesis(text: str, start: int, end: int) -> int:
    """A model's span may run into a parenthesis ("World Health Organization (WHO"): cut it."""
    cut = text.find("(", start, end)
    return start + len(text[start:cut].rstrip()) if cut > start else end


class _Links:
    """KB links ordered by start, to find those near a span without a pass over all."""

    def __init__(self, taken: list[Found]) -> None:
        self.ordered = sorted(taken, key=lambda f: f.start)
        self.starts = [f.start for f in self.ordered]
        self.longest = max((f.end - f.start for f in taken), default=0)

    def around(self, span: NerSpan) -> list[Found]:
        """Every link that may overlap ``span``, in order of start (and a few more)."""
        low = bisect_left(self.starts, span.start - self.longest)
        return self.ordered[low : bisect_left(self.starts, span.end)]


def _after_links(text: str, span: NerSpan, nearby: list[Found]) -> int | None:
    """Where the span's own name starts, past KB links at its head ("Kyiv Spokesperson
    Irina Volk" → "Spokesperson Irina Volk"); None when a KB link lies elsewhere in it.
    ``nearby``: the links that may overlap it, ordered by start."""
    start = span.start
    for other in nearby:
        if other.end <= start or other.start >= span.end:
            continue
        if other.start > start or other.end >= span.end:
            return None
        start = other.end
    while start < span.end and text[start].isspace():
        start += 1
    return start


def _strip_genitive(name: str) -> str:
    return (
        name[:-1]
        if len(name) > 3 and name.endswith(("s", "’", "'")) and name[-2] not in "sxzß"
        else name
    )


def slug(name: str) -> str:
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
    # imported here: institutions builds on Found from this module
    from lagebild.stages.entities.institutions import repair_spans

    groups: dict[str, list[Found]] = defaultdict(list)
    opaque = opaque_spans(text)
    for item in sorted(repair_spans(text, list(found)), key=lambda f: f.start):
        if inside_opaque(opaque, item.start, item.end):
            continue
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
