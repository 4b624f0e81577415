"""Records in the export line format of the design (a contract: see docs/EXPORT.md)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from shardwatch.types import Article, Event

EVENT_CSV_COLUMNS = [
    "id", "kind", "date", "date_precision", "reported", "modality", "place_name", "place_canonical", "country",
    "lat", "lon", "place_precision", "perpetrators", "perpetrator_individuals", "killed", "wounded", "target",
    "victims", "weapon", "attack_type", "weapon_type", "link", "change", "outcome", "means", "confidence",
    "article_id", "evidence", "claimed", "claimed_by", "relation", "role", "gaining", "losing", "subject",
]
ARTICLE_CSV_COLUMNS = ["id", "title", "source", "url", "published", "published_precision", "published_from",
                       "removed_lines", "path"]


def article_record(article: Article) -> dict:
    return {
        "type": "article", "id": article.id, "title": article.title, "source": article.source, "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision, "published_from": article.published_from,
        "removed_lines": article.removed_lines,
    }


def event_record(event: Event) -> dict:
    place = event.place
    return {
        "type": "event", "id": event.id, "kind": event.kind,
        "date": event.date.isoformat() if event.date else None, "date_precision": event.date_precision,
        "reported": event.reported.isoformat() if event.reported else None, "modality": event.modality,
        "place": None if place is None else {
            "name": place.name, "canonical": place.canonical, "country": place.country, "lat": place.lat,
            "lon": place.lon, "precision": place.precision, "gazetteer_id": place.gazetteer_id,
        },
        "actors": [{"id": a.actor_id, "name": a.name, "role": a.role, "text": a.text} for a in event.actors],
        "killed": event.killed.as_json() if event.killed else None,
        "wounded": event.wounded.as_json() if event.wounded else None,
        "target": event.target, "victims": event.victims, "weapon": event.weapon,
        "attack_type": event.attack_type, "weapon_type": event.weapon_type, "link": event.link,
        "change": event.change, "outcome": event.outcome, "means": event.means,
        "claimed": event.claimed, "claimed_by": event.claimed_by, "relation": event.relation, "role": event.role,
        "trigger": event.trigger, "confidence": round(event.confidence, 3),
        "article_ids": sorted({event.article_id, *(e.article_id for e in event.evidence)}),
        "evidence": [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text,
                      "extractor": f"{e.extractor}/{e.version}"} for e in event.evidence],
    }


def _quantity_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        low, high = value["low"], value["high"]
        return f"{_number(low)}-{_number(high)}"
    return _number(value)


def _number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def event_row(event: Event) -> dict:
    """An event as one flat CSV row."""
    rec = event_record(event)
    place = rec["place"] or {}
    return {
        **{k: rec[k] for k in ("id", "kind", "date", "date_precision", "reported", "modality", "target", "victims",
                               "weapon", "attack_type", "weapon_type", "link", "change", "outcome", "means",
                               "confidence")},
        "place_name": place.get("name"), "place_canonical": place.get("canonical"), "country": place.get("country"),
        "lat": place.get("lat"), "lon": place.get("lon"), "place_precision": place.get("precision"),
        "perpetrators": "; ".join(a["name"] for a in rec["actors"] if a["role"] == "perpetrator"),
        "perpetrator_individuals": "; ".join(a["name"] for a in rec["actors"] if a["role"] == "perpetrator_individual"),
        "gaining": "; ".join(a["name"] for a in rec["actors"] if a["role"] == "gaining"),
        "losing": "; ".join(a["name"] for a in rec["actors"] if a["role"] == "losing"),
        "subject": "; ".join(a["name"] for a in rec["actors"] if a["role"] == "subject"),
        "claimed": "" if rec["claimed"] is None else ("yes" if rec["claimed"] else "no"),
        "claimed_by": rec["claimed_by"], "relation": rec["relation"], "role": rec["role"],
        "killed": _quantity_text(rec["killed"]), "wounded": _quantity_text(rec["wounded"]),
        "article_id": event.article_id, "evidence": event.evidence[0].text if event.evidence else "",
    }


def jsonl_lines(articles: Iterable[Article], events: Iterable[Event]) -> Iterator[str]:
    for article in articles:
        yield json.dumps(article_record(article), ensure_ascii=False)
    for event in events:
        yield json.dumps(event_record(event), ensure_ascii=False)


def csv_text(rows: Iterable[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()
