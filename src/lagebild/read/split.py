"""Split a (streamed) text into parts of at most ``limit`` characters, at paragraph breaks.

Parts are cut after a blank line where possible, else after a line break, else
after a space, else hard at the limit.  Joined, the parts give the text back
exactly.  At most two parts are held at once, so memory stays bounded by the
limit, not by the size of the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def split_parts(chunks: Iterable[str], limit: int) -> Iterator[tuple[str, bool]]:
    """Yield ``(part, is_last)`` for the text streamed in ``chunks``.

    A part is only yielded once text after it is seen, so a white-space-only
    tail is appended to the last part instead of becoming a part of its own.
    """
    held: str | None = None
    buffer = ""
    for chunk in chunks:
        buffer += chunk
        while len(buffer) > limit:
            cut = cut_point(buffer, limit)
            if held is not None:
                yield held, False
                held = None  # let the yielded part go before the buffer is sliced
            held, buffer = buffer[:cut], buffer[cut:]
    if held is None:
        yield buffer, True
    elif buffer.strip():
        yield held, False
        yield buffer, True
    else:
        yield held + buffer, True


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` so the first part has at most ``limit`` characters.

    Breaks in the first half of the window are ignored, so parts do not get tiny.
    """
    floor = limit // 2
    paragraph = _last_paragraph_end(text, floor, limit)
    if paragraph is not None:
        return paragraph
    for separator in ("\n", " "):
        position = text.rfind(separator, floor, limit)
        if position >= 0:
            return position + 1
    return limit


def _last_paragraph_end(text: str, start: int, limit: int) -> int | None:
    end = None
    for match in _PARAGRAPH_BREAK.finditer(text, start, limit):
        end = match.end()
    return end
