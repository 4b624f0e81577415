"""Bulk exports: JSON Lines, CSV, Parquet and GeoJSON, in shardwatch's own layout or in the
column names and categories of ACLED and the Global Terrorism Database (docs/EXPORTS.md).

1. ``table_rows`` gives the flat rows of one table: events, articles or incidents in the native
   layout; in the ACLED or GTD layout one row per incident (``per="event"``: per event), coded
   by ``present.layouts``.
2. ``export`` writes them in one format; JSON Lines is always the design's line format (every
   record type the store has), so layouts and tables apply to csv, parquet and geojson.
3. Parquet columns have one declared type each (``PARQUET_TYPES``), whatever the rows hold.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable

from shardwatch.errors import ShardwatchError
from shardwatch.present import capabilities as caps
from shardwatch.present.layouts import ACLED_COLUMNS, GTD_COLUMNS, layout_rows, units
from shardwatch.present.records import (ARTICLE_CSV_COLUMNS, EVENT_CSV_COLUMNS, INCIDENT_CSV_COLUMNS, article_record,
                                        csv_text, event_row, incident_row, jsonl_lines)
from shardwatch.resolve.incident_view import incidents as list_incidents
from shardwatch.store import EventFilter, Store

FORMATS = ("jsonl", "csv", "parquet", "geojson")
LAYOUTS = ("native", "acled", "gtd")
TABLES = ("events", "articles", "incidents")
PER = ("incident", "event")

COLUMNS = {("native", "events"): EVENT_CSV_COLUMNS, ("native", "articles"): ARTICLE_CSV_COLUMNS,
           ("native", "incidents"): INCIDENT_CSV_COLUMNS, ("acled", "events"): ACLED_COLUMNS,
           ("gtd", "events"): GTD_COLUMNS}

# The Parquet type of every column that is not a string, by layout and table; declared once so
# that a column's type never depends on what one export happens to hold.
_INT, _FLOAT = "int64", "float64"
PARQUET_TYPES: dict[tuple[str, str], dict[str, str]] = {
    ("native", "events"): {"lat": _FLOAT, "lon": _FLOAT, "place_precision": _INT, "confidence": _FLOAT,
                           "killed_low": _FLOAT, "killed_high": _FLOAT, "wounded_low": _FLOAT,
                           "wounded_high": _FLOAT},
    ("native", "articles"): {"removed_lines": _INT},
    ("native", "incidents"): {"lat": _FLOAT, "lon": _FLOAT, "killed": _FLOAT, "wounded": _FLOAT,
                              "independent_sources": _INT, "articles": _INT, "events": _INT},
    ("acled", "events"): {**dict.fromkeys(("year", "time_precision", "inter1", "inter2", "interaction", "iso",
                                           "geo_precision", "fatalities", "timestamp"), _INT),
                          "latitude": _FLOAT, "longitude": _FLOAT},
    ("gtd", "events"): {**dict.fromkeys(("eventid", "iyear", "imonth", "iday", "extended", "country", "region",
                                         "specificity", "vicinity", "crit1", "crit2", "crit3", "doubtterr",
                                         "multiple", "success", "suicide", "attacktype1", "targtype1",
                                         "individual", "nperps", "claimed", "weaptype1", "property", "ishostkid"),
                                        _INT),
                        "latitude": _FLOAT, "longitude": _FLOAT, "nkill": _FLOAT, "nwound": _FLOAT},
}


def parquet_schema(layout: str, table: str = "events"):
    """The declared pyarrow schema of one layout's table."""
    import pyarrow as pa

    types = PARQUET_TYPES[(layout, table)]
    kinds = {_INT: pa.int64(), _FLOAT: pa.float64()}
    return pa.schema([(c, kinds[types[c]] if c in types else pa.string()) for c in COLUMNS[(layout, table)]])


def _cell(value, kind: str | None):
    """A row value as the declared type: "" is missing; numbers stay numbers."""
    if value is None or value == "":
        return None
    if kind == _INT:
        return int(float(value))
    if kind == _FLOAT:
        return float(value)
    return value if isinstance(value, str) else str(value)


def parquet_bytes(rows: list[dict], layout: str, table: str = "events") -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = PARQUET_TYPES[(layout, table)]
    columns = COLUMNS[(layout, table)]
    data = [{c: _cell(row.get(c), types.get(c)) for c in columns} for row in rows]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(data, schema=parquet_schema(layout, table)), buffer)
    return buffer.getvalue()


def table_rows(store: Store, layout: str, table: str = "events", *, per: str = "incident",
               filters: EventFilter = EventFilter()) -> list[dict]:
    """The flat rows of one table in one layout (ACLED and GTD rows are events or incidents)."""
    if layout != "native":
        if table != "events":
            raise ShardwatchError(f"--table {table} has no --layout {layout}: ACLED and GTD rows are events "
                                  "or incidents (--per)")
        articles = {a.id: a for a in store.articles(as_of=filters.as_of)}
        found = units(store.events(filters), list_incidents(store, filters) if per == "incident" else [], per=per)
        return layout_rows(found, articles, layout)
    if table == "articles":
        return [article_record(a) | {"path": a.path} for a in store.articles(as_of=filters.as_of)]
    if table == "incidents":
        return [incident_row(i) for i in list_incidents(store, filters)]
    return [event_row(e) for e in store.events(filters)]


def _lon_lat(row: dict, layout: str) -> tuple[float | None, float | None]:
    if layout == "native":
        return row.get("lon"), row.get("lat")
    return row.get("longitude"), row.get("latitude")


def geojson(rows: Iterable[dict], columns: list[str], layout: str) -> tuple[dict, int]:
    """A FeatureCollection of Points ([lon, lat]) and the number of rows left out for lack of coordinates."""
    features, skipped = [], 0
    for row in rows:
        lon, lat = _lon_lat(row, layout)
        if lon is None or lat is None:
            skipped += 1
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {c: row.get(c) for c in columns}})
    return {"type": "FeatureCollection", "features": features}, skipped


def jsonl_text(store: Store, filters: EventFilter = EventFilter()) -> str:
    """Every record the store holds (as known on ``filters.as_of``), in the design's line format."""
    lines = list(jsonl_lines(store.articles(as_of=filters.as_of), store.events(filters)))
    for kind in ("claims", "quotes", "incidents", "contradictions"):
        for record in caps.optional_records(store, kind, filters) or ():
            lines.append(json.dumps(record, ensure_ascii=False, default=str))
    return "".join(line + "\n" for line in lines)


def export(store: Store, fmt: str, *, layout: str = "native", table: str = "events", per: str | None = None,
           as_of=None, filters: EventFilter | None = None) -> tuple[str | bytes, str]:
    """The export as text (or bytes, for Parquet) and a one-line summary of what it holds.
    ``filters`` (dates, country, actor, kind) narrow the events and incidents exported, as
    the listings do; ``as_of`` is kept for callers that give no filters."""
    filters = filters or EventFilter(as_of=as_of)
    if fmt not in FORMATS or layout not in LAYOUTS or table not in TABLES or (per and per not in PER):
        raise ShardwatchError(f"unknown export: format {fmt}, layout {layout}, table {table}, per {per}")
    if fmt == "jsonl":
        if layout != "native" or table != "events" or per:
            raise ShardwatchError("--layout, --table and --per apply to csv, parquet and geojson; jsonl is always "
                                  "the line format")
        text = jsonl_text(store, filters)
        return text, f"{text.count(chr(10))} records"
    if per and layout == "native":
        raise ShardwatchError("--per applies to the acled and gtd layouts (native rows are events, or "
                              "--table incidents)")
    rows = table_rows(store, layout, table, per=per or "incident", filters=filters)
    what = table if layout == "native" else f"rows ({layout} layout, one per {per or 'incident'})"
    if fmt == "csv":
        return csv_text(rows, COLUMNS[(layout, table)]), f"{len(rows)} {what}"
    if fmt == "parquet":
        return parquet_bytes(rows, layout, table), f"{len(rows)} {what}"
    if table == "articles":
        raise ShardwatchError("articles have no coordinates: geojson exports events or incidents")
    collection, skipped = geojson(rows, COLUMNS[(layout, table)], layout)
    summary = f"{len(collection['features'])} {what} with coordinates"
    if skipped:
        summary += f"; {skipped} without coordinates left out"
    return json.dumps(collection, ensure_ascii=False, default=str) + "\n", summary
