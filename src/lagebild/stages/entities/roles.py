"""Role phrases the document itself resolves: "Verteidigungsminister Boris Pistorius …
der Verteidigungsminister sagte" → Pistorius.

The knowledge base knows who held the big roles on a date ("Kremlchef"); reports also
introduce people with a role word in front of the name, and then refer back with the
bare role.  A role word that introduces exactly one person in the document points at
that person in later definite phrases ("der Minister", "the spokesperson"); a role two
people share stays unresolved, because guessing would be worse than no link.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lagebild.records import EntityType
from lagebild.stages.entities.build import Found

#: Role nouns, German compounds included ("Verteidigungsminister", "Kremlsprecher").
ROLE = (
    r"(?:[A-ZÄÖÜ][a-zäöüß-]*)?(?:[Mm]inister(?:in)?|[Pp]räsident(?:in)?|[Kk]anzler(?:in)?|"
    r"[Ss]precher(?:in)?|[Cc]hef(?:in)?|[Gg]ouverneur(?:in)?|[Bb]ürgermeister(?:in)?|"
    r"[Bb]otschafter(?:in)?|[Kk]ommandeur(?:in)?|[Bb]efehlshaber(?:in)?|"
    r"Spokesperson|Spokesman|Spokeswoman|Minister|President|Governor|Mayor|Chancellor|"
    r"Ambassador|Commander|Secretary)"
)
INTRODUCTION = re.compile(rf"(?P<role>{ROLE})\s+$")
ARTICLE = r"(?:der|die|des|dem|den|the|The|Der|Die|Des|Dem|Den)"
#: Inflected role nouns: "des Ministers", "dem Präsidenten", "der Sprecherin".
ENDINGS = r"(?:s|en|n|es)?"


def document_roles(text: str, found: list[Found]) -> list[Found]:
    """Role mentions for definite role phrases whose holder the document introduced."""
    holders = _introduced_roles(text, found)
    taken = [(f.start, f.end) for f in found]
    extra: list[Found] = []
    for role, key in holders.items():
        pattern = re.compile(
            rf"\b{ARTICLE}\s+(?P<role>{re.escape(role)}{ENDINGS})\b(?!\s+[A-ZÄÖÜ])"
        )
        for match in pattern.finditer(text):
            start, end = match.span("role")
            if not any(start < e and s < end for s, e in taken):
                extra.append(Found(start, end, key, EntityType.PERSON, "role"))
    return extra


def _introduced_roles(text: str, found: list[Found]) -> dict[str, str]:
    """Role word → the one person key it introduces ("Außenministerin Baerbock")."""
    keys: dict[str, set[str]] = defaultdict(set)
    for item in found:
        if item.type is not EntityType.PERSON or item.kind != "name":
            continue
        match = INTRODUCTION.search(text, max(item.start - 40, 0), item.start)
        if match:
            keys[match.group("role")].add(item.key)
    return {role: next(iter(people)) for role, people in keys.items() if len(people) == 1}
