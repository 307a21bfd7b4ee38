"""Build the word lexicons the German NER CRF reads (`crf.py`), as one JSON file.

    python train/ner_de/crf_lexicons.py OUTPUT.tsv.gz [--words 200000] [--hanta]

Writes one line per word: the form, then the fields of
`lagebild.stages.entities.ner_crf_features.FIELDS`, tab-separated.  For each word form of the spaCy-lookups German frequency list (top --words by
probability) and every gazetteer word, the file stores a short feature code:
- "c": the Brown cluster bit path (spacy-lookups-data `de_lexeme_cluster`, MIT);
- "p": the log-probability bucket of the form (`de_lexeme_prob`);
- "l": for a capitalised form, how much more often the lower-case form occurs (bucketed):
       a capitalised word that is mostly written lower-case is a common word that starts
       a sentence, not a name;
- "g": gazetteer flags, as in `features.py` (F first name, S surname, L place-name word,
       O organisation cue word);
- "t", "n" (with --hanta): the most likely STTS tag of the form out of context, and how
       much likelier the proper-noun tag NE is than the best other tag (bucketed), from
       the HanTa tagger's German model (LGPL; used here, its output frozen in the file).
The file travels with the CRF model, so run time needs none of the sources.
"""

from __future__ import annotations

import argparse
import gzip
import math
from pathlib import Path

from clusters import bit_path, load_table
from features import ORG_CUES, person_names
from gazetteer_tsv import names

from lagebild.stages.entities.ner_crf_features import FIELDS


def gazetteer_flags() -> dict[str, str]:
    flags: dict[str, set[str]] = {}
    first, last = person_names()
    for code, words in (("F", first), ("S", last), ("O", set(ORG_CUES))):
        for word in words:
            flags.setdefault(word, set()).add(code)
    for name in names():
        for word in name.replace("-", " ").split():
            if len(word) > 2 and word[0].isupper():
                flags.setdefault(word, set()).add("L")
    return {word: "".join(sorted(found)) for word, found in flags.items()}


def lower_bucket(word: str, prob: dict[str, float]) -> str:
    """How the lower-case form's frequency compares with this capitalised form's."""
    if not word[:1].isupper() or word.lower() == word:
        return ""
    lower = prob.get(word.lower())
    if lower is None:
        return "none"
    ratio = lower - prob.get(word, -20.0)
    return str(max(-3, min(3, math.floor(ratio))))


def hanta_codes(words: list[str]) -> dict[str, dict[str, str]]:
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    codes = {}
    for word in words:
        scores = {tag: float(score) for tag, score in tagger.tag_word(word)}
        best = max(scores, key=scores.__getitem__)
        other = max((v for k, v in scores.items() if k != "NE"), default=-99.0)
        margin = scores.get("NE", -99.0) - other
        codes[word] = {"t": best, "n": str(max(-4, min(4, round(margin / 2))))}
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--hanta", action="store_true")
    args = parser.parse_args()
    prob = load_table("de_lexeme_prob")
    clusters = {w: int(c) for w, c in load_table("de_lexeme_cluster").items() if c}
    flags = gazetteer_flags()
    words = sorted(prob, key=lambda w: (-prob[w], w))[: args.words]
    lexicon: dict[str, dict[str, str]] = {}
    for word in {*words, *flags}:
        entry = {"p": str(round(prob[word])) if word in prob else ""}
        if word in clusters:
            entry["c"] = bit_path(clusters[word])
        if bucket := lower_bucket(word, prob):
            entry["l"] = bucket
        if word in flags:
            entry["g"] = flags[word]
        lexicon[word] = {k: v for k, v in entry.items() if v}
    if args.hanta:
        for word, codes in hanta_codes(sorted(lexicon)).items():
            lexicon[word].update(codes)
    with gzip.open(args.output, "wt", encoding="utf-8", compresslevel=9) as out:
        for word, entry in sorted(lexicon.items()):
            if "\t" not in word and "\n" not in word:
                out.write("\t".join([word, *(entry.get(key, "") for key in FIELDS)]) + "\n")
    print(f"{len(lexicon)} words -> {args.output}")


if __name__ == "__main__":
    main()
