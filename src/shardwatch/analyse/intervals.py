"""Values and dates as intervals: what "about 45,000", "more than 40,000" or "last month" allow.

A figure's interval is its low-high range (an open bound for "more than" or "up to"); a date's
interval is the day, month or year its precision covers. Two figures agree when their
intervals overlap once each is widened by the measure's tolerance; two dates are the same
time when their intervals lie within the measure's window of each other.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math

from shardwatch.data import measure_by_id
from shardwatch.types import Claim


def value_interval(low: float | None, high: float | None) -> tuple[float, float]:
    """(low, high) with open bounds as 0 and infinity."""
    lo = low if low is not None else 0.0
    hi = high if high is not None else math.inf
    return lo, hi


def values_agree(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """Whether two value intervals overlap once each is widened by ``tolerance`` (relative)."""
    a_lo, a_hi = a[0] * (1 - tolerance), a[1] * (1 + tolerance)
    b_lo, b_hi = b[0] * (1 - tolerance), b[1] * (1 + tolerance)
    return a_lo <= b_hi and b_lo <= a_hi


def date_interval(date: dt.date | None, precision: str, *, reported: dt.date | None = None,
                  window_days: int = 0) -> tuple[dt.date, dt.date] | None:
    """The days a date of this precision covers. A "reported" date (the figure's own date was
    not given) covers the window before the report."""
    if date is None:
        return None
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "month":
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "reported":
        end = reported or date
        return end - dt.timedelta(days=window_days), end
    return date, date


def dates_overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, window_days: int) -> bool:
    if a is None or b is None:
        return False
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    return gap <= window_days


def measure_info(measure: str) -> dict:
    return measure_by_id().get(measure, {"id": measure, "comparable": False, "tolerance": 0.0, "window_days": 0,
                                         "kind": "other", "unit": ""})


def claim_dates(claim: Claim) -> tuple[dt.date, dt.date] | None:
    window = int(measure_info(claim.measure).get("window_days", 0))
    if claim.basis == "period" and claim.as_of is not None and claim.as_of_precision == "year":
        end = dt.date(claim.as_of.year, 12, 31)  # "lost 23 percent during 2016" stands at the end of 2016
        return end, end
    return date_interval(claim.as_of, claim.as_of_precision, reported=claim.reported, window_days=window)


def format_value(low: float | None, high: float | None, qualifier: str | None = None) -> str:
    """"about 45,000", "12,000-15,000", "more than 40,000"."""
    def n(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"

    if low is not None and high is not None:
        text = n(low) if low == high else f"{n(low)}-{n(high)}"
    elif low is not None:
        text = n(low)
    elif high is not None:
        text = n(high)
    else:
        return ""
    return f"{qualifier} {text}" if qualifier else text
