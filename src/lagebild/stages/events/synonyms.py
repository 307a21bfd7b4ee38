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
from pathlib import Path
from typing import Any

from lagebild.stages.claims.cues import SPEECH_EN
from lagebild.stages.events.triggers import Trigger, lemma_index

#: English verbs typed through WordNet (built by ``train/events_en/synonyms.py``).
SYNONYMS = Path(__file__).with_name("synonyms_en.tsv")
#: Verbs of speech (the claims stage's forms) name no event of their own.
SPEECH = frozenset(SPEECH_EN)
#: Roots that only report what the clause under them tells.
REPORTING = frozenset(
    {"say", "tell", "state", "add", "report", "note", "write", "claim", "announce", "confirm"}
)
#: Verbs too light to name an event without the context their lexicon lines ask for
#: ("took positions", "remain in reserve", "demonstrating its capabilities").
LIGHT = frozenset(
    {"take", "give", "remain", "hold", "make", "get", "put", "keep", "set", "seek", "go",
     "come", "have", "do", "be", "show", "demonstrate", "continue", "resume", "begin",
     "start", "try", "help", "prevent", "bring", "turn", "run", "leave", "carry", "see"}
)  # fmt: skip


@cache
def synonym_index() -> dict[str, tuple[str, str | None]]:
    """Verb lemma → (PLOVER type, mode), from the packaged table."""
    index = {}
    for line in SYNONYMS.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lemma, type_, mode, _via = line.split("\t")
            index[lemma] = (type_, None if mode == "-" else mode)
    return index


def fallback_triggers(doc: Any, offset: int) -> list[Trigger]:
    """The sentence's carrying verb as a trigger, if WordNet types it (``offset``: where
    ``doc`` begins in the text)."""
    index = synonym_index()
    for verb in _carrying_verbs(doc):
        found = index.get(verb.lemma_.lower()) or _bare_reading(verb)
        if found is not None:
            start = offset + verb.idx
            return [Trigger(start, start + len(verb), found[0], found[1])]
    return []


def _bare_reading(verb: Any) -> tuple[str, str | None] | None:
    """A lexicon verb whose every line needs a context it lacks here ("returned the
    bronzes"): with no other event in the sentence, its first line's reading."""
    lemma = verb.lemma_.lower()
    if lemma in LIGHT or verb.lower_ in SPEECH or not _named_subject(verb):
        return None
    entries = [e for e in lemma_index().get(lemma, ()) if "VERB" in e.pos]
    usable = [e for e in entries if not e.unless]
    return (usable[0].type, usable[0].mode) if usable and len(usable) == len(entries) else None


def _named_subject(verb: Any) -> bool:
    """Whether the verb's subject names an actor: a proper name ("Germany returned …") or
    a phrase a capitalised word qualifies ("Russian forces"), not "the museum"."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        words = (subject, *(c for c in subject.children if c.dep_ in ("amod", "compound")))
        if any(w.pos_ == "PROPN" or (w.text[:1].isupper() and w.i > 0) for w in words):
            return True
    return False


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
