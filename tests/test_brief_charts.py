"""The shared series (monthly territory vs attacks abroad) and the shipped country outlines."""

from __future__ import annotations

from shardwatch.data.geo import countries, countries_geojson
from shardwatch.present.charts import map_extent, monthly_timeline, territory_change


IS_PERPETRATOR = {"id": "islamic-state", "name": "Islamic State", "role": "perpetrator"}


def event(id_, kind="attack", date="2016-07-14", country="FR", link=None, place="Nice", precision="day",
          actors=(IS_PERPETRATOR,)):
    return {"id": id_, "kind": kind, "date": date, "date_precision": precision, "link": link,
            "place": {"canonical": place, "country": country, "lat": 43.7, "lon": 7.3} if country else None,
            "actors": list(actors)}


def test_same_place_and_day_count_once_with_the_strongest_link():
    timeline = monthly_timeline([event("a", link="claimed"), event("b", link="inspired"),
                                 event("c", link="directed", place="Paris", date="2016-07-20")])
    assert timeline["months"] == ["2016-07"]
    assert timeline["series"]["inspired"] == [1]
    assert timeline["series"]["directed"] == [1]
    assert timeline["series"]["unknown"] == [0]
    assert timeline["records"]["inspired"]["2016-07"] == [["a", "b"]]


def test_incidents_merge_events_across_places_and_days():
    events = [event("a", link="enabled"), event("b", place="Promenade", date="2016-07-15")]
    incidents = [{"id": "inc1", "event_ids": ["a", "b"]}]
    timeline = monthly_timeline(events, incidents)
    assert timeline["series"]["enabled"] == [1] and sum(timeline["series"]["unknown"]) == 0


def test_home_countries_unplaced_and_yearly_records_are_left_out():
    timeline = monthly_timeline([event("iq", country="IQ"), event("sy", country="SY"), event("none", country=None),
                                 event("year", precision="year"), event("ok", date="2017-01-02")])
    assert timeline["months"] == ["2017-01"]
    assert timeline["left_out"] == 1


def test_attacks_abroad_are_the_organisations_and_the_others_are_counted_as_left_out():
    events = [
        event("is", date="2016-07-14"),                                              # its own perpetrator
        event("affiliate", place="Arish", country="EG", date="2016-10-10",
              actors=({"id": "is-sinai", "role": "perpetrator"},)),                  # an affiliate
        event("linked", place="Orlando", country="US", date="2016-06-12", link="inspired", actors=()),  # a link
        event("nobody", place="New York", country="US", date="2001-09-11", actors=()),  # no perpetrator, no link
        event("other", place="Mogadishu", country="SO", date="2016-07-26",
              actors=({"id": "al-shabaab", "role": "perpetrator"},)),                # another group
    ]
    timeline = monthly_timeline(events)
    counted = {i for s in ("directed", "enabled", "inspired", "unknown") for m in timeline["records"][s].values()
               for group in m for i in group}
    assert counted == {"is", "affiliate", "linked"}
    assert timeline["not_organisation"] == 2 and timeline["left_out"] == 0


def test_territory_roles_and_changes():
    org = {"id": "islamic-state", "role": "losing"}
    assert territory_change({"actors": [org]}) == "territory_lost"
    assert territory_change({"actors": [{"id": "is-libya", "role": "gaining"}]}) == "territory_gained"
    assert territory_change({"actors": [{"id": "islamic-state", "role": "subject"}], "change": "retaken"}) == "territory_lost"
    assert territory_change({"actors": [{"id": "iraqi-forces", "role": "gaining"}], "change": "captured"}) is None
    months = monthly_timeline([event("t", kind="territory", country="IQ", date="2016-06-26", actors=[org])])
    assert months["series"]["territory_lost"] == [1]  # territory in Iraq counts: it is not an attack abroad


def test_months_run_without_gaps():
    timeline = monthly_timeline([event("a", date="2016-11-01"), event("b", date="2017-02-01", place="X")])
    assert timeline["months"] == ["2016-11", "2016-12", "2017-01", "2017-02"]


def test_country_outlines_decode_to_plausible_shapes():
    shapes = {c.name: c for c in countries()}
    assert len(shapes) > 170 and "Antarctica" not in shapes
    iraq = [p for ring in shapes["Iraq"].rings for p in ring]
    assert 38 < min(p[0] for p in iraq) < 39.5 and 48 < max(p[0] for p in iraq) < 49
    assert 29 < min(p[1] for p in iraq) < 29.5 and 37 < max(p[1] for p in iraq) < 37.5
    for ring in shapes["Russia"].rings:  # unwrapped: no jump across the map
        assert all(abs(a[0] - b[0]) < 180 for a, b in zip(ring, ring[1:]))
    geo = countries_geojson()
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_map_extent_fits_the_points_or_the_world():
    assert map_extent([]) == (-180.0, 180.0, -60.0, 85.0)
    west, east, south, north = map_extent([event("a")])
    assert west < 7.3 < east and south < 43.7 < north


def test_the_brief_says_how_many_attacks_abroad_it_leaves_out():
    import datetime as dt

    from shardwatch.present.brief import key_judgements
    from shardwatch.types import ActorRef, Event, Place, Quantity

    def attack(id_, place, country, date, actors=(), killed=None):
        return Event(id=id_, kind="attack", article_id="a", date=dt.date.fromisoformat(date), date_precision="day",
                     reported=None, modality="asserted", place=Place(place, place, country, 1.0, 1.0, None, 1),
                     actors=tuple(actors), evidence=(), trigger="attack", confidence=0.5,
                     killed=Quantity(killed, killed) if killed else None)

    events = [attack("nice", "Nice", "FR", "2016-07-14", (ActorRef("islamic-state", "Islamic State", "perpetrator"),), 84),
              attack("nyc", "New York", "US", "2001-09-11", (), 2977)]
    records = [{"id": e.id, "kind": "attack", "date": e.date.isoformat(), "date_precision": "day", "link": None,
                "place": {"canonical": e.place.canonical, "country": e.place.country},
                "actors": [{"id": a.actor_id, "role": a.role} for a in e.actors]} for e in events]
    texts = [j.text for j in key_judgements(events, monthly_timeline(records), {})]
    assert any("1 attacks by the organisation or its affiliates outside Iraq and Syria" in t
               and "1 other attack abroad with no perpetrator or link tying it to the organisation is left out" in t
               for t in texts)
    assert any("deadliest attack abroad" in t and "Nice" in t for t in texts)  # not the 2001 attack
