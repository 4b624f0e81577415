"""Which violence is an attack record (issue 13): a state's or a coalition's strikes are the
state's attacks, never the group's; bombings typed as bombings; a victim's nationality is no place.

Every sentence here is written by the team, with the phenomena of the Current Events summaries
on the war against the Islamic State.
"""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, state", [
    ("American F-15 jets strike three ISIS training camps near the city of Raqqa, killing more than 40 militants.",
     "us-military"),
    ("French B-1 bombers hit an ISIL weapons depot outside Mosul, the defence ministry says.", "french-forces"),
    ("At least 30 ISIS fighters have been killed by French and U.S.-led bombing raids on the town of Manbij.",
     "coalition"),
])
def test_a_states_air_strikes_on_the_group_are_the_states_attack_not_the_groups(text, state):
    # the design's attack record has a perpetrator of any actor kind: the strike is the
    # state's (extract/state_strikes), never the group's whose camps or fighters were hit
    [strike] = events_of(text, published="2017-01-20", kind="attack")
    assert state in roles(strike, "perpetrator")
    assert not roles(strike, "perpetrator") & {"islamic-state"}
    assert strike.link == "unknown"


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


# --- issue 13, stop 20: the group's own dead, the side fought, places as written ---

@pytest.mark.parametrize("text", [
    # an army's operation: the group's fighters are the dead, not the doers
    "The Lebanese army pushes into the hills near Arsal. Twelve ISIS militants were killed and four soldiers "
    "were wounded.",
    # the group is the side the killers fought
    "Kurdish fighters battling Islamic State militants in Kobane, Syria on the Turkish border capture a strategic "
    "hill killing ten fighters.",
])
def test_the_groups_fighters_killed_by_its_enemies_are_no_attack_of_the_group(text):
    assert events_of(text, published="2017-08-20", kind="attack") == []


def test_the_group_killing_fighters_of_a_state_force_is_still_its_attack():
    [event] = events_of("An ISIS suicide bomber killed 20 Peshmerga fighters near Kirkuk.", published="2016-06-01",
                        kind="attack")
    assert roles(event, "perpetrator") == {"islamic-state"} and event.killed.low == 20


@pytest.mark.parametrize(("text", "written", "canonical"), [
    ("Four soldiers are killed when an ISIS suicide bomber detonates his vest in northern Ramadi.",
     "northern Ramadi", "Ramadi"),
    ("At least 30 people are killed in a suicide attack on a stadium south of Baghdad.", "south of Baghdad",
     "Baghdad"),
    # one name as the tagger reads it, the direction word inside it
    ("A car bomb killed nine people in central Samarra on Tuesday.", "central Samarra", "Samarra"),
])
def test_a_part_or_the_outskirts_of_a_city_are_written_so_and_named_and_placed_at_the_city(text, written, canonical):
    [event] = events_of(text, published="2016-06-01", kind="attack")
    assert (event.place.written, event.place.name, event.place.country) == (written, canonical, "IQ")


def test_the_libyan_oil_ports_are_places_of_their_own():
    # "Sidra" was Cidra in Puerto Rico, so the attack lay in "Libya"
    [event] = events_of("ISIS militants attack checkpoints near the Libyan oil port of Sidra, leaving seven guards "
                        "dead.", published="2016-01-05", kind="attack")
    assert (event.place.name, event.place.country, event.place.precision) == ("Sidra", "LY", 1)


def test_bodies_found_tell_no_attack_but_a_beheading_does():
    assert events_of("Iraqi troops find at least 80 beheaded bodies as they retake a town south of Mosul.",
                     published="2016-11-07", kind="attack") == []
    [event] = events_of("ISIS militants beheaded 12 hostages near Mosul.", published="2016-11-07", kind="attack")
    assert event.killed.low == 12


def test_the_assault_by_which_the_group_seizes_control_of_a_town_is_no_attack():
    text = ("The Islamic State seizes control of the coastal town of Sabratha after storming it at dawn in "
            "retaliation for the arrest of two of its men.")
    assert events_of(text, published="2015-12-11", kind="attack") == []


def test_a_threat_to_kill_is_no_toll():
    # "threatened to kill three foreigners" gave killed = 3 to the beheading of one
    text = ("Abu Sayyaf militants, who had threatened to kill four tourists kidnapped from a resort in the "
            "Philippines, have beheaded one of the hostages.")
    found = events_of(text, published="2016-04-25", kind="attack")
    assert found and all(e.killed is None or e.killed.high != 4 for e in found)
    assert any(e.killed is not None and e.killed.low == 1 for e in found)


@pytest.mark.parametrize("text", [
    "The Islamic State is reported to have blown up the ancient temple of Bel in Palmyra.",
    "ISIL militants blow up the Great Mosque of Samarra, where the group's leader once preached.",
    "Islamic State militants blew up the tombs and statues of the old city of Nimrud.",
])
def test_demolishing_heritage_is_no_attack_record(text):
    # ACLED codes it as property destruction; a bombing that harms people stays an attack
    assert events_of(text, published="2015-08-30", kind="attack") == []


@pytest.mark.parametrize("text", [
    "A bomb blew up a church in Minya, killing 12 worshippers.",
    "Militants blew up a police station in Arish.",
])
def test_bombings_of_buildings_that_harm_people_or_are_no_heritage_stay_attacks(text):
    assert events_of(text, published="2017-04-10", kind="attack")


@pytest.mark.parametrize("text, attack_type, weapon_type", [
    # a vehicle driven into people is the weapon
    ("A man drove a lorry into a crowd at a Christmas market in Berlin, killing twelve people.",
     "Unarmed Assault", "Vehicle"),
    # a vehicle burned or ambushed is what was hit
    ("Maoists torched four trucks at a road construction site in Gadchiroli district.",
     "Facility/Infrastructure Attack", None),
    ("Gunmen ambushed a police car near Quetta, killing two officers.", "Armed Assault", "Firearms"),
])
def test_a_vehicle_is_the_weapon_only_when_driven_into_people(text, attack_type, weapon_type):
    [event] = events_of(text, published="2016-12-20", kind="attack")
    assert (event.attack_type, event.weapon_type) == (attack_type, weapon_type)
