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
    @_date_option("--as-of", "What was known then: only articles published on or before this day (undated "
                  "ones left out), and incidents with their sources and figures as they stood.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def _filters(kwargs) -> EventFilter:
    return EventFilter(kind=kwargs.get("kind"), since=kwargs.get("since"), until=kwargs.get("until"),
                       country=kwargs.get("country"), actor=kwargs.get("actor"), limit=kwargs.get("limit"),
                       as_of=kwargs.get("as_of"))


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
@_date_option("--published", "Publication date of reports whose own metadata gives none (such as stdin "
              "or a .txt file without a sidecar).")
@click.option("--source", "source_name", metavar="NAME", help="Publisher of reports whose own metadata names none.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], processes: int, batch_size: int,
           published: dt.date | None, source_name: str | None) -> None:
    """Ingest reports: files, folders (recursively), .txt .md .html .json .jsonl, or - for stdin.

    Articles already in the database (same normalised text) are skipped. A bad file is
    reported with its reason and the others are still ingested; the exit status is 1 if
    any file failed. A .txt file takes its title, source, published and url from a sidecar
    NAME.txt.json or NAME.txt.yaml beside it.
    """
    from tqdm import tqdm

    from shardwatch.pipeline import ingest as run_ingest

    with _open(ctx, readonly=False) as store, tqdm(
        unit=" articles", desc="ingesting", disable=not sys.stderr.isatty(), file=sys.stderr
    ) as bar:
        report = run_ingest(paths, store, n_process=processes, batch_size=batch_size,
                            progress=lambda _article: bar.update(), published=published, source=source_name)
        counts = store.counts()
    for warning in report.warnings:
        click.echo(f"warning: {warning.source}: {warning.reason}", err=True)
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
    """What the database holds: articles, events by kind, places, incidents, claims, quotes, schema version,
    and the resolution an interrupted ingest left pending."""
    from shardwatch.store.pending import pending_resolution

    with _open(ctx) as store:
        click.echo(_summary_line(store.counts(), ctx.obj["db"]))
        resolved = store.incident_counts()
        click.echo(f"{resolved['incidents']} incidents; {resolved['duplicates']} articles are near-duplicates of another")
        figures = store.claim_counts()
        click.echo(f"{figures['claims']} claims, {figures['quotes']} quotes")
        click.echo(f"schema version {store.schema_version()}")
        pending = pending_resolution(store.db)
        if pending["articles"] or pending["events"]:
            click.echo(f"resolution pending: {pending['articles']} articles and {pending['events']} events not yet "
                       "checked for near-duplicates and incidents (an ingest was interrupted); the next ingest "
                       "finishes it")


@cli.command()
@listing_options
@click.pass_context
def articles(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List ingested articles (filters: --since/--until on the publication date)."""
    from shardwatch.present.records import ARTICLE_CSV_COLUMNS, article_record

    with _open(ctx) as store:
        rows = [article_record(a) | {"path": a.path} for a in
                store.articles(since=kwargs["since"], until=kwargs["until"], limit=kwargs["limit"],
                               as_of=kwargs["as_of"])]
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
@_date_option("--as-of", "Only articles published on or before this day.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, fmt: str, as_of: dt.date | None) -> None:
    """Full-text search of article text (SQLite FTS5 syntax: words, "phrases", OR, NEAR)."""
    with _open(ctx) as store:
        hits = store.search(query, limit=limit, as_of=as_of)
    rows = [{"published": a.published, "source": a.source, "title": a.title, "snippet": snip, "id": a.id}
            for a, snip in hits]
    _emit(rows, ["published", "source", "title", "snippet", "id"], fmt)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "geojson"]), default="jsonl",
              show_default=True, help="jsonl: every record in the line format; csv, parquet: one row an event; "
                                      "geojson: a FeatureCollection of events with coordinates.")
@click.option("--layout", type=click.Choice(["native", "acled", "gtd"]), default="native", show_default=True,
              help="Columns and categories for csv, parquet and geojson: shardwatch's own, ACLED's or the GTD's "
                   "(attacks only); see docs/EXPORTS.md.")
@click.option("--table", type=click.Choice(["events", "articles", "incidents"]), default="events", show_default=True,
              help="For csv in the native layout: which records.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout (parquet needs it).")
@_date_option("--as-of", "What was known then: only articles published on or before this day, and "
              "incidents as they stood.")
@click.pass_context
def export(ctx: click.Context, fmt: str, layout: str, table: str, out: str | None, as_of: dt.date | None) -> None:
    """Export records: JSON Lines in the documented line format, CSV, Parquet or GeoJSON."""
    from shardwatch.present.exports import write_export
    from shardwatch.present.records import (ARTICLE_CSV_COLUMNS, INCIDENT_CSV_COLUMNS, article_record, csv_text,
                                            incident_row)

    cut = EventFilter(as_of=as_of)
    with _open(ctx) as store:
        if fmt == "csv" and table in ("articles", "incidents"):
            if layout != "native":
                raise ShardwatchError(f"--table {table} has no --layout: ACLED and GTD rows are events")
            if table == "articles":
                data = csv_text((article_record(a) | {"path": a.path} for a in store.articles(as_of=as_of)),
                                ARTICLE_CSV_COLUMNS)
            else:
                data = csv_text((incident_row(i) for i in store.incidents(cut)), INCIDENT_CSV_COLUMNS)
            summary = table
        else:
            data, summary = write_export(store, fmt, layout, Path(out) if out else None, cut)
    if out:
        tmp = Path(out).with_name(Path(out).name + ".part")
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8")
        tmp.replace(out)
        click.echo(f"wrote {out}: {summary}", err=True)
    else:
        click.echo(data, nl=False)


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
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but a loopback address needs a token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="SHARDWATCH_TOKEN", metavar="TOKEN",
              help="Every request must present this token (Authorization: Bearer TOKEN, or open /?token=TOKEN "
                   "once in a browser). Also read from $SHARDWATCH_TOKEN.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP API (/api/v1, OpenAPI at /openapi.json, docs at /docs) and the dashboard at /.

    The database is opened read-only for every request, so an ingest can run at the same time.
    """
    import ipaddress

    import uvicorn

    from shardwatch.serve.api import check_database, create_app

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not token:
        raise ShardwatchError(f"binding to {host} needs a token: pass --token or set SHARDWATCH_TOKEN")
    check_database(ctx.obj["db"])
    click.echo(f"serving {ctx.obj['db']} on http://{host}:{port}/ (API at /api/v1, docs at /docs); Ctrl-C stops",
               err=True)
    uvicorn.run(create_app(ctx.obj["db"], token=token), host=host, port=port, log_level="warning")


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


@cli.command()
@listing_options
@click.option("--min-sources", type=click.IntRange(min=1),
              help="Only incidents with at least this many independent sources (wire copies count once).")
@click.option("--contradictions", "show_contradictions", is_flag=True,
              help="List the incidents' contradicting figures instead of the incidents.")
@click.pass_context
def incidents(ctx: click.Context, fmt: str, min_sources: int | None, show_contradictions: bool, **kwargs) -> None:
    """List incidents: the events of many articles that are one real event, with every source's
    figures, the consensus and range, and how many independent sources stand behind each."""
    from shardwatch.present.records import INCIDENT_CSV_COLUMNS, incident_record, incident_row
    from shardwatch.resolve.incident_view import disagreements

    with _open(ctx) as store:
        found = store.incidents(_filters(kwargs), min_sources=min_sources)
    if show_contradictions:
        rows = [c for incident in found for c in disagreements(incident)]
        if fmt == "json":
            _emit(rows, [], fmt)
        else:
            _emit(rows, ["id", "about", "incident_id", "detail"], fmt)
    elif fmt == "json":
        _emit([incident_record(i) for i in found], [], fmt)
    else:
        columns = INCIDENT_CSV_COLUMNS if fmt == "csv" else [
            "date", "kind", "place_canonical", "country", "perpetrators", "killed", "killed_values",
            "independent_sources", "first_reported", "id"]
        _emit([incident_row(i) for i in found], columns, fmt)


# -- claims, quotes, indicators, contradictions (issue 4) ----------------------------------------


def claim_options(func):
    """The options of the claim listings: format, the usual filters, the measure and --as-of."""
    from shardwatch.extract.claims import measures

    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format.")
    @_date_option("--since", "Only claims as of this day or later (quotes: published on or after it).")
    @_date_option("--until", "Only claims as of this day or earlier (quotes: published on or before it).")
    @click.option("--country", metavar="ISO2", help="Only claims whose scope is in this country (ISO 3166-1 alpha-2).")
    @click.option("--actor", help="Only claims about or by this actor (subject or claimant: id or name).")
    @click.option("--measure", type=click.Choice([m["id"] for m in measures()] + ["other"]),
                  help="Only claims on this measure (see data/measures.jsonl).")
    @_date_option("--as-of", "What was known then: only what articles published on or before this day said.")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many records.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def _claim_filters(kwargs, *, limit: bool = True):
    from shardwatch.store import ClaimFilter

    return ClaimFilter(since=kwargs.get("since"), until=kwargs.get("until"), country=kwargs.get("country"),
                       actor=kwargs.get("actor"), measure=kwargs.get("measure"), as_of=kwargs.get("as_of"),
                       limit=kwargs.get("limit") if limit else None)


def _check_texts(found) -> dict[str, str]:
    """Reference comparisons by claim id: "far: ..." or "agrees: ..."."""
    from shardwatch.analyse import reference_checks

    texts: dict[str, str] = {}
    for check in reference_checks(found):
        if check.claim_id not in texts or not check.agrees:
            texts[check.claim_id] = ("agrees: " if check.agrees else "FAR: ") + check.detail
    return texts


@cli.command()
@claim_options
@click.pass_context
def claims(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List quantitative claims: measure, scope, value, unit, as-of date, claimant and the sentence.

    The check column compares a claim with the shipped reference figure of the same measure,
    scope and time (FAR when they differ by more than the measure's tolerance).
    """
    from shardwatch.present.records import CLAIM_CSV_COLUMNS, claim_record, claim_row

    with _open(ctx) as store:
        found = store.claims(_claim_filters(kwargs))
    checks = _check_texts(found)
    if fmt == "json":
        _emit([claim_record(c) | {"check": checks.get(c.id)} for c in found], [], fmt)
    else:
        columns = CLAIM_CSV_COLUMNS if fmt == "csv" else [
            "as_of", "measure", "scope", "value", "unit", "claimant", "check", "evidence"]
        _emit([claim_row(c, checks.get(c.id, "")) for c in found], columns, fmt)


@cli.command()
@claim_options
@click.pass_context
def quotes(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List direct and indirect quotes with the speaker and the speaker's role as the text gives it."""
    from shardwatch.present.records import QUOTE_CSV_COLUMNS, quote_record, quote_row

    if kwargs.get("measure"):
        raise click.UsageError("--measure applies to claims, not quotes")
    with _open(ctx) as store:
        found = store.quotes(_claim_filters(kwargs))
    if fmt == "json":
        _emit([quote_record(q) for q in found], [], fmt)
    else:
        columns = QUOTE_CSV_COLUMNS if fmt == "csv" else ["speaker", "speaker_role", "direct", "text"]
        _emit([quote_row(q) for q in found], columns, fmt)


@cli.command()
@claim_options
@click.pass_context
def indicators(ctx: click.Context, fmt: str, **kwargs) -> None:
    """Time series of claims per measure and scope, with the claims under each and the
    reference figures beside them."""
    from shardwatch.analyse import indicators as build_indicators
    from shardwatch.analyse.intervals import format_value
    from shardwatch.analyse.reference import matching_points
    from shardwatch.present.records import indicator_record
    from shardwatch.present.table import render_table

    with _open(ctx) as store:
        found = store.claims(_claim_filters(kwargs, limit=False))
    checks = _check_texts(found)
    series = build_indicators(found)[: kwargs.get("limit") or None]
    records = [indicator_record(i, matching_points(i.measure, i.scope, i.unit), checks) for i in series]
    if fmt == "json":
        _emit(records, [], fmt)
        return
    rows = []
    for rec in records:
        for point in rec["claims"]:
            rows.append({"measure": rec["measure"], "scope": rec["scope"], "unit": rec["unit"], "as_of": point["as_of"],
                         "value": format_value(point["low"], point["high"], point["qualifier"]),
                         "source": point["claimant"]["name"], "kind": "claim", "check": point["check"] or "",
                         "evidence": point["evidence"]})
        for ref in rec["reference"]:
            rows.append({"measure": rec["measure"], "scope": rec["scope"], "unit": rec["unit"], "as_of": ref["as_of"],
                         "value": format_value(ref["low"], ref["high"], ref["qualifier"]),
                         "source": f"{ref['claimant']} ({ref['source']})", "kind": "reference", "check": "",
                         "evidence": ref["note"]})
    columns = ["measure", "scope", "unit", "as_of", "kind", "value", "source", "check", "evidence"]
    if fmt == "csv":
        _emit(rows, columns, fmt)
        return
    if not records:
        click.echo("(no records)")
    for rec in records:
        click.echo(f"\n{rec['measure']} | {rec['scope'] or 'scope not given'} | {rec['unit']} "
                   f"({len(rec['claims'])} claims, {len(rec['reference'])} reference figures)")
        mine = sorted((r for r in rows if (r["measure"], r["scope"], r["unit"]) == (rec["measure"], rec["scope"], rec["unit"])),
                      key=lambda r: (r["as_of"] or "", r["kind"]))
        click.echo(render_table(mine, ["as_of", "kind", "value", "source", "check", "evidence"]))


@cli.command()
@claim_options
@click.pass_context
def contradictions(ctx: click.Context, fmt: str, **kwargs) -> None:
    """Figures that cannot both be true, each with both sources and sentences: claims on one
    measure and scope, as of overlapping dates, further apart than the measure's tolerance; and
    independent sources giving one incident figures further apart than the incidents' tolerance."""
    from shardwatch.analyse import contradictions as find_contradictions
    from shardwatch.present.records import claim_record, contradiction_record
    from shardwatch.resolve.incident_view import disagreements

    # incident figures are tolls: they belong under no measure filter, or under attack_killed
    incident_side = kwargs.get("measure") in (None, "attack_killed")
    with _open(ctx) as store:
        found = store.claims(_claim_filters(kwargs, limit=False))
        sources = {a.id: a for a in store.articles()}
        cut = EventFilter(since=kwargs.get("since"), until=kwargs.get("until"), country=kwargs.get("country"),
                          actor=kwargs.get("actor"), as_of=kwargs.get("as_of"))
        incident_found = [x for i in store.incidents(cut) for x in disagreements(i)] if incident_side else []
    by_id = {c.id: c for c in found}
    listed = find_contradictions(found)
    limit = kwargs.get("limit")
    if fmt == "json":
        records = [contradiction_record(x) | {"claims": [claim_record(by_id[i]) for i in x.claim_ids]} for x in listed]
        _emit((records + incident_found)[: limit or None], [], fmt)
        return
    rows = []
    for x in listed:
        a, b = (by_id[i] for i in x.claim_ids)
        row = {"id": x.id, "about": x.about, "detail": x.detail}
        for tag, claim in (("a", a), ("b", b)):
            article = sources.get(claim.article_id)
            row[f"source_{tag}"] = f"{claim.claimant.name} in {article.source if article and article.source else claim.article_id[:8]}"
            row[f"evidence_{tag}"] = claim.evidence[0].text if claim.evidence else ""
        rows.append(row)
    for x in incident_found:
        row = {"id": x["id"], "about": f"incident {x['incident_id']}: {x['about']}", "detail": x["detail"]}
        for tag, value in zip("ab", x["values"]):
            row[f"source_{tag}"] = f"{value['source'] or value['article_id'][:8]} ({value['published'] or 'undated'})"
            row[f"evidence_{tag}"] = str(value["value"])
        rows.append(row)
    rows = rows[: limit or None]
    columns = ["id", "about", "source_a", "evidence_a", "source_b", "evidence_b", "detail"]
    _emit(rows, columns if fmt == "csv" else ["about", "source_a", "source_b", "detail", "evidence_a", "evidence_b"], fmt)


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
