"""Knowledge-base linking: find every surface form of a KB entity and pick the entity.

A span can match several entities ("Donezk": the city and the oblast; "Kursk":
the city, the oblast, the submarine).  The choice, in order: role phrases must be
in force on the document date; a word beside the span that names a region
("Gebiet Donezk", "Donetsk Oblast") picks the region; an entity the document
names unambiguously elsewhere wins; then the knowledge base's first-listed
candidate.  Every choice between candidates is recorded with its reason.

Role phrases ("Kremlin Spokesperson", "Russian President") and descriptions
("Russian military", "Kyiv region") are not names, but they contain names:
the names inside them are linked as mentions of their own (see ``_nested``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise

from lagebild.kb import FormRecord, KnowledgeBase, load_kb
from lagebild.stages.entities.coordination import complete_ellipses
from lagebild.stages.entities.gazetteer import Form, Gazetteer, Hit
from lagebild.stages.entities.morphology import phrase_variants

REGION_CUE = re.compile(
    r"(?:\b(?:gebiet|gebiets|region|oblast|bezirk|provinz|verwaltungsgebiet)\s+$)|"
    r"(?:^\s*(?:oblast|region|province|gebiet)\b)",
    re.IGNORECASE,
)
REGION_KINDS = frozenset({"region", "district"})
BLOC_KINDS = frozenset({"continent"})


@dataclass(frozen=True)
class Link:
    """A span of the text linked to a KB entity, with the form that matched."""

    start: int
    end: int
    entity_id: str
    kind: str
    candidates: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class KbMatcher:
    """The knowledge base and a gazetteer over all its surface forms (and German variants)."""

    kb: KnowledgeBase
    records: tuple[FormRecord, ...]
    gazetteer: Gazetteer

    def link(self, text: str, published: date | None) -> list[Link]:
        def in_force(hit: Hit) -> bool:
            record = self.records[int(hit.key)]
            return published is None or record.kind != "role" or record.valid_on(published)

        groups = [self._candidates(g) for g in self.gazetteer.find_groups(text, in_force)]
        settled = Counter(
            g[0].entity_id
            for g in groups
            if len({c.entity_id for c in g}) == 1 and not g[0].record.ambiguous
        )
        groups = [_drop_unsupported(group, settled) for group in groups]
        links = [self._choose(text, group, settled) for group in groups if group]
        links = [nested for link in links for nested in self._nested(text, link, settled)]
        return complete_ellipses(text, links, self.kb)

    def _nested(self, text: str, link: Link, settled: Counter[str]) -> list[Link]:
        """The link itself plus the names inside a role phrase or a description.

        A multi-word form whose tail is lower case after a capitalised head ("Russian
        military", "Luhansk oblasts", "Kyiv region") is a description, not a name: a
        nationality word at its head stays a nationality mention ("Russian"), a place
        name is cut to its name part ("Kyiv").  An all-lower-case weapon form ("nuclear
        weapons", "mortars") names a category and is a description too.
        """
        if link.kind == "nationality":
            # "European" names a bloc, not a country: no nationality (docs: tests/gold/README.md).
            bloc = self.kb.get(link.entity_id).kind in BLOC_KINDS
            return [replace(link, kind="description") if bloc else link]
        head_end = description_head(text, link.start, link.end)
        if link.kind != "role" and head_end is None:
            return [link]
        if link.kind != "role" and head_end == link.start:
            described = link.entity_id.startswith("weapon/")
            return [replace(link, kind="description") if described else link]
        end = link.end if head_end is None else head_end
        inner = self._inner(text, link.start, end, settled)
        if link.kind == "role":
            return [link, *inner]
        if len(inner) == 1 and self._same_type(inner[0], link) and inner[0].end == end:
            # "Kyiv region", "Stinger missiles": the name part denotes the described entity;
            # in "US military" it does not (a country, not its armed forces).
            return [replace(link, end=end)]
        return [replace(link, kind="description"), *inner]

    def _same_type(self, inner: Link, link: Link) -> bool:
        kb = self.kb
        return inner.kind != "nationality" and (
            kb.get(inner.entity_id).type is kb.get(link.entity_id).type
        )

    def _inner(self, text: str, start: int, end: int, settled: Counter[str]) -> list[Link]:
        def no_role(hit: Hit) -> bool:
            return self.records[int(hit.key)].kind != "role"

        groups = self.gazetteer.find_groups(text[start:end], no_role)
        inner = []
        for group in groups:
            moved = [replace(h, start=h.start + start, end=h.end + start) for h in group]
            candidates = _drop_unsupported(self._candidates(moved), settled)
            if candidates:
                inner.append(self._choose(text, candidates, settled))
        return inner

    def _candidates(self, hits: list[Hit]) -> list[_Candidate]:
        return [_Candidate(hit, self.records[int(hit.key)]) for hit in hits]

    def _choose(self, text: str, group: list[_Candidate], settled: Counter[str]) -> Link:
        ids = tuple(dict.fromkeys(c.entity_id for c in group))
        hit = group[0].hit
        if len(ids) == 1:
            return Link(hit.start, hit.end, ids[0], group[0].record.kind)
        chosen, reason = self._disambiguate(text, hit, ids, settled)
        kind = next(c.record.kind for c in group if c.entity_id == chosen)
        return Link(hit.start, hit.end, chosen, kind, ids, reason)

    def _disambiguate(
        self, text: str, hit: Hit, ids: tuple[str, ...], settled: Counter[str]
    ) -> tuple[str, str]:
        before, after = text[max(0, hit.start - 20) : hit.start], text[hit.end : hit.end + 12]
        regions = [i for i in ids if self.kb.get(i).kind in REGION_KINDS]
        if regions and (REGION_CUE.search(before) or REGION_CUE.search(after)):
            return regions[0], "a region word stands beside it"
        named = [i for i in ids if settled[i]]
        if named:
            return max(named, key=lambda i: settled[i]), "named unambiguously elsewhere"
        others = [i for i in ids if i not in regions] or list(ids)
        return others[0], "first candidate in the knowledge base"


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    record: FormRecord

    @property
    def entity_id(self) -> str:
        return self.record.entity_id


#: Lower-case words that may stand inside a name ("Ministry of Defense", "Servant of the People").
FUNCTION_WORDS = frozenset(
    "of the and for on in to at de du des der die das den dem und für".split()
)
#: Generic nouns that turn "<Name> <noun>" into a description ("Russian military", "Kyiv
#: region", "Telegram channel"); other lower-case words may belong to a name ("Normandy format").
GENERIC_NOUNS = frozenset(
    """military army armies government governments forces troops navy police intelligence
    services service authorities administration leadership officials regime ministry parliament
    oblast oblasts region regions province provinces district districts krai city channel
    channels account site platform missile missiles drone drones helicopter helicopters jet jets
    aircraft system systems launcher launchers rocket rockets tank tanks howitzer howitzers
    vehicle vehicles munitions office offices""".split()
)


def description_head(text: str, start: int, end: int) -> int | None:
    """Where the capitalised head of a description ends, or None when the span is a name.

    "Russian military" → after "Russian"; "nuclear weapons" → ``start`` (no head);
    "Ministry of Defense", "Normandy format", "russischen Verteidigungsministeriums" → None.
    """
    words = list(re.finditer(r"[^\s]+", text[start:end]))
    if not words[0].group()[:1].isupper() and not words[0].group()[:1].isdigit():
        return start if all(w.group().islower() for w in words) else None
    if not any(word.group() in GENERIC_NOUNS for word in words[1:]):
        return None
    for previous, word in pairwise(words):
        token = word.group()
        if token[:1].islower() and token not in FUNCTION_WORDS:
            return start + previous.end()
    return None


def _drop_unsupported(group: list[_Candidate], settled: Counter[str]) -> list[_Candidate]:
    """Forms flagged ambiguous ("Tor", "Union") link only to entities named plainly elsewhere."""
    return [c for c in group if not c.record.ambiguous or settled[c.entity_id]]


def _forms(records: Sequence[FormRecord]) -> list[Form]:
    forms: list[Form] = []
    for index, record in enumerate(records):
        surfaces = [record.surface]
        if record.kind == "role" and record.lang in (None, "de"):
            surfaces = phrase_variants(record.surface)
        kind = "nationality" if record.kind == "nationality" else record.kind
        forms.extend(Form(surface, str(index), kind) for surface in surfaces)
    return forms


@lru_cache(maxsize=4)
def kb_matcher(extra_files: tuple[str, ...] = ()) -> KbMatcher:
    """The matcher over the packaged knowledge base plus ``extra_files``, built once."""
    kb = load_kb(extra_files)
    records = tuple(kb.forms())
    return KbMatcher(kb, records, Gazetteer(_forms(records)))
