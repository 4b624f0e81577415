"""Pathways of foreign fighters after the caliphate, as tracked indicators.

Five pathways (disengage; stay and go underground; join another group; relocate to an
affiliate; be sent home to attack), each followed through indicators that the knowledge file
``data/pathways.jsonl`` defines: which records speak to it (events of a kind and relation,
claims of a measure, quotes) and the words that must appear in their sentences. Every matched
record is counted in the month it speaks of (an event's date, a claim's as-of date, a quote's
publication; else the report's date) with its article and source.

Each pathway's share of the matched records comes with a simultaneous multinomial interval
(Goodman 1965, ``statsmodels.stats.proportion.multinomial_proportions_confint``): it says which
scenario the reporting speaks to most, not how many fighters took it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from shardwatch.analyse.results import AnalysisFilter, Interval
from shardwatch.data import by_state, load_jsonl
from shardwatch.store import ClaimFilter, EventFilter, Store
from shardwatch.types import Article, Claim, Event, Quote

METHOD = "records matched to pathway indicators (data/pathways.jsonl), counted by month; Goodman multinomial intervals"
PATHWAYS = {"disengage": "disengage", "underground": "stay and go underground", "other_group": "join another group",
            "affiliate": "relocate to an affiliate", "sent_home": "be sent home to attack"}
# Fewer matched records than this and the shares say nothing about which pathway dominates:
# with 10 records over five pathways every Goodman interval is at least 0.4 wide (0.56 when even).
MIN_RECORDS = 10
EVENT_MONTH_PRECISIONS = frozenset({"day", "week", "month"})


@dataclass(frozen=True)
class PathwayRecord:
    """One record that speaks to a pathway, with where it came from."""

    indicator: str
    record_type: str  # attack, territory, leadership, allegiance, claim, quote
    record_id: str
    month: str  # YYYY-MM, or "undated"
    article_id: str
    source: str | None
    published: dt.date | None
    text: str  # the record's sentences


@dataclass(frozen=True)
class Pathway:
    id: str
    label: str
    count: int
    share: Interval | None
    by_month: dict[str, int]
    by_indicator: dict[str, int]
    records: tuple[PathwayRecord, ...]


@dataclass(frozen=True)
class PathwaysResult:
    method: str
    enough_data: bool
    note: str
    months: tuple[str, ...]
    pathways: tuple[Pathway, ...]
    record_ids: tuple[str, ...]
    leading: str | None = None  # the pathway whose share interval lies above every other's


@dataclass(frozen=True)
class Indicator:
    id: str
    pathway: str
    label: str
    records: frozenset[str]
    relations: frozenset[str]
    measures: frozenset[str]
    not_measures: frozenset[str]
    cues: tuple[re.Pattern, ...]  # one pattern per group: every group must match


@cache
def indicators() -> tuple[Indicator, ...]:
    out = []
    for row in load_jsonl("pathways.jsonl"):
        cues = tuple(re.compile("|".join(f"(?:{c})" for c in group), re.IGNORECASE) for group in row.get("cues", ()))
        out.append(Indicator(row["id"], row["pathway"], row["label"], frozenset(row["records"]),
                             frozenset(row.get("relations", ())), frozenset(row.get("measures", ())),
                             frozenset(row.get("not_measures", ())), cues))
    return tuple(out)


def matches(indicator: Indicator, record_type: str, text: str, *, relation: str | None = None,
            measure: str | None = None) -> bool:
    if record_type not in indicator.records:
        return False
    if indicator.relations and relation not in indicator.relations:
        return False
    if indicator.measures and measure not in indicator.measures:
        return False
    if measure is not None and measure in indicator.not_measures:
        return False
    return all(cue.search(text) for cue in indicator.cues)


def _month(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date else "undated"


def _event_month(event: Event) -> str:
    if event.date and event.date_precision in EVENT_MONTH_PRECISIONS:
        return _month(event.date)
    return _month(event.reported)


def _candidates(store: Store, filters: AnalysisFilter, articles: dict[str, Article]):
    """(record type, id, month, article id, text to match, sentences, relation, measure) of every
    record the filters keep."""
    for event in store.events(EventFilter(kind=filters.kind, country=filters.country, since=filters.since,
                                          until=filters.until)):
        if event.kind == "attack" and by_state(a.actor_id for a in event.actors if a.role == "perpetrator"):
            continue  # a state's strike tells no pathway of the group's fighters ("an airstrike kills insurgents")
        sentences = " ".join(e.text for e in event.evidence)
        yield (event.kind, event.id, _event_month(event), event.article_id, sentences, sentences, event.relation, None)
    if filters.kind:  # an event kind asks for events only
        return
    claim: Claim
    for claim in store.claims(ClaimFilter(country=filters.country, since=filters.since, until=filters.until)):
        sentences = " ".join(e.text for e in claim.evidence)
        yield ("claim", claim.id, _month(claim.as_of or claim.reported), claim.article_id,
               f"{claim.measure_text} {sentences}", sentences, None, claim.measure)
    if filters.country:  # a quote has no place of its own
        return
    quote: Quote
    for quote in store.quotes(ClaimFilter(since=filters.since, until=filters.until)):
        article = articles.get(quote.article_id)
        sentences = " ".join(e.text for e in quote.evidence) or quote.text
        yield ("quote", quote.id, _month(article.published if article else None), quote.article_id,
               f"{quote.text} {sentences}", sentences, None, None)


def pathways(store: Store, filters: AnalysisFilter = AnalysisFilter(), *, level: float = 0.95) -> PathwaysResult:
    """Every record that speaks to a pathway, counted by pathway, indicator and month."""
    articles = {a.id: a for a in store.articles()}
    found: dict[str, list[PathwayRecord]] = defaultdict(list)
    for record_type, record_id, month, article_id, text, sentences, relation, measure in _candidates(
            store, filters, articles):
        hits = [i for i in indicators() if matches(i, record_type, text, relation=relation, measure=measure)]
        for pathway in dict.fromkeys(i.pathway for i in hits):
            first = next(i for i in hits if i.pathway == pathway)  # a record counts once a pathway
            article = articles.get(article_id)
            found[pathway].append(PathwayRecord(first.id, record_type, record_id, month, article_id,
                                                article.source if article else None,
                                                article.published if article else None, sentences))
    return summarise(found, level=level)


def summarise(found: dict[str, list[PathwayRecord]], *, level: float = 0.95) -> PathwaysResult:
    """Counts, months and shares (with intervals) of the matched records of each pathway."""
    counts = [len(found.get(p, ())) for p in PATHWAYS]
    total = sum(counts)
    shares: list[Interval | None] = [None] * len(PATHWAYS)
    if total:
        from statsmodels.stats.proportion import multinomial_proportions_confint

        bounds = multinomial_proportions_confint(counts, alpha=1 - level, method="goodman")
        shares = [Interval(n / total, float(lo), float(hi), level, "Goodman simultaneous multinomial interval")
                  for n, (lo, hi) in zip(counts, bounds)]
    months = sorted({r.month for records in found.values() for r in records} - {"undated"})
    result = []
    for (pathway, label), count, share in zip(PATHWAYS.items(), counts, shares):
        records = tuple(sorted(found.get(pathway, ()), key=lambda r: (r.month, r.record_id)))
        result.append(Pathway(pathway, label, count, share, dict(sorted(Counter(r.month for r in records).items())),
                              dict(Counter(r.indicator for r in records)), records))
    enough = total >= MIN_RECORDS
    leading = None
    if enough:
        for p in result:
            if all(p.share.low > q.share.high for q in result if q is not p):
                leading = p.id
    if not enough:
        note = (f"not enough data: {total} records speak to the pathways; at least {MIN_RECORDS} are needed to "
                "say which one the reporting supports")
    elif leading:
        note = f"{total} records; the reporting speaks most to: {PATHWAYS[leading]}"
    else:
        note = f"{total} records; no pathway's share stands clear of the others"
    ids = tuple(sorted({r.record_id for p in result for r in p.records}))
    return PathwaysResult(METHOD, enough, note, tuple(months), tuple(result), ids, leading)
