"""German inflection of multi-word forms the gazetteer's suffix rule cannot reach.

The gazetteer accepts an ending after a whole match ("Putins"), but a role
phrase inflects inside: "belarussischer Präsident" appears as "der
belarussische Präsident", "des belarussischen Präsidenten".  We generate those
variants from the knowledge base's base form: adjective endings on every
lower-case word, and the weak-noun ending on a final head noun.
"""

from __future__ import annotations

import itertools
import re

ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: Weak masculine nouns that take -en/-n outside the nominative ("des Präsidenten").
WEAK_NOUNS = frozenset(
    {
        "Präsident",
        "Vizepräsident",
        "Diplomat",
        "Soldat",
        "Kandidat",
        "Fürst",
        "Prinz",
        "Graf",
        "Bote",
        "Kollege",
        "Experte",
        "Gesandte",
        "Abgeordnete",
        "Beamte",
    }
)
_ADJECTIVE = re.compile(r"^([a-zäöüß-]+?)(e|en|er|es|em)?$")
MAX_VARIANTS = 40


def adjective_variants(word: str) -> list[str]:
    """'belarussischer' → belarussische, belarussischen, …; other words stay as they are."""
    match = _ADJECTIVE.match(word)
    if (
        not word.islower()
        or not match
        or not word.endswith(
            (
                "isch",
                "ische",
                "ischer",
                "ischen",
                "isches",
                "ischem",
                "ige",
                "iger",
                "igen",
                "iges",
                "igem",
            )
        )
    ):
        return [word]
    stem = match.group(1)
    return [stem + ending for ending in ADJECTIVE_ENDINGS]


def noun_variants(word: str) -> list[str]:
    if word in WEAK_NOUNS:
        return [word, word + ("n" if word.endswith("e") else "en")]
    return [word]


def phrase_variants(phrase: str) -> list[str]:
    """All inflected variants of a German multi-word phrase (the phrase itself first)."""
    words = phrase.split(" ")
    if len(words) < 2:
        return [phrase]
    options = [adjective_variants(w) for w in words[:-1]] + [noun_variants(words[-1])]
    variants = [
        " ".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS)
    ]
    return [phrase, *(v for v in variants if v != phrase)]
