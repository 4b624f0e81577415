"""Strikes by states and coalitions as attack records whose perpetrator is the state
(``extract/state_strikes``): who struck, what was hit, and what is no strike of its own.

Every sentence here is written by the team, with the phenomena of the Current Events summaries
on the war against the Islamic State.
"""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles
from shardwatch.data import UNNAMED_STATE, by_state

pytestmark = pytest.mark.model


def test_an_unnamed_states_air_strike_with_a_toll_and_a_town():
    [strike] = events_of("Twelve civilians were killed in air strikes on the town of Manbij on Sunday.",
                         published="2017-01-17", kind="attack")
    assert roles(strike, "perpetrator") == {UNNAMED_STATE}
    assert strike.killed.low == 12 and strike.place.canonical == "Manbij"
    assert str(strike.date) == "2017-01-15"


@pytest.mark.parametrize("text, state", [
    ("Russia conducted dozens of airstrikes on the town of Palmyra.", "russian-forces"),
    ("Turkish artillery shelled Islamic State positions near Jarablus, killing 12 militants.", "turkish-forces"),
    ("A Syrian Army unit backed by Russian warplanes killed 30 ISIL militants near Palmyra.", "russian-forces"),
])
def test_the_state_that_struck_is_the_perpetrator_and_the_group_struck_is_not(text, state):
    [strike] = events_of(text, published="2016-03-20", kind="attack")
    assert state in roles(strike, "perpetrator") and "islamic-state" not in roles(strike, "perpetrator")
    assert by_state(roles(strike, "perpetrator"))


def test_the_fighters_a_strike_killed_are_its_toll():
    [strike] = events_of("Turkish artillery shelled Islamic State positions near Jarablus, killing 12 militants.",
                         published="2016-09-02", kind="attack")
    assert strike.killed.low == 12


def test_the_army_a_strike_hit_is_its_target_not_its_doer():
    [strike] = events_of("Coalition warplanes mistakenly hit a Syrian Army position near Deir ez-Zor, "
                         "killing 50 soldiers.", published="2016-09-18", kind="attack")
    assert roles(strike, "perpetrator") == {"coalition"}


@pytest.mark.parametrize("text", [
    "Kurdish fighters backed by coalition air strikes seized the village of Tal Abyad from the Islamic State.",
    "The Islamic State retook the city of Palmyra despite heavy Russian airstrikes.",
    "The government asked civilians to leave Ramadi after weeks of coalition airstrikes against the group.",
    "Coalition air strikes have weakened the group across Iraq.",
    "The coalition began airstrikes in March at the request of the government in Baghdad.",
    "Militants shelled a village near Kirkuk, killing five people, while coalition jets circled overhead.",
])
def test_strikes_that_only_back_precede_or_weaken_are_no_strike_record(text):
    assert not [e for e in events_of(text, published="2016-06-01", kind="attack")
                if by_state(roles(e, "perpetrator"))]


def test_a_leader_killed_in_a_strike_is_a_leadership_event_not_an_attack():
    events = events_of("A U.S. drone strike killed the group's spokesman Abu Mohammed al-Adnani near al-Bab.",
                       published="2016-08-31")
    assert [e.kind for e in events] == ["leadership"]


def test_a_claim_after_a_strike_does_not_make_it_the_groups():
    text = ("An air strike killed 11 people in the town of Hit on Monday. "
            "Islamic State claimed responsibility in a statement on Amaq.")
    [strike] = events_of(text, published="2016-04-13", kind="attack")
    assert strike.link == "unknown" and not strike.claimed
    assert roles(strike, "perpetrator") == {UNNAMED_STATE}


def test_shelling_with_no_state_named_is_no_states_strike():
    [attack] = events_of("Militants shelled a village near Kirkuk, killing five people.", kind="attack")
    assert not by_state(roles(attack, "perpetrator"))


def test_teargas_shells_the_police_lob_are_no_shelling():
    text = "Police lobbed several rounds of teargas shells in Tula on Monday as protesters blocked the highway."
    assert events_of(text, published="2020-06-08", kind="attack") == []


def test_a_strike_a_state_admits_it_may_have_made_is_reported():
    # the admission tells the strike; "may have" hedges what was hit
    [strike] = events_of("The Pentagon acknowledges that its warplanes may have struck an Iraqi army post near "
                         "Haditha, killing 20 soldiers.", published="2016-05-03", kind="attack")
    assert strike.modality == "reported" and strike.place.name == "Haditha"
    assert by_state(roles(strike, "perpetrator"))


@pytest.mark.parametrize("text", [
    "The Pentagon says that its warplanes may have struck an Iraqi army post near Haditha.",
    "Officials admit that the gunmen may attack a market in Haditha.",
])
def test_a_possible_strike_not_admitted_is_no_record(text):
    assert not events_of(text, published="2016-05-03", kind="attack")


@pytest.mark.parametrize("text, killed, place", [
    ("Thirty villagers were killed in an attack by US drones in the Datta Khel area of North Waziristan.",
     30, "Datta Khel"),
    ("An American drone fired two missiles at a compound near Miranshah, killing six.", 6, "Miranshah"),
])
def test_a_states_drones_strike_for_it(text, killed, place):
    [strike] = events_of(text, published="2011-10-14", kind="attack")
    assert roles(strike, "perpetrator") == {"us-military"}
    assert strike.killed.low == killed and strike.place.name == place  # "US" is whose drones, not where


def test_drones_with_no_state_named_are_no_states_strike():
    events = events_of("Islamic State drones dropped grenades on Iraqi troops in Mosul, wounding two soldiers.",
                       published="2017-03-02", kind="attack")
    assert not any(by_state(roles(e, "perpetrator")) for e in events)


def test_a_nato_air_strike_is_natos():
    [strike] = events_of("A Nato air strike killed 14 civilians in Helmand province.", published="2011-05-29",
                         kind="attack")
    assert roles(strike, "perpetrator") == {"nato"} and by_state(roles(strike, "perpetrator"))
