"""Links in the brief (issue 15): only http and https addresses from an article's metadata
become links; any other address (javascript:, data:, vbscript:) is shown as text, and no raw
HTML or Markdown link from an article reaches brief.md."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from shardwatch.present.brief import markdown_text, write_brief
from shardwatch.present.links import link_url
from shardwatch.store import Store
from shardwatch.types import Article, Event, Evidence, Extraction

HOSTILE_URLS = {
    "js": "javascript:alert(document.cookie)",
    "js-case": "JaVaScRiPt:alert(1)",
    "js-space": "  javascript:alert(2)",
    "js-tab": "java\tscript:alert(3)",
    "data": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "no-host": "https:alert(4)",
    "relative": "/local/path",
}
GOOD_URLS = {
    "plain": "https://wire.example/story/1",
    "quotes": 'http://wire.example/a?q="x"&b=<y> z',
}


def _extraction(key: str, url: str, number: int) -> Extraction:
    text = f"A bomb exploded at a checkpoint in Kirkuk on {number} March 2016, killing {number} people."
    article = Article(id=f"art-{key}", text=text, title=f"Report [click](javascript:alert({number})) <img src=x>",
                      source=f"<b>Wire {key}</b>", url=url, published=dt.date(2016, 3, number),
                      published_precision="day", published_from="metadata")
    event = Event(id=f"ev-{key}", kind="attack", article_id=article.id, date=dt.date(2016, 3, number),
                  date_precision="day", reported=article.published, modality="asserted", place=None, actors=(),
                  evidence=(Evidence(article.id, 0, len(text), text, "test", "1"),), trigger="bomb", confidence=0.9)
    return Extraction(article, (event,))


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [value for name, value in attrs if name in ("href", "src", "action", "formaction")]


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    folder = tmp_path_factory.mktemp("links")
    urls = HOSTILE_URLS | GOOD_URLS
    with Store(folder / "links.db") as store:
        store.write_batch([_extraction(key, url, n) for n, (key, url) in enumerate(urls.items(), 1)])
        html_path, md_path = write_brief(store, folder / "out")
    return html_path.read_text(encoding="utf-8"), md_path.read_text(encoding="utf-8")


def test_only_http_and_https_become_links_in_the_html(brief):
    html, _ = brief
    parser = Hrefs()
    parser.feed(html)
    outside = [h for h in parser.hrefs if not h.startswith(("#", "data:image/svg+xml;base64,"))]
    assert sorted(outside) == sorted(["https://wire.example/story/1",
                                      "http://wire.example/a?q=%22x%22&b=%3Cy%3E%20z"])
    assert "javascript:alert(document.cookie)" in html  # shown, as text


def test_markdown_has_no_link_but_http_and_no_raw_html(brief):
    _, md = brief
    targets = re.findall(r"(?<!\\)\]\(([^)]*)\)", md) + re.findall(r"<([a-zA-Z][^>\s]*:[^>\s]*)>", md)
    assert targets and all(t.startswith(("#", "http://", "https://")) or t.endswith(".svg") for t in targets), targets
    assert "<https://wire.example/story/1>" in md
    assert "(javascript:alert(document.cookie))" in md  # the address shown in brackets, as text
    for raw in ("<img", "<b>", "</b>", "<script"):
        assert raw not in md
    assert "Report \\[click\\](javascript:alert(1)) &lt;img src=x&gt;" in md


@pytest.mark.parametrize("url", HOSTILE_URLS.values())
def test_link_url_refuses_addresses_that_are_not_web_pages(url):
    assert link_url(url) is None


def test_link_url_encodes_what_could_end_a_link():
    assert link_url(" https://a.example/x y\"<>`") == "https://a.example/x%20y%22%3C%3E%60"
    assert link_url(None) is None and link_url("") is None


def test_markdown_text_escapes_link_and_html_syntax():
    assert markdown_text("[a](javascript:x) <b>&</b> `c` | \\") == (
        "\\[a\\](javascript:x) &lt;b&gt;&amp;&lt;/b&gt; \\`c\\` \\| \\\\")
