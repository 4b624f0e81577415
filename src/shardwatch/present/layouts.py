"""The columns and categories of ACLED and the Global Terrorism Database (docs/EXPORTS.md).

1. A *unit* is what one row stands for, as a record of the export line format: an incident
   (the events of many reports of one real event, with the consensus figures and every
   source; the default) or, on request, one event. Events in no incident are their own unit.
2. ``acled_row`` / ``gtd_row`` code a unit in that dataset's categories, from what the records
   know and the shipped data (actor catalogue, country regions, GTD target types); a value
   the records do not give is left empty, never guessed (an undated event has no date).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from shardwatch.data import actor_catalogue, by_state, country_regions, gtd_group_names, gtd_targets, organisation_ids
from shardwatch.present.records import event_record
from shardwatch.types import Article, Event, Incident

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp", "shardwatch_id",
]
GTD_COLUMNS = [
    "eventid", "iyear", "imonth", "iday", "approxdate", "extended", "country", "country_txt", "region",
    "region_txt", "provstate", "city", "latitude", "longitude", "specificity", "vicinity", "summary", "crit1",
    "crit2", "crit3", "doubtterr", "multiple", "success", "suicide", "attacktype1", "attacktype1_txt",
    "targtype1", "targtype1_txt", "target1", "gname", "gsubname", "individual", "nperps", "claimed",
    "weaptype1", "weaptype1_txt", "nkill", "nwound", "property", "ishostkid", "scite1", "scite2", "scite3",
    "dbsource", "shardwatch_id",
]

# ACLED: time_precision 1 = day, 2 = week or a few days, 3 = month or vaguer.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "reported": 3}
# ACLED actor type codes (inter1/inter2): a state's forces 1, rebel groups 2, civilians 7, external 8.
ACLED_STATE, ACLED_REBELS, ACLED_CIVILIANS, ACLED_EXTERNAL = 1, 2, 7, 8
# Dates ACLED and the GTD can carry: a day, a week, a month, or a report's date standing in.
DATED = frozenset({"day", "week", "month", "reported"})

# GTD categories (codebook numbers and labels).
GTD_ATTACK_TYPES = {
    "Assassination": 1, "Armed Assault": 2, "Bombing/Explosion": 3, "Hijacking": 4,
    "Hostage Taking (Barricade Incident)": 5, "Hostage Taking (Kidnapping)": 6,
    "Facility/Infrastructure Attack": 7, "Unarmed Assault": 8, "Unknown": 9,
}
GTD_WEAPON_TYPES = {
    "Biological": (1, "Biological"), "Chemical": (2, "Chemical"), "Radiological": (3, "Radiological"),
    "Nuclear": (4, "Nuclear"), "Firearms": (5, "Firearms"), "Explosives": (6, "Explosives"),
    "Fake Weapons": (7, "Fake Weapons"), "Incendiary": (8, "Incendiary"), "Melee": (9, "Melee"),
    "Vehicle": (10, "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)"),
    "Sabotage Equipment": (11, "Sabotage Equipment"), "Other": (12, "Other"), "Unknown": (13, "Unknown"),
}
GTD_REGIONS = {1: "North America", 2: "Central America & Caribbean", 3: "South America", 4: "East Asia",
               5: "Southeast Asia", 6: "South Asia", 7: "Central Asia", 8: "Western Europe", 9: "Eastern Europe",
               10: "Middle East & North Africa", 11: "Sub-Saharan Africa", 12: "Australasia & Oceania"}
GTD_UNKNOWN_TARGET = (20, "Unknown")
# GTD specificity from shardwatch place precision (1 city or site, 2 region, 3 country).
GTD_SPECIFICITY = {1: 1, 2: 4, 3: 5}


@cache
def country_info(code: str | None) -> dict:
    """name, alpha3, numeric code of an ISO alpha-2 code, and its ACLED and GTD regions."""
    if not code:
        return {}
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(code).info()
    except Exception:  # countryinfo raises several types for codes it lacks
        info = {}
    iso = info.get("ISO") or {}
    regions = country_regions().get(code, {})
    return {"name": info.get("name"), "alpha3": iso.get("alpha3"), "numeric": iso.get("numeric"),
            "acled_region": regions.get("acled_region"), "gtd_region": regions.get("gtd_region")}


def inter_code(actor_id: str | None) -> int | None:
    """ACLED's actor type, from the actor catalogue only: forces the catalogue gives a state
    (``country``) are a state's (1), a coalition is external (8), any other organisation or
    armed force is a non-state group (2: the YPG is no government's); None off the catalogue."""
    actor = actor_catalogue().get(actor_id or "")
    if actor is None or actor.kind == "person":
        return None
    if actor.kind == "coalition":
        return ACLED_EXTERNAL
    if actor.kind == "state_force" and actor.country:
        return ACLED_STATE
    return ACLED_REBELS


# -- units ------------------------------------------------------------------------------------


def event_unit(event: Event) -> dict:
    """One event as a unit (the export line format's event record)."""
    return event_record(event)


def incident_unit(incident: Incident, events: dict[str, Event]) -> dict:
    """One incident as a unit: its date, place, link and consensus figures, the actors and
    evidence of all its events, and every source article."""
    members = [event_record(events[i]) for i in incident.event_ids if i in events]

    def first(key: str):
        return next((m[key] for m in members if m.get(key)), None)

    actors, seen = [], set()
    for member in members:
        for actor in member["actors"]:
            if (actor["id"], actor["role"]) not in seen:
                seen.add((actor["id"], actor["role"]))
                actors.append(actor)
    place = incident.place
    reported = [m["reported"] for m in members if m["reported"]]
    return {
        "id": incident.id, "kind": incident.kind,
        "date": incident.date.isoformat() if incident.date else None, "date_precision": incident.date_precision,
        "reported": min(reported) if reported else None, "modality": first("modality"),
        "place": None if place is None else {"name": place.name, "canonical": place.canonical,
                                             "country": place.country, "lat": place.lat, "lon": place.lon,
                                             "precision": place.precision},
        "actors": actors,
        "killed": _consensus(incident.killed_consensus), "wounded": _consensus(incident.wounded_consensus),
        **{key: first(key) for key in ("target", "victims", "weapon", "attack_type", "weapon_type", "change",
                                       "outcome", "means")},
        "link": incident.link, "evidence": [e for m in members for e in m["evidence"]],
        "article_ids": list(incident.article_ids),
    }


def _consensus(c) -> float | None:
    """The figure of an incident's consensus (its lower bound when the sources give a range)."""
    if c is None:
        return None
    return c.value if c.value is not None else c.low


def units(events: list[Event], incidents: list[Incident], *, per: str = "incident") -> list[dict]:
    """What the rows stand for: the incidents (and the events in none), or every event."""
    if per == "event":
        return [event_unit(e) for e in events]
    by_id = {e.id: e for e in events}
    out, covered = [], set()
    for incident in incidents:
        members = [i for i in incident.event_ids if i in by_id]
        if members:
            out.append(incident_unit(incident, by_id))
            covered.update(members)
    out += [event_unit(e) for e in events if e.id not in covered]
    return sorted(out, key=lambda u: (u["date"] is None, u["date"] or "", u["id"]))


# -- ACLED ------------------------------------------------------------------------------------


def _low(quantity) -> float | None:
    """The lowest figure given (ACLED and the GTD both take the conservative one)."""
    if isinstance(quantity, dict):
        return quantity.get("low") if quantity.get("low") is not None else quantity.get("high")
    return quantity


def _suicide(unit: dict) -> bool:
    return any("suicide" in (e.get("text") or "").lower() for e in unit["evidence"])


def _actors(unit: dict, *roles: str) -> list[dict]:
    return [a for a in unit["actors"] if a["role"] in roles]


def _by_state(unit: dict) -> bool:
    return by_state(a["id"] for a in _actors(unit, "perpetrator"))


def acled_type(unit: dict) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) in ACLED's categories."""
    kind = unit["kind"]
    if kind == "attack":
        attack = unit.get("attack_type")
        if _by_state(unit):
            # a state's strike (extract/state_strikes): air words make it an air strike
            air = any(w in (unit.get("weapon") or "").lower() for w in ("air", "drone", "jet", "bomber", "warplane",
                                                                        "helicopter", "raid"))
            sub = "Air/drone strike" if air else "Shelling/artillery/missile attack"
            return "Political violence", "Explosions/Remote violence", sub
        if attack == "Bombing/Explosion":
            sub = "Suicide bomb" if _suicide(unit) else "Remote explosive/landmine/IED"
            return "Political violence", "Explosions/Remote violence", sub
        if attack in ("Hostage Taking (Kidnapping)", "Hijacking"):
            return "Political violence", "Violence against civilians", "Abduction/forced disappearance"
        return "Political violence", "Violence against civilians", "Attack"
    if kind == "territory":
        if unit.get("change") in ("besieged", "under_offensive"):
            return "Political violence", "Battles", "Armed clash"
        gainers = {inter_code(a["id"]) for a in _actors(unit, "gaining")}
        org_gains = any(a["id"] in organisation_ids() for a in _actors(unit, "gaining"))
        if ACLED_STATE in gainers and not org_gains:
            return "Political violence", "Battles", "Government regains territory"
        if org_gains or ACLED_REBELS in gainers:
            return "Political violence", "Battles", "Non-state actor overtakes territory"
        return "Political violence", "Battles", "Armed clash"
    if kind == "leadership":
        if unit.get("outcome") in ("captured", "arrested"):
            return "Strategic developments", "Strategic developments", "Arrests"
        if unit.get("means") and any(w in unit["means"] for w in ("air", "drone")):
            return "Political violence", "Explosions/Remote violence", "Air/drone strike"
        return "Political violence", "Battles", "Armed clash"
    return "Strategic developments", "Strategic developments", "Change to group/activity"


def _admin1(place: dict) -> str:
    """The first-level region the record's place lies in (from the gazetteer), or the place
    itself when it is a region (precision 2) and the gazetteer gave none."""
    if place.get("admin1"):
        return place["admin1"]
    return place.get("canonical") or "" if place.get("precision") == 2 else ""


def acled_row(unit: dict, articles: dict[str, Article]) -> dict:
    place = unit["place"] or {}
    country = country_info(place.get("country"))
    disorder, event_type, sub_type = acled_type(unit)
    side1 = _actors(unit, "perpetrator", "gaining") or _actors(unit, "subject")
    side2 = _actors(unit, "target", "victim", "losing")
    inter1 = inter_code(side1[0]["id"]) if side1 else None
    civilians = event_type == "Violence against civilians"
    if side2:
        actor2, inter2 = side2[0]["name"], inter_code(side2[0]["id"])
    elif civilians:
        actor2, inter2 = f"Civilians ({country.get('name') or 'unknown'})", ACLED_CIVILIANS
    else:
        actor2, inter2 = "", None
    codes = sorted(c for c in (inter1, inter2) if c)
    sources = [articles[i] for i in unit["article_ids"] if i in articles]
    dated = unit["date"] is not None and unit["date_precision"] in DATED
    reported = dt.date.fromisoformat(unit["reported"]) if unit["reported"] else None
    return {
        "event_id_cnty": f"{country.get('alpha3') or 'XXX'}{unit['id']}",
        "event_date": unit["date"] if dated else "",
        "year": int(unit["date"][:4]) if unit["date"] else "",
        "time_precision": ACLED_TIME_PRECISION.get(unit["date_precision"], "") if dated else "",
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_type,
        "actor1": side1[0]["name"] if side1 else "Unidentified Armed Group",
        "assoc_actor_1": "; ".join(a["name"] for a in side1[1:]), "inter1": inter1 or "",
        "actor2": actor2, "assoc_actor_2": "; ".join(a["name"] for a in side2[1:]), "inter2": inter2 or "",
        "interaction": int("".join(str(c) for c in codes)) if codes else "",
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": int(country["numeric"]) if country.get("numeric") else "",
        "region": country.get("acled_region") or "",
        "country": country.get("name") or "", "admin1": _admin1(place), "admin2": "", "admin3": "",
        "location": place.get("canonical") or "", "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": place.get("precision") or "",
        "source": "; ".join(sorted({a.source or "unknown source" for a in sources})), "source_scale": "",
        "notes": " ".join(e["text"] for e in unit["evidence"]),
        "fatalities": int(_low(unit["killed"]) or 0),
        "tags": "; ".join(t for t in (f"link: {unit['link']}" if unit.get("link") else "",
                                      f"modality: {unit['modality']}" if unit.get("modality") else "") if t),
        "timestamp": int(dt.datetime.combine(reported, dt.time(), dt.timezone.utc).timestamp()) if reported else None,
        "shardwatch_id": unit["id"],
    }


# -- GTD --------------------------------------------------------------------------------------


@cache
def _target_patterns() -> tuple[tuple[re.Pattern, int, str, bool], ...]:
    out = []
    for t in gtd_targets():
        words = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in t["words"])
        out.append((re.compile(rf"\b(?:{words})\b"), t["targtype"], t["label"], bool(t.get("combatant"))))
    return tuple(out)


def target_type(text: str) -> tuple[int, str, bool | None]:
    """The GTD target type of a target or victims text, and whether it is a combatant one
    (None: unknown)."""
    lowered = (text or "").lower()
    for pattern, code, label, combatant in _target_patterns():
        if lowered and pattern.search(lowered):
            return code, label, combatant
    return (*GTD_UNKNOWN_TARGET, None)


def gtd_date(unit: dict) -> tuple[dt.date | None, int, int]:
    """The date, and the month and day the GTD may carry (0: not known that finely)."""
    date = dt.date.fromisoformat(unit["date"]) if unit["date"] else None
    precision = unit["date_precision"]
    month = date.month if date and precision in ("day", "week", "month") else 0
    day = date.day if date and precision in ("day", "week") else 0
    return date, month, day


def gtd_row(unit: dict, articles: dict[str, Article], serial: int) -> dict:
    place = unit["place"] or {}
    country = country_info(place.get("country"))
    region = country.get("gtd_region")
    date, month, day = gtd_date(unit)
    precision = unit["date_precision"]
    perpetrators = _actors(unit, "perpetrator")
    individuals = _actors(unit, "perpetrator_individual")
    weapon = GTD_WEAPON_TYPES.get(unit.get("weapon_type") or "Unknown", GTD_WEAPON_TYPES["Unknown"])
    attack = unit.get("attack_type") or "Unknown"
    killed, wounded = _low(unit["killed"]), _low(unit["wounded"])
    sources = [articles[i] for i in unit["article_ids"] if i in articles]
    citations = [f"{a.source or 'unknown source'}, \"{a.title or a.id}\", {a.published or 'undated'}"
                 + (f", {a.url}" if a.url else "") for a in sources]
    target_text = " ".join(t for t in (unit.get("target"), unit.get("victims")) if t)
    targtype, targlabel, combatant = target_type(target_text)
    # GTD criteria 1 (a political, economic, religious or social goal) and 2 (to coerce or
    # intimidate a larger audience) hold for an attack by an organisation of the actor
    # catalogue; 3 (outside international humanitarian law) when its target is no combatant.
    by_group = any(actor_catalogue().get(a["id"]) and actor_catalogue()[a["id"]].kind == "organisation"
                   for a in perpetrators)
    return {
        "eventid": int(f"{date.year:04d}{month:02d}{day:02d}{serial:04d}") if date else "",
        "iyear": date.year if date else "", "imonth": month, "iday": day,
        "approxdate": "" if precision == "day" or not date else f"{precision}: {unit['date']}",
        "extended": 0, "country": "", "country_txt": country.get("name") or "",
        "region": region or "", "region_txt": GTD_REGIONS.get(region, ""), "provstate": _admin1(place),
        # a village shown at its province (located_at) is still the GTD's city, at specificity 4
        "city": place.get("canonical") if place.get("precision") == 1 or place.get("located_at") else "",
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "specificity": GTD_SPECIFICITY.get(place.get("precision"), 5), "vicinity": 0,
        "summary": " ".join(e["text"] for e in unit["evidence"]),
        "crit1": 1 if by_group else "", "crit2": 1 if by_group else "",
        "crit3": "" if combatant is None else 0 if combatant else 1,
        "doubtterr": -9, "multiple": "",
        "success": 1 if (killed or 0) > 0 or (wounded or 0) > 0 else "",
        "suicide": 1 if _suicide(unit) else 0,
        "attacktype1": GTD_ATTACK_TYPES.get(attack, 9),
        "attacktype1_txt": attack if attack in GTD_ATTACK_TYPES else "Unknown",
        "targtype1": targtype, "targtype1_txt": targlabel, "target1": target_text,
        "gname": gtd_group_names().get(perpetrators[0]["id"], perpetrators[0]["name"]) if perpetrators else "Unknown",
        "gsubname": "", "individual": 1 if individuals and not perpetrators else 0,
        "nperps": len(individuals) or -99, "claimed": 1 if unit.get("link") == "claimed" else -9,
        "weaptype1": weapon[0], "weaptype1_txt": weapon[1],
        "nkill": killed, "nwound": wounded,
        "property": -9, "ishostkid": 1 if attack.startswith("Hostage") else 0,
        "scite1": citations[0] if citations else "", "scite2": citations[1] if len(citations) > 1 else "",
        "scite3": "; ".join(citations[2:]), "dbsource": "shardwatch", "shardwatch_id": unit["id"],
    }


def layout_rows(found: list[dict], articles: dict[str, Article], layout: str) -> list[dict]:
    """Rows of units in the ACLED or GTD layout (the GTD holds attacks only)."""
    if layout == "acled":
        return [acled_row(u, articles) for u in found]
    serials: dict[tuple, int] = {}
    rows = []
    for unit in found:
        if unit["kind"] != "attack" or _by_state(unit):
            continue  # the GTD holds non-state actors' attacks, not states' strikes
        date, month, day = gtd_date(unit)
        key = (date.year if date else None, month, day)
        serials[key] = serials.get(key, 0) + 1
        rows.append(gtd_row(unit, articles, serials[key]))
    return rows
