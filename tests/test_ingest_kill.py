"""An ingest killed with SIGKILL (issue 15): the database stays whole, a re-run that finds nothing
new still finishes the resolution the killed run left, and the resumed run's export equals a
clean run's."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shardwatch.store import Store
from shardwatch.store.pending import pending_resolution

pytestmark = pytest.mark.model

SCRIPT = Path(sys.executable).with_name("shardwatch")
REPORTS = Path(__file__).resolve().parents[1] / "examples" / "reports"


def shardwatch(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SHARDWATCH_DEBUG", "SHARDWATCH_DB")}
    return subprocess.run([str(SCRIPT), "--db", str(db), *args], env=env, capture_output=True, text=True,
                          timeout=300)


def export(db: Path) -> list[str]:
    proc = shardwatch(db, "export", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return sorted(proc.stdout.splitlines())


def articles_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return 0


def kill_during_ingest(db: Path, *, after: int) -> int:
    """Start an ingest of the sample reports, two articles a transaction, and SIGKILL it once
    ``after`` articles are committed; returns how many there were when it died."""
    env = {k: v for k, v in os.environ.items() if k not in ("SHARDWATCH_DEBUG", "SHARDWATCH_DB")}
    proc = subprocess.Popen([str(SCRIPT), "--db", str(db), "ingest", str(REPORTS), "--batch-size", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None and articles_in(db) < after:
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return articles_in(db)


def per_article(con: sqlite3.Connection) -> dict[str, tuple[int, int, int]]:
    """Events, claims and quotes of every article (mentions grow at resolution: role
    descriptors such as "the group's spokesman" are added then)."""
    count = "(SELECT COUNT(*) FROM {} x WHERE x.article_id = a.id)"
    return {row[0]: tuple(row[1:]) for row in con.execute(
        "SELECT a.id, " + ", ".join(count.format(t) for t in ("events", "claims", "quotes"))
        + " FROM articles a")}


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> tuple[Path, list[str]]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = shardwatch(db, "ingest", str(REPORTS))
    assert proc.returncode == 0, proc.stderr
    return db, export(db)


def test_killed_ingest_leaves_whole_articles_and_the_resumed_run_equals_a_clean_run(tmp_path, clean):
    clean_db, clean_lines = clean
    with Store(clean_db, readonly=True) as store:
        total = len(store.articles())
    db = tmp_path / "killed.db"

    written = kill_during_ingest(db, after=6)

    assert 6 <= written < total
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = per_article(con)
    with sqlite3.connect(clean_db) as con:  # each article written holds all a clean run gives it
        assert kept == {a: n for a, n in per_article(con).items() if a in kept}

    resumed = shardwatch(db, "ingest", str(REPORTS))

    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith(f"added {total - written} articles")
    assert export(db) == clean_lines


def test_a_rerun_that_finds_nothing_new_finishes_the_resolution_a_killed_run_left(tmp_path):
    db = tmp_path / "killed.db"
    written = kill_during_ingest(db, after=6)
    with sqlite3.connect(db) as con:
        paths = [row[0] for row in con.execute("SELECT path FROM articles")]
        assert pending_resolution(con)["articles"] == written  # killed before resolution ran
    assert "resolution pending" in shardwatch(db, "status").stdout

    rerun = shardwatch(db, "ingest", *paths)  # every one of them already in the database

    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith(f"nothing new: {written} articles")
    with sqlite3.connect(db) as con:
        assert pending_resolution(con) == {"articles": 0, "events": 0}
    assert "resolution pending" not in shardwatch(db, "status").stdout
    fresh = tmp_path / "fresh.db"  # the same articles ingested by one uninterrupted run
    assert shardwatch(fresh, "ingest", *paths).returncode == 0
    assert export(db) == export(fresh)
