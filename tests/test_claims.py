"""Sentence -> claim, with the model: value, unit, qualifier, as-of date, claimant, scope.

The sentences are written for the tests; the groups and people in them ("the Crimson Front",
"Dana Holloway") are fictional, so no test leans on what the model knows of real names."""

from __future__ import annotations

import datetime as dt

import pytest

from shardwatch.extract.claims import claims_in
from shardwatch.extract.mentions import actor_mentions, place_mentions
from shardwatch.nlp import get_nlp
from shardwatch.types import Article

pytestmark = pytest.mark.model


def claims_of(text: str, published: dt.date | None = dt.date(2017, 3, 15), source: str = "Test Wire"):
    article = Article(id="t", text=text, published=published, source=source)
    doc = get_nlp()(text)
    return claims_in(doc, article, place_mentions(doc, article), actor_mentions(doc, article))


def test_range_with_attributed_official_and_role():
    [claim] = claims_of("Between 3,000 and 4,000 fighters remain in Mosul, said Dana Holloway, the U.S. envoy, on Monday.")
    assert claim.measure == "fighters_remaining"
    assert (claim.low, claim.high, claim.unit) == (3000, 4000, "people")
    assert claim.claimant.name == "Dana Holloway" and claim.claimant.role == "U.S. envoy"
    assert claim.as_of == dt.date(2017, 3, 13) and claim.as_of_precision == "day"
    assert claim.scope == "Mosul" and claim.scope_countries == ("IQ",)


def test_by_last_december_is_the_month_before_a_march_piece():
    [claim] = claims_of("According to US officials, more than 50,000 militants had been killed by last December.")
    assert claim.measure == "fighters_killed"
    assert (claim.low, claim.high, claim.qualifier) == (50000, None, "more than")
    assert claim.as_of == dt.date(2016, 12, 1) and claim.as_of_precision == "month"
    assert claim.claimant.name == "US officials" and claim.claimant.kind == "group"


def test_intelligence_agencies_estimate_and_pronoun_goes_to_the_last_speaker():
    claims = claims_of("American intelligence agencies estimate that the group has about 15,000 fighters in Syria.\n\n"
                       "They also believe that 2,000 fighters were killed in January.")
    first, second = claims
    assert first.claimant.name == "American intelligence agencies"
    assert (first.measure, first.low, first.qualifier) == ("fighters_remaining", 15000, "about")
    assert second.claimant.name == "American intelligence agencies"
    assert second.measure == "fighters_killed" and second.as_of == dt.date(2017, 1, 1)


def test_unattributed_figure_belongs_to_the_publisher_as_of_publication():
    [claim] = claims_of("The militants lost 23 percent of their territory in Iraq and Syria during 2016.",
                        source="Harbour Post")
    assert claim.measure == "territory_lost_share" and claim.value == 23 and claim.unit == "percent"
    assert claim.claimant.kind == "publisher" and claim.claimant.name == "Harbour Post"
    assert claim.basis == "period" and claim.as_of_precision == "year" and claim.as_of.year == 2016
    assert claim.scope == "Iraq and Syria"


def test_salary_per_month_and_undated_article_has_unknown_as_of():
    [claim] = claims_of("A congressional report said fighters were paid $1,000 a month.", published=None)
    assert claim.measure == "salary_monthly" and claim.unit == "USD/month" and claim.value == 1000
    assert claim.as_of is None and claim.as_of_precision == "unknown"


def test_a_year_earlier_counts_back_from_the_sentence_date():
    claims = claims_of("In April 2016 the Pentagon said about 200 foreign fighters were entering Syria each month, "
                       "down from about 2,000 a year earlier.")
    assert [(c.measure, c.value, c.as_of) for c in claims] == [
        ("foreign_fighter_inflow_monthly", 200, dt.date(2016, 4, 1)),
        ("foreign_fighter_inflow_monthly", 2000, dt.date(2015, 4, 1)),
    ]
    assert all(c.claimant.name == "Pentagon" for c in claims)


def test_share_lost_since_the_peak_has_its_basis():
    [claim] = claims_of("The group has lost about 40 percent of the territory it once held in Iraq, "
                        "the coalition said on Tuesday.")
    assert claim.basis == "since_peak" and claim.scope == "Iraq" and claim.qualifier == "about"


def test_hypothetical_figures_are_not_claims():
    assert claims_of("As many as a million people could be forced from their homes if the fighting spreads.") == []


def test_years_ages_and_distances_are_not_claims():
    assert claims_of("In 2014 the 29-year-old drove 50 km to the border and called 911.") == []


def test_leaders_killed_every_three_days():
    [claim] = claims_of("The coalition was killing a senior commander of the group every three days, officials said.")
    assert claim.measure == "leaders_killed" and claim.unit == "people/3 days" and claim.value == 1
