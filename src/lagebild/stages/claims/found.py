"""The skeleton of a claim found in the text, and the helpers every detector shares:
clause stops, ticker stamps, trimming of content spans, the words a cue needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.stages.claims import cues as c

CLAUSE_STOP = re.compile(
    r";|,\s(?:während|wobei|aber|sondern|obwohl|while|whereas|but|although|though)\b|\s[–—]\s"
)


@dataclass(frozen=True)
class Found:
    """A claim's skeleton in clean-text offsets; the speaker is found afterwards."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    mode: str
    content_start: int
    content_end: int
    #: Where a source marker's speaker stands: "after" ("laut X"), "before" ("X zufolge"),
    #: "subject" ("nach eigenen Angaben"), "previous" (a source named before: "demnach",
    #: Konjunktiv continuations), "none" ("reportedly"), "as" ("wie X mitteilt"), "that"
    #: ("Das teilte X mit": the content is the sentence before); "" for verbs and quotes.
    marker: str = ""
    sentence_start: int = 0

    @property
    def source_marker(self) -> bool:
        return self.marker not in ("", "as", "that")

    @property
    def has_cue(self) -> bool:
        return self.cue_end > self.cue_start


#: A live-ticker stamp at the head of a sentence is not part of what was said.
STAMP_PREFIX = re.compile(r"(?:Update(?:\svom)?[^:\n]{0,40}:|\d{1,2}[.:]\d\d\sUhr\s?[–—:-])\s*")


def trimmed(text: str, begin: int, finish: int) -> tuple[int, int]:
    while begin < finish and text[begin] in " ,":
        begin += 1
    stamp = STAMP_PREFIX.match(text, begin, finish)
    if stamp:
        begin = stamp.end()
    finish = len(text[:finish].rstrip(" .!?,"))
    return begin, max(begin, finish)


def required_words(verb: str, language: str) -> list[str]:
    """What must follow a verb in its clause for it to be a cue: a separated particle
    ("teilte … mit") or a governed word ("sprach von", "called for")."""
    if language != "de":
        governed = c.GOVERNED_EN.get(verb)
        return [governed] if governed else []
    particle = c.ALL_PARTICLES_DE.get(verb)
    required = [rf"\b{particle}\b"] if particle else []
    governed_de = c.GOVERNED_DE.get(verb)
    return [*required, governed_de] if governed_de else required
