"""Names whose head is elsewhere: elliptical coordination and explained abbreviations.

"the Donetsk and Luhansk People's Republics": "Donetsk" shares the head of the
second conjunct, so it denotes the Donetsk People's Republic, not the city.  In
"the Donetsk (DNR) and Luhansk (LNR) People's Republics" the abbreviation in
parentheses says what the bare name stands for.  Both rules only re-link a
name when the knowledge base knows the completed name, so "Kyiv and Kharkiv
Oblasts" re-links "Kyiv" to the oblast and "Poland and the Baltic states" stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lagebild.kb import KnowledgeBase
from lagebild.kb.base import entity_forms
from lagebild.kb.text import fold

if TYPE_CHECKING:
    from lagebild.stages.entities.linker import Link

#: What may stand between two conjuncts: an optional "(ABBR)", then ",", "and", "or".
CONJUNCTION = re.compile(r"(?:\s*\([^()]{1,12}\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
ABBREVIATION = re.compile(r" \(([^()]{1,12})\)")
NAME_KINDS = frozenset({"name", "alias", "designation"})


def complete_ellipses(text: str, links: Sequence[Link], kb: KnowledgeBase) -> list[Link]:
    """Re-link first conjuncts that share the head of the last, and names explained by "(ABBR)"."""
    result = list(links)
    for index in range(len(result) - 1, 0, -1):
        _share_head(text, result, index, kb)
    for index in range(len(result) - 1):
        _explained(text, result, index, kb)
    return result


def _share_head(text: str, links: list[Link], index: int, kb: KnowledgeBase) -> None:
    """Give the conjuncts before ``links[index]`` its head when the KB knows the result."""
    last = links[index]
    words = text[last.start : last.end].split()
    if last.kind not in NAME_KINDS or len(words) < 2:
        return
    heads = [" ".join(words[k:]) for k in range(1, len(words))]
    before = index - 1
    while before >= 0 and CONJUNCTION.fullmatch(text, links[before].end, links[before + 1].start):
        conjunct = links[before]
        entity_id = _completed(text[conjunct.start : conjunct.end], heads, last, kb)
        if conjunct.kind not in NAME_KINDS or entity_id is None:
            return
        links[before] = replace(conjunct, entity_id=entity_id, kind="name")
        before -= 1


def _completed(name: str, heads: list[str], last: Link, kb: KnowledgeBase) -> str | None:
    """The entity "name + head" denotes (singular head too), of the last conjunct's type."""
    wanted = kb.get(last.entity_id).type
    for head in heads:
        for variant in (head, head[:-1] if head.endswith("s") else head):
            found = [e.id for e in kb.by_alias(f"{name} {variant}") if e.type is wanted]
            if found:
                return found[0]
    return None


def _explained(text: str, links: list[Link], index: int, kb: KnowledgeBase) -> None:
    """ "Donetsk (DNR)": the name takes the abbreviation's entity when one of its forms
    starts with the name ("Donetsk People's Republic")."""
    name, abbreviation = links[index], links[index + 1]
    match = ABBREVIATION.match(text, name.end)
    if (
        name.kind not in NAME_KINDS
        or not match
        or match.span(1)
        != (
            abbreviation.start,
            abbreviation.end,
        )
    ):
        return
    if name.entity_id == abbreviation.entity_id:
        return
    prefix = fold(text[name.start : name.end]) + " "
    forms = entity_forms(kb.get(abbreviation.entity_id))
    if any(fold(form.surface).startswith(prefix) for form in forms):
        links[index] = replace(name, entity_id=abbreviation.entity_id, kind="name")
