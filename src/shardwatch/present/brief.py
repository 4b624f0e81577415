"""The brief: key judgements with their records, the territory and attacks-abroad chart, a
map, incidents with sources, indicators with claimants, contradictions, and a timeline of
events with the sentences behind each.

Written as self-contained HTML (no scripts, no outside resources; charts embedded as SVG data:
it opens offline) and as Markdown (charts as SVG files beside it). Every statement links to the
records it rests on, and every record quotes its evidence. Sections whose records the store
does not have yet say "none yet". Every piece of article text is escaped by the template engine.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2

from shardwatch import __version__
from shardwatch.present import capabilities as caps
from shardwatch.data import by_state, home_countries
from shardwatch.present.analyses import brief_analyses
from shardwatch.present.charts import ABROAD_LINKS, map_svg, monthly_timeline, organisation_attack, timeline_svg
from shardwatch.present.links import link_url
from shardwatch.present.records import event_record
from shardwatch.store import Store
from shardwatch.types import Article, Event

TIMELINE_SVG = "brief-timeline.svg"
MAP_SVG = "brief-map.svg"


@dataclass(frozen=True)
class BriefEvent:
    event: Event
    headline: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Judgement:
    """One statement the data supports, with the anchors of the records behind it."""

    text: str
    records: tuple[tuple[str, str], ...]  # (anchor, label)


def _quantity(q) -> str:
    if q is None:
        return ""
    if q.value is not None:
        return f"{int(q.value):,}"
    if q.low is not None and q.high is not None:
        return f"{int(q.low):,}-{int(q.high):,}"
    if q.low is not None:
        return f"{q.qualifier or 'at least'} {int(q.low):,}"
    return f"{q.qualifier or 'up to'} {int(q.high):,}"


def headline(event: Event) -> str:
    """One line on the event: what, where, who, toll, link."""
    place = event.place.canonical if event.place else "place unknown"
    if event.place and event.place.country and event.place.precision != 3:
        place += f" ({event.place.country})"
    parts = [f"{event.kind.capitalize()} in {place}"]
    perpetrators = [a.name for a in event.actors if a.role in ("perpetrator", "perpetrator_individual")]
    if perpetrators:
        parts.append("by " + ", ".join(perpetrators))
    toll = []
    if event.killed:
        toll.append(f"{_quantity(event.killed)} killed")
    if event.wounded:
        toll.append(f"{_quantity(event.wounded)} wounded")
    if toll:
        parts.append(", ".join(toll))
    if event.link and event.link != "unknown":
        parts.append(f"link: {event.link}")
    return "; ".join(parts)


def date_label(event: Event, *, compact: bool = False) -> str:
    """The date as precise as it is known: "November 2015" (compact: "2015-11"), "2015",
    "reported 2016-07-15" (compact: the day), or the day."""
    if event.date is None:
        return "undated"
    if event.date_precision == "month":
        return event.date.strftime("%Y-%m" if compact else "%B %Y")
    if event.date_precision == "year":
        return str(event.date.year)
    if event.date_precision == "reported" and not compact:
        return f"reported {event.date.isoformat()}"
    return event.date.isoformat()


def _anchor(record_type: str, record_id: str) -> str:
    return f"{record_type}-{record_id}"


def _event_label(event: Event) -> str:
    place = event.place.canonical if event.place else "place unknown"
    return f"{date_label(event, compact=True)} {place}"


def _strike(event: Event) -> bool:
    return by_state(a.actor_id for a in event.actors if a.role == "perpetrator")


def key_judgements(events: list[Event], timeline: dict, optional: dict[str, list[dict] | None]) -> list[Judgement]:
    """Statements the records support, each with its records; only what the data shows."""
    by_id = {e.id: e for e in events}
    judgements = []
    counted = {link: [group for month in timeline["records"][link].values() for group in month]
               for link in ABROAD_LINKS}
    total = sum(len(groups) for groups in counted.values())
    if total:
        countries = sorted({by_id[g[0]].place.country for groups in counted.values() for g in groups})
        split = ", ".join(f"{len(counted[link])} {link}" for link in ABROAD_LINKS if counted[link])
        months = [m for link in ABROAD_LINKS for m in timeline["records"][link]]
        refs = [(_anchor("event", g[0]), _event_label(by_id[g[0]]))
                for link in ABROAD_LINKS for g in counted[link]]
        counting = ("one incident counted once" if optional.get("incidents") is not None
                    else "reports of one place and day counted once; without incident merging, one attack reported "
                         "with different places or dates counts more than once")
        others = timeline.get("not_organisation") or 0
        left = (f" {others} other attack{'s' if others != 1 else ''} abroad with no perpetrator or link tying "
                f"{'them' if others != 1 else 'it'} to the organisation {'are' if others != 1 else 'is'} left out."
                if others else "")
        strikes = timeline.get("by_states") or 0
        left += (f" {strikes} strike{'s' if strikes != 1 else ''} abroad by states or coalitions "
                 f"{'are' if strikes != 1 else 'is'} left out." if strikes else "")
        judgements.append(Judgement(
            f"The reports describe {total} attacks by the organisation or its affiliates outside Iraq and Syria, "
            f"in {len(countries)} countries ({', '.join(countries)}), between {min(months)} and {max(months)}: "
            f"{split} ({counting}).{left}",
            tuple(refs)))
        strong = [g for link in ("directed", "enabled") for g in counted[link]]
        if strong:
            judgements.append(Judgement(
                f"{len(strong)} of them are reported as directed or enabled by the organisation, not merely "
                "inspired by it.", tuple((_anchor("event", g[0]), _event_label(by_id[g[0]])) for g in strong)))
    abroad = [e for e in events if e.kind == "attack" and e.killed and e.place and e.place.country
              and e.place.country not in home_countries() and organisation_attack(
                  (a.actor_id for a in e.actors if a.role.startswith("perpetrator")), e.link)]
    if abroad:
        toll = lambda e: e.killed.low if e.killed.low is not None else e.killed.high or 0  # noqa: E731
        worst = max(abroad, key=toll)
        same = [e for e in abroad if e.place.canonical == worst.place.canonical and e.date == worst.date] or [worst]
        judgements.append(Judgement(
            f"The deadliest attack abroad in the reports: {headline(worst)} ({date_label(worst)}).",
            tuple((_anchor("event", e.id), _event_label(e)) for e in same)))
    lost = [g for month in timeline["records"]["territory_lost"].values() for g in month]
    gained = [g for month in timeline["records"]["territory_gained"].values() for g in month]
    if lost or gained:
        judgements.append(Judgement(
            f"The organisation lost ground in {len(lost)} reported territorial changes and gained ground in "
            f"{len(gained)}.", tuple((_anchor("event", g[0]), _event_label(by_id[g[0]])) for g in lost + gained)))
    # "the attack ... most reported" is an armed group's: states' strikes are left out here too
    incidents = [i for i in optional.get("incidents") or () if i.get("kind") == "attack"
                 and not by_state(a.get("id") for a in i.get("actors") or () if a.get("role") == "perpetrator")]
    if incidents:
        # one real attack, its reports merged: the most independent sources (wire copies once)
        top = max(incidents, key=lambda i: (i.get("independent_sources") or 0, len(i.get("article_ids") or ())))
        if (top.get("independent_sources") or 0) > 1:
            place = (top.get("place") or {}).get("canonical") or "an unknown place"
            judgements.append(Judgement(
                f"The attack in {place} on {top.get('date') or 'an unknown date'} is the most reported: "
                f"{top['independent_sources']} independent sources.",
                ((_anchor("incident", top["id"]), f"incident {top['id']}"),)
                + tuple((_anchor("event", e), _event_label(by_id[e])) for e in top.get("event_ids") or () if e in by_id)))
    else:
        reported = Counter()
        for event in events:
            if event.kind == "attack" and event.place and not _strike(event):
                reported[(event.place.canonical, event.date)] += 1
        if reported and reported.most_common(1)[0][1] > 1:
            (place, date), n = reported.most_common(1)[0]
            refs = [e for e in events if e.kind == "attack" and e.place and not _strike(e)
                    and (e.place.canonical, e.date) == (place, date)]
            judgements.append(Judgement(f"The attack in {place} on {date} is the most reported: {n} reports.",
                                        tuple((_anchor("event", e.id), _event_label(e)) for e in refs)))
    contradictions = optional.get("contradictions") or []
    if contradictions:
        judgements.append(Judgement(
            f"Sources disagree on {len(contradictions)} figures (see Contradictions).",
            tuple((_anchor("contradiction", c["id"]), c.get("about") or c["id"]) for c in contradictions)))
    return judgements


def _svg_data_uri(svg: str | None) -> str | None:
    return None if svg is None else "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def brief_context(store: Store) -> dict:
    articles = {a.id: a for a in store.articles()}
    events = store.events()
    months: dict[str, list[BriefEvent]] = defaultdict(list)
    for event in events:
        month = event.date.strftime("%Y-%m") if event.date else "undated"
        ids = sorted({e.article_id for e in event.evidence} | {event.article_id})
        months[month].append(BriefEvent(event, headline(event), tuple(articles[i] for i in ids if i in articles)))
    dated = [a.published for a in articles.values() if a.published]
    optional = {kind: caps.optional_records(store, kind) for kind in caps.OPTIONAL_RECORDS}
    records = [event_record(e) for e in events]
    timeline = monthly_timeline(records, optional["incidents"])
    timeline_chart = timeline_svg(timeline)
    map_chart = map_svg(records) if any((r["place"] or {}).get("lon") is not None for r in records) else None
    claims_by_id = {c["id"]: c for c in optional["claims"] or ()}
    analyses = brief_analyses(store)
    return {
        "analyses": analyses,
        "svg_uri": _svg_data_uri,
        "version": __version__,
        "generated": dt.date.today().isoformat(),
        "articles": sorted(articles.values(), key=lambda a: (a.published or dt.date.max, a.title or "")),
        "articles_by_id": articles,
        "undated": sum(1 for a in articles.values() if a.published is None),
        "first": min(dated) if dated else None,
        "last": max(dated) if dated else None,
        "sources": Counter(a.source or "unknown source" for a in articles.values()).most_common(),
        "removed_lines": sum(a.removed_lines for a in articles.values()),
        "kinds": Counter(e.kind for e in events).most_common(),
        "countries": Counter(e.place.country for e in events if e.place and e.place.country).most_common(),
        "months": sorted(months.items(), key=lambda kv: (kv[0] == "undated", kv[0])),
        "event_count": len(events),
        "date_label": date_label,
        "judgements": key_judgements(events, timeline, optional),
        "timeline": timeline,
        "timeline_svg": timeline_chart,
        "map_svg": map_chart,
        "timeline_uri": _svg_data_uri(timeline_chart),
        "map_uri": _svg_data_uri(map_chart),
        "timeline_file": TIMELINE_SVG,
        "map_file": MAP_SVG,
        "incidents": optional["incidents"],
        "indicators": optional["indicators"],
        "contradictions": optional["contradictions"],
        "claims_by_id": claims_by_id,
        "indicator_claims": lambda ind: _indicator_claims(ind, claims_by_id),
        "value_text": _value_text,
        "anchor": _anchor,
    }


def _indicator_claims(indicator: dict, claims_by_id: dict[str, dict]) -> list[dict]:
    """The claims under an indicator, whether it holds them or names them."""
    if isinstance(indicator.get("claims"), list):
        return [c if isinstance(c, dict) else claims_by_id.get(c, {"id": c}) for c in indicator["claims"]]
    return [claims_by_id.get(i, {"id": i}) for i in indicator.get("claim_ids") or ()]


def _value_text(record: dict) -> str:
    """A figure as written in a claim or a source value: value, or low-high, with qualifier and unit."""
    if record.get("text"):  # a source's figure as it wrote it: "at least 39", "more than 350"
        return str(record["text"])
    value = record.get("value")
    if isinstance(value, dict):
        low, high = value.get("low"), value.get("high")
        value = f"{low}-{high}" if low is not None and high is not None else f"{low}+" if low is not None else f"up to {high}"
    if value is None and (record.get("low") is not None or record.get("high") is not None):
        value = "-".join(str(v) for v in (record.get("low"), record.get("high")) if v is not None)
    parts = [record.get("qualifier"), None if value is None else str(value), record.get("unit")]
    return " ".join(p for p in parts if p)


def markdown_text(value: object) -> str:
    """Text safe in Markdown: on one line; HTML in it shows as text, not as markup, and
    brackets cannot open a link or an image ("[x](javascript:...)")."""
    text = str(value).replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")
    return " ".join(text.split()).replace("|", "\\|")


def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("shardwatch.present", "templates"),
        autoescape=autoescape, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.ChainableUndefined,
    )
    env.filters["md"] = markdown_text
    env.globals["link_url"] = link_url
    return env


def write_brief(store: Store, out_dir: Path) -> list[Path]:
    """Write brief.html and brief.md (and the Markdown's chart files) into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    context = brief_context(store)
    written = []
    charts = [(TIMELINE_SVG, context["timeline_svg"]), (MAP_SVG, context["map_svg"])]
    charts += [(a["file"], a["svg"]) for a in context["analyses"]]
    for name, svg in charts:
        if svg is not None:
            _write(out_dir / name, svg)
    for name, autoescape in (("brief.html", True), ("brief.md", False)):
        text = _environment(autoescape).get_template(name + ".j2").render(**context)
        written.append(_write(out_dir / name, text))
    return written


def _write(path: Path, text: str) -> Path:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path
