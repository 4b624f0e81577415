"""``shardwatch reextract``: a thin shell over ``Shardwatch.reextract`` (issue 14).

Registered on the main group by ``shardwatch.cli``; kept apart so that module stays short.
"""

from __future__ import annotations

import sys

import click

from shardwatch.cli import _open, _summary_line
from shardwatch.types import ReextractReport


@click.command()
@click.option("--all", "everything", is_flag=True,
              help="Extract every stored article again, not only those from an older extractor version.")
@click.option("--processes", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the per-article work (language model, extraction): ingest's pool of "
                   "worker processes; this process alone writes.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per batch; each batch's records are replaced in one transaction.")
@click.pass_context
def reextract(ctx: click.Context, everything: bool, processes: int, batch_size: int) -> None:
    """Extract stored articles again after the extractors changed.

    Every record's evidence carries its extractor's version, a hash of the extractor's code
    and data files; articles whose records came from an older version (or all, with --all)
    are annotated and extracted again from the stored text. Their events, claims, quotes and
    mentions are replaced; a record found again keeps its id, and incidents are resolved
    again. The exit status is 1 if any article failed (it keeps its old records).
    """
    from tqdm import tqdm

    with _open(ctx, readonly=False) as db, tqdm(
        unit=" articles", desc="re-extracting", disable=not sys.stderr.isatty(), file=sys.stderr
    ) as bar:
        def start(total: int) -> None:
            bar.reset(total=total)

        report = db.reextract(everything=everything, processes=processes, batch_size=batch_size,
                              start=start, progress=lambda _article: bar.update())
        status_ = db.status()
    for failure in report.failures:
        click.echo(f"error: {failure.source}: {failure.reason}", err=True)
    click.echo(summary(report))
    if report.reextracted:
        click.echo(_summary_line(status_, ctx.obj["db"]))
    if report.failures:
        click.echo(f"{len(report.failures)} article(s) failed", err=True)
        ctx.exit(1)


def summary(report: ReextractReport) -> str:
    """One line on what a re-extraction did."""
    if not report.reextracted and not report.failures:
        return (f"nothing to re-extract: all {report.checked} articles are up to date "
                f"(extraction version {report.version})")
    parts = []
    for kind, change in report.changes.items():
        parts.append(f"{kind}s {change.kept} kept, {change.changed} changed, {change.added} added, "
                     f"{change.removed} removed")
    return (f"re-extracted {len(report.reextracted)} of {report.checked} articles with extraction version "
            f"{report.version}: " + "; ".join(parts))
