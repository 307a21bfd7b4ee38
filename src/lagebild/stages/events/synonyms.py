"""A fallback for English sentences with no trigger: the main verb, typed through WordNet.

The lexicons list the verbs that name PLOVER events; a verb they do not list ("ransacked",
"earmarked", "vacated") leaves its sentence without an event.  ``synonyms_en.tsv``, built
from WordNet by ``train/events_en/synonyms.py``, types such verbs by the lexicon verbs
that share their most frequent senses.  Since a synonym is weaker evidence than a
lexicon word, it is used only where the sentence has no trigger at all, and only for the
verb that carries the sentence: its root, or, when the root only reports speech ("said"),
the verb of the reported clause.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from lagebild.stages.events.triggers import Trigger

#: Roots that only report what the clause under them tells.
REPORTING = frozenset(
    {"say", "tell", "state", "add", "report", "note", "write", "claim", "announce", "confirm"}
)


@cache
def synonym_index() -> dict[str, tuple[str, str | None]]:
    """Verb lemma → (PLOVER type, mode), from the packaged table."""
    text = (resources.files("lagebild.stages.events") / "synonyms_en.tsv").read_text("utf-8")
    index = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, type_, mode, _via = line.split("\t")
            index[lemma] = (type_, None if mode == "-" else mode)
    return index


def fallback_triggers(doc: Any, offset: int) -> list[Trigger]:
    """The sentence's carrying verb as a trigger, if WordNet types it (``offset``: where
    ``doc`` begins in the text)."""
    index = synonym_index()
    for verb in _carrying_verbs(doc):
        found = index.get(verb.lemma_.lower())
        if found is not None:
            start = offset + verb.idx
            return [Trigger(start, start + len(verb), found[0], found[1])]
    return []


def _carrying_verbs(doc: Any) -> Iterator[Any]:
    """The root verb and its coordinated verbs; for a reporting root, its clause's verbs."""
    for root in (token for token in doc if token.dep_ == "ROOT"):
        if root.lemma_.lower() in REPORTING:
            for clause in (c for c in root.children if c.dep_ == "ccomp"):
                yield from _verb_and_conjuncts(clause)
        else:
            yield from _verb_and_conjuncts(root)


def _verb_and_conjuncts(verb: Any) -> Iterator[Any]:
    yield from (v for v in (verb, *verb.conjuncts) if v.pos_ == "VERB")
