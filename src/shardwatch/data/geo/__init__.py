"""Country outlines for offline maps: Natural Earth 1:110m, as TopoJSON (see README.md here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

OUTLINES_FILE = "countries-110m.json"
# ISO 3166-1 numeric code of Antarctica: its ring runs along the map's edge and fills the bottom.
_LEFT_OUT = {"010"}

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Country:
    """One country's outline: polygons as closed rings of (lon, lat) points."""

    numeric_id: str
    name: str
    rings: tuple[Ring, ...]


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers; undo the deltas and the quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        # A negative index ~i means arc i reversed; consecutive arcs share their end point.
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[Ring]:
    """A ring crossing the antimeridian, made continuous, plus its copy shifted by 360 degrees."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    lons = [lon for lon, _ in out]
    copies = [tuple(out)]
    if min(lons) < -180:
        copies.append(tuple((lon + 360, lat) for lon, lat in out))
    if max(lons) > 180:
        copies.append(tuple((lon - 360, lat) for lon, lat in out))
    return copies


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the shipped outlines except Antarctica, decoded."""
    topology = json.loads(resources.files(__package__).joinpath(OUTLINES_FILE).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric_id = str(geometry.get("id", ""))
        if numeric_id in _LEFT_OUT:
            continue
        kind = geometry["type"]
        polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]] if kind == "Polygon" else []
        rings: list[Ring] = []
        for polygon in polygons:
            for indexes in polygon:
                rings.extend(_unwrap(_ring(arcs, indexes)))
        result.append(Country(numeric_id, geometry.get("properties", {}).get("name", ""), tuple(rings)))
    return tuple(result)


def countries_geojson() -> dict:
    """The outlines as a GeoJSON FeatureCollection (one MultiPolygon a country, rings unwrapped)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": c.numeric_id, "properties": {"name": c.name},
             "geometry": {"type": "MultiPolygon", "coordinates": [[[list(p) for p in ring]] for ring in c.rings]}}
            for c in countries()
        ],
    }
