"""Fast dictionary matching of entity names (Aho-Corasick), German-inflection aware.

The automaton is built over case-folded surface forms; every hit is then
checked against the original text:

* a surface that starts with a capital must start with one in the text
  ("Putin", not "putin"), and short all-caps acronyms must match exactly
  ("EU", "UN"), while longer acronyms may be title-cased ("Nato");
* the left edge must be a word boundary (a hyphen counts: "russisch-belarussisch");
* the right edge must be a word boundary, a German genitive or adjective ending
  ("Putins", "Weißrusslands", "belarussischen") or a hyphenated compound
  ("S-400-Luftverteidigungskomplexe", "Iskander-Komplexe").

Overlapping hits are resolved leftmost-longest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

#: Unicode dashes folded to ASCII '-' so "S‑400" matches "S-400" (same length: offsets hold).
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-"))
GENITIVE_ENDINGS = ("s", "es", "’s", "'s", "’", "'")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em", "n")
ACRONYM_EXACT_MAX = 3
#: Which kind of form wins when several match the same span.
KIND_RANK = {"name": 0, "designation": 1, "alias": 2, "role": 3, "nationality": 4}


@dataclass(frozen=True)
class Form:
    """A surface form to look for, the key it stands for, and what kind of name it is."""

    surface: str
    key: str
    kind: str = "name"


@dataclass(frozen=True)
class Hit:
    """A verified match in the text: ``text[start:end]`` includes any inflection ending."""

    start: int
    end: int
    key: str
    kind: str
    surface: str
    suffix: str = ""
    compound: bool = False


def fold(text: str) -> str:
    """Lower-case and fold dashes without changing the length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_DASHES)


class Gazetteer:
    """An Aho-Corasick automaton over surface forms; ``find`` returns verified hits."""

    def __init__(self, forms: Iterable[Form]) -> None:
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[Form]] = {}
        for form in forms:
            if form.surface.strip():
                entries.setdefault(fold(form.surface), []).append(form)
        for folded, candidates in entries.items():
            self._automaton.add_word(folded, tuple(candidates))
        self.size = len(entries)
        if entries:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """All verified, non-overlapping hits in ``text``, leftmost-longest first."""
        return [group[0] for group in self.find_groups(text)]

    def find_groups(
        self, text: str, accept: Callable[[Hit], bool] | None = None
    ) -> list[list[Hit]]:
        """Non-overlapping spans, leftmost-longest, each with every form that matched it.

        ``accept`` filters hits *before* the longest span is chosen, so a rejected long
        form ("White House Press Secretary" out of office) leaves the shorter one standing.
        """
        if not self.size:
            return []
        hits = [hit for hit in self._candidates(text) if accept is None or accept(hit)]
        chosen = _leftmost_longest(hits)
        by_span: dict[tuple[int, int], list[Hit]] = {(h.start, h.end): [] for h in chosen}
        for hit in hits:
            group = by_span.get((hit.start, hit.end))
            if group is not None and hit not in group:
                group.append(hit)
        return [sorted(by_span[(h.start, h.end)], key=_kind_rank) for h in chosen]

    def _candidates(self, text: str) -> Iterator[Hit]:
        folded = fold(text)
        for last, forms in self._automaton.iter(folded):
            for form in forms:
                hit = verify(text, last + 1 - len(form.surface), last + 1, form)
                if hit is not None:
                    yield hit


def verify(text: str, start: int, end: int, form: Form) -> Hit | None:
    """The hit of ``form`` at ``text[start:end]`` with its ending, or None when it is no match."""
    if not _case_ok(text[start:end], form) or not _left_boundary(text, start):
        return None
    if form.kind == "nationality":
        endings: tuple[str, ...] = ("", *ADJECTIVE_ENDINGS)
    else:
        endings = ("", *GENITIVE_ENDINGS)
    for suffix in sorted(endings, key=len, reverse=True):
        if not text.startswith(suffix, end):
            continue
        after = end + len(suffix)
        if _right_boundary(text, after):
            return Hit(start, after, form.key, form.kind, form.surface, suffix)
        if not suffix and _compound_follows(text, after):
            return Hit(start, after, form.key, form.kind, form.surface, "", compound=True)
    return None


def _case_ok(found: str, form: Form) -> bool:
    surface = form.surface
    if surface.isupper() and len(surface) <= ACRONYM_EXACT_MAX:
        return found == surface
    if surface[:1].isupper():
        return found[:1].isupper()
    return True


def _left_boundary(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _right_boundary(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] in "-‐‑")


def _compound_follows(text: str, end: int) -> bool:
    """A hyphenated compound: 'S-400-Systeme', 'Nato-Gipfel' (a letter after the hyphen)."""
    return end + 1 < len(text) and text[end] in "-‐‑" and text[end + 1].isalpha()


def _kind_rank(hit: Hit) -> int:
    return KIND_RANK.get(hit.kind, len(KIND_RANK))


def _leftmost_longest(hits: Iterable[Hit]) -> list[Hit]:
    chosen: list[Hit] = []
    for hit in sorted(
        hits, key=lambda h: (_name_start(h), -(h.end - _name_start(h)), _kind_rank(h))
    ):
        if chosen and hit.start < chosen[-1].end:
            continue
        chosen.append(hit)
    return chosen


#: Articles some aliases start with ("the Baltic", "the Kremlin").
ALIAS_ARTICLES = ("the ", "der ", "die ", "das ")


def _name_start(hit: Hit) -> int:
    """Where the name itself starts: an alias's leading article does not count, so "the
    Baltic" cannot shadow a longer name after the article ("the Baltic Sea")."""
    return hit.start + 4 if hit.surface.casefold().startswith(ALIAS_ARTICLES) else hit.start
