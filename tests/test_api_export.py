"""GET /api/v1/export: the dashboard's download is the CLI's export of the events (or incidents)
the filters keep, so the formats are one (issue 14)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

import dashboard_fixture
import shardwatch.api as sw
from shardwatch.serve.api import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return dashboard_fixture.build(tmp_path_factory.mktemp("export") / "fixture.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def test_csv_holds_the_filtered_events_as_the_cli_writes_them(client, db):
    response = client.get("/api/v1/export?format=csv&country=iq")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="shardwatch-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["id"] for r in rows) == ["ev-baghdad", "ev-fallujah"]
    with sw.open(db) as store:
        assert response.text == store.export("csv", country="IQ").data
    attacks = list(csv.DictReader(io.StringIO(client.get("/api/v1/export?format=csv&country=IQ&kind=attack").text)))
    assert [r["id"] for r in attacks] == ["ev-baghdad"]
    dated = list(csv.DictReader(io.StringIO(client.get("/api/v1/export?since=2016-07-01&until=2016-12-31").text)))
    assert sorted(r["id"] for r in dated) == ["ev-arish", "ev-baghdad", "ev-nice"]


def test_geojson_is_a_feature_collection_of_the_filtered_events(client):
    response = client.get("/api/v1/export?format=geojson&kind=attack&since=2016-07-01")
    assert response.status_code == 200
    collection = json.loads(response.text)
    assert collection["type"] == "FeatureCollection"
    by_id = {f["properties"]["id"]: f for f in collection["features"]}
    assert sorted(by_id) == ["ev-arish", "ev-baghdad", "ev-istanbul", "ev-nice"]
    assert by_id["ev-nice"]["geometry"] == {"type": "Point", "coordinates": [7.2661, 43.7031]}


def test_export_refuses_what_it_cannot_do_in_the_one_error_shape(client):
    for query in ("format=parquet", "country=FRA", "kind=riot", "colour=red", "table=incidents&layout=acled"):
        response = client.get(f"/api/v1/export?{query}")
        assert response.status_code == 422, query
        assert set(response.json()) == {"ok", "status", "error", "details"} and response.json()["ok"] is False


def test_the_cli_export_takes_the_same_filters(client, db):
    from click.testing import CliRunner

    from shardwatch.cli import cli

    result = CliRunner().invoke(cli, ["--db", db, "export", "--format", "csv", "--country", "iq", "--kind", "attack"])
    assert result.exit_code == 0, result.output
    assert result.output == client.get("/api/v1/export?format=csv&country=IQ&kind=attack").text
    assert [r["id"] for r in csv.DictReader(io.StringIO(result.output))] == ["ev-baghdad"]
