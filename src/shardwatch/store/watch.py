"""The store's side of ``shardwatch watch``: each polled source's state (migration 8) and the
feed entries already in the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from shardwatch.types import WatchedSource

_COLUMNS = ("source", "kind", "last_polled", "status", "detail", "etag", "last_modified", "items_seen",
            "items_new", "items_failed", "polls", "last_new")


class WatchRecords:
    """Polled sources and their seen items (a part of ``Store``)."""

    db: sqlite3.Connection

    def watched_source(self, source: str) -> WatchedSource | None:
        """The state the last poll of ``source`` left, or None if it was never polled."""
        row = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources WHERE source = ?",
                              (source,)).fetchone()
        return WatchedSource(**dict(zip(_COLUMNS, row))) if row else None

    def watched_sources(self) -> list[WatchedSource]:
        """Every polled source, the most recently polled first; [] for a database of an older
        schema (no watch tables yet)."""
        try:
            rows = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM watch_sources"
                                   " ORDER BY last_polled DESC, source").fetchall()
        except sqlite3.OperationalError:
            return []
        return [WatchedSource(**dict(zip(_COLUMNS, row))) for row in rows]

    def seen_items(self, source: str) -> set[str]:
        """The items (feed entry keys) of ``source`` that are already in the database."""
        return {r[0] for r in self.db.execute("SELECT item FROM watch_items WHERE source = ?", (source,))}

    def record_poll(self, state: WatchedSource, items: Iterable[tuple[str, str | None]] = ()) -> None:
        """Save a poll's result, and the (item key, article id) pairs it got into the database,
        in one transaction; ``polls`` counts up from the stored value, whatever ``state`` says."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                f"INSERT INTO watch_sources ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
                " ON CONFLICT(source) DO UPDATE SET kind = excluded.kind, last_polled = excluded.last_polled,"
                " status = excluded.status, detail = excluded.detail, etag = excluded.etag,"
                " last_modified = excluded.last_modified, items_seen = excluded.items_seen,"
                " items_new = excluded.items_new, items_failed = excluded.items_failed,"
                " polls = watch_sources.polls + 1,"
                " last_new = COALESCE(excluded.last_new, watch_sources.last_new)",
                tuple(getattr(state, c) for c in _COLUMNS[:-2]) + (1, state.last_new))
            self.db.executemany("INSERT OR IGNORE INTO watch_items VALUES (?, ?, ?, ?)",
                                [(state.source, key, article_id, state.last_polled) for key, article_id in items])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
