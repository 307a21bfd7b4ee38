"""Who did it to whom, from a dependency parse (English, where a parser is configured).

For a trigger the parse gives the clause's verb, its subject (the source; in a passive,
the "by" agent), its objects (the target: direct object, "on"/"against"/"with"/"to"
objects), and whether the clause is the sentence's main clause.  A noun trigger ("Russian
attacks on Kyiv", "talks with Zelensky") takes its source from its modifiers and its
target from its "on"/"against"/"with"/"of" objects.  Only argument *spans* come from the
parse; the actors are the entity mentions inside them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lagebild.errors import ConfigError
from lagebild.stages.spacy_fast import LEMMATIZER, RULER, FastRules, UncompiledError

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
TARGET_PREPOSITIONS = frozenset({"on", "against", "with", "to", "at", "into", "upon", "of"})
NOUN_SOURCES = frozenset({"amod", "compound", "poss", "nmod"})
#: Prepositions that list members of an argument.
EXAMPLES = frozenset({"including", "like", "notably"})
#: Verbs of taking ground, whose "from" object is the side that lost it.
CAPTURE = ("captur", "recaptur", "retak", "retook", "took", "seiz", "liberat", "regain")
#: Clause relations that make a verb subordinate: relative, adverbial, infinitival clauses.
SUBORDINATE = frozenset({"relcl", "advcl", "acl", "xcomp", "pcomp", "csubj", "prep", "pobj"})
#: Modifiers that belong to an argument's phrase.
PHRASE = frozenset(
    {"compound", "amod", "poss", "nmod", "appos", "det", "nummod", "flat", "conj", "cc"}
)

#: Components the parse does not need.
PARSER_EXCLUDED = ("ner", "senter")


@dataclass(frozen=True)
class Roles:
    """Character ranges of the source and target phrases, and the clause's rank."""

    sources: tuple[tuple[int, int], ...]
    targets: tuple[tuple[int, int], ...]
    main: bool


@lru_cache(maxsize=4)
def load_parser(name: str) -> Any:
    """A spaCy pipeline with a parser and lemmatizer (for triggers by lemma), loaded
    once, never downloaded."""
    import spacy

    try:
        return spacy.load(name, exclude=list(PARSER_EXCLUDED))
    except OSError as error:
        raise ConfigError(f"cannot load the parser {name!r}: {error}") from error


@lru_cache(maxsize=4)
def fast_rules(name: str) -> FastRules | UncompiledError:
    """The parser's attribute ruler and lemmatizer compiled to lookups, or why they are not."""
    try:
        return FastRules(load_parser(name))
    except UncompiledError as reason:
        return reason


def parse(parser: str, text: str) -> Any:
    return parse_all(parser, [text])[0]


def parse_all(parser: str, texts: list[str]) -> list[Any]:
    """Parse many sentences in batches (far faster than one call per sentence); the
    attribute ruler and lemmatizer by compiled lookups where the pipeline allows."""
    nlp, rules = load_parser(parser), fast_rules(parser)
    if isinstance(rules, UncompiledError):
        return list(nlp.pipe(texts, batch_size=64))
    return [rules(doc) for doc in nlp.pipe(texts, batch_size=64, disable=[RULER, LEMMATIZER])]


#: Where a parsed sentence keeps its index of tokens by start character.
_STARTS = "lagebild_token_starts"


def token_starting(doc: Any, position: int) -> Any | None:
    """The token that starts at character ``position`` of ``doc``, or None.  The index is
    built once per parse: looking words up by a scan over the sentence, as every
    trigger's several checks did, cost a twentieth of the whole pipeline."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = {token.idx: token.i for token in doc}
    index = starts.get(position)
    return None if index is None else doc[index]


def roles(doc: Any, offset: int, start: int) -> Roles | None:
    """The roles of the trigger starting at ``start`` (``offset``: where ``doc`` begins)."""
    token = token_starting(doc, start - offset)
    if token is None:  # a trigger inside a word: the word around it
        token = next((t for t in doc if t.idx <= start - offset < t.idx + len(t)), None)
    if token is None:
        return None
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("ROOT",):
        return _noun_roles(token, offset)
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    sources, targets = _verb_arguments(verb)
    return Roles(_ranges(sources, offset), _ranges(targets, offset), _is_main(verb))


def _verb_arguments(verb: Any) -> tuple[list[Any], list[Any]]:
    sources = [c for c in verb.children if c.dep_ in SUBJECTS]
    targets = [c for c in verb.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS]
    objects = [c for c in targets if c.dep_ in OBJECTS]
    # "imposed sanctions on Russia": the object's own "on" phrase names the target.
    targets += [o for h in (verb, *objects) for o in _prepositional_objects(h)]
    if verb.lower_.startswith(CAPTURE):
        # "recaptured the airport from Russian VDV units": the loser is the target,
        # the captured ground is the place.
        holders = [verb, *(c for c in verb.children if c.dep_ in OBJECTS)]
        losers = [o for h in holders for o in _prepositional_objects(h, frozenset({"from"}))]
        targets = losers or targets
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        sources += [c for c in agent.children if c.dep_ == "pobj"]
    if not sources:
        sources = controller(verb)
    return sources, targets


#: Relations through which a clause without a subject of its own takes the subject of the
#: clause it hangs from: coordination, infinitives and gerunds ("seeks to diminish support
#: by blaming Ukraine"), the nouns and prepositions between.
CONTROLLED = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "dobj"})


def _controlled(word: Any) -> bool:
    """Whether ``word`` takes the subject from above: a controlled relation, or an
    infinitive qualifying a verb's object ("set conditions to annex", "took steps to
    withdraw"), whose doer is that verb's subject."""
    if word.head is word:
        return False
    if word.dep_ == "acl":
        return bool(word.head.dep_ == "dobj")
    return word.dep_ in CONTROLLED


def controller(word: Any, steps: int = 5) -> list[Any]:
    """The subject of the nearest clause above ``word`` that has one, climbing through
    controlled clauses only (a relative clause's subject is the noun it qualifies: not
    climbed)."""
    current = word
    for _ in range(steps):
        if not _controlled(current):
            return []
        current = current.head
        found = [c for c in current.children if c.dep_ in SUBJECTS]
        if found:
            return found
    return []


def _noun_roles(token: Any, offset: int) -> Roles:
    sources = [c for c in token.children if c.dep_ in NOUN_SOURCES]
    if not any(_may_name(c) for c in sources):
        sources = []  # "hammered out a fisheries accord": a topic; the verb's subject acts
    if sources and all(c.pos_ == "PRON" for c in sources):
        # "to cement its occupation": the possessive stands for the controlling subject.
        sources = controller(token) or sources
    targets = list(_prepositional_objects(token))
    head = token.head
    if not sources and token.dep_ in OBJECTS and head.pos_ in ("VERB", "AUX"):
        sources = [c for c in head.children if c.dep_ in SUBJECTS]  # "Russia launched attacks"
        targets += list(_prepositional_objects(head))
    main = _is_main(head) if token.dep_ in OBJECTS | SUBJECTS else False
    return Roles(_ranges(sources, offset), _ranges(targets, offset), main)


def _may_name(word: Any) -> bool:
    """A modifier that may name an actor: a name, a pronoun, a capitalised adjective
    ("Russian attacks"), not a common noun ("fisheries accord", "air strikes")."""
    capitalised = word.text[:1].isupper() and (word.i > 0 or word.pos_ == "ADJ")
    return bool(word.pos_ in ("PROPN", "PRON") or capitalised)


def _prepositional_objects(
    word: Any, prepositions: frozenset[str] = TARGET_PREPOSITIONS
) -> Iterator[Any]:
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            yield from (c for c in prep.children if c.dep_ == "pobj")


def _is_main(verb: Any) -> bool:
    """A verb in the main clause, in the that-clause of a main-clause speech verb, or the
    infinitive a main-clause verb governs ("decided to withdraw", "began arresting")."""
    while verb.dep_ in ("conj", "ccomp", "xcomp") and verb.head is not verb:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def _ranges(heads: list[Any], offset: int) -> tuple[tuple[int, int], ...]:
    """Character ranges of each head, its conjuncts and their phrase modifiers."""
    tokens = {t for head in heads for h in (head, *head.conjuncts) for t in _phrase(h)}
    return tuple(sorted((offset + t.idx, offset + t.idx + len(t)) for t in tokens))


def _phrase(head: Any) -> Iterator[Any]:
    yield head
    for child in head.children:
        if child.dep_ in PHRASE:
            yield from _phrase(child)
        elif child.dep_ == "prep" and child.lower_ in EXAMPLES:
            # "31 media sites, including Bellingcat and BBC": the examples are the targets.
            for example in child.children:
                if example.dep_ == "pobj":
                    yield from _phrase(example)
