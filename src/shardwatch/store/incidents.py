"""The store's near-duplicate and incident tables: sketches, LSH buckets, duplicate links,
incidents and their members, read and written as typed records (resolution itself is in
``shardwatch.resolve``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from shardwatch.store.common import EventFilter, _chunks, _date
from shardwatch.types import Article, Event, Mention, Place


@dataclass(frozen=True)
class StoredEventFacts:
    """What the store holds about an event that identifies the real event behind it (for
    resolution), with its article's publication date and ingest order, and the incident it is
    in (when read as a member of one)."""

    event_id: str
    kind: str
    article_id: str
    date: dt.date | None
    date_precision: str
    reported: dt.date | None
    country: str | None
    place: str | None
    lat: float | None
    lon: float | None
    place_precision: int | None
    killed_low: float | None
    killed_high: float | None
    target: str | None
    article_published: dt.date | None
    article_seq: int
    article_group: str | None = None  # the article's original when it is a near-copy, else itself
    orgs: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    incident_id: str | None = None
    incident_kind: str | None = None
    incident_seq: int | None = None


@dataclass(frozen=True)
class IncidentMember:
    """One member event of a live incident, with the article it came from."""

    incident_id: str
    kind: str
    seq: int
    event: Event
    article: Article




class IncidentRecords:
    """Near-duplicates, incidents and mentions (a part of ``Store``)."""

    db: sqlite3.Connection

    def unsketched_articles(self) -> list[Article]:
        """Articles (with text) not yet checked for near-duplicates, in ingest order."""
        rows = self.db.execute(
            "SELECT a.* FROM articles a LEFT JOIN article_sketches s ON s.article_id = a.id"
            " WHERE s.article_id IS NULL ORDER BY a.rowid" + self.dialect.skip_locked.format(table="a")).fetchall()
        return [self._article(r, with_text=True) for r in rows]

    def lsh_candidates(self, bands: Iterable[tuple[int, int]]) -> set[str]:
        """Articles sharing any (band, bucket) with the given ones."""
        found: set[str] = set()
        for band, bucket in bands:
            found.update(r[0] for r in self.db.execute(
                "SELECT article_id FROM article_lsh WHERE band = ? AND bucket = ?", (band, bucket)))
        return found

    def sketch_rows(self, ids: Iterable[str]) -> dict[str, tuple[int, bytes]]:
        out: dict[str, tuple[int, bytes]] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT * FROM article_sketches WHERE article_id IN ({marks})", chunk):
                out[r["article_id"]] = (r["shingles"], r["signature"])
        return out

    def save_sketch(self, article_id: str, shingles: int, signature: bytes, bands: Iterable[tuple[int, int]]) -> None:
        """File an article's MinHash sketch and LSH buckets (inside ``transaction``)."""
        self.db.execute("INSERT INTO article_sketches VALUES (?,?,?) ON CONFLICT (article_id) DO UPDATE SET"
                        " shingles = excluded.shingles, signature = excluded.signature",
                        (article_id, shingles, signature))
        self.db.executemany("INSERT INTO article_lsh VALUES (?,?,?) ON CONFLICT DO NOTHING",
                            [(band, bucket, article_id) for band, bucket in bands])

    def article_order(self, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """For each article: (publication date or '9999-12-31' when undated, ingest order)."""
        out: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT id, published, rowid FROM articles WHERE id IN ({marks})", chunk):
                out[r[0]] = (r[1] or "9999-12-31", r[2])
        return out

    def duplicate_links(self, ids: Iterable[str] | None = None) -> dict[str, tuple[str, float]]:
        """Near-duplicate article -> (its original, estimated similarity); all of them without ``ids``."""
        if ids is None:
            return {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT * FROM article_duplicates")}
        out: dict[str, tuple[str, float]] = {}
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(
                    f"SELECT * FROM article_duplicates WHERE article_id IN ({marks}) OR original_id IN ({marks})",
                    chunk + chunk):
                out[r[0]] = (r[1], r[2])
        return out

    def set_duplicate(self, article_id: str, original_id: str | None, similarity: float = 0.0) -> None:
        """Link an article to its original, or (``original_id`` None) make it an original."""
        if original_id is None:
            self.db.execute("DELETE FROM article_duplicates WHERE article_id = ?", (article_id,))
        else:
            self.db.execute("INSERT INTO article_duplicates VALUES (?,?,?) ON CONFLICT (article_id) DO UPDATE SET"
                            " original_id = excluded.original_id, similarity = excluded.similarity",
                            (article_id, original_id, similarity))

    def _event_facts(self, rows: list) -> list[StoredEventFacts]:
        """Typed resolution facts for event rows (with their article's date and ingest order),
        each with its perpetrator organisations and people read from ``event_actors``."""
        actors: dict[str, dict[str, list[str]]] = {}
        for chunk in _chunks([r["id"] for r in rows]):
            marks = ",".join("?" * len(chunk))
            for a in self.db.execute(
                    f"SELECT event_id, actor_id, role FROM event_actors WHERE event_id IN ({marks})"
                    " AND role IN ('perpetrator', 'perpetrator_individual') ORDER BY rowid", chunk):
                actors.setdefault(a[0], {}).setdefault(a[2], []).append(a[1])
        keys = set(rows[0].keys()) if rows else set()
        return [StoredEventFacts(
            event_id=r["id"], kind=r["kind"], article_id=r["article_id"], date=_date(r["date"]),
            date_precision=r["date_precision"], reported=_date(r["reported"]), country=r["country"],
            place=r["place_canonical"], lat=r["lat"], lon=r["lon"], place_precision=r["place_precision"],
            killed_low=r["killed_low"], killed_high=r["killed_high"], target=r["target"],
            article_published=_date(r["article_published"]), article_seq=r["article_seq"],
            article_group=r["article_group"],
            orgs=tuple(actors.get(r["id"], {}).get("perpetrator", ())),
            people=tuple(actors.get(r["id"], {}).get("perpetrator_individual", ())),
            incident_id=r["incident_id"] if "incident_id" in keys else None,
            incident_kind=r["incident_kind"] if "incident_kind" in keys else None,
            incident_seq=r["incident_seq"] if "incident_seq" in keys else None,
        ) for r in rows]

    _FACTS_SQL = (
        "SELECT e.id, e.kind, e.article_id, e.date, e.date_precision, e.reported, e.country, e.place_canonical,"
        " e.lat, e.lon, e.place_precision, e.killed_low, e.killed_high, e.target,"
        " a.published AS article_published, a.rowid AS article_seq,"
        " COALESCE((SELECT d.original_id FROM article_duplicates d WHERE d.article_id = e.article_id),"
        "  e.article_id) AS article_group"
    )

    def unresolved_event_facts(self) -> list[StoredEventFacts]:
        """The resolution facts of every event not yet in an incident."""
        return self._event_facts(self.db.execute(
            self._FACTS_SQL + " FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN incident_events ie ON ie.event_id = e.id WHERE ie.event_id IS NULL").fetchall())

    def incident_event_facts(self, incident_ids: Iterable[str]) -> list[StoredEventFacts]:
        """The resolution facts of the members of these incidents, each with its incident."""
        rows: list = []
        for chunk in _chunks(list(incident_ids)):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                self._FACTS_SQL + ", ie.incident_id, i.kind AS incident_kind, i.seq AS incident_seq"
                " FROM incident_events ie JOIN incidents i ON i.id = ie.incident_id"
                " JOIN events e ON e.id = ie.event_id JOIN articles a ON a.id = e.article_id"
                f" WHERE ie.incident_id IN ({marks})", chunk).fetchall()
        return self._event_facts(rows)

    def incident_ids_for_keys(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(keys)):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT incident_id FROM incident_keys WHERE key IN ({marks})", chunk))
        return found

    def next_incident_seq(self) -> int:
        return (self.db.execute("SELECT MAX(seq) FROM incidents").fetchone()[0] or 0) + 1

    def write_resolution(self, *, created: Iterable[tuple[str, str, int]], merged: dict[str, str],
                         assigned: dict[str, str], keys: dict[str, set[str]]) -> None:
        """Store a resolution run (inside ``transaction``): new incidents (id, kind, seq), merges
        (old id -> surviving id), event assignments, and the blocking keys of touched incidents."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        # An incident id is its founding event's; after ``reextract`` an event that founded an
        # incident all of whose members changed can found it again: the row then comes back to
        # life (keeping its first sequence number) instead of failing the run.
        self.db.executemany("INSERT INTO incidents (id, kind, seq, created_at) VALUES (?,?,?,?)"
                            " ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, merged_into = NULL",
                            [(i, kind, seq, now) for i, kind, seq in created])
        # A statement a kind of change for the whole run, not one an incident: on PostgreSQL each
        # statement is a round trip to the server (executemany pipelines its rows), and a run
        # touches hundreds of incidents (scripts/bench_resolve.py --db throwaway: docs/BENCHMARKS.md).
        # ``final_merges`` leaves no survivor that is merged itself, so the order of the rows
        # within a statement does not matter.
        pairs = [(survivor, old) for old, survivor in merged.items()]
        self.db.executemany("UPDATE incidents SET merged_into = ? WHERE id = ?", pairs)
        self.db.executemany("UPDATE incident_events SET incident_id = ? WHERE incident_id = ?", pairs)
        self._delete_keys(list(merged))
        self.db.executemany("INSERT INTO incident_events VALUES (?,?) ON CONFLICT (event_id) DO UPDATE SET"
                            " incident_id = excluded.incident_id", list(assigned.items()))
        self._delete_keys(list(keys))
        self.db.executemany("INSERT INTO incident_keys VALUES (?,?)",
                            [(k, incident) for incident, incident_keys in keys.items() for k in incident_keys])

    def _delete_keys(self, incident_ids: list[str]) -> None:
        for chunk in _chunks(incident_ids):
            self.db.execute(f"DELETE FROM incident_keys WHERE incident_id IN ({','.join('?' * len(chunk))})", chunk)

    def incident_members(self, filters: EventFilter = EventFilter(), *, incident_id: str | None = None
                         ) -> list[IncidentMember]:
        """Every member event (with its article) of the live incidents, restricted to articles
        published by ``filters.as_of`` and to ``filters.kind``, in incident order."""
        where, args = ["i.merged_into IS NULL"], []
        if filters.kind:
            where.append("i.kind = ?")
            args.append(filters.kind)
        if filters.as_of:
            where.append("a.published <= ?")
            args.append(filters.as_of.isoformat())
        if incident_id:
            where.append("i.id = ?")
            args.append(incident_id)
        rows = self.db.execute(
            "SELECT i.id AS incident_id, i.kind AS incident_kind, i.seq AS incident_seq, e.*,"
            " a.id AS a_id, a.title AS a_title, a.source AS a_source, a.url AS a_url, a.published AS a_published,"
            " a.published_precision AS a_precision, a.published_from AS a_from, a.language AS a_language,"
            " a.removed_lines AS a_removed, a.path AS a_path, a.rowid AS a_seq"
            " FROM incidents i JOIN incident_events ie ON ie.incident_id = i.id JOIN events e ON e.id = ie.event_id"
            " JOIN articles a ON a.id = e.article_id WHERE " + " AND ".join(where)
            + " ORDER BY i.seq, a.published IS NULL, a.published, a.rowid, e.id", args).fetchall()
        out = []
        for r in rows:
            article = Article(id=r["a_id"], text="", title=r["a_title"], source=r["a_source"], url=r["a_url"],
                              published=_date(r["a_published"]), published_precision=r["a_precision"],
                              published_from=r["a_from"], language=r["a_language"], removed_lines=r["a_removed"],
                              path=r["a_path"])
            out.append(IncidentMember(r["incident_id"], r["incident_kind"], r["incident_seq"], self._event(r), article))
        return out

    def live_incident_id(self, incident_id: str) -> str | None:
        """The incident an id stands for now: itself, or the incident it was merged into (None
        when no incident ever had this id)."""
        row = self.db.execute("SELECT merged_into FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            return None
        seen = set()
        while row and row[0] and row[0] not in seen:
            seen.add(row[0])
            incident_id = row[0]
            row = self.db.execute("SELECT merged_into FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return incident_id

    def incident_counts(self) -> dict[str, int]:
        """Live incidents, and articles that are near-duplicates of another."""
        return {
            "incidents": self.db.execute("SELECT COUNT(*) FROM incidents WHERE merged_into IS NULL").fetchone()[0],
            "duplicates": self.db.execute("SELECT COUNT(*) FROM article_duplicates").fetchone()[0],
        }

    def article_mentions(self, article_id: str) -> list[Mention]:
        """The actor and place mentions of one article, in text order."""
        out = []
        for r in self.db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (article_id,)):
            place = None
            if r["place_canonical"]:
                place = Place(r["text"], r["place_canonical"], r["country"], r["lat"], r["lon"], r["gazetteer_id"],
                              r["place_precision"])
            out.append(Mention(r["article_id"], r["start"], r["end"], r["text"], r["label"], r["actor_id"], place))
        return out

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        """Add actor mentions found after extraction (inside ``transaction``); a span already
        held is kept as it is."""
        self.db.executemany(
            'INSERT INTO mentions (article_id, start, "end", text, label, actor_id) VALUES (?,?,?,?,?,?)'
            " ON CONFLICT DO NOTHING",
            [(m.article_id, m.start, m.end, m.text, m.label, m.actor_id) for m in mentions])

    def actor_mention_counts(self) -> dict[str, tuple[int, int]]:
        """Canonical actor id -> (mentions, articles) across the corpus."""
        return {r[0]: (r[1], r[2]) for r in self.db.execute(
            "SELECT actor_id, COUNT(*), COUNT(DISTINCT article_id) FROM mentions WHERE actor_id IS NOT NULL"
            " GROUP BY actor_id")}
