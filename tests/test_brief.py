"""The brief on the hand-made database: self-contained HTML that opens offline with its charts,
Markdown beside it, judgements that link to records, "none yet" sections, escaped text."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import dashboard_fixture
from shardwatch.present.brief import write_brief
from shardwatch.store import Store

CHROMIUM = Path("/usr/bin/chromium")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids, self.hrefs, self.srcs, self.tags = set(), [], [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    folder = tmp_path_factory.mktemp("brief")
    with Store(dashboard_fixture.build(folder / "fixture.db"), readonly=True) as store:
        paths = write_brief(store, folder / "out")
    html, md = (p.read_text(encoding="utf-8") for p in paths)
    links = Links()
    links.feed(html)
    return folder / "out", html, md, links


def test_html_is_self_contained(brief):
    _, html, _, links = brief
    assert "script" not in links.tags and "link" not in links.tags
    # timeline, map, and one chart per trend analysis
    assert len(links.srcs) == 6 and all(s.startswith("data:image/svg+xml;base64,") for s in links.srcs)
    # outside addresses are only the articles' own URLs, as links to follow, never loaded
    assert {h for h in links.hrefs if not h.startswith("#")} <= {f"https://example.org/{k}" for k in (
        "nice", "istanbul", "baghdad", "fallujah", "arish", "undated")}


def test_every_internal_link_has_its_target(brief):
    _, _, _, links = brief
    internal = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert internal and set(internal) <= links.ids


def test_key_judgements_rest_on_their_records(brief):
    _, html, _, _ = brief
    section = html.split('id="judgements"')[1].split('id="territory-and-attacks"')[0]
    assert "3 attacks by the organisation or its affiliates outside Iraq and Syria, in 3 countries (EG, FR, TR)" \
        in section
    assert "left out" not in section  # every attack abroad of the fixture is the organisation's
    assert "1 enabled, 1 inspired, 1 unknown" in section
    assert "lost ground in 1 reported territorial changes" in section
    assert "Attack in Nice (FR)" in section  # the deadliest abroad: 84 killed
    for event_id in ("ev-nice", "ev-istanbul", "ev-arish", "ev-fallujah"):
        assert f'href="#event-{event_id}"' in section
    assert "ev-baghdad" not in section  # an attack in Iraq is not an attack abroad


def test_charts_are_embedded_svg(brief):
    _, _, _, links = brief
    timeline, world = (base64.b64decode(s.split(",", 1)[1]).decode() for s in links.srcs[:2])
    for svg in (timeline, world):
        assert ET.fromstring(svg).tag.endswith("svg")
    assert "attacks outside Iraq and Syria" in timeline
    assert world.count("<path") > 20  # country outlines


def test_sections_without_records_say_none_yet(brief):
    _, html, md, _ = brief
    for section in ("incidents", "indicators", "contradictions"):
        part = html.split(f'id="{section}"')[1][:300]
        assert "none yet" in part
    assert md.count("none yet") >= 3


def test_article_text_is_escaped(brief):
    _, html, md, _ = brief
    assert "<script>" not in html and "<b>5</b>" not in html
    assert "&lt;script&gt;window.__pwned = true;&lt;/script&gt;" in html
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_markdown_has_the_charts_beside_it_and_anchors(brief):
    folder, _, md, _ = brief
    for name in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md):
        assert (folder / name).exists()
    assert '<a id="event-ev-nice"></a>' in md and "(#event-ev-nice)" in md


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium: `make test` installs it as root")
def test_brief_opens_offline_with_its_charts(brief):
    from playwright.sync_api import sync_playwright

    folder, _, _, _ = brief
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        context = browser.new_context(offline=True)
        page = context.new_page()
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto((folder / "brief.html").as_uri())
        sizes = page.evaluate("[...document.images].map(i => [i.complete, i.naturalWidth])")
        browser.close()
    assert sizes and all(done and width > 200 for done, width in sizes)
    assert all(url.startswith(("file:", "data:")) for url in requested)


def test_trend_analyses_have_a_section_each_with_a_chart_or_not_enough_data(brief):
    _, html, md, links = brief
    for name in ("severity", "hawkes", "territory-vs-abroad", "pathways"):
        assert f'id="analysis-{name}"' in html
        assert f"(brief-{name}.svg)" in md
    charts = [base64.b64decode(s.split(",", 1)[1]).decode() for s in links.srcs[2:]]
    assert all(ET.fromstring(svg).tag.endswith("svg") for svg in charts)
    severity = html.split('id="analysis-severity"')[1].split('id="analysis-hawkes"')[0]
    assert "Not enough data." in severity and "not enough data" in charts[0]
