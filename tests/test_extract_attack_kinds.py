"""Which violence is an attack record (issue 13): a non-state actor's, not a state's or a
coalition's strikes on the group; bombings typed as bombings; a victim's nationality is no place.

Every sentence here is written by the team, with the phenomena of the Current Events summaries
on the war against the Islamic State.
"""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "American F-15 jets strike three ISIS training camps near the city of Raqqa, killing more than 40 militants.",
    "French B-1 bombers hit an ISIL weapons depot outside Mosul, the defence ministry says.",
    "At least 30 ISIS fighters have been killed by French and U.S.-led bombing raids on the town of Manbij.",
])
def test_a_states_air_strikes_on_the_group_are_no_attack_of_the_group(text):
    # the design's attack is a non-state actor's violence (GTD types, the link to the
    # organisation); before, the bombers' strike was recorded as the group's attack
    assert events_of(text, published="2017-01-20", kind="attack") == []


def test_suicide_bombers_and_hijacked_jets_stay_attacks():
    # "bombers" and "jets" alone are no state's: only warplanes, fighter jets, B-2s ...
    [bombers] = events_of("Two suicide bombers struck a market in Baghdad, killing 20 people.", kind="attack")
    assert bombers.killed.low == 20 and bombers.place.canonical == "Baghdad"
    assert events_of("Hijacked jets struck the towers in New York, killing nearly 3,000 people.",
                     published="2001-09-12", kind="attack")


@pytest.mark.parametrize("text", [
    "At least 12 people are killed in a suicide attack on a market north of Baghdad.",
    "Two car bombings kill at least six people in Karbala.",
])
def test_suicide_attacks_and_car_bombings_are_bombings(text):
    [event] = events_of(text, published="2016-06-01", kind="attack")
    assert (event.attack_type, event.weapon_type) == ("Bombing/Explosion", "Explosives")


def test_a_victims_nationality_is_not_where_the_attack_happened():
    text = ("An official says a U.S. soldier was killed in the town of Makhmur, Erbil Governorate, "
            "by a rocket fired by ISIS.")
    [event] = events_of(text, published="2016-03-20", kind="attack")
    assert (event.place.name, event.place.country, event.place.precision) == ("Makhmur", "IQ", 1)
    assert roles(event, "perpetrator") == {"islamic-state"}


def test_a_massacre_by_the_group_is_its_attack():
    # executions and massacres are the group's violence: attacks (GTD, ACLED's violence
    # against civilians), unlike the states' strikes on it
    [event] = events_of("Rights monitors say ISIS militants executed at least 35 captives near Hawija last week.",
                        published="2016-09-10", kind="attack")
    assert event.killed.low == 35 and event.place.canonical == "Hawija"
    assert roles(event, "perpetrator") == {"islamic-state"}


def test_a_recalled_attack_keeps_its_own_date_inside_a_since_phrase():
    # the date of the deed itself, not a since-clause's lower bound (was the report's day)
    [event] = events_of("Since the truck attack in Nice last year, security at public events has been tightened.",
                        published="2017-05-01", kind="attack")
    assert (event.place.canonical, event.date.isoformat(), event.date_precision) == ("Nice", "2016-01-01", "year")


@pytest.mark.parametrize("text", [
    "The violence has cost hundreds of lives across the region.",  # a number word is no toll of one attack
    "Police arrested a 16-year-old burglar in Leeds.",  # an age is no toll, an arrest no attack
])
def test_number_words_and_ages_are_no_tolls(text):
    assert all(e.killed is None for e in events_of(text, published="2016-09-01", kind="attack"))


@pytest.mark.parametrize("text", [
    "The Islamic State group seizes the town of Mayadin in a surprise attack against Syrian government forces.",
    "Islamic State fighters seized Hit after storming it at dawn.",
])
def test_the_assault_by_which_a_town_is_taken_is_fighting_not_an_attack(text):
    # the territory event tells it (ACLED's battles); before, each gave an attack record too
    assert events_of(text, published="2017-10-01", kind="attack") == []
    assert [e.change for e in events_of(text, published="2017-10-01", kind="territory")] == ["captured"]


@pytest.mark.parametrize("text", [
    "Islamic State fighters seized the village, killing 30 civilians.",  # a massacre while taking it
    "Militants seized a hotel in Mogadishu after storming it.",  # a hotel is no territory
])
def test_killings_while_taking_a_place_and_sieges_of_buildings_stay_attacks(text):
    assert len(events_of(text, published="2017-10-01", kind="attack")) == 1
