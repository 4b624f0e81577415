"""Monthly series of the organisation's territory and its attacks abroad, each count with the
records behind it: what the dashboard's and the brief's timeline draw, and what the
territory-against-attacks-abroad analysis reads.

Works on records in the export line format (dicts), so that events and incidents, from the
store or from the HTTP API, go through one path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from shardwatch.data import by_state, home_countries, organisation_ids
from shardwatch.types import LINKS

ABROAD_LINKS = ("directed", "enabled", "inspired", "unknown")
TERRITORY_SERIES = ("territory_lost", "territory_gained")
SERIES = TERRITORY_SERIES + ABROAD_LINKS
# Months are drawn only for dates known to the day, week or month.
MONTH_PRECISIONS = frozenset({"day", "week", "month"})


def abroad_link(link: str | None) -> str:
    """The timeline's four link classes: a claim of responsibility alone does not say how."""
    return link if link in ("directed", "enabled", "inspired") else "unknown"


def organisation_attack(perpetrator_ids: Iterable[str], link: str | None) -> bool:
    """The attack is the organisation's: a perpetrator is it or one of its affiliates, or its
    link to it (directed, enabled, inspired, claimed) says so. An attack with no perpetrator
    and no link (9/11 recalled in a 2005 piece) is not, nor a state's or coalition's strike
    (``data.by_state``), whatever a later sentence's claim cue gave it."""
    ids = set(perpetrator_ids)  # may be a generator: read once
    if by_state(ids):
        return False
    return bool(ids & organisation_ids()) or link in ("directed", "enabled", "inspired", "claimed")


def _perpetrators(record: dict) -> list[str]:
    return [a.get("id") for a in record.get("actors") or () if (a.get("role") or "").startswith("perpetrator")]


def territory_change(record: dict) -> str | None:
    """territory_lost / territory_gained for the organisation, or None when it is neither."""
    org = organisation_ids()
    roles = {a.get("role") for a in record.get("actors") or () if a.get("id") in org}
    if "losing" in roles:
        return "territory_lost"
    if "gaining" in roles:
        return "territory_gained"
    change = record.get("change")
    if roles and change in ("lost", "retaken"):
        return "territory_lost"
    if roles and change == "captured":
        return "territory_gained"
    return None


def _month(record: dict) -> str | None:
    if not record.get("date") or record.get("date_precision") not in MONTH_PRECISIONS:
        return None
    return record["date"][:7]


def _country(record: dict) -> str | None:
    place = record.get("place")
    return place.get("country") if isinstance(place, dict) else None


def _place_key(record: dict) -> str:
    place = record.get("place") or {}
    return (place.get("canonical") or place.get("name") or "?") if isinstance(place, dict) else str(place)


def monthly_series(events: Iterable[dict], incidents: Iterable[dict] | None = None) -> dict:
    """Monthly counts per series, each with the record ids behind it.

    One real event counts once: events merged into an incident count as that incident; other
    events count once per series, place and day. Attacks placed in no country, and records
    dated only to the year or by the report, are left out and counted in ``left_out``; attacks
    abroad that are not the organisation's (see ``organisation_attack``) are left out and
    counted in ``not_organisation`` (one per real event, as the counted ones), states' and
    coalitions' strikes among them apart in ``by_states``.
    """
    incident_of: dict[str, str] = {}
    for incident in incidents or ():
        for event_id in incident.get("event_ids") or ():
            incident_of[event_id] = incident["id"]
    groups: dict[tuple[str, str], dict] = {}
    left_out = 0
    others: set[str] = set()
    strikes: set[str] = set()
    for event in events:
        if event.get("kind") == "attack":
            country = _country(event)
            if not country or country in home_countries():
                continue
            if not organisation_attack(_perpetrators(event), event.get("link")):
                key = incident_of.get(event["id"]) or f"{_place_key(event)}|{event.get('date')}"
                (strikes if by_state(_perpetrators(event)) else others).add(key)
                continue
            series = "attack"
        elif event.get("kind") == "territory":
            series = territory_change(event)
            if series is None:
                continue
        else:
            continue
        month = _month(event)
        if month is None:
            left_out += 1
            continue
        key = (series, incident_of.get(event["id"]) or f"{_place_key(event)}|{event['date']}")
        group = groups.setdefault(key, {"series": series, "months": [], "links": [], "ids": []})
        group["months"].append(month)
        group["links"].append(event.get("link"))
        group["ids"].append(event["id"])
    cells: dict[str, dict[str, list[list[str]]]] = {s: defaultdict(list) for s in SERIES}
    for (series, _key), group in groups.items():
        month = min(group["months"])
        if series == "attack":
            strongest = min((LINKS.index(link) for link in group["links"] if link in LINKS), default=len(LINKS) - 1)
            series = abroad_link(LINKS[strongest])
        cells[series][month].append(sorted(group["ids"]))
    months = _month_range([m for s in cells.values() for m in s])
    return {
        "months": months,
        "series": {s: [len(cells[s].get(m, ())) for m in months] for s in SERIES},
        # per series and month, one list of event ids for each real event counted
        "records": {s: {m: sorted(groups_) for m, groups_ in sorted(cells[s].items())} for s in SERIES},
        "left_out": left_out,
        "not_organisation": len(others - strikes),
        "by_states": len(strikes),
    }


def _month_range(months: list[str]) -> list[str]:
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
