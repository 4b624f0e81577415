"""The country of an event no text placed, from where the corpus's other events of its group lie
(``resolve.countries``), through the store (no model), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.resolve import countries
from shardwatch.resolve.corpus import update
from shardwatch.store import EventFilter
from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place

DJIBO = Place("Djibo", "Djibo", "BF", 14.10, -1.63, "geonames:2360773", 1)
MENAKA = Place("Menaka", "Menaka", "ML", 15.92, 2.40, "geonames:2453348", 1)
# a village no gazetteer holds, kept as written with no country
DENEON = Place("Deneon", "Deneon", None, None, None, None, 1)


@pytest.fixture
def tmp_db(any_db):
    return any_db


def _attack(n: int, place: Place | None, group: str) -> Extraction:
    text = f"Report {n}: militants of the group killed {n + 2} people in a village on day {n}."
    article = Article(id=f"a{n}", text=text, title=None, source=f"Monitor {n}", published=dt.date(2020, 1, 1 + n % 28),
                      published_precision="day")
    event = Event(id=f"a{n}-e0", kind="attack", article_id=article.id, date=article.published, date_precision="day",
                  reported=article.published, modality="asserted", place=place,
                  actors=(ActorRef(group, group.upper(), "perpetrator", group.upper()),),
                  evidence=(Evidence(article.id, 0, len(text), text, "test", "1"),), trigger="killed",
                  confidence=0.8)
    return Extraction(article, (event,))


def _events(store) -> dict[str, Event]:
    return {e.id: e for e in store.events(EventFilter())}


def test_an_area_groups_unplaced_event_takes_the_country_its_other_events_lie_in(tmp_db):
    located = [_attack(n, DJIBO, "jnim") for n in range(countries.MIN_EVENTS)] + [_attack(40, MENAKA, "jnim")]
    tmp_db.write_batch(located)
    update(tmp_db)
    # JNIM fights in Mali, Burkina Faso and Niger; 20 of its 21 placed events lie in Burkina Faso
    tmp_db.write_batch([_attack(50, DENEON, "jnim"), _attack(51, None, "jnim"), _attack(52, DENEON, "taliban")])
    update(tmp_db)
    events = _events(tmp_db)
    village = events["a50-e0"].place
    burkina = get_gazetteer().countries["BF"]
    assert village.country == "BF" and village.name == "Deneon"
    assert village.gazetteer_id == "corpus:BF"  # marked as the corpus's guess
    # shown on the map at the country, which the precision and located_at say
    assert (village.lat, village.lon, village.precision, village.located_at) == (burkina.lat, burkina.lon, 3, "Burkina Faso")
    unplaced = events["a51-e0"].place
    assert (unplaced.country, unplaced.canonical, unplaced.precision, unplaced.located_at) == ("BF", "Burkina Faso", 3, None)
    assert (unplaced.lat, unplaced.lon) == (burkina.lat, burkina.lon)
    assert events["a52-e0"].place.country is None  # the Taliban have no area of several countries


def test_too_few_or_split_events_place_nothing(tmp_db):
    # fewer placed events than MIN_EVENTS; and a guess does not vote for the next one
    tmp_db.write_batch([_attack(n, DJIBO, "jnim") for n in range(countries.MIN_EVENTS - 1)])
    update(tmp_db)
    tmp_db.write_batch([_attack(50, DENEON, "jnim")])
    update(tmp_db)
    assert _events(tmp_db)["a50-e0"].place.country is None
    # split between two countries of the area: no country has MIN_SHARE of them
    tmp_db.write_batch([_attack(60 + n, MENAKA, "jnim") for n in range(countries.MIN_EVENTS)])
    tmp_db.write_batch([_attack(51, DENEON, "jnim")])
    update(tmp_db)
    assert _events(tmp_db)["a51-e0"].place.country is None


def test_a_place_named_with_no_country_takes_the_place_other_reports_give_its_name(tmp_db):
    # one note names the village with its province; a later one names it alone
    in_oudalan = Place("Kolerou", "Kolerou", "BF", 14.67, -0.39, None, 2, admin1="Sahel", located_at="Oudalan")
    alone = Place("Kolerou", "Kolerou", None, None, None, None, 1)
    tmp_db.write_batch([_attack(70, in_oudalan, "taliban")])
    update(tmp_db)
    tmp_db.write_batch([_attack(71, alone, "taliban")])
    update(tmp_db)
    place = _events(tmp_db)["a71-e0"].place
    assert (place.country, place.lat, place.lon, place.precision, place.located_at) == ("BF", 14.67, -0.39, 2, "Oudalan")
    assert place.gazetteer_id == "corpus:BF"  # the corpus's reading, and it does not vote


def test_a_name_other_reports_place_in_two_countries_places_nothing(tmp_db):
    tmp_db.write_batch([_attack(80, Place("Muse", "Muse", "MM", 23.98, 97.90, None, 1), "taliban"),
                        _attack(81, Place("Muse", "Muse", "IT", 45.9, 12.5, None, 1), "taliban")])
    update(tmp_db)
    tmp_db.write_batch([_attack(82, Place("Muse", "Muse", None, None, None, None, 1), "taliban")])
    update(tmp_db)
    assert _events(tmp_db)["a82-e0"].place.country is None
