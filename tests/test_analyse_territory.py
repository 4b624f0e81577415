"""Territory against attacks abroad: a synthetic lagged dependence recovered, independent series
not mistaken for one, short series said plainly, and the store's monthly series with their records."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from analyse_helpers import article, attack, territory_loss, write
from shardwatch.analyse.results import AnalysisFilter
from shardwatch.analyse.territory_abroad import (MIN_MONTHS, block_bootstrap_indices, fit_territory_abroad,
                                                 reference_area_losses, territory_vs_abroad)
from shardwatch.types import Extraction

MONTHS = [f"{2013 + i // 12}-{i % 12 + 1:02d}" for i in range(60)]


def _series(seed: int, effect: float):
    rng = np.random.default_rng(seed)
    losses = rng.poisson(3, 60)
    lagged = np.concatenate([[3, 3], losses[:-2]])
    mean = np.exp(0.2 + effect * lagged)
    return losses, rng.negative_binomial(5, 5 / (5 + mean))


def test_attacks_following_losses_two_months_on_are_found_at_lag_two():
    losses, attacks = _series(0, 0.25)
    result = fit_territory_abroad(MONTHS, losses.tolist(), {"inspired": attacks.tolist()}, lag=2, reps=200)
    assert result.enough_data
    lag2 = result.correlations[2]
    assert lag2.lag == 2 and lag2.correlation.low > 0
    assert max(result.correlations, key=lambda c: c.correlation.estimate).lag == 2
    ratio = result.regression.rate_ratio
    assert ratio.contains(np.exp(0.25)) and ratio.low > 1
    assert result.regression.model == "negative binomial"
    assert result.verdict.startswith("Attacks abroad rose with losses 2 month(s) before")


def test_independent_series_give_no_effect():
    losses, _ = _series(1, 0.0)
    attacks = np.random.default_rng(2).poisson(2, 60)
    result = fit_territory_abroad(MONTHS, losses.tolist(), {"directed": attacks.tolist()}, lag=2, reps=200)
    assert result.regression.rate_ratio.contains(1.0)
    assert result.verdict.startswith("The data do not show attacks abroad following losses")
    assert result.abroad_by_link["directed"] == tuple(attacks.tolist())


def test_short_or_sparse_series_cannot_support_a_conclusion():
    result = fit_territory_abroad(MONTHS[:12], [2] * 12, {"inspired": [1] * 12})
    assert not result.enough_data
    assert result.note == "not enough data: 12 months (at least 24 needed)"
    assert result.verdict == "The data cannot support a conclusion on territory and attacks abroad."
    assert result.regression is None and result.correlations == ()
    sparse = fit_territory_abroad(MONTHS[:MIN_MONTHS], [0] * MIN_MONTHS, {"inspired": [0] * MIN_MONTHS})
    assert "0 losses (at least 10 needed)" in sparse.note and "0 attacks abroad" in sparse.note


def test_block_bootstrap_keeps_runs_of_consecutive_months():
    idx = block_bootstrap_indices(20, 4, np.random.default_rng(0))
    assert len(idx) == 20
    assert all(idx[k + 1] == idx[k] + 1 for k in range(0, 20, 4) for k in range(k, k + 3))


def test_reference_area_is_interpolated_between_the_ihs_figures():
    losses, records = reference_area_losses(["2014-12", "2015-03", "2017-09"])
    # IHS: 90,800 km2 on 2015-01-01, 82,940 on 2015-06-30 (180 days): about 43.7 km2 a day
    assert losses[0] == 0.0 and losses[2] == 0.0
    assert losses[1] == pytest.approx((90800 - 82940) / 180 * 31, rel=1e-6)
    assert records == {"2015-03": ["reference:territory.csv:2015-01-01", "reference:territory.csv:2015-06-30"]}


def test_store_series_count_losses_and_attacks_abroad_by_month_with_their_records(tmp_db):
    items = []
    start = dt.date(2015, 1, 10)
    for m in range(30):
        day = dt.date(start.year + (start.month + m - 1) // 12, (start.month + m - 1) % 12 + 1, 10)
        a = article(f"t{m:03d}", day, f"Government troops retook village {m} from the militants.", m)
        losses = [territory_loss(a, date=day, lat=33 + m * 0.3, lon=42)]
        if m % 4 == 0:  # a second village that month, its own article
            c = article(f"c{m:03d}", day, f"The militants were driven out of hamlet {m} on the river.", 200 + m)
            items.append(Extraction(c, (territory_loss(c, date=day, lat=36, lon=38 + m * 0.3),)))
        items.append(Extraction(a, tuple(losses)))
        if m % 3 == 0:
            b = article(f"b{m:03d}", day, f"A gunman inspired by the group attacked a market in town {m}.", 100 + m)
            items.append(Extraction(b, (attack(b, date=day, country="FR" if m % 2 else "BE", lat=45 + m * 0.3,
                                               lon=2, link="directed" if m == 0 else "inspired"),)))
    home = article("home", start, "A bomb went off in a square of an Iraqi city.", 999)
    items.append(Extraction(home, (attack(home, date=start, country="IQ", lat=33.3, lon=44.4),)))
    write(tmp_db, items)
    result = territory_vs_abroad(tmp_db, reps=50)
    assert result.months[0] == "2015-01" and len(result.months) == 30
    assert sum(result.losses) == 38 and sum(result.abroad) == 10  # the attack in Iraq is not abroad
    assert result.abroad_by_link["directed"][0] == 1 and sum(result.abroad_by_link["inspired"]) == 9
    assert result.records["directed"] == {"2015-01": [["b000-e0"]]}
    assert "t000-t0" in result.record_ids and "home-e0" not in result.record_ids
    assert result.enough_data and result.regression is not None
    flat = fit_territory_abroad(MONTHS[:30], [1.0] * 30, {"inspired": [0, 1] * 15}, reps=20)
    assert flat.regression is None and "could not be fitted" in flat.verdict
    france = territory_vs_abroad(tmp_db, AnalysisFilter(country="FR"), reps=50)
    assert sum(france.abroad) == 5 and sum(france.losses) == 38  # losses stay the organisation's everywhere
    assert not france.enough_data
    with pytest.raises(ValueError, match="counts attacks"):
        territory_vs_abroad(tmp_db, AnalysisFilter(kind="territory"))
