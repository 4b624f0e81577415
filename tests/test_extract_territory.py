"""Territory events: sentence in, event with place, change, sides and date out."""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def test_retaken_from_the_group_is_one_event_lost_by_it_and_gained_by_the_taker():
    [event] = events_of("Iraqi forces retook Fallujah from ISIS in June 2016.", kind="territory")
    assert event.change == "retaken"
    assert (event.place.canonical, event.place.country, event.place.precision) == ("Fallujah", "IQ", 1)
    assert roles(event, "gaining") == {"iraqi-forces"} and roles(event, "losing") == {"islamic-state"}
    assert (event.date.isoformat(), event.date_precision) == ("2016-06-01", "month")


def test_a_list_of_places_gives_one_event_each():
    text = ("Islamic State fighters suffered a string of defeats in Iraq during the year. "
            "The militants retreated from Ramadi, Tikrit, Abu Ghraib and Falluja.")
    found = events_of(text, published="2016-07-01", kind="territory")
    assert sorted(e.place.canonical for e in found) == ["Abu Ghraib", "Fallujah", "Ramadi", "Tikrit"]
    assert {e.change for e in found} == {"lost"}
    assert all(roles(e, "losing") == {"islamic-state"} and not roles(e, "gaining") for e in found)


def test_the_group_taking_a_place_is_captured_and_has_no_losing_side_unless_named():
    [event] = events_of("Islamic State fighters seized Palmyra in May 2015.", kind="territory")
    assert event.change == "captured" and event.place.canonical == "Palmyra (Tadmur)"
    assert roles(event, "gaining") == {"islamic-state"} and not roles(event, "losing")


def test_variant_spellings_resolve_to_one_place():
    [event] = events_of("Syrian government forces recaptured Tadmur from the Islamic State in March 2016.",
                        kind="territory")
    assert event.place.canonical == "Palmyra (Tadmur)" and event.place.country == "SY"
    assert event.change == "retaken" and roles(event, "gaining") == {"syrian-army"}


def test_a_non_state_force_taking_a_place_captures_it():
    [event] = events_of("The Syrian Democratic Forces captured Manbij from the Islamic State on 12 August 2016.",
                        kind="territory")
    assert event.change == "captured" and (event.date.isoformat(), event.date_precision) == ("2016-08-12", "day")
    assert roles(event, "gaining") == {"sdf"} and roles(event, "losing") == {"islamic-state"}


def test_an_offensive_to_retake_is_under_offensive_not_retaken():
    found = events_of("Iraqi forces launched an offensive to retake Mosul from the Islamic State on 17 October 2016.",
                      kind="territory")
    assert [(e.place.canonical, e.change, e.date.isoformat()) for e in found] == [
        ("Mosul", "under_offensive", "2016-10-17")]


def test_encircled_is_besieged_with_the_report_date_when_told_in_the_present():
    [event] = events_of("Iraqi troops have surrounded Tal Afar, the last Islamic State stronghold west of Mosul.",
                        published="2017-08-20", kind="territory")
    assert event.change == "besieged" and event.place.canonical == "Tal Afar"
    assert (event.date.isoformat(), event.date_precision) == ("2017-08-20", "reported")


@pytest.mark.parametrize("text", [
    "If Raqqa falls, the Islamic State will have lost its capital.",
    "Commanders said they expected to retake Mosul from the Islamic State before the end of the year.",
    "The army denied that the Islamic State had captured Ramadi.",
    "The prime minister has vowed to move on to Mosul, which he wants retaken from the Islamic State by December.",
])
def test_hypothetical_future_and_denied_changes_are_not_events(text):
    assert events_of(text, kind="territory") == []


def test_a_recalled_change_keeps_its_own_date_and_a_later_clause_does_not_lend_its_date():
    text = "Iraqi forces retook Ramadi from the Islamic State on Monday, seven months after the jihadists overran the city."
    found = {e.change: e for e in events_of(text, published="2015-12-28", kind="territory")}
    assert found["retaken"].date.isoformat() == "2015-12-28"
    assert found["captured"].date is None and found["captured"].date_precision == "unknown"
    assert roles(found["captured"], "gaining") == {"islamic-state"}


def test_a_country_is_not_a_place_that_changes_hands():
    assert events_of("The Islamic State lost 23 percent of its territory in Iraq and Syria during 2016.",
                     kind="territory") == []


def test_a_forecast_of_a_fall_is_not_a_territorial_change():
    text = ("An analyst said the fighters were likely to return to insurgency once Mosul and Raqqa fell. "
            "Iraqi forces retook Tikrit from the Islamic State in March 2015.")
    found = events_of(text, published="2017-06-29", kind="territory")
    assert [e.place.canonical for e in found] == ["Tikrit"]
