"""The store's claims and quotes tables."""

from __future__ import annotations

import sqlite3

from shardwatch.store.common import ClaimFilter, _actor_ids, _date, _iso, _marks
from shardwatch.types import Claim, Claimant, Evidence, Quote


class ClaimRecords:
    """Claims and quotes with their evidence (a part of ``Store``)."""

    db: sqlite3.Connection

    def _insert_evidence(self, record_type: str, record_id: str, evidence: tuple[Evidence, ...]) -> None:
        for seq, ev in enumerate(evidence):
            self.db.execute("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                            (record_type, record_id, seq, ev.article_id, ev.start, ev.end, ev.text, ev.extractor,
                             ev.version))

    def _insert_claim(self, c: Claim) -> None:
        countries = ";" + ";".join(c.scope_countries) + ";" if c.scope_countries else None
        self.db.execute(
            "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (c.id, c.article_id, c.measure, c.measure_text, c.subject_id, c.subject_name, c.scope, countries, c.basis,
             c.low, c.high, c.unit, c.qualifier, c.value_text, c.total, _iso(c.as_of), c.as_of_precision, c.as_of_text,
             c.claimant.name, c.claimant.role, c.claimant.kind, c.claimant.actor_id, _iso(c.reported), c.modality),
        )
        self._insert_evidence("claim", c.id, c.evidence)

    def _insert_quote(self, q: Quote) -> None:
        self.db.execute("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
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
            ids = _actor_ids(filters.actor)
            where.append(f"(c.subject_id IN ({_marks(ids)}) OR c.claimant_id IN ({_marks(ids)})"
                         " OR lower(c.subject_name) = lower(?) OR lower(c.claimant_name) = lower(?))")
            args += [*ids, *ids, filters.actor, filters.actor]
        if filters.as_of:
            where.append("a.published IS NOT NULL AND a.published <= ?")
            args.append(filters.as_of.isoformat())
        sql = ("SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY c.measure, c.scope IS NULL, c.scope, c.as_of IS NULL, c.as_of, c.id")
        if filters.limit:
            sql += f" LIMIT {int(filters.limit)}"
        return [self._claim(r) for r in self.db.execute(sql, args).fetchall()]

    def _claim(self, r) -> Claim:
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
            ids = _actor_ids(filters.actor)
            where.append(f"(q.speaker_id IN ({_marks(ids)}) OR lower(q.speaker_name) = lower(?))")
            args += [*ids, filters.actor]
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
