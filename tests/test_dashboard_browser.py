"""End to end in a real browser: `shardwatch serve` on the sample reports, driven by Playwright
in Debian's headless Chromium (`make test` installs it). Checks the map, the timeline and an
evidence view, saves out/dashboard.png, and checks that article text with <script> stays text."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

import dashboard_fixture
from shardwatch.cli import cli

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "examples" / "reports"
SCREENSHOT = ROOT / "out" / "dashboard.png"
CHROMIUM = Path(os.environ.get("SHARDWATCH_CHROMIUM", "/usr/bin/chromium"))
SCRIPT = Path(sys.executable).with_name("shardwatch")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}: `make test` installs Debian's "
                                                      "chromium when run as root (or set SHARDWATCH_CHROMIUM)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`shardwatch serve` in a child process, on a free port of the loopback address."""

    def __init__(self, db: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k not in ("SHARDWATCH_TOKEN", "SHARDWATCH_DB")}
        self.proc = subprocess.Popen([str(SCRIPT), "--db", db, "serve", "--port", str(self.port)], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.get("/api/v1/meta")
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"server did not start: {self.proc.stdout.read()}")
                time.sleep(0.2)

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.load(response)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def sample_server(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("browser") / "sample.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(REPORTS)])
    assert result.exit_code == 0, result.output
    server = Server(db)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    server = Server(dashboard_fixture.build(tmp_path_factory.mktemp("browser-fixture") / "fixture.db"))
    yield server
    server.stop()


def open_dashboard(browser, server: Server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20000)
    return page, errors


def on_map(page) -> list[str]:
    """The ids of the records on the map: markers, and the members of clusters."""
    singles = page.locator("#map circle.marker").evaluate_all("ms => ms.map(m => m.dataset.id)")
    clustered = page.locator("#map g.cluster").evaluate_all("gs => gs.flatMap(g => g.dataset.ids.split(' '))")
    return sorted(singles + clustered)


def marker_of(page, record_id: str):
    """The marker of one record, zooming in on the cluster that holds it until it stands alone."""
    for _ in range(6):
        marker = page.locator(f'#map circle.marker[data-id="{record_id}"]')
        if marker.count():
            return marker
        holder = page.locator("#map g.cluster").evaluate_all(
            f"gs => gs.findIndex(g => g.dataset.ids.split(' ').includes({record_id!r}))")
        page.locator("#map g.cluster").nth(holder).dispatch_event("click")
    raise AssertionError(f"{record_id} stays in a cluster")


@pytest.mark.model
def test_dashboard_on_the_sample_reports(browser, sample_server):
    events = sample_server.get("/api/v1/events?limit=500")["items"]
    incidents = sample_server.get("/api/v1/incidents?limit=500")["items"]
    widely = sample_server.get("/api/v1/incidents?min_sources=3&kind=attack")["items"]
    assert widely and all(i["independent_sources"] >= 3 for i in widely)
    assert "2015-11-13" in {i["date"] for i in widely}  # Paris, three independent reports
    merged = {event_id for incident in incidents for event_id in incident["event_ids"]}
    placed = [r for r in incidents + [e for e in events if e["id"] not in merged]
              if r["place"] and r["place"]["lon"] is not None]
    page, errors = open_dashboard(browser, sample_server)

    # the map: the shipped country outlines and one marker per real event (an incident stands for
    # the events merged into it), attacks coloured by link
    assert page.locator("#map path.country").count() > 150
    assert on_map(page) == sorted(r["id"] for r in placed) and len(placed) > 10
    # overlapping markers (Iraq, Syria) are clustered with their count
    counts = page.locator("#map g.cluster").evaluate_all("gs => gs.map(g => [g.dataset.count, g.querySelector('text.cluster-count').textContent])")
    assert counts and all(int(n) >= 2 and text == n for n, text in counts)
    reina = next(e for e in events if e["place"] and "Reina" in e["place"]["canonical"])
    reina_marker = next((i["id"] for i in incidents if reina["id"] in i["event_ids"]), reina["id"])
    assert marker_of(page, reina_marker).get_attribute("fill") == "#ef6c00"  # enabled

    # the timeline: attacks abroad by link; November 2015 holds the directed Paris attacks
    assert page.locator("#timeline rect.bar").count() >= 10
    directed = page.locator('#timeline rect.bar[data-series="directed"][data-month="2015-11"]')
    assert directed.count() == 1
    # one bar for every month and series the API counts, none elsewhere
    timeline = sample_server.get("/api/v1/timeline")
    cells = {(series, month) for series, counts in timeline["series"].items()
             for month, n in zip(timeline["months"], counts) if n}
    drawn = page.locator("#timeline rect.bar").evaluate_all(
        "bars => bars.map(b => [b.dataset.series, b.dataset.month])")
    assert {tuple(cell) for cell in drawn} == cells
    assert ("territory_lost", "2016-06") in cells  # Fallujah, lost by the organisation
    directed.click()
    assert "attacks abroad: directed" in page.locator("#evidence-body .record-head").inner_text()
    paris = timeline["records"]["directed"]["2015-11"]  # one list of event ids per real event
    assert len(paris) >= 1
    assert page.locator("#evidence-body .record-list li").count() == len(paris)

    # the evidence view: the enabled Istanbul attack's sentence, highlighted in its article's text
    page.locator(f'#events-section tr[data-id="{reina["id"]}"]').click()
    page.wait_for_selector("#evidence-body mark.hl")
    highlighted = " ".join(page.locator("#evidence-body mark.hl").all_inner_texts())
    # every sentence that tells the event is marked, in the order of the text
    assert highlighted == " ".join(e["text"] for e in sorted(reina["evidence"], key=lambda e: e["start"]))
    assert "Telegram" in highlighted
    article = sample_server.get(f"/api/v1/articles/{reina['evidence'][0]['article_id']}")["article"]
    assert page.locator("#evidence-body .article h3").first.inner_text() == article["title"]

    # the tables of incidents, claims and contradictions: one row a record, or "none yet"
    for kind in ("incidents", "claims", "contradictions"):
        items = sample_server.get(f"/api/v1/{kind}?limit=500")["items"]
        if items:
            assert page.locator(f"#{kind}-section tbody tr").count() == len(items)
        else:
            assert page.locator(f"#{kind}-section .none").inner_text().startswith("none yet")
    assert incidents, "the sample reports give incidents"

    # a marker opens its evidence too
    marker_of(page, placed[0]["id"]).dispatch_event("click")
    page.wait_for_selector(f'#evidence-body .record-head[data-record="{placed[0]["id"]}"]')

    # the screenshot: the whole map again (clear reloads the views), the Istanbul evidence open
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#filters button[type=reset]")
    page.wait_for_selector("body[data-ready=true]")
    page.locator(f'#events-section tr[data-id="{reina["id"]}"]').click()
    page.wait_for_selector("#evidence-body mark.hl")
    page.evaluate("window.scrollTo(0, 0)")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 50_000
    assert errors == []
    page.close()


def test_article_text_with_script_shows_as_text(browser, fixture_server):
    page, errors = open_dashboard(browser, fixture_server)
    page.locator('#events-section tr[data-id="ev-arish"]').click()
    page.wait_for_selector("#evidence-body mark.hl")
    assert page.locator("#evidence-body mark.hl").inner_text() == dashboard_fixture.SCRIPT_SENTENCE
    assert page.locator("#evidence-body .article h3").inner_text() == "Checkpoint attack <i>near</i> Arish"
    assert page.locator("#evidence-body script, #evidence-body b, #evidence-body i").count() == 0
    assert page.evaluate("window.__pwned") is None
    # and in the table and the marker's title
    assert "<script>" in page.locator('#events-section tr[data-id="ev-arish"]').inner_text()
    assert errors == []
    page.close()


def test_filters_reload_the_views(browser, fixture_server):
    page, _ = open_dashboard(browser, fixture_server)
    assert len(on_map(page)) == 5  # the undated event has no place
    page.fill("input[name=country]", "iq")
    page.evaluate("document.body.dataset.ready = ''")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("body[data-ready=true]")
    assert on_map(page) == ["ev-baghdad", "ev-fallujah"]
    assert page.locator('#timeline rect.bar[data-series="territory_lost"][data-month="2016-06"]').count() == 1
    assert page.locator("#events-section tbody tr").count() == 2
    page.fill("#events-section input.quick", "market")
    assert page.locator("#events-section tbody tr").count() == 1
    page.close()
