"""The store's side of placing events by the corpus (``shardwatch.resolve.countries``): the
events that no text placed in a country, the countries a group's other events lie in, and the
country so given."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from shardwatch.store.common import _chunks

# gazetteer_id of an event the corpus placed: its provenance, and kept out of the counts that
# place others (a guess does not vote)
CORPUS_PLACED = "corpus:"


class CorpusPlaceRecords:
    """Events with no country, and the countries of groups' events (a part of ``Store``)."""

    db: sqlite3.Connection

    def events_without_country(self) -> dict[str, tuple[str, ...]]:
        """Event id -> its perpetrator organisations, for every event not yet in an incident
        whose place has no country (or that has no place)."""
        rows = self.db.execute(
            "SELECT e.id, ea.actor_id FROM events e JOIN event_actors ea ON ea.event_id = e.id"
            " LEFT JOIN incident_events ie ON ie.event_id = e.id"
            " WHERE ie.event_id IS NULL AND e.country IS NULL AND ea.role = 'perpetrator'").fetchall()
        found: dict[str, list[str]] = {}
        for event_id, actor_id in rows:
            found.setdefault(event_id, []).append(actor_id)
        return {event_id: tuple(sorted(actors)) for event_id, actors in found.items()}

    def unplaced_names(self) -> dict[str, str]:
        """Event id -> its place's canonical name (lower case), for every event not yet in an
        incident whose place has a name but no country."""
        return {event_id: name.lower() for event_id, name in self.db.execute(
            "SELECT e.id, e.place_canonical FROM events e LEFT JOIN incident_events ie ON ie.event_id = e.id"
            " WHERE ie.event_id IS NULL AND e.country IS NULL AND e.place_canonical IS NOT NULL").fetchall()}

    def places_named(self, names: Iterable[str]) -> dict[str, Counter]:
        """Canonical name (lower case) -> how many events place it at each (country, lat, lon,
        precision, admin1, located_at), those the corpus placed left out."""
        found: dict[str, Counter] = {}
        for chunk in _chunks(sorted(set(names))):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(
                    "SELECT LOWER(place_canonical), country, lat, lon, place_precision, admin1, place_located_at"
                    f" FROM events WHERE LOWER(place_canonical) IN ({marks}) AND country IS NOT NULL"
                    " AND (gazetteer_id IS NULL OR gazetteer_id NOT LIKE ?)", (*chunk, CORPUS_PLACED + "%")):
                found.setdefault(row[0], Counter())[tuple(row[1:])] += 1
        return found

    def place_where_named(self, placed: dict[str, tuple]) -> None:
        """Give events (id -> (country, lat, lon, precision, admin1, located_at)) the place the
        corpus knows their place's name at, marked as the corpus's. Inside ``transaction``."""
        self.db.executemany(
            "UPDATE events SET country = ?, lat = ?, lon = ?, place_precision = ?, admin1 = ?,"
            " place_located_at = ?, gazetteer_id = ? WHERE id = ?",
            [(*where, CORPUS_PLACED + where[0], event_id) for event_id, where in placed.items()])

    def countries_of_actors(self, actor_ids: Iterable[str]) -> dict[str, Counter]:
        """Actor id -> how many of its events (as perpetrator) lie in each country, those the
        corpus placed left out."""
        counts: dict[str, Counter] = {}
        for chunk in _chunks(sorted(set(actor_ids))):
            marks = ",".join("?" * len(chunk))
            for actor_id, country, n in self.db.execute(
                    "SELECT ea.actor_id, e.country, COUNT(*) FROM events e JOIN event_actors ea ON ea.event_id = e.id"
                    f" WHERE ea.role = 'perpetrator' AND ea.actor_id IN ({marks}) AND e.country IS NOT NULL"
                    " AND (e.gazetteer_id IS NULL OR e.gazetteer_id NOT LIKE ?) GROUP BY ea.actor_id, e.country",
                    (*chunk, CORPUS_PLACED + "%")):
                counts.setdefault(actor_id, Counter())[country] = n
        return counts

    def place_in_country(self, placed: dict[str, tuple[str, str, float | None, float | None]]) -> None:
        """Give events (id -> (country code, country name, its latitude, longitude)) their country;
        an event with no place takes the country as its place, and a place with no coordinates is
        shown at the country's (both precision 3; the latter ``located_at`` the country). Inside
        ``transaction``."""
        self.db.executemany(
            "UPDATE events SET country = ?, gazetteer_id = COALESCE(gazetteer_id, ?),"
            " place_located_at = CASE WHEN place_canonical IS NOT NULL AND lat IS NULL THEN ?"
            " ELSE place_located_at END,"
            " place_precision = CASE WHEN lat IS NULL THEN 3 ELSE place_precision END,"
            " place_name = COALESCE(place_name, ?), place_canonical = COALESCE(place_canonical, ?),"
            " lat = COALESCE(lat, ?), lon = COALESCE(lon, ?) WHERE id = ?",
            [(code, CORPUS_PLACED + code, name, name, name, lat, lon, event_id)
             for event_id, (code, name, lat, lon) in placed.items()])
