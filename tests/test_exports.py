"""Exports on the hand-made database: CSV and Parquet load with pandas, GeoJSON is valid, and
the ACLED and GTD layouts carry those datasets' columns and categories."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

import dashboard_fixture
from shardwatch.cli import cli
from shardwatch.errors import ShardwatchError
from shardwatch.present.exports import ACLED_COLUMNS, GTD_COLUMNS
from shardwatch.present.records import EVENT_CSV_COLUMNS


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return dashboard_fixture.build(tmp_path_factory.mktemp("exports") / "fixture.db")


def export(db, tmp_path, fmt, layout="native"):
    out = tmp_path / f"events-{layout}.{fmt}"
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", fmt, "--layout", layout, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(("layout", "columns", "rows"), [
    ("native", EVENT_CSV_COLUMNS, 6), ("acled", ACLED_COLUMNS, 6), ("gtd", GTD_COLUMNS, 5)])
def test_csv_and_parquet_load_with_pandas_and_agree(db, tmp_path, layout, columns, rows):
    from_csv = pd.read_csv(export(db, tmp_path, "csv", layout))
    from_parquet = pd.read_parquet(export(db, tmp_path, "parquet", layout))
    assert list(from_csv.columns) == columns == list(from_parquet.columns)
    assert len(from_csv) == rows == len(from_parquet)
    key = {"native": "id", "acled": "shardwatch_id", "gtd": "shardwatch_id"}[layout]
    assert list(from_csv[key]) == list(from_parquet[key])


def test_script_text_stays_data_in_csv(db, tmp_path):
    frame = pd.read_csv(export(db, tmp_path, "csv"))
    arish = frame[frame["id"] == "ev-arish"].iloc[0]
    assert arish["evidence"] == dashboard_fixture.SCRIPT_SENTENCE


def test_geojson_is_a_feature_collection_of_lon_lat_points(db, tmp_path):
    collection = json.loads(export(db, tmp_path, "geojson").read_text())
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["id"]: f for f in collection["features"]}
    assert set(features) == {"ev-nice", "ev-istanbul", "ev-baghdad", "ev-fallujah", "ev-arish"}  # undated has no place
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert features["ev-nice"]["geometry"]["coordinates"] == [7.2661, 43.7031]  # lon first


def test_geojson_in_the_acled_layout(db, tmp_path):
    collection = json.loads(export(db, tmp_path, "geojson", "acled").read_text())
    props = {f["properties"]["shardwatch_id"]: f["properties"] for f in collection["features"]}
    assert props["ev-istanbul"]["latitude"] == 41.0138 and props["ev-istanbul"]["country"] == "Turkey"


def test_acled_categories(db, tmp_path):
    frame = pd.read_csv(export(db, tmp_path, "csv", "acled")).set_index("shardwatch_id")
    nice = frame.loc["ev-nice"]
    assert (nice["event_type"], nice["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert nice["civilian_targeting"] == "Civilian targeting" and nice["actor2"] == "Civilians (France)"
    assert nice["fatalities"] == 84 and nice["iso"] == 250 and nice["region"] == "Europe"
    assert nice["event_date"] == "2016-07-14" and nice["time_precision"] == 1 and nice["inter1"] == 2
    baghdad = frame.loc["ev-baghdad"]
    assert (baghdad["event_type"], baghdad["sub_event_type"]) == ("Explosions/Remote violence",
                                                                  "Remote explosive/landmine/IED")
    assert baghdad["region"] == "Middle East"
    fallujah = frame.loc["ev-fallujah"]
    assert (fallujah["event_type"], fallujah["sub_event_type"]) == ("Battles", "Government regains territory")
    assert fallujah["actor1"] == "Iraqi security forces" and fallujah["inter1"] == 1
    assert fallujah["actor2"] == "Islamic State" and fallujah["interaction"] == 12


def test_gtd_categories_and_attacks_only(db, tmp_path):
    frame = pd.read_csv(export(db, tmp_path, "csv", "gtd")).set_index("shardwatch_id")
    assert "ev-fallujah" not in frame.index  # the GTD records attacks only
    nice = frame.loc["ev-nice"]
    assert (nice["iyear"], nice["imonth"], nice["iday"]) == (2016, 7, 14)
    assert nice["eventid"] == 201607140001
    assert (nice["attacktype1"], nice["attacktype1_txt"]) == (8, "Unarmed Assault")
    assert nice["weaptype1"] == 10 and nice["weaptype1_txt"].startswith("Vehicle")
    assert nice["gname"] == "Islamic State of Iraq and the Levant (ISIL)"
    assert nice["nkill"] == 84 and nice["region"] == 8 and nice["region_txt"] == "Western Europe"
    assert nice["country_txt"] == "France" and nice["specificity"] == 1
    assert nice["scite1"].startswith("Test Wire, \"Lorry attack in Nice\", 2016-07-15")
    undated = frame.loc["ev-undated"]
    assert undated["imonth"] == 0 and undated["iday"] == 0 and undated["gname"] == "Unknown"
    assert frame.loc["ev-arish"]["claimed"] == 1


def test_jsonl_keeps_the_line_format(db):
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", "jsonl"])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["type"] for line in lines].count("article") == 6
    assert [line["type"] for line in lines].count("event") == 6


def test_parquet_needs_a_file_and_jsonl_has_no_layout(db):
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", "parquet"])
    assert isinstance(result.exception, ShardwatchError) and "--out" in str(result.exception)
    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", "jsonl", "--layout", "gtd"])
    assert isinstance(result.exception, ShardwatchError) and "layout" in str(result.exception)
