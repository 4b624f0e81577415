"""The severity tail: how deaths per incident are distributed, and how likely a very large one is.

Following Clauset, Shalizi and Newman (2009, SIAM Review 51, "Power-law distributions in
empirical data"), with the ``powerlaw`` package (Alstott et al. 2014):

1. Fit a discrete power law above ``xmin``, ``xmin`` chosen to minimise the Kolmogorov-Smirnov
   distance between the data and the fit; alpha by maximum likelihood, with its standard error.
2. Bootstrap (resample the incidents, refit with ``xmin`` chosen again) for percentile intervals
   on alpha and xmin.
3. Goodness of fit by CSN's semi-parametric bootstrap: synthetic sets of the same size, the
   tail drawn from the fitted power law and the body resampled from the data below ``xmin``,
   each refitted; p is the share of synthetic KS distances at least as large as the data's.
   p > 0.1: a power law is plausible (CSN's threshold).
4. Normalised log-likelihood ratios of the power law against lognormal and exponential tails
   (Vuong's test, as ``powerlaw.Fit.distribution_compare`` gives it).
5. The chance of an event at least as large as ``size`` among ``events`` events (Clauset and
   Woodard 2013): per event ``p = n_tail / n * P(X >= size | X >= xmin)``, over the period
   ``1 - (1 - p) ** events``, with the bootstrap's spread as its interval.

The store's figures are incidents' consensus death tolls (the latest independent report's
figure, else the lowest of a range); incidents with no death or no toll are not in a severity
distribution of fatal events.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from shardwatch.analyse.results import AnalysisFilter, Interval, armed_group_incidents
from shardwatch.store import Store
from shardwatch.resolve.incident_view import incidents as stored_incidents

METHOD = "discrete power law, xmin by KS distance (powerlaw 2.0, Clauset-Shalizi-Newman 2009)"
# CSN (2009, section 3.3): with fewer than about 50 observations a power law cannot be told
# from a lognormal or an exponential; below that we say so rather than fit.
MIN_VALUES = 50
# CSN's threshold: a power law is ruled out when the goodness-of-fit p is at or below 0.1.
PLAUSIBLE_P = 0.1


@dataclass(frozen=True)
class Comparison:
    """The power law against another tail: R > 0 favours the power law; p is R's significance."""

    alternative: str
    ratio: float
    p: float
    verdict: str


@dataclass(frozen=True)
class TailChance:
    """The chance of an event of at least ``size`` deaths: per event, and among ``events`` events."""

    size: float
    events: int
    per_event: Interval
    at_least_one: Interval


@dataclass(frozen=True)
class SeverityResult:
    method: str
    enough_data: bool
    note: str
    n: int  # values fitted (deaths per incident, all >= 1)
    values: tuple[float, ...]
    record_ids: tuple[str, ...]  # the incidents behind the values ("" when read from a file)
    alpha: Interval | None = None
    alpha_se: float | None = None
    xmin: Interval | None = None
    n_tail: int = 0
    gof_p: float | None = None
    gof_reps: int = 0
    plausible: bool | None = None
    comparisons: tuple[Comparison, ...] = ()
    tail: TailChance | None = None


@contextlib.contextmanager
def _quiet():
    """powerlaw warns, often lazily when a fit's attribute is first read, about starting points
    outside bounds and flat likelihoods; those are its optimiser's business, not the caller's."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def _fit(values: np.ndarray):
    import powerlaw

    return powerlaw.Fit(values, discrete=True, verbose=0)


def _tail_share(alpha: float, xmin: float, data: np.ndarray, size: float) -> float:
    """P(X >= size) for one event: the tail's share times the discrete power law's ccdf (below
    xmin the power law says nothing, so the data's own share answers)."""
    from scipy.special import zeta

    if size <= xmin:
        return float(np.mean(data >= size))
    return float(np.mean(data >= xmin) * zeta(alpha, size) / zeta(alpha, xmin))


def _draw_tail(alpha: float, xmin: float, size: int, rng: np.random.Generator) -> np.ndarray:
    """Discrete power-law draws by CSN's approximation (their appendix D, eq. D.6)."""
    r = rng.random(size)
    return np.floor((xmin - 0.5) * (1 - r) ** (-1 / (alpha - 1)) + 0.5)


def goodness_of_fit(values: np.ndarray, fit, *, reps: int, rng: np.random.Generator) -> float:
    """CSN's semi-parametric bootstrap p-value of the fitted power law (step 3)."""
    n = len(values)
    body = values[values < fit.xmin]
    share = fit.n_tail / n
    observed = fit.power_law.D
    exceed = 0
    for _ in range(reps):
        tail_n = rng.binomial(n, share) if len(body) else n
        synthetic = np.concatenate([_draw_tail(fit.alpha, fit.xmin, tail_n, rng),
                                    rng.choice(body, n - tail_n) if len(body) else np.empty(0)])
        if _fit(synthetic).power_law.D >= observed:
            exceed += 1
    return exceed / reps


def fit_severity(values: Sequence[float], *, record_ids: Sequence[str] = (), bootstrap: int = 200,
                 gof_reps: int = 200, size: float | None = None, events: int | None = None,
                 seed: int = 0, level: float = 0.95) -> SeverityResult:
    """Fit the severity tail of ``values`` (deaths per event). ``size`` (default: the largest
    value) and ``events`` (default: as many as the data) set the tail chance of step 5;
    ``bootstrap`` and ``gof_reps`` are the resamples of steps 2 and 3."""
    with _quiet():
        return _fit_severity(values, record_ids=record_ids, bootstrap=bootstrap, gof_reps=gof_reps, size=size,
                             events=events, seed=seed, level=level)


def _fit_severity(values, *, record_ids, bootstrap, gof_reps, size, events, seed, level) -> SeverityResult:
    data = np.asarray([v for v in values if v is not None and v >= 1], dtype=float)
    ids = tuple(i for v, i in zip(values, record_ids) if v is not None and v >= 1)
    if len(data) < MIN_VALUES:
        return SeverityResult(METHOD, False, f"not enough data: {len(data)} fatal events with a death toll; a power "
                              f"law needs at least {MIN_VALUES} to be told from a lognormal or exponential tail",
                              len(data), tuple(data.tolist()), ids)
    rng = np.random.default_rng(seed)
    fit = _fit(data)
    size = float(size if size is not None else data.max())
    events = int(events if events is not None else len(data))
    lo_q, hi_q = 100 * (1 - level) / 2, 100 * (1 + level) / 2
    alphas, xmins, chances = [], [], []
    for _ in range(bootstrap):
        sample = rng.choice(data, len(data))
        refit = _fit(sample)
        alphas.append(refit.alpha)
        xmins.append(refit.xmin)
        chances.append(_tail_share(refit.alpha, refit.xmin, sample, size))
    how = f"bootstrap percentile ({bootstrap} resamples)"
    per_event = _tail_share(fit.alpha, fit.xmin, data, size)

    def interval(estimate: float, draws: list[float], transform=lambda x: x) -> Interval:
        if not draws:
            return Interval(transform(estimate), float("nan"), float("nan"), level, "no bootstrap")
        lo, hi = np.percentile([transform(d) for d in draws], [lo_q, hi_q])
        return Interval(float(transform(estimate)), float(lo), float(hi), level, how)

    over_period = lambda p: 1 - (1 - p) ** events  # noqa: E731
    tail = TailChance(size, events, interval(per_event, chances), interval(per_event, chances, over_period))
    comparisons = []
    for alternative in ("lognormal", "exponential"):
        ratio, p = fit.distribution_compare("power_law", alternative, normalized_ratio=True)
        if p >= 0.1:
            verdict = "cannot be told apart"
        else:
            verdict = "power law favoured" if ratio > 0 else f"{alternative} favoured"
        comparisons.append(Comparison(alternative, float(ratio), float(p), verdict))
    gof_p = goodness_of_fit(data, fit, reps=gof_reps, rng=rng) if gof_reps else None
    plausible = None if gof_p is None else gof_p > PLAUSIBLE_P
    note = (f"alpha {fit.alpha:.2f} above xmin {fit.xmin:g} ({fit.n_tail:g} of {len(data)} events in the tail)"
            + ("" if gof_p is None else f"; goodness of fit p = {gof_p:.2f}: a power law is "
               + ("plausible" if plausible else "ruled out")))
    return SeverityResult(
        METHOD, True, note, len(data), tuple(data.tolist()), ids,
        alpha=interval(fit.alpha, alphas), alpha_se=float(fit.sigma), xmin=interval(fit.xmin, xmins),
        n_tail=int(fit.n_tail), gof_p=gof_p, gof_reps=gof_reps, plausible=plausible,
        comparisons=tuple(comparisons), tail=tail)


def incident_deaths(store: Store, filters: AnalysisFilter = AnalysisFilter()) -> tuple[list[float], list[str]]:
    """Deaths per incident (consensus figures) of one kind (attacks by default), with the incident ids."""
    values, ids = [], []
    kind = filters.kind or "attack"
    for incident in armed_group_incidents(stored_incidents(store, filters.events(kind=kind)), kind):
        consensus = incident.killed_consensus
        if consensus is None:
            continue
        value = consensus.value if consensus.value is not None else consensus.low
        if value is not None and value >= 1:
            values.append(float(value))
            ids.append(incident.id)
    return values, ids


def severity(store: Store, filters: AnalysisFilter = AnalysisFilter(), **options) -> SeverityResult:
    """The severity tail of the store's incidents (attacks unless ``filters.kind`` says otherwise)."""
    values, ids = incident_deaths(store, filters)
    return fit_severity(values, record_ids=ids, **options)
