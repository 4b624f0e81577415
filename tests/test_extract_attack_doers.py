"""Who did an attack, as reports name it: the agents of "committed by", a passive claim, a
blame written oddly, and not the group the victim opposed; and attacks that other rules took for
something else (a leader's assassination, an attack the troops repelled, a firebomb)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def _doers(event) -> set[str]:
    return {a.name for a in event.actors if a.role.startswith("perpetrator")}


def test_the_person_by_whom_the_deeds_were_committed():
    text = ("A car bomb exploded outside the ministry in Oslo, and later a shooting took place at a camp "
            "on an island, both committed by the right-wing extremist Anders Behring Breivik.")
    events = events_of(text, published="2011-07-22", kind="attack")
    assert events and any(any("Breivik" in name for name in _doers(e)) for e in events)


def test_a_passive_claim_names_the_doer():
    text = ("A female suicide bomber detonated her explosive vest during a ceremony at the theatre in Mogadishu. "
            "Among the dead were the heads of two sports bodies. Two ministers were hurt, but the "
            "prime minister escaped. Responsibility was quickly claimed by al-Shabaab, who promised "
            "more attacks.")
    [event] = events_of(text, published="2012-04-04", kind="attack")
    assert event.claimed is True
    assert {a.actor_id for a in event.actors if a.role == "perpetrator"} == {"al-shabaab"}


def test_attacks_accused_on_a_force_name_it():
    text = "A string of bombings hit the town of al-Bab, killing four civilians. The attacks have been accused on the YPG."
    [event] = events_of(text, published="2019-01-24", kind="attack")
    assert "YPG" in _doers(event)


def test_the_group_the_victim_opposed_is_not_the_doer():
    [event] = events_of("The leader of the anti-Taliban alliance was killed by suicide bombers in Takhar.",
                        published="2001-09-09", kind="attack")
    assert "Taliban" not in _doers(event)


def test_a_leader_killed_by_bombers_was_assassinated():
    # a leader killed in a strike is a leadership loss; killed by bombers or gunmen, an attack
    events = events_of("Commander Ahmad Shah Massoud, who led the fight against the Taliban, was killed by two "
                       "suicide bombers posing as journalists.", published="2001-09-09", kind="attack")
    assert len(events) == 1


def test_an_attack_the_troops_repelled_is_the_rebels():
    [event] = events_of("Soldiers repelled an attack for members of the Shining Path in Satipo Province, Peru.",
                        published="2018-06-25", kind="attack")
    assert "Shining Path" in _doers(event)


def test_their_attack_the_police_repulsed_is_the_militants():
    [event] = events_of("On 2 June 2020, six Taliban fighters were killed when Afghan police repulsed their attack on a "
                        "checkpoint in Zhari district, Kandahar.", published="2020-06-05", kind="attack")
    assert "Taliban" in _doers(event)
    assert event.killed is not None and event.killed.low == 6


@pytest.mark.parametrize("text", [
    "Two firebombs exploded at a hostel for migrant workers near Marseille.",
    "Four churches were attacked with a sledgehammer in Leeds overnight.",
])
def test_weapons_that_vouch_for_an_attack(text):
    assert len(events_of(text, published="1988-12-19", kind="attack")) == 1


def test_fire_alone_vouches_for_nothing():
    assert events_of("A fire broke out at a hostel near Marseille.", published="1988-12-19", kind="attack") == []


def test_an_aircraft_shot_down_is_the_target_not_a_states_strike():
    [event] = events_of("LTTE rebels shot down an air force plane near Jaffna, killing all 32 people on board.",
                        published="1995-04-28", kind="attack")
    assert {a.actor_id for a in event.actors if a.role == "perpetrator"} == {"ltte"}


def test_a_student_who_hijacks_a_plane_attacks():
    events = events_of("A 15-year-old student hijacked a small plane and flew it into an office tower in Tampa.",
                       published="2002-01-05", kind="attack")
    assert len(events) == 1


def test_the_groups_terrorists_are_not_the_man_of_the_same_name():
    # Abu Sayyaf is a Philippine group and the name of an Islamic State official killed in 2015
    events = events_of("Three Abu Sayyaf terrorists were killed in a clash with soldiers in Patikul.",
                       published="2018-05-07")
    assert not [e for e in events if e.kind == "leadership"]


@pytest.mark.parametrize("text", [
    "Shelling by militants holed up in the old city caused the death of a shopkeeper in Aleppo.",
    "Militants launched mortars from Idlib towards the Hama countryside, resulting in two deaths.",
    "Hamas fired rockets into southern Israel, damaging two houses in Sderot.",
])
def test_a_groups_shelling_mortars_and_rockets_are_its_attacks(text):
    [event] = events_of(text, published="2019-02-03", kind="attack")
    assert event.attack_type == "Bombing/Explosion"
    assert not any(a.actor_id == "state-forces" for a in event.actors)


def test_government_forces_shelling_is_a_states_strike():
    [event] = events_of("Government forces shelled the town of Douma, killing 12 civilians.",
                        published="2018-02-20", kind="attack")
    assert [a.actor_id for a in event.actors if a.role == "perpetrator"] == ["state-forces"]


def test_a_rocket_launched_with_a_satellite_is_no_attack():
    assert events_of("The company launched a rocket carrying a weather satellite from the Baikonur site.",
                     published="2018-02-20", kind="attack") == []


@pytest.mark.parametrize("text", [
    "A bus was destroyed by a land mine planted by bandits in the hills of Tamil Nadu.",
    "An armoured vehicle of the Swedish contingent hit a mine near Soumpi. No one was hurt.",
])
def test_a_mine_in_two_words_is_a_landmine(text):
    [event] = events_of(text, published="1993-04-09", kind="attack")
    assert event.attack_type == "Bombing/Explosion"


def test_a_man_maimed_stepping_on_a_device_takes_the_reports_day():
    text = "A farmer lost his foot after stepping on an explosive device at a rubber plantation in Yala province."
    [event] = events_of(text, published="2018-07-02", kind="attack")
    assert event.date == dt.date(2018, 7, 2)


@pytest.mark.parametrize("text", [
    "Twelve workers died when a coal mine collapsed in Shanxi province.",
    "Gold prices lifted the mine's profits this year.",
])
def test_a_coal_mine_is_no_landmine(text):
    assert events_of(text, published="2018-07-02", kind="attack") == []


@pytest.mark.parametrize("text", [
    # the protest is what the attack hit, not a reaction to it
    "Two suicide blasts targeted Shia processions in Lahore and Karachi.",
    "A bomb attack struck a political rally near a market in Suleja.",
    # counted and told as done
    "Several grenades are thrown at buses carrying pilgrims in Srinagar.",
    "Twin suicide car bombings occurred at the entrance posts of the Green Zone in Baghdad.",
    # an armed party's fire
    "At least 14 road construction vehicles were burned down by Maoists in Gadchiroli district.",
    "Maoists set at least nine trucks on fire in Hazaribagh district.",
    # a civilian or a soldier among the dead beside a fighter
    "A Taliban insurgent and a civilian were killed in the Khogyani district of Nangarhar.",
    "A Boko Haram militant and a soldier were killed in a shooting in Gamboru.",
    # an armed party that struck
    "Insurgents armed with guns and grenades struck the police headquarters in Kandahar.",
    "Gunmen struck again in Maiduguri on Sunday, killing five villagers.",
    # a run of attacks told as done in the passive
    "A series of car bombings were carried out in Kirkuk.",
    # a later clause's "may" is its own
    "Boko Haram attacked a military base in the town of Baga, killing 10 people and according to some "
    "reports, Boko Haram may have taken over the town.",
])
def test_attacks_other_rules_took_for_something_else(text):
    assert len(events_of(text, published="2015-01-03", kind="attack")) == 1


@pytest.mark.parametrize("text", [
    "Thousands staged a rally after the bombing of the church in Jos.",
    "Several attacks have been reported in the region this year.",
    "A wave of bombings has been carried out across Iraq since 2014.",
    "An earthquake struck a rebel-held town near Idlib.",
    "Lightning struck a camp of displaced people near Gao.",
    "Villagers burned a school in Bauchi.",
    "Five Taliban insurgents were killed in Khogyani district.",
    "Officials fear that militants may have attacked the convoy near Baga.",
])
def test_and_what_stays_no_attack(text):
    assert events_of(text, published="2015-01-03", kind="attack") == []


@pytest.mark.parametrize("text, attacks", [
    ("A remote-controlled explosive device targeted a police van north of Peshawar.", 1),
    ("The film about a suicide bomber targeted young viewers.", 0),
])
def test_what_a_device_targeted(text, attacks):
    assert len(events_of(text, published="2010-02-05", kind="attack")) == attacks


@pytest.mark.parametrize("text, doer", [
    # "behind the attack", hedged or not
    ("A car bomb exploded in Azaz, killing two people. The YPG is believed to be behind the attack.",
     "YPG"),
    ("A suicide bomber struck a convoy in Wardak, killing seven soldiers. The Taliban was behind the attack.",
     "Taliban"),
    # a blame in the clause after a denial
    ("A car bomb exploded in Jarabulus, killing three people. No group has claimed it, but the attack "
     "was blamed on the YPG.", "YPG"),
    # "blame was placed on"
    ("A bomb tore through a railway station in Tehran, killing 18. Blame was placed on the Mujahedin-e Khalq.",
     "People's Mujahedin of Iran (MEK)"),
    # a group's name that the tagger read partly as a person
    ("A mortar shell hit a crowded market in Sarajevo, killing 68 people. The Army of Republika Srpska was "
     "blamed for the attack.", "Army of Republika Srpska"),
    # a group "involved"
    ("A bomb exploded outside a mayor's office in Bogota. Initial reports said the FARC were involved.",
     "Revolutionary Armed Forces of Colombia (FARC)"),
    # the mine "placed by" a force the actor data files as a state's
    ("A soldier was wounded when his patrol struck a landmine in Tell Rifaat. The landmine had been placed "
     "by YPG militants.", "YPG"),
    # a hyphenated name before "organization", though a town has the name too; the attackers
    # of the first sentence told only as "militants"
    ("Militants threw grenades at an army patrol in Budgam. The Al-Badr organization claimed responsibility "
     "in an email.", "Al-Badr"),
    # the affiliate spelt "al-Qaida": the affiliate, not the parent
    ("A bomb damaged an oil well near Mukalla. Officials suspected that al-Qaida in the Arabian Peninsula was involved.",
     "al-Qaeda in the Arabian Peninsula"),
    # a group reporting calls by its acronym keeps that name
    ("A roadside bomb killed a farmer in San Calixto. Police blamed the Popular Liberation Army for the attack.",
     "EPL"),
])
def test_a_later_sentence_names_the_doer(text, doer):
    [event] = events_of(text, published="2018-11-20", kind="attack")
    assert _doers(event) == {doer}


def test_a_group_that_denied_it_is_not_named():
    text = ("A car bomb exploded in Jarabulus, killing three people. No group has claimed it, and the YPG "
            "has not been blamed.")
    [event] = events_of(text, published="2018-11-20", kind="attack")
    assert _doers(event) == set()


@pytest.mark.parametrize("text, doer", [
    # the words of Spanish and Italian groups' names
    ("Militants of the Frente Patria y Justicia assassinated a naval aide in Santiago.", "Frente Patria y Justicia"),
    ("The Comandos Autonomos Anticapitalistas murdered a senator in Vitoria.", "Comandos Autonomos Anticapitalistas"),
    # the Islamic State's forerunner in Iraq, however its name is spelt
    ("Gunmen ambushed an embassy car in Baghdad and killed its driver. The Mujahedeen Shura Council "
     "claimed responsibility.", "Mujahideen Shura Council"),
    # the group of the attacker a later sentence names
    ("A bus was hijacked and driven off a cliff near Jerusalem. The hijacker, Ahmad Salim of the Palestinian "
     "Islamic Jihad, survived.", "Palestinian Islamic Jihad"),
])
def test_the_group_behind_the_named_attackers(text, doer):
    [event] = events_of(text, published="1989-07-06", kind="attack")
    assert doer in _doers(event)


@pytest.mark.parametrize("text, described", [
    # the attackers' kind alone, with a hedge the description drops
    ("Suspected militants shot dead a shopkeeper in Sopore on Monday.", "militants"),
    ("Anarchists set fire to two police vans in Exarcheia overnight.", "Anarchists"),
    # the kind said in an attribution, in the sentence or the next
    ("A policeman was shot dead by two gunmen on motorcycles believed to be insurgents near a market in Yala.",
     "insurgents"),
    ("Two farmers were killed in an attack on a village near Mopti. The attack is suspected to have been "
     "done by jihadists.", "jihadists"),
    ("A landmine killed four shepherds near Hama on Tuesday. The blast was blamed on militants who once "
     "held the area.", "militants"),
    # the men of a band, and a name the tokenizer splits
    ("A student was stabbed to death by a gang of Islamists outside a bar in Leeds.", "Islamists"),
    ("A mob of anarchists attacked a police station in Patras and threw petrol bombs, wounding three officers.",
     "anarchists"),
    ("Three neo-Nazis set fire to a hostel for asylum seekers in Rostock.", "neo-Nazis"),
    # attackers of a marked kind, said to be or suspected
    ("Gunmen opened fire at a college in Mysore, killing a lecturer. The gunmen are suspected to be Islamic "
     "extremists.", "Islamic extremists"),
    ("A bomb wrecked a carriage of an express train near Varanasi. Islamic extremists are suspected.",
     "Islamic extremists"),
    # an armed group no one can name is still an armed group, as monitors code it
    ("An unidentified armed group raided a hamlet near Kirundo and killed two farmers.", "unidentified armed group"),
    ("An armed group ambushed a truck of traders on the road to Djibo, killing one of them.", "armed group"),
])
def test_attackers_described_only_by_their_kind_are_the_perpetrator(text, described):
    [event] = events_of(text, published="2019-03-20", kind="attack")
    assert _doers(event) == {described}
    assert all(a.actor_id.startswith("described:") for a in event.actors if a.role == "perpetrator")


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a shopkeeper in Sopore on Monday.",
    # the militants' rivals are not the militants
    "A landmine killed four shepherds near Hama on Tuesday. The blast was blamed on the militants' rivals.",
])
def test_attackers_of_no_told_kind_name_no_perpetrator(text):
    [event] = events_of(text, published="2019-03-20", kind="attack")
    assert _doers(event) == set()


@pytest.mark.parametrize("text, group", [
    # an acronym the NER leaves untagged, before the attackers' noun
    ("Four FAL guerrillas killed a police captain outside a bank in Rosario.", "FAL"),
    # an acronym that is also a town's name written in capitals (Mir, Belarus)
    ("Militants of the MIR shot dead a police corporal guarding a minister's house in Valparaiso.", "MIR"),
])
def test_a_group_named_by_its_acronym_is_the_perpetrator(text, group):
    [event] = events_of(text, published="1971-05-10", kind="attack")
    assert _doers(event) == {group}


def test_the_acronym_of_the_building_attacked_is_not_the_doer():
    text = "A truck bomb at the DAS headquarters killed nine people. The Medellín Cartel was responsible."
    [event] = events_of(text, published="1989-12-06", kind="attack")
    assert _doers(event) == {"Medellin cartel"}


def test_an_attacker_told_by_a_pronoun_is_of_the_group_the_sentence_before_names():
    text = ("A Hamas gunman slipped into a settlement near Gaza on Thursday night. He then opened fire on a "
            "group of students, killing five.")
    [event] = events_of(text, published="2002-03-08", kind="attack")
    assert _doers(event) == {"Hamas"}


def test_the_name_in_an_incident_title_is_not_the_doer():
    text = ("2006 Harbour Mall shooting: Two men opened fire in a shopping centre in Karachi, killing four "
            "shoppers.")
    [event] = events_of(text, published="2006-04-02", kind="attack")
    assert not any("Harbour" in name for name in _doers(event))


def test_the_name_of_the_train_that_blew_up_is_not_the_doer():
    text = ("Palatino Express train between Florence and Bologna explodes, killing nine and injuring 30. "
            "Attributed to the neo-fascist group Ordine Nero.")
    [event] = events_of(text, published="1974-08-04", kind="attack")
    assert _doers(event) == {"Ordine Nero"}


def test_a_rebel_commander_killed_beside_an_officer_is_an_attack_not_a_leader_lost():
    text = ("An army lieutenant and a senior commander of the Moro Freedom Fighters were killed in a "
            "gunfight in Datu Piang on Sunday.")
    events = events_of(text, published="2018-07-02", kind="attack")
    assert len(events) == 1 and events[0].killed.low == 2


@pytest.mark.parametrize("text", [
    "A suicide bomber targeted a minibus carrying pilgrims on the road to Karbala.",
    "Police officers were targeted at a checkpoint near Tal Afar by a militant cell on Monday night.",
])
def test_attackers_who_target_attack(text):
    assert len(events_of(text, published="2012-05-04", kind="attack")) == 1


@pytest.mark.parametrize("text", [
    "The new tax targeted savers in Leeds.",
    "The explosion targeted a bakery in Kabul, killing two.",  # an attack, told by its explosion
])
def test_targeting_by_no_attacker_is_no_new_attack(text):
    events = events_of(text, published="2012-05-04", kind="attack")
    assert all(e.trigger != "targeted" for e in events)


@pytest.mark.parametrize("text, attacks", [
    ("Three explosions went off in a market in Yala as shoppers gathered for the festival.", 1),
    ("Two simultaneous blasts rocked the old city of Hyderabad on Saturday evening.", 1),
    # an accident's blasts, and one blast with no harm told, stay out
    ("Two explosions at a fireworks factory in Sivakasi shook the town.", 0),
    ("An explosion was heard near the port of Aden.", 0),
])
def test_blasts_counted_are_bombs_though_no_one_is_hurt(text, attacks):
    assert len(events_of(text, published="2013-02-21", kind="attack")) == attacks


@pytest.mark.parametrize("text", [
    "Militants fired four mortar shells around the town of Ber in northern Mali.",
    "Unknown assailants hurled an explosive device at the embassy gate in Tripoli, shattering windows.",
])
def test_shells_fired_and_devices_thrown_are_attacks(text):
    assert len(events_of(text, published="2018-07-27", kind="attack")) == 1


@pytest.mark.parametrize("text, group", [
    # a longer name holding a known group's alias is another group
    ("Two suicide bombers blew themselves up outside the embassy in Tashkent. The Islamic Jihad Union "
     "claimed responsibility.", "Islamic Jihad Union"),
    # the name in full, in English
    ("A bomb went off at a petrol station in Madrid after a caller speaking for the Basque Fatherland and "
     "Freedom had warned of it.", "ETA"),
    # the hedge the NER takes into the name
    ("Suspected Fulani gunmen attacked three villages in Kajuru, killing 12.", "Fulani"),
])
def test_group_names_read_whole_and_without_hedge(text, group):
    [event] = events_of(text, published="2004-07-30", kind="attack")
    assert _doers(event) == {group}


def test_a_claim_of_both_attacks_names_the_doer_of_each():
    text = ("Two policemen died when a suicide bomber attacked a police post in Sangin. Hours earlier, a car "
            "bomb exploded outside a court in Lashkar Gah, killing three. The Taliban claimed responsibility "
            "for both attacks.")
    events = events_of(text, published="2012-04-10", kind="attack")
    assert len(events) == 2 and all(_doers(e) == {"Taliban"} for e in events)
    assert all(e.claimed for e in events)


def test_the_attacker_identified_further_on_is_the_perpetrator():
    text = ("A gunman opened fire in a mosque in Fresno, killing four worshippers. Witnesses said he shouted "
            "before firing. Two officers were hurt as they entered. The suspect was identified as Daniel Moore "
            "and arrested.")
    [event] = events_of(text, published="2019-04-02", kind="attack")
    assert _doers(event) == {"Daniel Moore"}


def test_a_victim_identified_is_not_the_perpetrator():
    text = "A gunman opened fire in a mosque in Fresno, killing four. One victim was identified as Joyce Miller."
    [event] = events_of(text, published="2019-04-02", kind="attack")
    assert _doers(event) == set()


def test_a_group_taking_hostages_is_the_doer_and_the_hostage_is_not():
    [event] = events_of("Black September takes eight hostages at the Saudi embassy in Khartoum. Gunmen burst into "
                        "the reception and took Noel hostage.", published="1973-03-01", kind="attack")
    assert _doers(event) == {"Black September"}


def test_a_group_responsible_for_both_attacks_did_each():
    events = events_of("A bomb went off at a federal office in Chicago. A second bomb was planted at an army depot "
                       "in Oakland but failed to go off. The Weather Underground was responsible for both attacks.",
                       published="1975-01-28", kind="attack")
    assert len(events) == 2
    assert all(_doers(event) == {"Weather Underground"} for event in events)




@pytest.mark.parametrize("text, place, doer", [
    ("Police car bombing in Denver claimed by the Red Dawn Brigades.", "Denver", "Red Dawn Brigades"),
    ("Police bus bombing in Lyon.", "Lyon", None),
])
def test_a_bombing_of_a_police_vehicle_is_an_attack_on_the_police(text, place, doer):
    # "police" before the thing hit names whose car it was, not who bombed it
    [event] = events_of(text, published="1975-03-02", kind="attack")
    assert event.place and event.place.name == place
    assert _doers(event) == ({doer} if doer else set())


def test_an_army_helicopter_attack_is_no_militants_attack():
    # the noun between the force and the attack word is its means ("helicopter", "artillery")
    events = events_of("An army helicopter attack on the hideout killed nine rebels in Kunar.",
                       published="2015-03-02", kind="attack")
    assert all(not _doers(e) - {"army", "Army"} for e in events)


@pytest.mark.parametrize(("text", "doer"), [
    ("Gunmen from Jamaat ul-Ahrar, a faction allied with the Islamic State, bombed a park in Lahore, killing 70.",
     "org:jamaat-ul-ahrar"),
    ("Four sailors were kidnapped off the coast of Sabah by suspected members of Abu Sayyaf, a group linked to "
     "the Islamic State.", "abu-sayyaf"),
    # the parser hangs the apposition on the verb
    ("Five fishermen are abducted off the coast of Sabah by suspected members of the Abu Sayyaf, a group linked to "
     "the Islamic State of Iraq and the Levant.", "abu-sayyaf"),
])
def test_the_group_a_named_group_is_tied_to_is_not_the_doer(text, doer):
    [event] = events_of(text, published="2016-04-03", kind="attack")
    assert roles(event, "perpetrator") == {doer} and not roles(event, "perpetrator_individual")


def test_militants_linked_to_the_group_are_still_its_men():
    [event] = events_of("Militants linked to the Islamic State bombed a church in Jolo.", published="2019-01-28",
                        kind="attack")
    assert roles(event, "perpetrator") == {"islamic-state"}


def test_an_acronym_in_brackets_belongs_to_the_name_before_it():
    # the letters of a group the actor data knows (the German NSU) after another name that spells them
    text = "Two guards were killed when members of the Nepal Students Union (NSU) stormed a bank in Tula on Monday."
    events = events_of(text, published="2021-06-08", kind="attack")
    assert len(events) == 1 and "nsu" not in roles(events[0], "perpetrator")
    text = "Two guards were killed when members of the National Socialist Underground (NSU) stormed a bank in Zwickau."
    events = events_of(text, published="2007-04-25", kind="attack")
    assert len(events) == 1 and "nsu" in roles(events[0], "perpetrator")


@pytest.mark.parametrize("text, doer", [
    # the group a modifier ties the doer to is no doer, in the attack's sentence or the claim's
    ("Roadside bombs struck a police patrol near Tougan, killing 10 officers; the Al-Qaeda linked group Jama'at "
     "Nasr al-Islam wal Muslimin claimed responsibility.", "jnim"),
    ("At least 12 soldiers were killed in an attack on an army post at Diou. An al-Qaeda-linked group calling "
     "itself Ansaroul Islam claimed the attack.", "ansarul-islam"),
])
def test_the_group_a_doer_is_linked_to_is_no_doer(text, doer):
    [event] = events_of(text, published="2017-12-17", kind="attack")
    assert {a.actor_id for a in event.actors if a.role == "perpetrator"} == {doer}


def _people(event) -> list[tuple[str, str]]:
    return [(a.actor_id, a.name) for a in event.actors if a.role == "perpetrator_individual"]


@pytest.mark.parametrize("text, person", [
    # who tried the deed did it
    ("Jonas Weber tried to kill a mayor with a knife at a market in Cologne.", "Jonas Weber"),
    # the person a noun is said to be: an apposition, "named", "identified as"
    ("A 19-year-old student, Lukas Brandt, stabbed three worshippers at a mosque in Hamburg.", "Lukas Brandt"),
    ("A man named Tomas Novak threw a petrol bomb at a synagogue in Brno, injuring two people.", "Tomas Novak"),
    ("Two wardens were hurt when an inmate stabbed them with a kitchen knife in the prison of Lyon. The police "
     "stormed the visiting room and wounded the attacker, who was identified as Karim Benali.", "Karim Benali"),
])
def test_a_lone_attacker_is_named(text, person):
    [event] = events_of(text, published="2016-05-01", kind="attack")
    assert [name for _, name in _people(event)] == [person]


def test_every_person_listed_as_the_doers_is_one():
    text = "Anna Berg, Ivan Petrov and Pavel Sokolov planted a bomb at a bank in Riga, wounding two guards."
    [event] = events_of(text, published="2016-05-01", kind="attack")
    assert sorted(name for _, name in _people(event)) == ["Anna Berg", "Ivan Petrov", "Pavel Sokolov"]
    # the people shot are not listed with the one who shot them
    [event] = events_of("Ivan Petrov shot Pavel Sokolov and Anna Berg at a cafe in Riga.", published="2016-05-01",
                        kind="attack")
    assert [name for _, name in _people(event)] == ["Ivan Petrov"]


def test_a_person_named_in_full_once_is_named_in_full():
    text = ("Hassan Karimi, a former soldier who had been discharged, hijacked a bus in Herat. After the police "
            "refused his demands, Karimi set off a grenade, killing four passengers.")
    [event] = events_of(text, published="2016-05-01", kind="attack")
    assert _people(event) == [("person:hassan-karimi", "Hassan Karimi")]


def test_a_person_who_did_two_deeds_is_one_doer():
    text = "In the chapel shooting, Daniel Price kills 12 and injures 40 worshippers in Tulsa before being shot."
    [event] = events_of(text, published="2016-05-01", kind="attack")
    assert _people(event) == [("person:daniel-price", "Daniel Price")]


@pytest.mark.parametrize("text", [
    # the joined verb is passive: its subject was shot
    "A civilian, Amir Khan, favoured to win the council election as an independent candidate, was shot dead by "
    "unidentified masked men while campaigning in Peshawar.",
    # a mob that tried to lynch a man is no attacker (nor an attack)
    "Hundreds of protesters from two villages tried to lynch a man accused of theft, forcing the police to fire "
    "in the air.",
])
def test_no_victim_or_mob_is_named_the_doer(text):
    events = events_of(text, published="2016-05-01", kind="attack")
    assert not [p for event in events for p in _people(event)]


def test_a_lone_student_with_a_knife_attacks_and_a_picket_with_a_petrol_bomb_riots():
    assert len(events_of("A student stabbed two teachers at a school in Hamburg.", published="2016-05-01",
                         kind="attack")) == 1
    assert not events_of("Police shot a picket when he was hurling a petrol bomb at a bus in Dhaka.",
                         published="2016-05-01", kind="attack")
