"""The trend analyses over HTTP: /api/v1/analyses/..., their filters, the one error shape, OpenAPI."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from analyse_helpers import attacks_abroad
from shardwatch.serve.api import create_app

ERROR_KEYS = {"ok", "status", "error", "details"}
NAMES = ["severity", "hawkes", "territory-vs-abroad", "pathways"]


@pytest.fixture
def client(tmp_db):
    rows = [(dt.date(2016, 1, 1) + dt.timedelta(days=3 * i), float(1 + (i * 7) % 40)) for i in range(60)]
    attacks_abroad(tmp_db, rows)
    return TestClient(create_app(tmp_db.path))


@pytest.mark.parametrize("name", NAMES)
def test_every_analysis_answers_with_method_note_and_records(client, name):
    body = client.get(f"/api/v1/analyses/{name}").json()
    assert body["ok"] is True and body["analysis"] == name
    assert body["method"] and body["note"] and isinstance(body["record_ids"], list)
    assert isinstance(body["enough_data"], bool)


def test_severity_over_http_gives_intervals_and_follows_filters(client):
    body = client.get("/api/v1/analyses/severity?bootstrap=20&gof_reps=10&size=30").json()
    assert body["enough_data"] and body["n"] == 60 and len(body["record_ids"]) == 60
    assert body["alpha"]["low"] < body["alpha"]["high"] and body["alpha"]["level"] == 0.95
    assert body["tail"]["size"] == 30
    later = client.get("/api/v1/analyses/severity?since=2016-04-01&bootstrap=0&gof_reps=0").json()
    assert later["n"] == sum(1 for i in range(60) if dt.date(2016, 1, 1) + dt.timedelta(days=3 * i) >= dt.date(2016, 4, 1))
    assert later["enough_data"] is False
    assert client.get("/api/v1/analyses/hawkes?country=DE").json()["events"] == 0


@pytest.mark.parametrize(("url", "needle"), [
    ("/api/v1/analyses/severity?since=2016-13-01", "query.since"),
    ("/api/v1/analyses/hawkes?colour=red", "unknown parameter"),
    ("/api/v1/analyses/severity?bootstrap=5000", "query.bootstrap"),
    ("/api/v1/analyses/territory-vs-abroad?lag=13", "query.lag"),
    ("/api/v1/analyses/territory-vs-abroad?losses=rumour", "query.losses"),
    ("/api/v1/analyses/territory-vs-abroad?kind=territory", "query.kind"),
    ("/api/v1/analyses/pathways?country=FRA", "query.country"),
])
def test_bad_requests_have_the_one_error_shape(client, url, needle):
    response = client.get(url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False
    assert needle in body["error"] or any(needle in str(d) for d in body["details"])


def test_openapi_lists_the_analyses(client):
    paths = client.get("/openapi.json").json()["paths"]
    for name in NAMES:
        route = paths[f"/api/v1/analyses/{name}"]["get"]
        assert route["tags"] == ["analyses"] and route["summary"]
    params = {p["name"] for p in paths["/api/v1/analyses/territory-vs-abroad"]["get"]["parameters"]}
    assert params == {"kind", "country", "since", "until", "losses", "lag", "reps"}
