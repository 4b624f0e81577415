"""``shardwatch watch`` and ``shardwatch sources``: thin shells over ``Shardwatch.poll`` and
``Shardwatch.sources`` (issue 14). Registered on the main group by ``shardwatch.cli``."""

from __future__ import annotations

import dataclasses
import time

import click

from shardwatch.cli import FORMATS, _emit, _open
from shardwatch.types import PollReport, WatchedSource

SOURCE_COLUMNS = [f.name for f in dataclasses.fields(WatchedSource)]


def _line(report: PollReport) -> str:
    state = report.source
    if state.status == "not_modified":
        return f"{state.source}: not modified ({state.detail})"
    if state.status == "failed":
        return f"{state.source}: failed: {state.detail}"
    what = "entries" if state.kind == "feed" else "files"
    line = f"{state.source}: {state.items_new} new article{'s' if state.items_new != 1 else ''} ({state.items_seen} {what}"
    if state.items_failed:
        line += f", {state.items_failed} failed, tried again next poll"
    return line + ")"


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_FEED...")
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True, metavar="SECONDS",
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll each source once and exit (for cron and tests); the exit status "
                                           "is 1 if a source or an item failed.")
@click.option("--fetch-pages", is_flag=True,
              help="For a feed entry that gives only a link, fetch the linked page from any host and take its "
                   "main text (trafilatura).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST",
              help="Fetch linked pages from this host (and its subdomains) only; repeatable.")
@click.option("--timeout", type=click.FloatRange(min=1), default=30, show_default=True, metavar="SECONDS",
              help="Seconds a feed or page may take to answer.")
@click.option("--processes", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the language model (nlp.pipe n_process).")
@click.option("--cascade/--no-cascade", default=True, show_default=True,
              help="Store articles the relevance cascade finds irrelevant without parsing them.")
@click.pass_context
def watch(ctx: click.Context, sources: tuple[str, ...], interval: float, once: bool, fetch_pages: bool,
          allow_hosts: tuple[str, ...], timeout: float, processes: int, cascade: bool) -> None:
    """Poll folders, files and RSS/Atom feeds, and ingest what is new, until interrupted.

    A feed (an http:// or https:// URL) is fetched conditionally (ETag, Last-Modified): an
    unchanged feed answers 304 and nothing is read. Each entry is read from the text the
    feed carries; an entry that gives only a link is read from the linked page (its main
    text, through trafilatura) when --fetch-pages or --allow-host allows that host, else
    from its summary. A folder is read again only when a file was added, removed or changed;
    articles already in the database are skipped. A bad item is reported in one line and
    tried again at the next poll; the others are ingested. When each source was last polled,
    its status and counts are kept in the database: see `shardwatch sources`, the HTTP API
    (/api/v1/sources) and the dashboard.
    """
    hosts = None if fetch_pages else tuple(allow_hosts)
    failed = False
    with _open(ctx, readonly=False) as db:
        while True:
            for report in db.poll(sources, allow_hosts=hosts, processes=processes, cascade=cascade,
                                  timeout=timeout):
                for warning in report.ingest.warnings if report.ingest else ():
                    click.echo(f"warning: {warning.source}: {warning.reason}", err=True)
                for failure in report.failures:
                    if failure.source != report.source.source:
                        click.echo(f"error: {failure.source}: {failure.reason}", err=True)
                click.echo(_line(report), err=report.source.status == "failed")
                failed = failed or bool(report.failures)
            if once:
                break
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                click.echo("stopped", err=True)
                return
    if failed:
        ctx.exit(1)


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@click.pass_context
def sources(ctx: click.Context, fmt: str) -> None:
    """The sources `shardwatch watch` polls: when each was last polled, its status, the items
    the last poll saw, ingested and failed, and the validators of the next conditional GET."""
    with _open(ctx) as db:
        found = db.sources()
    rows = [dataclasses.asdict(s) for s in found]
    columns = SOURCE_COLUMNS if fmt != "table" else ["source", "kind", "last_polled", "status", "items_seen",
                                                     "items_new", "items_failed", "polls", "detail"]
    if fmt == "table" and not rows:
        click.echo("no sources polled yet: run `shardwatch watch PATH_OR_FEED...`")
        return
    _emit(rows, columns, fmt)
