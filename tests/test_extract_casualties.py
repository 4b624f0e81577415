"""Tolls as reports list them (extract/casualties.py): lists the parser hangs as appositions,
the attackers left out, "both", and the toll in a clause on a fight."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


def _toll(event):
    return (event.killed and event.killed.low, event.wounded and event.wounded.low)


def test_a_list_of_kinds_of_people_counts_all_but_the_attackers():
    text = ("A suicide bomber struck the army camp in Gao, setting off a gun battle that killed two soldiers, "
            "a trader and two attackers. Four soldiers, three suspected attackers and one trader were also injured.")
    [event] = events_of(text, published="2018-06-29", kind="attack")
    assert _toll(event) == (3, 5)


def test_a_list_that_restates_the_people_adds_nothing():
    [event] = events_of("A bomb exploded in the market of Maiduguri, killing two people, a woman and her son.",
                        published="2018-06-29", kind="attack")
    assert _toll(event) == (2, None)


def test_both_are_two():
    text = "A bomb hit a motorbike carrying two men in Cotabato. Both riders sustained minor injuries."
    [event] = events_of(text, published="2018-07-31", kind="attack")
    assert _toll(event) == (None, 2)


def test_the_death_of_a_person_is_a_toll():
    text = "Clashes with Islamic State militants near Kirkuk resulted in the death of a policeman and the injury of two more."
    [event] = events_of(text, published="2018-10-16", kind="attack")
    assert _toll(event) == (1, 2)


@pytest.mark.parametrize("text, toll", [
    # the second passive gapped: "and five police injured"
    ("One driver was killed and five police injured when gunmen fired on a convoy near Garissa.", (1, 5)),
    # the verb hung on the person named among the hurt: the toll is the twelve
    ("A car bomb exploded in Tikrit. Four soldiers were killed and twelve people, including two children, "
     "injured in the blast.", (4, 12)),
    # taken to hospital
    ("A suicide bomber blew himself up at a checkpoint in Kandahar, killing three guards. Nine other people "
     "were taken to hospital.", (3, 9)),
    ("A grenade exploded in a market in Hilla. Two traders were hospitalised.", (None, 2)),
    # "with injuries" after "leaving"
    ("Gunmen stormed a camp in the Kupwara district, leaving a soldier dead and another one with minor injuries.",
     (1, 1)),
    ("A bomb went off in a bus station in Hilla, leaving five passengers with injuries.", (None, 5)),
    # "leaving N injured" is the hurt, not the dead
    ("A bomb went off in a bus station in Hilla, leaving five passengers injured.", (None, 5)),
    ("A bomb went off in a bus station in Hilla, leaving five dead and two injured.", (5, 2)),
    # "took the lives of"
    ("A suicide bombing at a market in Baghdad took the lives of at least 30 people.", (30, None)),
    # "became injured"
    ("The rebels carried out an attack on a checkpoint near Tal Abyad. Three guards became injured.", (None, 3)),
])
def test_the_hurt_told_in_other_words(text, toll):
    [event] = events_of(text, published="2018-06-29", kind="attack")
    assert _toll(event) == toll


def test_no_one_hurt_is_no_toll_of_one():
    events = events_of("On 4 June 2021, gunmen fired on a police checkpoint in Tula, killing a constable, and no "
                       "one else was injured.", published="2021-06-08", kind="attack")
    assert len(events) == 1
    assert _toll(events[0]) == (1, None)


def test_two_dozen_wounded_are_24():
    events = events_of("A roadside bomb killed four soldiers and wounded two dozen civilians near Tula on Monday.",
                       published="2021-06-08", kind="attack")
    assert len(events) == 1
    assert _toll(events[0]) == (4, 24)


def test_a_date_the_parser_made_a_subject_is_no_toll():
    events = events_of("Around 9 May 2020 (as reported), in Tula municipality, a man was found dead on a road with "
                       "gunshot wounds.", published="2020-05-10", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == 1
    # but a number the tagger takes into a date is still the toll
    events = events_of("A bomb hit a bus near Tula, killing a person and injuring an additional 14, the group "
                       "claimed.", published="2020-05-10", kind="attack")
    assert len(events) == 1 and _toll(events[0]) == (1, 14)


@pytest.mark.parametrize("text, killed", [
    # a manner of killing: "gunned down", "burnt alive", "stabbed to death"
    ("Maoists gunned down two villagers at Tula on Thursday, suspecting them to be police informers.", 2),
    ("Two passengers were burnt alive after attackers hurled a petrol bomb into a bus in Tula on Thursday.", 2),
    ("Three traders were stabbed to death by robbers in Tula on Monday.", 3),
    # one victim named by kin or trade
    ("On 15 January 2020, gunmen killed a marabout and his son in the village of Tula.", 2),
    ("On 1 May 2020, gunmen entered the market in Tula and shot dead a prominent merchant.", 1),
    # the attackers' noun in the clause that tells the attack makes no tally of the toll
    ("30 killed, including at least 14 foreigners, when gunmen and fighters of a militia attacked a hotel in Tula.", 30),
    # a person noun with the victim's name beside it is one victim
    ("Prominent rights activist, Amina Tariq was gunned down in Tula on Friday.", 1),
    # the toll in a clause after the attack, one person in the singular or people by their community
    ("On 9 April 2020, suspected militants attacked the village of Tula, one civilian killed and two others abducted.", 1),
    ("On 10 January 2020, presumed militants attacked the village of Tula, 12 people of the Foulse community killed "
     "and two wounded.", 12),
    # "shot dead" before the count, and one of the wounded who succumbed
    ("On 28 March 2020, suspected militants entered the market in the village of Tula, and shot dead at least "
     "fifteen people, pillaged shops, and seized livestock.", 15),
    ("A van was fired upon near Tula by gunmen wounding six persons. The injured were taken to hospital but one "
     "passenger succumbed to his injuries.", 1),
])
def test_the_dead_counted(text, killed):
    events = events_of(text, published="2021-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == killed, text


def test_a_named_victim_and_what_he_is_are_one():
    events = events_of("Gunmen hurled two bombs at a bus in Tula on Monday. Karim Uddin, the driver of the bus, was "
                       "injured in the attack.", published="2020-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[1] == 1


def test_the_victim_died_in_a_sentence_of_its_own():
    events = events_of("On 7 May 2020, in Tula, two armed men attacked a shopkeeper. The victim died. The police "
                       "opened an inquiry.", published="2020-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == 1
    # "the victims died" does not say how many
    events = events_of("On 7 May 2020, gunmen attacked a bus in Tula. The victims died.", published="2020-06-08",
                       kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] is None


def test_a_closing_count_of_the_dead_is_the_toll_of_the_reports_one_attack():
    # "a man and a woman" is read as one; the note's closing count says two
    events = events_of("On 9 May 2020, in Tula, gunmen shot a man and a woman on a bus. A woman died at the scene. "
                       "2 fatalities.", published="2020-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == 2
    events = events_of("On 9 May 2020, in Tula, a shopkeeper was found dead with gunshot wounds. 1 fatality.",
                       published="2020-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == 1
    # two attacks told: the count is of both, so neither takes it
    events = events_of("On 9 May 2020, gunmen shot dead a trader in Tula. Hours later, gunmen shot dead a driver in "
                       "Cholula. 2 fatalities.", published="2020-06-08", kind="attack")
    assert [_toll(e)[0] for e in events] == [1, 1]


def test_the_attackers_dead_are_the_toll_only_where_no_one_else_died():
    # only attackers died: their dead are the toll (as ACLED and the GTD count it)
    [event] = events_of("On 3 March 2020, militants attacked a police post in Djibo. The attack was repelled and "
                        "three militants were killed.", published="2020-03-04", kind="attack")
    assert _toll(event)[0] == 3
    # others died too: the victims are the toll, the attackers left out
    [event] = events_of("On 3 March 2020, militants attacked a police post in Djibo. Two policemen and five "
                        "militants were killed.", published="2020-03-04", kind="attack")
    assert _toll(event)[0] == 2


def test_a_toll_told_between_two_numbers_is_that_range():
    [event] = events_of("On 9 August 2020, gunmen on motorbikes entered the market of Tula, and reportedly killed "
                        "between 12 and 18 people.", published="2020-08-10", kind="attack")
    assert (event.killed.low, event.killed.high) == (12, 18)


@pytest.mark.parametrize("text, toll", [
    # "perished": the dead, as "died" tells them
    ("A roadside bomb tore through a minibus of teachers outside Quetta. At least 13 people perished in the blast.",
     (13, None)),
    # "a total of": the people the total is of
    ("A car bomb hit the motorcade of a judge in Tripoli, killing a total of six people.", (6, None)),
    # a person named by trade alone, however rare the trade
    ("A mine clearance expert was killed and two others were wounded by a booby trap in Sirte.", (1, 2)),
    # a bare participle joined to a passive tells of its subject, however far apart
    ("Two engineers were dragged out of their car by gunmen and killed near Kunduz.", (2, None)),
    # a person by trade beside a count: both
    ("A tax collector and three of his escorts were shot dead at a checkpoint near Gao.", (4, None)),
    # but a band of people is no one person
    ("Rebels attacked an army post near Ataq, killing a group of soldiers.", (None, None)),
])
def test_the_dead_however_the_toll_is_worded(text, toll):
    [event] = events_of(text, published="2019-02-11", kind="attack")
    assert _toll(event) == toll


@pytest.mark.parametrize(("closing", "killed"), [
    ("Unknown fatalities coded as 3 due to lack of precision.", 3),
    ("Total fatalities coded as 7 (a local radio reported 9).", 7),
    ("Unknown number of fatalities and injuries coded as 10.", 10),
    # a figure split between events is not this one's
    ("Fatalities coded as 10 and spread across two locations.", None),
])
def test_the_toll_a_monitor_coded_is_the_toll_of_its_one_attack(closing, killed):
    events = events_of("On 3 May 2020, militants attacked an army post near Gao and killed an unspecified number of "
                       f"soldiers. {closing}", published="2020-06-08", kind="attack")
    assert len(events) == 1 and _toll(events[0])[0] == killed
