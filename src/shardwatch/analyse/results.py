"""What every trend analysis returns: estimates with their intervals, the method named, and the
records behind them; and the filters an analysis reads the store with.

An analysis that the data cannot support says so (``enough_data`` False and a ``note`` in plain
words) instead of returning a figure that looks like an answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

from shardwatch.data import by_state
from shardwatch.store import EventFilter


@dataclass(frozen=True)
class Interval:
    """An estimate with its interval (``level`` is the coverage aimed at, 0.95 for 95%)."""

    estimate: float
    low: float
    high: float
    level: float
    method: str  # how the interval was drawn: "bootstrap percentile (200 resamples)", ...

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class AnalysisFilter:
    """Which records an analysis reads: an event kind, a country, and dates (inclusive)."""

    kind: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def events(self, *, kind: str | None = None) -> EventFilter:
        return EventFilter(kind=kind or self.kind, country=self.country, since=self.since, until=self.until)


def armed_group_incidents(incidents, kind: str):
    """The incidents an analysis of attacks reads: states' and coalitions' strikes left out
    (the severity tail and self-excitation are of armed groups' attacks, the GTD's sense);
    incidents of other kinds as they are."""
    if kind != "attack":
        return list(incidents)
    return [i for i in incidents if not by_state(a.actor_id for a in i.actors if a.role == "perpetrator")]


def as_record(result) -> dict:
    """A result as JSON-ready data: dataclasses as objects, dates as ISO text, non-finite numbers as null."""
    def clean(value):
        if isinstance(value, float):
            return value if math.isfinite(value) else None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {str(k): clean(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    return clean(dataclasses.asdict(result))
