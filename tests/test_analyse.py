"""Indicators, contradictions and reference checks on hand-made claims; the store round trip;
the claims, quotes, indicators, contradictions and export commands (no model needed)."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from shardwatch.analyse import compare, contradictions, indicators, reference_checks, reference_points
from shardwatch.cli import cli
from shardwatch.store import ClaimFilter
from shardwatch.types import Article, Claim, Claimant, Evidence, Extraction, Quote

D = dt.date


def claim(cid, measure, low, high, *, as_of, precision="day", scope="Iraq and Syria", unit="people", basis=None,
          who="Some Agency", article="a1", qualifier=None, published=None):
    text = f"sentence of {cid}"
    return Claim(
        id=cid, article_id=article, measure=measure, measure_text="fighters", low=low, high=high, unit=unit,
        qualifier=qualifier, value_text=str(low), as_of=as_of, as_of_precision=precision,
        claimant=Claimant(who, None, "organisation", None), evidence=(Evidence(article, 0, len(text), text, "claims", "1"),),
        subject_id="islamic-state", subject_name="Islamic State", scope=scope,
        scope_countries=("IQ", "SY") if scope == "Iraq and Syria" else (), basis=basis, reported=published or as_of)


CIA = claim("cia", "fighters_remaining", 20000, 31500, as_of=D(2014, 9, 11), who="CIA", article="a1")
KRG = claim("krg", "fighters_remaining", 200000, None, as_of=D(2014, 11, 16), who="Fuad Hussein", article="a2",
            qualifier="at least")


def test_far_apart_estimates_of_one_measure_and_scope_contradict():
    found = contradictions([CIA, KRG])
    assert len(found) == 1
    assert found[0].claim_ids == ("cia", "krg")
    assert "CIA" in found[0].detail and "Fuad Hussein" in found[0].detail
    assert found[0].about == "fighters_remaining in Iraq and Syria"


def test_different_scope_or_time_or_close_values_do_not_contradict():
    syria = claim("sohr", "fighters_remaining", 50000, None, as_of=D(2014, 8, 19), scope="Syria", article="a3")
    later = claim("later", "fighters_remaining", 200000, None, as_of=D(2016, 11, 16), article="a3")
    close = claim("close", "fighters_remaining", 25000, 33000, as_of=D(2014, 10, 1), article="a3")
    assert contradictions([CIA, syria, later, close]) == []
    assert compare(CIA, syria) == (False, "different scopes (Iraq and Syria vs Syria)")
    assert compare(CIA, later)[1] == "different times"


def test_ihs_and_coalition_shares_of_2015_are_different_definitions_not_a_contradiction():
    ihs = claim("ihs", "territory_lost_share", 14, 14, as_of=D(2015, 12, 14), unit="percent", basis="period",
                article="a4")
    coalition = claim("coal", "territory_lost_share", 30, 30, as_of=D(2016, 1, 5), unit="percent",
                      basis="since_peak", article="a5")
    assert contradictions([ihs, coalition]) == []
    assert compare(ihs, coalition)[1] == "different definitions (period vs since_peak)"


def test_reference_check_flags_a_claim_far_from_the_published_figure():
    near = claim("near", "fighters_remaining", 12000, 15000, as_of=D(2016, 12, 1), precision="month")
    far = claim("far", "fighters_remaining", 40000, 40000, as_of=D(2016, 12, 10))
    checks = {c.claim_id: c for c in reference_checks([near, far]) if c.reference.as_of == D(2016, 12, 13)}
    assert checks["near"].agrees and not checks["far"].agrees
    assert "Brett McGurk" in checks["far"].detail


def test_reference_series_ship_with_sources():
    points = reference_points()
    assert len(points) == 29 and all(p.source and p.claimant for p in points)
    ihs = [p for p in points if p.measure == "territory_lost_share" and p.as_of == D(2015, 12, 31)]
    assert {(p.low, p.basis) for p in ihs} == {(14, "period"), (30, "since_peak")}


def test_indicators_group_by_measure_and_scope_oldest_first():
    series = indicators([KRG, CIA, claim("x", "other", 3, 3, as_of=D(2014, 1, 1))])
    assert len(series) == 1
    assert [c.id for c in series[0].claims] == ["cia", "krg"]


def _store_with_records(tmp_db):
    extractions = []
    for cid, source, published in (("a1", "Meridian Wire", D(2014, 9, 12)), ("a2", "Atlas Daily", D(2014, 11, 17))):
        article = Article(id=cid, text=f"sentence of {'cia' if cid == 'a1' else 'krg'}", source=source,
                          published=published, published_precision="day")
        quote = Quote(f"q{cid}", cid, Claimant("Dana Holloway", "envoy", "person", "person:dana-holloway"),
                      "They are running out of men", True, (Evidence(cid, 0, 5, "sente", "quotes", "1"),))
        extractions.append(Extraction(article=article, claims=(CIA if cid == "a1" else KRG,), quotes=(quote,)))
    tmp_db.write_batch(extractions)
    return tmp_db


def test_store_round_trip_and_filters(tmp_db):
    store = _store_with_records(tmp_db)
    stored = store.claims()
    assert {c.id for c in stored} == {"cia", "krg"}
    cia = next(c for c in stored if c.id == "cia")
    assert cia == CIA
    assert [c.id for c in store.claims(ClaimFilter(as_of=D(2014, 10, 1)))] == ["cia"]
    assert [c.id for c in store.claims(ClaimFilter(actor="Fuad Hussein"))] == ["krg"]
    assert store.claims(ClaimFilter(country="FR")) == []
    assert len(store.quotes()) == 2 and store.quotes()[0].speaker.role == "envoy"


def test_cli_listings_and_export(tmp_db):
    store = _store_with_records(tmp_db)
    path = store.path
    store.close()
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", path, "contradictions", "--format", "json"])
    assert out.exit_code == 0, out.output
    [line] = [json.loads(x) for x in out.output.splitlines()]
    assert line["type"] == "contradiction" and line["claim_ids"] == ["cia", "krg"]
    assert [c["claimant"]["name"] for c in line["claims"]] == ["CIA", "Fuad Hussein"]
    out = runner.invoke(cli, ["--db", path, "claims", "--as-of", "2014-10-01", "--format", "csv"])
    assert out.exit_code == 0 and out.output.count("\n") == 2 and "20000" in out.output
    out = runner.invoke(cli, ["--db", path, "quotes"])
    assert out.exit_code == 0 and "Dana Holloway" in out.output
    out = runner.invoke(cli, ["--db", path, "indicators", "--measure", "fighters_remaining"])
    assert out.exit_code == 0 and "fighters_remaining | Iraq and Syria | people (2 claims, 4 reference figures)" in out.output
    out = runner.invoke(cli, ["--db", path, "export", "--format", "jsonl"])
    lines = [json.loads(x) for x in out.output.splitlines()]
    types = [x["type"] for x in lines]
    assert types.count("claim") == 2 and types.count("quote") == 2 and types.count("contradiction") == 1
    claim_line = next(x for x in lines if x["type"] == "claim" and x["id"] == "krg")
    for key in ("id", "measure", "subject", "scope", "value", "low", "high", "unit", "qualifier", "as_of",
                "claimant", "article_id", "evidence"):
        assert key in claim_line
    assert claim_line["claimant"]["name"] == "Fuad Hussein" and claim_line["low"] == 200000 and claim_line["high"] is None
    contradiction = next(x for x in lines if x["type"] == "contradiction")
    assert set(contradiction) == {"type", "id", "about", "claim_ids", "detail"}
    quote_line = next(x for x in lines if x["type"] == "quote")
    assert {"type", "id", "speaker", "text", "direct", "article_id", "evidence"} <= set(quote_line)


def test_quotes_reject_measure_with_one_line(tmp_db):
    out = CliRunner().invoke(cli, ["--db", tmp_db.path, "quotes", "--measure", "fighters_remaining"])
    assert out.exit_code != 0 and "--measure does not apply to quotes" in out.output
