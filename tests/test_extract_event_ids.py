"""Every event of an article has its own id, even two of one kind that one sentence tells of one
person: the store refuses an article whose events share an id, and the article would be lost."""

from __future__ import annotations

import datetime as dt

from shardwatch.extract.events import _distinct_ids, event_id
from shardwatch.types import Event


def _leadership(outcome: str) -> Event:
    return Event(id=event_id("a1", "leadership", 0, 90, "person:x"), kind="leadership", article_id="a1",
                 date=dt.date(2015, 1, 5), date_precision="day", reported=dt.date(2015, 1, 5), modality="asserted",
                 place=None, actors=(), evidence=(), trigger=outcome, confidence=0.6, outcome=outcome)


def test_two_events_with_one_id_get_two_ids_and_the_first_keeps_its_own():
    arrested, died = _leadership("arrested"), _leadership("killed")
    first, second = _distinct_ids([arrested, died])
    assert first.id == arrested.id
    assert second.id != first.id and second.outcome == "killed"


def test_distinct_ids_are_left_as_they_are():
    a = _leadership("arrested")
    b = Event(**{**a.__dict__, "id": event_id("a1", "leadership", 100, 180, "person:y")})
    assert [e.id for e in _distinct_ids([a, b])] == [a.id, b.id]
