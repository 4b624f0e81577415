"""``shardwatch analyse``: every analysis from the database and from a file of values, as a table
and as JSON; bad input as one clear line."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from click.testing import CliRunner

from analyse_helpers import attacks_abroad
from shardwatch.analyse.hawkes import simulate_hawkes
from shardwatch.cli import cli, main
from shardwatch.errors import ShardwatchError
from shardwatch.ingest.values import read_monthly, read_numbers, read_times

ANALYSES = ["severity", "hawkes", "territory-vs-abroad", "pathways"]


@pytest.fixture
def db(tmp_db):
    attacks_abroad(tmp_db, [(dt.date(2016, 1, 1) + dt.timedelta(days=9 * i), float(1 + i % 7)) for i in range(12)])
    return tmp_db.path


@pytest.mark.parametrize("name", ANALYSES)
def test_every_analysis_has_help(name):
    result = CliRunner().invoke(cli, ["analyse", name, "--help"])
    assert result.exit_code == 0
    for option in ("--kind", "--country", "--since", "--until", "--format"):
        assert option in result.output


@pytest.mark.parametrize("name", ANALYSES)
def test_small_database_says_not_enough_data_in_table_and_json(db, name):
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", db, "analyse", name])
    assert table.exit_code == 0, table.output
    assert f"{name}: not enough data:" in table.output
    as_json = runner.invoke(cli, ["--db", db, "analyse", name, "--format", "json"])
    record = json.loads(as_json.output)
    assert record["analysis"] == name and record["enough_data"] is False and record["method"]
    assert record["note"].startswith("not enough data")


def test_severity_and_hawkes_from_the_database_name_their_records(db):
    runner = CliRunner()
    severity = json.loads(runner.invoke(cli, ["--db", db, "analyse", "severity", "--format", "json"]).output)
    assert severity["n"] == 12 and len(severity["record_ids"]) == 12
    hawkes = json.loads(runner.invoke(cli, ["--db", db, "analyse", "hawkes", "--format", "json",
                                            "--since", "2016-02-01"]).output)
    assert hawkes["events"] == sum(1 for i in range(12) if dt.date(2016, 1, 1) + dt.timedelta(days=9 * i)
                                   >= dt.date(2016, 2, 1))


def test_severity_from_a_file_of_values(tmp_path):
    rng = np.random.default_rng(4)
    tolls = np.floor(4.5 * (1 - rng.random(400)) ** (-1 / 1.5) + 0.5)
    path = tmp_path / "deaths.txt"
    path.write_text("# deaths per attack\n" + "\n".join(str(int(t)) for t in tolls) + "\n")
    result = CliRunner().invoke(cli, ["analyse", "severity", "--values", str(path), "--bootstrap", "60",
                                      "--gof-reps", "20", "--format", "json"])
    record = json.loads(result.output)
    assert record["n"] == 400 and record["enough_data"]
    assert record["alpha"]["low"] <= 2.5 <= record["alpha"]["high"]
    table = CliRunner().invoke(cli, ["analyse", "severity", "--values", str(path), "--bootstrap", "5",
                                     "--gof-reps", "0"])
    assert "alpha (power-law exponent)" in table.output and "(95%)" in table.output


def test_hawkes_and_territory_from_files(tmp_path):
    times = simulate_hawkes(0.5, 0.5, 1.0, 120.0, np.random.default_rng(9))
    path = tmp_path / "times.txt"
    path.write_text("\n".join(f"{t:.4f}" for t in times))
    record = json.loads(CliRunner().invoke(cli, ["analyse", "hawkes", "--values", str(path), "--format", "json"]).output)
    assert record["events"] == len(times) and record["branching_ratio"]["level"] == 0.95
    rows = ["month,losses,directed,inspired"] + [f"{2015 + i // 12}-{i % 12 + 1:02d},{i % 4},{i % 2},{(i + 1) % 3}"
                                                  for i in range(30)]
    csv_path = tmp_path / "monthly.csv"
    csv_path.write_text("\n".join(rows))
    out = CliRunner().invoke(cli, ["analyse", "territory-vs-abroad", "--values", str(csv_path), "--reps", "20"])
    assert out.exit_code == 0, out.output
    assert "territory-vs-abroad: 30 months, 45 attacks abroad" in out.output
    assert "rate ratio per loss, lag 1" in out.output


def test_values_files_are_checked(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("12\nmany\n")
    with pytest.raises(ShardwatchError, match="bad.txt:2: 'many' is not a number"):
        read_numbers(bad)
    csv_path = tmp_path / "d.csv"
    csv_path.write_text("date,killed\n2016-01-01,4\n2016-02-01,1,234\n")
    assert read_numbers(csv_path) == [4.0, 1.0]
    days = tmp_path / "days.txt"
    days.write_text("2016-01-03\n2016-01-01\n")
    assert read_times(days) == ([0.0, 2.0], dt.date(2016, 1, 1))
    months = tmp_path / "m.csv"
    months.write_text("month,losses,abroad\n2016-02,1,2\n2016-01,0,1\n")
    with pytest.raises(ShardwatchError, match="in order"):
        read_monthly(months)


def test_bad_input_is_one_line(tmp_path, db, capsys, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_text("12\nmany\n")
    for argv, needle in ((["analyse", "severity", "--values", str(bad)],
                          f"error: {bad}:2: 'many' is not a number"),
                         (["--db", db, "analyse", "territory-vs-abroad", "--kind", "territory"],
                          "error: territory-vs-abroad counts attacks, not territory events"),
                         (["--db", db, "analyse", "pathways", "--country", "FRA"],
                          "Error: Invalid value for --country: 'FRA' is not a two-letter country code")):
        monkeypatch.setattr("sys.argv", ["shardwatch", *argv])
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code != 0
        err = capsys.readouterr().err.strip()
        assert "Traceback" not in err and err.splitlines()[-1] == needle
