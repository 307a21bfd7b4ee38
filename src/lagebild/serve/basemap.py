"""The offline basemap: Natural Earth country shapes (public domain) from the npm package
``world-atlas`` 2.0.2 (ISC), vendored as TopoJSON in ``static/``, drawn as SVG paths.

Coordinates stay in degrees: a path's x is the longitude and its y the negated latitude;
the page scales x by the cosine of the view's middle latitude (a plate carrée stretched
to look right around the view), so the paths are built once per resolution.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

#: Files by resolution: 1:110m for wide views, 1:50m for a region.
FILES = {"110m": "countries-110m.json", "50m": "countries-50m.json"}
#: Views wider than this many degrees of longitude use the coarse file.
COARSE_ABOVE = 60.0

Point = tuple[float, float]


@dataclass(frozen=True)
class BBox:
    """A view in degrees: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``"w,s,e,n"`` in degrees; raises ValueError saying what is wrong."""
        parts = text.split(",")
        if len(parts) != 4:
            raise ValueError(f"bbox {text!r} needs four numbers: west,south,east,north")
        west, south, east, north = (float(part) for part in parts)
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise ValueError(f"bbox {text!r} is not west<east in -180..180, south<north in -90..90")
        return cls(west, south, east, north)

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def overlaps(self, other: BBox) -> bool:
        return not (
            other.east < self.west
            or other.west > self.east
            or other.north < self.south
            or other.south > self.north
        )

    def zoom(self, lon: float, lat: float, factor: float) -> BBox:
        """A view ``factor`` times smaller, centred on a point, kept inside the world."""
        half_w = min(180.0, (self.east - self.west) / factor / 2)
        half_h = min(90.0, (self.north - self.south) / factor / 2)
        lon = min(max(lon, -180 + half_w), 180 - half_w)
        lat = min(max(lat, -90 + half_h), 90 - half_h)
        return BBox(lon - half_w, lat - half_h, lon + half_w, lat + half_h)

    def text(self) -> str:
        return ",".join(f"{value:.4g}" for value in (self.west, self.south, self.east, self.north))


@dataclass(frozen=True)
class Country:
    """One country: its name, extent and SVG path in (lon, -lat) units."""

    name: str
    bbox: BBox
    path: str


def countries_in(view: BBox) -> list[Country]:
    """The countries that reach into the view, at the resolution that suits its width."""
    resolution = "110m" if view.east - view.west > COARSE_ABOVE else "50m"
    return [country for country in countries(resolution) if country.bbox.overlaps(view)]


@cache
def countries(resolution: str) -> tuple[Country, ...]:
    """Every country of a resolution, decoded once."""
    source = files("lagebild.serve") / "static" / FILES[resolution]
    topology = json.loads(source.read_text("utf-8"))
    arcs = _decode_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = _rings(geometry, arcs)
        if rings:
            name = str(geometry.get("properties", {}).get("name", ""))
            shapes.append(Country(name, _extent(rings), _path(rings)))
    return tuple(shapes)


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Quantised, delta-encoded arcs to absolute (lon, lat) points."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for step_x, step_y in arc:
            x, y = x + step_x, y + step_y
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def _rings(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[Point]]:
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [_ring(ring, arcs) for polygon in polygons for ring in polygon]


def _ring(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arcs; a negative index ``~i`` is arc ``i`` reversed."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _extent(rings: list[list[Point]]) -> BBox:
    lons = [lon for ring in rings for lon, _ in ring]
    lats = [lat for ring in rings for _, lat in ring]
    return BBox(min(lons), min(lats), max(lons), max(lats))


def _path(rings: list[list[Point]]) -> str:
    return "".join(
        "M" + "L".join(f"{lon:.2f},{-lat:.2f}" for lon, lat in ring) + "Z" for ring in rings
    )
