"""Attack words with other senses: only armed violence makes an attack event."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("sentence", [
    "The opposition party attacked the government's budget plans as unworkable.",
    "The minister launched an attack on the cost of the asylum system.",
    "Regulators warned that the painkillers carry a risk of heart attack and stroke.",
    "Critics feared an explosion in online gambling after the change in the law.",
    "The tidal wave which killed 150,000 people struck coasts across the Indian Ocean.",
    "Bookmakers said the chancellor came out shooting at the launch of the campaign.",
    # a natural cause given by a preposition, not as the subject
    "More than 20,000 people were killed following a massive undersea earthquake off Sumatra.",
    # a vehicle into a vehicle is a road accident
    "A lorry on the wrong side of the road ploughed into a rental car near Lyon on Sunday.",
    # what a program hijacks is data, not a plane
    "Spyware can hijack browser settings and passwords on home computers in Britain.",
    # a violence word as a verb or as the modifier of a harmless noun vouches for nothing
    "A security expert in London predicted an explosion in sales of handheld devices.",
    # the cause in a clause of its own, and an accident the parser hung the verb on
    "At least 230 people were killed in Puebla after the magnitude 7.1 quake struck central Mexico.",
    "A tragic accident killed at least 18 people in Moscow on Saturday, as a lorry crashed into a bus.",
])
def test_other_senses_are_not_attacks(sentence):
    assert events_of(sentence, published="2005-02-01", kind="attack") == []


@pytest.mark.parametrize("sentence, place", [
    ("Gunmen attacked a police checkpoint outside Kirkuk on Sunday.", "Kirkuk"),
    ("Militants shot two officers at a market in Baghdad on 3 May 2016.", "Baghdad"),
    ("An explosion ripped through a bus station in Kabul, killing 12 people.", "Kabul"),
    ("Islamic State fighters attacked the town of Tal Abyad on 27 June 2015.", "Tal Abyad"),
    # vehicles into people, hijacked buses and explosive devices
    ("A man drove a truck into the crowd on the promenade in Nice, killing 86 people.", "Nice"),
    ("Gunmen hijacked a bus carrying pilgrims near Quetta on Monday.", "Quetta"),
    ("A suspicious device exploded outside a police station in Diyarbakir.", "Diyarbakır"),
])
def test_armed_violence_still_gives_the_attack(sentence, place):
    [attack] = events_of(sentence, published="2016-05-04", kind="attack")
    assert attack.place.canonical == place


@pytest.mark.parametrize("sentence", [
    "The home secretary attacked the decision of the court on detaining terrorist suspects.",
    "Exports to non-EU countries shot up 7.5%, led by cars and chemicals.",
])
def test_an_attack_on_an_idea_or_a_figure_is_not_an_attack(sentence):
    assert events_of(sentence, published="2005-02-01", kind="attack") == []



@pytest.mark.parametrize("sentence, place", [
    # the sides named on the verb the clash is the subject of; separatists bear arms
    ("Clashes broke out in the town of Mahabad between Kurdish separatists and Revolutionary Guards, leaving "
     "two guards dead.", "Mahābād"),
    # an encounter, a gunfight or combat with an armed group, the armed men among its dead
    ("Two Abu Sayyaf militants were killed in an encounter with marines in Indanan.", "Indanan"),
    ("A gunfight between police and Maoists near Dantewada left one constable dead.", "Dantewada"),
    ("Twelve soldiers died in combat with Boko Haram fighters near Gwoza.", "Gwoza"),
    # the fight hangs on the second of two verbs; the armed dead are the first verb's
    ("Three Maoists were killed and two policemen injured in an encounter in Gadchiroli.", "Garhchiroli"),
])
def test_a_fight_with_an_armed_side_is_an_attack(sentence, place):
    [attack] = events_of(sentence, published="2017-05-04", kind="attack")
    assert attack.place.canonical == place


@pytest.mark.parametrize("sentence", [
    # a place taken after fighting: a change of hands, no attack
    "Government troops took full control of Tal Afar after heavy fighting with the militants.",
    # a chance meeting, and a fight of unarmed crowds
    "The envoy had a brief encounter with the rebel spokesman at the airport in Goma.",
    "A gunfight scene was filmed in the old town of Almeria for the new western.",
    "Students of two rival colleges clashed in the town of Sylhet, leaving ten people injured.",
])
def test_fights_that_are_no_attack(sentence):
    assert events_of(sentence, published="2017-05-04", kind="attack") == []


@pytest.mark.parametrize("sentence, place", [
    # a failed attack is an attack (as the GTD counts it): the attempt was made
    ("A man armed with a knife tried to stab two police officers at a checkpoint in Hebron.", "Hebron"),
    ("Rebels attempted to shoot down an army helicopter over Kidal.", "Kidal"),
    # the chronicle's present tells a past deed ("A woman tries to shoot the president ...")
    ("A Red Brigades member tries to shoot a judge in Turin.", "Turin"),
    # a verb joined to the attempt in the past tells its own deed
    ("A suicide car bomber attempted to target a police patrol near Jenin, but detonated prematurely.", "Janīn"),
])
def test_an_attempt_made_is_an_attack(sentence, place):
    [attack] = events_of(sentence, published="2017-05-04", kind="attack")
    assert attack.place.canonical == place


def test_the_target_of_an_attempt_to_kill_is_no_toll():
    [attack] = events_of("A suicide bomber attempted to kill the governor of Kandahar when his car passed the "
                         "market.", published="2017-05-04", kind="attack")
    assert attack.killed is None


@pytest.mark.parametrize("sentence", [
    "Militants will try to attack the air base in Kunduz, the commander warned.",
    "The group is trying to attack Western targets, officials said.",
    "Investigators said the men had planned to bomb a church in Lyon.",
    "The group tries to kill anyone who leaves its ranks.",
])
def test_an_attempt_not_yet_made_is_no_attack(sentence):
    assert events_of(sentence, published="2017-05-04", kind="attack") == []


def test_an_arson_attack_is_an_attack_without_other_words_of_violence():
    [attack] = events_of("An arson attack on a sawmill was reported in Ercilla, Chile. Two trucks were destroyed.",
                         published="2018-03-02", kind="attack")
    assert attack.place.canonical == "Ercilla"


def test_former_fighters_shot_dead_are_victims_of_an_attack():
    [attack] = events_of("Two former ELN guerrillas were shot dead outside their farm near Tame, Arauca.",
                         published="2019-05-04", kind="attack")
    assert (attack.killed.low, attack.killed.high) == (2, 2)
    # the group they once fought for is not who killed them
    assert not [a for a in attack.actors if a.role.startswith("perpetrator")]
    # and a place the group once held names it no less as a suspect
    [attack] = events_of("A police officer was killed when militants opened fire on a police unit in Kandahar. No group "
                         "claimed responsibility but the area was a former Taliban stronghold.", published="2019-05-04",
                         kind="attack")
    assert "Taliban" in {a.name for a in attack.actors}


def test_a_killing_carried_out_by_armed_men_is_an_attack():
    [event] = events_of("Rebels armed with axes carried out the killing of twelve farmers in Kilinochchi.",
                        published="1990-08-04", kind="attack")
    assert event.killed.low == 12 and event.place.name == "Kilinochchi"


@pytest.mark.parametrize("sentence", [
    "Hundreds of students protested against the killing of a lecturer in Dhaka.",
    "He was convicted of the killing of his wife in 2004.",
    "The killing of journalists has become common in the border states.",
])
def test_a_killing_with_no_armed_violence_told_is_no_attack(sentence):
    assert events_of(sentence, published="2015-01-20", kind="attack") == []


@pytest.mark.parametrize("sentence", [
    # the means hang on the verb or, misparsed, on its object
    "Guerrillas of the ELN destroyed a stretch of the Caño Limón pipeline in Arauca with explosives.",
    "Guerrillas damaged two pylons with explosives near Medellín.",
])
def test_explosives_as_the_means_of_a_deed_told_done_are_an_attack(sentence):
    assert events_of(sentence, published="2001-03-02", kind="attack")


def test_the_states_demolition_with_explosives_is_no_attack():
    assert events_of("The army destroyed the tunnel with explosives.", published="2001-03-02", kind="attack") == []
