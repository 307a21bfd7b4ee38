"""Pronoun resolution for later stages (claims, events): "er sagte …" → who?

The entity stage links names, role phrases and surnames; pronouns are left to the
stages that need them, because a wrong pronoun link is worse than none for most
uses.  ``resolve_pronoun`` is that call: it looks for a person mentioned before the
pronoun, in the same sentence or the two sentences before it, that agrees with the
pronoun in number and, where the knowledge base records it, gender.

The choice follows the salience order German and English news prose obeys: inside
the pronoun's own sentence the earliest person before it (the subject of
"Lukaschenko sagte, er …"); otherwise the first person of the nearest earlier
sentence that names one (the subject of "Putin traf Lukaschenko. Er sagte …").  The
answer says which rule chose it and which other entities were compatible, so a
caller can lower its confidence when there was a choice.  A failure is a reason,
never ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lagebild.kb import load_kb
from lagebild.records import Document, Entity, EntityType, Mention, Span

Gender = Literal["male", "female", "any"]

#: Singular personal and possessive pronouns that can refer to a person.
MALE = frozenset("er ihn ihm sein seine seinen seinem seiner seines he him his himself".split())
FEMALE = frozenset("she her hers herself".split())
#: German "sie"/"ihr…" is also plural and polite "Sie": a female antecedent only.
FEMALE_OR_PLURAL = frozenset("sie ihr ihre ihren ihrem ihrer ihres".split())
PRONOUN = re.compile(r"\b\w+\b")
#: How many sentences before the pronoun's own one are searched.
REACH = 2


@dataclass(frozen=True)
class Antecedent:
    """The person a pronoun refers to, and how sure the choice is."""

    entity: Entity
    mention: Mention
    rule: str
    alternatives: tuple[str, ...]

    @property
    def certain(self) -> bool:
        """Only one compatible person was in reach."""
        return not self.alternatives


@dataclass(frozen=True)
class Unresolved:
    """Why no antecedent was chosen."""

    reason: str


def pronoun_gender(word: str) -> Gender | None:
    """The gender a pronoun demands; None when the word is no personal pronoun."""
    folded = word.lower()
    if folded in MALE:
        return "male"
    if folded in FEMALE or folded in FEMALE_OR_PLURAL:
        return "female"
    return None


def find_pronouns(document: Document) -> Iterator[Span]:
    """Every personal pronoun of the clean text that can refer to a person."""
    for match in PRONOUN.finditer(document.text):
        if pronoun_gender(match.group()) is not None and not _polite(document.text, match):
            yield Span(start=match.start(), end=match.end())


def resolve_pronoun(document: Document, pronoun: Span) -> Antecedent | Unresolved:
    """The person ``pronoun`` (a span of ``document.text``) refers to, or why none."""
    word = document.text[pronoun.start : pronoun.end]
    gender = pronoun_gender(word)
    if gender is None:
        return Unresolved(f"{word!r} is not a personal pronoun of a person")
    candidates = [
        (entity, mention)
        for entity, mention in _person_mentions(document, pronoun.start)
        if _agrees(entity, gender)
    ]
    if not candidates:
        return Unresolved(f"no {gender} person named within {REACH + 1} sentences before {word!r}")
    return _choose(document, pronoun, candidates)


def _choose(
    document: Document, pronoun: Span, candidates: list[tuple[Entity, Mention]]
) -> Antecedent:
    own = _sentence_index(document, pronoun.start)
    same = [pair for pair in candidates if _sentence_index(document, pair[1].start) == own]
    if same:
        entity, mention = same[0]
        rule = "first person earlier in the same sentence"
    else:
        nearest = max(_sentence_index(document, pair[1].start) for pair in candidates)
        entity, mention = next(
            pair for pair in candidates if _sentence_index(document, pair[1].start) == nearest
        )
        rule = "first person of the nearest earlier sentence"
    others = sorted({other.id for other, _ in candidates if other.id != entity.id})
    return Antecedent(entity=entity, mention=mention, rule=rule, alternatives=tuple(others))


def _person_mentions(document: Document, before: int) -> list[tuple[Entity, Mention]]:
    """Person mentions in reach before offset ``before``, in text order."""
    own = _sentence_index(document, before)
    first = max(own - REACH, 0)
    window_start = document.sentences[first].start if document.sentences else 0
    pairs = [
        (entity, mention)
        for entity in document.entities
        if entity.type == EntityType.PERSON
        for mention in entity.mentions
        if window_start <= mention.start and mention.end <= before
    ]
    return sorted(pairs, key=lambda pair: pair[1].start)


def _sentence_index(document: Document, offset: int) -> int:
    for index, sentence in enumerate(document.sentences):
        if sentence.start <= offset < sentence.end:
            return index
        if offset < sentence.start:
            return max(index - 1, 0)
    return max(len(document.sentences) - 1, 0)


def _agrees(entity: Entity, gender: Gender) -> bool:
    known = person_gender(entity.id)
    if gender == "female":
        return known == "female"  # "sie" is far more often plural: demand a known woman
    return known != "female"


def person_gender(entity_id: str) -> Gender:
    """The gender the knowledge base records for a person; "any" when unknown."""
    try:
        found = load_kb().get(entity_id)
    except KeyError:
        return "any"
    return found.gender or "any"


def _polite(text: str, match: re.Match[str]) -> bool:
    """Capitalised "Sie"/"Ihr" inside a sentence is the polite form, not a person."""
    word = match.group()
    if word not in ("Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"):
        return False
    before = text[: match.start()].rstrip()
    return bool(before) and before[-1] not in '.!?:"„“»«\n'
