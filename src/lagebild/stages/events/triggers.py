"""Event triggers: the words that name an event, from ``lexicon.tsv``.

Each lexicon line gives a language, a PLOVER type, a mode (or ``-``) and a regular
expression matched case-insensitively at word boundaries.  German separable verbs are
written ``FINITE … PARTICLE``: the finite verb triggers when its particle follows later
in the sentence ("lehnte den Vorschlag ab").  Overlapping matches are resolved
leftmost-longest, so "air strike" wins over "strike".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lagebild.errors import ConfigError
from lagebild.stages.events.ontology import TYPES
from lagebild.stages.events.parse import token_starting

SEPARATOR = " … "


@dataclass(frozen=True)
class Entry:
    """One lexicon line, compiled."""

    language: str
    type: str
    mode: str | None
    pattern: re.Pattern[str]
    particle: re.Pattern[str] | None
    source: str = ""  # the word pattern as written, for the language's scanner
    idiom: bool = False  # wins over a lemma trigger at its first word ("refusing food")


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the text: ``[start, end)`` and what it names."""

    start: int
    end: int
    type: str
    mode: str | None
    idiom: bool = False  # a phrase that wins over its first word's own reading


def _compile(word_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{word_pattern})(?![\w-])", re.IGNORECASE)


def parse_line(line: str, number: int) -> Entry:
    """One ``language<TAB>type<TAB>mode<TAB>pattern[<TAB>idiom]`` line, validated."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) not in (4, 5) or fields[4:] not in ([], ["idiom"]):
        raise ConfigError(
            f"events lexicon line {number}: expected 4 tab-separated fields and maybe 'idiom'"
        )
    language, type_, mode, pattern = fields[:4]
    if type_ not in TYPES:
        raise ConfigError(f"events lexicon line {number}: unknown PLOVER type {type_!r}")
    verb, _, particle = pattern.partition(SEPARATOR)
    try:
        compiled = _compile(verb)
        particle_pattern = _compile(particle) if particle else None
    except re.error as error:
        raise ConfigError(f"events lexicon line {number}: {error}") from error
    mode_or_none = None if mode == "-" else mode
    idiom = fields[4:] == ["idiom"]
    return Entry(language, type_, mode_or_none, compiled, particle_pattern, verb, idiom)


@cache
def lexicon(language: str | None = None) -> tuple[Entry, ...]:
    """The packaged lexicon (comments and blank lines skipped), of one language or all;
    only the lines asked for are compiled (a German document needs no English ones)."""
    text = (resources.files("lagebild.stages.events") / "lexicon.tsv").read_text("utf-8")
    lines = enumerate(text.splitlines(), start=1)
    return tuple(
        parse_line(line, n)
        for n, line in lines
        if line.strip()
        and line[0] != "#"
        and (language is None or line.startswith(language + "\t"))
    )


def find_triggers(
    text: str,
    start: int,
    end: int,
    language: str,
    parsed: Iterable[Trigger] = (),
    patterns: Iterable[Trigger] | None = None,
) -> list[Trigger]:
    """The triggers in ``text[start:end]`` (one sentence), leftmost-longest, in order.
    ``parsed``: triggers found by lemma in the sentence's parse; they win over a
    pattern's match starting at the same word (they know its part of speech and
    context: "pulled out of the peace talks" is no retreat), except an idiom's
    ("refusing food" is a protest, not a refusal).  ``patterns``: the
    pattern matches, when already found (``pattern_triggers``)."""
    if patterns is None:
        patterns = pattern_triggers(text, start, end, language)
    ranked = [(t, 0) for t in parsed] + [(t, -1 if t.idiom else 1) for t in patterns]
    chosen: list[Trigger] = []
    for trigger, _ in sorted(ranked, key=_order):
        if not chosen or trigger.start >= chosen[-1].end:
            chosen.append(trigger)
    return chosen


def _order(ranked: tuple[Trigger, int]) -> tuple[int, int, int]:
    trigger, rank = ranked
    return trigger.start, rank, -(trigger.end - trigger.start)


def pattern_triggers(text: str, start: int, end: int, language: str) -> list[Trigger]:
    """Every match of the pattern lexicon in ``text[start:end]``, overlapping ones too."""
    return list(_candidates(text, start, end, language))


@cache
def _scanner(language: str) -> tuple[re.Pattern[str], tuple[Entry, ...]]:
    """One pattern that stops wherever some entry of ``language`` matches, and the
    entries.  Scanning a sentence once and trying the entries only there takes less than
    half the time of scanning it once per entry."""
    entries = lexicon(language)
    anywhere = "|".join(entry.source for entry in entries) or "(?!)"
    return re.compile(rf"(?<![\w-])(?=(?:{anywhere})(?![\w-]))", re.IGNORECASE), entries


def _candidates(text: str, start: int, end: int, language: str) -> Iterator[Trigger]:
    scanner, entries = _scanner(language)
    for hit in scanner.finditer(text, start, end):
        for entry in entries:
            match = entry.pattern.match(text, hit.start(), end)
            if match is None:
                continue
            if entry.particle and not entry.particle.search(text, match.end(), end):
                continue
            yield Trigger(match.start(), match.end(), entry.type, entry.mode, entry.idiom)


# --- English triggers by lemma, over the dependency parse -------------------------------
#
# ``lemmas.tsv``: type, mode, part of speech (VERB, NOUN or both as VERB|NOUN), lemmas
# (``|``-separated) and what the word needs around it: ``-`` nothing; ``prt:W|W`` a
# particle or preposition ("pull out", "call for"); ``obj:L|L`` an object (direct,
# passive subject, prepositional, or a noun trigger's "of" phrase) of one of those
# lemmas ("lift the sanctions"), ``obj:!L|L`` no such object ("met" but not "met
# setbacks"); ``subj:L|L`` such a subject ("peacekeepers arrived"); ``xcomp:*`` an
# infinitive it governs ("pressed Seoul to open its market"); ``mod:L|L`` a word
# qualifying it ("an indefinite strike"); ``ccomp:W|W`` a that-clause with one of these
# auxiliaries and no hedge ("warned that they will suffer").
# A lemma covers every inflection, and the part of speech keeps "offer" the verb apart
# from "an offer", so the vocabulary carries over to sentences nobody read.

#: Dependency relations that carry an object, per kind of head word.
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "acomp", "ccomp"})
_OBJECT_PREPS = frozenset({"of", "on", "against", "for", "to", "with", "from", "into", "at"})
_PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent"})
_RELATIONS = frozenset({"prt", "obj", "subj", "xcomp", "mod", "ccomp"})
_POS = frozenset({"VERB", "NOUN"})


@dataclass(frozen=True)
class LemmaEntry:
    """One ``lemmas.tsv`` line: a type for a lemma, given what stands around it."""

    type: str
    mode: str | None
    pos: frozenset[str]
    lemmas: frozenset[str]
    relation: str | None
    words: frozenset[str]
    unless: bool = False  # ``obj:!…``: fits when no such object is there


def parse_lemma_line(line: str, number: int) -> LemmaEntry:
    """One ``type<TAB>mode<TAB>pos<TAB>lemmas<TAB>needs`` line, validated."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 5:
        raise ConfigError(f"events lemmas line {number}: expected 5 tab-separated fields")
    type_, mode, pos, lemmas, needs = fields
    if type_ not in TYPES:
        raise ConfigError(f"events lemmas line {number}: unknown PLOVER type {type_!r}")
    parts = frozenset(pos.split("|"))
    if not parts <= _POS:
        raise ConfigError(f"events lemmas line {number}: part of speech {pos!r}")
    relation, _, words = needs.partition(":")
    unless = relation == "obj" and words.startswith("!")
    words = words.removeprefix("!") if unless else words
    if needs != "-" and (relation not in _RELATIONS or not words):
        raise ConfigError(f"events lemmas line {number}: cannot read {needs!r}")
    return LemmaEntry(
        type_,
        None if mode == "-" else mode,
        parts,
        frozenset(lemmas.lower().split("|")),
        None if needs == "-" else relation,
        frozenset(words.lower().split("|")),
        unless,
    )


@cache
def lemma_index() -> dict[str, tuple[LemmaEntry, ...]]:
    """Lemma → its entries, those that need a context first (the more specific reading)."""
    text = (resources.files("lagebild.stages.events") / "lemmas.tsv").read_text("utf-8")
    lines = enumerate(text.splitlines(), start=1)
    entries = [parse_lemma_line(line, n) for n, line in lines if line.strip() and line[0] != "#"]
    index: dict[str, list[LemmaEntry]] = {}
    for entry in sorted(entries, key=_specificity):
        for lemma in entry.lemmas:
            index.setdefault(lemma, []).append(entry)
    return {lemma: tuple(found) for lemma, found in index.items()}


def _specificity(entry: LemmaEntry) -> bool:
    """A line that needs a context ("release prisoners", "give up") comes before one that
    does not; among those, the file's order decides."""
    return entry.relation is None


def lemma_triggers(doc: Any, offset: int) -> list[Trigger]:
    """Triggers among the parsed sentence's words (``offset``: where ``doc`` begins)."""
    index = lemma_index()
    found = []
    for token in _verbs_and_nouns(doc):
        if token.dep_ in MODIFIERS:
            continue
        entry = next((e for e in _entries(index, token) if _fits(e, token)), None)
        if entry is not None:
            start = offset + token.idx
            found.append(Trigger(start, start + len(token), entry.type, entry.mode))
    return found


def _verbs_and_nouns(doc: Any) -> Iterator[Any]:
    """The sentence's verbs and nouns, the only words a lemma line can fit (``_fits``),
    picked from the parse's array of parts of speech without making every token."""
    from spacy.attrs import POS  # type: ignore[import-not-found]

    wanted = {doc.vocab.strings["VERB"], doc.vocab.strings["NOUN"]}
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos in wanted:
            yield doc[i]


#: A word that only qualifies a noun names no event of its own: "riot police", "protest
#: organizers", "occupied Donbas", "US-backed programs".
MODIFIERS = frozenset({"compound", "amod"})


def drop_repeats(triggers: list[Trigger], doc: Any, offset: int) -> list[Trigger]:
    """Without a noun trigger under a trigger of the same type ("imposed sanctions",
    "provide military aid" are one event each, named by the verb and its object), nor a
    trigger that only qualifies a noun."""
    words = {t.start: token_starting(doc, t.start - offset) for t in triggers}
    typed = {word.i: t.type for t in triggers if (word := words[t.start]) is not None}
    return [
        t
        for t in triggers
        if not _repeat(words[t.start], t, typed) and not _modifier(t, words[t.start], offset)
    ]


def _repeat(token: Any, trigger: Trigger, typed: dict[int, str]) -> bool:
    """A noun whose head word is a trigger of the same type (its conjunct is an event of
    its own: "sanctions on banks; and additional sanctions on elites")."""
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.head.i == token.i:
        return False
    if token.dep_ == "conj":
        return False
    return typed.get(token.head.i) == trigger.type


#: Nouns that a qualifying trigger makes an event of its own: "a mediation effort".
EVENT_HEADS = frozenset(
    {
        "effort",
        "attempt",
        "bid",
        "initiative",
        "campaign",
        "process",
        "drive",
        "tactic",
        "measure",
        "package",
    }
)


def _modifier(trigger: Trigger, word: Any, offset: int) -> bool:
    """A one-word trigger that qualifies a noun after it ("protest leaders", "aid
    organizations", "Air Assault Brigade", "offensive operations"); ``word``: the token
    the trigger starts at."""
    if word is None or offset + word.idx + len(word) != trigger.end:
        return False
    if word.dep_ not in MODIFIERS or word.head.i < word.i or _misparsed_verb(word):
        return False
    return _lemma(word.head) not in EVENT_HEADS


def _misparsed_verb(word: Any) -> bool:
    """A participle the parser hung on a noun that it made the conjunct of a verb: "have
    penetrated 60 km and captured Kherson city" is parsed as "and [captured city]"."""
    head = word.head
    return word.pos_ == "VERB" and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX")


#: Endings after which spaCy's rule lemmatizer drops a verb's final "e" when it does not
#: know the verb ("lambasted" → "lambast", "castigating" → "castigat").
_E_DROPPING = ("ed", "ing", "es")


def _entries(index: dict[str, tuple[LemmaEntry, ...]], token: Any) -> tuple[LemmaEntry, ...]:
    lemma = token.lemma_.lower()
    found = index.get(lemma) or index.get(token.lower_)
    if not found and token.pos_ == "VERB" and token.lower_.endswith(_E_DROPPING):
        found = index.get(lemma + "e")
    return found or ()


def _fits(entry: LemmaEntry, token: Any) -> bool:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ == "NOUN" else None
    if pos not in entry.pos:
        return False
    if entry.relation == "prt":
        return any(c.dep_ in _PARTICLE_DEPS and c.lower_ in entry.words for c in token.children)
    if entry.relation == "obj":
        return any(_lemma(o) in entry.words for o in _objects(token)) != entry.unless
    if entry.relation == "subj":
        return any(_lemma(s) in entry.words for s in _subjects(token))
    if entry.relation == "xcomp":
        return any(c.dep_ == "xcomp" for c in token.children)
    if entry.relation == "mod":
        return any(c.dep_ in MODIFIERS and _lemma(c) in entry.words for c in token.children)
    if entry.relation == "ccomp":
        return any(_committing(c, entry.words) for c in token.children if c.dep_ == "ccomp")
    return True


#: Words that turn a clause into an assessment rather than a commitment: "warned that
#: Russia will likely order …", "warned that the US believes …".
HEDGES = frozenset({"likely", "probably", "possibly", "believe"})
#: Modals of possibility: a threat only of the speaker's own action ("warned that it could
#: retaliate"), a forecast of anyone else's ("warned that Russia may use …").
POSSIBILITY = frozenset({"may", "might", "could"})


def _committing(clause: Any, auxiliaries: frozenset[str]) -> bool:
    """A that-clause that states what will happen, unhedged ("warned that police will no
    longer tolerate rallies"), or what the speaker may do ("it could retaliate")."""
    words = {_lemma(t) for t in clause.subtree}
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"} & auxiliaries
    if not modals or words & HEDGES:
        return False
    own = any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children)
    return bool(modals - POSSIBILITY) or own


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()


def _objects(token: Any) -> Iterator[Any]:
    """The word's objects, their conjuncts, and (for a noun) the head of its "of" phrase."""
    for child in token.children:
        if child.dep_ in _OBJECT_DEPS or child.dep_ == "compound":
            yield from (child, *child.conjuncts)
        elif child.dep_ in ("prep", "agent") and child.lower_ in _OBJECT_PREPS:
            yield from _prepositional(child)
        elif child.dep_ in ("prep", "prt") and child.lower_ in ("out", "away"):
            # "pulled out of the talks": the object sits one preposition further down
            for prep in (c for c in child.children if c.lower_ in _OBJECT_PREPS):
                yield from _prepositional(prep)


def _prepositional(prep: Any) -> Iterator[Any]:
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        yield from (pobj, *pobj.conjuncts)


def _subjects(token: Any) -> Iterator[Any]:
    """Subjects, their conjuncts and the words qualifying them ("peacekeeping troops")."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            for subject in (child, *child.conjuncts):
                yield subject
                yield from (c for c in subject.children if c.dep_ in MODIFIERS)
