"""`shardwatch watch`: feeds served from 127.0.0.1 by http.server in a thread, and folders.

The reports are written for these tests. They carry no attack words, so the relevance cascade
stores them without the language model: the tests check fetching, conditional GET, failures
and poll state, not extraction.
"""

from __future__ import annotations

import json
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import shardwatch.api as sw
from shardwatch.cli import cli

PARAGRAPH = ("The regional council met on Tuesday to discuss the repair of the bridge over the river, "
             "which floods every spring and cuts the villages on the eastern bank off from the market town. ")
PAGE = ("<html><head><title>Council debates the bridge</title></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Council debates the bridge</h1>"
        + "".join(f"<p>{PARAGRAPH}Speaker {i} asked for a vote before the summer.</p>" for i in range(4))
        + "</article><footer>Subscribe now</footer></body></html>")
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def item(n: int, *, content: str | None = None, link: str | None = None, summary: str | None = None) -> str:
    parts = [f"<title>Report {n}</title>", f"<guid>urn:test:{n}</guid>", "<pubDate>Tue, 14 Mar 2017 10:00:00 GMT</pubDate>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if summary:
        parts.append(f"<description>{summary}</description>")
    if content:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>"


def rss(*items: str) -> str:
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            "<channel><title>Test Gazette</title><link>http://127.0.0.1/</link><description>tests</description>"
            + "".join(items) + "</channel></rss>")


class Site:
    """A tiny web site: path -> (status, body); the feed answers conditional GETs."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, str]] = {}
        self.requests: list[tuple[str, int]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                status, body, kind = site.pages.get(self.path, (404, "not here", "text/plain"))
                etag = f'"{abs(hash(body))}"'
                if status == 200 and kind.endswith("xml") and (
                        self.headers.get("If-None-Match") == etag
                        or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                    status = 304
                site.requests.append((self.path, status))
                self.send_response(status)
                if kind.endswith("xml"):
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", LAST_MODIFIED)
                if status == 304:
                    self.end_headers()
                    return
                data = body.encode("utf-8")
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def feed(self, path: str, body: str) -> str:
        self.pages[path] = (200, body, "application/rss+xml")
        return self.url + path

    def page(self, path: str, body: str, status: int = 200) -> str:
        self.pages[path] = (status, body, "text/html")
        return self.url + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site():
    s = Site()
    yield s
    s.close()


def watch(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "watch", "--once", *args])


def text_of(n: int) -> str:
    return f"<p>Report {n}. {PARAGRAPH}</p><p>Item {n} of the weekly digest of the valley's news.</p>"


def test_feed_then_conditional_get_ingests_nothing(site, tmp_path):
    url = site.feed("/feed.xml", rss(item(1, content=text_of(1)), item(2, content=text_of(2))))
    db = tmp_path / "w.db"
    first = watch(db, url)
    assert first.exit_code == 0, first.output
    assert f"{url}: 2 new articles (2 entries)" in first.output
    with sw.open(db) as store:
        titles = sorted(a.title for a in store.articles())
        [state] = store.sources()
    assert titles == ["Report 1", "Report 2"]
    assert (state.status, state.items_new, state.items_seen, state.polls) == ("ok", 2, 2, 1)
    assert state.etag and state.last_modified == LAST_MODIFIED
    assert [a.source for a in sw.open(db).articles()] == ["Test Gazette", "Test Gazette"]

    second = watch(db, url)
    assert second.exit_code == 0, second.output
    assert site.requests[-1] == ("/feed.xml", 304)
    assert f"{url}: not modified" in second.output
    with sw.open(db) as store:
        assert len(store.articles()) == 2
        [state] = store.sources()
    assert (state.status, state.items_new, state.polls) == ("not_modified", 0, 2)


def test_a_bad_item_among_good_ones(site, tmp_path):
    """An entry whose linked page is missing fails in one line; the two good ones are ingested,
    and the next poll (no 304: the feed kept no validators) fetches only the failed page."""
    good_page = site.page("/story-ok.html", PAGE)
    missing = site.url + "/story-gone.html"
    url = site.feed("/feed.xml", rss(item(1, content=text_of(1)), item(2, link=missing),
                                     item(3, link=good_page)))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "watch", "--once", "--allow-host", "127.0.0.1", url])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {url} entry 2 ({missing}): HTTP 404 Not Found"]
    assert f"{url}: 2 new articles (3 entries, 1 failed, tried again next poll)" in result.output
    with sw.open(db) as store:
        texts = {a.title: store.store.article(a.id).text for a in store.articles()}
        [state] = store.sources()
    assert set(texts) == {"Report 1", "Report 3"}
    # the page's main text, without its navigation and footer
    assert "Speaker 3 asked for a vote" in texts["Report 3"]
    assert "Subscribe now" not in texts["Report 3"] and "Home | World" not in texts["Report 3"]
    assert (state.status, state.items_failed, state.etag) == ("partial", 1, None)

    site.page("/story-gone.html", PAGE.replace("the bridge", "the ferry"))
    site.requests.clear()
    again = CliRunner().invoke(cli, ["--db", str(db), "watch", "--once", "--allow-host", "127.0.0.1", url])
    assert again.exit_code == 0, again.output
    assert site.requests == [("/feed.xml", 200), ("/story-gone.html", 200)]
    with sw.open(db) as store:
        assert {a.title for a in store.articles()} == {"Report 1", "Report 2", "Report 3"}
        assert store.sources()[0].status == "ok"


def test_linked_pages_need_permission(site, tmp_path):
    page = site.page("/story.html", PAGE)
    url = site.feed("/feed.xml", rss(item(1, link=page, summary="A teaser about the bridge."), item(2, link=page + "?2")))
    db = tmp_path / "w.db"
    result = watch(db, url)
    assert result.exit_code == 1
    assert f"error: {url} entry 2 ({page}?2): the entry gives only a link, to a host not allowed" in result.output
    assert ("/story.html", 200) not in site.requests
    with sw.open(db) as store:
        assert [store.store.article(a.id).text for a in store.articles()] == ["A teaser about the bridge."]


def test_a_folder_gaining_a_file_between_polls(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text("Ferry timetable changes\n\n" + PARAGRAPH, encoding="utf-8")
    db = tmp_path / "w.db"
    first = watch(db, str(folder))
    assert first.exit_code == 0, first.output
    assert f"{folder}: 1 new article (1 files)" in first.output
    unchanged = watch(db, str(folder))
    assert f"{folder}: not modified" in unchanged.output
    (folder / "two.md").write_text("---\ntitle: Market day moved\n---\nThe market moves to Thursday. " + PARAGRAPH,
                                   encoding="utf-8")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    third = watch(db, str(folder))
    assert third.exit_code == 1
    errors = [line for line in third.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {folder / 'bad.json'}: ")
    assert f"{folder}: 1 new article (3 files, 1 failed, tried again next poll)" in third.output
    with sw.open(db) as store:
        assert sorted(a.title for a in store.articles()) == ["Ferry timetable changes", "Market day moved"]
        [state] = store.sources()
    assert (state.kind, state.status, state.polls, state.items_new) == ("folder", "partial", 3, 1)


def test_a_source_that_cannot_be_read(site, tmp_path):
    db = tmp_path / "w.db"
    result = watch(db, site.url + "/nothing.xml", str(tmp_path / "absent"))
    assert result.exit_code == 1
    assert f"{site.url}/nothing.xml: failed: HTTP 404 Not Found" in result.output
    assert f"{tmp_path / 'absent'}: failed: no such file or folder" in result.output
    not_a_feed = site.page("/page.html", "<html><body><p>hello</p></body></html>")
    result = watch(db, not_a_feed)
    assert "failed: not an RSS or Atom feed" in result.output
    with sw.open(db) as store:
        assert {s.status for s in store.sources()} == {"failed"}


def test_sources_in_the_cli_and_the_http_api(site, tmp_path):
    from fastapi.testclient import TestClient

    from shardwatch.serve.api import create_app

    url = site.feed("/feed.xml", rss(item(1, content=text_of(1))))
    db = tmp_path / "w.db"
    assert watch(db, url).exit_code == 0
    listed = CliRunner().invoke(cli, ["--db", str(db), "sources", "--format", "json"])
    row = json.loads(listed.output)
    assert (row["source"], row["kind"], row["status"], row["items_new"]) == (url, "feed", "ok", 1)
    answer = TestClient(create_app(str(db))).get("/api/v1/sources").json()
    assert answer["ok"] and [s["source"] for s in answer["items"]] == [url]
    assert answer["items"][0]["last_polled"] == row["last_polled"]


def test_watch_needs_a_source():
    result = CliRunner().invoke(cli, ["watch", "--once"])
    assert result.exit_code == 2 and "PATH_OR_FEED" in result.output


def test_allowed_hosts_and_entry_html():
    from shardwatch.ingest.feeds import host_allowed, html_text

    assert host_allowed("https://www.news.example.org/a", ["news.example.org"])
    assert not host_allowed("https://badnews.example.org/a", ["news.example.org"])
    assert not host_allowed("https://news.example.org/a", [])
    assert host_allowed("https://anything.test/a", None)
    assert html_text("<p>First &amp; one.</p><p>Second<br>line <b>bold</b>.</p>") == "First & one.\nSecond\nline bold."
