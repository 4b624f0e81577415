"""Resolution across the corpus, run after each ingest: near-duplicates, the country of events
no text placed (``countries``), then incidents.

Both steps are incremental: they pick up the articles not yet sketched and the events not yet
in an incident (so an interrupted run, or a database made before migration 4, is finished by
the next one), and touch only the LSH buckets and incident blocks those new records fall in.
"""

from __future__ import annotations

from dataclasses import dataclass

from shardwatch.data import actor_catalogue as actors
from shardwatch.ingest.dedupe import Sketch, is_duplicate, sketch
from shardwatch.resolve.actors import descriptor_mentions
from shardwatch.resolve.countries import place_by_corpus
from shardwatch.resolve.incidents import Cluster, EventFacts, Resolver, final_merges, lookup_keys
from shardwatch.store import Store, StoredEventFacts
from shardwatch.types import Article


@dataclass(frozen=True)
class CorpusUpdate:
    """What one resolution run did."""

    sketched: int = 0
    duplicates: int = 0
    descriptors: int = 0
    events: int = 0
    incidents_created: int = 0
    incidents_merged: int = 0
    placed: int = 0


def update(store: Store) -> CorpusUpdate:
    """Link new near-duplicate articles and resolve new events into incidents, in one transaction."""
    with store.transaction():
        new = store.unsketched_articles()
        descriptors = link_descriptors(store, new)
        sketched, duplicates = link_duplicates(store, new)
        placed = place_by_corpus(store)
        events, created, merged = resolve_incidents(store)
    return CorpusUpdate(sketched, duplicates, descriptors, events, created, merged, placed)


def link_descriptors(store: Store, articles: list[Article]) -> int:
    """Add mentions for role descriptors ("the group's spokesman") of people the article names."""
    added = 0
    for article in articles:
        found = descriptor_mentions(article, store.article_mentions(article.id))
        store.add_mentions(found)
        added += len(found)
    return added


def link_duplicates(store: Store, new: list[Article] | None = None) -> tuple[int, int]:
    """Sketch unsketched articles and link each near-duplicate group to its original: the
    earliest published article of the group (undated ones last), then the first ingested."""
    if new is None:
        new = store.unsketched_articles()
    linked = 0
    for article in new:
        mine = sketch(article)
        bands = mine.bands()
        candidates = store.lsh_candidates(bands) - {article.id}
        matches: dict[str, float] = {}
        if candidates:
            rows = store.sketch_rows(candidates)
            for other_id, (shingles, signature) in rows.items():
                same, similarity = is_duplicate(mine, Sketch(other_id, shingles, signature))
                if same:
                    matches[other_id] = similarity
        store.save_sketch(article.id, mine.shingles, mine.signature, bands)
        if not matches:
            continue
        linked += 1
        group = {article.id, *matches}
        for _ in range(2):  # the groups of the matches, then every copy of their originals
            links = store.duplicate_links(group)
            for member, (original, _) in links.items():
                group.update((member, original))
        order = store.article_order(group)
        original = min(group, key=lambda a: order[a])
        for member in group - {original}:
            if member in matches:
                similarity = matches[member]
            elif member == article.id:
                similarity = matches.get(original, max(matches.values()))
            else:
                similarity = links.get(member, (None, max(matches.values())))[1]
            store.set_duplicate(member, original, similarity)
        store.set_duplicate(original, None)
    return len(new), linked


def parents() -> dict[str, str]:
    return {a.id: a.parent for a in actors().values() if a.parent}


def facts_of(stored: StoredEventFacts) -> EventFacts:
    """Resolution facts from what the store holds about an event."""
    low, high = stored.killed_low, stored.killed_high
    killed = None
    if low is not None or high is not None:
        killed = (low if low is not None else 0.0, high if high is not None else float("inf"))
    published = stored.article_published.isoformat() if stored.article_published else "9999-12-31"
    return EventFacts(
        event_id=stored.event_id, kind=stored.kind, article_id=stored.article_id,
        order=(published, stored.article_seq, stored.event_id),
        date=stored.date, precision=stored.date_precision, reported=stored.reported,
        country=stored.country, place=stored.place, lat=stored.lat, lon=stored.lon,
        place_precision=stored.place_precision, killed=killed, target=stored.target,
        orgs=frozenset(o for o in stored.orgs if o),
        people=frozenset(p for p in stored.people if p and not p.startswith("person:")),
        group=stored.article_group,
    )


def resolve_incidents(store: Store) -> tuple[int, int, int]:
    """Resolve the events not yet in an incident; returns (events, incidents created, merged)."""
    new = [facts_of(f) for f in store.unresolved_event_facts()]
    if not new:
        return 0, 0, 0
    keys = set().union(*(lookup_keys(f) for f in new))
    existing: dict[str, Cluster] = {}
    for stored in store.incident_event_facts(store.incident_ids_for_keys(keys)):
        cluster = existing.get(stored.incident_id)
        if cluster is None:
            cluster = existing[stored.incident_id] = Cluster(stored.incident_id, stored.incident_kind,
                                                             stored.incident_seq)
        cluster.add(facts_of(stored))
    for cluster in existing.values():
        cluster.members.sort(key=lambda f: f.order)
    resolver = Resolver(existing.values(), parents=parents(), next_seq=store.next_incident_seq())
    for facts in sorted(new, key=lambda f: f.order):
        resolver.add(facts)
    result = resolver.result
    created = [(c.id, c.kind, c.seq) for c in result.created if c.merged_into is None]
    merged_old = {old: new_id for old, new_id in final_merges(result.merged).items() if old in existing}
    store.write_resolution(created=created, merged=merged_old, assigned=result.assigned,
                           keys={i: c.keys() for i, c in result.touched.items()})
    return len(new), len(created), len(merged_old)

