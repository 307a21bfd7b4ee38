"""When two assessments judge the same proposition, in any wording or language.

A proposition becomes two bags of features: the entities it names (ids, the same in
every language) and its content words, stemmed by inflection stripping and a six-letter
cut, with a small map of conflict-reporting words to language-independent concepts
("Krieg" = "war", "beteiligen" = "join" = "enter").  Numbers stay as they are.  Both
bags are weighted by inverse document frequency over the judgements compared, so
"Russia" and "forces" weigh little and "Belarus" and "join" much.

Similarity is a weighted mean of the two cosines, and the content cosine must reach a
floor of its own: two judgements about the same entities but different actions
("Russia will take Kyiv" / "Russia will negotiate with Kyiv") stay apart.

Polarity is kept apart from the wording: "Belarus will likely not join" and "Belarus is
unlikely to join" are the same proposition judged in the same band (``band``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from lagebild.kb import load_kb

WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEM_LENGTH = 6
ENTITY_WEIGHT = 1.0
CONTENT_FLOOR = 0.25

#: Function words, and words every estimate uses ("will", "wird", "continue").
STOPWORDS = {
    "en": frozenset(
        """a an the and or but of to in on at by for from with as into onto over under about
        after before than then this that these those it its is are was were be been being
        has have had do does did will would shall should can could may might must also still
        further already such any some more most other their there they them he she his her
        we our us you i which who whom whose what when where while if because so not no nor
        never t s n very just only even again ever yet continue continued continues""".split()
    ),
    "de": frozenset(
        """der die das den dem des ein eine einer einen einem eines und oder aber von zu zum
        zur im in am an auf aus bei mit nach für über unter um als wie ist sind war waren
        sein wird werden wurde wurden worden hat haben hatte hatten sich es er sie wir ihr
        ihre seine dass ob weil wenn auch noch schon nicht kein keine keinen keiner nie
        niemals weiterhin weiter dabei damit dort hier diese dieser dieses jene so nur""".split()
    ),
}
#: Negations of the judged verb; "unable" and "unwilling" deny it in one word ("will
#: likely be unable to halt" = "will likely not be able to halt"), "kaum" nearly
#: ("dürfte sich kaum beteiligen" = "dürfte sich nicht beteiligen").
NEGATION = re.compile(
    r"\b(?:not|never|no longer|hardly|unable|unwilling|nicht|nie|niemals|kaum|kein\w*)\b"
    r"|n['’]t\b",
    re.I,
)

#: Concept: words in English and German, stemmed like the text when loaded.
CONCEPT_TABLE = """
war: war, krieg, conflict, konflikt, hostilities
join: join, enter, participate, participation, intervene, intervention, beteiligen,
  beteiligung, eintreten, eingreifen, teilnehmen, teilnahme
attack: attack, assault, strike, angriff, angriffe, angreifen, offensive
capture: capture, seize, take, occupy, occupation, einnehmen, einnahme, erobern, eroberung,
  besetzen, besetzung
encircle: encircle, encirclement, surround, einkesseln, umzingeln, kessel
withdraw: withdraw, withdrawal, retreat, abziehen, abzug, rückzug
forces: forces, troops, soldiers, army, military, streitkräfte, truppen, soldaten, armee,
  militär
deploy: deploy, deployment, redeploy, verlegen, verlegung, entsenden
negotiate: negotiate, negotiation, talks, verhandeln, verhandlung, gespräche
ceasefire: ceasefire, truce, feuerpause
sanction: sanction, sanktion, sanktionen
nuclear: nuclear, nuklear, atomar, atomwaffen
mobilize: mobilize, mobilization, mobilisierung, mobilmachung, mobilisieren
annex: annex, annexation, annektieren, annexion
recognize: recognize, recognition, anerkennen, anerkennung
invade: invade, invasion, einmarsch, einmarschieren
advance: advance, vorrücken, vormarsch, vorstoß
counteroffensive: counteroffensive, counterattack, gegenoffensive, gegenangriff
supply: supply, deliver, delivery, liefern, lieferung, nachschub
weapon: weapon, arms, waffe, waffen
missile: missile, rocket, rakete, raketen
air_defense: air defense, air defence, luftverteidigung, luftabwehr, flugabwehr
intensify: intensify, escalate, escalation, increase, expand, intensivieren, eskalieren,
  eskalation, verstärken, ausweiten
losses: losses, casualties, verluste, opfer
exercise: exercise, drills, übung, übungen, manöver
justify: justify, justification, pretext, rechtfertigen, vorwand
resist: resist, resistance, widerstand
reinforce: reinforce, reinforcements
capital: capital, hauptstadt
city: city, stadt
border: border, grenze
east: east, eastern, osten, ost, östlich
west: west, western, westen, westlich
north: north, northern, norden, nördlich
south: south, southern, süden, südlich
coming: coming, kommenden, nächsten
week: week, woche, wochen
day: day, days, tag, tage, tagen
month: month, monat, monate, monaten
"""
_SUFFIXES = ("ing", "ed", "es", "s", "en", "er", "e", "n")


def stem(word: str) -> str:
    """A crude, language-blind stem: one inflection off, then the first six letters."""
    word = word.casefold()
    if word.isdigit():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def _concept_index() -> dict[str, str]:
    """Stemmed word or two-word phrase → concept, from ``CONCEPT_TABLE``."""
    index: dict[str, str] = {}
    for entry in re.split(r"\n(?=\S)", CONCEPT_TABLE.strip()):
        concept, words = entry.split(":", 1)
        for word in words.split(","):
            index[" ".join(stem(part) for part in word.split())] = concept.strip()
    return index


_CONCEPT_OF = _concept_index()
_PHRASES = sorted((key for key in _CONCEPT_OF if " " in key), key=len, reverse=True)


@cache
def _name_stems() -> dict[str, frozenset[str]]:
    """Entity id → stems of its one-word names in the knowledge base (any language)."""
    names: dict[str, set[str]] = {}
    for form in load_kb().surface_forms():
        if WORD.fullmatch(form.surface):
            names.setdefault(form.entity_id, set()).add(stem(form.surface))
    return {entity_id: frozenset(stems) for entity_id, stems in names.items()}


def content_terms(
    text: str, entity_ids: Iterable[str] = (), language: str | None = None
) -> set[str]:
    """The proposition's content: concepts where the map knows the word, else stems.

    Words that name one of ``entity_ids`` are left to the entity bag ("Weißrusslands",
    "Belarusian" are ``place/belarus`` there), so a name counts once in any language."""
    named = set().union(*(_name_stems().get(e, frozenset()) for e in entity_ids))
    stopwords = STOPWORDS.get(language or "", STOPWORDS["en"] | STOPWORDS["de"])
    stems = [stem(w) for w in WORD.findall(text) if w.casefold() not in stopwords]
    stems = [s for s in stems if s not in named]
    joined = " ".join(stems)
    terms: set[str] = set()
    for phrase in _PHRASES:  # two-word concepts first ("air defense")
        if f" {phrase} " in f" {joined} ":
            terms.add(_CONCEPT_OF[phrase])
            joined = f" {joined} ".replace(f" {phrase} ", " ").strip()
    for word in joined.split():
        number = re.match(r"\d+", word)
        terms.add(number.group() if number else _CONCEPT_OF.get(word, word))
    return {term for term in terms if len(term) > 1}


#: Words after the phrase that may hold its negation: German puts "nicht" late, after
#: the objects ("wird wahrscheinlich die Stadt Bachmut nicht einnehmen").
NEGATION_REACH = {"en": 3, "de": 6}


def negative(proposition: str, cut: int | None, language: str | None = None) -> bool:
    """Whether a negation stands next to where the estimative phrase was cut out.

    "will likely not enter", "is not likely to", "wird sich wahrscheinlich nicht beteiligen"
    (up to two words before ``cut`` and three after, six in German, not past a comma);
    a "not" further away belongs to another clause ("… but will not be able to …") and
    does not turn the estimate."""
    if cut is None:
        return False
    reach = NEGATION_REACH.get(language or "", 3)
    before = proposition[: max(0, cut)].split()[-2:]
    after = proposition[max(0, cut) :].split(",")[0].split()[:reach]
    return NEGATION.search(" ".join(before + after)) is not None


@dataclass(frozen=True)
class Features:
    """A proposition as entity ids and content terms."""

    entities: frozenset[str]
    content: frozenset[str]


def features(proposition: str, entity_ids: Iterable[str], language: str | None) -> Features:
    entities = frozenset(entity_ids)
    return Features(entities, frozenset(content_terms(proposition, entities, language)))


class Weights:
    """Inverse document frequencies of entities and terms over the judgements compared."""

    def __init__(self, bags: Iterable[Features]) -> None:
        self._count = 0
        self._frequency: Counter[str] = Counter()
        for bag in bags:
            self._count += 1
            self._frequency.update(f"e:{e}" for e in bag.entities)
            self._frequency.update(f"c:{c}" for c in bag.content)

    def idf(self, key: str) -> float:
        return math.log((self._count + 1) / (self._frequency[key] + 1)) + 1.0

    def similarity(self, one: Features, other: Features) -> float:
        """Cosine of the IDF-weighted entity and content bags taken together; 0 when
        the content alone is below its floor (same entities, different action)."""
        if self._cosine(self._vector(one, False), self._vector(other, False)) < CONTENT_FLOOR:
            return 0.0
        return self._cosine(self._vector(one, True), self._vector(other, True))

    def _vector(self, bag: Features, with_entities: bool) -> dict[str, float]:
        vector = {f"c:{term}": self.idf(f"c:{term}") for term in bag.content}
        if with_entities:
            vector |= {f"e:{e}": ENTITY_WEIGHT * self.idf(f"e:{e}") for e in bag.entities}
        return vector

    @staticmethod
    def _cosine(one: Mapping[str, float], other: Mapping[str, float]) -> float:
        if not one or not other:
            return 0.0
        shared = sum(value * other[key] for key, value in one.items() if key in other)
        norms = math.sqrt(sum(v * v for v in one.values()) * sum(v * v for v in other.values()))
        return shared / norms


#: ICD 203 labels mirrored around even chance: "likely not X" is "unlikely X".
MIRROR = {
    "almost certain": "almost no chance",
    "very likely": "very unlikely",
    "likely": "unlikely",
    "roughly even chance": "roughly even chance",
}
MIRROR |= {low: high for high, low in MIRROR.items()}


def band(label: str | None, category: str | None, is_negative: bool) -> str | None:
    """The band of the positive proposition; modals ('possible') do not mirror."""
    if label is None:
        return category
    return MIRROR.get(label, label) if is_negative else label
