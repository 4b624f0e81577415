"""The trend analyses for people: rows for the CLI's tables, and charts (SVG, matplotlib) that
draw every interval, or say "not enough data" where that is the honest answer.

1. ``summary_rows``: one row per figure (figure, estimate, interval, method) of any result.
2. ``detail_rows``: the per-lag correlations, or the pathways' records by month with sources.
3. ``severity_svg``, ``hawkes_svg``, ``territory_svg``, ``pathways_svg``: the brief's charts.
4. ``brief_analyses``: the four analyses on a store, with their charts, for the brief.
"""

from __future__ import annotations

import math

from shardwatch.analyse.hawkes import HawkesResult, hawkes
from shardwatch.analyse.pathways import PathwaysResult, pathways
from shardwatch.analyse.severity import SeverityResult, severity
from shardwatch.analyse.territory_abroad import TerritoryAbroadResult, territory_vs_abroad
from shardwatch.analyse.results import AnalysisFilter, Interval, as_record
from shardwatch.present.charts import SERIES_COLOURS, _pyplot, _svg

TITLES = {"severity": "Severity of attacks: the tail of deaths per incident",
          "hawkes": "Self-excitation: do attacks trigger further attacks?",
          "territory-vs-abroad": "Territory lost against attacks abroad",
          "pathways": "Pathways of foreign fighters"}
SUMMARY_COLUMNS = ["figure", "estimate", "interval", "method"]
NONE_COLOUR = "#777777"


def _num(x: float | None, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return ""
    if abs(x) and (abs(x) < 0.01 or abs(x) >= 1e5):
        return f"{x:.{digits}g}" if abs(x) >= 1e5 else f"{x:.2e}"
    return f"{x:.{digits}f}"


def interval_text(interval: Interval | None, digits: int = 2) -> str:
    if interval is None:
        return ""
    return f"{_num(interval.low, digits)} to {_num(interval.high, digits)} ({interval.level:.0%})"


def _row(figure: str, estimate, interval: Interval | None = None, method: str = "") -> dict:
    value = estimate if isinstance(estimate, str) else _num(estimate)
    return {"figure": figure, "estimate": value, "interval": interval_text(interval),
            "method": method or (interval.method if interval else "")}


def summary_rows(name: str, result) -> list[dict]:
    """The figures of one result, one row each; the first row is the note (or why not)."""
    rows = [{"figure": "conclusion" if result.enough_data else "not enough data", "estimate": result.note,
             "interval": "", "method": result.method}]
    if not result.enough_data:
        return rows
    if name == "severity":
        rows += [_row("alpha (power-law exponent)", result.alpha.estimate, result.alpha),
                 _row("alpha standard error", result.alpha_se, method="maximum likelihood"),
                 _row("xmin (deaths)", result.xmin.estimate, result.xmin),
                 _row("events in the tail", f"{result.n_tail} of {result.n}"),
                 _row("goodness-of-fit p", "" if result.gof_p is None else _num(result.gof_p),
                      method=f"semi-parametric bootstrap ({result.gof_reps} synthetic sets); p > 0.1: plausible")]
        rows += [_row(f"power law vs {c.alternative}", f"R = {_num(c.ratio)}, p = {_num(c.p)}: {c.verdict}",
                      method="normalised log-likelihood ratio (Vuong)") for c in result.comparisons]
        tail = result.tail
        rows += [_row(f"chance of >= {tail.size:g} deaths, one event", tail.per_event.estimate, tail.per_event),
                 _row(f"chance of >= {tail.size:g} deaths in {tail.events} events", tail.at_least_one.estimate,
                      tail.at_least_one)]
    elif name == "hawkes":
        rows += [_row("branching ratio", result.branching_ratio.estimate, result.branching_ratio),
                 _row("background rate (events a day)", result.background_rate, method="maximum likelihood"),
                 _row("decay time (days)", result.decay_days, method="maximum likelihood"),
                 _row("events / days observed", f"{result.events} / {result.period_days:g}"),
                 _row("Hawkes vs Poisson", f"LR = {_num(result.likelihood_ratio)}, delta AIC = "
                      f"{_num(result.delta_aic)}: {result.preferred}", method="AIC > 2 apart decides")]
    elif name == "territory-vs-abroad":
        reg = result.regression
        rows += [_row("verdict", result.verdict)]
        if reg:
            rows += [_row(f"rate ratio per loss, lag {reg.lag}", reg.rate_ratio.estimate, reg.rate_ratio,
                          f"{reg.model} regression with trend, {reg.months} months; p = {_num(reg.p, 3)}")]
        best = max(result.correlations, key=lambda c: abs(c.correlation.estimate), default=None)
        if best:
            rows += [_row(f"strongest cross-correlation (lag {best.lag})", best.correlation.estimate,
                          best.correlation)]
    elif name == "pathways":
        rows += [_row(f"share: {p.label}", p.share.estimate if p.share else 0.0, p.share,
                      f"{p.count} records") for p in result.pathways]
    return rows


def detail_rows(name: str, result) -> tuple[list[dict], list[str]]:
    """Per-lag correlations (territory), or the pathways' records with their sources."""
    if name == "territory-vs-abroad":
        return ([{"lag": c.lag, "correlation": _num(c.correlation.estimate), "interval": interval_text(c.correlation),
                  "months": c.months} for c in result.correlations], ["lag", "correlation", "interval", "months"])
    if name == "pathways":
        rows = [{"pathway": p.label, "month": r.month, "indicator": r.indicator, "record": f"{r.record_type} {r.record_id}",
                 "source": f"{r.source or 'unknown source'}, {r.published or 'undated'}", "text": r.text[:160]}
                for p in result.pathways for r in p.records]
        return rows, ["pathway", "month", "indicator", "record", "source", "text"]
    return [], []


# -- charts -----------------------------------------------------------------------------------


def _not_enough(title: str, note: str) -> str:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 1.6))
    ax.axis("off")
    ax.set_title(title, loc="left")
    ax.text(0.0, 0.45, "not enough data", fontsize=14, color=NONE_COLOUR, transform=ax.transAxes)
    ax.text(0.0, 0.05, note.removeprefix("not enough data: "), fontsize=8, color=NONE_COLOUR, transform=ax.transAxes,
            wrap=True)
    return _svg(fig)


def severity_svg(result: SeverityResult) -> str:
    """The data's complementary CDF on log-log axes, the fitted tail and its alpha interval as a band."""
    import numpy as np

    if not result.enough_data:
        return _not_enough(TITLES["severity"], result.note)
    plt = _pyplot()
    data = np.sort(np.asarray(result.values))
    ccdf = 1 - np.arange(len(data)) / len(data)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.loglog(data, ccdf, ".", color="#424242", markersize=3, label=f"{result.n} events")
    xmin = result.xmin.estimate
    share = float(np.mean(data >= xmin))
    x = np.logspace(np.log10(xmin), np.log10(data.max()), 50)
    fitted = lambda a: share * (x / xmin) ** (1 - a)  # noqa: E731 (continuous approximation, for drawing)
    ax.fill_between(x, fitted(result.alpha.low), fitted(result.alpha.high), color="#ef9a9a", alpha=0.6,
                    label=f"alpha {interval_text(result.alpha)}")
    ax.loglog(x, fitted(result.alpha.estimate), color="#b71c1c", label=f"power law, alpha {result.alpha.estimate:.2f}")
    ax.axvline(xmin, color="#999", linestyle=":", label=f"xmin {xmin:g}")
    ax.set_xlabel("deaths per incident")
    ax.set_ylabel("share of incidents with at least x deaths")
    ax.set_title(TITLES["severity"], loc="left")
    ax.legend(frameon=False, fontsize=8)
    return _svg(fig)


def hawkes_svg(result: HawkesResult) -> str:
    """Cumulative events over time, and the branching ratio with its interval on [0, 1]."""
    if not result.enough_data:
        return _not_enough(TITLES["hawkes"], result.note)
    plt = _pyplot()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4), height_ratios=(2.2, 1))
    top.step(result.times, range(1, len(result.times) + 1), where="post", color="#424242")
    top.set_xlabel("days" + (f" since {result.start}" if result.start else ""))
    top.set_ylabel("events so far")
    top.set_title(TITLES["hawkes"], loc="left")
    n = result.branching_ratio
    bottom.errorbar([n.estimate], [0], xerr=[[n.estimate - n.low], [n.high - n.estimate]], fmt="o", color="#b71c1c",
                    capsize=5)
    bottom.set_xlim(0, 1)
    bottom.set_yticks([])
    bottom.set_xlabel(f"branching ratio (share of events triggered by earlier ones), {n.level:.0%} {n.method}")
    for ax in (top, bottom):
        ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def territory_svg(result: TerritoryAbroadResult) -> str:
    """Cross-correlation by lag with its bootstrap intervals, zero drawn."""
    if not result.enough_data:
        return _not_enough(TITLES["territory-vs-abroad"], result.note)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3.2))
    lags = [c.lag for c in result.correlations]
    est = [c.correlation.estimate for c in result.correlations]
    ax.errorbar(lags, est, yerr=[[e - c.correlation.low for e, c in zip(est, result.correlations)],
                                 [c.correlation.high - e for e, c in zip(est, result.correlations)]],
                fmt="o", color=SERIES_COLOURS["territory_lost"], capsize=3)
    ax.axhline(0, color="#333", linewidth=0.6)
    ax.set_xticks(lags)
    ax.set_xlabel("lag (months from losses to attacks abroad)")
    ax.set_ylabel("correlation (detrended)")
    ax.set_title(TITLES["territory-vs-abroad"], loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def pathways_svg(result: PathwaysResult) -> str:
    """Each pathway's share of the records that speak to the pathways, with its interval."""
    if not result.enough_data:
        return _not_enough(TITLES["pathways"], result.note)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 2.8))
    ys = range(len(result.pathways))
    shares = [p.share.estimate for p in result.pathways]
    ax.barh(ys, shares, color="#90a4ae")
    ax.errorbar(shares, ys, xerr=[[s - p.share.low for s, p in zip(shares, result.pathways)],
                                  [p.share.high - s for s, p in zip(shares, result.pathways)]],
                fmt="none", color="#263238", capsize=3)
    ax.set_yticks(list(ys), [f"{p.label} ({p.count})" for p in result.pathways])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the records that speak to a pathway (95% Goodman interval)")
    ax.set_title(TITLES["pathways"], loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


CHARTS = {"severity": severity_svg, "hawkes": hawkes_svg, "territory-vs-abroad": territory_svg,
          "pathways": pathways_svg}


def brief_analyses(store, filters: AnalysisFilter = AnalysisFilter()) -> list[dict]:
    """The four analyses for the brief: name, title, the result (as a record), its rows and chart."""
    results = {"severity": severity(store, filters), "hawkes": hawkes(store, filters),
               "territory-vs-abroad": territory_vs_abroad(store, filters), "pathways": pathways(store, filters)}
    out = []
    for name, result in results.items():
        out.append({"name": name, "title": TITLES[name], "result": result, "record": as_record(result),
                    "rows": summary_rows(name, result), "svg": CHARTS[name](result), "file": f"brief-{name}.svg"})
    return out
