"""The non-blank lines of a raw text, indexed once, and the debris at their ends.

A 50 MB text may hold millions of lines; the index keeps their spans in two
``array('q')`` (16 bytes a line), built by one regex scan, and the cleaner does
Python work only for the few lines a whole-text scan points it to.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator
from itertools import chain

from lagebild.clean.patterns import NONBLANK_LINE, TRAILING_CREDIT, TRAILING_EMBED

#: Characters that end a caption before its credit: "… ein Handschlag. © Privat".
CAPTION_END = '.!?)"“”»'


class Lines:
    """Spans of the non-blank lines of ``raw``, and the credit or embed text ending some."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        spans = chain.from_iterable(match.span() for match in NONBLANK_LINE.finditer(raw))
        flat = array("q", spans)
        self.starts, self.ends = flat[0::2], flat[1::2]
        #: line → (where its trailing debris starts, why it goes)
        self.tails: dict[int, tuple[int, str]] = dict(_tails(self))

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, position: int) -> int:
        """The line that holds raw ``position`` (or the last line starting before it)."""
        return bisect_right(self.starts, position) - 1

    def spanned(self, start: int, end: int) -> range:
        """The lines that a raw stretch ``[start, end)`` touches."""
        return range(self.index_at(start), self.index_at(max(start, end - 1)) + 1)

    def text(self, index: int) -> str:
        """The stripped text of a line."""
        return self.raw[self.starts[index] : self.ends[index]].strip()

    def tail(self, index: int) -> int:
        """Where the line's trailing debris starts; its end when it has none."""
        return self.tails.get(index, (self.ends[index], ""))[0]

    def key(self, index: int) -> str:
        """The stripped text of a line without its trailing debris (what rules see)."""
        return self.raw[self.starts[index] : self.tail(index)].strip()


def _tails(lines: Lines) -> Iterator[tuple[int, tuple[int, str]]]:
    """Embed text run into a caption, else a credit after a caption's last sentence."""
    found: dict[int, tuple[int, str]] = {}
    for match in TRAILING_CREDIT.finditer(lines.raw):
        index = lines.index_at(match.start())
        caption = lines.raw[lines.starts[index] : match.start()].rstrip()
        if caption[-1:] and caption[-1] in CAPTION_END:
            found[index] = (match.start(), "photo-credit")
    for match in TRAILING_EMBED.finditer(lines.raw):
        found[lines.index_at(match.start())] = (match.start(), "embed-consent")
    return iter(sorted(found.items()))
