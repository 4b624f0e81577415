"""`shardwatch reextract` (issue 14), with the model: articles whose records came from an older
extractor version are extracted again, exactly those, keeping the ids of records that come
back the same and the incidents of their events; an up-to-date store is left alone and says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import shardwatch.api as sw
from shardwatch.cli import cli
from shardwatch.errors import ShardwatchError
from shardwatch.extract.versions import extraction_version

pytestmark = pytest.mark.model

# Three reports written for this test: two tell one attack (so there is an incident to keep),
# one tells a capture and a figure (a claim).
REPORTS = {
    "market.md": """---
title: Car bomb kills 12 at market in Kirkuk
source: Test Wire
published: 2016-05-03
---

A car bomb killed 12 people and wounded 30 at a crowded market in Kirkuk on Monday, police said.
The Islamic State claimed responsibility for the bombing in a statement.
""",
    "market_followup.md": """---
title: Kirkuk market bombing toll rises
source: Other Daily
published: 2016-05-04
---

The number of people killed by Monday's car bomb at a market in Kirkuk rose to 14, officials said.
Islamic State militants said they carried out the attack.
""",
    "town.md": """---
title: Iraqi forces retake town of Hit
source: Test Wire
published: 2016-04-14
---

Iraqi forces recaptured the town of Hit from the Islamic State on Wednesday, the army said.
A US official said the group had no more than 15,000 fighters left in Iraq and Syria.
""",
}


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _rows(db: str, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return [tuple(r) for r in conn.execute(sql, args)]


def _records(db: str) -> dict[str, set[str]]:
    return {table: {r[0] for r in _rows(db, f"SELECT id FROM {table}")} for table in ("events", "claims", "quotes")}


def _by_path(db: str) -> dict[str, str]:
    return {Path(path).name: article_id for article_id, path in _rows(db, "SELECT id, path FROM articles")}


@pytest.fixture
def store(tmp_path) -> str:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "store.db")
    result = _run(db, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    return db


def test_records_carry_the_current_versions(store):
    assert {r[0] for r in _rows(store, "SELECT version FROM article_extractions")} == {extraction_version()}
    versions = dict(_rows(store, "SELECT DISTINCT extractor, version FROM evidence"))
    assert "1" not in versions.values() and {"attacks", "territory", "claims"} <= set(versions)


def test_an_up_to_date_store_is_left_alone(store):
    before = _rows(store, "SELECT * FROM article_extractions ORDER BY article_id")
    result = _run(store, "reextract")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (f"nothing to re-extract: all 3 articles are up to date "
                                     f"(extraction version {extraction_version()})")
    assert _rows(store, "SELECT * FROM article_extractions ORDER BY article_id") == before


def test_only_articles_from_an_older_version_are_extracted_again(store):
    ids = _by_path(store)
    market, town = ids["market.md"], ids["town.md"]
    records = _records(store)
    incidents = _rows(store, "SELECT event_id, incident_id FROM incident_events ORDER BY event_id")
    assert incidents, "the two market reports should share an incident"
    [(attack_id, killed)] = _rows(store, "SELECT id, killed_low FROM events WHERE article_id = ? AND kind = 'attack'",
                                  market)
    # An older extractor made the market report's records (and got the toll wrong); the town
    # report predates recorded versions.
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE evidence SET version = 'old' WHERE article_id = ?", (market,))
        conn.execute("UPDATE events SET killed_low = 99, killed_high = 99 WHERE id = ?", (attack_id,))
        conn.execute("DELETE FROM article_extractions WHERE article_id = ?", (town,))
    extracted_at = dict(_rows(store, "SELECT article_id, extracted_at FROM article_extractions"))

    with sw.open(store, readonly=False) as db:
        report = db.reextract()
    assert sorted(report.reextracted) == sorted([market, town])
    assert report.checked == 3 and not report.failures
    assert report.changes["event"].changed == 1 and report.changes["event"].added == 0
    assert report.changes["event"].removed == 0
    assert _records(store) == records  # every record came back with its id
    assert _rows(store, "SELECT killed_low FROM events WHERE id = ?", attack_id) == [(killed,)]
    assert {r[0] for r in _rows(store, "SELECT DISTINCT version FROM evidence WHERE article_id = ?", market)} != {"old"}
    assert dict(_rows(store, "SELECT article_id, extracted_at FROM article_extractions WHERE article_id = ?",
                      ids["market_followup.md"])) == {ids["market_followup.md"]: extracted_at[ids["market_followup.md"]]}
    # the incident is resolved again and keeps its id
    assert _rows(store, "SELECT event_id, incident_id FROM incident_events ORDER BY event_id") == incidents
    assert _run(store, "reextract").output.startswith("nothing to re-extract")


def test_all_extracts_every_article_and_the_cli_says_what_changed(store):
    records = _records(store)
    result = _run(store, "reextract", "--all")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"re-extracted 3 of 3 articles with extraction version {extraction_version()}: ")
    assert ", 0 changed, 0 added, 0 removed" in first
    assert _records(store) == records


def test_a_read_only_store_refuses(store):
    with sw.open(store) as db, pytest.raises(ShardwatchError, match="read-only"):
        db.reextract()


def test_an_article_the_cascade_kept_from_the_parser_waits_for_all(tmp_path):
    # A piece on the weather holds no cue of any record: the cascade stores it unparsed, an
    # ordinary reextract leaves it alone, and --all parses it. ("rain fell" would hold the
    # territory cue "fall", and the classifier of stage 2 passes that short sentence: 0.79.)
    report = tmp_path / "weather.txt"
    report.write_text("Heavy rain soaked the north of the country on Tuesday, and forecasters expect "
                      "a dry and sunny weekend in the capital.\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    assert _run(db, "ingest", str(report)).exit_code == 0
    assert _rows(db, "SELECT parsed FROM articles") == [(0,)]
    assert "nothing to re-extract" in _run(db, "reextract").output
    assert _rows(db, "SELECT parsed FROM articles") == [(0,)]
    assert _run(db, "reextract", "--all").exit_code == 0
    assert _rows(db, "SELECT parsed FROM articles") == [(1,)]


def test_processes_run_the_work_in_the_ingest_pool(store, tmp_path, monkeypatch):
    """`reextract -j 2` runs the per-article work (parsing and extraction) in ingest's pool of
    worker processes (``executor.run_local``), not in this process after spaCy's own workers:
    every extraction happens in a worker, and the records come back the same."""
    import os

    import shardwatch.executor as executor

    calls = tmp_path / "extract-pids"
    real_extract = executor.extract

    def extract_noting_pid(article, doc):  # the real extractor, noting which process ran it
        with calls.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real_extract(article, doc)

    monkeypatch.setattr(executor, "extract", extract_noting_pid)
    # chunks of one article, so that these three start the pool (below a chunk a worker they
    # would stay in this process)
    monkeypatch.setattr("shardwatch.reextract.CHUNK", 1, raising=False)
    records = _records(store)
    result = _run(store, "reextract", "--all", "-j", "2")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("re-extracted 3 of 3 articles")
    pids = calls.read_text(encoding="utf-8").split()
    assert len(pids) == 3 and str(os.getpid()) not in pids
    assert _records(store) == records
