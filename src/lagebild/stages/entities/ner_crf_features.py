"""Token features of the German NER CRF (decision 0014).

Training (``train/ner_de/crf.py``) and run time (:mod:`lagebild.stages.entities.ner_crf`)
both call :func:`sentence_features`, so the model always sees the same features.  Besides
the word's own shape and affixes, each token is looked up in a frozen word lexicon
(``train/ner_de/crf_lexicons.py``) that brings in what 4,300 annotated sentences cannot
teach: Brown clusters and word frequencies from a large German corpus, how often the
lower-case form occurs (a capitalised common noun vs. a name), gazetteer membership, and
the tag a POS tagger trained on a large treebank gives the word (proper noun NE vs.
common noun NN).  Changing this code changes the features: retrain after any edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: Lexicon value: the fields below joined by tabs (a compact string per word).
FIELDS = ("c", "p", "l", "g", "t", "n")
Lexicon = Mapping[str, str]
Features = dict[str, str]

_UPPER = re.compile(r"[A-ZÄÖÜ]")
_LOWER = re.compile(r"[a-zäöüß]")
_DIGIT = re.compile(r"[0-9]")
_REPEAT = re.compile(r"(.)\1+")

# Which features of the neighbours a token sees, by offset.
CONTEXT = {
    -2: ("w", "sh", "gaz"),
    -1: ("w", "sh", "gaz", "c8", "low", "lt", "ln"),
    1: ("w", "sh", "gaz", "c8", "low", "lt", "ln"),
    2: ("w", "sh", "gaz"),
}


def shape(word: str) -> str:
    """``Xxx`` for "Berlin", ``XX`` for "EU", ``dd.dd`` for "12.05" (runs collapsed to two)."""
    coarse = _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word)))
    return _REPEAT.sub(r"\1\1", coarse)[:6]


def lexicon_entry(lexicon: Lexicon, word: str) -> dict[str, str]:
    """The lexicon fields of ``word`` (empty fields left out; unknown words give {})."""
    value = lexicon.get(word)
    if value is None:
        return {}
    return {key: field for key, field in zip(FIELDS, value.split("\t"), strict=True) if field}


def token_features(word: str, lexicon: Lexicon) -> Features:
    """The features of one token on its own."""
    entry = lexicon_entry(lexicon, word)
    cluster = entry.get("c") or lexicon_entry(lexicon, word.lower()).get("c", "")
    found = {
        "w": word.lower(),
        "sh": shape(word),
        "s3": word[-3:].lower(),
        "s4": word[-4:].lower(),
        "p3": word[:3].lower(),
        "len": str(min(len(word), 8)),
        "prob": entry.get("p", "unk"),
        "low": entry.get("l", ""),
        "gaz": entry.get("g", ""),
        "c4": cluster[:4],
        "c8": cluster[:8],
        "c12": cluster[:12],
        "c": cluster,
        "lt": entry.get("t", ""),
        "ln": entry.get("n", ""),
    }
    found.update({"g" + code: "1" for code in entry.get("g", "")})
    return {key: value for key, value in found.items() if value}


def sentence_features(words: Sequence[str], lexicon: Lexicon) -> list[Features]:
    """One feature dict per token: its own features and those of its neighbours."""
    own = [token_features(word, lexicon) for word in words]
    return [_with_context(own, i) for i in range(len(own))]


def _with_context(own: Sequence[Features], i: int) -> Features:
    merged = {"bias": "1", **own[i]}
    for offset, keys in CONTEXT.items():
        j = i + offset
        if not 0 <= j < len(own):
            merged[f"{offset}:edge"] = "1"
            continue
        merged.update({f"{offset}:{key}": own[j][key] for key in keys if key in own[j]})
    before, after = merged.get("-1:sh", "^"), merged.get("1:sh", "$")
    merged["ss"] = f"{before}|{own[i]['sh']}|{after}"
    return merged
