"""Direction from context: is "am 17. Februar" in the past or the future of the anchor?

German and English news mark the future with a small set of words ("wird", "soll",
"kommende", "will", "is expected to", "next") and the past with auxiliaries and
reporting verbs ("hatte", "wurde", "sagte", "had", "was", "said", "ago").  The clause
around the expression is searched; when both kinds occur, the cue nearest the
expression decides.  The decision and its cue are returned so they can be recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.stages.times.values import Direction

FUTURE = {
    "de": re.compile(
        r"\b(?:wird|werden|wirst|werde|würden?|soll|sollen|sollte|sollten|plant|planen|"
        r"geplant|beabsichtigt|kommende[nmrs]?|nächste[nmrs]?|bevorstehende[nmrs]?|"
        r"angekündigt|erwartet|voraussichtlich)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:will|won't|shall|'ll|(?:is|are|was|were) (?:expected|scheduled|set|due|"
        r"going|slated|planning) to|(?:plans?|planned|intends?|intended|set|scheduled) to|"
        # "is to resume Tuesday", "as soon as Tuesday"; "next to" is a place
        r"(?:is|are|was|were) to|as soon as|next(?! to\b)|upcoming|coming)\b",
        re.IGNORECASE,
    ),
}
PAST = {
    "de": re.compile(
        r"\b(?:hatte|hatten|hat|haben|war|waren|wurde|wurden|sagte|sagten|erklärte|"
        r"teilte|berichtete|meldete|kündigte|vergangene[nmrs]?|letzte[nmrs]?|vorige[nmrs]?|"
        r"bereits|seit|zuvor|damals|ge\w{2,}(?:t|en)|"
        # strong and frequent simple-past verbs of news prose
        r"(?:kam|ging|traf|sprach|gab|nahm|fand|hielt|fiel|stieg|flog|schoss|begann|bot|"
        r"lag|stand|sah|rief|blieb|schrieb|zog|trat|warf|griff|ließ|brachte|dachte|wusste|"
        r"verlor|gewann|starb|tagte|endete|startete|gab|bat|wies|hieß|schien|galt|kam)(?:en|n)?|"
        # weak simple past ("unterzeichneten", "meldete"): lower-case words in -te/-ten
        r"[a-zäöüß]{4,}(?:te|ten))\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:had|was|were|did|said|stated|reported|announced|claimed|ago|last|previous|"
        r"earlier|already|since|began|struck|came|went|took|gave|met|saw|told|left|made|"
        r"held|fell|rose|won|lost|fought|sent|led|got|became|spoke|wrote|shot|flew|broke|"
        r"brought|sold|bought|built|found|kept|knew|began|ran|\w{3,}ed)\b",
        re.IGNORECASE,
    ),
}
#: A clause ends at ! ? ; a line break, or a full stop before a capital (not "19. Dez").
#: A participle counts as if this many characters further away than an auxiliary.
WEAK_PENALTY = 25
CLAUSE_END = re.compile(r"[!?;\n]|(?<!\d)\.(?=\s+[A-ZÄÖÜ\"„“])")


@dataclass(frozen=True)
class Decision:
    direction: Direction | None
    cue: str | None


def direction_at(text: str, start: int, end: int, language: str) -> Decision:
    """The tense of the clause around ``text[start:end]``: past, future or undecided."""
    lang = language if language in FUTURE else "en"
    left, right = _clause(text, start, end)
    cues = [
        (_distance(m, start, end), "future", m.group())
        for m in FUTURE[lang].finditer(text, left, right)
        if not (start <= m.start() < end)
    ] + [
        (_distance(m, start, end), "past", m.group())
        for m in PAST[lang].finditer(text, left, right)
        if not (start <= m.start() < end)
    ]
    if not cues:
        return Decision(None, None)
    ranked = [
        (distance + (WEAK_PENALTY if _weak(word, lang) else 0), kind, word)
        for distance, kind, word in cues
        if not word[:1].isupper() or not _weak(word, lang)
    ]
    if not ranked:
        return Decision(None, None)
    _, kind, cue = min(ranked)
    return Decision("future" if kind == "future" else "past", cue)


def _weak(word: str, language: str) -> bool:
    """Participle-like and -te/-ten words are weaker evidence than auxiliaries."""
    lowered = word.lower()
    if language == "en":
        return lowered.endswith("ed")
    return lowered.startswith("ge") or lowered.endswith(("te", "ten"))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    floor = max(start - 400, 0)
    before = max((m.end() for m in CLAUSE_END.finditer(text, floor, start)), default=floor)
    after = CLAUSE_END.search(text, end, end + 400)
    return before, after.start() if after else min(end + 400, len(text))


def _distance(match: re.Match[str], start: int, end: int) -> int:
    return start - match.end() if match.end() <= start else match.start() - end
