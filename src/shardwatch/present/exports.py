"""Bulk exports: JSON Lines, CSV, Parquet and GeoJSON, in shardwatch's own layout or in the
column names and categories of ACLED and the Global Terrorism Database (docs/EXPORTS.md).

1. ``export_rows`` turns events into flat rows of one layout (native, acled, gtd).
2. ``write_export`` writes them in one format; JSON Lines is always the design's line format
   (every record type the store has), so ``--layout`` applies to csv, parquet and geojson.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from shardwatch.data import actor_catalogue, gtd_group_names, organisation_ids
from shardwatch.errors import ShardwatchError
from shardwatch.present import capabilities as caps
from shardwatch.present.records import EVENT_CSV_COLUMNS, csv_text, event_record, event_row, jsonl_lines
from shardwatch.store import EventFilter, Store
from shardwatch.types import Article, Event

FORMATS = ("jsonl", "csv", "parquet", "geojson")
LAYOUTS = ("native", "acled", "gtd")

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
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "reported": 3, "unknown": 3}
# ACLED actor type codes (inter1/inter2) from shardwatch actor kinds.
ACLED_INTER = {"state_force": 1, "organisation": 2, "coalition": 8}
ACLED_CIVILIANS = 7
# ACLED regions from the UN subregion that countryinfo gives.
ACLED_REGION = {
    "Western Asia": "Middle East", "Northern Africa": "Northern Africa", "Western Africa": "Western Africa",
    "Eastern Africa": "Eastern Africa", "Middle Africa": "Middle Africa", "Southern Africa": "Southern Africa",
    "Northern America": "North America", "Central America": "Central America", "Caribbean": "Caribbean",
    "South America": "South America", "Southern Asia": "South Asia", "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia", "Central Asia": "Caucasus and Central Asia", "Western Europe": "Europe",
    "Northern Europe": "Europe", "Southern Europe": "Europe", "Eastern Europe": "Europe",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}
ACLED_REGION_BY_COUNTRY = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                           "GE": "Caucasus and Central Asia", "IR": "Middle East"}

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
GTD_REGION = {
    "Northern America": 1, "Central America": 2, "Caribbean": 2, "South America": 3, "Eastern Asia": 4,
    "South-Eastern Asia": 5, "Southern Asia": 6, "Central Asia": 7, "Western Europe": 8, "Northern Europe": 8,
    "Southern Europe": 8, "Eastern Europe": 9, "Western Asia": 10, "Northern Africa": 10, "Western Africa": 11,
    "Eastern Africa": 11, "Middle Africa": 11, "Southern Africa": 11, "Australia and New Zealand": 12,
    "Melanesia": 12, "Micronesia": 12, "Polynesia": 12,
}
GTD_REGION_BY_COUNTRY = {"IR": 10, "AM": 7, "AZ": 7, "GE": 7, "CY": 10}
# GTD specificity from shardwatch place precision (1 city or site, 2 region, 3 country).
GTD_SPECIFICITY = {1: 1, 2: 4, 3: 5}


@cache
def country_info(code: str | None) -> dict:
    """name, alpha3, numeric code and UN subregion of an ISO alpha-2 code ({} if unknown)."""
    if not code:
        return {}
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(code).info()
    except Exception:  # countryinfo raises several types for codes it lacks
        return {}
    iso = info.get("ISO") or {}
    return {"name": info.get("name"), "alpha3": iso.get("alpha3"), "numeric": iso.get("numeric"),
            "subregion": info.get("subregion")}


@cache
def actor_kinds() -> dict[str, str]:
    return {a.id: a.kind for a in actor_catalogue().values()}


def _low(quantity) -> float | None:
    """The lowest figure a source gives (ACLED and GTD both take the conservative one)."""
    if quantity is None:
        return None
    if isinstance(quantity, dict):
        return quantity.get("low") if quantity.get("low") is not None else quantity.get("high")
    return quantity


def _suicide(record: dict) -> bool:
    return any("suicide" in (e.get("text") or "").lower() for e in record["evidence"])


def _actors(record: dict, *roles: str) -> list[dict]:
    return [a for a in record["actors"] if a["role"] in roles]


def acled_type(record: dict) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) in ACLED's categories."""
    kind = record["kind"]
    if kind == "attack":
        attack = record.get("attack_type")
        if attack == "Bombing/Explosion":
            sub = "Suicide bomb" if _suicide(record) else "Remote explosive/landmine/IED"
            return "Political violence", "Explosions/Remote violence", sub
        if attack in ("Hostage Taking (Kidnapping)", "Hijacking"):
            return "Political violence", "Violence against civilians", "Abduction/forced disappearance"
        return "Political violence", "Violence against civilians", "Attack"
    if kind == "territory":
        org_roles = {a["role"] for a in record["actors"] if a["id"] in organisation_ids()}
        gained = "gaining" in org_roles or (record.get("change") == "captured" and "losing" not in org_roles)
        if record.get("change") in ("besieged", "under_offensive"):
            return "Political violence", "Battles", "Armed clash"
        if gained:
            return "Political violence", "Battles", "Non-state actor overtakes territory"
        state_gains = any(actor_kinds().get(a["id"]) in ("state_force", "coalition") for a in _actors(record, "gaining"))
        return "Political violence", "Battles", "Government regains territory" if state_gains or not org_roles else "Armed clash"
    if kind == "leadership":
        if record.get("outcome") in ("captured", "arrested"):
            return "Strategic developments", "Strategic developments", "Arrests"
        if record.get("means") and any(w in record["means"] for w in ("air", "drone")):
            return "Political violence", "Explosions/Remote violence", "Air/drone strike"
        return "Political violence", "Battles", "Armed clash"
    return "Strategic developments", "Strategic developments", "Change to group/activity"


def _sources(record: dict, articles: dict[str, Article]) -> list[Article]:
    return [articles[i] for i in record["article_ids"] if i in articles]


def acled_row(event: Event, articles: dict[str, Article]) -> dict:
    record = event_record(event)
    place = record["place"] or {}
    country = country_info(place.get("country"))
    disorder, event_type, sub_type = acled_type(record)
    side1 = _actors(record, "perpetrator", "gaining") or _actors(record, "subject")
    side2 = _actors(record, "target", "victim", "losing")
    inter1 = ACLED_INTER.get(actor_kinds().get(side1[0]["id"], "organisation")) if side1 else None
    civilians = event_type == "Violence against civilians"
    if side2:
        actor2, inter2 = side2[0]["name"], ACLED_INTER.get(actor_kinds().get(side2[0]["id"], "organisation"))
    elif civilians:
        actor2, inter2 = f"Civilians ({country.get('name') or 'unknown'})", ACLED_CIVILIANS
    else:
        actor2, inter2 = "", None
    codes = sorted(c for c in (inter1, inter2) if c)
    sources = _sources(record, articles)
    date = event.date
    return {
        "event_id_cnty": f"{country.get('alpha3') or 'XXX'}{event.id}",
        "event_date": date.isoformat() if date else "", "year": date.year if date else "",
        "time_precision": ACLED_TIME_PRECISION.get(event.date_precision, 3),
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_type,
        "actor1": side1[0]["name"] if side1 else "Unidentified Armed Group",
        "assoc_actor_1": "; ".join(a["name"] for a in side1[1:]), "inter1": inter1 or "",
        "actor2": actor2, "assoc_actor_2": "; ".join(a["name"] for a in side2[1:]), "inter2": inter2 or "",
        "interaction": int("".join(str(c) for c in codes)) if codes else "",
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": int(country["numeric"]) if country.get("numeric") else "",
        "region": ACLED_REGION_BY_COUNTRY.get(place.get("country"))
        or ACLED_REGION.get(country.get("subregion"), ""),
        "country": country.get("name") or "", "admin1": "", "admin2": "", "admin3": "",
        "location": place.get("canonical") or "", "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": place.get("precision") or "",
        "source": "; ".join(sorted({a.source or "unknown source" for a in sources})), "source_scale": "",
        "notes": " ".join(e["text"] for e in record["evidence"]),
        "fatalities": int(_low(record["killed"]) or 0),
        "tags": "; ".join(t for t in (f"link: {record['link']}" if record.get("link") else "",
                                      f"modality: {record['modality']}") if t),
        "timestamp": int(dt.datetime.combine(event.reported, dt.time(), dt.timezone.utc).timestamp())
        if event.reported else "",
        "shardwatch_id": event.id,
    }


def gtd_row(event: Event, articles: dict[str, Article], serial: int) -> dict:
    record = event_record(event)
    place = record["place"] or {}
    code = place.get("country")
    country = country_info(code)
    region = GTD_REGION_BY_COUNTRY.get(code) or GTD_REGION.get(country.get("subregion"))
    date = event.date
    exact = event.date_precision == "day"
    perpetrators = _actors(record, "perpetrator")
    individuals = _actors(record, "perpetrator_individual")
    weapon = GTD_WEAPON_TYPES.get(record.get("weapon_type") or "Unknown", GTD_WEAPON_TYPES["Unknown"])
    attack = record.get("attack_type") or "Unknown"
    killed, wounded = _low(record["killed"]), _low(record["wounded"])
    sources = _sources(record, articles)
    citations = [f"{a.source or 'unknown source'}, \"{a.title or a.id}\", {a.published or 'undated'}"
                 + (f", {a.url}" if a.url else "") for a in sources]
    return {
        "eventid": int(f"{date:%Y%m%d}{serial:04d}") if date else "",
        "iyear": date.year if date else "",
        "imonth": date.month if date and event.date_precision in ("day", "week", "month") else 0,
        "iday": date.day if date and event.date_precision in ("day", "week") else 0,
        "approxdate": "" if exact or not date else f"{event.date_precision}: {date.isoformat()}",
        "extended": 0, "country": "", "country_txt": country.get("name") or "",
        "region": region or "", "region_txt": GTD_REGIONS.get(region, ""), "provstate": "",
        "city": place.get("canonical") if place.get("precision") == 1 else "",
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "specificity": GTD_SPECIFICITY.get(place.get("precision"), 5), "vicinity": 0,
        "summary": " ".join(e["text"] for e in record["evidence"]),
        "crit1": "", "crit2": "", "crit3": "", "doubtterr": -9, "multiple": "",
        "success": 1 if (killed or 0) > 0 or (wounded or 0) > 0 else "",
        "suicide": 1 if _suicide(record) else 0,
        "attacktype1": GTD_ATTACK_TYPES.get(attack, 9), "attacktype1_txt": attack if attack in GTD_ATTACK_TYPES else "Unknown",
        "targtype1": "", "targtype1_txt": "", "target1": record.get("target") or record.get("victims") or "",
        "gname": gtd_group_names().get(perpetrators[0]["id"], perpetrators[0]["name"]) if perpetrators else "Unknown",
        "gsubname": "", "individual": 1 if individuals and not perpetrators else 0,
        "nperps": len(individuals) or -99, "claimed": 1 if record.get("link") == "claimed" else -9,
        "weaptype1": weapon[0], "weaptype1_txt": weapon[1],
        "nkill": killed if killed is not None else "", "nwound": wounded if wounded is not None else "",
        "property": -9, "ishostkid": 1 if attack.startswith("Hostage") else 0,
        "scite1": citations[0] if citations else "", "scite2": citations[1] if len(citations) > 1 else "",
        "scite3": citations[2] if len(citations) > 2 else "", "dbsource": "shardwatch", "shardwatch_id": event.id,
    }


def export_rows(events: list[Event], articles: dict[str, Article], layout: str) -> tuple[list[dict], list[str]]:
    """Flat rows of events in one layout, and the column order. GTD holds attacks only."""
    if layout == "acled":
        return [acled_row(e, articles) for e in events], ACLED_COLUMNS
    if layout == "gtd":
        serials: dict[dt.date | None, int] = {}
        rows = []
        for event in events:
            if event.kind != "attack":
                continue
            serials[event.date] = serials.get(event.date, 0) + 1
            rows.append(gtd_row(event, articles, serials[event.date]))
        return rows, GTD_COLUMNS
    return [event_row(e) for e in events], EVENT_CSV_COLUMNS


def _lon_lat(row: dict, layout: str) -> tuple[float | None, float | None]:
    if layout == "native":
        return row.get("lon"), row.get("lat")
    return row.get("longitude"), row.get("latitude")


def geojson(rows: Iterable[dict], columns: list[str], layout: str) -> tuple[dict, int]:
    """A FeatureCollection of Points ([lon, lat]) and the number of rows left out for lack of coordinates."""
    features, skipped = [], 0
    for row in rows:
        lon, lat = _lon_lat(row, layout)
        if lon is None or lat is None:
            skipped += 1
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {c: row.get(c) for c in columns}})
    return {"type": "FeatureCollection", "features": features}, skipped


def dataframe(rows: list[dict], columns: list[str]):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    # Mixed "" and numbers in one column do not fit Parquet's types: empty means missing.
    return frame.replace("", None).convert_dtypes()


def jsonl_text(store: Store, filters: EventFilter = EventFilter()) -> str:
    """Every record the store holds (as known on ``filters.as_of``), in the design's line format."""
    lines = list(jsonl_lines(store.articles(as_of=filters.as_of), store.events(filters)))
    for kind in ("claims", "quotes", "incidents", "contradictions"):
        for record in caps.optional_records(store, kind, filters) or ():
            lines.append(json.dumps(record, ensure_ascii=False, default=str))
    return "".join(line + "\n" for line in lines)


def write_export(store: Store, fmt: str, layout: str, out: Path | None,
                 filters: EventFilter = EventFilter()) -> tuple[str | bytes, str]:
    """The export as text (or bytes, for Parquet) and a one-line summary of what it holds."""
    if fmt == "jsonl":
        if layout != "native":
            raise ShardwatchError("--layout applies to csv, parquet and geojson; jsonl is always the line format")
        text = jsonl_text(store, filters)
        return text, f"{text.count(chr(10))} records"
    articles = {a.id: a for a in store.articles(as_of=filters.as_of)}
    rows, columns = export_rows(store.events(filters), articles, layout)
    if fmt == "csv":
        return csv_text(rows, columns), f"{len(rows)} events ({layout} layout)"
    if fmt == "parquet":
        if out is None:
            raise ShardwatchError("parquet is binary: give --out FILE")
        import io

        buffer = io.BytesIO()
        dataframe(rows, columns).to_parquet(buffer, index=False)
        return buffer.getvalue(), f"{len(rows)} events ({layout} layout)"
    collection, skipped = geojson(rows, columns, layout)
    summary = f"{len(collection['features'])} events with coordinates ({layout} layout)"
    if skipped:
        summary += f"; {skipped} without coordinates left out"
    return json.dumps(collection, ensure_ascii=False, default=str) + "\n", summary
