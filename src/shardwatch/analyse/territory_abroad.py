"""Territory against attacks abroad: did the organisation's attacks outside Iraq and Syria rise
as it lost ground?

1. Monthly series: the organisation's territorial losses (reported losses counted as in the
   timeline, ``analyse.monthly``; or, with ``losses="area"``, square kilometres lost a month
   from the shipped IHS series of area held, interpolated between its dates) against its attacks
   abroad, in total and by link (directed, enabled, inspired, unknown).
2. Cross-correlation of the two series at lags of 0 to 12 months (losses first), each series
   with its linear trend removed (two series that both trend correlate whatever drives them),
   with moving-block bootstrap intervals (blocks of about n^(1/3) months keep the months'
   dependence).
3. A negative binomial regression (statsmodels) of attacks abroad on losses ``lag`` months
   before, with a linear trend: the rate ratio per loss, with its interval.
4. A plain verdict. With fewer than ``MIN_MONTHS`` months, or too few losses or attacks, the
   analysis says the data cannot support a conclusion and gives no coefficients.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from shardwatch.analyse.monthly import ABROAD_LINKS, monthly_series
from shardwatch.analyse.results import AnalysisFilter, Interval
from shardwatch.data import data_path
from shardwatch.store import EventFilter, Store
from shardwatch.types import Event
from shardwatch.resolve.incident_view import incidents as stored_incidents

METHOD = ("cross-correlation of detrended monthly series with moving-block bootstrap intervals; negative binomial "
          "regression of attacks abroad on lagged losses with a linear trend (statsmodels)")
# Two years of months: with fewer, a correlation of 0.4 (a strong one for such series) cannot be
# told from none at the 5% level (its approximate standard error 1/sqrt(n) is 0.2 at n = 24).
MIN_MONTHS = 24
# Fewer events than this in either series leaves most months at zero: nothing to correlate.
MIN_EVENTS = 10
MAX_LAG = 12


@dataclass(frozen=True)
class LagCorrelation:
    lag: int  # months from losses to attacks
    correlation: Interval
    months: int  # month pairs behind it


@dataclass(frozen=True)
class CountRegression:
    model: str  # "negative binomial" (or "Poisson" when the dispersion could not be estimated)
    lag: int
    rate_ratio: Interval  # attacks abroad multiply by this per loss (per 1,000 km2 for area)
    p: float
    trend_ratio: float  # per month
    dispersion: float | None
    months: int


@dataclass(frozen=True)
class TerritoryAbroadResult:
    method: str
    enough_data: bool
    note: str
    losses_from: str  # "events" (reported losses) or "area" (IHS km2 held, interpolated)
    months: tuple[str, ...]
    losses: tuple[float, ...]
    abroad: tuple[int, ...]
    abroad_by_link: dict[str, tuple[int, ...]]
    # per month, the records counted: event ids (one list per real event), or reference rows
    records: dict[str, dict[str, list]]
    record_ids: tuple[str, ...]
    correlations: tuple[LagCorrelation, ...] = ()
    regression: CountRegression | None = None
    verdict: str = ""


def _detrend(series: np.ndarray) -> np.ndarray:
    t = np.arange(len(series), dtype=float)
    slope, intercept = np.polyfit(t, series, 1)
    return series - (slope * t + intercept)


def _corr(x: np.ndarray, y: np.ndarray) -> float:
    if np.std(x) == 0 or np.std(y) == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def block_bootstrap_indices(n: int, block: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of a moving-block bootstrap resample of length n (Kuensch 1989)."""
    starts = rng.integers(0, n - block + 1, int(np.ceil(n / block)))
    return (starts[:, None] + np.arange(block)[None, :]).ravel()[:n]


def cross_correlations(losses: Sequence[float], attacks: Sequence[float], *, max_lag: int = MAX_LAG,
                       reps: int = 500, level: float = 0.95, seed: int = 0) -> list[LagCorrelation]:
    """Correlation of detrended losses at month t with detrended attacks at t + lag, lag 0..max_lag."""
    x, y = _detrend(np.asarray(losses, float)), _detrend(np.asarray(attacks, float))
    rng = np.random.default_rng(seed)
    out = []
    for lag in range(0, max_lag + 1):
        a, b = x[: len(x) - lag], y[lag:]
        n = len(a)
        if n < 4:
            break
        block = max(2, round(n ** (1 / 3)))
        draws = []
        for _ in range(reps):
            idx = block_bootstrap_indices(n, block, rng)
            draws.append(_corr(a[idx], b[idx]))
        lo, hi = np.percentile(draws, [100 * (1 - level) / 2, 100 * (1 + level) / 2]) if draws else (np.nan, np.nan)
        out.append(LagCorrelation(lag, Interval(_corr(a, b), float(lo), float(hi), level,
                                                f"moving-block bootstrap percentile ({reps} resamples, blocks of "
                                                f"{block} months)"), n))
    return out


def count_regression(losses: Sequence[float], attacks: Sequence[int], *, lag: int = 1,
                     level: float = 0.95, scale: float = 1.0) -> CountRegression | None:
    """Attacks abroad at t on losses at t - lag and a linear trend; negative binomial (dispersion
    estimated), else Poisson when the dispersion goes to zero or the fit fails."""
    import statsmodels.api as sm
    from statsmodels.discrete.discrete_model import NegativeBinomial, Poisson

    x = np.asarray(losses, float)[: len(losses) - lag] / scale
    y = np.asarray(attacks, float)[lag:]
    if len(y) < 6 or np.std(x) == 0:  # losses that never change say nothing of what follows them
        return None
    t = np.arange(len(y), dtype=float)
    design = sm.add_constant(np.column_stack([x, t]), has_constant="add")
    model, dispersion = "negative binomial", None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            fit = NegativeBinomial(y, design).fit(disp=0, maxiter=200)
            dispersion = float(fit.params[-1])
            if not np.all(np.isfinite(fit.bse)) or dispersion < 1e-6:
                raise ValueError("dispersion not identified")
        except Exception:  # statsmodels raises several kinds on a flat likelihood
            model = "Poisson"
            try:
                fit = Poisson(y, design).fit(disp=0, maxiter=200)
            except Exception:
                return None
    low, high = fit.conf_int(alpha=1 - level)[1]
    return CountRegression(model, lag, Interval(float(np.exp(fit.params[1])), float(np.exp(low)), float(np.exp(high)),
                                                level, "Wald interval of the coefficient"),
                           float(fit.pvalues[1]), float(np.exp(fit.params[2])), dispersion, len(y))


def fit_territory_abroad(months: Sequence[str], losses: Sequence[float], abroad_by_link: dict[str, Sequence[int]], *,
                         losses_from: str = "events", records: dict[str, dict[str, list]] | None = None,
                         record_ids: Iterable[str] = (), lag: int = 1, reps: int = 500, seed: int = 0,
                         level: float = 0.95) -> TerritoryAbroadResult:
    """The analysis on monthly series given as lists of equal length, one value a month."""
    by_link = {link: tuple(int(v) for v in abroad_by_link.get(link, [0] * len(months))) for link in ABROAD_LINKS}
    abroad = tuple(int(sum(vals)) for vals in zip(*by_link.values())) if months else ()
    base = dict(method=METHOD, losses_from=losses_from, months=tuple(months), losses=tuple(float(v) for v in losses),
                abroad=abroad, abroad_by_link=by_link, records=records or {}, record_ids=tuple(record_ids))
    total_losses = sum(losses) if losses_from == "events" else sum(1 for v in losses if v > 0)
    short = []
    if len(months) < MIN_MONTHS:
        short.append(f"{len(months)} months (at least {MIN_MONTHS} needed)")
    if total_losses < MIN_EVENTS:
        short.append(f"{total_losses:g} {'losses' if losses_from == 'events' else 'months with ground lost'} "
                     f"(at least {MIN_EVENTS} needed)")
    if sum(abroad) < MIN_EVENTS:
        short.append(f"{sum(abroad)} attacks abroad (at least {MIN_EVENTS} needed)")
    if short:
        return TerritoryAbroadResult(enough_data=False, note="not enough data: " + "; ".join(short), **base,
                                     verdict="The data cannot support a conclusion on territory and attacks abroad.")
    correlations = cross_correlations(losses, abroad, reps=reps, seed=seed, level=level)
    scale = 1000.0 if losses_from == "area" else 1.0
    regression = count_regression(losses, abroad, lag=lag, level=level, scale=scale)
    unit = "1,000 km2 lost" if losses_from == "area" else "reported loss"
    excluding = [c for c in correlations if c.correlation.low > 0 or c.correlation.high < 0]
    if regression and regression.rate_ratio.low > 1:
        verdict = (f"Attacks abroad rose with losses {lag} month(s) before: each {unit} goes with "
                   f"{regression.rate_ratio.estimate:.2f} times the attacks ({regression.rate_ratio.low:.2f}-"
                   f"{regression.rate_ratio.high:.2f}), trend held constant.")
    elif regression and regression.rate_ratio.high < 1:
        verdict = (f"Attacks abroad fell with losses {lag} month(s) before: each {unit} goes with "
                   f"{regression.rate_ratio.estimate:.2f} times the attacks ({regression.rate_ratio.low:.2f}-"
                   f"{regression.rate_ratio.high:.2f}), trend held constant.")
    elif regression is None:
        verdict = "The count regression could not be fitted (the losses do not vary, or the fit failed)."
    else:
        verdict = (f"The data do not show attacks abroad following losses {lag} month(s) before: the rate ratio's "
                   "interval includes 1.")
    if excluding:
        verdict += (" Cross-correlation intervals exclude zero at lag(s) "
                    + ", ".join(str(c.lag) for c in excluding)
                    + f"; of {len(correlations)} lags, about one in twenty would by chance.")
    else:
        verdict += " No cross-correlation interval at lags 0-12 excludes zero."
    note = f"{len(months)} months, {sum(abroad)} attacks abroad, losses from {losses_from}"
    return TerritoryAbroadResult(enough_data=True, note=note, **base, correlations=tuple(correlations),
                                 regression=regression, verdict=verdict)


def _event_fields(event: Event) -> dict:
    """The fields of the export line format that the monthly series read."""
    place = event.place
    return {"id": event.id, "kind": event.kind, "date": event.date.isoformat() if event.date else None,
            "date_precision": event.date_precision, "link": event.link, "change": event.change,
            "place": None if place is None else {"canonical": place.canonical, "name": place.name,
                                                 "country": place.country},
            "actors": [{"id": a.actor_id, "role": a.role} for a in event.actors]}


def reference_area_losses(months: Sequence[str]) -> tuple[list[float], dict[str, list]]:
    """km2 lost each month by the IHS series of area held (``data/reference/territory.csv``),
    linear between its dates; months outside the series' span are 0 and have no rows."""
    rows = [r for r in csv.DictReader(io.StringIO(data_path("reference").joinpath("territory.csv").read_text("utf-8")))
            if r["measure"] == "territory_held" and r["unit"] == "km2"]
    dates = [dt.date.fromisoformat(r["as_of"]) for r in rows]
    ordinal = np.array([d.toordinal() for d in dates], float)
    held = np.array([float(r["value"]) for r in rows])
    losses, records = [], {}
    for month in months:
        first = dt.date(int(month[:4]), int(month[5:]), 1)
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        if nxt.toordinal() <= ordinal[0] or first.toordinal() >= ordinal[-1]:
            losses.append(0.0)
            continue
        a, b = np.interp([first.toordinal(), nxt.toordinal()], ordinal, held)
        losses.append(float(a - b))
        # the reference rows the month's figure is interpolated between
        lo = max(0, int(np.searchsorted(ordinal, first.toordinal(), side="right")) - 1)
        hi = min(len(rows) - 1, int(np.searchsorted(ordinal, nxt.toordinal(), side="left")))
        records[month] = [f"reference:territory.csv:{rows[k]['as_of']}" for k in range(lo, hi + 1)]
    return losses, records


def territory_vs_abroad(store: Store, filters: AnalysisFilter = AnalysisFilter(), *, losses_from: str = "events",
                        **options) -> TerritoryAbroadResult:
    """The analysis on the store: reported losses (or IHS area) against attacks abroad.
    ``filters.country`` keeps attacks in one country; ``filters.kind`` may only be attack."""
    if filters.kind not in (None, "attack"):
        raise ValueError(f"territory-vs-abroad counts attacks, not {filters.kind} events")
    if losses_from not in ("events", "area"):
        raise ValueError(f"losses come from events or area, not {losses_from}")
    attacks = store.events(EventFilter(kind="attack", country=filters.country, since=filters.since,
                                       until=filters.until))
    # the country narrows the attacks; the losses stay the organisation's, wherever they were
    territory = store.events(EventFilter(kind="territory", since=filters.since, until=filters.until))
    incidents = [{"id": i.id, "event_ids": list(i.event_ids)}
                 for i in stored_incidents(store, EventFilter(since=filters.since, until=filters.until))]
    series = monthly_series([_event_fields(e) for e in attacks + territory], incidents)
    months = series["months"]
    if losses_from == "area":
        losses, loss_records = reference_area_losses(months)
    else:
        losses, loss_records = series["series"]["territory_lost"], series["records"]["territory_lost"]
    records = {"losses": loss_records, **{link: series["records"][link] for link in ABROAD_LINKS}}
    ids = sorted({i for link in ABROAD_LINKS for groups in series["records"][link].values() for g in groups for i in g}
                 | ({i for groups in loss_records.values() for g in groups for i in g} if losses_from == "events"
                    else {r for rows in loss_records.values() for r in rows}))
    return fit_territory_abroad(months, losses, {link: series["series"][link] for link in ABROAD_LINKS},
                                losses_from=losses_from, records=records, record_ids=ids, **options)
