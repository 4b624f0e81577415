"""The severity tail: the published anchor on powerlaw's terrorism sample, synthetic samples of
known tails, too little data said plainly, and the store's incidents as the values."""

from __future__ import annotations

import datetime as dt

import numpy as np
import powerlaw
import pytest

from analyse_helpers import attacks_abroad
from shardwatch.analyse.results import AnalysisFilter
from shardwatch.analyse.severity import MIN_VALUES, fit_severity, severity


@pytest.fixture(scope="module")
def terrorism_fit():
    # 9,101 fatal events 1968-2006, shipped inside powerlaw (reference_data/terrorism.txt)
    values = powerlaw.load_test_dataset("terrorism")
    assert len(values) == 9101
    return fit_severity(values.tolist(), bootstrap=40, gof_reps=40, size=2749, seed=1)


def test_refit_of_the_terrorism_sample_lies_in_the_published_interval(terrorism_fit):
    # Clauset, Shalizi and Newman (2009), Table 6.1: alpha 2.4 +/- 0.2, xmin 12 +/- 4, p 0.68
    fit = terrorism_fit
    assert fit.enough_data
    assert 2.2 <= fit.alpha.estimate <= 2.6
    assert 8 <= fit.xmin.estimate <= 16
    assert fit.n_tail == 547
    assert fit.alpha.contains(2.4)  # the published alpha inside our bootstrap interval
    assert fit.xmin.contains(12)
    assert 0.0 < fit.alpha_se < 0.2
    assert fit.plausible and fit.gof_p > 0.4  # published p 0.68; 40 synthetic sets give it to about +/- 0.15
    by_name = {c.alternative: c for c in fit.comparisons}
    assert by_name["lognormal"].verdict == "cannot be told apart"
    assert by_name["exponential"].verdict == "power law favoured"
    assert by_name["exponential"].p < 0.05


def test_chance_of_a_september_11_sized_event_matches_clauset_and_woodard(terrorism_fit):
    # Clauset and Woodard (2013): at least one event of 2,749 deaths or more, 11-35% by tail model
    chance = terrorism_fit.tail.at_least_one
    assert chance.level == 0.95
    assert 0.11 <= chance.estimate <= 0.35
    assert chance.low < chance.estimate < chance.high
    assert terrorism_fit.tail.events == 9101


def test_synthetic_power_law_tail_is_recovered_and_an_exponential_one_is_rejected():
    rng = np.random.default_rng(7)
    # a discrete power law of alpha 2.5 above 5 (CSN's generator), with a body of small events below it
    tail = np.floor((5 - 0.5) * (1 - rng.random(1500)) ** (-1 / 1.5) + 0.5)
    body = rng.integers(1, 5, 500)
    fit = fit_severity(np.concatenate([tail, body]).tolist(), bootstrap=40, gof_reps=40)
    assert fit.alpha.contains(2.5)
    assert fit.xmin.contains(5)
    assert fit.plausible

    light = np.ceil(rng.exponential(20, 2000))
    fit = fit_severity(light.tolist(), bootstrap=10, gof_reps=40)
    assert fit.plausible is False  # CSN: p <= 0.1 rules the power law out
    assert "ruled out" in fit.note


def test_too_few_values_say_not_enough_data():
    fit = fit_severity([3, 8, 12, 40, 86, 130, 1, 2] * 5)
    assert not fit.enough_data
    assert fit.alpha is None and fit.tail is None
    assert fit.note.startswith("not enough data: 40 fatal events")
    assert len(fit.values) == 40 < MIN_VALUES


def test_store_incidents_give_the_values_and_their_ids(tmp_db):
    rng = np.random.default_rng(3)
    tolls = np.floor(2.5 * (1 - rng.random(70)) ** (-1 / 1.2) + 0.5)
    start = dt.date(2015, 1, 1)
    rows = [(start + dt.timedelta(days=5 * i), float(k)) for i, k in enumerate(tolls)]
    rows += [(dt.date(2016, 1, 2), None), (dt.date(2016, 1, 3), 0.0)]  # no toll, no death: not fatal events
    ids = attacks_abroad(tmp_db, rows)
    fit = severity(tmp_db, bootstrap=10, gof_reps=10)
    assert fit.n == 70
    assert sorted(fit.values) == sorted(tolls.tolist())
    assert len(fit.record_ids) == 70 and all(i.startswith("inc-") for i in fit.record_ids)
    assert {i.removeprefix("inc-") for i in fit.record_ids} == set(ids[:70])
    assert fit.enough_data
    later = severity(tmp_db, AnalysisFilter(since=dt.date(2015, 6, 1)), bootstrap=0, gof_reps=0)
    assert later.n == sum(1 for d, _ in rows[:70] if d >= dt.date(2015, 6, 1))
    assert not later.enough_data
