"""Self-excitation: a Hawkes process fitted to simulated series of known parameters, the
interval's coverage over seeds, a Poisson series told apart, too little data, the store's days."""

from __future__ import annotations

import datetime as dt

import numpy as np

from analyse_helpers import attacks_abroad
from shardwatch.analyse.hawkes import MIN_EVENTS, fit_hawkes, hawkes, log_likelihood, simulate_hawkes
from shardwatch.analyse.results import AnalysisFilter


def test_log_likelihood_matches_the_sum_over_pairs():
    times = np.array([0.5, 1.0, 1.2, 4.0, 4.1, 9.0])
    mu, n, beta, period = 0.3, 0.4, 1.5, 10.0
    intensity = [mu + n * beta * np.sum(np.exp(-beta * (t - times[times < t]))) for t in times]
    expected = np.sum(np.log(intensity)) - mu * period - n * np.sum(1 - np.exp(-beta * (period - times)))
    assert abs(log_likelihood(times, period, mu, n, beta) - expected) < 1e-9


def test_branching_ratio_interval_covers_the_true_value_in_at_least_90_percent_of_seeds():
    mu, n, beta, period = 0.5, 0.5, 1.0, 150.0  # about 150 events a series
    covered, estimates = 0, []
    for seed in range(30):
        fit = fit_hawkes(simulate_hawkes(mu, n, beta, period, np.random.default_rng(seed)), period=period)
        assert fit.enough_data
        covered += fit.branching_ratio.contains(n)
        estimates.append((fit.branching_ratio.estimate, fit.background_rate, fit.decay_days))
    assert covered >= 27
    n_hat, mu_hat, decay_hat = np.median(np.array(estimates), axis=0)
    assert abs(n_hat - n) < 0.1 and abs(mu_hat - mu) < 0.15 and abs(decay_hat - 1 / beta) < 0.4


def test_self_exciting_series_prefers_hawkes_and_a_poisson_series_does_not():
    rng = np.random.default_rng(11)
    excited = fit_hawkes(simulate_hawkes(0.3, 0.7, 2.0, 300.0, rng), period=300.0)
    assert excited.preferred == "Hawkes" and excited.delta_aic > 2
    assert excited.branching_ratio.low > 0.4
    flat = fit_hawkes(np.sort(rng.uniform(0, 300.0, 200)), period=300.0)
    assert flat.preferred != "Hawkes"
    assert flat.branching_ratio.low == 0.0  # n = 0 is inside the interval


def test_too_few_events_say_not_enough_data():
    fit = fit_hawkes([1.0, 2.5, 2.7, 9.0], period=10.0)
    assert not fit.enough_data and fit.branching_ratio is None
    assert fit.note == f"not enough data: 4 events; a branching ratio needs at least {MIN_EVENTS}"


def test_store_incidents_give_the_days_and_their_ids(tmp_db):
    rng = np.random.default_rng(5)
    times = simulate_hawkes(0.4, 0.5, 0.5, 120.0, rng)
    start = dt.date(2016, 1, 1)
    days = sorted({int(t) for t in times})
    attacks_abroad(tmp_db, [(start + dt.timedelta(days=d), 1.0) for d in days])
    fit = hawkes(tmp_db, AnalysisFilter(since=start, until=start + dt.timedelta(days=119)))
    assert fit.events == len(days) and fit.period_days == 120
    assert fit.start == start
    assert all(d <= t < d + 1 for d, t in zip(days, fit.times))  # each day spread within itself
    assert len(set(fit.record_ids)) == len(days)
    assert fit.enough_data == (len(days) >= MIN_EVENTS)
    assert hawkes(tmp_db, AnalysisFilter(country="DE")).note.startswith("not enough data: 0 events")
