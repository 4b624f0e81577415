"""The brief: what the corpus holds, and a timeline of events with the sentences behind each.

Written as self-contained HTML (no scripts, no outside resources: it opens offline) and as
Markdown. Every piece of article text is escaped by the template engine.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2

from shardwatch import __version__
from shardwatch.store import Store
from shardwatch.types import Article, Event


@dataclass(frozen=True)
class BriefEvent:
    event: Event
    headline: str
    articles: tuple[Article, ...]


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


def date_label(event: Event) -> str:
    if event.date is None:
        return "undated"
    if event.date_precision == "month":
        return event.date.strftime("%B %Y")
    if event.date_precision == "year":
        return str(event.date.year)
    if event.date_precision == "reported":
        return f"reported {event.date.isoformat()}"
    return event.date.isoformat()


def brief_context(store: Store) -> dict:
    articles = {a.id: a for a in store.articles()}
    events = store.events()
    months: dict[str, list[BriefEvent]] = defaultdict(list)
    for event in events:
        month = event.date.strftime("%Y-%m") if event.date else "undated"
        ids = sorted({e.article_id for e in event.evidence} | {event.article_id})
        months[month].append(BriefEvent(event, headline(event), tuple(articles[i] for i in ids if i in articles)))
    dated = [a.published for a in articles.values() if a.published]
    return {
        "version": __version__,
        "generated": dt.date.today().isoformat(),
        "articles": sorted(articles.values(), key=lambda a: (a.published or dt.date.max, a.title or "")),
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
    }


def _environment(autoescape: bool) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("shardwatch.present", "templates"),
        autoescape=autoescape, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )


def write_brief(store: Store, out_dir: Path) -> list[Path]:
    """Write brief.html and brief.md into ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    context = brief_context(store)
    written = []
    for name, autoescape in (("brief.html", True), ("brief.md", False)):
        text = _environment(autoescape).get_template(name + ".j2").render(**context)
        path = out_dir / name
        tmp = path.with_name(name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
