"""Merging the mentions of one event within one article.

An article names its event in the lede and again further down ("the attack", "Tikrit had
been liberated"); these are one event with several evidence spans. Within one article:

- attacks merge when their places agree (the same place, a site and its city, places
  within 25 km of each other: the Brussels airport and metro bombings are one attack, or a
  place and the country or region it lies in) or one has none, and their dates are compatible
  (equal, or one without a date of its own). The country or region: on the incident reports of
  the tuning residues 0-3 (3,875 reports ingested before and after, ``scripts/events_diff.py``)
  killed right in 13 more reports, wounded 8, place 2, perpetrator 1, attack type 2 more and 2
  fewer; ACLED's tuning part (i % 9 != 4) killed 1 more, nothing lost;
- territory events merge when they are about the same place, their dates are compatible and
  their changes agree: the same change, or one of them says only that the organisation lost
  the place (then the more specific change wins), with no conflicting gaining sides;
- leadership events merge when they are about the same person and outcome (a man dies
  once: a competing claim of who killed him is not a second death);
- allegiance events merge when they are about the same group and relation, or a pledge and
  the province it led to.

Cross-article incidents are a later stage.
"""

from __future__ import annotations

from dataclasses import replace

from shardwatch.data import by_state
from shardwatch.extract.gazetteer import km_between
from shardwatch.types import LINK_STRENGTH, PRECISION_RANK, Event, Place, Quantity

# Places this close are one attack's sites: the Stade de France and Paris, Zaventem and Maalbeek.
SAME_ATTACK_KM = 25.0
# A relation that says more wins when two allegiance mentions merge.
RELATION_RANK = {"province": 2, "pledged": 1}


def _place_key(event: Event) -> str | None:
    return event.place.canonical if event.place else None


def _undated(event: Event) -> bool:
    return event.date is None or event.date_precision in ("reported", "unknown")


def _compatible_dates(a: Event, b: Event) -> bool:
    if _undated(a) or _undated(b):
        return True
    coarse = max(a.date_precision, b.date_precision, key=PRECISION_RANK.get)
    if coarse == "year":
        return a.date.year == b.date.year
    if coarse in ("month", "week"):
        if coarse == "week" and abs((a.date - b.date).days) <= 7:
            return True
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    return a.date == b.date


def _same_place(a: Event, b: Event, *, near_km: float | None) -> bool:
    pa, pb = _place_key(a), _place_key(b)
    if not (pa and pb) or pa == pb:
        return True
    # a site and its city are one place: "Promenade des Anglais, Nice" and "Nice"
    if pa.endswith(", " + pb) or pb.endswith(", " + pa):
        return True
    if near_km is not None and a.place.precision == 1 and b.place.precision == 1:
        distance = km_between(a.place, b.place)
        return distance is not None and distance <= near_km
    return near_km is not None and _holds(a.place, b.place)


def _holds(a: Place, b: Place) -> bool:
    """One place is the country or the region the other lies in: "a councillor was murdered in
    Puerto Guzman ... killed by a FARC front" (Colombia). As a place of none, a country tells
    no second attack apart from the first."""
    coarse, fine = (a, b) if a.precision > b.precision else (b, a)
    if coarse.precision == fine.precision or not coarse.country or coarse.country != fine.country:
        return False
    if coarse.precision == 3:
        return True
    region = fine.admin1 or ""
    return bool(region) and region.lower() in (coarse.name.lower(), coarse.canonical.lower())


def _actor_ids(event: Event, role: str) -> set[str]:
    return {r.actor_id for r in event.actors if r.role == role}


def _by_state(event: Event) -> bool:
    return by_state(r.actor_id for r in event.actors if r.role == "perpetrator")


def _same_event(a: Event, b: Event) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "attack":
        if _by_state(a) != _by_state(b):
            return False  # a state's strike and a group's attack in one town on one day are two deeds
        return _same_place(a, b, near_km=SAME_ATTACK_KM) and _compatible_dates(a, b)
    if a.kind == "territory":
        if _place_key(a) != _place_key(b) or not _compatible_dates(a, b):
            return False
        if a.change != b.change:
            # "Raqqa fell" and "the SDF took the last positions": one change, told twice
            if "lost" not in (a.change, b.change) or not {a.change, b.change} <= {"lost", "captured", "retaken"} \
                    or not _actor_ids(a, "losing") & _actor_ids(b, "losing"):
                return False
        ga, gb = _actor_ids(a, "gaining"), _actor_ids(b, "gaining")
        if ga and gb and not ga & gb:
            return False
        return True
    if a.kind == "leadership":
        return _actor_ids(a, "subject") == _actor_ids(b, "subject") and a.outcome == b.outcome
    if a.kind == "allegiance":
        return _actor_ids(a, "subject") == _actor_ids(b, "subject") and (
            a.relation == b.relation or {a.relation, b.relation} == {"pledged", "province"})
    return False


def _larger(a: Quantity | None, b: Quantity | None) -> Quantity | None:
    """Keep the more specific figure: a point value over a range it falls in, the first of two
    points. A point outside the range is another count ("at least 15 killed ... forces killed
    six of the attackers"), and the first told stays."""
    if a is None:
        return b
    if b is None or a.value is not None or b.value is None:
        return a
    inside = (a.low is None or b.value >= a.low) and (a.high is None or b.value <= a.high)
    return b if inside else a


def _best_place(a: Event, b: Event) -> Place | None:
    """The finer place; of two places of equal precision the first told (the lede's city,
    not the first of several sites)."""
    places = [e.place for e in (a, b) if e.place]
    if not places:
        return None
    return min(places, key=lambda p: p.precision)


def _merge(a: Event, b: Event) -> Event:
    dated = min((a, b), key=lambda e: PRECISION_RANK.get(e.date_precision, 9))
    actors = list(a.actors) + [r for r in b.actors if (r.actor_id, r.role) not in {(x.actor_id, x.role) for x in a.actors}]
    evidence = list(a.evidence) + [e for e in b.evidence if (e.start, e.end) not in {(x.start, x.end) for x in a.evidence}]
    change = a.change
    if a.change == "lost" and b.change:
        change = b.change
    relation = max((a.relation, b.relation), key=lambda r: RELATION_RANK.get(r or "", 0))
    claimed = True if True in (a.claimed, b.claimed) else (False if False in (a.claimed, b.claimed) else None)
    return replace(
        a,
        date=dated.date,
        date_precision=dated.date_precision,
        place=_best_place(a, b),
        actors=tuple(actors),
        evidence=tuple(evidence),
        killed=_larger(a.killed, b.killed),
        wounded=_larger(a.wounded, b.wounded),
        target=a.target or b.target,
        victims=a.victims or b.victims,
        weapon=a.weapon or b.weapon,
        attack_type=a.attack_type or b.attack_type,
        weapon_type=a.weapon_type or b.weapon_type,
        link=max(a.link, b.link, key=lambda link: LINK_STRENGTH.get(link, -1)) if a.link or b.link else None,
        confidence=max(a.confidence, b.confidence),
        modality="asserted" if "asserted" in (a.modality, b.modality) else a.modality,
        change=change,
        outcome=a.outcome or b.outcome,
        means=a.means or b.means,
        role=a.role or b.role,
        relation=relation,
        claimed=claimed,
        claimed_by=a.claimed_by or b.claimed_by if claimed else None,
    )


def merge_article_events(events: list[Event]) -> list[Event]:
    """Events of one article with repeated mentions of one event merged, in text order."""
    merged: list[Event] = []
    for event in events:
        for i, kept in enumerate(merged):
            if _same_event(kept, event):
                merged[i] = _merge(kept, event)
                break
        else:
            merged.append(event)
    return merged
