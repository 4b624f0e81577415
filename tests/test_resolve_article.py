"""Merging the mentions of one attack within one article (``resolve.article``): a place and the
country or region it lies in are one attack's place. The records are made up for these tests;
the places are real, the reports are not."""

from __future__ import annotations

import datetime as dt

from shardwatch.resolve.article import merge_article_events
from shardwatch.types import ActorRef, Event, Evidence, Place, Quantity

FARC = ActorRef("farc", "Revolutionary Armed Forces of Colombia (FARC)", "perpetrator", "the FARC")
TOWN = Place("Puerto Guzmán", "Puerto Guzmán", "CO", 0.96, -76.41, None, 1, admin1="Putumayo")
OTHER_TOWN = Place("Mocoa", "Mocoa", "CO", 1.15, -76.65, None, 1, admin1="Putumayo")
FAR_TOWN = Place("Cúcuta", "Cúcuta", "CO", 7.89, -72.51, None, 1, admin1="Norte de Santander")
COLOMBIA = Place("Colombia", "Colombia", "CO", 4.0, -73.0, None, 3)
PUTUMAYO = Place("Putumayo", "Putumayo", "CO", 0.5, -75.5, None, 2)
ECUADOR = Place("Ecuador", "Ecuador", "EC", -1.0, -78.0, None, 3)


def _attack(key: str, place: Place, *, actors=(), killed=None) -> Event:
    text = f"Report {key}."
    day = dt.date(2004, 1, 15)
    return Event(id=key, kind="attack", article_id="art", date=day, date_precision="day", reported=day,
                 modality="asserted", place=place, actors=tuple(actors),
                 evidence=(Evidence("art", 0, len(text), text, "test", "1"),), trigger="killed", confidence=0.9,
                 killed=killed)


def test_a_town_and_the_country_it_lies_in_are_one_attack():
    one = Quantity(1.0, 1.0, text="a councillor")
    [merged] = merge_article_events([_attack("murder", TOWN, killed=one), _attack("killing", COLOMBIA, actors=[FARC])])
    assert merged.place == TOWN and merged.killed == one and [a.actor_id for a in merged.actors] == ["farc"]


def test_a_town_and_the_region_it_lies_in_are_one_attack():
    assert len(merge_article_events([_attack("a", PUTUMAYO), _attack("b", TOWN)])) == 1


def test_places_apart_stay_apart():
    # two towns 25 km or more apart, a town and another country, a region the town is not in
    assert len(merge_article_events([_attack("a", TOWN), _attack("b", FAR_TOWN)])) == 2
    assert len(merge_article_events([_attack("a", TOWN), _attack("b", ECUADOR)])) == 2
    assert len(merge_article_events([_attack("a", FAR_TOWN), _attack("b", PUTUMAYO)])) == 2
    assert len(merge_article_events([_attack("a", TOWN), _attack("b", OTHER_TOWN)])) == 2
