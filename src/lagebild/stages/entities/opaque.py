"""Names of things outside our entity types, whose inside must not be annotated.

Treaties, agreements, resolutions, indices and currencies are named after places
and bodies ("Minsk II Accords", "Budapest Memorandum", "UN Charter", "Moscow
Exchange Index", "US dollar"), but the place in them is no mention of the place:
annotation keeps only outermost names, and these outermost names are of no type
we extract.  An abbreviation given for such a name ("Convention on Cluster
Munitions (CCM)") is opaque wherever it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORD = r"(?:[A-Z][\w.-]*|\d{4})"
_HEAD = (
    r"(?:Accords?|Agreements?|Memorandum|Final Act|Charter|Treaty|Protocol|Declaration|"
    r"Doctrine|Index|Resolution \d+|[Cc]onventions?)"
)
#: "Minsk II Accords", "UN Security Council Resolution 2202", "Geneva convention"; not
#: when the name goes on ("Collective Security Treaty Organization" is an organisation).
NAMED_BY_HEAD = re.compile(rf"\b{_WORD}(?: {_WORD})* {_HEAD}\b(?! [A-Z])")
#: "Convention on Cluster Munitions", "Treaty on Open Skies".
NAMED_BY_TOPIC = re.compile(
    r"\b(?:Convention|Treaty|Agreement|Declaration|Protocol) (?:on|of|for) (?:the )?"
    r"[A-Z][\w-]*(?: (?:and |of |on )?[A-Z][\w-]*)*"
)
#: Currencies and a few fixed names of ideas and eras.
FIXED = re.compile(
    r"\b(?:(?:US|U\.S\.|Canadian|Australian|Hong Kong|Singapore) dollars?|Russian World|"
    r"Cold War|Iron Curtain)\b"
)
ABBREVIATION = re.compile(r" \(([A-Z][A-Za-z&]{1,9})\)")


def opaque_spans(text: str) -> list[tuple[int, int]]:
    """Spans of opaque names, with their abbreviations and every later use of those."""
    spans = sorted(set(_named(text)))
    for abbreviation in {a for _, _, a in _abbreviated(text, spans)}:
        pattern = rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])"
        spans.extend(m.span() for m in re.finditer(pattern, text))
    return sorted(spans)


def _named(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (NAMED_BY_HEAD, NAMED_BY_TOPIC, FIXED):
        for match in pattern.finditer(text):
            yield match.span()


def _abbreviated(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    for _, end in spans:
        match = ABBREVIATION.match(text, end)
        if match:
            yield (*match.span(1), match.group(1))


def inside_opaque(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps an opaque name."""
    return any(s < end and start < e for s, e in spans)
