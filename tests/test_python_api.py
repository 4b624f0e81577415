"""The Python API (shardwatch.api) on the hand-made database: records and DataFrames, the same
filters everywhere, filters that do not apply raise, read-only by default; on SQLite and on
PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import dashboard_fixture
from postgres_server import fresh_schema_url
import shardwatch.api as sw
from shardwatch.errors import ShardwatchError
from shardwatch.present.records import EVENT_CSV_COLUMNS
from shardwatch.types import Article, Event


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def db(request, tmp_path_factory):
    """The hand-made database in a SQLite file, then in a PostgreSQL schema: one API over both."""
    if request.param == "sqlite":
        where = tmp_path_factory.mktemp("pyapi") / "fixture.db"
    else:
        where = fresh_schema_url(request.getfixturevalue("postgres_server"), "pyapi")
    path = dashboard_fixture.build(where)
    with sw.open(path) as opened:
        yield opened


def test_listings_return_records(db):
    found = db.events(kind="attack", since=dt.date(2016, 7, 1))
    assert all(isinstance(e, Event) for e in found)
    assert [e.id for e in found] == ["ev-baghdad", "ev-nice", "ev-arish", "ev-istanbul"]
    assert all(isinstance(a, Article) for a in db.articles(limit=2)) and len(db.articles(limit=2)) == 2


def test_frames_have_the_export_columns(db):
    frame = db.events(country="FR", frame=True)
    assert isinstance(frame, pd.DataFrame) and list(frame.columns) == EVENT_CSV_COLUMNS
    assert frame["id"].tolist() == ["ev-nice"] and frame["killed_low"].tolist() == [84.0]
    assert db.articles(frame=True)["id"].nunique() == 6


@pytest.mark.parametrize("name", ["ISIS", "Daesh", "islamic-state"])
def test_actor_names_are_one_organisation(db, name):
    assert len(db.events(actor=name)) == 5


@pytest.mark.parametrize(("listing", "filters", "needle"), [
    ("articles", {"country": "FR"}, "country does not apply to articles"),
    ("articles", {"kind": "attack"}, "kind does not apply to articles"),
    ("quotes", {"measure": "fighters_remaining"}, "measure does not apply to quotes"),
    ("claims", {"kind": "attack"}, "kind does not apply to claims"),
    ("events", {"kind": "bombing"}, "unknown kind"),
    ("claims", {"measure": "no_such_measure"}, "unknown measure"),
])
def test_a_filter_that_does_not_apply_raises(db, listing, filters, needle):
    with pytest.raises(sw.FilterError, match=needle):
        getattr(db, listing)(**filters)


def test_search_export_and_status(db):
    [hit] = db.search("lorry")
    assert hit.article.id == "art-nice" and "[lorry]" in hit.snippet
    result = db.export("csv", layout="gtd")
    assert result.summary == "5 rows (gtd layout, one per incident)" and result.data.startswith("eventid,")
    assert db.status()["articles"] == 6


def test_read_only_by_default(db):
    with pytest.raises(ShardwatchError, match="read-only"):
        db.ingest(["nothing.txt"])
