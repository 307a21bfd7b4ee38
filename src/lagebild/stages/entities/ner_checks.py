"""Checks on statistical NER spans for names the knowledge base does not know.

A small English model trained on news types too much as ORGANIZATION in war reporting:
title-case section headings ("Domestic Opposition and Censorship"), pieces of role
phrases ("Industry and" in "Industry and Trade Minister"), and people whose name it has not
seen ("Georgy Muradov").  These checks reject the first two and retype the third; they hold for
any report with headings and role titles, not for one document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.kb import load_kb
from lagebild.records import EntityType

#: Head nouns that end the name of a state body.
HEADS = frozenset(
    """Ministry Council Staff Service Services Committee Center Centre Forces Directorate
    Agency Department Office Bank Duma Commission Assembly Embassy Guard Court Parliament
    Government Cabinet Rada Senate Congress Inspectorate Administration""".split()
)
#: Capitalised words that end a name: the role that follows it ("… Ministry Spokesperson").
ROLE_WORDS = frozenset(
    """Minister Ministers Spokesperson Spokesman Spokeswoman Representative Adviser Advisor
    Secretary Head Chief Chairman Commander Deputy Director Member President Press""".split()
)
#: Title words some knowledge-base names start with ("Pope Francis", "Patriarch Kirill").
NOT_GIVEN_NAMES = frozenset(
    """Pope Patriarch King Queen Prince Sheikh Lord Sir General Ayatollah König Altkanzler
    Kanzler President Präsident Le Lula""".split()
)
#: A heading line: no sentence punctuation at its end, a few words.
HEADING_MAX_WORDS = 8
SENTENCE_END = tuple('.!?;”"’)')  # a colon may end a heading ("Russian Occupation:")
TRAILING_FUNCTION_WORD = re.compile(r"\s(?:and|of|for|the|on|&)$")
#: The capitalised words that may still follow a fragment before its role word.
ROLE_TAIL = re.compile(
    r"(?:\s*,?\s+(?:and\s+)?[A-Z][\w-]*){0,6}?\s+(?:" + "|".join(sorted(ROLE_WORDS)) + r")\b"
)


def rejected(text: str, start: int, end: int, entity_type: EntityType) -> str | None:
    """Why an unknown NER span is no name, or None when it may stand."""
    if entity_type is not EntityType.ORGANIZATION:
        return None
    name = text[start:end]
    if TRAILING_FUNCTION_WORD.search(name):
        return "ends in a function word"
    if _in_title_case_heading(text, start, end):
        return "a title-case heading"
    if _role_portfolio(text, name, end):
        return "the portfolio of a role title"
    return None


def _in_title_case_heading(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS or line.endswith(SENTENCE_END):
        return False
    return all(word[:1].isupper() for word in words if len(word) > 3)


def _role_portfolio(text: str, name: str, end: int) -> bool:
    """'Industry and Trade Minister', 'Foreign Affairs … High Representative': the span names
    a portfolio in front of a role word, not a body (a body ends in a head noun)."""
    if name.split()[-1] in HEADS:
        return False
    return ROLE_TAIL.match(text, end) is not None


def retyped(text: str, start: int, end: int, entity_type: EntityType) -> EntityType:
    """A person's name the model typed as an organisation or place: a known given name
    followed by one or two capitalised words."""
    words = text[start:end].split()
    if entity_type is EntityType.PERSON or not 2 <= len(words) <= 3:
        return entity_type
    if words[0] in given_names() and all(w[:1].isupper() and w.isalpha() for w in words[1:]):
        return EntityType.PERSON
    return entity_type


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names of the knowledge base's people, in every listed spelling."""
    names = set()
    for entity in load_kb():
        if entity.type.value != "PERSON":
            continue
        spellings = [entity.name, *(n for ns in entity.names.values() for n in ns)]
        for full in [*spellings, *(alias.text for alias in entity.aliases)]:
            words = full.split()
            if len(words) > 1 and _given_name_like(words[0]):
                names.add(words[0])
    return frozenset(names)


def _given_name_like(word: str) -> bool:
    return word.istitle() and word.replace("-", "").isalpha() and word not in NOT_GIVEN_NAMES
