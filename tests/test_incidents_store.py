"""Incidents through the store (no model): resolution after writes, stable ids, wire copies
counted once, contradictions, --as-of, the export line and the CLI; each test on SQLite and on
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.resolve.corpus import update
from shardwatch.resolve.incident_view import contradictions as incident_contradictions
from shardwatch.resolve.incident_view import incident, incidents
from shardwatch.store import EventFilter
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place, Quantity

NICE = Place("Nice", "Nice", "FR", 43.70, 7.27, "2990440", 1)
PROMENADE = Place("Promenade des Anglais", "Promenade des Anglais, Nice", "FR", 43.6947, 7.2553, None, 1)
BERLIN = Place("Berlin", "Berlin", "DE", 52.52, 13.40, "2950159", 1)

BODY = ("A truck drove into crowds on the seafront promenade after the fireworks on Thursday night, killing "
        "{killed} people, officials said. Hundreds were wounded and many remain in hospital. The driver was shot "
        "dead by police after a chase along the promenade. Investigators searched his flat on Friday and "
        "questioned relatives and neighbours about his recent contacts and travel. {extra}")


@pytest.fixture
def tmp_db(any_db):
    """Every test of this module that takes a store runs on SQLite and on PostgreSQL."""
    return any_db


def _article(aid: str, published: str | None, text: str, source: str = "Test Wire") -> Article:
    return Article(id=aid, text=text, title=None, source=source,
                   published=dt.date.fromisoformat(published) if published else None,
                   published_precision="day" if published else "unknown")


def _event(article: Article, killed: int | None, *, place=PROMENADE, date="2016-07-14", precision="day",
           n: int = 0, orgs=("islamic-state",)) -> Event:
    sentence = article.text.split(". ")[0]
    return Event(
        id=f"{article.id}-e{n}", kind="attack", article_id=article.id, date=dt.date.fromisoformat(date),
        date_precision=precision, reported=article.published, modality="asserted", place=place,
        actors=tuple(ActorRef(o, o, "perpetrator", o) for o in orgs),
        evidence=(Evidence(article.id, 0, len(sentence), sentence, "test", "1"),), trigger="attack",
        confidence=0.8, killed=None if killed is None else Quantity(killed, killed, None, str(killed)))


def _write(store, *items: tuple[Article, list[Event]]) -> None:
    store.write_batch([Extraction(a, tuple(events)) for a, events in items])
    update(store)


def _nice(store):
    early = _article("early", "2016-07-15", BODY.format(killed=84, extra="No group has claimed it."))
    copy = _article("copy", "2016-07-15", BODY.format(killed=84, extra="No group has claimed it.")
                    .replace("seafront promenade", "promenade by the sea") + " Reporting by our staff.",
                    source="Other Outlet")
    later = _article("later", "2017-07-14", "One year on, the city remembered the 86 people killed on the "
                     "promenade when a truck drove into the Bastille Day crowd. " * 3, source="Levant Observer")
    _write(store, (early, [_event(early, 84)]), (copy, [_event(copy, 84)]))
    _write(store, (later, [_event(later, 86, place=NICE)]))
    return early, copy, later


def test_sources_of_one_attack_are_one_incident_with_each_figure(tmp_db):
    _nice(tmp_db)
    [incident] = incidents(tmp_db)
    assert incident.id == "inc-early-e0"
    assert set(incident.article_ids) == {"early", "copy", "later"}
    assert incident.independent_sources == 2  # the copy counts once with its original
    assert incident.duplicates == {"copy": "early"}
    assert [(v.article_id, v.value.value, v.duplicate_of) for v in incident.killed] == [
        ("early", 84, None), ("copy", 84, "early"), ("later", 86, None)]
    c = incident.killed_consensus
    assert (c.value, c.low, c.high, c.sources) == (86, 84, 86, 2)
    assert incident.first_reported == dt.date(2016, 7, 15)
    assert incident.sources_over_time == ((dt.date(2016, 7, 15), 1), (dt.date(2017, 7, 14), 2))
    assert incident.date == dt.date(2016, 7, 14)
    assert incident_contradictions(tmp_db) == []  # 84 vs 86 is within tolerance


def test_rerunning_resolution_and_adding_articles_keep_ids(tmp_db):
    _nice(tmp_db)
    before = {i.id: set(i.event_ids) for i in incidents(tmp_db)}
    assert update(tmp_db).events == 0
    berlin = _article("berlin", "2016-12-20", "A truck was driven into a Christmas market in Berlin. " * 8)
    recalled = _article("recall", "2017-01-10", "Nice and Berlin were both attacked with trucks last year. " * 8)
    _write(tmp_db, (berlin, [_event(berlin, 12, place=BERLIN, date="2016-12-19")]),
           (recall := recalled, [_event(recall, 86, place=NICE, date="2016-07-01", precision="month", n=1),
                                 _event(recall, 12, place=BERLIN, date="2016-12-01", precision="month", n=2)]))
    after = {i.id: set(i.event_ids) for i in incidents(tmp_db)}
    assert set(before) <= set(after)
    assert after["inc-early-e0"] == before["inc-early-e0"] | {"recall-e1"}
    assert after["inc-berlin-e0"] == {"berlin-e0", "recall-e2"}


def test_contradicting_figures_are_listed(tmp_db):
    a = _article("a", "2016-07-15", BODY.format(killed=84, extra=""))
    b = _article("b", "2016-07-16", "Officials now say 130 people died on the promenade in Nice. " * 6)
    _write(tmp_db, (a, [_event(a, 84)]), (b, [_event(b, 130, place=NICE)]))
    [incident] = incidents(tmp_db)
    [contradiction] = incident_contradictions(tmp_db)
    assert contradiction["type"] == "contradiction" and contradiction["about"] == "killed"
    assert contradiction["incident_id"] == incident.id
    assert "'84'" in contradiction["detail"] and "'130'" in contradiction["detail"]
    assert contradiction["id"].startswith("con-")
    assert incident_contradictions(tmp_db, as_of=dt.date(2016, 7, 15)) == []  # b not yet published


def test_as_of_leaves_out_later_articles_and_their_contributions(tmp_db):
    _nice(tmp_db)
    [then] = incidents(tmp_db, EventFilter(as_of=dt.date(2017, 1, 1)))
    assert set(then.article_ids) == {"early", "copy"}
    assert then.independent_sources == 1
    assert [v.value.value for v in then.killed] == [84, 84]
    assert then.killed_consensus.value == 84
    assert incidents(tmp_db, EventFilter(as_of=dt.date(2016, 7, 14))) == []


def test_as_of_before_the_original_makes_the_copy_speak_for_itself(tmp_db):
    original = _article("orig", "2016-07-15", BODY.format(killed=84, extra=""))
    copy = _article("copy2", "2016-07-16", BODY.format(killed=84, extra="") + " Republished with permission.")
    _write(tmp_db, (copy, [_event(copy, 84)]), (original, [_event(original, 84)]))
    assert tmp_db.duplicate_links()["copy2"][0] == "orig"
    [now] = incidents(tmp_db)
    assert now.independent_sources == 1 and now.duplicates == {"copy2": "orig"}


def test_min_sources_and_country_filters(tmp_db):
    _nice(tmp_db)
    berlin = _article("berlin", "2016-12-20", "A truck was driven into a Christmas market in Berlin. " * 8)
    _write(tmp_db, (berlin, [_event(berlin, 12, place=BERLIN, date="2016-12-19")]))
    assert [i.id for i in incidents(tmp_db, min_sources=2)] == ["inc-early-e0"]
    assert [i.id for i in incidents(tmp_db, EventFilter(country="de"))] == ["inc-berlin-e0"]
    assert [i.id for i in incidents(tmp_db, EventFilter(since=dt.date(2016, 8, 1)))] == ["inc-berlin-e0"]
    assert incident(tmp_db, "inc-berlin-e0").independent_sources == 1


def test_cli_incidents_and_export(db_url):
    from shardwatch.store import Store

    path = db_url
    with Store(path) as store:
        _nice(store)
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", path, "incidents"])
    assert table.exit_code == 0 and "inc-early-e0" in table.output and "84 (Test Wire)" in table.output
    rows = runner.invoke(cli, ["--db", path, "incidents", "--format", "json", "--as-of", "2017-01-01"])
    [record] = [json.loads(line) for line in rows.output.splitlines()]
    assert record["independent_sources"] == 1 and len(record["article_ids"]) == 2
    none = runner.invoke(cli, ["--db", path, "incidents", "--min-sources", "3"])
    assert none.output.strip() == "(no records)"
    export = runner.invoke(cli, ["--db", path, "export", "--format", "jsonl"])
    lines = [json.loads(line) for line in export.output.splitlines()]
    [incident] = [x for x in lines if x["type"] == "incident"]
    assert {"id", "kind", "date", "place", "event_ids", "article_ids", "independent_sources", "values"} <= set(incident)
    assert [v["value"] for v in incident["values"]["killed"]] == [84, 84, 86]
    assert all({"article_id", "value"} <= set(v) for v in incident["values"]["killed"])
    assert incident["consensus"]["killed"] == {"value": 86, "low": 84, "high": 86, "sources": 2}
    early = runner.invoke(cli, ["--db", path, "export", "--as-of", "2016-07-15"])
    assert '"later"' not in early.output and '"early"' in early.output
    csv = runner.invoke(cli, ["--db", path, "export", "--format", "csv", "--table", "incidents"])
    assert csv.output.splitlines()[0].startswith("id,kind,date")
    contradictions = runner.invoke(cli, ["--db", path, "incidents", "--contradictions"])
    assert contradictions.exit_code == 0 and contradictions.output.strip() == "(no records)"
    bad = runner.invoke(cli, ["--db", path, "incidents", "--as-of", "July"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
