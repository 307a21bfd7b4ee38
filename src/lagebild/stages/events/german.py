"""German event triggers by lemma: ``lemmas_de.tsv`` over the forms in ``forms_de.tsv``.

No German dependency parser ships, so a word's context is its sentence: a line may
need another word of the sentence ("verhängte … Sanktionen" is SANCTION, "verhängte …
eine Ausgangssperre" COERCE).  A lemma covers every inflection the forms table lists,
so "berieten", "beraten" and "Beratungen" all trigger without being written out.
Separable verbs trigger joined ("abgelehnt", "abzulehnen") or split, when their
particle closes a clause later in the sentence ("lehnte den Vorschlag ab.").  A noun
also triggers as the head of a compound ("Tarifverhandlungen", "UN-Blauhelme").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from lagebild.errors import ConfigError
from lagebild.stages.events.ontology import TYPES
from lagebild.stages.events.triggers import Trigger

LEMMAS = Path(__file__).with_name("lemmas_de.tsv")
FORMS = Path(__file__).with_name("forms_de.tsv")

WORD = re.compile(r"\w+(?:-\w+)*")
#: The word after a word, across any run of white space (line breaks in ticker text).
NEXT_WORD = re.compile(r"\s+(\w+(?:-\w+)*)")
#: What may follow a separable verb's particle at the end of its clause.
CLOSERS = frozenset(",.;:!?)\"'»«“”–-")
CONJUNCTIONS = frozenset({"und", "oder", "aber", "sondern", "denn", "sowie"})
#: The shortest compound head tried: four letters would find "Haft" in "Gesellschaft".
SHORTEST_HEAD = 5
#: Nouns too common as the head of unrelated compounds ("Ehevertrag", "Nachhilfe",
#: "Zuschauerbesuch"); the compounds that are events are written out ("Friedensvertrag").
NOT_HEADS = frozenset({"vertrag", "hilfe", "besuch", "kampf", "übung", "bitte", "klage"})
#: Forms whose everyday use is no event: "bitte" is mostly "please".
IGNORED_FORMS = frozenset({"bitte"})


@dataclass(frozen=True)
class GermanEntry:
    """One ``lemmas_de.tsv`` line: a type for its lemmas, given the sentence around them."""

    type: str
    mode: str | None
    near: frozenset[str]  # casefolded lemmas or words; empty: no context needed
    unless: bool  # ``near:!…``: fits when none of them is there
    order: int  # needs-context lines first, then the file's order

    def fits(self, context: set[str]) -> bool:
        return not self.near or bool(self.near & context) != self.unless


@dataclass(frozen=True)
class GermanIndex:
    """Entries by casefolded lemma: joined words, and separable verbs by their base."""

    joined: dict[str, tuple[GermanEntry, ...]]
    split: dict[str, tuple[tuple[str, GermanEntry], ...]]  # base → (particle, entry)
    nouns: frozenset[str]


def _fields(line: str, number: int) -> list[str]:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 4:
        raise ConfigError(f"German events lemmas line {number}: expected 4 tab-separated fields")
    if fields[0] not in TYPES:
        raise ConfigError(f"German events lemmas line {number}: unknown type {fields[0]!r}")
    if fields[3] != "-" and not fields[3].startswith("near:"):
        raise ConfigError(f"German events lemmas line {number}: cannot read {fields[3]!r}")
    return fields


def _lines(text: str) -> list[tuple[int, list[str]]]:
    numbered = enumerate(text.splitlines(), start=1)
    return [(n, _fields(line, n)) for n, line in numbered if line.strip() and line[0] != "#"]


def _near(needs: str) -> tuple[frozenset[str], bool]:
    words = needs.removeprefix("near:") if needs != "-" else ""
    unless = words.startswith("!")
    return frozenset(w.casefold() for w in words.removeprefix("!").split("|") if w), unless


def lemma_words(text: str) -> list[str]:
    """Every lemma a lexicon text names, as written (triggers with ``~``, and context words)."""
    words: list[str] = []
    for _, (_, _, lemmas, needs) in _lines(text):
        words += lemmas.split("|")
        words += [w for w in needs.removeprefix("near:").lstrip("!").split("|") if needs != "-"]
    return list(dict.fromkeys(words))


def build_index(text: str) -> GermanIndex:
    joined: dict[str, list[GermanEntry]] = {}
    split: dict[str, list[tuple[str, GermanEntry]]] = {}
    nouns: set[str] = set()
    for order, (_, (type_, mode, lemmas, needs)) in enumerate(_lines(text)):
        near, unless = _near(needs)
        entry = GermanEntry(type_, None if mode == "-" else mode, near, unless, order)
        for lemma in lemmas.split("|"):
            parts = lemma.casefold().split("~")
            joined.setdefault("".join(parts), []).append(entry)
            if len(parts) > 1:
                split.setdefault(parts[-1], []).append((parts[-2], entry))
            if lemma[:1].isupper():
                nouns.add(lemma.casefold())
        # context nouns are compound heads too: "Kampfbrigade" is near "Brigade"
        nouns |= {w.casefold() for w in needs.removeprefix("near:").split("|") if w[:1].isupper()}
    return GermanIndex(
        {k: tuple(v) for k, v in joined.items()},
        {k: tuple(v) for k, v in split.items()},
        frozenset(nouns),
    )


@cache
def german_index() -> GermanIndex:
    return build_index(LEMMAS.read_text("utf-8"))


@cache
def forms() -> dict[str, tuple[str, ...]]:
    """Form → the casefolded lemmas it may stand for."""
    table: dict[str, tuple[str, ...]] = {}
    for line in FORMS.read_text("utf-8").splitlines():
        if line and line[0] != "#":
            form, _, lemmas = line.partition("\t")
            table[form] = tuple(lemma.casefold() for lemma in lemmas.split("|"))
    return table


@lru_cache(maxsize=1 << 16)  # news repeats its words; the compound search is the cost
def lemmas_of(word: str, first: bool = False) -> tuple[str, ...]:
    """The lexicon lemmas a word may be: as written, lower-cased when it opens the
    sentence, the last part of a hyphenated word, or the head of a compound noun."""
    if word in IGNORED_FORMS:
        return ()
    table = forms()
    found = table.get(word) or (table.get(word.lower()) if first else None)
    if found:
        return found
    if "-" in word:
        return lemmas_of(word.rsplit("-", 1)[1])
    return _compound_head(word) if word[:1].isupper() else ()


def _compound_head(word: str) -> tuple[str, ...]:
    nouns, table = german_index().nouns, forms()
    for cut in range(3, len(word) - SHORTEST_HEAD + 1):
        if not _compound_split(word, cut):
            continue
        head = word[cut].upper() + word[cut + 1 :]
        found = table.get(head, ())
        lemmas = tuple(lemma for lemma in found if lemma in nouns and lemma not in NOT_HEADS)
        if lemmas:
            return lemmas
    return ()


#: First parts that make a derived word, not a compound of two nouns: "Herausforderung"
#: is no "Forderung", "Wiedervereinigung" no "Einigung", "Selbstmord" no "Mord".
NOT_MODIFIERS = frozenset(
    {"heraus", "herein", "hinaus", "hinein", "aufeinander", "miteinander", "gegeneinander",
     "wieder", "selbst", "voraus", "zurück"}
)  # fmt: skip


#: Verb prefixes a noun's head never follows: "Wiedervereinigung" is no "…einigung".
VERB_PREFIXES = ("ver", "zer", "ent", "emp", "miss")


def _compound_split(word: str, cut: int) -> bool:
    """Whether ``word`` may be a compound whose head starts at ``cut``: not after a
    derivational first part or a verb prefix, nor inside "-schaft" ("Gewerkschaften")."""
    first = word[:cut].casefold()
    if first in NOT_MODIFIERS or first.endswith(VERB_PREFIXES):
        return False
    return not (first.endswith("sc") and word[cut] in "hH")


#: Prepositions of time, place, cause and means: a noun governed by one sets the scene
#: ("Nach wochenlangen Protesten nahm der Minister … zurück", "nach elf
#: Verhandlungsrunden", "auf dem Gipfel", "in der Haft", "drohte mit Sanktionen") and is
#: no main event wherever it stands; German names the event with the verb after it.
#: (With no other trigger in the sentence, the noun is still taken.)
SCENE_PREPOSITIONS = frozenset(
    {"nach", "vor", "seit", "trotz", "wegen", "während", "infolge", "angesichts", "bei",
     "beim", "aufgrund", "ungeachtet", "inmitten", "nachdem", "auf", "in", "im", "an",
     "am", "zum", "zur", "unter", "mit", "für", "gegen", "über", "zu", "um"}
)  # fmt: skip
#: How many words the opening phrase may run to before the trigger.
LEADING_WORDS = 6


def in_opening_phrase(text: str, start: int, position: int) -> bool:
    """Whether the noun at ``position`` stands in the prepositional phrase that opens the
    sentence at ``start`` (German puts the finite verb, the main event, after it)."""
    if not text[position : position + 1].isupper():
        return False
    before = text[start:position]
    words = WORD.findall(before)
    if not words or words[0].casefold() not in SCENE_PREPOSITIONS or "," in before:
        return False
    return len(words) <= LEADING_WORDS


#: Words that open a noun phrase: a participle after one and before a noun qualifies
#: that noun ("die ausgesetzten Gespräche"), it names no event of its own.
DETERMINERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
     "eines", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihr", "ihre",
     "ihren", "ihrem", "ihrer", "ihres", "diese", "dieser", "diesen", "diesem", "dieses",
     "alle", "keine", "keinen", "zur", "zum", "im", "am", "vom", "beim"}
)  # fmt: skip
#: How many words may stand between a preposition and its noun.
ADJUNCT_REACH = 3


def not_main(text: str, start: int, position: int) -> bool:
    """Whether the trigger word at ``position`` (in the sentence starting at ``start``)
    is scenery rather than the sentence's event: in the opening prepositional phrase,
    governed by a scene-setting preposition, or a participle qualifying a noun."""
    return (
        in_opening_phrase(text, start, position)
        or _in_adjunct(text, start, position)
        or _attributive(text, start, position)
    )


def _in_adjunct(text: str, start: int, position: int) -> bool:
    if not text[position : position + 1].isupper():
        return False
    before = WORD.findall(text, start, position)[-(ADJUNCT_REACH + 1) :]
    for word in reversed(before):
        if word.casefold() in SCENE_PREPOSITIONS:
            return True
        if word[:1].isupper() or not (word.islower() or word.isdigit()):
            return False
    return False


def _attributive(text: str, start: int, position: int) -> bool:
    word = WORD.match(text, position)
    if word is None or not word.group().islower():
        return False
    before = [w for w in WORD.findall(text, start, position) if not w.isdigit()]
    following = NEXT_WORD.match(text, word.end())
    return (
        bool(before)
        and before[-1].casefold() in DETERMINERS
        and following is not None
        and following.group(1)[:1].isupper()
    )


def german_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """The triggers the lemma lexicon finds in ``text[start:end]`` (one sentence)."""
    return german_analysis(text, start, end)[0]


def german_analysis(text: str, start: int, end: int) -> tuple[list[Trigger], frozenset[int]]:
    """The sentence's triggers, and where the words start that a verb trigger took as its
    context: "hob die Sanktionen auf", "wurde der Ausnahmezustand aufgehoben" name one
    event, the verb's, and "Sanktionen" is its object, no SANCTION of its own."""
    words = list(WORD.finditer(text, start, end))
    lemmas = [lemmas_of(w.group(), i == 0) for i, w in enumerate(words)]
    context = {lemma for found in lemmas for lemma in found}
    context |= {w.group().casefold() for w in words}
    found, objects = [], set()
    for i, word in enumerate(words):
        entry = _best(_candidates(lemmas[i], words[i + 1 :], text, end), context)
        if entry is None:
            continue
        found.append(Trigger(word.start(), word.end(), entry.type, entry.mode))
        if _takes_object(entry, text, start, word):
            named = zip(words, lemmas, strict=True)
            objects |= {w.start() for w, own in named if _named(w, own, entry.near)}
    return found, frozenset(objects)


def _takes_object(entry: GermanEntry, text: str, start: int, word: re.Match[str]) -> bool:
    """A verb that needs a context word takes it as its object; a participle qualifying
    a noun does not ("die ausgesetzten Gespräche" are still talks)."""
    if not entry.near or entry.unless or not word.group().islower():
        return False
    return not _attributive(text, start, word.start())


def _named(word: re.Match[str], lemmas: Sequence[str], near: frozenset[str]) -> bool:
    return word.group().casefold() in near or any(lemma in near for lemma in lemmas)


def _candidates(
    lemmas: Sequence[str], later: Sequence[re.Match[str]], text: str, end: int
) -> Iterable[GermanEntry]:
    index = german_index()
    for lemma in lemmas:
        yield from index.joined.get(lemma, ())
        for particle, entry in index.split.get(lemma, ()):
            if _closes(particle, later, text, end):
                yield entry


def _best(entries: Iterable[GermanEntry], context: set[str]) -> GermanEntry | None:
    fitting = [entry for entry in entries if entry.fits(context)]
    return min(fitting, key=lambda e: (not e.near, e.order), default=None)


def _closes(particle: str, later: Sequence[re.Match[str]], text: str, end: int) -> bool:
    """Whether ``particle`` stands later in the sentence at the end of a clause."""
    for word in later:
        if word.group().casefold() != particle:
            continue
        after = text[word.end() : end].lstrip()
        if not after or after[0] in CLOSERS:
            return True
        if after.split(None, 1)[0].casefold() in CONJUNCTIONS:
            return True
    return False
