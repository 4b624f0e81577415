"""What a store can give beyond articles and events, checked in this one place.

Claims, quotes, incidents, indicators and contradictions come from the later stages of the
pipeline. The HTTP API, the dashboard, the brief and the exports ask this module for them, as
export-format records: when a database (opened read-only, of an older schema) lacks their
tables, the answer is ``None`` ("none yet"), never an error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from shardwatch.resolve.incident_view import incidents
from shardwatch.store import ClaimFilter, EventFilter, Store

# record kind -> (the tables it needs, the name of the Store method or analyse function)
OPTIONAL_RECORDS: dict[str, tuple[tuple[str, ...], str]] = {
    "claims": (("claims",), "claims"),
    "quotes": (("quotes",), "quotes"),
    "incidents": (("incidents",), "incidents"),
    "indicators": (("claims",), "indicators"),
    "contradictions": (("claims",), "contradictions"),
}
# The singular "type" of each kind in the export line format.
RECORD_TYPE = {"claims": "claim", "quotes": "quote", "incidents": "incident", "indicators": "indicator",
               "contradictions": "contradiction"}


def make_filter(**values: Any) -> EventFilter:
    """An EventFilter from the values given (None means unset)."""
    return EventFilter(**values)


def tables(store: Store) -> set[str]:
    return store.table_names()


def _claim_filter(filters: EventFilter, *, limit: bool = True) -> ClaimFilter:
    return ClaimFilter(since=filters.since, until=filters.until, country=filters.country, actor=filters.actor,
                       as_of=filters.as_of, limit=filters.limit if limit else None)


def _indicators(store: Store, filters: EventFilter) -> list[dict]:
    from shardwatch.analyse import indicators, reference_checks
    from shardwatch.analyse.reference import matching_points
    from shardwatch.present.records import indicator_record

    claims = store.claims(_claim_filter(filters, limit=False))
    checks: dict[str, str] = {}
    for check in reference_checks(claims):
        if check.claim_id not in checks or not check.agrees:
            checks[check.claim_id] = ("agrees: " if check.agrees else "FAR: ") + check.detail
    series = indicators(claims)[: filters.limit or None]
    return [indicator_record(i, matching_points(i.measure, i.scope, i.unit), checks) for i in series]


def contradiction_records(store: Store, filters: EventFilter = EventFilter()) -> list[dict]:
    """Every contradiction, one listing: claims that cannot both hold, then incidents whose
    independent sources disagree on a figure beyond tolerance."""
    from shardwatch.analyse import contradictions
    from shardwatch.present.records import contradiction_record
    from shardwatch.resolve.incident_view import disagreements

    found = [contradiction_record(x) for x in contradictions(store.claims(_claim_filter(filters, limit=False)))]
    cut = EventFilter(since=filters.since, until=filters.until, country=filters.country, actor=filters.actor,
                      as_of=filters.as_of)
    found += [x for incident in incidents(store, cut) for x in disagreements(incident)]
    return found[: filters.limit or None]


# record kind -> what lists it, called with (store, filters)
_PROVIDERS: dict[str, Callable[[Store, EventFilter], list]] = {
    "claims": lambda store, f: store.claims(_claim_filter(f)),
    "quotes": lambda store, f: store.quotes(_claim_filter(f)),
    "incidents": lambda store, f: incidents(store, f),
    "indicators": _indicators,
    "contradictions": contradiction_records,
}


def _provider(store: Store, kind: str) -> Callable[[EventFilter], list] | None:
    needed, _name = OPTIONAL_RECORDS[kind]
    if not set(needed) <= tables(store):  # a database of an older schema, opened read-only
        return None
    return lambda filters: _PROVIDERS[kind](store, filters)


def available(store: Store) -> dict[str, bool]:
    """For each optional record kind, whether this store can list it."""
    return {kind: _provider(store, kind) is not None for kind in OPTIONAL_RECORDS}


def optional_records(store: Store, kind: str, filters: EventFilter = EventFilter()) -> list[dict] | None:
    """The records of an optional kind as export-format dicts, or None when the store has none yet."""
    provider = _provider(store, kind)
    if provider is None:
        return None
    try:
        found = provider(filters)
    except store.dialect.missing_table_errors:  # a table of an older or half-merged schema
        return None
    return [to_record(item, RECORD_TYPE[kind]) for item in found]


def to_record(item: Any, record_type: str) -> dict:
    """A record in the export line format: the records module's converter where it has one."""
    if isinstance(item, dict):
        return {"type": record_type, **item} if "type" not in item else item
    from shardwatch.present import records

    converter = getattr(records, f"{record_type}_record", None)
    if callable(converter):
        return converter(item)
    if dataclasses.is_dataclass(item):
        return {"type": record_type, **_plain(dataclasses.asdict(item))}
    raise TypeError(f"cannot turn {type(item).__name__} into a {record_type} record")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def evidence_spans(store: Store, article_id: str) -> list[dict]:
    """Every record's evidence span in one article: events now, claims and quotes once stored."""
    rows = store.db.execute(
        'SELECT record_type, record_id, seq, start, "end", text, extractor, version FROM evidence'
        ' WHERE article_id = ? ORDER BY start, "end", record_type, record_id', (article_id,)).fetchall()
    return [{"record_type": r["record_type"], "record_id": r["record_id"], "seq": r["seq"], "start": r["start"],
             "end": r["end"], "text": r["text"], "extractor": f"{r['extractor']}/{r['version']}"} for r in rows]
