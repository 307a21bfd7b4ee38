"""The document's entity mentions, sorted once and looked up by offset (bisect), so that
finding the speaker or addressee of a claim does not scan every mention of the document."""

from __future__ import annotations

import bisect
from typing import NamedTuple

from lagebild.records import Document, EntityType

#: Mention kinds that can name a speaker (not nationality words, pronouns, descriptions).
SPEAKER_KINDS = frozenset({"name", "role", "compound"})
SPEAKER_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE})
#: How far back (characters) a bare noun phrase looks for a mention with the same head.
HEAD_REACH = 4000


class Candidate(NamedTuple):
    start: int
    end: int
    entity_id: str
    text: str
    actor: bool


class Mentions:
    """All mentions of one document in text order."""

    def __init__(self, document: Document) -> None:
        self._items = sorted(
            Candidate(
                mention.start,
                mention.end,
                entity.id,
                mention.text,
                entity.type in SPEAKER_TYPES and mention.kind in SPEAKER_KINDS,
            )
            for entity in document.entities
            for mention in entity.mentions
        )
        self._starts = [item.start for item in self._items]

    def between(self, low: int, high: int) -> list[Candidate]:
        """Mentions starting in ``[low, high)``."""
        left = bisect.bisect_left(self._starts, low)
        right = bisect.bisect_left(self._starts, high)
        return self._items[left:right]

    def same_head(self, head: str, before: int) -> Candidate | None:
        """The latest actor mention before ``before`` whose last word ends in ``head``
        ("Verteidigungsministerium" for "Ministerium", "Gouverneurs" for "Gouverneur")."""
        stem = noun_stem(head)
        if len(stem) < 4:
            return None
        for item in reversed(self.between(before - HEAD_REACH, before)):
            last = item.text.split()[-1] if item.text.split() else ""
            if item.actor and noun_stem(last).endswith(stem):
                return item
        return None


def noun_stem(word: str) -> str:
    """A German noun without its case ending, lower case: "Generalstabs" → "generalstab"."""
    folded = word.lower()
    for ending in ("es", "s", "en", "n"):
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            return folded[: -len(ending)]
    return folded
