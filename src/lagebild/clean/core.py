"""Scraping-debris removal with a clean → raw offset map.

The cleaner works on lines.  It removes whole embed blocks (a platform label,
consent text and the "Inhalt laden" button), whole lines that match a debris
rule (share bars, ads, navigation, newsletter prompts, credits), lines that a
document repeats three times or more (a ticker's transparency note), and
photo credits at the end of caption lines.  Everything else is kept verbatim:
the clean text is the raw text with some stretches cut out, so every clean
character maps to the identical raw character.

When a removed line stood as its own paragraph, the blank lines after it go
with it, so the clean text keeps one blank line between paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from lagebild.clean.patterns import (
    EMBED_CONSENT,
    EMBED_END,
    EMBED_LABEL,
    TRAILING_CREDIT,
    TRAILING_EMBED,
    LineRule,
    load_rules,
)
from lagebild.records import OffsetMap, Removal, Segment

#: How far (in non-blank lines) an embed block may reach from its label to its button.
EMBED_REACH = 6
#: A line repeated this often in one document is boilerplate (a ticker's note).
REPEATS = 3
#: Lines repeated only twice count when they sound like a transparency note.
NOTE_WORDS = re.compile(
    r"(?:unabhängig (?:überprüf|bestätig|verifizier)|kriegsparteien|konfliktparteien|"
    r"cannot (?:be )?independently verif)",
    re.IGNORECASE,
)
MIN_REPEATED_CHARS = 30


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # end of the line's text, before its newline
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class CleanResult:
    """The clean text, what was removed (raw offsets) and the clean → raw map."""

    text: str
    removed: list[Removal] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)


def clean_text(
    raw: str, extra_patterns: Sequence[str] = (), pattern_files: Sequence[str] = ()
) -> CleanResult:
    """Return the clean text, the removed spans and the clean → raw offset map."""
    rules = load_rules(tuple(pattern_files), tuple(extra_patterns))
    lines = list(_lines(raw))
    cuts = sorted(_cuts(raw, lines, rules), key=lambda cut: cut.start)
    return _assemble(raw, _merge(cuts))


def _lines(raw: str) -> Iterator[Line]:
    position = 0
    for piece in raw.split("\n"):
        yield Line(position, position + len(piece), piece)
        position += len(piece) + 1


def _cuts(raw: str, lines: list[Line], rules: list[LineRule]) -> Iterator[Removal]:
    taken: set[int] = set()
    for first, last in _embed_blocks(lines):
        taken.update(range(first, last + 1))
        yield _line_cut(raw, lines, first, last, _embed_reason(lines, first))
    repeated = _repeated(lines)
    for index, line in enumerate(lines):
        if index in taken or line.blank:
            continue
        reason = _line_reason(line.text.strip(), rules, repeated)
        if reason:
            yield _line_cut(raw, lines, index, index, reason)
        else:
            yield from _credit_cut(raw, line)


def _embed_blocks(lines: list[Line]) -> Iterator[tuple[int, int]]:
    """(first, last) line indexes of each embed block: label or consent … closing button."""
    index = 0
    while index < len(lines):
        text = lines[index].text.strip()
        opener = bool(EMBED_LABEL.match(text)) or bool(EMBED_CONSENT.search(text))
        last = _block_end(lines, index) if opener and text else None
        if last is None:
            index += 1
            continue
        yield index, last
        index = last + 1


def _block_end(lines: list[Line], first: int) -> int | None:
    """The last line of a block opened at ``first``, when consent text and a button follow."""
    seen_consent, last, reach = bool(EMBED_CONSENT.search(lines[first].text)), None, 0
    index = first + 1
    while index < len(lines) and reach < EMBED_REACH:
        text = lines[index].text.strip()
        index += 1
        if not text:
            continue
        reach += 1
        if EMBED_END.match(text):
            last = index - 1
        elif EMBED_CONSENT.search(text) and len(text) < 400:
            seen_consent = True
        else:
            break
    return last if seen_consent and last is not None else None


def _embed_reason(lines: list[Line], first: int) -> str:
    label = lines[first].text.strip().lower()
    if EMBED_LABEL.match(label):
        return "embed-consent:" + re.sub(r"\W+", "-", label).strip("-")
    return "embed-consent"


def _repeated(lines: list[Line]) -> set[str]:
    counts = Counter(
        line.text.strip() for line in lines if len(line.text.strip()) >= MIN_REPEATED_CHARS
    )
    return {
        text
        for text, count in counts.items()
        if count >= REPEATS or (count == 2 and NOTE_WORDS.search(text))
    }


def _line_reason(text: str, rules: list[LineRule], repeated: set[str]) -> str | None:
    if text in repeated:
        return "repeated-boilerplate"
    for rule in rules:
        if rule.pattern.fullmatch(text):
            return rule.reason
    return None


def _credit_cut(raw: str, line: Line) -> Iterator[Removal]:
    embed = TRAILING_EMBED.search(line.text)
    if embed and embed.start() > 0:
        start, end = line.start + embed.start(), line.end
        yield Removal(start=start, end=end, reason="embed-consent", text=raw[start:end])
        return
    match = TRAILING_CREDIT.search(line.text)
    if match and match.start() > 0 and line.text[: match.start()].rstrip()[-1:] in '.!?)"“”»':
        start, end = line.start + match.start(), line.end
        yield Removal(start=start, end=end, reason="photo-credit", text=raw[start:end])


def _line_cut(raw: str, lines: list[Line], first: int, last: int, reason: str) -> Removal:
    """Cut lines first..last with their newline; as a paragraph, the blank lines after it too."""
    start = lines[first].start
    end = _after_newline(raw, lines[last].end)
    paragraph = first == 0 or lines[first - 1].blank
    following = last + 1
    while paragraph and following < len(lines) and lines[following].blank:
        end = _after_newline(raw, lines[following].end)
        following += 1
    return Removal(start=start, end=end, reason=reason, text=raw[start:end])


def _after_newline(raw: str, position: int) -> int:
    return position + 1 if position < len(raw) and raw[position] == "\n" else position


def _merge(cuts: list[Removal]) -> list[Removal]:
    """Drop cuts inside earlier ones (a credit inside a removed line)."""
    merged: list[Removal] = []
    for cut in cuts:
        if merged and cut.start < merged[-1].end:
            continue
        merged.append(cut)
    return merged


def _assemble(raw: str, cuts: list[Removal]) -> CleanResult:
    pieces, segments, position, clean_length = [], [], 0, 0
    for start, end in [*((c.start, c.end) for c in cuts), (len(raw), len(raw))]:
        if start > position:
            pieces.append(raw[position:start])
            segments.append(
                Segment(clean_start=clean_length, raw_start=position, length=start - position)
            )
            clean_length += start - position
        position = max(position, end)
    text, segments = _trim(pieces, segments, raw.endswith("\n"))
    return CleanResult(text, cuts, OffsetMap(segments=segments))


def _trim(
    pieces: list[str], segments: list[Segment], final_newline: bool
) -> tuple[str, list[Segment]]:
    """Drop the white space a removed last paragraph leaves at the end."""
    text = "".join(pieces)
    keep = len(text.rstrip())
    if final_newline and keep < len(text) and text[keep] == "\n":
        keep += 1
    if keep == len(text):
        return text, segments
    kept = [s for s in segments if s.clean_start < keep]
    if kept:
        last = kept[-1]
        length = min(last.length, keep - last.clean_start)
        kept[-1] = Segment(clean_start=last.clean_start, raw_start=last.raw_start, length=length)
    return text[:keep], kept
