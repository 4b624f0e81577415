"""Run the whole extraction on a short text (used by the tests/test_extract_*.py files)."""

from __future__ import annotations

import datetime as dt

from shardwatch.extract import extract
from shardwatch.nlp import get_nlp
from shardwatch.types import Article, Event


def events_of(text: str, published: str | None = "2017-07-01", kind: str | None = None) -> list[Event]:
    article = Article(id="t", text=text, published=dt.date.fromisoformat(published) if published else None)
    extraction = extract(article, get_nlp()(text))
    return [e for e in extraction.events if kind is None or e.kind == kind]


def roles(event: Event, role: str) -> set[str]:
    return {a.actor_id for a in event.actors if a.role == role}


def attack_place(text: str, published: str = "2018-03-20"):
    """The place of the first attack the text gives (a test fails if it gives none)."""
    attacks = events_of(text, published=published, kind="attack")
    assert attacks, text
    return attacks[0].place
