"""Incidents on the bundled sample reports, with the model: the attacks reported by several
reports are one incident each, the republished wire story counts once, re-ingesting keeps the
ids, and --as-of leaves later reports out."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.resolve.incident_view import incidents as list_incidents
from shardwatch.store import EventFilter, Store

REPORTS = Path(__file__).resolve().parents[1] / "examples" / "reports"
pytestmark = pytest.mark.model


def _ingest(path: str, *sources: str) -> None:
    result = CliRunner().invoke(cli, ["--db", path, "ingest", *sources])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("incidents") / "sample.db")
    _ingest(path, str(REPORTS))
    return path


@pytest.fixture(scope="module")
def incidents(db):
    with Store(db, readonly=True) as store:
        return list_incidents(store, EventFilter(kind="attack"))


def _paths(db, incident) -> set[str]:
    with Store(db, readonly=True) as store:
        return {Path(store.article(a).path.split(":")[0]).name for a in incident.article_ids}


def _one(incidents, city: str, date: str):
    found = [i for i in incidents if i.place and city in i.place.canonical and i.date
             and i.date.isoformat().startswith(date)]
    assert len(found) == 1, [(i.id, i.place and i.place.canonical, i.date) for i in incidents]
    return found[0]


def test_nice_is_one_incident_with_84_and_86(db, incidents):
    nice = _one(incidents, "Nice", "2016-07-14")
    assert _paths(db, nice) == {"nice_truck_attack_early.txt", "nice_one_year_on.md"}
    assert sorted(v.value.value for v in nice.killed) == [84, 86]
    assert nice.killed_consensus.value == 86 and (nice.killed_consensus.low, nice.killed_consensus.high) == (84, 86)
    assert nice.independent_sources == 2
    assert nice.first_reported == dt.date(2016, 7, 15)


def test_paris_berlin_and_reina_gather_their_reports(db, incidents):
    paris = _one(incidents, "Paris", "2015-11")
    assert _paths(db, paris) == {"paris_attacks.md", "analysis_after_mosul.md", "analysis_foreign_fighters_2017.md"}
    assert {v.value.value for v in paris.killed} == {130}
    berlin = _one(incidents, "Berlin", "2016-12")
    assert _paths(db, berlin) == {"wire_feed.jsonl", "nice_one_year_on.md", "analysis_foreign_fighters_2017.md"}
    reina = _one(incidents, "Istanbul", "2017-01-01")
    assert _paths(db, reina) == {"istanbul_reina.txt", "wire_feed.jsonl", "analysis_foreign_fighters_2017.md"}
    # the June 2016 airport attack in the same city is another incident
    assert _one(incidents, "Istanbul", "2016-06").id != reina.id


def test_republished_wire_story_counts_once(db):
    with Store(db, readonly=True) as store:
        links = store.duplicate_links()
        names = {a.id: Path(a.path).name for a in store.articles()}
        assert {names[a]: names[o] for a, (o, _) in links.items()} == {
            "fallujah_levant_observer.md": "fallujah_meridian.md"}
        for incident in list_incidents(store):
            roots = {links.get(a, (a, 0))[0] for a in incident.article_ids}
            assert incident.independent_sources == len(roots)


def test_reingest_and_fresh_ingest_keep_incident_ids(db, incidents, tmp_path):
    _ingest(db, str(REPORTS))  # nothing new
    with Store(db, readonly=True) as store:
        assert [i.id for i in list_incidents(store, EventFilter(kind="attack"))] == [i.id for i in incidents]
    fresh = str(tmp_path / "fresh.db")
    _ingest(fresh, str(REPORTS))
    with Store(fresh, readonly=True) as store:
        assert [i.id for i in list_incidents(store, EventFilter(kind="attack"))] == [i.id for i in incidents]


def test_adding_reports_later_keeps_ids(incidents, tmp_path):
    early, late = tmp_path / "early", tmp_path / "late"
    early.mkdir()
    late.mkdir()
    for report in REPORTS.iterdir():
        if report.name == "README.md":
            continue
        target = late if report.name in ("nice_one_year_on.md", "analysis_foreign_fighters_2017.md") else early
        shutil.copy(report, target / report.name)
    path = str(tmp_path / "staged.db")
    _ingest(path, str(early))
    with Store(path, readonly=True) as store:
        before = {i.id for i in list_incidents(store, EventFilter(kind="attack"))}
    _ingest(path, str(late))
    with Store(path, readonly=True) as store:
        after = {i.id: i for i in list_incidents(store, EventFilter(kind="attack"))}
    assert before <= set(after)
    nice = [i for i in after.values() if i.place and "Nice" in i.place.canonical and i.date == dt.date(2016, 7, 14)]
    assert len(nice) == 1 and nice[0].id in before and len(nice[0].killed) == 2


def test_as_of_before_a_report_leaves_it_and_its_figures_out(db):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "incidents", "--format", "json", "--country", "FR",
                                 "--as-of", "2017-07-13"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    nice = [r for r in records if r["place"] and "Nice" in r["place"]["canonical"]]
    assert len(nice) == 1
    assert [v["value"] for v in nice[0]["values"]["killed"]] == [84]
    assert nice[0]["independent_sources"] == 1
    export = runner.invoke(cli, ["--db", db, "export", "--as-of", "2016-07-15"])
    lines = [json.loads(line) for line in export.output.splitlines()]
    assert all(r["published"] <= "2016-07-15" for r in lines if r["type"] == "article")
    assert not any(r["type"] == "incident" and r["first_reported"] > "2016-07-15" for r in lines)
