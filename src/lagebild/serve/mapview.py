"""The map's geometry: the view, its countries and clustered markers, all computed on the
server so the page needs no script.  A marker for one item links to its evidence; a
cluster links to the map zoomed in around it."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from lagebild.serve.basemap import BBox, Country, countries_in

#: The default view: Ukraine, Belarus, western Russia.
DEFAULT_VIEW = BBox(20.0, 43.0, 45.0, 57.0)
#: Grid cells across and down the view: points in one cell form one cluster.
GRID = (24, 16)
ZOOM = 4.0


@dataclass(frozen=True)
class Point:
    """Something to put on the map."""

    kind: str  # "place" or "event"
    lon: float
    lat: float
    label: str
    href: str


@dataclass(frozen=True)
class Marker:
    """A drawn marker in view units: one point, or a cluster of ``count``."""

    kind: str
    x: float
    y: float
    r: float
    count: int
    label: str
    href: str


@dataclass(frozen=True)
class MapView:
    """Everything the map template draws."""

    view: BBox
    scale_x: float
    viewbox: str
    countries: list[Country]
    markers: list[Marker]
    stroke: float


def map_view(view: BBox, points: list[Point], query: dict[str, str]) -> MapView:
    """The view's countries and the points in it, clustered on a grid."""
    scale_x = math.cos(math.radians((view.north + view.south) / 2))
    width = (view.east - view.west) * scale_x
    height = view.north - view.south
    viewbox = f"{view.west * scale_x:.4f} {-view.north:.4f} {width:.4f} {height:.4f}"
    inside = [point for point in points if view.contains(point.lon, point.lat)]
    markers = [
        marker
        for kind in ("place", "event")
        for marker in _clusters([p for p in inside if p.kind == kind], view, scale_x, query)
    ]
    return MapView(view, scale_x, viewbox, countries_in(view), markers, width / 800)


def _clusters(
    points: list[Point], view: BBox, scale_x: float, query: dict[str, str]
) -> list[Marker]:
    cell_w = (view.east - view.west) / GRID[0]
    cell_h = (view.north - view.south) / GRID[1]
    cells: dict[tuple[int, int], list[Point]] = defaultdict(list)
    for point in points:
        cells[
            (int((point.lon - view.west) / cell_w), int((point.lat - view.south) / cell_h))
        ].append(point)
    base = (view.east - view.west) * scale_x / 150
    return [_marker(group, view, scale_x, base, query) for group in cells.values()]


def _marker(
    group: list[Point], view: BBox, scale_x: float, base: float, query: dict[str, str]
) -> Marker:
    lon = sum(point.lon for point in group) / len(group)
    lat = sum(point.lat for point in group) / len(group)
    first = group[0]
    if len(group) == 1:
        return Marker(first.kind, lon * scale_x, -lat, base, 1, first.label, first.href)
    zoomed = view.zoom(lon, lat, ZOOM)
    href = "/map?" + urlencode({**query, "bbox": zoomed.text()})
    names = sorted({point.label for point in group})
    label = f"{len(group)} {first.kind}s: " + "; ".join(names[:5]) + ("…" if len(names) > 5 else "")
    radius = base * min(3.0, 1 + math.log10(len(group)))
    return Marker(first.kind, lon * scale_x, -lat, radius, len(group), label, href)
