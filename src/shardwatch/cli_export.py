"""``shardwatch export``: a thin shell over ``Shardwatch.export``. Registered on the main group
by ``shardwatch.cli``; kept apart so that module stays short."""

from __future__ import annotations

import datetime as dt

import click

from shardwatch.cli import _date_option, _open
from shardwatch.errors import ShardwatchError
from shardwatch.types import EVENT_KINDS


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "geojson"]), default="jsonl",
              show_default=True, help="jsonl: every record in the line format; csv, parquet: one row an event "
                                      "(native) or incident (acled, gtd); geojson: those with coordinates as points.")
@click.option("--layout", type=click.Choice(["native", "acled", "gtd"]), default="native", show_default=True,
              help="Columns and categories for csv, parquet and geojson: shardwatch's own, ACLED's or the GTD's "
                   "(attacks only); see docs/EXPORTS.md.")
@click.option("--table", type=click.Choice(["events", "articles", "incidents"]), default="events", show_default=True,
              help="In the native layout: which records.")
@click.option("--per", type=click.Choice(["incident", "event"]),
              help="acled and gtd: one row per incident (the default: consensus figures, every source) or per "
                   "event (one per report).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout (parquet needs it).")
@_date_option("--since", "Only events (incidents) dated on or after this day.")
@_date_option("--until", "Only events (incidents) dated on or before this day.")
@click.option("--country", metavar="ISO2", help="Only events (incidents) placed in this country.")
@click.option("--actor", help="Only events (incidents) involving this actor: id, name or any alias.")
@click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only events (incidents) of this kind.")
@_date_option("--as-of", "What was known then: only articles published on or before this day, and "
              "incidents as they stood.")
@click.pass_context
def export(ctx: click.Context, fmt: str, layout: str, table: str, per: str | None, out: str | None,
           since: dt.date | None, until: dt.date | None, country: str | None, actor: str | None, kind: str | None,
           as_of: dt.date | None) -> None:
    """Export records: JSON Lines in the documented line format, CSV, Parquet or GeoJSON.

    --since, --until, --country, --actor and --kind keep the events (and incidents) that
    `shardwatch events` would list with them: the same rows as the dashboard's download."""
    if fmt == "parquet" and not out:
        raise ShardwatchError("parquet is binary: give --out FILE")
    with _open(ctx) as db:
        result = db.export(fmt, layout=layout, table=table, per=per, since=since, until=until,
                           country=country.upper() if country else None, actor=actor, kind=kind, as_of=as_of,
                           out=out)
    if out:
        click.echo(f"wrote {out}: {result.summary}", err=True)
    else:
        click.echo(result.data, nl=False)
