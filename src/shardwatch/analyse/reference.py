"""The shipped reference series (``data/reference/``) and checks of claims against them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from shardwatch.analyse.indicators import scope_key
from shardwatch.analyse.intervals import (claim_dates, date_interval, dates_overlap, format_value, measure_info,
                                          value_interval, values_agree)
from shardwatch.data import data_path
from shardwatch.types import Claim


@dataclass(frozen=True)
class ReferencePoint:
    """One published figure with its claimant and source."""

    measure: str
    scope: str  # as the source words it
    scope_places: str  # as claims word it ("Iraq and Syria"); empty for no place
    as_of: dt.date
    low: float | None
    high: float | None
    unit: str
    qualifier: str | None
    claimant: str
    note: str
    source: str
    basis: str | None


@dataclass(frozen=True)
class ReferenceCheck:
    """A claim set beside a reference figure of the same measure, scope and time."""

    claim_id: str
    reference: ReferencePoint
    agrees: bool
    detail: str


def _bounds(low: float, high: float, qualifier: str | None) -> tuple[float | None, float | None]:
    if qualifier in ("more than", "at least"):
        return low, None if low == high else high
    if qualifier in ("fewer than", "up to"):
        return (None if low == high else low), high
    return low, high


@cache
def reference_points() -> tuple[ReferencePoint, ...]:
    """Every row of ``fighters.csv`` and ``territory.csv``."""
    points = []
    for name in ("fighters.csv", "territory.csv"):
        text = data_path("reference").joinpath(name).read_text(encoding="utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            if "value" in row:
                low = high = float(row["value"])
            else:
                low, high = float(row["low"]), float(row["high"])
            qualifier = row["qualifier"] or None
            if qualifier == "average":
                qualifier = "about"
            lo, hi = _bounds(low, high, qualifier)
            points.append(ReferencePoint(
                measure=row["measure"], scope=row["scope"], scope_places=row["scope_places"],
                as_of=dt.date.fromisoformat(row["as_of"]), low=lo, high=hi, unit=row["unit"], qualifier=qualifier,
                claimant=row["claimant"], note=row["method_note"], source=row["source"], basis=row["basis"] or None,
            ))
    return tuple(points)


def matching_points(measure: str, scope: str | None, unit: str) -> list[ReferencePoint]:
    """Reference figures on one measure, scope and unit, oldest first."""
    key = scope_key(scope)
    return sorted((p for p in reference_points() if p.measure == measure and scope_key(p.scope_places) == key
                   and p.unit == unit), key=lambda p: p.as_of)


def reference_checks(claims: Iterable[Claim]) -> list[ReferenceCheck]:
    """Each claim against the reference figures of its measure, scope, unit, basis and time.

    A claim is far from a reference figure when their values do not overlap within the
    measure's tolerance (``data/measures.jsonl``)."""
    checks = []
    for claim in claims:
        info = measure_info(claim.measure)
        window = int(info.get("window_days", 0))
        tolerance = float(info.get("tolerance", 0.0))
        dates = claim_dates(claim)
        for point in matching_points(claim.measure, claim.scope, claim.unit):
            if point.basis != claim.basis and (point.basis or claim.basis):
                continue  # a different definition (IHS's loss in a year vs the coalition's since the peak)
            if not dates_overlap(dates, date_interval(point.as_of, "day"), window):
                continue
            agrees = values_agree(value_interval(claim.low, claim.high), value_interval(point.low, point.high), tolerance)
            detail = (f"{format_value(claim.low, claim.high, claim.qualifier)} {claim.unit} vs reference "
                      f"{format_value(point.low, point.high, point.qualifier)} ({point.claimant}, {point.as_of}, "
                      f"{point.source})" + ("" if agrees else f"; more than {tolerance:.0%} apart"))
            checks.append(ReferenceCheck(claim.id, point, agrees, detail))
    return checks
