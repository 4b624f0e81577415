"""The ``shardwatch`` command: a thin shell over the library.

A failure is one line on stderr and a non-zero exit; set SHARDWATCH_DEBUG=1 for a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from pathlib import Path

import click

from shardwatch import __version__
from shardwatch.errors import ShardwatchError
from shardwatch.store import EventFilter, Store
from shardwatch.types import EVENT_KINDS

DEFAULT_DB = "shardwatch.db"
FORMATS = ("table", "json", "csv")


def _date_option(name: str, help_text: str):
    def parse(_ctx, _param, value):
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None
    return click.option(name, callback=parse, metavar="YYYY-MM-DD", help=help_text)


def listing_options(func):
    """The options every listing shares: output format and the record filters."""
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format.")
    @_date_option("--since", "Only records dated on or after this day.")
    @_date_option("--until", "Only records dated on or before this day.")
    @click.option("--country", metavar="ISO2", help="Only records placed in this country (ISO 3166-1 alpha-2).")
    @click.option("--actor", help="Only records involving this actor (canonical id such as islamic-state, or name).")
    @click.option("--kind", type=click.Choice(EVENT_KINDS),
                  help="Only events of this kind.")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many records.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def _filters(kwargs) -> EventFilter:
    return EventFilter(kind=kwargs.get("kind"), since=kwargs.get("since"), until=kwargs.get("until"),
                       country=kwargs.get("country"), actor=kwargs.get("actor"), limit=kwargs.get("limit"))


def _open(ctx: click.Context, *, readonly: bool = True) -> Store:
    return Store(ctx.obj["db"], readonly=readonly)


def _emit(rows: list[dict], columns: list[str], fmt: str) -> None:
    from shardwatch.present.records import csv_text
    from shardwatch.present.table import render_table

    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(csv_text(rows, columns), nl=False)
    else:
        click.echo(render_table(rows, columns))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=DEFAULT_DB, show_default=True, envvar="SHARDWATCH_DB",
              help="The database file (created by ingest).")
@click.version_option(__version__, prog_name="shardwatch")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """shardwatch: sourced, structured records from reporting on political violence.

    Ingest reports, then list, search, export and brief what they say; every record points
    back to the sentences it came from.
    """
    ctx.obj = {"db": db}


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--processes", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the language model (nlp.pipe n_process).")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per batch; each batch is written in one transaction.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], processes: int, batch_size: int) -> None:
    """Ingest reports: files, folders (recursively), .txt .md .html .json .jsonl, or - for stdin.

    Articles already in the database (same normalised text) are skipped. A bad file is
    reported with its reason and the others are still ingested; the exit status is 1 if
    any file failed.
    """
    from tqdm import tqdm

    from shardwatch.pipeline import ingest as run_ingest

    with _open(ctx, readonly=False) as store, tqdm(
        unit=" articles", desc="ingesting", disable=not sys.stderr.isatty(), file=sys.stderr
    ) as bar:
        report = run_ingest(paths, store, n_process=processes, batch_size=batch_size,
                            progress=lambda _article: bar.update())
        counts = store.counts()
    for failure in report.failures:
        click.echo(f"error: {failure.source}: {failure.reason}", err=True)
    if report.added:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.events_by_kind.items())) or "no events"
        click.echo(f"added {len(report.added)} articles ({kinds})"
                   + (f"; {len(report.skipped)} already in the database" if report.skipped else ""))
    else:
        click.echo(f"nothing new: {len(report.skipped)} articles already in the database")
    click.echo(_summary_line(counts, ctx.obj["db"]))
    if report.failures:
        click.echo(f"{len(report.failures)} source(s) failed", err=True)
        ctx.exit(1)


def _summary_line(counts: dict, db: str) -> str:
    kinds = ", ".join(f"{n} {k}" for k, n in counts["events_by_kind"].items()) or "none"
    return (f"{db}: {counts['articles']} articles ({counts['undated_articles']} undated), "
            f"{counts['events']} events ({kinds}), {counts['places']} places in {counts['countries']} countries")


@cli.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """What the database holds: articles, events by kind, places, schema version."""
    with _open(ctx) as store:
        click.echo(_summary_line(store.counts(), ctx.obj["db"]))
        click.echo(f"schema version {store.schema_version()}")


@cli.command()
@listing_options
@click.pass_context
def articles(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List ingested articles (filters: --since/--until on the publication date)."""
    from shardwatch.present.records import ARTICLE_CSV_COLUMNS, article_record

    with _open(ctx) as store:
        rows = [article_record(a) | {"path": a.path} for a in
                store.articles(since=kwargs["since"], until=kwargs["until"], limit=kwargs["limit"])]
    columns = ARTICLE_CSV_COLUMNS if fmt == "csv" else ["published", "source", "title", "removed_lines", "id"]
    _emit(rows, columns, fmt)


@cli.command()
@listing_options
@click.pass_context
def events(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List events with their place, actors, figures and evidence."""
    from shardwatch.present.records import EVENT_CSV_COLUMNS, event_record, event_row

    with _open(ctx) as store:
        found = store.events(_filters(kwargs))
    if fmt == "json":
        _emit([event_record(e) for e in found], [], fmt)
    else:
        columns = EVENT_CSV_COLUMNS if fmt == "csv" else [
            "date", "kind", "place_canonical", "country", "perpetrators", "killed", "wounded", "link", "evidence"]
        _emit([event_row(e) for e in found], columns, fmt)


@cli.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, fmt: str) -> None:
    """Full-text search of article text (SQLite FTS5 syntax: words, "phrases", OR, NEAR)."""
    with _open(ctx) as store:
        hits = store.search(query, limit=limit)
    rows = [{"published": a.published, "source": a.source, "title": a.title, "snippet": snip, "id": a.id}
            for a, snip in hits]
    _emit(rows, ["published", "source", "title", "snippet", "id"], fmt)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--table", type=click.Choice(["events", "articles"]), default="events", show_default=True,
              help="For csv: which records (jsonl holds all of them).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.pass_context
def export(ctx: click.Context, fmt: str, table: str, out: str | None) -> None:
    """Export records: JSON Lines in the documented line format, or CSV."""
    from shardwatch.present.records import (ARTICLE_CSV_COLUMNS, EVENT_CSV_COLUMNS, article_record, csv_text,
                                            event_row, jsonl_lines)

    with _open(ctx) as store:
        if fmt == "jsonl":
            text = "".join(line + "\n" for line in jsonl_lines(store.articles(), store.events()))
        elif table == "events":
            text = csv_text((event_row(e) for e in store.events()), EVENT_CSV_COLUMNS)
        else:
            text = csv_text((article_record(a) | {"path": a.path} for a in store.articles()), ARTICLE_CSV_COLUMNS)
    if out:
        tmp = Path(out).with_name(Path(out).name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for brief.html and brief.md.")
@click.pass_context
def brief(ctx: click.Context, out_dir: str) -> None:
    """Write the brief (HTML and Markdown): the corpus, and a timeline of events with their evidence."""
    from shardwatch.present.brief import write_brief

    with _open(ctx) as store:
        paths = write_brief(store, Path(out_dir))
    click.echo("brief: " + " and ".join(str(p) for p in paths))


@cli.command()
@click.argument("infile", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--out", required=True, type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="Output JSON Lines file (- for stdout).")
@click.option("--processes", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the spaCy pipeline.")
def roles(infile: str, out: str, processes: int) -> None:
    """Role fillers of attacks for every line {"doc_id", "text"} of INFILE, in the scorer's format."""
    from tqdm import tqdm

    from shardwatch.extract.roles import role_lines

    items = []
    with click.open_file(infile, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                items.append((record["doc_id"], record["text"]))
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ShardwatchError(f"{infile}:{number}: expected a JSON object with doc_id and text") from None
    lines = role_lines(items, n_process=processes,
                       progress=lambda docs: tqdm(docs, total=len(items), unit=" docs",
                                                  disable=not sys.stderr.isatty(), file=sys.stderr))
    output = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    with click.open_file(out, "w", encoding="utf-8", atomic=out != "-") as handle:
        handle.write(output)
    if out != "-":
        click.echo(f"wrote {len(items)} lines to {out}", err=True)


def main() -> None:
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of exiting.
        code = cli.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except ShardwatchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # the promise: one line, no traceback, unless asked
        if os.environ.get("SHARDWATCH_DEBUG"):
            raise
        click.echo(f"error: unexpected {type(exc).__name__}: {exc} (set SHARDWATCH_DEBUG=1 for details)", err=True)
        sys.exit(1)
