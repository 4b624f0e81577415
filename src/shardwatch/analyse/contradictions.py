"""Contradictions: two claims on one measure and scope, as of overlapping dates, whose values
cannot both hold beyond the measure's tolerance.

Claims that count different things are not compared: a different scope ("Iraq" vs "Iraq and
Syria"), a different unit, a different subject, or, for shares, a different basis (IHS's loss
during 2015 against the coalition's loss since the 2014 peak). Two claims of one article by one
claimant are one statement's parts (a range and its baseline), not a contradiction.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from shardwatch.analyse.indicators import scope_key
from shardwatch.analyse.intervals import claim_dates, dates_overlap, format_value, measure_info, value_interval, values_agree
from shardwatch.types import Claim, Contradiction


def compare(a: Claim, b: Claim) -> tuple[bool, str]:
    """Whether two claims contradict each other, and why (or why they are not compared)."""
    if a.measure != b.measure:
        return False, "different measures"
    info = measure_info(a.measure)
    if not info.get("comparable"):
        return False, f"{a.measure} claims are not compared"
    if scope_key(a.scope) != scope_key(b.scope):
        return False, f"different scopes ({a.scope or 'none given'} vs {b.scope or 'none given'})"
    if a.unit != b.unit:
        return False, f"different units ({a.unit} vs {b.unit})"
    if a.basis != b.basis:
        return False, f"different definitions ({a.basis or 'not stated'} vs {b.basis or 'not stated'})"
    if a.subject_id and b.subject_id and a.subject_id != b.subject_id:
        return False, "different subjects"
    if a.article_id == b.article_id and a.claimant == b.claimant:
        return False, "one claimant in one article"
    window = int(info.get("window_days", 0))
    if not dates_overlap(claim_dates(a), claim_dates(b), window):
        return False, "different times"
    tolerance = float(info.get("tolerance", 0.0))
    if values_agree(value_interval(a.low, a.high), value_interval(b.low, b.high), tolerance):
        return False, f"values agree within {tolerance:.0%}"
    return True, f"values more than {tolerance:.0%} apart"


def _label(claim: Claim) -> str:
    who = claim.claimant.name or "unattributed"
    date = claim.as_of.isoformat() if claim.as_of else "undated"
    return f"{who}: {format_value(claim.low, claim.high, claim.qualifier)} {claim.unit} as of {date}"


def contradiction_id(claim_ids: Iterable[str]) -> str:
    return hashlib.sha256(("contradiction:" + ":".join(sorted(claim_ids))).encode()).hexdigest()[:16]


def contradictions(claims: Iterable[Claim]) -> list[Contradiction]:
    """Every pair of claims that contradict each other, grouped by measure and scope so that
    the work grows with the size of each group, not the square of the corpus."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if measure_info(claim.measure).get("comparable"):
            groups[(claim.measure, scope_key(claim.scope), claim.unit)].append(claim)
    found = []
    for (measure, scope, _unit), members in sorted(groups.items()):
        members.sort(key=lambda c: (c.as_of is None, c.as_of, c.id))
        for a, b in combinations(members, 2):
            contradicts, reason = compare(a, b)
            if not contradicts:
                continue
            ids = (a.id, b.id)
            tolerance = float(measure_info(measure).get("tolerance", 0.0))
            about = f"{measure} in {scope or 'unspecified scope'}"
            detail = f"{_label(a)} vs {_label(b)}; {reason}"
            found.append(Contradiction(contradiction_id(ids), about, ids, detail, measure, scope or None, tolerance))
    return found
