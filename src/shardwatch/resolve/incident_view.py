"""Incidents as an analyst reads them: one record per real event with every source's values.

Built at read time from the member events whose articles are visible (all of them, or those
published by an ``as_of`` date), so an incident, its figures, its first report and its
contradictions are shown as they stood on any past day. Near-duplicate articles (wire copies)
are kept as sources but count once: they share their original's group, and only the earliest
visible article of a group speaks for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from shardwatch.data import actor_catalogue as actors
from shardwatch.data import actor_ids_for
from shardwatch.resolve.incidents import figures_close
from shardwatch.store import EventFilter, IncidentMember, Store
from shardwatch.types import (LINK_STRENGTH, PRECISION_RANK, Article, Consensus, Event, Incident, IncidentActor,
                              Quantity, SourceValue)

_UNDATED = dt.date.max


def _article_key(article: Article, seq: int) -> tuple:
    return (article.published or _UNDATED, seq)


def assemble_all(members: Iterable[IncidentMember],
                 duplicate_links: dict[str, tuple[str, float]]) -> list[Incident]:
    """Incidents from their member events (``Store.incident_members``), in incident order."""
    grouped: dict[str, list[tuple[Event, Article]]] = defaultdict(list)
    kinds: dict[str, str] = {}
    order: dict[str, int] = {}
    for member in members:
        grouped[member.incident_id].append((member.event, member.article))
        kinds[member.incident_id] = member.kind
        order.setdefault(member.incident_id, member.seq)
    found = [assemble(i, kinds[i], grouped[i], duplicate_links) for i in grouped]
    # in date order like the events listing; undated last, then in the order they were found
    return sorted(found, key=lambda x: (x.date is None, x.date or dt.date.min, order[x.id]))


def incidents(store: Store, filters: EventFilter = EventFilter(), *, min_sources: int | None = None
              ) -> list[Incident]:
    """Incidents as they stood ``filters.as_of`` (default: now), filtered like events:
    ``since``/``until`` on the incident's date, ``country`` and ``actor`` on its place and
    actors (an actor by id, name or any alias of the actor catalogue)."""
    found = assemble_all(store.incident_members(replace(filters, limit=None)), store.duplicate_links())
    actor_ids = actor_ids_for(filters.actor) if filters.actor else frozenset()
    out = []
    for incident in found:
        if filters.since and (incident.date is None or incident.date < filters.since):
            continue
        if filters.until and (incident.date is None or incident.date > filters.until):
            continue
        if filters.country and (incident.place is None or incident.place.country != filters.country.upper()):
            continue
        if filters.actor and not any(a.actor_id in actor_ids or filters.actor.lower() in (a.actor_id.lower(),
                                                                                          a.name.lower())
                                     for a in incident.actors):
            continue
        if min_sources and incident.independent_sources < min_sources:
            continue
        out.append(incident)
    return out[: filters.limit] if filters.limit else out


def incident(store: Store, incident_id: str, *, as_of: dt.date | None = None) -> Incident | None:
    """One incident by id; an id merged into another gives the incident it merged into."""
    live = store.live_incident_id(incident_id)
    if live is None:
        return None
    found = assemble_all(store.incident_members(EventFilter(as_of=as_of), incident_id=live),
                         store.duplicate_links())
    return found[0] if found else None


def assemble(incident_id: str, kind: str, members: list[tuple[Event, Article]],
             duplicate_links: dict[str, tuple[str, float]]) -> Incident:
    """One incident from its visible member events and their articles."""
    articles: dict[str, Article] = {}
    seqs: dict[str, int] = {}
    for n, (_, article) in enumerate(members):
        articles.setdefault(article.id, article)
        seqs.setdefault(article.id, n)
    # a near-duplicate group speaks through its earliest visible article
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in articles:
        root = duplicate_links.get(article_id, (article_id, 0.0))[0]
        groups[root].append(article_id)
    speaker: dict[str, str] = {}
    for ids in groups.values():
        first = min(ids, key=lambda a: _article_key(articles[a], seqs[a]))
        for a in ids:
            speaker[a] = first
    duplicates = {a: s for a, s in speaker.items() if a != s}

    events = [e for e, _ in members]
    date, precision = _incident_date(events)
    return Incident(
        id=incident_id, kind=kind, date=date, date_precision=precision, place=_incident_place(events),
        event_ids=tuple(e.id for e in events),
        article_ids=tuple(sorted(articles, key=lambda a: _article_key(articles[a], seqs[a]))),
        independent_sources=len(groups),
        first_reported=min((a.published for a in articles.values() if a.published), default=None),
        sources_over_time=_sources_over_time(articles, speaker),
        actors=_actors(events),
        killed=_values(members, "killed", duplicates),
        wounded=_values(members, "wounded", duplicates),
        killed_consensus=consensus(_values(members, "killed", duplicates)),
        wounded_consensus=consensus(_values(members, "wounded", duplicates)),
        link=_link(members),
        duplicates=duplicates,
    )


def _incident_date(events: list[Event]) -> tuple[dt.date | None, str]:
    """The day most sources give; else the most common date of the finest precision given."""
    dated = [e for e in events if e.date is not None and e.date_precision != "unknown"]
    if not dated:
        return None, "unknown"
    finest = min(PRECISION_RANK.get(e.date_precision, 9) for e in dated)
    best = [e for e in dated if PRECISION_RANK.get(e.date_precision, 9) == finest]
    votes = Counter(e.date for e in best)
    top = max(votes.values())
    return min(d for d, n in votes.items() if n == top), best[0].date_precision


def _incident_place(events: list[Event]):
    placed = [e.place for e in events if e.place is not None]
    if not placed:
        return None
    finest = min(p.precision for p in placed)
    votes = Counter(p.canonical for p in placed if p.precision == finest)
    top = max(votes.values())
    name = next(p.canonical for p in placed if p.precision == finest and votes[p.canonical] == top)
    return next(p for p in placed if p.canonical == name)


def _sources_over_time(articles: dict[str, Article], speaker: dict[str, str]) -> tuple[tuple[dt.date, int], ...]:
    seen: set[str] = set()
    out: list[tuple[dt.date, int]] = []
    for article in sorted((a for a in articles.values() if a.published), key=lambda a: a.published):
        seen.add(speaker[article.id])
        if out and out[-1][0] == article.published:
            out[-1] = (article.published, len(seen))
        elif not out or out[-1][1] != len(seen):
            out.append((article.published, len(seen)))
    return tuple(out)


def _actors(events: list[Event]) -> tuple[IncidentActor, ...]:
    counts: Counter = Counter()
    names: dict[tuple[str, str], str] = {}
    for event in events:
        for ref in {(r.actor_id, r.role): r for r in event.actors}.values():
            counts[(ref.actor_id, ref.role)] += 1
            names.setdefault((ref.actor_id, ref.role), ref.name)
    known = actors()
    out = []
    for (actor_id, role), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        canonical = known.get(actor_id)
        out.append(IncidentActor(
            actor_id=actor_id, name=canonical.name if canonical else names[(actor_id, role)], role=role,
            kind=canonical.kind if canonical else ("person" if actor_id.startswith("person:") else None),
            parent=canonical.parent if canonical else None, person_role=canonical.role if canonical else None,
            mentions=n))
    return tuple(out)


def _values(members: list[tuple[Event, Article]], measure: str, duplicates: dict[str, str]) -> tuple[SourceValue, ...]:
    out = []
    for event, article in members:
        value: Quantity | None = getattr(event, measure)
        if value is not None:
            out.append(SourceValue(article.id, event.id, article.published, article.source, value,
                                   duplicates.get(article.id)))
    return tuple(out)


def _bounds(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else 0.0, q.high if q.high is not None else float("inf"))


def independent(values: Iterable[SourceValue]) -> list[SourceValue]:
    """One value per independent article (copies left out), the first given in each."""
    out: dict[str, SourceValue] = {}
    for v in values:
        if v.duplicate_of is None:
            out.setdefault(v.article_id, v)
    return list(out.values())


def consensus(values: Iterable[SourceValue]) -> Consensus | None:
    """The latest independent report's figure (tolls are revised as victims die or are found),
    with the lowest and highest figure any independent source gave."""
    kept = independent(values)
    if not kept:
        return None
    latest = sorted(kept, key=lambda v: v.published or dt.date.min)
    point = next((v.value.value for v in reversed(latest) if v.value.value is not None), None)
    if point is None:
        point = latest[-1].value.low
    lows = [v.value.low for v in kept if v.value.low is not None]
    highs = [v.value.high for v in kept if v.value.high is not None]
    return Consensus(value=point, low=min(lows) if lows else None, high=max(highs) if highs else None,
                     sources=len(kept))


def _link(members: list[tuple[Event, Article]]) -> str | None:
    """The latest report's link that is not 'unknown'; the strongest among same-day reports."""
    known = [(a.published or dt.date.min, LINK_STRENGTH.get(e.link, -1), e.link) for e, a in members
             if e.link and e.link != "unknown"]
    if known:
        return max(known)[2]
    return "unknown" if any(e.link for e, _ in members) else None


def disagreements(incident: Incident) -> list[dict]:
    """Figures of independent sources on one incident that cannot both be true: the pair
    furthest apart per measure, when they are beyond the tolerance of ``figures_close``."""
    out = []
    for measure, values in (("killed", incident.killed), ("wounded", incident.wounded)):
        kept = independent(values)
        if len(kept) < 2:
            continue
        low = min(kept, key=lambda v: _bounds(v.value)[1])
        high = max(kept, key=lambda v: _bounds(v.value)[0])
        if low.article_id == high.article_id or figures_close(_bounds(low.value), _bounds(high.value)):
            continue
        digest = hashlib.sha256(f"{incident.id}:{measure}".encode()).hexdigest()[:12]
        out.append({
            "type": "contradiction", "id": f"con-{digest}", "about": measure, "incident_id": incident.id,
            "detail": (f"{incident.kind} {incident.place.canonical if incident.place else 'unplaced'} "
                       f"{incident.date.isoformat() if incident.date else 'undated'}: {measure} "
                       f"{_describe(low)} vs {_describe(high)}"),
            "values": [{"article_id": v.article_id, "source": v.source,
                        "published": v.published.isoformat() if v.published else None,
                        "value": v.value.as_json()} for v in (low, high)],
        })
    return out


def _describe(v: SourceValue) -> str:
    text = v.value.text or str(v.value.as_json())
    when = v.published.isoformat() if v.published else "undated"
    return f"{text!r} ({v.source or 'unknown source'}, {when}, article {v.article_id[:12]})"


def contradictions(store: Store, *, as_of: dt.date | None = None) -> list[dict]:
    """Every incident contradiction as it stood ``as_of`` (default: now): dicts {"type":
    "contradiction", "id", "about", "incident_id", "detail", "values"}."""
    return [c for found in incidents(store, EventFilter(as_of=as_of)) for c in disagreements(found)]
