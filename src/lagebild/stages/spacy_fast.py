"""spaCy's attribute ruler and rule lemmatizer, compiled into one table lookup per token.

In an English pipeline both run on every token: the ruler as a Matcher with some 180
patterns (a Span and a dict walk per match, two or three matches a token), the lemmatizer
as a Python loop that builds a morphology object per token.  Yet what both write into a
token depends on nothing but that token's own tag, text, dependency label and prior
values, plus the (rare) multi-token rules that cover it.  :class:`FastRules` therefore
computes a token's result once per such key, from the loaded pipeline's own rules and
lemmatizer, and writes all tokens of a document at once through ``Doc.from_array``.

Only rules it can evaluate exactly are compiled: single-token patterns over TAG, LOWER,
ORTH, TEXT, DEP and IS_SPACE with plain, IN, NOT_IN or REGEX values, setting TAG, POS,
MORPH, LEMMA or DEP; multi-token rules go through a Matcher of their own.  Any other
pipeline gets :class:`UncompiledError` and keeps spaCy's own components.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lagebild.errors import LagebildError

RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
#: Token attributes a compiled single-token pattern may test, read from a spaCy Token.
READERS: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "ORTH": lambda token: token.text,
    "TEXT": lambda token: token.text,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
#: Attributes a rule may set (none of them is a lexeme attribute, so setting them on the
#: token alone, as we do, equals spaCy's token-and-lexeme assignment).
WRITTEN = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
LEMMA_MODES = frozenset({"rule", "lookup"})
#: Token keys remembered at most (some 60 MB); 25 ISW updates need about 20,000.
CACHE_LIMIT = 200_000

Predicate = Callable[[Any], bool]


class UncompiledError(LagebildError):
    """The pipeline has rules or components this module does not compile: spaCy's own
    components stay in use."""


@dataclass(frozen=True)
class Rule:
    """One attribute-ruler entry: its order, token predicates (any pattern), what it sets."""

    order: int
    patterns: tuple[tuple[tuple[str, Predicate], ...], ...]
    attrs: dict[int, int]
    #: The tags it can match at all (None: any tag), to index rules by tag.
    tags: frozenset[str] | None = None

    def matches(self, values: dict[str, Any]) -> bool:
        """Whether any pattern matches a token with these attribute values."""
        return any(all(test(values[key]) for key, test in p) for p in self.patterns)


def required_tags(patterns: list[list[dict[str, Any]]]) -> frozenset[str] | None:
    """The tags a single-token rule requires (None: some pattern admits any tag)."""
    tags: set[str] = set()
    for (spec,) in patterns:
        value = spec.get("TAG")
        if isinstance(value, str):
            tags.add(value)
        elif isinstance(value, dict) and list(value) == ["IN"]:
            tags.update(value["IN"])
        else:
            return None
    return frozenset(tags)


def value_test(value: Any) -> Predicate:
    """A Matcher token value as a Python predicate (exactly what the Matcher compares)."""
    if not isinstance(value, dict):
        return lambda seen: bool(seen == value)
    if len(value) != 1:
        raise UncompiledError(f"value {value!r}")
    operator, operand = next(iter(value.items()))
    if operator == "IN":
        members = frozenset(operand)
        return lambda seen: seen in members
    if operator == "NOT_IN":
        excluded = frozenset(operand)
        return lambda seen: seen not in excluded
    if operator == "REGEX":
        regex = re.compile(operand)
        return lambda seen: bool(regex.search(seen))
    raise UncompiledError(f"operator {operator!r}")


def token_tests(spec: dict[str, Any]) -> tuple[tuple[str, Predicate], ...]:
    unknown = set(spec) - set(READERS)
    if unknown:
        raise UncompiledError(f"pattern keys {sorted(unknown)}")
    return tuple((key, value_test(value)) for key, value in spec.items())


def written_attrs(attrs: dict[int, Any], ids: dict[str, int]) -> dict[int, int]:
    allowed = {ids[name] for name in WRITTEN}
    if not set(attrs) <= allowed:
        raise UncompiledError(f"rule sets {sorted(attrs)}")
    return dict(attrs)


def lower_forms(spec: dict[str, Any]) -> frozenset[str]:
    """The lowercase forms a required token spec admits (empty: not just a few)."""
    if "OP" in spec or not isinstance(spec.get("LOWER"), (str, dict)):
        return frozenset()
    value = spec["LOWER"]
    if isinstance(value, str):
        return frozenset({value})
    return frozenset(value.get("IN", ())) if list(value) == ["IN"] else frozenset()


class FastRules:
    """The pipeline's trailing attribute ruler and lemmatizer, applied by table lookup."""

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import IDS  # type: ignore[import-not-found]
        from spacy.matcher import Matcher

        names = list(nlp.pipe_names)
        if names[-2:] != [RULER, LEMMATIZER]:
            raise UncompiledError(f"pipeline ends in {names[-2:]}, not {RULER}, {LEMMATIZER}")
        ruler, self.lemmatizer = nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)
        self.strings_add = nlp.vocab.strings.add
        if self.lemmatizer.mode not in LEMMA_MODES:
            raise UncompiledError(f"lemmatizer mode {self.lemmatizer.mode!r}")
        self.columns = [IDS[name] for name in WRITTEN]
        self.key_columns = [IDS[name] for name in ("TAG", "ORTH", "DEP", "POS", "MORPH", "LEMMA")]
        self.single: list[Rule] = []
        self.multi = Matcher(nlp.vocab)
        self.multi_index: dict[int, int] = {}  # rule order → index of the token it sets
        #: Lowercase forms one of which every multi-token pattern needs (None: some
        #: pattern needs none), so that the Matcher runs only on documents with one.
        self.anchors: set[int] | None = set()
        self.lower = IDS["LOWER"]
        for order, entry in enumerate(ruler.patterns):
            self._compile(order, entry, ruler.attrs[order], IDS)
        self.cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self.by_tag: dict[str, list[Rule]] = {}

    def _compile(self, order: int, entry: dict[str, Any], attrs: Any, ids: Any) -> None:
        patterns, index = entry["patterns"], entry["index"]
        normalized = written_attrs(attrs, ids)
        if all(len(p) == 1 for p in patterns):
            tests = tuple(token_tests(p[0]) for p in patterns)
            self.single.append(Rule(order, tests, normalized, required_tags(patterns)))
            return
        self.multi.add(str(order), patterns)
        for pattern in patterns:
            self._anchor(pattern)
        self.multi_index[order] = index
        self.single.append(Rule(order, (), normalized, frozenset()))  # only where matched

    def _anchor(self, pattern: list[dict[str, Any]]) -> None:
        """Record the forms of the first of the pattern's tokens that must be one of a few."""
        for spec in pattern:
            forms = lower_forms(spec)
            if forms and self.anchors is not None:
                self.anchors.update(self.strings_add(form) for form in forms)
                return
        self.anchors = None

    def __call__(self, doc: Any) -> Any:
        import numpy

        if not len(doc):
            return doc
        extra = self._multi_matches(doc)
        keys = doc.to_array(self.key_columns).tolist()
        values = [self._result(doc, i, (*key, *extra.get(i, ()))) for i, key in enumerate(keys)]
        doc.from_array(self.columns, numpy.array(values, dtype="uint64"))
        return doc

    def _multi_matches(self, doc: Any) -> dict[int, tuple[int, ...]]:
        """Token position → orders of the multi-token rules that set it (usually none)."""
        if not self.multi_index:
            return {}
        if self.anchors is not None and self.anchors.isdisjoint(doc.to_array(self.lower).tolist()):
            return {}
        found: dict[int, set[int]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True):
            order = int(doc.vocab.strings[match_id])
            offset = self.multi_index[order]
            found.setdefault((end if offset < 0 else start) + offset, set()).add(order)
        return {position: tuple(sorted(orders)) for position, orders in found.items()}

    def _result(self, doc: Any, i: int, key: tuple[int, ...]) -> tuple[int, ...]:
        result = self.cache.get(key)
        if result is None:
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()  # memory stays flat however many documents pass
            result = self.cache[key] = self._compute(doc[i], key[6:])
        return result

    def _compute(self, token: Any, multi: tuple[int, ...]) -> tuple[int, ...]:
        """What the ruler, then the lemmatizer, write into ``token`` (left as written)."""
        state = dict(zip(self.columns, self.original(token), strict=True))
        for rule in self._matching(token, set(multi)):
            state.update(rule.attrs)
        return self._lemmatized(token, state)

    def original(self, token: Any) -> tuple[int, ...]:
        return (token.tag, token.pos, token.morph.key, token.lemma, token.dep)

    def _matching(self, token: Any, multi: set[int]) -> Iterator[Rule]:
        values = {key: read(token) for key, read in READERS.items()}
        tag = values["TAG"]
        if multi:
            candidates = self._candidates(tag, multi)
        else:
            candidates = self.by_tag.get(tag) or self._tag_candidates(tag)
        for rule in candidates:
            if rule.order in multi or (rule.patterns and rule.matches(values)):
                yield rule

    def _tag_candidates(self, tag: str) -> list[Rule]:
        candidates = self.by_tag[tag] = self._candidates(tag, set())
        return candidates

    def _candidates(self, tag: str, multi: set[int]) -> list[Rule]:
        """The rules that can set a token of this tag, in order (multi-token ones only
        where they matched, so such a list is not kept for other tokens)."""
        return [r for r in self.single if r.tags is None or tag in r.tags or r.order in multi]

    def _lemmatized(self, token: Any, state: dict[int, int]) -> tuple[int, ...]:
        """The ruler's values with the lemmatizer's lemma, which reads them off the token."""
        tag, pos, morph, lemma, dep = (state[c] for c in self.columns)
        if self.lemmatizer.overwrite or not lemma:
            lemma = self._lemma(token, tag, pos, morph, dep)
        return (tag, pos, morph, lemma, dep)

    def _lemma(self, token: Any, tag: int, pos: int, morph: int, dep: int) -> int:
        """The lemmatizer's lemma, which depends on the form, part of speech and
        morphology only (not the tag or the dependency): computed once per those."""
        key = (token.orth, pos, morph)
        lemma = self.lemmas.get(key)
        if lemma is None:
            token.tag, token.pos, token.dep = tag, pos, dep
            token.set_morph(morph or None)
            lemma = token.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
            if len(self.lemmas) >= CACHE_LIMIT:
                self.lemmas.clear()
            self.lemmas[key] = lemma
        return int(lemma)


def apply_all(rules: FastRules, docs: Iterable[Any]) -> list[Any]:
    return [rules(doc) for doc in docs]
