"""Listings on the command line: options that do not apply are errors, and the events table
shows each side of a territory change with dates as precise as they are known."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

import dashboard_fixture
from shardwatch.cli import cli
from shardwatch.store import Store
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("listings") / "fixture.db"
    dashboard_fixture.build(path)
    text = "Islamic State fighters seized Palmyra in 2015, and lost it again in the spring of 2016."
    article = Article(id="art-palmyra", text=text, title="Palmyra", source="Test Wire", url=None,
                      published=dt.date(2017, 1, 5), published_precision="day", published_from="metadata")
    palmyra = Place("Palmyra", "Palmyra", "SY", 34.5560, 38.2842, "170017", 1)
    spans = (Evidence(article.id, 0, len(text), text, "test", "1"),)
    events = (
        Event(id="ev-palmyra-2015", kind="territory", article_id=article.id, date=dt.date(2015, 1, 1),
              date_precision="year", reported=article.published, modality="asserted", place=palmyra,
              actors=(ActorRef("islamic-state", "Islamic State", "gaining", "Islamic State fighters"),),
              evidence=spans, trigger="seized", confidence=0.9, change="captured"),
        Event(id="ev-palmyra-2016", kind="territory", article_id=article.id, date=dt.date(2016, 3, 1),
              date_precision="month", reported=article.published, modality="asserted", place=palmyra,
              actors=(ActorRef("islamic-state", "Islamic State", "losing", "it"),), evidence=spans,
              trigger="lost", confidence=0.9, change="lost"),
    )
    with Store(path) as store:
        store.write_batch([Extraction(article, events)])
    return str(path)


def run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


@pytest.mark.parametrize(("args", "option"), [
    (["articles", "--country", "FR"], "--country"),
    (["articles", "--kind", "attack"], "--kind"),
    (["articles", "--actor", "ISIS"], "--actor"),
    (["claims", "--kind", "attack"], "--kind"),
    (["quotes", "--measure", "fighters_remaining"], "--measure"),
    (["events", "--measure", "fighters_remaining"], "--measure"),
])
def test_an_option_that_does_not_apply_is_an_error(db, args, option):
    result = run(db, *args)
    assert result.exit_code == 2
    assert f"{option} does not apply to {args[0]}" in result.output


def test_options_that_apply_still_work(db):
    result = run(db, "articles", "--since", "2016-07-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "art-nice" in result.output and "art-fallujah" not in result.output


def test_events_table_shows_the_sides_and_dates_as_precise_as_known(db):
    result = run(db, "events", "--kind", "territory")
    assert result.exit_code == 0, result.output
    header, _rule, *rows = result.output.splitlines()
    assert header.split()[:8] == ["date", "kind", "place_canonical", "country", "perpetrators", "change", "gaining",
                                  "losing"]
    by_date = {row.split()[0]: row for row in rows}
    assert set(by_date) == {"2015", "2016-03", "2016-06-26"}  # year, month, day; never "2015-01-01"
    assert "captured" in by_date["2015"] and "Islamic State" in by_date["2015"]
    fallujah = by_date["2016-06-26"]
    assert "retaken" in fallujah and "Iraqi security forces" in fallujah
    assert fallujah.index("Iraqi security forces") < fallujah.index("Islamic State")  # gaining, then losing


def test_events_csv_keeps_full_dates_with_their_precision(db):
    result = run(db, "events", "--kind", "territory", "--format", "csv")
    assert "2015-01-01,year" in result.output
