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
