"""The dashboard's views in Chromium (issue 14): filters in the URL, downloads of what is shown,
quotes and indicators, clustered markers, a layout that uses the width, ISO date inputs and the
watched sources. The database is the hand-made fixture plus the records written here for these
tests: three events within a few kilometres of each other (a cluster at any regional view), two
claims on one measure and scope (an indicator), a quote and a watched source."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

import dashboard_fixture
from shardwatch.store import Store
from shardwatch.types import Claim, Claimant, Evidence, Extraction, Place, Quote, WatchedSource
from test_dashboard_browser import CHROMIUM, Server, browser, open_dashboard  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}")]

VILLAGES = [("north", 36.362, 43.151), ("east", 36.350, 43.175), ("south", 36.331, 43.140)]
ESTIMATE = ("Officials estimated in January 2016 that 30,000 fighters remained in Iraq and Syria; "
            "by October 2016 they put the number at 15,000.")
QUOTE = "We will not stop until the last village is free"
POLLED = "2026-11-30T09:15:00Z"


def extra_extractions() -> list[Extraction]:
    out = []
    for name, lat, lon in VILLAGES:
        text = f"Shelling hit the {name} village outside the city on Tuesday, residents said."
        article = dashboard_fixture._article(f"village-{name}", text, dt.date(2016, 11, 9), f"Shelling, {name}")
        event = dashboard_fixture._event(f"village-{name}", article, text, date=dt.date(2016, 11, 8),
                                         place=Place(f"{name} village", f"{name.title()} Village", "IQ", lat, lon,
                                                     None, 1), attack_type="Bombing/Explosion")
        out.append(Extraction(article, (event,)))
    for n in (1, 2):  # two reports placed at one city's centre: no zoom takes them apart
        text = f"Report {n}: an explosion was heard in the city centre of Raqqa, a resident said."
        article = dashboard_fixture._article(f"raqqa-{n}", text, dt.date(2017, 3, n), f"Raqqa {n}")
        event = dashboard_fixture._event(f"raqqa-{n}", article, text, date=dt.date(2017, 3, n),
                                         place=Place("Raqqa", "Raqqa", "SY", 35.9528, 39.0079, None, 1))
        out.append(Extraction(article, (event,)))
    text = ESTIMATE + f' "{QUOTE}," a commander said.'
    article = dashboard_fixture._article("estimates", text, dt.date(2016, 10, 20), "How many fighters remain")
    officials = Claimant("officials", None, "group")
    first, second = ESTIMATE.split("; ")
    claims = tuple(
        Claim(id=f"cl-{n}", article_id=article.id, measure="fighters_remaining", measure_text="fighters", low=value,
              high=value, unit="people", qualifier=None, value_text=f"{int(value):,}", as_of=as_of,
              as_of_precision="month", claimant=officials, evidence=(dashboard_fixture._span(article, sentence),),
              subject_id="islamic-state", subject_name="Islamic State", scope="Iraq and Syria",
              scope_countries=("IQ", "SY"), reported=article.published)
        for n, (value, as_of, sentence) in enumerate([(30000.0, dt.date(2016, 1, 1), first),
                                                     (15000.0, dt.date(2016, 10, 1), second)]))
    start = text.index(QUOTE)
    quote = Quote("qu-1", article.id, Claimant("a commander", "commander", "person"), QUOTE, True,
                  (Evidence(article.id, start, start + len(QUOTE), QUOTE, "test", "1"),))
    out.append(Extraction(article, claims=claims, quotes=(quote,)))
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = dashboard_fixture.build(tmp_path_factory.mktemp("views") / "views.db")
    with Store(path) as store:
        store.write_batch(extra_extractions())
        store.record_poll(WatchedSource("https://news.example.org/feed.xml", "feed", POLLED, "ok",
                                        detail="2 new articles", items_seen=5, items_new=2))
    s = Server(path)
    yield s
    s.stop()


def apply(page) -> None:
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready=true]")


def event_ids(page) -> list[str]:
    return sorted(page.locator("#events-section tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)"))


def api_ids(server, query: str) -> list[str]:
    return sorted(e["id"] for e in server.get(f"/api/v1/events?limit=500&{query}")["items"])


def test_filters_live_in_the_url(browser, server):
    page, errors = open_dashboard(browser, server)
    page.fill("input[name=country]", "iq")
    page.select_option("select[name=kind]", "attack")
    apply(page)
    assert page.url.endswith("/?country=IQ&kind=attack")
    iraq = api_ids(server, "country=IQ&kind=attack")
    assert event_ids(page) == iraq and len(iraq) == 4
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("input[name=country]") == "IQ" and page.input_value("select[name=kind]") == "attack"
    assert event_ids(page) == iraq
    page.fill("input[name=since]", "2016-11-01")
    apply(page)
    later = api_ids(server, "country=IQ&kind=attack&since=2016-11-01")
    assert event_ids(page) == later and len(later) == 3
    page.go_back()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("input[name=since]") == "" and event_ids(page) == iraq
    page.go_forward()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("input[name=since]") == "2016-11-01" and event_ids(page) == later
    assert errors == []
    page.close()


def test_downloads_are_the_events_shown(browser, server, tmp_path):
    page, errors = open_dashboard(browser, server)
    page.fill("input[name=country]", "IQ")
    page.fill("input[name=since]", "2016-07-01")
    apply(page)
    shown = event_ids(page)
    assert shown == api_ids(server, "country=IQ&since=2016-07-01") and len(shown) == 4
    with page.expect_download() as info:
        page.click("#download-csv")
    info.value.save_as(tmp_path / "events.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    assert sorted(r["id"] for r in rows) == shown
    assert {r["country"] for r in rows} == {"IQ"}
    with page.expect_download() as info:
        page.click("#download-geojson")
    info.value.save_as(tmp_path / "events.geojson")
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert sorted(f["properties"]["id"] for f in collection["features"]) == shown
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    assert errors == []
    page.close()


def test_quotes_and_indicators_views(browser, server):
    page, errors = open_dashboard(browser, server)
    quotes = page.locator("#quotes-section tbody tr")
    assert quotes.count() == 1 and QUOTE in quotes.inner_text() and "a commander" in quotes.inner_text()
    quotes.click()
    page.wait_for_selector("#evidence-body mark.hl")
    assert page.locator("#evidence-body mark.hl").inner_text() == QUOTE
    indicators = page.locator("#indicators-section tbody tr")
    assert indicators.count() == 1
    cells = indicators.locator("td").all_inner_texts()
    assert cells[:4] == ["fighters_remaining", "Iraq and Syria", "people", "2"]
    assert cells[4].startswith("2016-01") and "30000" in cells[4] and "15000" in cells[5]
    indicators.click()
    assert page.locator("#evidence-body .record-list li").count() == 2
    assert errors == []
    page.close()


def test_overlapping_markers_are_clustered_with_their_count(browser, server):
    page, errors = open_dashboard(browser, server)
    villages = sorted(f"ev-village-{name}" for name, _, _ in VILLAGES)
    cluster = page.locator("#map g.cluster", has=page.locator("text.cluster-count", has_text="3"))
    assert cluster.count() >= 1
    members = [sorted(ids.split()) for ids in page.locator("#map g.cluster").evaluate_all(
        "gs => gs.map(g => g.dataset.ids)")]
    assert any(set(villages) <= set(m) for m in members)
    # every placed record is on the map once: as a marker or in one cluster
    singles = page.locator("#map circle.marker").evaluate_all("ms => ms.map(m => m.dataset.id)")
    clustered = [i for m in members for i in m]
    placed = [e["id"] for e in server.get("/api/v1/events?limit=500")["items"] if e["place"]]
    assert sorted(singles + clustered) == sorted(placed)
    # a click lists the cluster's records and zooms in until they come apart
    village_cluster = page.locator("#map g.cluster").filter(has=page.locator("text", has_text="3")).first
    village_cluster.dispatch_event("click")
    assert page.locator("#evidence-body .record-list li").count() == len(
        next(m for m in members if set(villages) <= set(m)))
    page.wait_for_selector('#map circle.marker[data-id="ev-village-north"]')
    assert set(villages) <= set(page.locator("#map circle.marker").evaluate_all("ms => ms.map(m => m.dataset.id)"))
    # records at one spot are fanned out around it when their cluster is clicked
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#filters button[type=reset]")
    page.wait_for_selector("body[data-ready=true]")
    raqqa = page.locator('#map g.cluster[data-ids="ev-raqqa-1 ev-raqqa-2"]')
    assert raqqa.locator("text").text_content() == "2"
    raqqa.dispatch_event("click")
    page.wait_for_selector('#map circle.marker[data-id="ev-raqqa-1"]')
    spots = page.locator('#map circle.marker[data-id^="ev-raqqa"]').evaluate_all(
        "ms => ms.map(m => [m.getAttribute('cx'), m.getAttribute('cy')])")
    assert len(spots) == 2 and spots[0] != spots[1]
    assert page.locator("#map line.fan-line").count() == 2
    assert errors == []
    page.close()


# Element boxes of the layout, measured in the page.
LAYOUT = """() => {
  const box = s => document.querySelector(s).getBoundingClientRect();
  const scrollers = [...document.querySelectorAll("main *")].filter(e => {
    const style = getComputedStyle(e);
    return ["auto", "scroll"].includes(style.overflowY) || ["auto", "scroll"].includes(style.overflowX);
  }).map(e => e.id || e.className);
  const wrapped = [...document.querySelectorAll("#events-section td.nowrap, #incidents-section td.nowrap")]
    .filter(td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length > 1; })
    .length;
  const dates = document.querySelectorAll("#events-section td.nowrap").length;
  return { width: innerWidth, map: box("#map-section"), timeline: box("#timeline-section"),
           events: box("#events-section"), evidence: box("#evidence"), views: box("#views"),
           quotes: box("#quotes-section"), indicators: box("#indicators-section"), scrollers, wrapped, dates };
}"""


def test_the_layout_uses_the_width(browser, server):
    page, errors = open_dashboard(browser, server)
    m = page.evaluate(LAYOUT)
    # the map and the timeline side by side, the evidence to their right, to the page's edge
    assert m["timeline"]["left"] >= m["map"]["right"] and abs(m["timeline"]["top"] - m["map"]["top"]) < 2
    assert m["evidence"]["left"] >= m["timeline"]["right"] and m["evidence"]["right"] >= m["width"] - 40
    # the events table spans both columns; quotes and indicators share a row
    assert m["events"]["width"] >= m["views"]["width"] - 2
    assert m["indicators"]["left"] >= m["quotes"]["right"] and abs(m["indicators"]["top"] - m["quotes"]["top"]) < 2
    # no empty half: views and evidence together cover the width but for the margins
    assert m["views"]["width"] + m["evidence"]["width"] >= 0.9 * m["width"]
    # the only box that scrolls is the evidence panel; no table scrolls inside the page
    assert m["scrollers"] == ["evidence"]
    assert m["dates"] > 0 and m["wrapped"] == 0
    assert errors == []
    page.close()


def test_date_inputs_are_iso(browser, server):
    page, _ = open_dashboard(browser, server)
    for name in ("since", "until", "as_of"):
        field = page.locator(f"input[name={name}]")
        assert field.get_attribute("type") in (None, "text") and field.get_attribute("placeholder") == "YYYY-MM-DD"
    page.fill("input[name=since]", "07/01/2016")
    page.click("#filters button[type=submit]")
    assert page.locator("#status").inner_text() == "since: 07/01/2016 is not a date in YYYY-MM-DD form"
    assert "since" not in page.url
    page.fill("input[name=since]", "2016-02-30")
    page.click("#filters button[type=submit]")
    assert "not a date" in page.locator("#status").inner_text()
    page.fill("input[name=since]", "2016-07-01")
    apply(page)
    assert page.url.endswith("?since=2016-07-01")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.input_value("input[name=since]") == "2016-07-01"
    page.close()


def test_sources_panel_shows_when_each_source_was_polled(browser, server):
    page, errors = open_dashboard(browser, server)
    row = page.locator("#sources-section tbody tr")
    assert row.count() == 1
    cells = row.locator("td").all_inner_texts()
    assert cells[:4] == ["https://news.example.org/feed.xml", "feed", "2026-11-30 09:15:00", "ok"]
    assert errors == []
    page.close()
