"""Indicators: the time series of claims on one measure and scope."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from shardwatch.types import Claim, Indicator


def scope_key(scope: str | None) -> str:
    """A scope as compared: its places in alphabetical order ("Iraq and Syria" = "Syria and Iraq")."""
    if not scope:
        return ""
    return " and ".join(sorted(part.strip() for part in scope.split(" and ") if part.strip()))


def indicators(claims: Iterable[Claim], *, include_other: bool = False) -> list[Indicator]:
    """One indicator per measure, scope and unit, its claims oldest first; free-text measures
    ("other") are left out unless asked for, because they are not one series."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.measure == "other" and not include_other:
            continue
        groups[(claim.measure, scope_key(claim.scope), claim.unit)].append(claim)
    result = []
    for (measure, scope, unit), members in sorted(groups.items()):
        members.sort(key=lambda c: (c.as_of is None, c.as_of or c.reported, c.id))
        countries = tuple(sorted({c for m in members for c in m.scope_countries}))
        result.append(Indicator(measure, scope or None, countries, unit, tuple(members)))
    return result
