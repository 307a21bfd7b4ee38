"""An event's arguments: source and target actors, place, instruments, quantities.

Actors are entity mentions (persons, organisations, places used as actors — "Russland
liefert" — and nationality adjectives standing for their country) in the trigger's
sentence.  A place mention after a locative preposition ("in Minsk", "near Bakhmut",
"bei Charkiw") is the event's place, not an actor.  The source is the nearest actor
before the trigger (or the agent after "by"/"von"/"durch" in a passive); the target
the nearest actor after it.  For reciprocal types (meetings, agreements, cooperation)
coordinated actors ("Putin und Lukaschenko") are all participants: sources and targets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lagebild.records import Document

LOCATIVE = re.compile(
    r"(?:\b(?:in|im|near|nahe|bei|beim|at|around|outside|inside|um|vor|nördlich|südlich"
    r"|östlich|westlich|north|south|east|west|of|von|der|des|dem|the|city|Stadt|Region"
    r"|Oblast|region|province|Gebiet)\W+){1,4}$",
    re.IGNORECASE,
)
LOCATIVE_HEAD = re.compile(r"\b(?:in|im|near|nahe|bei|beim|at|around|outside|um|vor)\b", re.I)
AGENT = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:by|von|durch)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
COORDINATION = re.compile(r"^\s*(?:,|and|und|&|sowie|as well as)\s*$", re.IGNORECASE)
ACTOR_TYPES = frozenset({"PERSON", "ORGANIZATION", "PLACE", "OTHER"})
QUANTITY = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*|\w+)\s+(?:\w+\s+)?"
    r"(killed|dead|deaths|wounded|injured|civilians|soldiers|troops|tanks|km|kilometers"
    r"|kilometres|miles|Tote|Toten|Verletzte|Verletzten|Soldaten|Panzer|Kilometer|Zivilisten)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """An entity mention, with what the events need to know of it."""

    start: int
    end: int
    text: str
    entity_id: str
    name: str
    type: str
    kind: str
    precision: str | None


def mentions_of(document: Document) -> list[Mention]:
    """Every entity mention of the document, in text order."""
    found = [
        Mention(
            m.start,
            m.end,
            m.text,
            entity.id,
            entity.name,
            entity.type.value,
            m.kind,
            entity.geo.precision if entity.geo else None,
        )
        for entity in document.entities
        for m in entity.mentions
    ]
    return sorted(found, key=lambda m: (m.start, -m.end))


def is_place_phrase(text: str, mention: Mention, sentence_start: int) -> bool:
    """A place mention introduced by a locative preposition ("in Minsk", "bei Charkiw")."""
    if mention.type != "PLACE" or mention.kind == "nationality":
        return False
    before = text[max(sentence_start, mention.start - 40) : mention.start]
    match = LOCATIVE.search(before)
    return bool(match and LOCATIVE_HEAD.search(match.group()))


def place_of(
    text: str, mentions: Sequence[Mention], trigger: tuple[int, int], sentence_start: int
) -> Mention | None:
    """The place phrase nearest the trigger, in the trigger's sentence."""
    places = [m for m in mentions if is_place_phrase(text, m, sentence_start)]
    if not places:
        return None
    return min(places, key=lambda m: _distance(m, trigger))


def actors(
    text: str,
    mentions: Sequence[Mention],
    trigger: tuple[int, int],
    clause: tuple[int, int],
    sentence_start: int,
    language: str,
) -> tuple[list[Mention], list[Mention]]:
    """``(sources, targets)`` among the mentions of the trigger's clause (the sentence's
    when the clause has none before the trigger)."""
    candidates = _actor_candidates(text, mentions, sentence_start)
    in_clause = [m for m in candidates if clause[0] <= m.start < clause[1]]
    before = [m for m in in_clause if m.end <= trigger[0]] or [
        m for m in candidates if m.end <= trigger[0]
    ]
    after = [m for m in in_clause if m.start >= trigger[1]]
    agent = next((m for m in after if AGENT.match(text[trigger[1] : m.start])), None)
    if agent is not None:
        return [agent], [m for m in before if m.entity_id != agent.entity_id][:1]
    own = [m for m in before if m.start >= clause[0]]
    if language == "de" and text[trigger[0]].islower() and own:
        return _german_verb_final(text, own, after)
    sources = _coordinated_back(text, before)
    return sources, _coordinated_forward(text, _others(after, sources))


def in_ranges(mentions: Sequence[Mention], ranges: Sequence[tuple[int, int]]) -> list[Mention]:
    """The actor mentions inside the parse's argument phrases, one per entity."""
    inside = [
        m
        for m in mentions
        if m.type in ACTOR_TYPES and any(m.start < end and start < m.end for start, end in ranges)
    ]
    return _unique(inside)


def _german_verb_final(
    text: str, before: Sequence[Mention], after: Sequence[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """German puts the subject first and objects in the middle field before a final verb
    ("Lukaschenko hat … die Bemühungen Putins zurückgewiesen"): the first actor of the
    clause and its coordinates are the source, the next actor the target."""
    sources = _coordinated_forward(text, before)
    rest = _others(before, sources)
    targets = _coordinated_forward(text, rest) if rest else []
    return sources, targets or _coordinated_forward(text, _others(after, sources))


def _others(mentions: Sequence[Mention], taken: Sequence[Mention]) -> list[Mention]:
    ids = _ids(taken)
    return [m for m in mentions if m.entity_id not in ids]


def participants(
    sources: list[Mention], targets: list[Mention], reciprocal: bool
) -> tuple[list[Mention], list[Mention]]:
    """Meetings, agreements and cooperation of coordinated actors ("Putin und Lukaschenko
    trafen sich") make each of them source and target; a noun trigger ("ein Treffen")
    joins the actors around it."""
    if not reciprocal or (targets and len(sources) > 1):
        return sources, targets
    if not targets:
        return sources, list(sources) if len(sources) > 1 else []
    joined = _unique(sources + targets)
    return joined, joined


def _actor_candidates(text: str, mentions: Sequence[Mention], sentence_start: int) -> list[Mention]:
    """Actor mentions: not places introduced as places, not a nationality adjective that
    only qualifies a following name ("des russischen Präsidenten Wladimir Putin")."""
    kept = [
        m
        for m in mentions
        if m.type in ACTOR_TYPES and not is_place_phrase(text, m, sentence_start)
    ]
    return [m for i, m in enumerate(kept) if not _qualifier(text, m, kept[i + 1 :])]


def _qualifier(text: str, mention: Mention, following: Sequence[Mention]) -> bool:
    if mention.kind != "nationality" or not following:
        return False
    gap = text[mention.end : following[0].start]
    return len(gap) <= 40 and not re.search(r"[,.;:!?]|\b(?:and|und|or|oder)\b", gap)


def _coordinated_back(text: str, before: Sequence[Mention]) -> list[Mention]:
    """The nearest mention before the trigger and those coordinated with it."""
    if not before:
        return []
    chosen = [before[-1]]
    for mention in reversed(before[:-1]):
        if not COORDINATION.match(text[mention.end : chosen[0].start]):
            break
        chosen.insert(0, mention)
    return _unique(chosen)


def _coordinated_forward(text: str, after: Sequence[Mention]) -> list[Mention]:
    if not after:
        return []
    chosen = [after[0]]
    for mention in after[1:]:
        if not COORDINATION.match(text[chosen[-1].end : mention.start]):
            break
        chosen.append(mention)
    return _unique(chosen)


def _unique(mentions: Sequence[Mention]) -> list[Mention]:
    seen: set[str] = set()
    kept = []
    for mention in mentions:
        if mention.entity_id not in seen:
            seen.add(mention.entity_id)
            kept.append(mention)
    return kept


def _ids(mentions: Sequence[Mention]) -> set[str]:
    return {m.entity_id for m in mentions}


def _distance(mention: Mention, trigger: tuple[int, int]) -> int:
    if mention.end <= trigger[0]:
        return trigger[0] - mention.end
    return max(0, mention.start - trigger[1])


def quantities(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Counted things in the sentence: ``(start, end, text)`` ("12 killed", "30 Panzer")."""
    return [
        (m.start(), m.end(), m.group())
        for m in QUANTITY.finditer(text, start, end)
        if _numeric(m.group(1))
    ]


NUMBER_WORDS = re.compile(
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|"
    r"ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|Dutzende|Hunderte|Tausende",
    re.IGNORECASE,
)


def _numeric(word: str) -> bool:
    return word[0].isdigit() or bool(NUMBER_WORDS.fullmatch(word))
