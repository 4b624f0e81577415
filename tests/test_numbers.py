"""parse_quantity: counts as reporters write them, with exact low/high/qualifier."""

from __future__ import annotations

import pytest

from shardwatch.extract.numbers import parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("86", 86, 86, None),
        ("at least 130", 130, None, "at least"),
        ("more than 400", 400, None, "more than"),
        ("dozens", 24, None, "about"),
        ("12,000 to 15,000", 12_000, 15_000, None),
        ("twenty-two", 22, 22, None),
        ("about 50,000", 50_000, 50_000, "about"),
        ("fewer than 1,000", None, 1_000, "fewer than"),
        ("1.5 million", 1_500_000, 1_500_000, None),
        ("up to 20", None, 20, "up to"),
        ("two hundred", 200, 200, None),
        ("several", 3, 9, "about"),
    ],
)
def test_parse_quantity(text, low, high, qualifier):
    q = parse_quantity(text)
    assert q is not None
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert q.text == text


def test_parse_quantity_finds_first_count_in_sentence():
    q = parse_quantity("The bomb killed at least 130 people and wounded 350.")
    assert (q.low, q.high, q.qualifier, q.text) == (130, None, "at least", "at least 130")


def test_point_value_and_export_form():
    assert parse_quantity("86").value == 86
    assert parse_quantity("86").as_json() == 86
    assert isinstance(parse_quantity("86").as_json(), int)
    rng = parse_quantity("12,000 to 15,000")
    assert rng.value is None
    assert rng.as_json() == {"low": 12_000, "high": 15_000}
    assert parse_quantity("at least 130").as_json() == {"low": 130, "high": None}


def test_reversed_range_collapses_to_low():
    q = parse_quantity("15 to 12")
    assert (q.low, q.high) == (15, 15)


def test_no_quantity():
    assert parse_quantity("Police said the attackers fled.") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("12,000", 12_000), ("1.5 million", 1_500_000), ("twenty-two", 22), ("two hundred and five", 205),
     ("three thousand", 3_000), ("two dozen", 24), ("banana", None), ("", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value
