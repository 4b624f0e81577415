"""The SQLite store: the only module that writes the database.

WAL mode (readers work while an ingest writes), FTS5 over article text, numbered migrations
recorded in ``schema_migrations``, and one transaction per batch of articles, so that an
interrupted ingest leaves whole articles or none.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from shardwatch.errors import StoreError
from shardwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from shardwatch.types import ActorRef, Article, Claim, Claimant, Event, Evidence, Extraction, Place, Quantity, Quote

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
        self.db.execute(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (e.id, e.article_id, e.kind, _iso(e.date), e.date_precision, _iso(e.reported), e.modality,
             p and p.name, p and p.canonical, p and p.country, p and p.lat, p and p.lon, p and p.precision,
             p and p.gazetteer_id,
             k and k.low, k and k.high, k and k.qualifier, k and k.text,
             w and w.low, w and w.high, w and w.qualifier, w and w.text,
             e.target, e.victims, e.weapon, e.attack_type, e.weapon_type, e.link, e.change, e.outcome, e.means,
             e.trigger, e.confidence),
        )
        for ref in e.actors:
            self.db.execute("INSERT OR IGNORE INTO event_actors VALUES (?,?,?,?,?)",
                            (e.id, ref.actor_id, ref.name, ref.role, ref.text))
        for seq, ev in enumerate(e.evidence):
            self.db.execute("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?,?)",
                            ("event", e.id, seq, ev.article_id, ev.start, ev.end, ev.text, ev.extractor, ev.version))

    # -- reading --------------------------------------------------------------------------

    def articles(self, *, since: dt.date | None = None, until: dt.date | None = None,
                 limit: int | None = None, with_text: bool = False) -> list[Article]:
        where, args = [], []
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
        )

    def search(self, query: str, *, limit: int = 20) -> list[tuple[Article, str]]:
        """Articles matching an FTS5 query, best first, each with a snippet."""
        try:
            rows = self.db.execute(
                "SELECT a.*, snippet(articles_fts, 1, '[', ']', ' ... ', 12) AS snip FROM articles_fts"
                " JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
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
