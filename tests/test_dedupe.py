"""Near-duplicate articles: sketches, thresholds, and the store links to the original."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shardwatch.ingest import read_articles
from shardwatch.ingest.dedupe import is_duplicate, sketch, similarity
from shardwatch.resolve.corpus import link_duplicates
from shardwatch.types import Article, Extraction

REPORTS = Path(__file__).resolve().parents[1] / "examples" / "reports"

STORY = """Iraqi forces retook the centre of the town on Sunday after a three-week offensive, the army said.
Troops raised the national flag over the main government building, officers told reporters at the scene.
The militants had held the town for more than two years and used it as a base for attacks on the capital.
Thousands of families fled across the river in the last days of the fighting, aid agencies said on Sunday.
Engineers were clearing roadside bombs from the main roads, and residents were told not to return yet.
A commander said the last pockets of resistance in the northern districts would be cleared within days."""


def _article(text: str, *, title: str | None = None, published: str | None = None, aid: str | None = None) -> Article:
    return Article(id=aid or str(abs(hash(text)))[:12], text=(title + "\n" + text) if title else text, title=title,
                   published=dt.date.fromisoformat(published) if published else None,
                   published_precision="day" if published else "unknown")


def test_republication_with_small_edits_and_new_headline_is_a_duplicate():
    original = _article(STORY, title="Iraqi army retakes town")
    copy = _article(STORY.replace("retook", "recaptured").replace("three-week", "three week")
                    + "\nCopyright 2016. All rights reserved.", title="Troops win back town from militants")
    same, jaccard = is_duplicate(sketch(original), sketch(copy))
    assert same and jaccard > 0.6


def test_another_story_on_the_same_event_is_not_a_duplicate():
    original = _article(STORY)
    other = _article("""The recapture of the town ends one of the longest sieges of the war, analysts said.
Government troops backed by air strikes entered the centre on Sunday, three weeks after the offensive began.
Aid agencies warned that the families who fled across the river still lack shelter, food and clean water.
Officials said it could take months to clear the explosives the militants left in homes and on the roads.
The army commander thanked the coalition for its support and said the next objective would be announced soon.""")
    same, jaccard = is_duplicate(sketch(original), sketch(other))
    assert not same and jaccard < 0.2


def test_a_trimmed_copy_is_found_by_containment():
    full = _article(STORY)
    trimmed = _article("\n".join(STORY.split("\n")[:4]))
    jaccard, containment = similarity(sketch(full), sketch(trimmed))
    assert is_duplicate(sketch(full), sketch(trimmed))[0]
    assert containment > 0.8


def test_very_short_texts_are_never_duplicates():
    a, b = _article("Explosion in Baghdad market."), _article("Explosion in Baghdad market.")
    assert not is_duplicate(sketch(a), sketch(b))[0]


def test_sample_fallujah_copy_matches_its_original_and_nothing_else():
    articles = [a for a in read_articles([str(REPORTS)]) if isinstance(a, Article)]
    sketches = {a.path: sketch(a) for a in articles}
    pairs = [(p, q) for p in sketches for q in sketches if p < q and is_duplicate(sketches[p], sketches[q])[0]]
    assert pairs == [(str(REPORTS / "fallujah_levant_observer.md"), str(REPORTS / "fallujah_meridian.md"))]


def test_store_links_a_copy_to_the_earliest_published_even_when_ingested_first(any_db):
    tmp_db = any_db  # on SQLite and on PostgreSQL
    copy = _article(STORY.replace("retook", "recaptured"), title="Copy", published="2016-06-27", aid="copy")
    original = _article(STORY, title="Original", published="2016-06-26", aid="original")
    other = _article(STORY.replace("Iraqi", "Syrian").replace("army", "military") + "\nMore text here today.",
                     title="Second copy", published="2016-06-28", aid="second")
    tmp_db.write_batch([Extraction(copy)])
    with tmp_db.transaction():
        assert link_duplicates(tmp_db) == (1, 0)
    tmp_db.write_batch([Extraction(original), Extraction(other)])
    with tmp_db.transaction():
        assert link_duplicates(tmp_db) == (2, 2)
    links = tmp_db.duplicate_links()
    assert {a: o for a, (o, _) in links.items()} == {"copy": "original", "second": "original"}
    assert all(0.5 <= s <= 1 for _, s in links.values())
    with tmp_db.transaction():
        assert link_duplicates(tmp_db) == (0, 0)  # nothing new: nothing done
