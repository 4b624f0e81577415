"""Self-excitation: do events trigger further events? A Hawkes process with an exponential kernel.

The intensity at time t (days) is ``mu + sum over earlier events t_i of n * beta * exp(-beta (t - t_i))``:
``mu`` the background rate (events a day), ``n`` the branching ratio (the share of events
triggered by earlier ones, 0 <= n < 1), ``1 / beta`` the kernel's decay time in days.

1. Maximum likelihood with ``scipy.optimize.minimize`` (Nelder-Mead within bounds, on log mu,
   logit n and log beta, from a few starting points); the log-likelihood's sums over earlier events are Ozaki's (1979) recursion,
   vectorised (O(events)).
2. A profile-likelihood interval on ``n``: the values whose profile log-likelihood (mu and beta
   refitted) lies within ``chi2(1).ppf(level) / 2`` of the maximum; the ends found by
   ``scipy.optimize.brentq``.
3. The comparison with a homogeneous Poisson process (``n = 0``): the likelihood-ratio
   statistic and the difference in AIC (Hawkes has two more parameters).

Event times from the store are incidents dated to the day; events of one day are spread over
it by a fixed-seed uniform draw (a day's resolution cannot order them), so a run is repeatable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from shardwatch.analyse.results import AnalysisFilter, Interval, armed_group_incidents
from shardwatch.store import Store
from shardwatch.resolve.incident_view import incidents as stored_incidents

METHOD = "Hawkes process, exponential kernel, maximum likelihood (scipy.optimize), profile-likelihood interval"
# Below this many events the profile interval on the branching ratio says little: on simulated
# series (mu 0.5/day, n 0.5, decay 1 day; 30 seeds each) its median width was 1.00 at about 20
# events, 0.77 at about 40 and 0.41 at about 155 (scripts/hawkes_coverage.py; docs/ANALYSES.md).
MIN_EVENTS = 40
_EPS = 1e-9
# Nelder-Mead (with bounds): three parameters and no gradient needed. L-BFGS-B reached the same
# optimum (log-likelihood equal to 1e-8 on a simulated series of 318 events) but took 2.7 s
# against 0.25 s, its BLAS threads fighting over a shared two-core machine.
OPTIMISER = "Nelder-Mead"


@dataclass(frozen=True)
class HawkesResult:
    method: str
    enough_data: bool
    note: str
    events: int
    period_days: float
    record_ids: tuple[str, ...]
    start: dt.date | None = None  # day 0 of the times (store data)
    times: tuple[float, ...] = ()
    background_rate: float | None = None  # events a day
    branching_ratio: Interval | None = None
    decay_days: float | None = None
    log_likelihood: float | None = None
    poisson_log_likelihood: float | None = None
    likelihood_ratio: float | None = None
    delta_aic: float | None = None  # Poisson AIC minus Hawkes AIC: > 2 favours self-excitation
    preferred: str | None = None


def log_likelihood(times: np.ndarray, period: float, mu: float, n: float, beta: float) -> float:
    """The exact log-likelihood of a Hawkes process with kernel ``n * beta * exp(-beta t)`` on [0, period]."""
    if mu <= 0 or beta <= 0 or not 0 <= n < 1:
        return -np.inf
    excitation = _excitation(times, beta)
    intensity = mu + n * beta * excitation
    compensator = mu * period + n * np.sum(1 - np.exp(-beta * (period - times)))
    return float(np.sum(np.log(intensity)) - compensator)


def _excitation(times: np.ndarray, beta: float) -> np.ndarray:
    """For each event, the sum over earlier events of exp(-beta (t_i - t_j)), vectorised.

    Ozaki's recursion runs event by event; here the times are cut into segments short enough
    (beta * span <= 500) that exp(beta (t_j - start)) stays finite, and each segment is one
    cumulative sum, carrying the earlier segments' sum into the next."""
    out = np.empty(len(times))
    carry = 0.0  # sum over events before the segment of exp(-beta (start - t_j))
    i = 0
    while i < len(times):
        start = times[i]
        j = max(int(np.searchsorted(times, start + 500 / beta, side="left")), i + 1)
        weights = np.exp(beta * (times[i:j] - start))
        before = np.cumsum(weights) - weights
        out[i:j] = np.exp(-beta * (times[i:j] - start)) * (carry + before)
        if j < len(times):
            carry = np.exp(-beta * (times[j] - start)) * (carry + weights.sum())
        i = j
    return out


def _unpack(x: np.ndarray) -> tuple[float, float, float]:
    return float(np.exp(x[0])), float(1 / (1 + np.exp(-x[1]))), float(np.exp(x[2]))


def _best(times: np.ndarray, period: float, starts: list[np.ndarray], fixed_n: float | None = None):
    """The highest likelihood reached from ``starts``: (log-likelihood, mu, n, beta)."""
    from scipy.optimize import minimize

    def loss(x):
        mu, n, beta = _unpack(x) if fixed_n is None else (float(np.exp(x[0])), fixed_n, float(np.exp(x[1])))
        value = log_likelihood(times, period, mu, min(n, 1 - _EPS), beta)
        return -value if np.isfinite(value) else 1e12

    best = None
    for start in starts:
        x0 = start if fixed_n is None else start[[0, 2]]
        # bounds keep beta between a decay of ~3 years and ~15 minutes, where one day's data says anything
        bounds = [(-20, 10), (-12, 12), (np.log(1e-3), np.log(100))]
        found = minimize(loss, x0, method=OPTIMISER, bounds=bounds if fixed_n is None else [bounds[0], bounds[2]])
        if best is None or found.fun < best.fun:
            best = found
    x = best.x
    mu, n, beta = _unpack(x) if fixed_n is None else (float(np.exp(x[0])), fixed_n, float(np.exp(x[1])))
    return -float(best.fun), mu, n, beta


def fit_hawkes(times: Sequence[float], *, period: float | None = None, record_ids: Sequence[str] = (),
               level: float = 0.95, start: dt.date | None = None, min_events: int = MIN_EVENTS) -> HawkesResult:
    """Fit a Hawkes process to event ``times`` (days from 0) observed on [0, ``period``]; with
    fewer than ``min_events`` events, say so instead."""
    from scipy.optimize import brentq
    from scipy.stats import chi2

    t = np.sort(np.asarray(times, dtype=float))
    period = float(period if period is not None else (t[-1] if len(t) else 0.0))
    if len(t) and (t[0] < 0 or t[-1] > period):
        raise ValueError("event times must lie within [0, period]")
    ids = tuple(record_ids)
    if len(t) < min_events or period <= 0:
        return HawkesResult(METHOD, False, f"not enough data: {len(t)} events; a branching ratio needs at least "
                            f"{min_events}", len(t), period, ids, start, tuple(t.tolist()))
    rate = len(t) / period
    starts = [np.array([np.log(rate * (1 - n0)), np.log(n0 / (1 - n0)), np.log(b0)])
              for n0 in (0.2, 0.5, 0.8) for b0 in (0.2, 2.0)]
    top, mu, n, beta = _best(t, period, starts)
    poisson = len(t) * np.log(rate) - len(t)
    threshold = chi2.ppf(level, 1) / 2

    def gap(n_value: float) -> float:
        profile_starts = [np.array([np.log(rate * (1 - n_value) + _EPS), 0.0, np.log(b0)]) for b0 in (beta, 0.2, 2.0)]
        return top - _best(t, period, profile_starts, fixed_n=n_value)[0] - threshold

    # the profile at n = 0 is the Poisson fit whatever beta is
    low = 0.0 if top - poisson <= threshold else brentq(gap, 0.0, n, xtol=1e-3) if n > 0 else 0.0
    edge = 1 - 1e-3
    high = edge if gap(edge) <= 0 else brentq(gap, n, edge, xtol=1e-3)
    ratio = 2 * (top - poisson)
    delta_aic = ratio - 4  # (2 * 1 - 2 * top) - (2 * 3 - 2 * top), Poisson minus Hawkes
    preferred = "Hawkes" if delta_aic > 2 else "Poisson" if delta_aic < -2 else "neither"
    interval = Interval(n, float(low), float(high), level, "profile likelihood")
    note = (f"branching ratio {n:.2f} ({low:.2f}-{high:.2f}): about {n:.0%} of events triggered by earlier ones; "
            f"decay time {1 / beta:.1f} days; "
            + {"Hawkes": "self-excitation fits better than a constant rate",
               "Poisson": "a constant rate fits as well (AIC)",
               "neither": "the data cannot tell self-excitation from a constant rate"}[preferred])
    return HawkesResult(METHOD, True, note, len(t), period, ids, start, tuple(t.tolist()),
                        background_rate=mu, branching_ratio=interval, decay_days=1 / beta, log_likelihood=top,
                        poisson_log_likelihood=float(poisson), likelihood_ratio=float(ratio),
                        delta_aic=float(delta_aic), preferred=preferred)


def simulate_hawkes(mu: float, n: float, beta: float, period: float, rng: np.random.Generator) -> np.ndarray:
    """Event times of a Hawkes process on [0, period], by its cluster form: background events
    as a Poisson process, each event begetting Poisson(n) children at exponential delays."""
    generation = rng.uniform(0, period, rng.poisson(mu * period))
    events = [generation]
    while len(generation):
        children = rng.poisson(n, len(generation))
        parents = np.repeat(generation, children)
        generation = parents + rng.exponential(1 / beta, len(parents))
        generation = generation[generation <= period]
        events.append(generation)
    return np.sort(np.concatenate(events))


def incident_days(store: Store, filters: AnalysisFilter = AnalysisFilter(), *, seed: int = 0
                  ) -> tuple[np.ndarray, float, list[str], dt.date | None]:
    """Times (days since the first day) of incidents dated to the day, the period, their ids, and day 0."""
    kind = filters.kind or "attack"
    dated = [(i.date, i.id) for i in armed_group_incidents(stored_incidents(store, filters.events(kind=kind)), kind)
             if i.date is not None and i.date_precision == "day"]
    if not dated:
        return np.empty(0), 0.0, [], filters.since
    dated.sort()
    first = filters.since or dated[0][0]
    last = filters.until or dated[-1][0]
    rng = np.random.default_rng(seed)
    times = np.array([(d - first).days for d, _ in dated], dtype=float) + rng.uniform(0, 1, len(dated))
    order = np.argsort(times, kind="stable")
    return times[order], float((last - first).days + 1), [dated[i][1] for i in order], first


def hawkes(store: Store, filters: AnalysisFilter = AnalysisFilter(), **options) -> HawkesResult:
    """Self-excitation of the store's incidents (attacks unless ``filters.kind`` says otherwise)."""
    times, period, ids, first = incident_days(store, filters)
    return fit_hawkes(times, period=period, record_ids=ids, start=first, **options)
