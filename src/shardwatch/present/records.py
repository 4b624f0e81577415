"""Records in the export line format of the design (a contract: see docs/EXPORT.md)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from shardwatch.types import Article, Consensus, Event, Incident

EVENT_CSV_COLUMNS = [
    "id", "kind", "date", "date_precision", "reported", "modality", "place_name", "place_canonical", "country",
    "lat", "lon", "place_precision", "perpetrators", "perpetrator_individuals", "killed", "wounded", "target",
    "victims", "weapon", "attack_type", "weapon_type", "link", "change", "outcome", "means", "confidence",
    "article_id", "evidence", "claimed", "claimed_by", "relation", "role", "gaining", "losing", "subject",
    "killed_low", "killed_high", "wounded_low", "wounded_high",
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
            "admin1": place.admin1, "written": place.written, "located_at": place.located_at,
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
        "killed_low": event.killed.low if event.killed else None,
        "killed_high": event.killed.high if event.killed else None,
        "wounded_low": event.wounded.low if event.wounded else None,
        "wounded_high": event.wounded.high if event.wounded else None,
        "when": date_text(event.date, event.date_precision),
        "article_id": event.article_id, "evidence": event.evidence[0].text if event.evidence else "",
    }


def jsonl_lines(articles: Iterable[Article], events: Iterable[Event],
                incidents: Iterable[Incident] = ()) -> Iterator[str]:
    for article in articles:
        yield json.dumps(article_record(article), ensure_ascii=False)
    for event in events:
        yield json.dumps(event_record(event), ensure_ascii=False)
    for incident in incidents:
        yield json.dumps(incident_record(incident), ensure_ascii=False)


def csv_text(rows: Iterable[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


# -- incidents (issue 5) -------------------------------------------------------------------

INCIDENT_CSV_COLUMNS = [
    "id", "kind", "date", "date_precision", "place_canonical", "country", "lat", "lon", "perpetrators",
    "killed", "killed_range", "killed_values", "wounded", "wounded_range", "link", "independent_sources",
    "articles", "events", "first_reported",
]


def _consensus_json(c: Consensus | None) -> dict | None:
    if c is None:
        return None
    return {"value": _json_number(c.value), "low": _json_number(c.low), "high": _json_number(c.high),
            "sources": c.sources}


def _json_number(x):
    return int(x) if x is not None and float(x).is_integer() else x


def incident_record(incident: Incident) -> dict:
    """An incident in the export line format: every source's values, consensus and range,
    independent sources (wire copies once), first report and sources over time."""
    place = incident.place
    return {
        "type": "incident", "id": incident.id, "kind": incident.kind,
        "date": incident.date.isoformat() if incident.date else None, "date_precision": incident.date_precision,
        "place": None if place is None else {
            "name": place.name, "canonical": place.canonical, "country": place.country, "lat": place.lat,
            "lon": place.lon, "precision": place.precision, "gazetteer_id": place.gazetteer_id,
            "admin1": place.admin1, "located_at": place.located_at,
        },
        "actors": [{"id": a.actor_id, "name": a.name, "role": a.role, "kind": a.kind, "parent": a.parent,
                    "person_role": a.person_role, "mentions": a.mentions} for a in incident.actors],
        "link": incident.link,
        "event_ids": list(incident.event_ids),
        "article_ids": list(incident.article_ids),
        "independent_sources": incident.independent_sources,
        "duplicates": [{"article_id": a, "duplicate_of": o} for a, o in sorted(incident.duplicates.items())],
        "first_reported": incident.first_reported.isoformat() if incident.first_reported else None,
        "sources_over_time": [{"date": d.isoformat(), "independent_sources": n} for d, n in incident.sources_over_time],
        "values": {
            measure: [{"article_id": v.article_id, "event_id": v.event_id, "value": v.value.as_json(),
                       "text": v.value.text, "source": v.source,
                       "published": v.published.isoformat() if v.published else None,
                       "duplicate_of": v.duplicate_of} for v in values]
            for measure, values in (("killed", incident.killed), ("wounded", incident.wounded))
        },
        "consensus": {"killed": _consensus_json(incident.killed_consensus),
                      "wounded": _consensus_json(incident.wounded_consensus)},
    }


def _range_text(c: Consensus | None) -> str:
    if c is None:
        return ""
    if c.low == c.high:
        return _number(c.low)
    return f"{_number(c.low)}-{_number(c.high)}" if c.high is not None else f"{_number(c.low)}+"


def incident_row(incident: Incident) -> dict:
    """An incident as one flat row (table and CSV)."""
    place = incident.place
    return {
        "id": incident.id, "kind": incident.kind, "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "place_canonical": place.canonical if place else None, "country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "perpetrators": "; ".join(a.name for a in incident.actors if a.role in ("perpetrator", "perpetrator_individual")),
        "killed": _number(incident.killed_consensus.value) if incident.killed_consensus else "",
        "killed_range": _range_text(incident.killed_consensus),
        "killed_values": "; ".join(f"{v.value.text or _quantity_text(v.value.as_json())} ({v.source or v.article_id[:8]}"
                                   f"{', copy' if v.duplicate_of else ''})" for v in incident.killed),
        "wounded": _number(incident.wounded_consensus.value) if incident.wounded_consensus else "",
        "wounded_range": _range_text(incident.wounded_consensus),
        "link": incident.link, "independent_sources": incident.independent_sources,
        "articles": len(incident.article_ids), "events": len(incident.event_ids),
        "first_reported": incident.first_reported.isoformat() if incident.first_reported else None,
    }


# -- claims, quotes, indicators and contradictions (issue 4) ----------------------------------

CLAIM_CSV_COLUMNS = [
    "id", "measure", "measure_text", "subject", "scope", "scope_countries", "basis", "value", "low", "high", "unit",
    "qualifier", "value_text", "as_of", "as_of_precision", "claimant", "claimant_role", "claimant_kind", "article_id",
    "check", "evidence",
]
QUOTE_CSV_COLUMNS = ["id", "speaker", "speaker_role", "direct", "text", "article_id", "evidence"]


def _as_of_text(date, precision: str) -> str | None:
    """An as-of date as precise as the text made it: "2016-12" for "last December"."""
    if date is None:
        return None
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def _evidence_records(evidence) -> list[dict]:
    return [{"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text,
             "extractor": f"{e.extractor}/{e.version}"} for e in evidence]


def claim_record(claim) -> dict:
    """A claim in the export line format."""
    def number(x):
        return int(x) if x is not None and float(x).is_integer() else x

    return {
        "type": "claim", "id": claim.id, "measure": claim.measure, "measure_text": claim.measure_text,
        "subject": {"id": claim.subject_id, "name": claim.subject_name} if claim.subject_id else None,
        "scope": claim.scope, "scope_countries": list(claim.scope_countries), "basis": claim.basis,
        "value": number(claim.value), "low": number(claim.low), "high": number(claim.high), "unit": claim.unit,
        "qualifier": claim.qualifier, "value_text": claim.value_text, "total": number(claim.total),
        "as_of": _as_of_text(claim.as_of, claim.as_of_precision), "as_of_precision": claim.as_of_precision,
        "as_of_text": claim.as_of_text,
        "claimant": {"name": claim.claimant.name, "role": claim.claimant.role, "kind": claim.claimant.kind,
                     "id": claim.claimant.actor_id},
        "reported": claim.reported.isoformat() if claim.reported else None, "modality": claim.modality,
        "article_id": claim.article_id, "evidence": _evidence_records(claim.evidence),
    }


def claim_row(claim, check: str = "") -> dict:
    """A claim as one flat CSV or table row; ``check`` is the reference comparison, if any."""
    from shardwatch.analyse.intervals import format_value

    rec = claim_record(claim)
    return {
        **{k: rec[k] for k in ("id", "measure", "measure_text", "scope", "basis", "low", "high", "unit", "qualifier",
                               "value_text", "as_of", "as_of_precision", "article_id")},
        "subject": claim.subject_name, "scope_countries": ";".join(claim.scope_countries),
        "value": format_value(claim.low, claim.high, claim.qualifier),
        "claimant": claim.claimant.name, "claimant_role": claim.claimant.role, "claimant_kind": claim.claimant.kind,
        "check": check, "evidence": claim.evidence[0].text if claim.evidence else "",
    }


def quote_record(quote) -> dict:
    """A quote in the export line format."""
    return {
        "type": "quote", "id": quote.id,
        "speaker": {"name": quote.speaker.name, "role": quote.speaker.role, "kind": quote.speaker.kind,
                    "id": quote.speaker.actor_id},
        "text": quote.text, "direct": quote.direct, "article_id": quote.article_id,
        "evidence": _evidence_records(quote.evidence),
    }


def quote_row(quote) -> dict:
    return {"id": quote.id, "speaker": quote.speaker.name, "speaker_role": quote.speaker.role,
            "direct": "direct" if quote.direct else "indirect", "text": quote.text, "article_id": quote.article_id,
            "evidence": quote.evidence[0].text if quote.evidence else ""}


def contradiction_record(contradiction) -> dict:
    """A contradiction between claims in the export line format."""
    return {"type": "contradiction", "id": contradiction.id, "about": contradiction.about,
            "claim_ids": list(contradiction.claim_ids), "detail": contradiction.detail}


def indicator_record(indicator, references=(), checks=None) -> dict:
    """An indicator: its claims oldest first, and the reference figures of its measure and scope."""
    checks = checks or {}

    def number(x):
        return int(x) if x is not None and float(x).is_integer() else x

    import hashlib

    key = "|".join((indicator.measure, indicator.scope or "", indicator.unit))
    return {
        "type": "indicator", "id": hashlib.sha256(key.encode()).hexdigest()[:16], "measure": indicator.measure,
        "scope": indicator.scope, "scope_countries": list(indicator.scope_countries), "unit": indicator.unit,
        "claims": [{"claim_id": c.id, "as_of": _as_of_text(c.as_of, c.as_of_precision),
                    "as_of_precision": c.as_of_precision, "low": number(c.low), "high": number(c.high),
                    "qualifier": c.qualifier, "value_text": c.value_text, "basis": c.basis,
                    "claimant": {"name": c.claimant.name, "role": c.claimant.role}, "article_id": c.article_id,
                    "check": checks.get(c.id), "evidence": c.evidence[0].text if c.evidence else None}
                   for c in indicator.claims],
        "reference": [{"as_of": p.as_of.isoformat(), "low": number(p.low), "high": number(p.high),
                       "qualifier": p.qualifier, "basis": p.basis, "claimant": p.claimant, "source": p.source,
                       "note": p.note} for p in references],
    }


def analysis_lines(claims, quotes, contradictions) -> Iterator[str]:
    """Export lines for claims, quotes and contradictions, after the article and event lines."""
    for claim in claims:
        yield json.dumps(claim_record(claim), ensure_ascii=False)
    for quote in quotes:
        yield json.dumps(quote_record(quote), ensure_ascii=False)
    for contradiction in contradictions:
        yield json.dumps(contradiction_record(contradiction), ensure_ascii=False)


INDICATOR_POINT_COLUMNS = ["measure", "scope", "unit", "as_of", "kind", "value", "source", "check", "evidence"]


def indicator_points(record: dict) -> list[dict]:
    """An indicator record as flat rows, one a claim or reference figure, oldest first."""
    from shardwatch.analyse.intervals import format_value

    rows = []
    for point in record["claims"]:
        rows.append({"measure": record["measure"], "scope": record["scope"], "unit": record["unit"],
                     "as_of": point["as_of"], "kind": "claim",
                     "value": format_value(point["low"], point["high"], point["qualifier"]),
                     "source": point["claimant"]["name"], "check": point["check"] or "", "evidence": point["evidence"]})
    for ref in record["reference"]:
        rows.append({"measure": record["measure"], "scope": record["scope"], "unit": record["unit"],
                     "as_of": ref["as_of"], "kind": "reference",
                     "value": format_value(ref["low"], ref["high"], ref["qualifier"]),
                     "source": f"{ref['claimant']} ({ref['source']})", "check": "", "evidence": ref["note"]})
    return sorted(rows, key=lambda r: (r["as_of"] or "", r["kind"]))


CONTRADICTION_COLUMNS = ["id", "about", "source_a", "evidence_a", "source_b", "evidence_b", "detail"]


def contradiction_rows(records: list[dict], articles: dict[str, Article]) -> list[dict]:
    """Contradiction records (of claims, with their ``claims``; of incidents, with their
    ``values``) as flat rows naming both sides."""
    rows = []
    for x in records:
        if "claims" in x:
            row = {"id": x["id"], "about": x["about"], "detail": x["detail"]}
            for tag, claim in zip("ab", x["claims"]):
                article = articles.get(claim["article_id"])
                source = article.source if article and article.source else claim["article_id"][:8]
                row[f"source_{tag}"] = f"{claim['claimant']['name']} in {source}"
                row[f"evidence_{tag}"] = claim["evidence"][0]["text"] if claim["evidence"] else ""
        else:
            row = {"id": x["id"], "about": f"incident {x['incident_id']}: {x['about']}", "detail": x["detail"]}
            for tag, value in zip("ab", x["values"]):
                row[f"source_{tag}"] = f"{value['source'] or value['article_id'][:8]} ({value['published'] or 'undated'})"
                row[f"evidence_{tag}"] = str(value["value"])
        rows.append(row)
    return rows


def date_text(date, precision: str | None) -> str | None:
    """A date as precise as it is known: "2016-07-14", "2016-07" (month), "2016" (year)."""
    if date is None:
        return None
    return _as_of_text(date, "year" if precision == "year" else "month" if precision == "month" else "day")
