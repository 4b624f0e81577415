"""The SQLite store: the only module that writes the database.

WAL mode (readers work while an ingest writes), FTS5 over article text, numbered migrations
recorded in ``schema_migrations``, and one transaction per batch of articles, so that an
interrupted ingest leaves whole articles or none.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from shardwatch.errors import StoreError
from shardwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from shardwatch.types import (ActorRef, Article, Claim, Claimant, Event, Evidence, Extraction, Incident, Mention,
                              Place, Quantity, Quote)

__all__ = ["ClaimFilter", "EventFilter", "Store", "SCHEMA_VERSION"]


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for claims and quotes. ``since``/``until`` bound the as-of date (claims) or the
    publication date (quotes); ``as_of`` keeps only what articles published on or before that
    day said (what was known then); ``country`` matches the scope; ``actor`` the subject or the
    claimant (id or name)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    measure: str | None = None
    as_of: dt.date | None = None
    limit: int | None = None


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the listings. Dates are inclusive; ``actor`` matches id or name."""

    kind: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    limit: int | None = None
    # what was known then: only articles published on or before this day (undated ones never)
    as_of: dt.date | None = None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _quantity(low, high, qualifier, text) -> Quantity | None:
    if low is None and high is None:
        return None
    return Quantity(low, high, qualifier, text or "")


class Store:
    """A shardwatch database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: run `shardwatch ingest` first")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        if applied and max(applied) > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {max(applied)}, newer than this shardwatch ({SCHEMA_VERSION})"
            )
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    def schema_version(self) -> int:
        return self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]

    # -- writing --------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i: i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def write_batch(self, extractions: Iterable[Extraction]) -> int:
        """Write articles with all their records in one transaction; returns articles written.

        Articles already in the database are skipped, so re-running a batch adds nothing.
        """
        written = 0
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for extraction in extractions:
                article = extraction.article
                if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                    continue
                self._insert_article(article, now)
                for mention in extraction.mentions:
                    p = mention.place
                    self.db.execute(
                        "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (mention.article_id, mention.start, mention.end, mention.text, mention.label,
                         mention.actor_id, p and p.canonical, p and p.country, p and p.lat, p and p.lon,
                         p and p.precision, p and p.gazetteer_id),
                    )
                for event in extraction.events:
                    self._insert_event(event)
                for claim in extraction.claims:
                    self._insert_claim(claim)
                for quote in extraction.quotes:
                    self._insert_quote(quote)
                written += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return written

    def _insert_article(self, a: Article, now: str) -> None:
        self.db.execute(
            "INSERT INTO articles (id, title, source, url, published, published_precision, published_from,"
            " language, removed_lines, path, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, a.title, a.source, a.url, _iso(a.published), a.published_precision, a.published_from,
             a.language, a.removed_lines, a.path, a.text, now),
        )

    def _insert_event(self, e: Event) -> None:
        p = e.place
        k, w = e.killed, e.wounded
        values = {
            "id": e.id, "article_id": e.article_id, "kind": e.kind, "date": _iso(e.date),
            "date_precision": e.date_precision, "reported": _iso(e.reported), "modality": e.modality,
            "place_name": p and p.name, "place_canonical": p and p.canonical, "country": p and p.country,
            "lat": p and p.lat, "lon": p and p.lon, "place_precision": p and p.precision,
            "gazetteer_id": p and p.gazetteer_id,
            "killed_low": k and k.low, "killed_high": k and k.high, "killed_qualifier": k and k.qualifier,
            "killed_text": k and k.text,
            "wounded_low": w and w.low, "wounded_high": w and w.high, "wounded_qualifier": w and w.qualifier,
            "wounded_text": w and w.text,
            "target": e.target, "victims": e.victims, "weapon": e.weapon, "attack_type": e.attack_type,
            "weapon_type": e.weapon_type, "link": e.link, "change": e.change, "outcome": e.outcome,
            "means": e.means, "trigger": e.trigger, "confidence": e.confidence,
            # migration 2
            "claimed": None if e.claimed is None else int(e.claimed), "claimed_by": e.claimed_by,
            "relation": e.relation, "role": e.role,
        }
        columns = ", ".join(values)
        marks = ", ".join(f":{name}" for name in values)
        self.db.execute(f"INSERT INTO events ({columns}) VALUES ({marks})", values)
        for ref in e.actors:
            self.db.execute("INSERT OR IGNORE INTO event_actors VALUES (?,?,?,?,?)",
                            (e.id, ref.actor_id, ref.name, ref.role, ref.text))
        for seq, ev in enumerate(e.evidence):
            self.db.execute("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?,?)",
                            ("event", e.id, seq, ev.article_id, ev.start, ev.end, ev.text, ev.extractor, ev.version))

    # -- reading --------------------------------------------------------------------------

    def articles(self, *, since: dt.date | None = None, until: dt.date | None = None,
                 limit: int | None = None, with_text: bool = False, as_of: dt.date | None = None) -> list[Article]:
        where, args = [], []
        if as_of:
            where.append("published <= ?")
            args.append(as_of.isoformat())
        if since:
            where.append("published >= ?")
            args.append(since.isoformat())
        if until:
            where.append("published <= ?")
            args.append(until.isoformat())
        sql = "SELECT * FROM articles" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY published IS NULL, published, title"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [self._article(r, with_text=with_text) for r in self.db.execute(sql, args)]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row, with_text=True) if row else None

    @staticmethod
    def _article(row: sqlite3.Row, *, with_text: bool) -> Article:
        return Article(
            id=row["id"], text=row["text"] if with_text else "", title=row["title"], source=row["source"],
            url=row["url"], published=_date(row["published"]), published_precision=row["published_precision"],
            published_from=row["published_from"], language=row["language"], removed_lines=row["removed_lines"],
            path=row["path"],
        )

    def events(self, filters: EventFilter = EventFilter()) -> list[Event]:
        where, args = [], []
        if filters.kind:
            where.append("e.kind = ?")
            args.append(filters.kind)
        if filters.since:
            where.append("e.date >= ?")
            args.append(filters.since.isoformat())
        if filters.until:
            where.append("e.date <= ?")
            args.append(filters.until.isoformat())
        if filters.country:
            where.append("e.country = ?")
            args.append(filters.country.upper())
        if filters.actor:
            where.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ? OR lower(name) = lower(?) OR lower(text) = lower(?))")
            args += [filters.actor] * 3
        if filters.as_of:
            where.append("e.article_id IN (SELECT id FROM articles WHERE published <= ?)")
            args.append(filters.as_of.isoformat())
        sql = "SELECT e.* FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date IS NULL, e.date, e.id"
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        rows = self.db.execute(sql, args).fetchall()
        return [self._event(r) for r in rows]

    def _event(self, r: sqlite3.Row) -> Event:
        place = None
        if r["place_canonical"]:
            place = Place(r["place_name"], r["place_canonical"], r["country"], r["lat"], r["lon"],
                          r["gazetteer_id"], r["place_precision"])
        actors = tuple(ActorRef(a["actor_id"], a["name"], a["role"], a["text"] or "") for a in self.db.execute(
            "SELECT * FROM event_actors WHERE event_id = ? ORDER BY rowid", (r["id"],)))
        evidence = tuple(Evidence(v["article_id"], v["start"], v["end"], v["text"], v["extractor"], v["version"])
                         for v in self.db.execute("SELECT * FROM evidence WHERE record_type = 'event' AND record_id = ? ORDER BY seq", (r["id"],)))
        return Event(
            id=r["id"], kind=r["kind"], article_id=r["article_id"], date=_date(r["date"]),
            date_precision=r["date_precision"], reported=_date(r["reported"]), modality=r["modality"],
            place=place, actors=actors, evidence=evidence, trigger=r["trigger"], confidence=r["confidence"],
            killed=_quantity(r["killed_low"], r["killed_high"], r["killed_qualifier"], r["killed_text"]),
            wounded=_quantity(r["wounded_low"], r["wounded_high"], r["wounded_qualifier"], r["wounded_text"]),
            target=r["target"], victims=r["victims"], weapon=r["weapon"], attack_type=r["attack_type"],
            weapon_type=r["weapon_type"], link=r["link"], change=r["change"], outcome=r["outcome"], means=r["means"],
            claimed=None if r["claimed"] is None else bool(r["claimed"]), claimed_by=r["claimed_by"],
            relation=r["relation"], role=r["role"],
        )

    def search(self, query: str, *, limit: int = 20, as_of: dt.date | None = None) -> list[tuple[Article, str]]:
        """Articles matching an FTS5 query, best first, each with a snippet."""
        cutoff = " AND a.published <= ?" if as_of else ""
        args = (query, as_of.isoformat(), limit) if as_of else (query, limit)
        try:
            rows = self.db.execute(
                "SELECT a.*, snippet(articles_fts, 1, '[', ']', ' ... ', 12) AS snip FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?" + cutoff
                + " ORDER BY rank LIMIT ?",
                args,
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [(self._article(r, with_text=False), r["snip"]) for r in rows]

    def counts(self) -> dict[str, object]:
        """Totals for a summary: articles, events by kind, places, countries."""
        by_kind = dict(self.db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind").fetchall())
        return {
            "articles": self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "undated_articles": self.db.execute("SELECT COUNT(*) FROM articles WHERE published IS NULL").fetchone()[0],
            "events": sum(by_kind.values()),
            "events_by_kind": by_kind,
            "places": self.db.execute("SELECT COUNT(DISTINCT place_canonical) FROM mentions WHERE place_canonical IS NOT NULL").fetchone()[0],
            "countries": self.db.execute("SELECT COUNT(DISTINCT country) FROM mentions WHERE country IS NOT NULL").fetchone()[0],
            "event_places": self.db.execute("SELECT COUNT(DISTINCT place_canonical) FROM events WHERE place_canonical IS NOT NULL").fetchone()[0],
        }

    # -- near-duplicates and incidents (issue 5) ------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is written, or nothing."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def unsketched_articles(self) -> list[Article]:
        """Articles (with text) not yet checked for near-duplicates, in ingest order."""
        rows = self.db.execute(
            "SELECT a.* FROM articles a LEFT JOIN article_sketches s ON s.article_id = a.id"
            " WHERE s.article_id IS NULL ORDER BY a.rowid").fetchall()
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
        self.db.execute("INSERT OR REPLACE INTO article_sketches VALUES (?,?,?)", (article_id, shingles, signature))
        self.db.executemany("INSERT OR IGNORE INTO article_lsh VALUES (?,?,?)",
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
            self.db.execute("INSERT OR REPLACE INTO article_duplicates VALUES (?,?,?)",
                            (article_id, original_id, similarity))

    _FACTS_SQL = (
        "SELECT e.id, e.kind, e.article_id, e.date, e.date_precision, e.reported, e.country, e.place_canonical,"
        " e.lat, e.lon, e.place_precision, e.killed_low, e.killed_high, e.target,"
        " a.published AS article_published, a.rowid AS article_seq,"
        " COALESCE((SELECT d.original_id FROM article_duplicates d WHERE d.article_id = e.article_id),"
        "  e.article_id) AS article_group,"
        " (SELECT group_concat(actor_id, char(31)) FROM event_actors x WHERE x.event_id = e.id"
        "  AND x.role = 'perpetrator') AS orgs,"
        " (SELECT group_concat(actor_id, char(31)) FROM event_actors x WHERE x.event_id = e.id"
        "  AND x.role = 'perpetrator_individual') AS people"
    )

    def unresolved_event_rows(self) -> list[sqlite3.Row]:
        """The resolution facts of every event not yet in an incident."""
        return self.db.execute(
            self._FACTS_SQL + " FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN incident_events ie ON ie.event_id = e.id WHERE ie.event_id IS NULL").fetchall()

    def incident_event_rows(self, incident_ids: Iterable[str]) -> list[sqlite3.Row]:
        """The resolution facts of the members of these incidents, each with ``incident_id``."""
        rows: list[sqlite3.Row] = []
        for chunk in _chunks(list(incident_ids)):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                self._FACTS_SQL + ", ie.incident_id, i.kind AS incident_kind, i.seq AS incident_seq"
                " FROM incident_events ie JOIN incidents i ON i.id = ie.incident_id"
                " JOIN events e ON e.id = ie.event_id JOIN articles a ON a.id = e.article_id"
                f" WHERE ie.incident_id IN ({marks})", chunk).fetchall()
        return rows

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
        self.db.executemany("INSERT INTO incidents (id, kind, seq, created_at) VALUES (?,?,?,?)",
                            [(i, kind, seq, now) for i, kind, seq in created])
        for old, survivor in merged.items():
            self.db.execute("UPDATE incidents SET merged_into = ? WHERE id = ?", (survivor, old))
            self.db.execute("UPDATE incident_events SET incident_id = ? WHERE incident_id = ?", (survivor, old))
            self.db.execute("DELETE FROM incident_keys WHERE incident_id = ?", (old,))
        self.db.executemany("INSERT OR REPLACE INTO incident_events VALUES (?,?)", list(assigned.items()))
        for incident, incident_keys in keys.items():
            self.db.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident,))
            self.db.executemany("INSERT INTO incident_keys VALUES (?,?)", [(k, incident) for k in incident_keys])

    def incident_members(self, filters: EventFilter = EventFilter(), *, incident_id: str | None = None
                         ) -> list[tuple[str, str, int, Event, Article]]:
        """(incident id, kind, seq, event, article) for every member event of the live incidents,
        restricted to articles published by ``filters.as_of`` and to ``filters.kind``."""
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
            out.append((r["incident_id"], r["incident_kind"], r["incident_seq"], self._event(r), article))
        return out

    def incidents(self, filters: EventFilter = EventFilter(), *, min_sources: int | None = None) -> list[Incident]:
        """Incidents as they stood ``filters.as_of`` (default: now), filtered like events:
        ``since``/``until`` on the incident's date, ``country`` and ``actor`` on its place and actors."""
        from shardwatch.resolve.incident_view import assemble_all

        found = assemble_all(self.incident_members(replace(filters, limit=None)), self.duplicate_links())
        out = []
        for incident in found:
            if filters.since and (incident.date is None or incident.date < filters.since):
                continue
            if filters.until and (incident.date is None or incident.date > filters.until):
                continue
            if filters.country and (incident.place is None or incident.place.country != filters.country.upper()):
                continue
            if filters.actor and not any(filters.actor.lower() in (a.actor_id.lower(), a.name.lower())
                                         for a in incident.actors):
                continue
            if min_sources and incident.independent_sources < min_sources:
                continue
            out.append(incident)
        return out[: filters.limit] if filters.limit else out

    def incident(self, incident_id: str, *, as_of: dt.date | None = None) -> Incident | None:
        """One incident by id; an id merged into another gives the incident it merged into."""
        row = self.db.execute("SELECT merged_into FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        seen = set()
        while row and row[0] and row[0] not in seen:
            seen.add(row[0])
            incident_id = row[0]
            row = self.db.execute("SELECT merged_into FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        from shardwatch.resolve.incident_view import assemble_all

        found = assemble_all(self.incident_members(EventFilter(as_of=as_of), incident_id=incident_id),
                             self.duplicate_links())
        return found[0] if found else None

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
            "INSERT OR IGNORE INTO mentions (article_id, start, end, text, label, actor_id) VALUES (?,?,?,?,?,?)",
            [(m.article_id, m.start, m.end, m.text, m.label, m.actor_id) for m in mentions])

    def actor_mention_counts(self) -> dict[str, tuple[int, int]]:
        """Canonical actor id -> (mentions, articles) across the corpus."""
        return {r[0]: (r[1], r[2]) for r in self.db.execute(
            "SELECT actor_id, COUNT(*), COUNT(DISTINCT article_id) FROM mentions WHERE actor_id IS NOT NULL"
            " GROUP BY actor_id")}


    # -- claims and quotes (issue 4) --------------------------------------------------------

    def _insert_evidence(self, record_type: str, record_id: str, evidence: tuple[Evidence, ...]) -> None:
        for seq, ev in enumerate(evidence):
            self.db.execute("INSERT OR IGNORE INTO evidence VALUES (?,?,?,?,?,?,?,?,?)",
                            (record_type, record_id, seq, ev.article_id, ev.start, ev.end, ev.text, ev.extractor,
                             ev.version))

    def _insert_claim(self, c: Claim) -> None:
        countries = ";" + ";".join(c.scope_countries) + ";" if c.scope_countries else None
        self.db.execute(
            "INSERT OR IGNORE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (c.id, c.article_id, c.measure, c.measure_text, c.subject_id, c.subject_name, c.scope, countries, c.basis,
             c.low, c.high, c.unit, c.qualifier, c.value_text, c.total, _iso(c.as_of), c.as_of_precision, c.as_of_text,
             c.claimant.name, c.claimant.role, c.claimant.kind, c.claimant.actor_id, _iso(c.reported), c.modality),
        )
        self._insert_evidence("claim", c.id, c.evidence)

    def _insert_quote(self, q: Quote) -> None:
        self.db.execute("INSERT OR IGNORE INTO quotes VALUES (?,?,?,?,?,?,?,?)",
                        (q.id, q.article_id, q.speaker.name, q.speaker.role, q.speaker.kind, q.speaker.actor_id, q.text,
                         int(q.direct)))
        self._insert_evidence("quote", q.id, q.evidence)

    def _evidence_of(self, record_type: str, record_id: str) -> tuple[Evidence, ...]:
        return tuple(Evidence(v["article_id"], v["start"], v["end"], v["text"], v["extractor"], v["version"])
                     for v in self.db.execute("SELECT * FROM evidence WHERE record_type = ? AND record_id = ? ORDER BY seq",
                                              (record_type, record_id)))

    def claims(self, filters: ClaimFilter = ClaimFilter()) -> list[Claim]:
        """Claims matching the filters, by measure, scope and as-of date."""
        where, args = [], []
        if filters.measure:
            where.append("c.measure = ?")
            args.append(filters.measure)
        if filters.since:
            where.append("c.as_of >= ?")
            args.append(filters.since.isoformat())
        if filters.until:
            where.append("c.as_of <= ?")
            args.append(filters.until.isoformat())
        if filters.country:
            where.append("c.scope_countries LIKE ?")
            args.append(f"%;{filters.country.upper()};%")
        if filters.actor:
            where.append("(c.subject_id = ? OR c.claimant_id = ? OR lower(c.subject_name) = lower(?)"
                         " OR lower(c.claimant_name) = lower(?))")
            args += [filters.actor] * 4
        if filters.as_of:
            where.append("a.published IS NOT NULL AND a.published <= ?")
            args.append(filters.as_of.isoformat())
        sql = ("SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY c.measure, c.scope IS NULL, c.scope, c.as_of IS NULL, c.as_of, c.id")
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        return [self._claim(r) for r in self.db.execute(sql, args).fetchall()]

    def _claim(self, r: sqlite3.Row) -> Claim:
        countries = tuple(c for c in (r["scope_countries"] or "").split(";") if c)
        return Claim(
            id=r["id"], article_id=r["article_id"], measure=r["measure"], measure_text=r["measure_text"] or "",
            low=r["low"], high=r["high"], unit=r["unit"], qualifier=r["qualifier"], value_text=r["value_text"],
            as_of=_date(r["as_of"]), as_of_precision=r["as_of_precision"],
            claimant=Claimant(r["claimant_name"], r["claimant_role"], r["claimant_kind"], r["claimant_id"]),
            evidence=self._evidence_of("claim", r["id"]), subject_id=r["subject_id"], subject_name=r["subject_name"],
            scope=r["scope"], scope_countries=countries, basis=r["basis"], total=r["total"],
            as_of_text=r["as_of_text"], reported=_date(r["reported"]), modality=r["modality"],
        )

    def quotes(self, filters: ClaimFilter = ClaimFilter()) -> list[Quote]:
        """Quotes matching the filters (dates are publication dates; country is any place the
        article names; actor is the speaker), in article order."""
        where, args = [], []
        if filters.since:
            where.append("a.published >= ?")
            args.append(filters.since.isoformat())
        if filters.until:
            where.append("a.published <= ?")
            args.append(filters.until.isoformat())
        if filters.as_of:
            where.append("a.published IS NOT NULL AND a.published <= ?")
            args.append(filters.as_of.isoformat())
        if filters.country:
            where.append("q.article_id IN (SELECT article_id FROM mentions WHERE country = ?)")
            args.append(filters.country.upper())
        if filters.actor:
            where.append("(q.speaker_id = ? OR lower(q.speaker_name) = lower(?))")
            args += [filters.actor] * 2
        sql = ("SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published IS NULL, a.published, q.article_id, q.rowid")
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        return [Quote(r["id"], r["article_id"], Claimant(r["speaker_name"], r["speaker_role"], r["speaker_kind"],
                                                         r["speaker_id"]), r["text"], bool(r["direct"]),
                      self._evidence_of("quote", r["id"]))
                for r in self.db.execute(sql, args).fetchall()]

    def claim_counts(self) -> dict[str, int]:
        """Totals of claims and quotes, for summaries."""
        return {"claims": self.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0],
                "quotes": self.db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]}




def _chunks(items: list, size: int = 400) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements; a trigger body's semicolons stay inside it."""
    buffer = ""
    for line in sql.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
