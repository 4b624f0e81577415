"""What the store's modules share: the listing filters and the row helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from shardwatch.data import actor_ids_for
from shardwatch.types import Quantity


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for claims and quotes. ``since``/``until`` bound the as-of date (claims) or the
    publication date (quotes); ``as_of`` keeps only what articles published on or before that
    day said (what was known then); ``country`` matches the scope; ``actor`` the subject or the
    claimant (id or name)."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    measure: str | None = None
    as_of: dt.date | None = None
    limit: int | None = None


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the listings. Dates are inclusive; ``actor`` matches id or name."""

    kind: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    actor: str | None = None
    limit: int | None = None
    # what was known then: only articles published on or before this day (undated ones never)
    as_of: dt.date | None = None



def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _quantity(low, high, qualifier, text) -> Quantity | None:
    if low is None and high is None:
        return None
    return Quantity(low, high, qualifier, text or "")


def _actor_ids(term: str) -> list[str]:
    """The ids an actor filter matches: the catalogue's actors the word names (any alias, any
    case), and the word itself as an id (a person's ``person:...`` id)."""
    return sorted(actor_ids_for(term) | {term})


def _marks(items: list) -> str:
    return ",".join("?" * len(items))


def _chunks(items: list, size: int = 400) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i: i + size]
