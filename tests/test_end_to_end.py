"""End to end on the bundled sample reports: ingest with the model, then assert specific
records, the export line format and idempotent re-ingest. One ingest for the whole module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.store import EventFilter, Store

REPORTS = Path(__file__).resolve().parents[1] / "examples" / "reports"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("e2e") / "sample.db")
    result = CliRunner().invoke(cli, ["--db", path, "ingest", str(REPORTS)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def attacks(db):
    with Store(db, readonly=True) as store:
        return store.events(EventFilter(kind="attack"))


def _find(events, city_fragment, date):
    return [e for e in events if e.place and city_fragment in e.place.canonical and e.date and e.date.isoformat().startswith(date)]


def test_nice_attack_with_date_place_and_evidence(attacks):
    # the early report's event (the anniversary piece of 2017 dates the attack 2016-07-14 too)
    nice = [e for e in _find(attacks, "Nice", "2016-07-14") if e.reported and e.reported.year == 2016]
    assert len(nice) == 1
    event = nice[0]
    assert event.place.country == "FR"
    assert abs(event.place.lat - 43.69) < 0.05 and abs(event.place.lon - 7.26) < 0.05
    assert event.date_precision == "day"
    assert event.killed.value == 84  # the early report's figure
    assert event.weapon_type == "Vehicle"
    evidence = event.evidence[0]
    assert "truck" in evidence.text and "Promenade des Anglais" in evidence.text


def test_evidence_spans_point_into_article_text(db, attacks):
    with Store(db, readonly=True) as store:
        for event in attacks:
            article = store.article(event.article_id)
            for evidence in event.evidence:
                assert article.text[evidence.start: evidence.end] == evidence.text


def test_later_report_of_nice_keeps_its_own_figure_and_inspired_link(attacks):
    later = [e for e in attacks if e.place and "Nice" in e.place.canonical and e.reported and e.reported.year == 2017]
    assert len(later) == 1
    assert later[0].killed.value == 86
    assert later[0].link == "inspired"
    # a recalled event has its own date, not the anniversary piece's
    assert later[0].date.isoformat() == "2016-07-14"


@pytest.mark.parametrize(
    ("city", "date", "country", "killed", "link"),
    [
        ("Orlando", "2016-06-12", "US", 49, "inspired"),
        ("Manchester", "2017-05-22", "GB", 22, "claimed"),
        ("Reina", "2017-01-01", "TR", 39, "enabled"),
        ("Paris", "2015-11-13", "FR", 130, "directed"),
        ("Brussels", "2016-03-22", "BE", None, None),
        ("Berlin", "2016-12", "DE", 12, None),
    ],
)
def test_attacks_abroad(attacks, city, date, country, killed, link):
    found = _find(attacks, city, date)
    assert found, f"no attack in {city} on {date}"
    event = found[0]
    assert event.place.country == country
    if killed is not None:
        assert any(e.killed and e.killed.value == killed for e in found)
    if link is not None:
        assert any(e.link == link for e in found)


def test_no_event_in_countries_named_only_in_page_furniture(attacks):
    assert not [e for e in attacks if e.place and e.place.country in ("CL", "VE")]


def test_hypothetical_and_denied_statements_are_not_events(attacks):
    for event in attacks:
        text = event.evidence[0].text.lower()
        assert " may return" not in text and "could strike" not in text and "denied" not in text


def test_adnani_killing_is_not_an_attack_by_the_group(attacks):
    assert not [e for e in attacks if "Adnani" in e.evidence[0].text and e.date and e.date.isoformat() == "2016-08-30"]


def test_reingest_adds_nothing(db):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "ingest", str(REPORTS)])
    assert result.exit_code == 0
    assert "nothing new" in result.output


def test_undated_reports_stay_undated(db):
    with Store(db, readonly=True) as store:
        undated = [a for a in store.articles() if a.published is None]
    assert {Path(a.path).name for a in undated} == {
        "affiliates_backgrounder.txt", "foreign_fighters_explainer.txt", "ramadi_falls_wire.txt"}
    assert all(a.published_precision == "unknown" for a in undated)


def test_dateline_and_byline_dates(db):
    with Store(db, readonly=True) as store:
        by_name = {Path(a.path).name: a for a in store.articles() if a.path}
    assert by_name["nice_truck_attack_early.txt"].published.isoformat() == "2016-07-15"
    assert by_name["nice_truck_attack_early.txt"].published_from == "dateline"
    assert by_name["istanbul_reina.txt"].published.isoformat() == "2017-01-02"
    assert by_name["istanbul_reina.txt"].published_from == "byline"
    # "BAGHDAD, May 17 (Meridian Wire) -": no year, so no guess
    assert by_name["ramadi_falls_wire.txt"].published is None
    assert by_name["ramadi_falls_wire.txt"].published_from == "dateline without year"


def test_furniture_removed_and_counted(db):
    with Store(db, readonly=True) as store:
        articles = {Path(a.path).name: a for a in store.articles(with_text=True) if a.path}
    copy = articles["fallujah_levant_observer.md"]
    assert copy.removed_lines >= 3
    assert "Related articles" not in copy.text and "Advertisement" not in copy.text


def test_export_jsonl_follows_the_line_format(db):
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    articles = [r for r in lines if r["type"] == "article"]
    events = [r for r in lines if r["type"] == "event"]
    assert len(articles) == len(list(REPORTS.glob("*.*"))) - 1 + 2 and events  # README out, wire_feed.jsonl holds 3
    for record in articles:
        assert {"type", "id", "title", "source", "url", "published", "removed_lines"} <= record.keys()
    for record in events:
        assert {"type", "id", "kind", "date", "date_precision", "reported", "modality", "place", "actors", "killed",
                "wounded", "attack_type", "weapon_type", "link", "change", "outcome", "means", "article_ids",
                "evidence"} <= record.keys()
        assert record["kind"] in ("attack", "territory", "leadership", "allegiance")
        if record["kind"] == "attack":
            assert record["link"] in ("directed", "enabled", "inspired", "claimed", "unknown")
            assert record["change"] is None and record["outcome"] is None
            assert record["claimed"] in (True, False, None)
        else:
            assert record["link"] is None and record["claimed"] is None
        if record["kind"] == "territory":
            assert record["change"] in ("captured", "lost", "retaken", "besieged", "under_offensive")
            assert {a["role"] for a in record["actors"]} <= {"gaining", "losing"}
        if record["kind"] == "leadership":
            assert record["outcome"] in ("killed", "captured", "arrested")
        if record["kind"] == "allegiance":
            assert record["relation"] in ("pledged", "province", "left", "switched", "merged")
        for actor in record["actors"]:
            assert actor["role"] in ("perpetrator", "perpetrator_individual", "target", "victim", "gaining", "losing", "subject")
        assert record["killed"] is None or isinstance(record["killed"], (int, float)) or set(record["killed"]) == {"low", "high"}
        if record["place"]:
            assert {"name", "country", "lat", "lon", "precision"} <= record["place"].keys()
        assert all({"article_id", "start", "end", "text"} <= e.keys() for e in record["evidence"])


def test_brief_shows_events_with_evidence(db, tmp_path):
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "brief.html").read_text()
    markdown = (tmp_path / "brief.md").read_text()
    assert "Promenade des Anglais" in html and "<script" not in html
    assert "2016-07-14" in markdown and "> " in markdown
    # judgements rest on incidents: Paris is one attack with three independent reports
    assert "The attack in Paris on 2015-11-13 is the most reported: 3 independent sources." in markdown
    # a source's open-ended figure is shown as written, never as a half-empty range
    assert "None" not in markdown.split("## Incidents")[1].split("##")[0]


def test_roles_on_wikievents_dev_writes_a_line_per_document(tmp_path):
    source = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikievents" / "dev.jsonl"
    if not source.exists():
        pytest.skip("../shared/data is not beside the project")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(cli, ["roles", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    gold_ids = [json.loads(line)["doc_id"] for line in source.read_text().splitlines() if line.strip()]
    predicted = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["doc_id"] for p in predicted] == gold_ids
    assert all(set(p["roles"]) >= {"perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon"} for p in predicted)
    assert any(p["roles"]["place"] for p in predicted)
