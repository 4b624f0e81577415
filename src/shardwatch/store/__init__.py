"""The store: the only module that writes the database.

SQLite by default (one file; WAL mode, so readers work while an ingest writes; FTS5 over article
text), or PostgreSQL for a store a team shares (``postgresql://...``; a GIN ``tsvector`` index
over article text). Both behind this one class, with one set of queries (``store.dialect`` holds
what differs): numbered migrations recorded in ``schema_migrations``, and one transaction per
batch of articles, so that an interrupted ingest leaves whole articles or none.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from shardwatch.errors import StoreError
from shardwatch.store.claims import ClaimRecords
from shardwatch.store.common import ClaimFilter, EventFilter, _actor_ids, _date, _iso, _marks, _quantity
from shardwatch.store.dialect import PG_FTS_VECTOR, SQLITE, PgConnection, is_postgres, pg_ddl, postgres
from shardwatch.store.fts import fts_query, pg_tsquery
from shardwatch.store.incidents import IncidentMember, IncidentRecords, StoredEventFacts
from shardwatch.store.places import CorpusPlaceRecords
from shardwatch.store.reextract import ExtractionRecords
from shardwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from shardwatch.store.watch import WatchRecords
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place

__all__ = ["ClaimFilter", "EventFilter", "IncidentMember", "Store", "StoredEventFacts", "SCHEMA_VERSION",
           "display_name"]


class Store(IncidentRecords, ClaimRecords, ExtractionRecords, WatchRecords, CorpusPlaceRecords):
    """A shardwatch database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self.dialect = SQLITE
        if is_postgres(self.path):
            self._open_postgres()
            return
        if readonly and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: run `shardwatch ingest` first")
        try:
            if readonly and self.path != ":memory:":
                # mode=ro: SQLite itself refuses every write, so reading never migrates, never
                # switches the journal mode and never creates the file.
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if readonly:
                self.db.execute("PRAGMA query_only = ON")
                self._check_version()
            else:
                if self.path != ":memory:":
                    self.db.execute("PRAGMA journal_mode = WAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def _open_postgres(self) -> None:
        try:
            self.dialect = postgres()
        except ImportError as exc:
            raise StoreError("a postgresql:// store needs psycopg: pip install 'shardwatch[postgres]'") from exc
        try:
            self.db = PgConnection(self.path, readonly=self.readonly)
            if self.readonly:
                self._check_version()
            else:
                self._migrate()
        except self.dialect.data_errors + (_pg_error(),) as exc:
            raise StoreError(f"cannot open database {display_name(self.path)}: {str(exc).strip()}") from exc

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
                f"database {display_name(self.path)} has schema version {max(applied)}, newer than this shardwatch ({SCHEMA_VERSION})"
            )
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            self._begin(serialised=True)
            try:
                # another process may have applied it while this one waited for the lock
                if self.db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    self.db.execute("COMMIT")
                    continue
                for statement in _statements(sql):
                    for translated in ([statement] if self.dialect is SQLITE else pg_ddl(statement)):
                        self.db.execute(translated)
                self.db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise

    def _begin(self, *, serialised: bool) -> None:
        """Open a write transaction: ``serialised`` ones (migrations, resolution) run one at a
        time on either engine; a batch's may run beside others on PostgreSQL."""
        for statement in self.dialect.begin_serialised if serialised else self.dialect.begin_batch:
            self.db.execute(statement)

    def _check_version(self) -> None:
        """A read-only store reads any schema up to ours (older ones lack some tables, which the
        readers of those records report as "none yet"), and refuses a newer one."""
        version = self.schema_version()
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this shardwatch ({SCHEMA_VERSION})"
            )

    def schema_version(self) -> int | None:
        """The newest migration applied (None for a database shardwatch never wrote)."""
        try:
            return self.db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
        except self.dialect.missing_table_errors:  # no schema_migrations table: not a shardwatch database yet
            return None

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
        self._begin(serialised=False)
        try:
            for extraction in extractions:
                article = extraction.article
                if not self._insert_article(article, now, parsed=extraction.parsed):
                    continue  # held already (or written by another writer meanwhile)
                for mention in extraction.mentions:
                    p = mention.place
                    self.db.execute(
                        "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
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
                self._record_version(article.id, extraction.version, now)
                written += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return written

    def _insert_article(self, a: Article, now: str, *, parsed: bool = True) -> bool:
        """Insert an article; False when one of its id is held already."""
        return self.db.execute(
            "INSERT INTO articles (id, title, source, url, published, published_precision, published_from,"
            " language, removed_lines, path, text, ingested_at, parsed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (id) DO NOTHING RETURNING id",
            (a.id, a.title, a.source, a.url, _iso(a.published), a.published_precision, a.published_from,
             a.language, a.removed_lines, a.path, a.text, now, int(parsed)),
        ).fetchone() is not None

    def _insert_event(self, e: Event, *, upsert: bool = False) -> None:
        """Insert an event with its actors and evidence; with ``upsert`` an event of the same id
        is updated in place (its incident membership stays), its actors and evidence replaced."""
        p = e.place
        k, w = e.killed, e.wounded
        values = {
            "id": e.id, "article_id": e.article_id, "kind": e.kind, "date": _iso(e.date),
            "date_precision": e.date_precision, "reported": _iso(e.reported), "modality": e.modality,
            "place_name": p and p.name, "place_canonical": p and p.canonical, "country": p and p.country,
            "lat": p and p.lat, "lon": p and p.lon, "place_precision": p and p.precision,
            "gazetteer_id": p and p.gazetteer_id, "admin1": p and p.admin1, "place_written": p and p.written,
            "place_located_at": p and p.located_at,
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
        conflict = ""
        if upsert:
            conflict = " ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{n} = excluded.{n}" for n in values if n != "id")
            self.db.execute("DELETE FROM event_actors WHERE event_id = ?", (e.id,))
            self.db.execute("DELETE FROM evidence WHERE record_type = 'event' AND record_id = ?", (e.id,))
        self.db.execute(f"INSERT INTO events ({columns}) VALUES ({marks}){conflict}", values)
        for ref in e.actors:
            self.db.execute("INSERT INTO event_actors VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
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
        sql += " ORDER BY published IS NULL, published, title IS NOT NULL, title, rowid"  # NULL titles first, as SQLite sorts them
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [self._article(r, with_text=with_text) for r in self.db.execute(sql, args)]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._article(row, with_text=True) if row else None

    @staticmethod
    def _article(row, *, with_text: bool) -> Article:
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
            ids = _actor_ids(filters.actor)
            where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({_marks(ids)})"
                         " OR lower(name) = lower(?) OR lower(text) = lower(?))")
            args += [*ids, filters.actor, filters.actor]
        if filters.as_of:
            where.append("e.article_id IN (SELECT id FROM articles WHERE published <= ?)")
            args.append(filters.as_of.isoformat())
        sql = "SELECT e.* FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY e.date IS NULL, e.date, e.id"
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        rows = self.db.execute(sql, args).fetchall()
        return [self._event(r) for r in rows]

    def _event(self, r) -> Event:
        place = None
        if r["place_canonical"]:
            place = Place(r["place_name"], r["place_canonical"], r["country"], r["lat"], r["lon"],
                          r["gazetteer_id"], r["place_precision"], r["admin1"], r["place_written"],
                          r["place_located_at"])
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
        """Articles matching a search, best first, each with a snippet. Words are matched as
        words (``al-Adnani``, ``U.S.``); "phrases", AND/OR/NOT/NEAR, ``word*`` and ``title:word``
        keep their FTS5 meaning (``store.fts``)."""
        if self.dialect is not SQLITE:
            return self._search_postgres(query, limit=limit, as_of=as_of)
        cutoff = " AND a.published <= ?" if as_of else ""
        match = fts_query(query)
        args = (match, as_of.isoformat(), limit) if as_of else (match, limit)
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

    def _search_postgres(self, query: str, *, limit: int, as_of: dt.date | None) -> list[tuple[Article, str]]:
        """``search`` on PostgreSQL: the same query language as a tsquery (``fts.pg_tsquery``),
        ranked by ``ts_rank``, the snippet by ``ts_headline`` in FTS5's marks."""
        try:
            tsquery, args = pg_tsquery(query)
        except ValueError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        cutoff = " AND a.published <= ?" if as_of else ""
        rows = self.db.execute(
            "SELECT a.*, ts_headline('simple', a.text, s.q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4,"
            " MaxFragments=2, FragmentDelimiter=\" ... \"') AS snip"
            f" FROM (SELECT {tsquery} AS q) s JOIN articles a ON {PG_FTS_VECTOR} @@ s.q" + cutoff
            + f" ORDER BY ts_rank({PG_FTS_VECTOR}, s.q) DESC, a.rowid LIMIT ?",
            [*args, *([as_of.isoformat()] if as_of else []), limit]).fetchall()
        return [(self._article(r, with_text=False), r["snip"]) for r in rows]

    def counts(self) -> dict[str, object]:
        """Totals for a summary: articles, events by kind, places, countries."""
        by_kind = dict(self.db.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind ORDER BY kind").fetchall())
        return {
            "articles": self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            "undated_articles": self.db.execute("SELECT COUNT(*) FROM articles WHERE published IS NULL").fetchone()[0],
            "unparsed_articles": self.unparsed_count(),
            "events": sum(by_kind.values()),
            "events_by_kind": by_kind,
            "places": self.db.execute("SELECT COUNT(DISTINCT place_canonical) FROM mentions WHERE place_canonical IS NOT NULL").fetchone()[0],
            "countries": self.db.execute("SELECT COUNT(DISTINCT country) FROM mentions WHERE country IS NOT NULL").fetchone()[0],
            "event_places": self.db.execute("SELECT COUNT(DISTINCT place_canonical) FROM events WHERE place_canonical IS NOT NULL").fetchone()[0],
        }

    def unparsed_count(self) -> int:
        """Articles the relevance cascade kept from the parser (0 on a schema before 6)."""
        try:
            return self.db.execute("SELECT COUNT(*) FROM articles WHERE parsed = 0").fetchone()[0]
        except self.dialect.missing_table_errors:  # a read-only database of an older schema
            return 0

    def unparsed_article_ids(self) -> list[str]:
        """Ids of the articles stored without parsing, for a later re-extraction."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE parsed = 0 ORDER BY rowid")]

    # -- near-duplicates and incidents (issue 5) ------------------------------------------

    def table_names(self) -> set[str]:
        """The tables and views of the database."""
        if self.dialect is SQLITE:
            sql = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        else:
            sql = ("SELECT table_name FROM information_schema.tables"
                   " WHERE table_schema = ANY (current_schemas(false))")
        return {row[0] for row in self.db.execute(sql)}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is written, or nothing. Transactions run
        one at a time (on PostgreSQL too: corpus-wide resolution must see every write before)."""
        self._begin(serialised=True)
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise


def _pg_error() -> type[BaseException]:
    import psycopg

    return psycopg.Error


def display_name(path: str | Path) -> str:
    """A database name fit to show: a path as it is, a URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", str(path))


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
