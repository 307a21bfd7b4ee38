"""Sentence segmentation: ``lagebild.sentences.v1``.

Rule-based and language-aware, because the statistical segmenters we can
ship offline split German ordinals ("am 19. Dezember") and military ranks
("Lt. Col.").  A candidate boundary is terminal punctuation (plus closing
quotes or brackets) followed by white space; it is kept unless the word
before it is an abbreviation, an initial, or (in German) an ordinal.  Line
breaks end a sentence unless the next line continues it in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document, Span
from lagebild.stages.abbreviations import (
    ABBREVIATIONS,
    MONTHS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_STARTERS_DE,
)

CLOSERS = "\"'”“’‘»«)]"
_CANDIDATE = re.compile(rf"[.!?…]+[{re.escape(CLOSERS)}]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s*([\"'„“”‚‘»«(\[]*)(\S*)")
_ORDINAL = re.compile(r"\d{1,4}\.")
_INITIAL = re.compile(r"(?:\b|^)\w\.$")
_MULTI_DOT = re.compile(r"^(?:\w{1,3}\.){2,}$")


def split_sentences(text: str, language: str | None = None) -> list[Span]:
    """Return sentence spans, trimmed of surrounding white space, in order."""
    spans = []
    start = 0
    for boundary in _boundaries(text, language or "en"):
        spans.extend(_trimmed(text, start, boundary))
        start = boundary
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _boundaries(text: str, language: str) -> Iterator[int]:
    for match in _CANDIDATE.finditer(text):
        if match.group() == "\n":
            if _line_break_ends(text, match.start()):
                yield match.end()
        elif _punctuation_ends(text, match.start(), match.end(), language):
            yield match.end()


def _line_break_ends(text: str, position: int) -> bool:
    """A line break ends a sentence unless the next line continues it in lower case."""
    rest = text[position + 1 : position + 80]
    if not rest.strip() or rest.startswith("\n"):
        return True
    before = text[max(0, position - 1) : position]
    first = rest.lstrip()[:1]
    return not (first.islower() and before.isalnum())


def _punctuation_ends(text: str, start: int, end: int, language: str) -> bool:
    marks = text[start:end]
    word = _word_before(text, start)
    _quote, following = _next_word(text, end)
    if following[:1].islower() or following[:1] in ",;:":
        return False
    if "." not in marks.rstrip(CLOSERS)[-1:]:
        return True  # '!', '?', '…' end the sentence when a capital or quote follows
    return not _is_abbreviation(word + ".", following, language)


def _word_before(text: str, position: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return match.group(1).lstrip("\"'„“”‚‘»«([") if match else ""


def _next_word(text: str, position: int) -> tuple[str, str]:
    match = _NEXT_WORD.match(text, position, min(len(text), position + 60))
    if not match:
        return "", ""
    return match.group(1), match.group(2)


def _is_abbreviation(token: str, following: str, language: str) -> bool:
    """Whether ``token`` (ending in its period) is not the end of a sentence."""
    if token.lower() in NUMBER_ABBREVIATIONS:
        return following[:1].isdigit()
    if token.lower() in ABBREVIATIONS:
        return True
    if _INITIAL.search(token) and token[-2:-1].isupper():
        return True
    if _MULTI_DOT.match(token):
        return not _starts_sentence(following)
    if _ORDINAL.fullmatch(token):
        return _ordinal_continues(following, language)
    return False


def _ordinal_continues(following: str, language: str) -> bool:
    """'am 19. Dezember' continues; in English '... on February 18. The' ends."""
    if following.rstrip(".,").lower() in MONTHS:
        return True
    if language != "de":
        return False
    return following not in SENTENCE_STARTERS_DE


def _starts_sentence(word: str) -> bool:
    return word in SENTENCE_STARTERS_DE or word in {"The", "A", "In", "On", "It", "He", "She"}


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    offset = start + len(chunk) - len(chunk.lstrip())
    return [Span(start=offset, end=offset + len(stripped))]


@register_stage("lagebild.sentences.v1", requires=["text", "language"], assigns=["sentences"])
def make_sentences() -> Stage:
    """Split the clean text into sentences (German ordinals, abbreviations and quotes aware)."""

    def sentences(document: Document) -> Document:
        document.sentences = split_sentences(document.text, document.language)
        return document

    return sentences
