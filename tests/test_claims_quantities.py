"""Figures as people write them -> values, ranges, qualifiers, units (no model needed)."""

from __future__ import annotations

import pytest

from shardwatch.extract.quantities import find_amounts


def one(text: str):
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, low, high, qualifier, unit, per", [
    ("12,000 to 15,000 fighters", 12000, 15000, None, None, None),
    ("between 27,000 and 31,000 recruits", 27000, 31000, None, None, None),
    ("more than 40,000 foreigners", 40000, None, "more than", None, None),
    ("at least 75% of its land", 75, None, "at least", "percent", None),
    ("almost a quarter of its ground", 25, 25, "about", "percent", None),
    ("about half of the area", 50, 50, "about", "percent", None),
    ("$1,000 a month", 1000, 1000, None, "USD", "month"),
    ("between $400 and $1,200 a month", 400, 1200, None, "USD", "month"),
    ("$81m a month", 81_000_000, 81_000_000, None, "USD", "month"),
    ("$400", 400, 400, None, "USD", None),
    ("dozens of men", 24, None, "at least", None, None),
    ("hundreds of people", 200, None, "at least", None, None),
    ("well over a dozen commanders", 12, None, "more than", None, None),
    ("twenty-two guards", 22, 22, None, None, None),
    ("about 60,400 square kilometres", 60400, 60400, "about", "km2", None),
    ("one every three days", 1, 1, None, None, "3 days"),
    ("a senior commander every three days", 1, 1, None, None, "3 days"),
])
def test_forms(text, low, high, qualifier, unit, per):
    amount = one(text)
    assert (amount.low, amount.high, amount.qualifier, amount.unit, amount.per) == (low, high, qualifier, unit, per)


def test_part_of_a_whole_keeps_the_whole():
    amount = one("five of the ten gunmen")
    assert (amount.low, amount.high, amount.total, amount.form) == (5, 5, 10, "part")


def test_one_in_five_is_a_share():
    amount = one("one in five recruits")
    assert (amount.low, amount.unit, amount.total) == (20.0, "percent", 5)


def test_square_miles_are_converted_to_km2():
    amount = one("35,000 square miles")
    assert amount.unit == "km2" and amount.low == round(35000 * 2.589988)


def test_and_joins_a_range_only_after_between():
    found = find_amounts("the territory it held in January 2015 and 80 percent of its revenue")
    assert [a.text for a in found] == ["2015", "80 percent"]


def test_periods_are_not_shares():
    assert [a.text for a in find_amounts("in the first half of 2016 and the eastern half of the town")] == ["2016"]


def test_a_year_earlier_is_not_a_rate():
    amount = find_amounts("from about 2,000 a year earlier")[0]
    assert (amount.low, amount.per) == (2000, None)
