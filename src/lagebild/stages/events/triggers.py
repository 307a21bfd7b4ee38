"""Event triggers: the words that name an event, from ``lexicon.tsv``.

Each lexicon line gives a language, a PLOVER type, a mode (or ``-``) and a regular
expression matched case-insensitively at word boundaries.  German separable verbs are
written ``FINITE … PARTICLE``: the finite verb triggers when its particle follows later
in the sentence ("lehnte den Vorschlag ab").  Overlapping matches are resolved
leftmost-longest, so "air strike" wins over "strike".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from lagebild.errors import ConfigError
from lagebild.stages.events.ontology import TYPES

SEPARATOR = " … "


@dataclass(frozen=True)
class Entry:
    """One lexicon line, compiled."""

    language: str
    type: str
    mode: str | None
    pattern: re.Pattern[str]
    particle: re.Pattern[str] | None


@dataclass(frozen=True)
class Trigger:
    """A trigger found in the text: ``[start, end)`` and what it names."""

    start: int
    end: int
    type: str
    mode: str | None


def _compile(word_pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{word_pattern})(?![\w-])", re.IGNORECASE)


def parse_line(line: str, number: int) -> Entry:
    """One ``language<TAB>type<TAB>mode<TAB>pattern`` line, validated."""
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 4:
        raise ConfigError(f"events lexicon line {number}: expected 4 tab-separated fields")
    language, type_, mode, pattern = fields
    if type_ not in TYPES:
        raise ConfigError(f"events lexicon line {number}: unknown PLOVER type {type_!r}")
    verb, _, particle = pattern.partition(SEPARATOR)
    try:
        compiled = _compile(verb)
        particle_pattern = _compile(particle) if particle else None
    except re.error as error:
        raise ConfigError(f"events lexicon line {number}: {error}") from error
    return Entry(language, type_, None if mode == "-" else mode, compiled, particle_pattern)


@cache
def lexicon() -> tuple[Entry, ...]:
    """The packaged lexicon (comments and blank lines skipped)."""
    text = (resources.files("lagebild.stages.events") / "lexicon.tsv").read_text("utf-8")
    lines = enumerate(text.splitlines(), start=1)
    return tuple(parse_line(line, n) for n, line in lines if line.strip() and line[0] != "#")


def find_triggers(text: str, start: int, end: int, language: str) -> list[Trigger]:
    """The triggers in ``text[start:end]`` (one sentence), leftmost-longest, in order."""
    candidates = sorted(_candidates(text, start, end, language), key=_order)
    chosen: list[Trigger] = []
    for trigger in candidates:
        if not chosen or trigger.start >= chosen[-1].end:
            chosen.append(trigger)
    return chosen


def _order(trigger: Trigger) -> tuple[int, int]:
    return trigger.start, -(trigger.end - trigger.start)


def _candidates(text: str, start: int, end: int, language: str) -> Iterator[Trigger]:
    for entry in lexicon():
        if entry.language != language:
            continue
        for match in entry.pattern.finditer(text, start, end):
            if entry.particle and not entry.particle.search(text, match.end(), end):
                continue
            yield Trigger(match.start(), match.end(), entry.type, entry.mode)
