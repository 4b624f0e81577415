"""Allegiance events: a group pledging to the organisation, becoming its province, leaving."""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def test_a_group_pledges_to_the_organisation():
    [event] = events_of("Boko Haram pledged allegiance to the Islamic State in March 2015.", kind="allegiance")
    assert event.relation == "pledged"
    assert roles(event, "subject") == {"boko-haram"} and roles(event, "gaining") == {"islamic-state"}
    assert (event.date.isoformat(), event.date_precision) == ("2015-03-01", "month")


def test_a_leader_pledging_to_a_leader_is_his_group_pledging_to_the_other_group():
    text = "Abubakar Shekau, the leader of Boko Haram, pledged allegiance to Abu Bakr al-Baghdadi on 7 March 2015."
    [event] = events_of(text, published="2015-03-08", kind="allegiance")
    assert roles(event, "subject") == {"boko-haram"} and roles(event, "gaining") == {"islamic-state"}
    assert event.date.isoformat() == "2015-03-07"


def test_a_headlines_present_tense_pledge_read_as_a_noun():
    # the small model tags "pledges" as a noun; the group before it pledges to the one after "to"
    [event] = events_of("Jund al-Khilafah pledges allegiance to ISIL.", published="2014-09-14", kind="allegiance")
    assert event.relation == "pledged"
    assert roles(event, "subject") == {"jund-al-khilafah"} and roles(event, "gaining") == {"islamic-state"}


def test_a_pledge_and_the_province_it_led_to_are_one_event():
    text = ("Ansar Bayt al-Maqdis pledged allegiance to the Islamic State in November 2014. "
            "Days later the group renamed itself Sinai Province.")
    [event] = events_of(text, published="2015-01-10", kind="allegiance")
    assert event.relation == "province" and roles(event, "subject") == {"is-sinai"}
    assert event.date.isoformat() == "2014-11-01"


def test_an_attackers_pledge_is_not_a_groups_allegiance():
    text = "During the siege Omar Mateen called police and pledged allegiance to the Islamic State."
    assert events_of(text, published="2016-06-13", kind="allegiance") == []


def test_a_denied_pledge_is_not_an_event():
    text = "Ansar Bayt al-Maqdis denied that it had pledged allegiance to the Islamic State."
    assert events_of(text, kind="allegiance") == []


def test_cutting_ties_is_leaving():
    text = "Jabhat al-Nusra announced in July 2016 that it had cut ties with al-Qaeda."
    [event] = events_of(text, published="2016-07-29", kind="allegiance")
    assert event.relation == "left"
    assert roles(event, "subject") == {"jabhat-fateh-al-sham"} and roles(event, "losing") == {"al-qaeda"}
    assert (event.date.isoformat(), event.date_precision) == ("2016-07-01", "month")


def test_a_merger_names_the_group_it_merged_with():
    [event] = events_of("Al-Mourabitoun merged with al-Qaeda in the Islamic Maghreb in December 2015.",
                        published="2016-01-15", kind="allegiance")
    assert event.relation == "merged"
    assert roles(event, "subject") == {"al-mourabitoun"} and roles(event, "gaining") == {"aqim"}


def test_a_pledge_accepted_by_the_leader_is_the_groups_pledge_to_his_organisation():
    [event] = events_of("Abu Bakr al-Baghdadi accepted the pledge of Boko Haram in March 2015.",
                        published="2015-04-01", kind="allegiance")
    assert event.relation == "pledged"
    assert roles(event, "subject") == {"boko-haram"} and roles(event, "gaining") == {"islamic-state"}


def test_an_oath_of_loyalty_is_a_pledge_and_members_stand_for_their_group():
    text = "Fighters of the Islamic Movement of Uzbekistan swore an oath of loyalty to the Islamic State in August 2015."
    [event] = events_of(text, published="2015-09-01", kind="allegiance")
    assert event.relation == "pledged"
    assert roles(event, "subject") == {"imu"} and roles(event, "gaining") == {"islamic-state"}


def test_a_faction_joining_the_organisation_switches_to_it():
    text = "Several commanders of the Pakistani Taliban left the group and joined ISIS in 2014."
    found = events_of(text, published="2015-01-10", kind="allegiance")
    # one event: the faction's own group is not a group that left itself
    assert [(e.relation, roles(e, "subject"), roles(e, "gaining")) for e in found] == [
        ("switched", {"ttp"}, {"islamic-state"})]


@pytest.mark.parametrize("text", [
    "Thousands of foreign fighters joined ISIS in 2014.",  # people, not a group: the pathways' business
    "Britain joined the coalition against ISIS in 2014.",  # a state joining a coalition
])
def test_joining_by_people_or_states_is_no_allegiance_event(text):
    assert events_of(text, published="2015-01-10", kind="allegiance") == []


def test_a_pledge_accepted_that_the_group_owns_by_its_possessive():
    [event] = events_of("The Islamic State accepted Boko Haram's pledge of allegiance, a spokesman said.",
                        published="2015-03-13", kind="allegiance")
    assert roles(event, "subject") == {"boko-haram"} and roles(event, "gaining") == {"islamic-state"}
