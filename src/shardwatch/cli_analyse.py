"""``shardwatch analyse``: the trend analyses (issue 17), a thin shell over ``shardwatch.analyse``.

Registered on the main group by ``shardwatch.cli``; kept apart so that module stays short.
"""

from __future__ import annotations

import functools
import json

import click

from shardwatch.cli import _date_option, _open
from shardwatch.errors import ShardwatchError
from shardwatch.types import EVENT_KINDS


def analysis_options(func):
    """The options every analysis shares: the records it reads, a file of values instead, the format."""
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                  help="Output format (json: the whole result, intervals, method and record ids).")
    @click.option("--kind", type=click.Choice(EVENT_KINDS), help="Events of this kind (default: attacks).")
    @click.option("--country", metavar="ISO2", help="Only records placed in this country (ISO 3166-1 alpha-2).")
    @_date_option("--since", "Only records dated on or after this day.")
    @_date_option("--until", "Only records dated on or before this day.")
    @click.option("--seed", type=int, default=0, show_default=True, help="Seed of the resampling (results repeat).")
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def _values_option(help_text: str):
    return click.option("--values", "values_file", type=click.Path(exists=True, dir_okay=False),
                        help=help_text + " Read from this file instead of the database.")


def _analysis_filter(kwargs):
    from shardwatch.analyse import AnalysisFilter

    country = kwargs.get("country")
    if country and (len(country) != 2 or not country.isalpha()):
        raise click.BadParameter(f"{country!r} is not a two-letter country code", param_hint="--country")
    return AnalysisFilter(kind=kwargs.get("kind"), country=country.upper() if country else None,
                          since=kwargs.get("since"), until=kwargs.get("until"))


def _show_analysis(name: str, result, fmt: str) -> None:
    from shardwatch.analyse import as_record
    from shardwatch.present.analyses import SUMMARY_COLUMNS, detail_rows, summary_rows
    from shardwatch.present.table import render_table

    if fmt == "json":
        click.echo(json.dumps({"analysis": name, **as_record(result)}, ensure_ascii=False))
        return
    click.echo(f"{name}: {result.note}")
    click.echo(f"method: {result.method}")
    figures = summary_rows(name, result)[1:]  # the first is the note, shown whole above
    if figures:
        click.echo("")
        click.echo(render_table(figures, SUMMARY_COLUMNS))
    rows, columns = detail_rows(name, result)
    if rows:
        click.echo("")
        click.echo(render_table(rows, columns))
    if result.record_ids:
        click.echo(f"\n{len(result.record_ids)} records behind these figures (--format json lists their ids)")


@click.group()
def analyse() -> None:
    """Trend analyses with their uncertainty: severity, hawkes, territory-vs-abroad, pathways.

    Each reads the database (or, where it says so, a file of values), and gives every figure with
    its interval, the method, and the records it rests on; when the data cannot support a
    conclusion it says "not enough data".
    """


@analyse.command("severity")
@analysis_options
@_values_option("Deaths per event, one number a line (or a CSV with a deaths, killed or value column).")
@click.option("--size", type=click.FloatRange(min=1), help="Deaths of the event whose chance is asked "
              "(default: the largest in the data).")
@click.option("--events", type=click.IntRange(min=1), help="Events in the period of that chance (default: as many "
              "as the data holds).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=200, show_default=True,
              help="Resamples for the intervals on alpha, xmin and the chance.")
@click.option("--gof-reps", type=click.IntRange(min=0), default=200, show_default=True,
              help="Synthetic sets for the goodness-of-fit p (0 skips it).")
@click.pass_context
def analyse_severity(ctx: click.Context, fmt: str, values_file: str | None, seed: int, size: float | None,
                     events: int | None, bootstrap: int, gof_reps: int, **kwargs) -> None:
    """The tail of deaths per incident: a discrete power law (xmin by KS distance) with bootstrap
    intervals, goodness of fit, comparisons with lognormal and exponential tails, and the chance
    of an event at least as large as --size."""
    from shardwatch.analyse import fit_severity, severity
    from shardwatch.ingest.values import read_numbers

    options = dict(size=size, events=events, bootstrap=bootstrap, gof_reps=gof_reps, seed=seed)
    if values_file:
        result = fit_severity(read_numbers(values_file), **options)
    else:
        with _open(ctx) as db:
            store = db.store
            result = severity(store, _analysis_filter(kwargs), **options)
    _show_analysis("severity", result, fmt)


@analyse.command("hawkes")
@analysis_options
@_values_option("Event times, one a line: days (YYYY-MM-DD) or numbers of days.")
@click.pass_context
def analyse_hawkes(ctx: click.Context, fmt: str, values_file: str | None, seed: int, **kwargs) -> None:
    """Self-excitation: a Hawkes process (exponential kernel) by maximum likelihood, with the
    branching ratio's profile-likelihood interval, the decay time, and the comparison with a
    constant (Poisson) rate. Incidents dated to the day; one day's incidents spread over it."""
    import numpy as np

    from shardwatch.analyse import fit_hawkes
    from shardwatch.analyse.hawkes import hawkes
    from shardwatch.ingest.values import read_times

    if values_file:
        times, first = read_times(values_file)
        if first is not None:  # days: spread within the day, as for the store
            times = list(np.sort(np.asarray(times) + np.random.default_rng(seed).uniform(0, 1, len(times))))
            period = (max(times) // 1 + 1) if times else 0.0
        else:
            period = max(times) if times else 0.0
        result = fit_hawkes(times, period=period, start=first)
    else:
        with _open(ctx) as db:
            store = db.store
            result = hawkes(store, _analysis_filter(kwargs))
    _show_analysis("hawkes", result, fmt)


@analyse.command("territory-vs-abroad")
@analysis_options
@_values_option("A CSV: month (YYYY-MM), losses, and abroad or directed, enabled, inspired, unknown.")
@click.option("--losses", "losses_from", type=click.Choice(["events", "area"]), default="events", show_default=True,
              help="events: the reported territorial losses; area: km2 lost a month by the shipped IHS series.")
@click.option("--lag", type=click.IntRange(0, 12), default=1, show_default=True,
              help="Months from losses to attacks in the count regression.")
@click.option("--reps", type=click.IntRange(min=10), default=500, show_default=True,
              help="Block-bootstrap resamples for the correlations' intervals.")
@click.pass_context
def analyse_territory(ctx: click.Context, fmt: str, values_file: str | None, seed: int, losses_from: str, lag: int,
                      reps: int, **kwargs) -> None:
    """The organisation's territorial losses against its attacks outside Iraq and Syria, by
    month: cross-correlations at lags 0-12 with block-bootstrap intervals, and a negative
    binomial regression of attacks on lagged losses, with a plain verdict."""
    from shardwatch.analyse import fit_territory_abroad, territory_vs_abroad
    from shardwatch.ingest.values import read_monthly

    if values_file:
        months, losses, by_link = read_monthly(values_file)
        result = fit_territory_abroad(months, losses, by_link, losses_from="file", lag=lag, reps=reps, seed=seed)
    else:
        with _open(ctx) as db:
            store = db.store
            try:
                result = territory_vs_abroad(store, _analysis_filter(kwargs), losses_from=losses_from, lag=lag,
                                             reps=reps, seed=seed)
            except ValueError as exc:
                raise ShardwatchError(str(exc)) from None
    _show_analysis("territory-vs-abroad", result, fmt)


@analyse.command("pathways")
@analysis_options
@click.pass_context
def analyse_pathways(ctx: click.Context, fmt: str, seed: int, **kwargs) -> None:
    """The five pathways of foreign fighters (disengage, go underground, join another group,
    relocate to an affiliate, be sent home to attack): the claims, quotes and events that speak
    to each, by month with their sources, and each pathway's share with its interval.
    --kind keeps events of that kind only (no claims or quotes); --country leaves quotes out."""
    from shardwatch.analyse import pathways

    with _open(ctx) as db:
        store = db.store
        result = pathways(store, _analysis_filter(kwargs))
    _show_analysis("pathways", result, fmt)
