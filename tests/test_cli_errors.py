"""The command line on bad input: clear one-line errors, non-zero exits, no tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shardwatch.cli import cli
from shardwatch.errors import StoreError
from shardwatch.store import Store

SCRIPT = Path(sys.executable).with_name("shardwatch")


def run_script(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SHARDWATCH_DEBUG", "SHARDWATCH_DB")}
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=env, input=stdin, capture_output=True,
                          text=True, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]
    return lines[0]


@pytest.fixture
def runner():
    return CliRunner()


def test_script_is_installed():
    assert SCRIPT.exists()


def test_group_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for name in cli.commands:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(cli.commands))
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help(runner, name, flag):
    result = runner.invoke(cli, [name, flag])
    assert result.exit_code == 0, result.output
    assert f"Usage: cli {name}" in result.output or f"Usage: shardwatch {name}" in result.output
    assert "Options:" in result.output


def test_commands_are_the_documented_ones():
    assert set(cli.commands) >= {"ingest", "status", "articles", "events", "search", "export", "brief", "roles"}


@pytest.mark.parametrize(
    "args",
    [["status"], ["articles"], ["events"], ["events", "--kind", "attack"], ["search", "bomb"], ["export"],
     ["brief", "--out", "briefdir"]],
)
def test_missing_database_is_one_line(tmp_path, args):
    proc = run_script("--db", "missing.db", *args, cwd=tmp_path)
    assert proc.returncode == 1
    line = assert_one_line_error(proc, "error: no database at missing.db", "shardwatch ingest")
    assert line.startswith("error: ")
    assert proc.stdout == ""
    assert not (tmp_path / "missing.db").exists()  # a listing never creates the database
    assert not (tmp_path / "briefdir").exists()


def test_missing_database_in_process(runner, tmp_path):
    result = runner.invoke(cli, ["--db", str(tmp_path / "missing.db"), "events"])
    assert result.exit_code == 1
    assert isinstance(result.exception, StoreError)
    assert "no database at" in str(result.exception)


def test_database_from_environment(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SHARDWATCH_DEBUG"}
    env["SHARDWATCH_DB"] = "from-env.db"
    proc = subprocess.run([str(SCRIPT), "status"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert_one_line_error(proc, "no database at from-env.db")


def test_corrupt_database_is_one_line(tmp_path):
    (tmp_path / "junk.db").write_bytes(b"not a database at all\n" * 500)
    proc = run_script("--db", "junk.db", "status", cwd=tmp_path)
    assert proc.returncode == 1
    assert_one_line_error(proc, "error: cannot open database junk.db")


def test_bad_search_query_is_one_line(tmp_path):
    Store(tmp_path / "empty.db").close()
    proc = run_script("--db", "empty.db", "search", 'concert OR', cwd=tmp_path)
    assert proc.returncode == 1
    assert_one_line_error(proc, "error: bad search query")


def test_debug_env_keeps_library_errors_one_line(tmp_path):
    # the library's own errors stay one line even with SHARDWATCH_DEBUG set
    env = {**os.environ, "SHARDWATCH_DEBUG": "1"}
    proc = subprocess.run([str(SCRIPT), "--db", "missing.db", "status"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert_one_line_error(proc, "no database at")


def test_since_not_a_date(runner, tmp_path):
    Store(tmp_path / "x.db").close()
    result = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "events", "--since", "notadate"])
    assert result.exit_code == 2
    assert "Invalid value for '--since'" in result.stderr
    assert "'notadate' is not a date in YYYY-MM-DD form" in result.stderr
    assert result.stdout == ""


def test_until_not_a_date_script(tmp_path):
    proc = run_script("--db", "x.db", "articles", "--until", "2016-13-40", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "'2016-13-40' is not a date in YYYY-MM-DD form" in proc.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["events", "--kind", "riot"], "Invalid value for '--kind'"),
     (["events", "--limit", "0"], "Invalid value for '--limit'"),
     (["events", "--format", "xml"], "Invalid value for '--format'"),
     (["nosuchcommand"], "No such command")],
)
def test_bad_options(runner, tmp_path, args, needle):
    result = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 2
    assert needle in result.stderr


def test_ingest_requires_a_path(runner, tmp_path):
    result = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest"])
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_roles_bad_input_is_one_line(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"doc_id": "1", "text": "A bomb."}\n{"text": "no id"}\n', encoding="utf-8")
    proc = run_script("roles", "in.jsonl", "--out", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert_one_line_error(proc, "error: in.jsonl:2: expected a JSON object with doc_id and text")
    assert not (tmp_path / "out.jsonl").exists()


def test_roles_missing_infile(runner, tmp_path):
    result = runner.invoke(cli, ["roles", str(tmp_path / "nope.jsonl"), "--out", "-"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.model
def test_ingest_folder_of_only_a_binary_file(runner, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    binary = folder / "dump.txt"
    binary.write_bytes(b"\x00\x01\x02garbage\x00" * 10)
    result = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest", str(folder)])
    assert result.exit_code == 1, result.output
    assert f"error: {binary}: binary file (contains NUL bytes), not text" in result.stderr
    assert "1 source(s) failed" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.model
def test_ingest_failure_exit_status_of_installed_script(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "dump.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 10)
    proc = run_script("--db", "x.db", "ingest", "reports", cwd=tmp_path)
    assert "dump.txt: binary file" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1
