"""The executors of the per-article work: a local pool of worker processes, and Ray.

Both must give what the in-process run gives: the same export of the sample reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import shardwatch.api as sw
from shardwatch.executor import AHEAD, process_articles, run_local
from shardwatch.ingest.clean import article_id
from shardwatch.types import Article, Extraction

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
# Sample reports where the corpus-wide resolution has work: two sources on one Fallujah
# incident, claims on one measure that disagree, three articles in one JSON Lines file, an
# HTML page and a .txt file with a sidecar.
SAMPLE = ["fallujah_levant_observer.md", "fallujah_meridian.md", "claims-foreign-fighters-2016.md",
          "claims-cia-estimate-2014.md", "claims-kurdish-estimate-2014.md", "wire_feed.jsonl",
          "mosul_victory.html", "nice_truck_attack_early.txt", "nice_one_year_on.md"]


def _article(text: str) -> Article:
    return Article(id=article_id(text), text=text, title=None, source=None, url=None, published=None)


def _sample(folder: Path) -> Path:
    folder.mkdir()
    for name in SAMPLE:
        for path in REPORTS.glob(name + "*"):  # the report and its sidecar
            shutil.copy(path, folder / path.name)
    # the same text again under another name: the first in input order wins, as locally
    shutil.copy(REPORTS / "fallujah_meridian.md", folder / "zz_fallujah_meridian_copy.md")
    return folder


def _ingest_and_export(db_path: Path, folder: Path, **options) -> tuple[sw.IngestReport, str]:
    with sw.open(db_path, readonly=False) as db:
        report = db.ingest([folder], **options)
        return report, db.export("jsonl").data


def test_the_cascade_runs_in_the_per_article_work():
    # Sentences written for this test: a match report and a sales figure hold no record.
    texts = ["The home side won the cup final 3-1 after extra time on Saturday.",
             "Shares in the carmaker rose after it reported higher sales in Europe."]
    results = process_articles([_article(t) for t in texts], cascade=True)
    assert [type(r) for r in results] == [Extraction, Extraction]
    assert [r.parsed for r in results] == [False, False]
    assert [r.article.text for r in results] == texts


@pytest.mark.model
def test_the_pool_streams_its_input_and_keeps_its_order():
    """The pool reads only a few chunks ahead of what it has handed back (memory flat with
    the corpus), and hands the results back in input order."""
    pulled = 0
    texts = [f"Market report number {i}: the index closed higher on strong trading." for i in range(400)]

    def articles():
        nonlocal pulled
        for text in texts:
            pulled += 1
            yield _article(text)

    stream = run_local(articles(), n_process=2, cascade=True, chunk_size=4)
    first = next(stream)
    # the chunks in flight (two a worker) and the one being filled, not the 400 articles
    assert pulled <= 2 * AHEAD * 4 + 4
    rest = list(stream)
    assert [r.article.text for r in [first, *rest]] == texts
    assert all(not r.parsed for r in [first, *rest])


@pytest.mark.model
def test_a_pool_of_workers_gives_the_in_process_export(tmp_path, monkeypatch):
    folder = _sample(tmp_path / "reports")
    one, one_export = _ingest_and_export(tmp_path / "one.db", folder, processes=1)
    # chunks of 2, so that these 11 articles start the pool (below 2 chunks a worker they would
    # stay in this process) and are dealt to both workers
    monkeypatch.setattr("shardwatch.pipeline.CHUNK", 2)
    two, two_export = _ingest_and_export(tmp_path / "two.db", folder, processes=2)
    assert len(one.added) == len(two.added) == 11 and len(one.skipped) == len(two.skipped) == 1
    assert one_export == two_export


@pytest.mark.model
def test_ray_keeps_its_own_log_lines_off_stderr(tmp_path):
    """`ingest --executor ray` starts its own Ray instance (before the module's Ray of the
    tests below starts) and prints only its own lines: none of Ray's start-up, Ray Data's plan
    or its C++ core's notices on stderr; --verbose lets them through."""
    pytest.importorskip("ray", reason="Ray is not installed: pip install 'shardwatch[ray]'")
    import subprocess
    import sys

    report = tmp_path / "report.txt"  # written for this test
    report.write_text("A car bomb killed 9 people at a checkpoint in Kirkuk on Sunday, police said.\n",
                      encoding="utf-8")
    script = Path(sys.executable).with_name("shardwatch")
    run = subprocess.run([str(script), "--db", str(tmp_path / "r.db"), "ingest", "--executor", "ray", "-j", "1",
                          str(report)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("added 1 articles (1 attack)")
    assert run.stderr == ""


@pytest.fixture(scope="module")
def local_ray():
    """A Ray instance on this machine for the module: two CPUs, no dashboard, a small object
    store (Ray's default takes 30% of the memory), nothing on the network."""
    ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'shardwatch[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=128 * 1024 * 1024,
             log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.model
def test_ray_gives_the_local_export(tmp_path, local_ray):
    folder = _sample(tmp_path / "reports")
    local, local_export = _ingest_and_export(tmp_path / "local.db", folder, processes=1)
    on_ray, ray_export = _ingest_and_export(tmp_path / "ray.db", folder, processes=2, executor="ray")
    assert sorted(on_ray.added) == sorted(local.added) and len(on_ray.added) == 11
    assert on_ray.skipped == local.skipped == (str(folder / "zz_fallujah_meridian_copy.md"),)
    assert on_ray.unparsed == local.unparsed
    assert on_ray.events_by_kind == local.events_by_kind
    assert ray_export == local_export
    # the records the corpus-wide resolution makes after the map are in both
    assert '"type": "incident"' in ray_export and '"type": "contradiction"' in ray_export
    # again: every article is known, read by the workers but neither parsed nor written
    again, _ = _ingest_and_export(tmp_path / "ray.db", folder, processes=2, executor="ray")
    assert again.added == () and len(again.skipped) == 12


def test_ray_cannot_read_standard_input(tmp_path, local_ray):
    with sw.open(tmp_path / "x.db", readonly=False) as db, pytest.raises(sw.ShardwatchError, match="standard input"):
        db.ingest(["-"], executor="ray")


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


@pytest.mark.model
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc (Linux)")
def test_the_workers_of_a_killed_ingest_end(tmp_path):
    """SIGKILL leaves the writer no time to stop its pool: the workers must notice and end
    rather than wait for work forever, holding the pipeline's memory."""
    import signal
    import subprocess
    import sys
    import time

    script = Path(sys.executable).with_name("shardwatch")
    proc = subprocess.Popen([str(script), "--db", str(tmp_path / "k.db"), "ingest", str(REPORTS), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        while proc.poll() is None and len(workers) < 2:  # 37 articles: more than 2 x 16 start the pool
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert proc.poll() is None, "the ingest ended before its pool started"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    for _ in range(600):  # a bound of a minute, not a measurement: each worker looks every second
        if not any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"
