"""What two event reports' sentences have in common: copies, trigger families, content words.

The event merger (``link/events.py``) asks three questions of two reports beyond their
type, day and place: are the sentences copies of each other (a ticker line on two pages of
a site, a summary bullet repeated in the next update); do the triggers name the action
with one word family ("recognized", "recognition"; "Telefonat", "telefonierte"); and which
content words do the sentences share beyond their participants, trigger, places and dates
("decree", "SWIFT", "false-flag")?  Words are compared by their first ``STEM`` letters, a
crude stem that serves English and German inflection without a lemmatiser.  Words shorter
than ``SHORTEST`` letters, function words, dates and the war's ubiquitous words (Russia,
Ukraine, forces, president) are not content: every sentence of the corpus has them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.records import Event

#: Letters a word is compared by.
STEM = 5
#: Shorter words are not content ("the", "und", "war", "Kyiv" are compared otherwise).
SHORTEST = 4
#: Word overlap (Jaccard, every word) from which two sentences are copies of each other.
COPY = 0.8

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

#: Function words, reporting verbs and hedges of English and German, four letters or longer.
FUNCTION_WORDS = """
that this these those with from have been being will would could should might must also
said says stated states told added noted claimed reportedly reported which when
while where after before during over under into onto about than then their there they them
theirs other others such more most some several further additional likely unlikely very
previously including against between through within without still again already only even
just both each every many much what whose whom because since until upon amid among
eine einen einem einer eines nach über unter für haben habe hatte hatten sind waren wird
werden wurde wurden seien sein seine seinen seiner ihre ihren ihrer nicht auch sich dass
noch schon bereits diese dieser dieses diesem diesen laut sagte sagt erklärte teilte wieder
sowie dabei damit mehr beim seit soll sollen sollte könne könnte kann will wolle wollen
gegen zwischen durch ohne bisher aber oder sondern denn weil wenn dort hier etwa rund
"""
#: Dates and times: the merger compares days itself.
TIME_WORDS = """
january february march april june july august september october november december
januar jänner februar märz juni juli oktober dezember monday tuesday wednesday thursday
friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag
sonntagabend today yesterday tomorrow morning evening night week weeks month months year
years heute gestern morgen abend nacht woche wochen monat monate jahr jahre jahres uhr
early late earlier later
"""
#: Words of the war that nearly every sentence of an update holds.
WAR_WORDS = """
russia russian russians russland russische russischen russischer ukraine ukrainian
ukrainians ukrainische ukrainischen ukrainischer kremlin kreml forces force troops truppen
military militär armed army armee president präsident präsidenten minister ministry
ministerium government regierung official officials western west westen land länder
people menschen city stadt invasion krieg kriegs isw update
"""

#: Particles and articles of multi-word triggers ("cut off", "pulled out of").
PARTICLES = frozenset("off out for and the its his her their with from into onto".split())


#: Irregular forms of event verbs whose stem differs from the lemma's.
IRREGULAR = {
    "met": "meet",
    "traf": "treffen",
    "trafen": "treffen",
    "sent": "send",
    "held": "hold",
    "fought": "fight",
    "struck": "strike",
    "shot": "shoot",
    "sold": "sell",
    "bought": "buy",
}


@dataclass(frozen=True)
class Evidence:
    """One report's sentence, reduced to what comparing it with another needs."""

    words: frozenset[str]  # every word, lowercased (copies)
    numbers: frozenset[str]  # the numbers as written (copies must agree on them)
    content: frozenset[str]  # stems of content words beyond the event's own arguments
    trigger: frozenset[str]  # stems of the trigger's words


def evidence(sentence: str, event: Event) -> Evidence:
    """``sentence`` (the event's evidence span) reduced for comparison."""
    words = [word.lower() for word in WORD.findall(sentence)]
    own = {_stem(word) for text in _argument_texts(event) for word in WORD.findall(text)}
    return Evidence(
        words=frozenset(words),
        numbers=frozenset(word for word in words if word.isdigit()),
        content=frozenset(_content(words)) - own,
        trigger=frozenset(_trigger_stems(event.trigger)),
    )


def copies(one: Evidence, other: Evidence) -> bool:
    """The same sentence, up to a few words, with the same numbers."""
    union = one.words | other.words
    overlap = len(one.words & other.words) / len(union) if union else 0.0
    return one.numbers == other.numbers and overlap >= COPY


def same_family(one: Evidence, other: Evidence) -> bool:
    """The triggers share a word stem ("meet"/"meeting", "recognized"/"recognition")."""
    return any(a.startswith(b) or b.startswith(a) for a in one.trigger for b in other.trigger)


def shared_content(one: Evidence, other: Evidence) -> frozenset[str]:
    """Content word stems both sentences hold."""
    return one.content & other.content


def _content(words: list[str]) -> list[str]:
    """Stems of the content words among ``words`` (lowercased)."""
    stop = _function_stems() | _war_stems()
    words = [IRREGULAR.get(word, word) for word in words]
    stems = (_stem(word) for word in words if len(word) >= SHORTEST and not word.isdigit())
    return [stem for stem in stems if stem not in stop]


def _trigger_stems(trigger: str) -> list[str]:
    """Stems of a trigger's words but its particles ("cut off" → cut, "called for" →
    calle); short verbs count ("hit", "cut")."""
    words = [IRREGULAR.get(word, word) for word in WORD.findall(trigger.lower())]
    kept = (word for word in words if len(word) >= 3 and word not in PARTICLES)
    return [stem for stem in map(_stem, kept) if stem not in _function_stems()]


def _argument_texts(event: Event) -> list[str]:
    """The words naming the event's participants, place and trigger, as written and as
    the knowledge base names them."""
    arguments = [*event.sources, *event.targets]
    if event.place_argument:
        arguments.append(event.place_argument)
    return [text for a in arguments for text in (a.text, a.name)] + [event.trigger]


def _stem(word: str) -> str:
    """The first ``STEM`` letters, without a possessive ("Russia’s" → russi)."""
    return word.lower().replace("’", "'").split("'")[0][:STEM]


@cache
def _function_stems() -> frozenset[str]:
    return frozenset(_stem(word) for word in (FUNCTION_WORDS + TIME_WORDS).split())


@cache
def _war_stems() -> frozenset[str]:
    return frozenset(_stem(word) for word in WAR_WORDS.split())
