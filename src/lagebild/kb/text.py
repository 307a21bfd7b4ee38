"""The look-up key of a surface form: how two spellings are judged to be the same string."""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
        **dict.fromkeys("\u2019\u2018\u02bc\u00b4\u0060", "'"),
    }
)


def fold(text: str) -> str:
    """NFKC, case-folded (ß → ss), dashes and apostrophes unified, whitespace collapsed.

    Diacritics are kept: "Erdoğan" and "Erdogan" are listed as separate aliases.
    """
    normal = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return " ".join(normal.split())
