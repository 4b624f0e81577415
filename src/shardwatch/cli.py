"""The ``shardwatch`` command: a thin shell over the library.

A failure is one line on stderr and a non-zero exit; set SHARDWATCH_DEBUG=1 for a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys

import click

from shardwatch import __version__
from shardwatch.api import Shardwatch
from shardwatch.errors import ShardwatchError
from shardwatch.store import display_name
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
    """The options every listing shares: output format and the record filters. A filter that
    does not apply to a listing is an error (the API says which ones do)."""
    from shardwatch.data import measures

    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                  help="Output format.")
    @_date_option("--since", "Only records dated on or after this day (articles and quotes: published; "
                  "claims: as of).")
    @_date_option("--until", "Only records dated on or before this day.")
    @click.option("--country", metavar="ISO2", help="Only records placed in this country (ISO 3166-1 alpha-2; "
                  "claims: the scope; quotes: a place the article names).")
    @click.option("--actor", help="Only records involving this actor: canonical id (islamic-state), name or any "
                  "alias of the actor catalogue (ISIS, Daesh).")
    @click.option("--kind", type=click.Choice(EVENT_KINDS), help="Only events (incidents) of this kind.")
    @click.option("--measure", type=click.Choice([m["id"] for m in measures()] + ["other"]),
                  help="Only claims on this measure (claims, indicators, contradictions; data/measures.jsonl).")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many records.")
    @_date_option("--as-of", "What was known then: only articles published on or before this day (undated "
                  "ones left out), and incidents with their sources and figures as they stood.")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


FILTER_NAMES = ("since", "until", "country", "actor", "kind", "measure", "limit", "as_of")


def _open(ctx: click.Context, *, readonly: bool = True) -> Shardwatch:
    return Shardwatch(ctx.obj["db"], readonly=readonly)


def _listing(ctx: click.Context, name: str, kwargs: dict, **extra):
    """Call one API listing with the filters given on the command line; a filter the listing
    lacks is an error naming the option."""
    from shardwatch.api import FILTERS_OF

    given = {k: kwargs[k] for k in FILTER_NAMES if kwargs.get(k) is not None}
    wrong = sorted(k for k in given if k not in FILTERS_OF[name])
    if wrong:
        options = ", ".join("--" + k.replace("_", "-") for k in wrong)
        raise click.UsageError(f"{options} {'does' if len(wrong) == 1 else 'do'} not apply to {name}")
    with _open(ctx) as db:
        return getattr(db, name)(**given, **extra)


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
              help="The database: a SQLite file (created by ingest) or a postgresql:// URL.")
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
@click.option("--processes", "-j", type=click.IntRange(min=1), default=None,
              help="Processes for the per-article work (relevance cascade, language model, extraction); "
                   "this process alone writes. Default: the cores this process may use. With --executor ray: "
                   "Ray actors, default one a CPU of the cluster.")
@click.option("--executor", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine. ray: Ray Data actors on a Ray cluster "
                   "(needs pip install 'shardwatch[ray]'); the files must be readable by every node.")
@click.option("--address", metavar="ADDR",
              help="With --executor ray: the cluster to use (auto, or ray://HOST:10001); default: start a "
                   "Ray instance on this machine for the run.")
@click.option("--verbose", is_flag=True,
              help="With --executor ray: show Ray's own log lines (start-up, Ray Data plans, workers' output) "
                   "on stderr; by default they stay in Ray's session folder.")
@click.option("--cascade/--no-cascade", default=True, show_default=True,
              help="Store articles the relevance cascade finds irrelevant without parsing them "
                   "(searchable, counted); --no-cascade parses every article.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per batch; each batch is written in one transaction.")
@_date_option("--published", "Publication date of reports whose own metadata gives none (such as stdin "
              "or a .txt file without a sidecar).")
@click.option("--source", "source_name", metavar="NAME", help="Publisher of reports whose own metadata names none.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], processes: int | None, executor: str, address: str | None,
           verbose: bool, cascade: bool, batch_size: int, published: dt.date | None, source_name: str | None) -> None:
    """Ingest reports: files, folders (recursively), .txt .md .html .json .jsonl, or - for stdin.

    Articles already in the database (same normalised text) are skipped. A bad file is
    reported with its reason and the others are still ingested; the exit status is 1 if
    any file failed. A .txt file takes its title, source, published and url from a sidecar
    NAME.txt.json or NAME.txt.yaml beside it.
    """
    from tqdm import tqdm

    if address and executor != "ray":
        raise click.UsageError("--address is for --executor ray")
    with _open(ctx, readonly=False) as db, tqdm(
        unit=" articles", desc="ingesting", disable=not sys.stderr.isatty(), file=sys.stderr
    ) as bar:
        report = db.ingest(paths, processes=processes, batch_size=batch_size, progress=lambda _article: bar.update(),
                           published=published, source=source_name, cascade=cascade, executor=executor,
                           address=address, ray_logs=verbose)
        status_ = db.status()
    for warning in report.warnings:
        click.echo(f"warning: {warning.source}: {warning.reason}", err=True)
    for failure in report.failures:
        click.echo(f"error: {failure.source}: {failure.reason}", err=True)
    if report.added:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(report.events_by_kind.items())) or "no events"
        click.echo(f"added {len(report.added)} articles ({kinds})"
                   + (f"; {len(report.unparsed)} stored unparsed as irrelevant" if report.unparsed else "")
                   + (f"; {len(report.skipped)} already in the database" if report.skipped else ""))
    else:
        click.echo(f"nothing new: {len(report.skipped)} articles already in the database")
    click.echo(_summary_line(status_, display_name(ctx.obj["db"])))
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
    with _open(ctx) as db:
        found = db.status()
    click.echo(_summary_line(found, display_name(ctx.obj["db"])))
    click.echo(f"{found['incidents']} incidents; {found['duplicates']} articles are near-duplicates of another")
    click.echo(f"{found['claims']} claims, {found['quotes']} quotes")
    if found.get("unparsed_articles"):
        click.echo(f"{found['unparsed_articles']} articles stored unparsed (the relevance cascade found them irrelevant)")
    click.echo(f"schema version {found['schema_version']}")
    pending = found["pending"]
    if pending["articles"] or pending["events"]:
        click.echo(f"resolution pending: {pending['articles']} articles and {pending['events']} events not yet "
                   "checked for near-duplicates and incidents (an ingest was interrupted); the next ingest "
                   "finishes it")


@cli.command()
@listing_options
@click.pass_context
def articles(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List ingested articles (filters: --since/--until on the publication date, --as-of, --limit)."""
    from shardwatch.present.records import ARTICLE_CSV_COLUMNS, article_record

    rows = [article_record(a) | {"path": a.path} for a in _listing(ctx, "articles", kwargs)]
    columns = ARTICLE_CSV_COLUMNS if fmt == "csv" else ["published", "source", "title", "removed_lines", "id"]
    _emit(rows, columns, fmt)


# The events table: what happened, where, who on each side, the toll, and the first sentence.
EVENT_TABLE = ["date", "kind", "place_canonical", "country", "perpetrators", "change", "gaining", "losing",
               "killed", "wounded", "link", "evidence"]


@cli.command()
@listing_options
@click.pass_context
def events(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List events with their place, actors, figures and evidence (dates in the table as precise
    as they are known: 2016-07-14, 2016-07, 2016)."""
    from shardwatch.present.records import EVENT_CSV_COLUMNS, event_record, event_row

    found = _listing(ctx, "events", kwargs)
    if fmt == "json":
        _emit([event_record(e) for e in found], [], fmt)
    elif fmt == "csv":
        _emit([event_row(e) for e in found], EVENT_CSV_COLUMNS, fmt)
    else:
        rows = [event_row(e) for e in found]
        _emit([r | {"date": r["when"]} for r in rows], EVENT_TABLE, fmt)


@cli.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@_date_option("--as-of", "Only articles published on or before this day.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, fmt: str, as_of: dt.date | None) -> None:
    """Full-text search of article titles and text. Words match as words (al-Adnani, U.S.);
    "phrases", AND / OR / NOT / NEAR, prefix* and title:word keep their SQLite FTS5 meaning."""
    with _open(ctx) as db:
        hits = db.search(query, limit=limit, as_of=as_of)
    rows = [{"published": h.article.published, "source": h.article.source, "title": h.article.title,
             "snippet": h.snippet, "id": h.article.id} for h in hits]
    _emit(rows, ["published", "source", "title", "snippet", "id"], fmt)


@cli.command()
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for brief.html and brief.md.")
@click.pass_context
def brief(ctx: click.Context, out_dir: str) -> None:
    """Write the brief (HTML and Markdown): the corpus, and a timeline of events with their evidence."""
    with _open(ctx) as db:
        paths = db.brief(out_dir)
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
    """Role fillers of the attack events of every line {"doc_id", "text"} of INFILE, in the scorer's format.

    Each text is extracted as ingest extracts an article; its line gives the arguments its attack
    events hold, with the events' evidence ("events") and each argument's offsets ("arguments").
    """
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

    if show_contradictions:
        from shardwatch.resolve.incident_view import disagreements

        found = [c for incident in _listing(ctx, "incidents", kwargs, min_sources=min_sources)
                 for c in disagreements(incident)]
        _emit(found, [] if fmt == "json" else ["id", "about", "incident_id", "detail"], fmt)
        return
    found = _listing(ctx, "incidents", kwargs, min_sources=min_sources)
    if fmt == "json":
        _emit([incident_record(i) for i in found], [], fmt)
    else:
        columns = INCIDENT_CSV_COLUMNS if fmt == "csv" else [
            "date", "kind", "place_canonical", "country", "perpetrators", "killed", "killed_values",
            "independent_sources", "first_reported", "id"]
        rows = [incident_row(i) for i in found]
        if fmt == "table":
            from shardwatch.present.records import date_text

            rows = [r | {"date": date_text(i.date, i.date_precision)} for r, i in zip(rows, found)]
        _emit(rows, columns, fmt)


# -- claims, quotes, indicators, contradictions -------------------------------------------------


@cli.command()
@listing_options
@click.pass_context
def claims(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List quantitative claims: measure, scope, value, unit, as-of date, claimant and the sentence.

    --since/--until bound the as-of date, --country the scope, --actor the subject or claimant.
    The check column compares a claim with the shipped reference figure of the same measure,
    scope and time (FAR when they differ by more than the measure's tolerance).
    """
    from shardwatch.api import reference_checks
    from shardwatch.present.records import CLAIM_CSV_COLUMNS, claim_record, claim_row

    found = _listing(ctx, "claims", kwargs)
    checks = reference_checks(found)
    if fmt == "json":
        _emit([claim_record(c) | {"check": checks.get(c.id)} for c in found], [], fmt)
    else:
        columns = CLAIM_CSV_COLUMNS if fmt == "csv" else [
            "as_of", "measure", "scope", "value", "unit", "claimant", "check", "evidence"]
        _emit([claim_row(c, checks.get(c.id, "")) for c in found], columns, fmt)


@cli.command()
@listing_options
@click.pass_context
def quotes(ctx: click.Context, fmt: str, **kwargs) -> None:
    """List direct and indirect quotes with the speaker and the speaker's role as the text gives it
    (--since/--until on the publication date, --actor the speaker, --country a place the article names)."""
    from shardwatch.present.records import QUOTE_CSV_COLUMNS, quote_record, quote_row

    found = _listing(ctx, "quotes", kwargs)
    if fmt == "json":
        _emit([quote_record(q) for q in found], [], fmt)
    else:
        columns = QUOTE_CSV_COLUMNS if fmt == "csv" else ["speaker", "speaker_role", "direct", "text"]
        _emit([quote_row(q) for q in found], columns, fmt)


@cli.command()
@listing_options
@click.pass_context
def indicators(ctx: click.Context, fmt: str, **kwargs) -> None:
    """Time series of claims per measure and scope, with the claims under each and the
    reference figures beside them."""
    from shardwatch.present.records import INDICATOR_POINT_COLUMNS, indicator_points
    from shardwatch.present.table import render_table

    records = _listing(ctx, "indicators", kwargs)
    if fmt == "json":
        _emit(records, [], fmt)
        return
    if fmt == "csv":
        _emit([p for r in records for p in indicator_points(r)], INDICATOR_POINT_COLUMNS, fmt)
        return
    if not records:
        click.echo("(no records)")
    for rec in records:
        click.echo(f"\n{rec['measure']} | {rec['scope'] or 'scope not given'} | {rec['unit']} "
                   f"({len(rec['claims'])} claims, {len(rec['reference'])} reference figures)")
        click.echo(render_table(indicator_points(rec), ["as_of", "kind", "value", "source", "check", "evidence"]))


@cli.command()
@listing_options
@click.pass_context
def contradictions(ctx: click.Context, fmt: str, **kwargs) -> None:
    """Figures that cannot both be true, each with both sources and sentences: claims on one
    measure and scope, as of overlapping dates, further apart than the measure's tolerance; and
    independent sources giving one incident figures further apart than the incidents' tolerance."""
    from shardwatch.present.records import CONTRADICTION_COLUMNS, contradiction_rows

    records = _listing(ctx, "contradictions", kwargs)
    if fmt == "json":
        _emit(records, [], fmt)
        return
    with _open(ctx) as db:
        sources = {a.id: a for a in db.articles()}
    rows = contradiction_rows(records, sources)
    _emit(rows, CONTRADICTION_COLUMNS if fmt == "csv" else
          ["about", "source_a", "source_b", "detail", "evidence_a", "evidence_b"], fmt)


# -- trend analyses (issue 17): their commands live in cli_analyse, registered here -------------

from shardwatch.cli_analyse import analyse  # noqa: E402 (it imports helpers defined above)

cli.add_command(analyse)

from shardwatch.cli_reextract import reextract  # noqa: E402 (issue 14: it imports helpers defined above)

cli.add_command(reextract)

from shardwatch.cli_export import export  # noqa: E402 (it imports helpers defined above)

cli.add_command(export)

from shardwatch.cli_watch import sources, watch  # noqa: E402 (issue 14: it imports helpers defined above)

cli.add_command(watch)
cli.add_command(sources)


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
