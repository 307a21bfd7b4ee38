"""Which lines go, and why: embed blocks, debris rules, repeated notes, closing link labels.

Each kind is found by a whole-text scan that points at candidate lines; only those
are looked at one by one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lagebild.clean.lines import Lines
from lagebild.clean.patterns import (
    EMBED_CONSENT,
    EMBED_END,
    EMBED_END_LINE,
    EMBED_LABEL,
    EMBED_LABEL_LINE,
    LINK_LABEL,
    LONG_LINE,
    RuleSet,
)

#: How far (in non-blank lines) an embed block may reach from its opener to its button.
EMBED_REACH = 6
#: Consent lines inside a block are short; a long line is content even if it says "cookie".
MAX_CONSENT_CHARS = 400
#: A line repeated this often in one document is boilerplate (a ticker's note).
REPEATS = 3
#: Lines repeated only twice count when they sound like a transparency note.
NOTE_WORDS = re.compile(
    r"(?:unabhängig (?:überprüf|bestätig|verifizier)|kriegsparteien|konfliktparteien|"
    r"cannot (?:be )?independently verif)",
    re.IGNORECASE,
)
#: Short repeated lines ("Startnummer 3", a ticker's time stamp) are content.
MIN_REPEATED_CHARS = 30
PLATFORM = re.compile(r"\b(twitter|youtube|instagram|facebook|telegram|tiktok|x)\b", re.I)


@dataclass(frozen=True)
class Drop:
    """Non-blank lines ``first..last`` removed whole, for ``reason``."""

    first: int
    last: int
    reason: str


def drops(lines: Lines, rules: RuleSet) -> list[Drop]:
    """Every removed line or block, in text order."""
    found = list(_embed_blocks(lines))
    taken = {index for drop in found for index in range(drop.first, drop.last + 1)}
    repeated = set(_repeated_lines(lines))
    for index in sorted(set(_candidates(lines, rules)) | repeated):
        if index not in taken:
            found.extend(Drop(index, index, why) for why in _reasons(lines, index, rules, repeated))
    taken.update(drop.first for drop in found)
    found.extend(_closing_link_labels(lines, taken))
    return sorted(found, key=lambda drop: drop.first)


def _candidates(lines: Lines, rules: RuleSet) -> Iterator[int]:
    """Lines a rule or a platform label may match; lines with a tail, for their key."""
    for match in rules.screen.finditer(lines.raw):
        yield from lines.spanned(match.start(), match.end())  # a rule's \s may cross lines
    for match in EMBED_LABEL_LINE.finditer(lines.raw):
        yield lines.index_at(match.start())
    yield from lines.tails


def _reasons(lines: Lines, index: int, rules: RuleSet, repeated: set[int]) -> Iterator[str]:
    """The reason this line goes, if any (at most one)."""
    key = lines.key(index)
    if index in repeated:
        yield "repeated-boilerplate"
    elif EMBED_LABEL.match(key):
        yield "embed-label"
    else:
        text = lines.text(index)
        # The key too: a line whose credit is cut must not match a rule on the next run.
        texts = (text,) if key == text else (text, key)
        yield from _first(rules.reasons(candidate) for candidate in texts)


def _first(candidates: Iterable[Iterator[str]]) -> Iterator[str]:
    for reasons in candidates:
        for reason in reasons:
            yield reason
            return


# --- embed blocks -----------------------------------------------------------------


def _embed_blocks(lines: Lines) -> Iterator[Drop]:
    """Each embed block: label or consent text … closing button, as one drop.

    A block needs a button within reach of its opener, so only the lines just
    before a button are tried as openers, first to last.
    """
    buttons = (lines.index_at(match.start()) for match in EMBED_END_LINE.finditer(lines.raw))
    openers = sorted({first for end in buttons for first in range(max(0, end - EMBED_REACH), end)})
    free = 0
    for first in openers:
        length = _block_length(lines, first) if first >= free else 0
        if length:
            yield Drop(first, first + length - 1, _embed_reason(lines, first, length))
            free = first + length


def _block_length(lines: Lines, first: int) -> int:
    """How many lines the block opened at ``first`` spans: 0 when none opens there."""
    key = lines.key(first)
    consent = len(key) < MAX_CONSENT_CHARS and bool(EMBED_CONSENT.search(key))
    if not consent and not EMBED_LABEL.match(key):
        return 0
    length = 0
    for index in range(first + 1, min(first + 1 + EMBED_REACH, len(lines))):
        text = lines.key(index)
        if EMBED_END.match(text):
            length = index - first + 1
        elif len(text) < MAX_CONSENT_CHARS and EMBED_CONSENT.search(text):
            consent = True
        else:
            break
    return length if consent else 0


def _embed_reason(lines: Lines, first: int, length: int) -> str:
    label = lines.key(first).lower()
    if EMBED_LABEL.match(label):
        return "embed-consent:" + re.sub(r"\W+", "-", label).strip("-")
    for index in range(first, first + length):
        platform = PLATFORM.search(lines.key(index))
        if platform:
            return "embed-consent:" + platform.group(1).lower()
    return "embed-consent"


# --- repeated notes and closing link labels ---------------------------------------


def _repeated_lines(lines: Lines) -> Iterator[int]:
    """Lines whose key the text repeats three times (twice, for a transparency note)."""
    keys = _repeated_keys(lines)
    if keys:
        for match in LONG_LINE.finditer(lines.raw):
            index = lines.index_at(match.start())
            if lines.key(index) in keys:
                yield index


def _repeated_keys(lines: Lines) -> set[str]:
    counts = Counter(LONG_LINE.findall(lines.raw))
    for index in lines.tails:  # count a captioned line by its caption
        counts[lines.text(index)] -= 1
        counts[lines.key(index)] += 1
    return {
        key
        for key, count in counts.items()
        if len(key) >= MIN_REPEATED_CHARS
        and (count >= REPEATS or (count == 2 and NOTE_WORDS.search(key)))
    }


def _closing_link_labels(lines: Lines, taken: set[int]) -> Iterator[Drop]:
    """Link labels ("UNDERSTANDING WAR im Internet") after the last kept content line;
    a document made of such lines only is left alone."""
    labels: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        if index in taken:
            continue
        if not LINK_LABEL.fullmatch(lines.key(index)):
            return iter(Drop(label, label, "link-label") for label in labels)
        labels.append(index)
    return iter(())
