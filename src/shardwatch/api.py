"""The Python API: every operation of shardwatch as a function returning records or DataFrames.

The command line (``shardwatch.cli``) and the HTTP server (``shardwatch.serve``) are thin shells
over this module, as sqlite-utils' CLI is over its ``Database``::

    import shardwatch.api as sw

    with sw.open("shardwatch.db") as db:
        attacks = db.events(kind="attack", actor="Daesh", since=datetime.date(2016, 1, 1))
        frame = db.incidents(country="FR", frame=True)

Every listing takes the same keyword filters (``since``, ``until``, ``country``, ``actor``,
``kind``, ``as_of``, ``limit``, and ``measure`` / ``min_sources`` where they mean something);
a filter that does not apply to a listing raises ``FilterError`` rather than being ignored.
Records are the frozen dataclasses of ``shardwatch.types`` (indicators and contradictions are
dicts in the export line format); ``frame=True`` gives a pandas DataFrame of flat rows instead.
Nothing here prints: errors are raised as ``ShardwatchError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shardwatch.errors import ShardwatchError
from shardwatch.resolve.incident_view import disagreements
from shardwatch.resolve.incident_view import incident as find_incident
from shardwatch.resolve.incident_view import incidents as list_incidents
from shardwatch.store import ClaimFilter, EventFilter, Store
from shardwatch.types import (EVENT_KINDS, Article, Claim, Event, Incident, IngestReport, PollReport, Quote,
                              ReextractReport, WatchedSource)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FilterError", "Shardwatch", "SearchHit", "ExportResult", "open", "FILTERS_OF"]

# Which filters each listing understands; any other one given is an error, never ignored.
_DATES = ("since", "until", "as_of", "limit")
FILTERS_OF: dict[str, frozenset[str]] = {
    "articles": frozenset(_DATES),
    "events": frozenset(_DATES + ("country", "actor", "kind")),
    "incidents": frozenset(_DATES + ("country", "actor", "kind", "min_sources")),
    "claims": frozenset(_DATES + ("country", "actor", "measure")),
    "quotes": frozenset(_DATES + ("country", "actor")),
    "indicators": frozenset(_DATES + ("country", "actor", "measure")),
    "contradictions": frozenset(_DATES + ("country", "actor", "measure")),
    "search": frozenset(("as_of", "limit")),
}


class FilterError(ShardwatchError, ValueError):
    """A filter given to a listing it does not apply to, or with a value it cannot take."""


def check_filters(listing: str, given: dict[str, Any]) -> None:
    """Raise FilterError for any filter in ``given`` (set, not None) that ``listing`` lacks."""
    wrong = sorted(k for k, v in given.items() if v not in (None, False) and k not in FILTERS_OF[listing])
    if wrong:
        applies = ", ".join(sorted(FILTERS_OF[listing]))
        raise FilterError(f"{', '.join(wrong)} {'does' if len(wrong) == 1 else 'do'} not apply to {listing} "
                          f"(its filters: {applies})")
    kind = given.get("kind")
    if kind is not None and kind not in EVENT_KINDS:
        raise FilterError(f"unknown kind {kind!r}: one of {', '.join(EVENT_KINDS)}")
    measure = given.get("measure")
    if measure is not None:
        from shardwatch.data import measures

        known = {m["id"] for m in measures()} | {"other"}
        if measure not in known:
            raise FilterError(f"unknown measure {measure!r} (see data/measures.jsonl)")


@dataclass(frozen=True)
class SearchHit:
    """An article matching a search, with a snippet around the match ([word] marked)."""

    article: Article
    snippet: str


@dataclass(frozen=True)
class ExportResult:
    """An export: its content (text, or bytes for Parquet) and a one-line summary."""

    data: str | bytes
    summary: str


def _frame(rows: list[dict], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


class Shardwatch:
    """A shardwatch database: open with ``shardwatch.api.open``; use as a context manager.

    Read-only by default (SQLite, or PostgreSQL's read-only transactions, refuse every write;
    nothing is migrated); ``readonly=False`` creates or migrates the database and allows
    ``ingest``.
    """

    def __init__(self, path: str | Path, *, readonly: bool = True) -> None:
        self.path = str(path)
        self.store = Store(self.path, readonly=readonly)

    def __enter__(self) -> Shardwatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing ----------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], *, processes: int | None = 1, batch_size: int = 64,
               progress: Callable[[Article], None] | None = None, published: dt.date | None = None,
               source: str | None = None, cascade: bool = True, executor: str = "local",
               address: str | None = None, ray_logs: bool = False) -> IngestReport:
        """Ingest reports (files, folders, ``-`` for stdin); articles already held are skipped.
        Bad sources are listed in the report's ``failures`` (doubtful metadata in its
        ``warnings``), never raised. ``published``/``source`` stand in for reports whose own
        metadata gives none. ``cascade=False`` parses every article; by default articles the
        relevance cascade finds irrelevant are stored unparsed (the report's ``unparsed``).
        ``processes``: processes for the per-article work (``None``: the machine's cores; with
        ``executor="ray"``, Ray actors, ``None``: the CPUs of the local Ray instance or of the
        cluster at ``address``). ``executor``: ``"local"`` or ``"ray"`` (see
        ``shardwatch.pipeline.ingest``); ``ray_logs``: let Ray's own log lines reach stderr."""
        if self.store.readonly:
            raise ShardwatchError("this database was opened read-only: open(path, readonly=False) to ingest")
        from shardwatch.pipeline import ingest

        return ingest([str(p) for p in paths], self.store, n_process=processes,
                      batch_size=batch_size, progress=progress, published=published, source=source, cascade=cascade,
                      executor=executor, address=address, ray_logs=ray_logs)

    def reextract(self, *, everything: bool = False, processes: int = 1, batch_size: int = 64,
                  progress: Callable[[Article], None] | None = None,
                  start: Callable[[int], None] | None = None) -> ReextractReport:
        """Extract again the stored articles whose records came from an older extractor version
        (``everything``: all of them), replacing their events, claims, quotes and mentions one
        transaction per batch; records found again keep their ids; incidents are resolved
        again. The report is empty (``reextracted == ()``) when every article is up to date.
        ``start`` is told how many articles will be extracted, ``progress`` each one done."""
        if self.store.readonly:
            raise ShardwatchError("this database was opened read-only: open(path, readonly=False) to reextract")
        from shardwatch.reextract import reextract

        return reextract(self.store, everything=everything, n_process=processes, batch_size=batch_size,
                         progress=progress, start=start)

    def poll(self, sources: Iterable[str], *, allow_hosts: Collection[str] | None = (), processes: int = 1,
             batch_size: int = 64, cascade: bool = True, timeout: float = 30) -> list[PollReport]:
        """Poll each source once (a feed URL, a folder or a file) and ingest what is new through
        ``ingest``: feeds by conditional GET (ETag, Last-Modified), folders by their listing.
        Bad items are listed in each report's ``failures``, never raised; the source's state
        (``sources``) is recorded. ``allow_hosts``: hosts whose pages may be fetched for a feed
        entry that gives only a link (``None``: any host; empty: none)."""
        if self.store.readonly:
            raise ShardwatchError("this database was opened read-only: open(path, readonly=False) to watch")
        from shardwatch.watch import poll

        return poll(list(sources), self.store, allow_hosts=allow_hosts, n_process=processes,
                    batch_size=batch_size, cascade=cascade, timeout=timeout)

    def sources(self, *, frame: bool = False) -> list[WatchedSource] | pd.DataFrame:
        """The sources ``shardwatch watch`` polls, the most recently polled first: when each was
        last polled, its status, validators and items seen, new and failed."""
        found = self.store.watched_sources()
        if not frame:
            return found
        import dataclasses

        return _frame([dataclasses.asdict(s) for s in found], [f.name for f in dataclasses.fields(WatchedSource)])

    # -- what the database holds --------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Totals: articles (and undated ones), events by kind, places, countries, incidents,
        near-duplicates, claims, quotes, the schema version, and the resolution an interrupted
        ingest left pending (``pending``: articles and events not yet resolved)."""
        from shardwatch.store.pending import pending_resolution

        return {**self.store.counts(), **self.store.incident_counts(), **self.store.claim_counts(),
                "schema_version": self.store.schema_version(), "pending": pending_resolution(self.store.db)}

    # -- listings -----------------------------------------------------------------------------

    def articles(self, *, since: dt.date | None = None, until: dt.date | None = None,
                 country: str | None = None, actor: str | None = None, kind: str | None = None,
                 as_of: dt.date | None = None, limit: int | None = None,
                 frame: bool = False) -> list[Article] | pd.DataFrame:
        """Articles by publication date (``since``/``until`` bound it; undated ones last)."""
        check_filters("articles", locals_of(locals()))
        found = self.store.articles(since=since, until=until, limit=limit, as_of=as_of)
        if not frame:
            return found
        from shardwatch.present.records import ARTICLE_CSV_COLUMNS, article_record

        return _frame([article_record(a) | {"path": a.path} for a in found], ARTICLE_CSV_COLUMNS)

    def events(self, *, since: dt.date | None = None, until: dt.date | None = None,
               country: str | None = None, actor: str | None = None, kind: str | None = None,
               as_of: dt.date | None = None, limit: int | None = None,
               frame: bool = False) -> list[Event] | pd.DataFrame:
        """Events (attack, territory, leadership, allegiance) in date order, undated last;
        ``actor`` is an id, name or any alias of the actor catalogue."""
        check_filters("events", locals_of(locals()))
        found = self.store.events(EventFilter(kind=kind, since=since, until=until, country=country, actor=actor,
                                              limit=limit, as_of=as_of))
        if not frame:
            return found
        from shardwatch.present.records import EVENT_CSV_COLUMNS, event_row

        return _frame([event_row(e) for e in found], EVENT_CSV_COLUMNS)

    def incidents(self, *, since: dt.date | None = None, until: dt.date | None = None,
                  country: str | None = None, actor: str | None = None, kind: str | None = None,
                  as_of: dt.date | None = None, limit: int | None = None, min_sources: int | None = None,
                  frame: bool = False) -> list[Incident] | pd.DataFrame:
        """Incidents (one real event merged from many reports) as they stood ``as_of``, with
        every source's figures, consensus and independent sources (wire copies count once)."""
        check_filters("incidents", locals_of(locals()))
        found = list_incidents(self.store, EventFilter(kind=kind, since=since, until=until, country=country,
                                                       actor=actor, limit=limit, as_of=as_of),
                               min_sources=min_sources)
        if not frame:
            return found
        from shardwatch.present.records import INCIDENT_CSV_COLUMNS, incident_row

        return _frame([incident_row(i) for i in found], INCIDENT_CSV_COLUMNS)

    def incident(self, incident_id: str, *, as_of: dt.date | None = None) -> Incident | None:
        """One incident by id (an id merged into another gives the one it merged into)."""
        return find_incident(self.store, incident_id, as_of=as_of)

    def incident_contradictions(self, *, since: dt.date | None = None, until: dt.date | None = None,
                                country: str | None = None, actor: str | None = None, kind: str | None = None,
                                as_of: dt.date | None = None, limit: int | None = None,
                                min_sources: int | None = None) -> list[dict]:
        """Figures that independent sources of one incident give further apart than tolerance."""
        found = self.incidents(since=since, until=until, country=country, actor=actor, kind=kind, as_of=as_of,
                               min_sources=min_sources)
        return [x for i in found for x in disagreements(i)][: limit or None]

    def claims(self, *, since: dt.date | None = None, until: dt.date | None = None,
               country: str | None = None, actor: str | None = None, kind: str | None = None,
               as_of: dt.date | None = None, limit: int | None = None, measure: str | None = None,
               frame: bool = False) -> list[Claim] | pd.DataFrame:
        """Quantitative claims: ``since``/``until`` bound the as-of date, ``country`` the scope,
        ``actor`` the subject or the claimant; ``as_of`` keeps what had been published by then.
        The frame carries ``check``, the comparison with the shipped reference figures."""
        check_filters("claims", locals_of(locals()))
        found = self.store.claims(ClaimFilter(since=since, until=until, country=country, actor=actor,
                                              measure=measure, as_of=as_of, limit=limit))
        if not frame:
            return found
        from shardwatch.present.records import CLAIM_CSV_COLUMNS, claim_row

        checks = reference_checks(found)
        return _frame([claim_row(c, checks.get(c.id, "")) for c in found], CLAIM_CSV_COLUMNS)

    def quotes(self, *, since: dt.date | None = None, until: dt.date | None = None,
               country: str | None = None, actor: str | None = None, kind: str | None = None,
               as_of: dt.date | None = None, limit: int | None = None, measure: str | None = None,
               frame: bool = False) -> list[Quote] | pd.DataFrame:
        """Direct and indirect quotes (dates are publication dates; ``actor`` is the speaker;
        ``country`` any place the article names)."""
        check_filters("quotes", locals_of(locals()))
        found = self.store.quotes(ClaimFilter(since=since, until=until, country=country, actor=actor,
                                              as_of=as_of, limit=limit))
        if not frame:
            return found
        from shardwatch.present.records import QUOTE_CSV_COLUMNS, quote_row

        return _frame([quote_row(q) for q in found], QUOTE_CSV_COLUMNS)

    def indicators(self, *, since: dt.date | None = None, until: dt.date | None = None,
                   country: str | None = None, actor: str | None = None, kind: str | None = None,
                   as_of: dt.date | None = None, limit: int | None = None, measure: str | None = None,
                   frame: bool = False) -> list[dict] | pd.DataFrame:
        """Time series of claims per measure and scope, oldest first, each with its claims
        (and their reference check) and the reference figures of the same measure and scope,
        as indicator records of the export line format. The frame has one row a point."""
        check_filters("indicators", locals_of(locals()))
        from shardwatch.analyse import indicators as build_indicators
        from shardwatch.analyse.reference import matching_points
        from shardwatch.present.records import indicator_record

        found = self.store.claims(ClaimFilter(since=since, until=until, country=country, actor=actor,
                                              measure=measure, as_of=as_of))
        checks = reference_checks(found)
        series = build_indicators(found)[: limit or None]
        records = [indicator_record(i, matching_points(i.measure, i.scope, i.unit), checks) for i in series]
        if not frame:
            return records
        from shardwatch.present.records import INDICATOR_POINT_COLUMNS, indicator_points

        return _frame([p for r in records for p in indicator_points(r)], INDICATOR_POINT_COLUMNS)

    def contradictions(self, *, since: dt.date | None = None, until: dt.date | None = None,
                       country: str | None = None, actor: str | None = None, kind: str | None = None,
                       as_of: dt.date | None = None, limit: int | None = None, measure: str | None = None,
                       frame: bool = False) -> list[dict] | pd.DataFrame:
        """Figures that cannot both be true, as contradiction records of the export line format:
        claims on one measure and scope further apart than its tolerance (each record with its
        two ``claims``), then incidents whose independent sources disagree (with ``values``)."""
        check_filters("contradictions", locals_of(locals()))
        from shardwatch.analyse import contradictions as find_contradictions
        from shardwatch.present.records import claim_record, contradiction_record

        found = self.store.claims(ClaimFilter(since=since, until=until, country=country, actor=actor,
                                              measure=measure, as_of=as_of))
        by_id = {c.id: c for c in found}
        records = [contradiction_record(x) | {"claims": [claim_record(by_id[i]) for i in x.claim_ids]}
                   for x in find_contradictions(found)]
        # incident figures are tolls: they belong under no measure filter, or under attack_killed
        if measure in (None, "attack_killed"):
            records += self.incident_contradictions(since=since, until=until, country=country, actor=actor,
                                                    as_of=as_of)
        records = records[: limit or None]
        if not frame:
            return records
        from shardwatch.present.records import CONTRADICTION_COLUMNS, contradiction_rows

        return _frame(contradiction_rows(records, {a.id: a for a in self.store.articles()}), CONTRADICTION_COLUMNS)

    def search(self, query: str, *, as_of: dt.date | None = None, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text match, best first. Words match as words (``al-Adnani``);
        "phrases", AND/OR/NOT/NEAR, ``word*`` and ``title:word`` keep their FTS5 meaning."""
        return [SearchHit(a, snip) for a, snip in self.store.search(query, limit=limit, as_of=as_of)]

    # -- exports and the brief -----------------------------------------------------------------

    def export(self, fmt: str = "jsonl", *, layout: str = "native", table: str = "events", per: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
               actor: str | None = None, kind: str | None = None, as_of: dt.date | None = None,
               out: str | Path | None = None) -> ExportResult:
        """Every record as JSON Lines (the design's line format), or one table as CSV, Parquet or
        GeoJSON: ``table`` events, articles or incidents in the native layout; ``layout`` acled
        or gtd writes those datasets' columns, one row per incident (``per="event"``: per
        event). ``since``/``until``/``country``/``actor``/``kind`` keep the events (and
        incidents) the ``events`` listing would give. With ``out`` the export is also written
        there (atomically)."""
        from shardwatch.present.exports import export as build_export

        check_filters("events", {"since": since, "until": until, "country": country, "actor": actor, "kind": kind})
        filters = EventFilter(kind=kind, since=since, until=until, country=country, actor=actor, as_of=as_of)
        data, summary = build_export(self.store, fmt, layout=layout, table=table, per=per, filters=filters)
        if out is not None:
            target = Path(out)
            tmp = target.with_name(target.name + ".part")
            if isinstance(data, bytes):
                tmp.write_bytes(data)
            else:
                tmp.write_text(data, encoding="utf-8")
            tmp.replace(target)
        return ExportResult(data, summary)

    def brief(self, out_dir: str | Path = "out") -> list[Path]:
        """Write brief.html (self-contained) and brief.md (with its SVG charts) into ``out_dir``."""
        from shardwatch.present.brief import write_brief

        return write_brief(self.store, Path(out_dir))


def locals_of(values: dict[str, Any]) -> dict[str, Any]:
    """The filter arguments of a listing call (its locals, without self and frame)."""
    return {k: v for k, v in values.items() if k not in ("self", "frame")}


def reference_checks(claims: list[Claim]) -> dict[str, str]:
    """The comparison of each claim with the shipped reference figures, by claim id: "agrees:
    ..." or "FAR: ..." (a disagreement wins over an agreement)."""
    from shardwatch.analyse import reference_checks as checks_of

    texts: dict[str, str] = {}
    for check in checks_of(claims):
        if check.claim_id not in texts or not check.agrees:
            texts[check.claim_id] = ("agrees: " if check.agrees else "FAR: ") + check.detail
    return texts


def open(path: str | Path, *, readonly: bool = True) -> Shardwatch:  # noqa: A001 - like sqlite3.connect, io.open
    """Open a shardwatch database (read-only unless ``readonly=False``): a SQLite file, or a
    ``postgresql://...`` URL (``pip install 'shardwatch[postgres]'``)."""
    return Shardwatch(path, readonly=readonly)
