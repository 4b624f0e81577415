"""--as-of on every listing: only articles published by then (undated ones never)."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.store import EventFilter, Store
from shardwatch.types import Article, Event, Evidence, Extraction, Place

PARIS = Place("Paris", "Paris", "FR", 48.85, 2.35, "2988507", 1)


def _extraction(aid: str, published: str | None, word: str) -> Extraction:
    text = f"Gunmen attacked a {word} in Paris, killing several people."
    article = Article(id=aid, text=text, title=f"{word} attack", source="Wire",
                      published=dt.date.fromisoformat(published) if published else None,
                      published_precision="day" if published else "unknown")
    event = Event(id=f"{aid}-e", kind="attack", article_id=aid, date=dt.date(2015, 11, 13), date_precision="day",
                  reported=article.published, modality="asserted", place=PARIS, actors=(),
                  evidence=(Evidence(aid, 0, len(text), text, "test", "1"),), trigger="attacked", confidence=0.7)
    return Extraction(article, (event,))


def _store(path) -> None:
    with Store(path) as store:
        store.write_batch([_extraction("first", "2015-11-14", "concert hall"),
                           _extraction("second", "2015-11-20", "stadium"),
                           _extraction("undated", None, "restaurant")])


def test_store_listings_as_of(tmp_path):
    path = tmp_path / "a.db"
    _store(path)
    cut = dt.date(2015, 11, 15)
    with Store(path) as store:
        assert [a.id for a in store.articles(as_of=cut)] == ["first"]
        assert [e.id for e in store.events(EventFilter(as_of=cut))] == ["first-e"]
        assert [a.id for a, _ in store.search("attacked", as_of=cut)] == ["first"]
        assert {a.id for a, _ in store.search("attacked")} == {"first", "second", "undated"}
        assert len(store.events(EventFilter(as_of=dt.date(2015, 11, 20)))) == 2
        assert store.articles(as_of=dt.date(2015, 11, 13)) == []


def test_cli_listings_take_as_of(tmp_path):
    path = str(tmp_path / "b.db")
    _store(path)
    runner = CliRunner()
    for command in (["articles"], ["events"], ["search", "attacked"]):
        result = runner.invoke(cli, ["--db", path, *command, "--format", "json", "--as-of", "2015-11-15"])
        assert result.exit_code == 0, result.output
        ids = [json.loads(line)["id"] for line in result.output.splitlines()]
        assert ids in (["first"], ["first-e"]), (command, ids)
    export = runner.invoke(cli, ["--db", path, "export", "--as-of", "2015-11-15"])
    records = [json.loads(line) for line in export.output.splitlines()]
    assert [(r["type"], r["id"]) for r in records if r["type"] != "incident"] == [("article", "first"),
                                                                                  ("event", "first-e")]
