"""resolve_date: date expressions resolved against the publication date, never after it."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from shardwatch.extract.temporal import resolve_date

# A Wednesday.
REF = dt.date(2016, 3, 23)


@pytest.mark.parametrize(
    ("expression", "date", "precision"),
    [
        ("last week", dt.date(2016, 3, 16), "week"),
        ("on Sunday", dt.date(2016, 3, 20), "day"),
        ("Tuesday night", dt.date(2016, 3, 22), "day"),
        ("yesterday", dt.date(2016, 3, 22), "day"),
        ("in May", dt.date(2015, 5, 1), "month"),
        ("in March", dt.date(2016, 3, 1), "month"),
        ("two years ago", dt.date(2014, 1, 1), "year"),
        ("last December", dt.date(2015, 12, 1), "month"),
        ("13 November 2015", dt.date(2015, 11, 13), "day"),
        ("on 13 November 2015", dt.date(2015, 11, 13), "day"),
        ("2016", dt.date(2016, 1, 1), "year"),
        ("in 2014", dt.date(2014, 1, 1), "year"),
    ],
)
def test_resolves_against_reference(expression, date, precision):
    resolved = resolve_date(expression, reference=REF)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)
    assert resolved.text == expression


@pytest.mark.parametrize("reference", [dt.date(2016, 1, 5), dt.date(2016, 6, 15), dt.date(2017, 12, 31)])
@pytest.mark.parametrize("month", range(1, 13))
def test_month_name_never_after_reference(reference, month):
    resolved = resolve_date(f"in {calendar.month_name[month]}", reference=reference)
    assert resolved is not None
    assert resolved.date <= reference
    assert resolved.date.month == month
    assert resolved.date.day == 1
    assert resolved.precision == "month"
    # the most recent such month on or before the reference, not one a year earlier
    assert (reference - resolved.date).days < 366


@pytest.mark.parametrize(
    "expression",
    ["three years", "the past two years", "for years", "decades", "in the 1990s", "six months", ""],
)
def test_durations_are_not_dates(expression):
    assert resolve_date(expression, reference=REF) is None


@pytest.mark.parametrize("expression", ["last week", "on Sunday", "in May", "two years ago", "yesterday"])
def test_relative_without_reference_is_unresolved(expression):
    assert resolve_date(expression, reference=None) is None


def test_absolute_without_reference_still_resolves():
    assert resolve_date("13 November 2015", reference=None).date == dt.date(2015, 11, 13)
    resolved = resolve_date("2016", reference=None)
    assert (resolved.date, resolved.precision) == (dt.date(2016, 1, 1), "year")


def test_year_out_of_range_is_rejected():
    assert resolve_date("1066", reference=REF) is None


def test_same_weekday_as_reference_is_the_reference_day():
    resolved = resolve_date("on Wednesday", reference=REF)
    assert resolved.date == REF


def test_last_month_name_in_that_month_means_the_previous_year():
    resolved = resolve_date("last December", reference=dt.date(2016, 12, 20))
    assert resolved.date == dt.date(2015, 12, 1)


@pytest.mark.parametrize(
    ("expression", "reference", "expected"),
    [("last Wednesday", REF, dt.date(2016, 3, 16)),
     ("last Tuesday", dt.date(2016, 12, 20), dt.date(2016, 12, 13))],
)
def test_last_weekday_on_that_weekday_is_a_week_back(expression, reference, expected):
    assert resolve_date(expression, reference=reference).date == expected


@pytest.mark.parametrize("expression", ["mid-2015", "the middle of last year", "in the middle of 2015"])
def test_middle_of_a_year_is_june_to_the_month(expression):
    resolved = resolve_date(expression, reference=dt.date(2016, 4, 19))
    assert (resolved.date, resolved.precision) == (dt.date(2015, 6, 1), "month")


@pytest.mark.parametrize("expression", ["35", "(40)", "45-minute", "the 45 minutes", "2-3", "2 hours", "60-year old"])
def test_ages_and_lengths_are_not_years(expression):
    # the tagger's DATE for "Karim, 35," or "a 45-minute gunfight": dateparser alone reads 1935, 1945
    assert resolve_date(expression, reference=REF) is None


@pytest.mark.parametrize(
    ("expression", "date"),
    [("March 3-4", dt.date(2016, 3, 3)), ("April 23-28", dt.date(2015, 4, 23)), ("14-16 February", dt.date(2016, 2, 14)),
     ("on 1 - 2 March", dt.date(2016, 3, 1)), ("January 29-31, 2015", dt.date(2015, 1, 29))],
)
def test_a_span_of_days_is_its_first_day(expression, date):
    resolved = resolve_date(expression, reference=REF)
    assert (resolved.date, resolved.precision) == (date, "day")
