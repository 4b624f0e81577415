"""The store's side of re-extraction: which articles' records came from an older extraction,
and replacing an article's records with new ones, keeping the ids (and the incident membership
of events) of records that are still there."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping

from shardwatch.types import Extraction, RecordChanges

# The event columns and actor roles that incident resolution reads (``StoredEventFacts``): an
# event re-extracted with the same values keeps its incident; one whose values changed is
# resolved again.
_RESOLUTION_COLUMNS = ("kind", "date", "date_precision", "reported", "country", "place_canonical", "lat", "lon",
                       "place_precision", "killed_low", "killed_high", "target")
_RESOLUTION_ROLES = ("perpetrator", "perpetrator_individual")
_TABLES = {"event": "events", "claim": "claims", "quote": "quotes"}


class ExtractionRecords:
    """Extraction versions and record replacement (a part of ``Store``)."""

    db: sqlite3.Connection

    def _record_version(self, article_id: str, version: str, now: str) -> None:
        if version:
            self.db.execute("INSERT INTO article_extractions VALUES (?,?,?) ON CONFLICT (article_id) DO UPDATE SET"
                            " version = excluded.version, extracted_at = excluded.extracted_at",
                            (article_id, version, now))

    def extraction_versions(self) -> dict[str, int]:
        """How many articles each extraction version made ('' for articles that predate
        versions)."""
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT COALESCE(x.version, ''), COUNT(*) FROM articles a"
            " LEFT JOIN article_extractions x ON x.article_id = a.id GROUP BY 1 ORDER BY 2 DESC, 1")}

    def stale_article_ids(self, version: str, extractor_versions: Mapping[str, str]) -> list[str]:
        """Articles, in ingest order, extracted under another ``version`` than the given one (or
        before versions were recorded; not those the relevance cascade kept from the parser,
        which hold no records: ``all_article_ids`` takes them too), or holding evidence whose extractor's version is not
        the current one in ``extractor_versions`` (an extractor missing there counts as old)."""
        pairs = list(extractor_versions.items())
        current = " OR ".join("(v.extractor = ? AND v.version = ?)" for _ in pairs) or "FALSE"
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN article_extractions x ON x.article_id = a.id"
            " WHERE a.parsed = 1 AND (x.version IS NULL OR x.version != ?"
            f" OR EXISTS (SELECT 1 FROM evidence v WHERE v.article_id = a.id AND NOT ({current})))"
            " ORDER BY a.rowid",
            [version, *(item for pair in pairs for item in pair)]).fetchall()
        return [r[0] for r in rows]

    def all_article_ids(self) -> list[str]:
        """Every article, in ingest order."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rowid")]

    def replace_extractions(self, extractions: Iterable[Extraction]) -> dict[str, RecordChanges]:
        """Replace the events, claims, quotes and mentions of stored articles with new ones, in
        one transaction, and record the extraction version. A record whose id comes back keeps
        it; an event whose resolution values are unchanged keeps its incident, others are left
        for the next resolution run. Returns the changes by record type."""
        counts = {kind: {"kept": 0, "changed": 0, "added": 0, "removed": 0} for kind in _TABLES}
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self._begin(serialised=False)
        try:
            for extraction in extractions:
                article_id = extraction.article.id
                if self.dialect.skip_locked and not self.db.execute(
                        "SELECT id FROM articles WHERE id = ?" + self.dialect.skip_locked.format(table="articles"),
                        (article_id,)).fetchone():
                    continue  # claimed by another worker re-extracting it now (PostgreSQL)
                before = {kind: self._snapshots(kind, article_id) for kind in _TABLES}
                facts_before = self._resolution_facts(article_id)
                new_ids = {"event": {e.id for e in extraction.events}, "claim": {c.id for c in extraction.claims},
                           "quote": {q.id for q in extraction.quotes}}
                for kind, table in _TABLES.items():
                    gone = set(before[kind]) - new_ids[kind]
                    self._delete(kind, table, gone)
                    if kind != "event":  # claims and quotes are referenced by nothing: written anew
                        self._delete(kind, table, set(before[kind]) & new_ids[kind])
                self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
                self.db.executemany(
                    "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                    [(m.article_id, m.start, m.end, m.text, m.label, m.actor_id, m.place and m.place.canonical,
                      m.place and m.place.country, m.place and m.place.lat, m.place and m.place.lon,
                      m.place and m.place.precision, m.place and m.place.gazetteer_id) for m in extraction.mentions])
                for event in extraction.events:
                    self._insert_event(event, upsert=True)
                for claim in extraction.claims:
                    self._insert_claim(claim)
                for quote in extraction.quotes:
                    self._insert_quote(quote)
                facts_after = self._resolution_facts(article_id)
                moved = [i for i in facts_after if i in facts_before and facts_after[i] != facts_before[i]]
                self.db.executemany("DELETE FROM incident_events WHERE event_id = ?", [(i,) for i in moved])
                for kind in _TABLES:
                    after = self._snapshots(kind, article_id)
                    tally = counts[kind]
                    tally["removed"] += len(set(before[kind]) - set(after))
                    tally["added"] += len(set(after) - set(before[kind]))
                    for record_id in set(after) & set(before[kind]):
                        tally["kept" if after[record_id] == before[kind][record_id] else "changed"] += 1
                self._record_version(article_id, extraction.version, now)
                if extraction.parsed:  # an article the cascade had kept from the parser is parsed now
                    self.db.execute("UPDATE articles SET parsed = 1 WHERE id = ?", (article_id,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return {kind: RecordChanges(**tally) for kind, tally in counts.items()}

    def _delete(self, kind: str, table: str, ids: set[str]) -> None:
        for record_id in ids:
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
            self.db.execute("DELETE FROM evidence WHERE record_type = ? AND record_id = ?", (kind, record_id))

    def _snapshots(self, kind: str, article_id: str) -> dict[str, tuple]:
        """Each record of one article by id, as the values of its row, its actors (events) and
        its evidence: two snapshots are equal when the record is the same."""
        out: dict[str, tuple] = {}
        for row in self.db.execute(f"SELECT * FROM {_TABLES[kind]} WHERE article_id = ?", (article_id,)):
            record_id = row["id"]
            actors = ()
            if kind == "event":
                actors = tuple(tuple(a) for a in self.db.execute(
                    "SELECT actor_id, name, role, text FROM event_actors WHERE event_id = ? ORDER BY rowid",
                    (record_id,)))
            evidence = tuple(tuple(v) for v in self.db.execute(
                'SELECT seq, article_id, start, "end", text, extractor, version FROM evidence'
                " WHERE record_type = ? AND record_id = ? ORDER BY seq", (kind, record_id)))
            # the extractor's version is left out: a record the new code finds unchanged is kept
            # (PostgreSQL's rowid column is where a row was written, not what it holds)
            values = tuple(v for name, v in zip(row.keys(), row) if name != "rowid")
            out[record_id] = (values, actors, tuple(v[:-1] for v in evidence))
        return out

    def _resolution_facts(self, article_id: str) -> dict[str, tuple]:
        out: dict[str, tuple] = {}
        columns = ", ".join(_RESOLUTION_COLUMNS)
        for row in self.db.execute(f"SELECT id, {columns} FROM events WHERE article_id = ?", (article_id,)):
            roles = tuple(tuple(a) for a in self.db.execute(
                "SELECT actor_id, role FROM event_actors WHERE event_id = ? AND role IN (?, ?) ORDER BY actor_id, role",
                (row[0], *_RESOLUTION_ROLES)))
            out[row[0]] = (tuple(row[1:]), roles)
        return out
