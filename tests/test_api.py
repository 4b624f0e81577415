"""The HTTP API on a small hand-made database: routes, filters, pagination, the one error shape,
tokens, optional record kinds, and reads while an ingest writes."""

from __future__ import annotations

import re
import sqlite3
import time

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import dashboard_fixture
from shardwatch.cli import cli
from shardwatch.errors import ShardwatchError
from shardwatch.present import capabilities as caps
from shardwatch.serve.api import MAX_PAGE, create_app
from shardwatch.serve.validation import MAX_OFFSET
from shardwatch.store import Store

ERROR_KEYS = {"ok", "status", "error", "details"}
ROUTES = ["articles", "events", "incidents", "claims", "quotes", "indicators", "contradictions"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return dashboard_fixture.build(tmp_path_factory.mktemp("api") / "fixture.db")


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db))


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def assert_error(response, status: int, *needles: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and "\n" not in body["error"]
    for needle in needles:
        assert needle in body["error"] or any(needle in str(d) for d in body["details"]), body
    return body


@pytest.mark.parametrize("route", ROUTES)
def test_every_listing_answers_a_page(client, route):
    body = client.get(f"/api/v1/{route}").json()
    assert body["ok"] is True
    assert set(body) >= {"items", "count", "limit", "offset", "next_offset", "available"}
    assert body["count"] == len(body["items"])


def test_events_in_the_line_format_with_evidence(client):
    events = {e["id"]: e for e in client.get("/api/v1/events").json()["items"]}
    assert set(events) == {"ev-nice", "ev-istanbul", "ev-baghdad", "ev-fallujah", "ev-arish", "ev-undated"}
    nice = events["ev-nice"]
    assert nice["type"] == "event" and nice["kind"] == "attack" and nice["link"] == "inspired"
    assert nice["place"]["country"] == "FR" and nice["killed"] == 84
    assert nice["evidence"][0]["text"].startswith("A man drove a lorry")


@pytest.mark.parametrize(("query", "expected"), [
    ("country=FR", ["ev-nice"]),
    ("country=iq", ["ev-fallujah", "ev-baghdad"]),
    ("kind=territory", ["ev-fallujah"]),
    ("since=2016-07-01&until=2016-12-31", ["ev-baghdad", "ev-nice", "ev-arish"]),
    ("since=2017-01-01", ["ev-istanbul"]),
    ("actor=iraqi-forces", ["ev-fallujah"]),
    ("actor=Islamic%20State&country=TR", ["ev-istanbul"]),
])
def test_event_filters(client, query, expected):
    assert ids(client.get(f"/api/v1/events?{query}")) == expected


def test_pagination_walks_every_event_once(client):
    seen, offset = [], 0
    while offset is not None:
        body = client.get(f"/api/v1/events?limit=2&offset={offset}").json()
        assert body["count"] <= 2
        seen += [e["id"] for e in body["items"]]
        offset = body["next_offset"]
    assert seen == ids(client.get("/api/v1/events"))
    assert len(seen) == 6


def test_articles_filters_and_one_article_with_spans(client):
    assert ids(client.get("/api/v1/articles?since=2016-10-01")) == ["art-arish", "art-istanbul"]
    body = client.get("/api/v1/articles/art-nice").json()
    text = body["article"]["text"]
    assert body["article"]["title"] == "Lorry attack in Nice"
    [span] = body["spans"]
    assert span["record_type"] == "event" and span["record_id"] == "ev-nice"
    assert text[span["start"]:span["end"]] == span["text"]


def test_search(client):
    body = client.get("/api/v1/search?q=lorry").json()
    assert [a["id"] for a in body["items"]] == ["art-nice"]
    assert "[lorry]" in body["items"][0]["snippet"]
    assert_error(client.get("/api/v1/search"), 422, "query.q")


@pytest.mark.parametrize("q", ["%22lorry", "lorry%5D", "(lorry", "lorry%20%22", "lorry*%2B"])
def test_search_text_that_is_not_fts5_syntax_is_searched_as_plain_words(client, q):
    """Every string the schema allows is answered: not FTS5 syntax, it is searched word for word."""
    assert ids(client.get(f"/api/v1/search?q={q}")) == ["art-nice"]


def test_search_of_punctuation_alone_finds_nothing(client):
    assert ids(client.get("/api/v1/search?q=%22%20%5D")) == []


def test_timeline_counts_losses_and_attacks_abroad_by_link(client):
    body = client.get("/api/v1/timeline").json()
    months = body["months"]
    assert months[0] == "2016-06" and months[-1] == "2017-01" and len(months) == 8
    series = {name: dict(zip(months, values)) for name, values in body["series"].items()}
    assert series["territory_lost"]["2016-06"] == 1
    assert series["inspired"]["2016-07"] == 1  # Nice; Baghdad is in Iraq and not abroad
    assert series["enabled"]["2017-01"] == 1
    assert series["unknown"]["2016-10"] == 1  # claimed only counts as unknown
    assert sum(sum(v) for v in body["series"].values()) == 4
    assert body["records"]["territory_lost"]["2016-06"] == [["ev-fallujah"]]
    assert body["left_out"] == 0


@pytest.mark.parametrize("route", ["incidents", "claims", "quotes", "indicators", "contradictions"])
def test_optional_kinds_are_empty_and_marked_when_the_store_lacks_them(client, db, route):
    with Store(db, readonly=True) as store:
        present = caps.available(store)[route]
    body = client.get(f"/api/v1/{route}").json()
    assert body["available"] is present
    if not present:
        assert body["items"] == [] and body["next_offset"] is None


def test_optional_kind_is_used_once_the_store_has_it(tmp_path, monkeypatch):
    """With a claims table and a Store.claims method, /claims lists what the method returns."""
    path = dashboard_fixture.build(tmp_path / "claims.db")
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY)")
    seen_filters = []

    def claims(self, filters):
        seen_filters.append(filters)
        return [{"id": "c1", "measure": "fighters_remaining", "value": 15000, "claimant": {"name": "officials"}}]

    monkeypatch.setattr(Store, "claims", claims, raising=False)
    client = TestClient(create_app(path))
    body = client.get("/api/v1/claims?country=IQ").json()
    assert body["available"] is True
    assert body["items"] == [{"type": "claim", "id": "c1", "measure": "fighters_remaining", "value": 15000,
                              "claimant": {"name": "officials"}}]
    assert seen_filters[0].country == "IQ"
    assert client.get("/api/v1/meta").json()["available"]["claims"] is True


@pytest.mark.parametrize(("url", "status", "needle"), [
    ("/api/v1/events?since=2016-02-30", 422, "query.since"),
    ("/api/v1/events?until=yesterday", 422, "query.until"),
    ("/api/v1/events?colour=red", 422, "unknown parameter"),
    ("/api/v1/articles?country=FR", 422, "unknown parameter"),
    (f"/api/v1/events?limit={MAX_PAGE + 1}", 422, "query.limit"),
    ("/api/v1/events?limit=0", 422, "query.limit"),
    ("/api/v1/events?offset=-1", 422, "query.offset"),
    ("/api/v1/events?kind=picnic", 422, "query.kind"),
    ("/api/v1/events?country=FRA", 422, "query.country"),
    ("/api/v1/claims?since=2016-99-01", 422, "query.since"),
    ("/api/v1/articles/no-such-article", 404, "no article"),
    ("/api/v1/no-such-route", 404, "not found"),
    ("/nothing-here", 404, "not found"),
])
def test_one_error_shape(client, url, status, needle):
    assert_error(client.get(url), status, needle)


def test_wrong_method_has_the_error_shape(client):
    assert_error(client.post("/api/v1/events"), 405, "method not allowed")


def test_as_of_leaves_out_later_reports(client):
    response = client.get("/api/v1/events?as_of=2016-12-31")
    assert response.status_code == 200
    assert "ev-istanbul" not in ids(response)
    # articles: as_of is a publication cut-off, always available
    assert ids(client.get("/api/v1/articles?as_of=2016-07-01")) == ["art-fallujah"]


def test_openapi_lists_every_route_and_docs_are_offline(client):
    spec = client.get("/openapi.json").json()
    for route in [*ROUTES, "search", "timeline", "articles/{article_id}"]:
        assert f"/api/v1/{route}" in spec["paths"], route
    params = {p["name"] for p in spec["paths"]["/api/v1/events"]["get"]["parameters"]}
    assert params == {"since", "until", "country", "actor", "kind", "as_of", "limit", "offset"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text


def test_dashboard_and_its_assets_are_served_without_outside_resources(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text and 'id="timeline"' in page.text
    for asset in ("app.js", "map.js", "style.css"):
        body = client.get(f"/static/{asset}").text
        # the SVG namespace is a name, not a resource that is fetched
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", body), asset
    assert "innerHTML" not in client.get("/static/app.js").text + client.get("/static/map.js").text
    geo = client.get("/api/v1/geo/countries").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) > 150
    names = {f["properties"]["name"] for f in geo["features"]}
    assert {"Iraq", "Syria", "France", "Turkey"} <= names


def test_token_is_required_on_every_request(db):
    client = TestClient(create_app(db, token="s3cret"))
    for url in ("/", "/api/v1/events", "/openapi.json", "/static/app.js"):
        assert_error(client.get(url), 401, "token")
    assert_error(client.get("/api/v1/events", headers={"Authorization": "Bearer wrong"}), 401, "token")
    assert client.get("/api/v1/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    # a browser opens /?token=... once, gets a cookie, and is sent to / without the token in the address
    first = client.get("/?token=s3cret", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    assert client.get("/api/v1/meta").status_code == 200


def test_reads_go_on_while_an_ingest_holds_the_write_lock(tmp_path):
    path = dashboard_fixture.build(tmp_path / "busy.db")
    client = TestClient(create_app(path))
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO articles (id, published_precision, published_from, text, ingested_at) "
                       "VALUES ('art-new', 'unknown', 'none', 'new text', 'now')")
        started = time.monotonic()
        assert len(ids(client.get("/api/v1/articles"))) == 6  # the last committed state
        assert time.monotonic() - started < 5
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert len(ids(client.get("/api/v1/articles"))) == 7


def test_serve_refuses_other_addresses_without_a_token(db, monkeypatch):
    monkeypatch.delenv("SHARDWATCH_TOKEN", raising=False)
    result = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0"])
    assert result.exit_code != 0
    assert isinstance(result.exception, ShardwatchError)
    assert "needs a token" in str(result.exception)


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert isinstance(result.exception, ShardwatchError)
    assert "no database" in str(result.exception)


def test_records_as_dataclasses_become_line_format_dicts(tmp_path, monkeypatch):
    """A Store method returning frozen dataclasses (as the stages do) is served in the export line format."""
    from shardwatch.types import Claimant, Evidence, Quote

    evidence = Evidence("art-nice", 0, 12, "We will win.", "quotes", "1")
    quote = Quote("q1", "art-nice", Claimant("Brett McGurk", "U.S. envoy", "person", None), "We will win.", True,
                  (evidence,))
    path = dashboard_fixture.build(tmp_path / "quotes.db")
    monkeypatch.setattr(Store, "quotes", lambda self, filters: [quote])
    body = TestClient(create_app(path)).get("/api/v1/quotes").json()
    assert body["items"] == [{
        "type": "quote", "id": "q1", "speaker": {"name": "Brett McGurk", "role": "U.S. envoy", "kind": "person", "id": None},
        "text": "We will win.", "direct": True, "article_id": "art-nice",
        "evidence": [{"article_id": "art-nice", "start": 0, "end": 12, "text": "We will win.", "extractor": "quotes/1"}],
    }]


def test_article_spans_include_every_record_type(tmp_path):
    """Claims and quotes keep their evidence in the same table; the article route shows them all."""
    path = dashboard_fixture.build(tmp_path / "spans.db")
    with Store(path) as store:
        text = store.article("art-nice").text
    start = text.index("Prosecutors said")
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO evidence VALUES ('claim', 'c9', 0, 'art-nice', ?, ?, ?, 'claims', '1')",
                    (start, len(text), text[start:]))
    spans = TestClient(create_app(path)).get("/api/v1/articles/art-nice").json()["spans"]
    assert [(s["record_type"], s["record_id"]) for s in spans] == [("event", "ev-nice"), ("claim", "c9")]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


def _claim(claim_id: str, measure: str, low: float):
    from shardwatch.types import Claim, Claimant, Evidence

    return Claim(claim_id, "art-nice", measure, "fighters", low, low, "people", None, str(int(low)), None, "unknown",
                 Claimant("Brett McGurk", "U.S. envoy", "person"), (Evidence("art-nice", 0, 5, "text.", "claims", "1"),))


def test_claims_and_indicators_filter_by_measure(tmp_path):
    path = dashboard_fixture.build(tmp_path / "claims.db")
    with Store(path) as store:  # two claims of an article already held, stored as ingest stores them
        with store.transaction():
            for claim in (_claim("c1", "fighters_remaining", 15000), _claim("c2", "foreign_fighters_returned", 5600)):
                store._insert_claim(claim)
    client = TestClient(create_app(path))
    body = client.get("/api/v1/claims?measure=foreign_fighters_returned").json()
    assert [(c["id"], c["value"]) for c in body["items"]] == [("c2", 5600)]
    series = client.get("/api/v1/indicators?measure=fighters_remaining").json()["items"]
    assert [(i["measure"], [c["claim_id"] for c in i["claims"]]) for i in series] == [("fighters_remaining", ["c1"])]
    error = client.get("/api/v1/claims?measure=fighters_on_mars").json()
    assert (error["ok"], error["status"], error["details"][0]["location"]) == (False, 422, "query.measure")


def test_incidents_min_sources_is_validated(client):
    assert client.get("/api/v1/incidents?min_sources=2").json()["ok"] is True
    error = client.get("/api/v1/incidents?min_sources=0").json()
    assert (error["status"], error["details"][0]["location"]) == (422, "query.min_sources")


BIG = 9_223_372_036_854_775_807  # SQLite's largest integer


@pytest.mark.parametrize("url", [
    f"/api/v1/events?offset={BIG}",
    f"/api/v1/articles?offset={BIG}",
    f"/api/v1/search?q=a&offset={BIG}",
    f"/api/v1/incidents?offset={BIG * 10}",
    f"/api/v1/claims?offset={MAX_OFFSET + 1}",
])
def test_offsets_beyond_the_bound_are_refused_in_the_error_shape(client, url):
    assert_error(client.get(url), 422, "query.offset")


def test_an_offset_at_the_bound_is_an_empty_page(client):
    body = client.get(f"/api/v1/events?offset={MAX_OFFSET}").json()
    assert (body["ok"], body["items"], body["next_offset"]) == (True, [], None)


@pytest.mark.parametrize("url", ["/api/v1/events?until=0", "/api/v1/articles?since=20160101",
                                 "/api/v1/timeline?as_of=1467331200", "/api/v1/claims?since=2016-7-1"])
def test_dates_are_iso_days_only(client, url):
    assert_error(client.get(url), 422, "YYYY-MM-DD")


@pytest.mark.parametrize("url", ["/api/v1/meta?verbose=1", "/api/v1/geo/countries?x=", "/api/v1/articles/art-nice?a=b"])
def test_routes_without_parameters_refuse_unknown_ones(client, url):
    assert_error(client.get(url), 422, "unknown parameter")


def test_an_undeclared_method_says_which_are_allowed(client):
    response = client.request("TRACE", "/api/v1/meta")
    assert_error(response, 405, "method not allowed")
    assert response.headers["allow"] == "GET"


def test_every_measure_the_schema_lists_is_answered(client):
    schema = client.get("/openapi.json").json()
    [measure] = [p for p in schema["paths"]["/api/v1/claims"]["get"]["parameters"] if p["name"] == "measure"]
    listed = next(s["enum"] for s in measure["schema"]["anyOf"] if "enum" in s)
    assert "fighters_remaining" in listed and "other" in listed
    for value in listed:
        assert client.get(f"/api/v1/claims?measure={value}").status_code == 200


def test_error_statuses_are_documented_in_the_one_shape(client):
    schema = client.get("/openapi.json").json()
    article = schema["paths"]["/api/v1/articles/{article_id}"]["get"]["responses"]
    assert {"200", "404", "422", "500", "503"} <= set(article)
    shape = schema["components"]["schemas"]["ErrorBody"]
    assert set(shape["required"]) == {"ok", "status", "error", "details"}
    assert article["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
