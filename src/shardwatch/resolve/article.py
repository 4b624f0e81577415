"""Merging the mentions of one attack within one article.

An article names its attack in the lede and again further down ("the attack", "the
massacre on the Promenade"); these are one event with several evidence spans. Two attack
events of one article merge when their places agree (or one has none) and their dates are
compatible (equal, or one only the report date). Cross-article incidents are a later stage.
"""

from __future__ import annotations

from dataclasses import replace

from shardwatch.types import LINK_STRENGTH, PRECISION_RANK, Event, Quantity


def _place_key(event: Event) -> str | None:
    return event.place.canonical if event.place else None


def _compatible_dates(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or "reported" in (a.date_precision, b.date_precision):
        return True
    coarse = max(a.date_precision, b.date_precision, key=PRECISION_RANK.get)
    if coarse == "year":
        return a.date.year == b.date.year
    if coarse in ("month", "week"):
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date == b.date


def _same_attack(a: Event, b: Event) -> bool:
    pa, pb = _place_key(a), _place_key(b)
    if pa and pb and pa != pb:
        # a site and its city are one place: "Promenade des Anglais, Nice" and "Nice"
        if not (pa.endswith(", " + pb) or pb.endswith(", " + pa)):
            return False
    return _compatible_dates(a, b)


def _larger(a: Quantity | None, b: Quantity | None) -> Quantity | None:
    """Keep the more specific figure: a point value over a range, the first of two points."""
    if a is None:
        return b
    if b is None or a.value is not None:
        return a
    return b if b.value is not None else a


def _merge(a: Event, b: Event) -> Event:
    best_place = min((e.place for e in (a, b) if e.place), key=lambda p: p.precision, default=None)
    dated = min((a, b), key=lambda e: PRECISION_RANK.get(e.date_precision, 9))
    actors = list(a.actors) + [r for r in b.actors if (r.actor_id, r.role) not in {(x.actor_id, x.role) for x in a.actors}]
    evidence = list(a.evidence) + [e for e in b.evidence if (e.start, e.end) not in {(x.start, x.end) for x in a.evidence}]
    return replace(
        a,
        date=dated.date,
        date_precision=dated.date_precision,
        place=best_place,
        actors=tuple(actors),
        evidence=tuple(evidence),
        killed=_larger(a.killed, b.killed),
        wounded=_larger(a.wounded, b.wounded),
        target=a.target or b.target,
        victims=a.victims or b.victims,
        weapon=a.weapon or b.weapon,
        attack_type=a.attack_type or b.attack_type,
        weapon_type=a.weapon_type or b.weapon_type,
        link=max(a.link, b.link, key=lambda link: LINK_STRENGTH.get(link, -1)),
        confidence=max(a.confidence, b.confidence),
        modality="asserted" if "asserted" in (a.modality, b.modality) else a.modality,
    )


def merge_article_events(events: list[Event]) -> list[Event]:
    """Events of one article with repeated mentions of one attack merged, in text order."""
    merged: list[Event] = []
    for event in events:
        for i, kept in enumerate(merged):
            if kept.kind == event.kind and _same_attack(kept, event):
                merged[i] = _merge(kept, event)
                break
        else:
            merged.append(event)
    return merged
