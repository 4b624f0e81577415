"""One code path, two engines: the sample reports ingested into SQLite and into PostgreSQL give
the same export, line for line (articles, events, claims, quotes, incidents, contradictions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.store import Store

REPORTS = Path(__file__).resolve().parents[1] / "examples" / "reports"
pytestmark = pytest.mark.model


def _ingest_and_export(db: str) -> list[str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "ingest", "-j", "1", str(REPORTS)])
    assert result.exit_code == 0, result.output
    export = runner.invoke(cli, ["--db", db, "export", "--format", "jsonl"])
    assert export.exit_code == 0, export.output
    return export.output.splitlines()


def test_sample_reports_export_the_same_from_sqlite_and_postgres(tmp_path, postgres_url):
    on_sqlite = _ingest_and_export(str(tmp_path / "sample.db"))
    on_postgres = _ingest_and_export(postgres_url)
    kinds = {line.split('"type": "')[1].split('"')[0] for line in on_sqlite}
    assert {"article", "event", "incident", "claim"} <= kinds  # the comparison covers every record type that matters
    assert len(on_postgres) == len(on_sqlite)
    for mine, theirs in zip(on_postgres, on_sqlite):
        assert mine == theirs
    # and both engines read the same store the same way through the listings
    runner = CliRunner()
    for listing in (["events", "--format", "json"], ["incidents", "--format", "json"]):
        assert (runner.invoke(cli, ["--db", postgres_url, *listing]).output
                == runner.invoke(cli, ["--db", str(tmp_path / "sample.db"), *listing]).output), listing
    # search: the same articles (ranks and snippets are each engine's own: bm25 / ts_rank)
    for query in ("Mosul", "al-Baghdadi", '"foreign fighters"', "Raqqa NOT Mosul", "caliph*"):
        found = []
        for db in (postgres_url, str(tmp_path / "sample.db")):
            with Store(db, readonly=True) as store:
                found.append(sorted(article.id for article, _ in store.search(query, limit=100)))
        assert found[0] == found[1] and found[0], query
