"""Search queries: user input parsed into terms that no backend has to trust.

Syntax: plain words are ANDed, ``"quoted phrases"`` match as phrases, a word
ending in ``*`` matches as a prefix.  Everything else (operators, brackets,
column filters, stray quotes) is punctuation: a term keeps only letters and
digits, so no input reaches a search engine as syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import product

from lagebild.errors import StoreError

MAX_TERMS = 32
MAX_QUERY_CHARS = 2_000
#: "ss" occurrences tried as "ß" per term (2**n spellings), enough for Weißrussland.
MAX_SHARP_S = 3

_TERM = re.compile(r'"([^"]*)"|(\S+)')
# Letters and digits only: FTS5's unicode61 tokenizer splits on "_" as well.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One search term: a word or a phrase (words joined by spaces), optionally a prefix."""

    words: str
    prefix: bool = False

    def spellings(self) -> tuple[str, ...]:
        """The term and its ß/ss variants: "Weissrussland" also finds "Weißrussland".

        FTS5 folds case and diacritics but ß is a letter of its own, and Swiss and
        ASCII German write ss; every way to read an "ss" as "ß" is tried.
        """
        base = self.words.lower().replace("ß", "ss")
        parts = base.split("ss")
        sharp = min(len(parts) - 1, MAX_SHARP_S)
        spellings = [self.words.lower()]
        for choice in product(("ss", "ß"), repeat=sharp):
            joints = [*choice, *["ss"] * (len(parts) - 1 - sharp)]
            spellings.append(
                parts[0] + "".join(j + p for j, p in zip(joints, parts[1:], strict=True))
            )
        return tuple(dict.fromkeys(spellings))


def parse_query(query: str) -> list[Term]:
    """Split a user query into terms; StoreError when it is too long or has no words."""
    if len(query) > MAX_QUERY_CHARS:
        raise StoreError(
            f"the query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})"
        )
    terms = list(dict.fromkeys(_terms(unicodedata.normalize("NFC", query))))
    if not terms:
        raise StoreError(f"nothing to search for in {query[:80]!r}: give at least one word")
    if len(terms) > MAX_TERMS:
        raise StoreError(f"too many search terms ({len(terms)}; at most {MAX_TERMS})")
    return terms


def _terms(query: str) -> list[Term]:
    terms = []
    for phrase, word in _TERM.findall(query):
        raw = phrase or word
        words = " ".join(_WORD.findall(raw))
        if words:
            terms.append(Term(words, prefix=not phrase and raw.endswith("*")))
    return terms
