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


def test_a_place_taken_from_the_group_by_a_non_state_force_is_retaken():
    # the change is read from the group's side: what is taken from it is retaken, whoever takes it
    [event] = events_of("The Syrian Democratic Forces captured Manbij from the Islamic State on 12 August 2016.",
                        kind="territory")
    assert event.change == "retaken" and (event.date.isoformat(), event.date_precision) == ("2016-08-12", "day")
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


# --- issue 13: the verbs and nouns of control on real-style sentences (team-written) ---

def test_a_list_of_towns_the_model_tags_as_people_and_groups_is_one_event_per_town():
    # the small model tags these town names as ORG and PERSON; the place noun says they are towns
    found = events_of("The Islamic State overran the towns of al-Qa'im, Anah and Rawa near the Syrian border.",
                      published="2014-06-22", kind="territory")
    assert sorted((e.place.country, e.change) for e in found) == [("IQ", "captured")] * 3
    assert len({e.place.canonical for e in found}) == 3
    assert all(roles(e, "gaining") == {"islamic-state"} for e in found)


def test_a_list_after_including_with_a_phrase_inside_it_is_read_to_its_end():
    text = ("Iraqi troops took over several towns including Khanaqin near the Iranian border, "
            "Jalawla, Bashiqa and Rabia, as well as the Mosul Dam.")
    found = events_of(text, published="2017-10-18", kind="territory")
    names = sorted(e.place.name for e in found)
    assert names == ["Bashiqa", "Jalawla", "Khanaqin", "Mosul Dam", "Rabia"]
    assert {e.place.country for e in found} == {"IQ"}
    assert {e.change for e in found} == {"captured"}  # no side of the group: a taking between others


def test_a_site_named_before_its_noun_is_the_place_as_written():
    [event] = events_of("Kurdish fighters captured the strategic Mishtenur hill from the Islamic State.",
                        published="2015-01-20", kind="territory")
    assert event.place.name == "Mishtenur hill" and event.change == "retaken"
    assert roles(event, "losing") == {"islamic-state"}


@pytest.mark.parametrize(("text", "place", "change"), [
    ("Iraqi forces announced the complete recapture of the city of Ramadi from the Islamic State.", "Ramadi",
     "retaken"),
    ("The Syrian army announced the liberation of Deir ez-Zor from the Islamic State.", "Deir ez-Zor", "retaken"),
    ("The Iraqi army says it is in full control of the city of Tal Afar after a week of clashes with ISIS.",
     "Tal Afar", "retaken"),
    ("ISIS regained control of Abu Kamal on Saturday.", "Abu Kamal", "captured"),
    ("Islamic State militants continue to besiege the oil port of Sidra in Libya.", "Sidra", "besieged"),
])
def test_nominalisations_control_and_continued_deeds(text, place, change):
    found = events_of(text, published="2017-11-11", kind="territory")
    assert [(e.place.name, e.change) for e in found] == [(place, change)]


def test_the_group_retaking_a_place_is_its_capture():
    [event] = events_of("ISIS recaptured the Syrian city of Palmyra despite Russian airstrikes.",
                        published="2016-12-11", kind="territory")
    assert event.change == "captured" and event.place.country == "SY"


@pytest.mark.parametrize(("text", "place"), [
    ("The Iraqi government began Operation Northern Dawn, aimed at retaking the city of Fallujah from ISIS.",
     "Fallujah"),
    ("The prime minister announced the start of the Battle of Mosul against the Islamic State.", "Mosul"),
    ("Kurdish-led forces launched an offensive against Islamic State fighters in the province of Hasaka.",
     "Al Ḩasakah"),
    ("Iraqi forces advanced north towards ISIS-held Qayyarah on Tuesday.", "Qayyarah"),
])
def test_offensives_operations_battles_and_advances_put_a_place_under_offensive(text, place):
    found = events_of(text, published="2016-07-05", kind="territory")
    assert [(e.place.canonical, e.change) for e in found] == [(place, "under_offensive")]
    assert all(roles(e, "losing") == {"islamic-state"} for e in found)


def test_a_planned_operation_to_retake_a_city_is_not_an_offensive():
    text = "Analysts expect the curfew to precede major ground operations to retake Ramadi from the Islamic State."
    assert events_of(text, published="2015-12-01", kind="territory") == []


def test_a_part_of_a_city_keeps_its_direction_and_the_city_stays_canonical():
    [event] = events_of("Iraqi forces launched an operation to regain control of western Mosul from ISIS.",
                        published="2017-02-19", kind="territory")
    assert (event.place.name, event.place.canonical, event.change) == ("western Mosul", "Mosul", "under_offensive")


def test_the_army_without_a_state_is_the_army_of_the_state_the_place_lies_in():
    [event] = events_of("The army drove Islamic State fighters out of Hawija on Thursday.",
                        published="2017-10-05", kind="territory")
    assert roles(event, "gaining") == {"iraqi-forces"} and event.change == "retaken"


def test_a_date_in_a_relative_clause_about_the_place_is_not_the_offensive_date():
    text = ("The government began an operation to retake Fallujah, which has been under the control of "
            "the Islamic State since early 2014.")
    [event] = events_of(text, published="2016-05-23", kind="territory")
    assert event.change == "under_offensive" and event.date.isoformat() == "2016-05-23"


_LEAD = "The Islamic State is on the back foot. "


@pytest.mark.parametrize(("text", "expected"), [
    (_LEAD + "Since 2015 the group has retreated from the Iraqi towns of Hit, Baiji and Rutba.",
     {("Hit", "lost"), ("Baiji", "lost"), ("Ar Ruţbah", "lost")}),
    ("Over the year ISIS lost control over Manbij, Dabiq and a long stretch of the Turkish border.",
     {("Manbij", "lost"), ("Dabiq", "lost")}),
    (_LEAD + "In Libya the group was pushed out of the coastal city of Sirte.", {("Sirte", "retaken")}),
    (_LEAD + "Its self-declared capital in Syria, Raqqa, is now almost surrounded.", {("Raqqa", "besieged")}),
    (_LEAD + "A joint offensive is underway against its largest remaining stronghold in Mosul.",
     {("Mosul", "under_offensive")}),
    ("Thousands have left Ramadi since it was captured by the Islamic State.", {("Ramadi", "captured")}),
])
def test_analysis_piece_phrasings_of_losses(text, expected):
    found = events_of(text, published="2016-12-01", kind="territory")
    assert {(e.place.canonical, e.change) for e in found} == expected


@pytest.mark.parametrize(("text", "name", "city", "change"), [
    # a site named by a common noun and the town it lies in: the site as written, on the town's spot
    ("The Iraqi army recaptures the main government compound in Tikrit.", "main government compound in Tikrit",
     "Tikrit", "retaken"),
    ("Iraqi troops recaptured the main hospital in Ramadi from ISIS.", "main hospital in Ramadi", "Ramadi", "retaken"),
    # an area told by its bearing from a town (the parser hangs "north of" on the verb), without its number
    ("A Shia militia says it cleared ISIS out of several villages north of Tal Afar.", "villages north of Tal Afar",
     "Tal Afar", "retaken"),
    ("Kurdish fighters drove ISIS out of three villages near Kirkuk.", "villages near Kirkuk", "Kirkuk", "retaken"),
])
def test_sites_and_areas_anchored_at_a_town(text, name, city, change):
    [event] = events_of(text, published="2017-05-30", kind="territory")
    [town] = [e for e in events_of(f"Iraqi forces retook {city} from ISIS.", kind="territory")]
    assert (event.place.name, event.change, event.place.country) == (name, change, "IQ")
    assert (event.place.lat, event.place.lon) == (town.place.lat, town.place.lon)


def test_cleared_out_of_is_a_driving_out_not_an_entry():
    [event] = events_of("Government troops cleared ISIS out of Baiji after a week of fighting.",
                        published="2015-10-20", kind="territory")
    assert (event.place.canonical, event.change) == ("Baiji", "retaken")
    assert roles(event, "losing") == {"islamic-state"}


def test_the_capture_of_a_site_from_the_group_with_no_taker_named_is_retaken():
    # taken from the group, whoever took it (was "lost", the word for the group giving it up)
    [event] = events_of("The prime minister hails the end of the siege following the capture of the Grand Mosque "
                        "in Mosul from the Islamic State.", published="2017-06-30", kind="territory")
    assert (event.place.name, event.change) == ("Grand Mosque", "retaken")
    assert roles(event, "losing") == {"islamic-state"}


def test_a_states_government_named_by_its_adjective_is_its_forces_in_its_own_country():
    [event] = events_of("The Iraqi government recaptures the main hospital in Fallujah.", published="2016-06-18",
                        kind="territory")
    assert roles(event, "gaining") == {"iraqi-forces"} and event.change == "retaken"
    assert events_of("The Iraqi government recaptures the main hospital in Aleppo.", kind="territory") == []


def test_the_fall_of_a_city_to_the_group_and_a_libyan_port_besieged():
    [fall] = events_of("Refugees have streamed out of the region since the fall of Mosul to the Islamic State "
                       "in June 2014.", published="2016-06-01", kind="territory")
    assert (fall.place.canonical, fall.change, fall.date.isoformat()) == ("Mosul", "captured", "2014-06-01")
    assert roles(fall, "gaining") == {"islamic-state"}
    [siege] = events_of("Islamic State militants continue to besiege the Libyan oil port of Ras Lanuf.",
                        published="2016-01-05", kind="territory")
    assert (siege.place.name, siege.place.country, siege.change) == ("Ras Lanuf", "LY", "besieged")


@pytest.mark.parametrize("text, name", [
    ("Iraqi forces say they are in full control of the Iraqi Turkmen town of Tuz Khurmatu after two days of "
     "fighting.", "Tuz Khurmatu"),
    ("The Iraqi army retakes the Turkmen city of Tal Afar from ISIL.", "Tal Afar"),
])
def test_a_people_or_faith_before_a_place_word_is_no_place(text, name):
    # the name is the one after "of"; the word before "town" or "city" only qualifies it
    found = events_of(text, published="2017-08-27", kind="territory")
    assert [e.place.name for e in found] == [name]


def test_taking_control_of_a_place_with_of_on_the_verb_is_a_capture():
    [event] = events_of("ISIL militants take control of the town of Hit in Anbar province.", published="2014-10-04",
                        kind="territory")
    assert (event.place.name, event.change) == ("Hit", "captured") and roles(event, "gaining") == {"islamic-state"}


# --- issue 13 audit (stop 27): every verb and noun of control the issue lists, one sentence each ---

@pytest.mark.parametrize(("text", "place", "change"), [
    ("Islamic State militants captured the town of Hit on Friday.", "Hit", "captured"),
    ("ISIS fighters seized the town of Rutba in western Anbar.", "Ar Ruţbah", "captured"),
    ("ISIS took Ramadi in May 2015.", "Ramadi", "captured"),
    ("Islamic State fighters overran the Syrian town of Palmyra.", "Palmyra (Tadmur)", "captured"),
    ("Ramadi fell to the Islamic State in May 2015.", "Ramadi", "captured"),
    ("Iraqi forces retook Baiji from ISIS in October 2015.", "Baiji", "retaken"),
    ("Syrian troops recaptured Palmyra from the Islamic State in March 2017.", "Palmyra (Tadmur)", "retaken"),
    ("Iraqi troops liberated the town of Qayyarah from ISIS.", "Qayyarah", "retaken"),
    ("Kurdish peshmerga freed the town of Sinjar from the Islamic State in November 2015.", "Sinjar", "retaken"),
    ("Kurdish fighters drove Islamic State militants out of Tal Abyad in June 2015.", "Tal Abyad", "retaken"),
    ("Rebels pushed ISIS out of Jarablus on Wednesday.", "Jarablus", "retaken"),
    ("Libyan forces expelled the Islamic State from Sirte in December 2016.", "Sirte", "retaken"),
    ("The Islamic State lost Manbij in August 2016.", "Manbij", "lost"),
    ("ISIS fighters withdrew from Tikrit after a month of fighting.", "Tikrit", "lost"),
    ("Islamic State militants retreated from Dabiq on Sunday.", "Dabiq", "lost"),
    ("Islamic State fighters besieged the town of Kobane for months.", "Kobani (Ayn al-Arab)", "besieged"),
    ("Iraqi forces encircled ISIS-held Fallujah in June 2016.", "Fallujah", "besieged"),
    ("Kurdish forces surrounded the Islamic State's capital Raqqa on Tuesday.", "Raqqa", "besieged"),
    ("Iraqi troops cut off ISIS-held Tal Afar from Mosul.", "Tal Afar", "besieged"),
    ("Iraqi forces began an offensive on ISIS-held Hawija on Thursday.", "Hawija", "under_offensive"),
    ("Iraqi forces launched an offensive against ISIS in Tal Afar.", "Tal Afar", "under_offensive"),
    ("The battle for Mosul against the Islamic State began in October 2016.", "Mosul", "under_offensive"),
    ("The Syrian army launched an assault on ISIS-held Deir ez-Zor.", "Deir ez-Zor", "under_offensive"),
    ("The fall of Ramadi to the Islamic State in May 2015 was a blow to the government.", "Ramadi", "captured"),
    ("The recapture of Ramadi from ISIS was hailed in Baghdad.", "Ramadi", "retaken"),
    ("Residents have fled Raqqa since it was captured by ISIS in 2014.", "Raqqa", "captured"),
])
def test_each_verb_and_noun_of_control_the_issue_lists(text, place, change):
    found = events_of(text, published="2017-06-01", kind="territory")
    assert [(e.place.canonical, e.change) for e in found] == [(place, change)]


def test_cut_off_is_a_siege_active_or_passive_but_a_road_cut_off_is_no_place_besieged():
    [active] = events_of("Iraqi forces have cut off the Islamic State fighters in Tal Afar.", kind="territory")
    [passive] = events_of("The Islamic State's stronghold of Tal Afar has been cut off by Iraqi troops.",
                          kind="territory")
    for event in (active, passive):
        assert (event.place.canonical, event.change) == ("Tal Afar", "besieged")
        assert roles(event, "gaining") == {"iraqi-forces"} and roles(event, "losing") == {"islamic-state"}
    assert events_of("Kurdish forces cut off the road between Raqqa and Deir ez-Zor, isolating the Islamic State.",
                     kind="territory") == []


@pytest.mark.parametrize(("text", "state"), [
    ("Government forces retook Hit from the Islamic State on Monday.", "iraqi-forces"),
    ("Troops retook Hit from the Islamic State on Monday.", "iraqi-forces"),
    ("Soldiers retook Hit from the Islamic State on Monday.", "iraqi-forces"),
    ("Government troops pushed ISIS out of Palmyra on Monday.", "syrian-army"),
])
def test_government_forces_and_troops_are_the_forces_of_the_state_the_place_lies_in(text, state):
    # the parser's lemmas are singular ("force", "troop"): only "the army" was read before
    [event] = events_of(text, published="2017-06-01", kind="territory")
    assert roles(event, "gaining") == {state} and roles(event, "losing") == {"islamic-state"}


@pytest.mark.parametrize("text", [
    "Kurdish forces retook Sinjar from the Islamic State on 13 November 2015.",
    "Rebel forces retook Dabiq from the Islamic State.",
])
def test_forces_named_by_a_people_or_a_movement_are_not_the_states(text):
    [event] = events_of(text, published="2017-06-01", kind="territory")
    assert not roles(event, "gaining") & {"iraqi-forces", "syrian-army"} and event.change == "retaken"


def test_the_fall_of_a_city_to_the_group_read_as_an_infinitive_is_still_its_capture():
    # the small model reads "to ISIS" as "to" + a verb; it was the group's loss
    [event] = events_of("The fall of Mosul to ISIS in June 2014 shocked the world.", published="2016-06-01",
                        kind="territory")
    assert (event.place.canonical, event.change) == ("Mosul", "captured")
    assert roles(event, "gaining") == {"islamic-state"}
    # and the date hung on that "verb" is the fall's own, not the report's
    assert (event.date.isoformat(), event.date_precision) == ("2014-06-01", "month")


@pytest.mark.parametrize("text", [
    "The siege of Kobane by the Islamic State lasted four months.",
    "The Islamic State's siege of Kobane failed.",
])
def test_the_besieger_of_a_siege_noun_is_the_gaining_side_not_the_losing(text):
    # was the group besieged (losing) in its own siege
    [event] = events_of(text, published="2015-02-01", kind="territory")
    assert (event.place.canonical, event.change) == ("Kobani (Ayn al-Arab)", "besieged")
    assert roles(event, "gaining") == {"islamic-state"} and not roles(event, "losing")


@pytest.mark.parametrize("text", [
    "The Iraqi government declares Ramadi fully liberated from the Islamic State.",
    "Baghdad's government declared Ramadi liberated from ISIL on Monday.",
])
def test_a_place_declared_liberated_is_retaken_by_the_side_that_declares_it(text):
    [event] = events_of(text, published="2016-02-10", kind="territory")
    assert (event.place.canonical, event.change) == ("Ramadi", "retaken")
    assert roles(event, "gaining") == {"iraqi-forces"} and roles(event, "losing") == {"islamic-state"}


def test_the_army_declaring_a_town_liberated_is_the_states_retaking():
    [event] = events_of("The army declared Ramadi liberated.", published="2016-02-10", kind="territory")
    assert event.change == "retaken" and roles(event, "gaining") == {"iraqi-forces"}


def test_troops_regaining_control_of_a_philippine_city_from_an_affiliated_group():
    [event] = events_of("Philippine troops regain control of Marawi from the Maute group.",
                        published="2017-10-23", kind="territory")
    assert (event.place.canonical, event.place.country, event.change) == ("Marawi", "PH", "retaken")
    assert roles(event, "gaining") == {"philippine-forces"} and roles(event, "losing") == {"maute-group"}


def test_since_the_fall_of_a_city_keeps_the_falls_date_and_not_the_main_clauses():
    found = events_of("Since the fall of Mosul to ISIS in June 2014, the army has rebuilt its units.",
                      published="2017-03-01", kind="territory")
    [fall] = [e for e in found if e.place.canonical == "Mosul"]
    assert fall.change == "captured" and fall.date.isoformat() == "2014-06-01"


def test_a_date_inside_a_since_phrase_is_not_the_date_of_the_main_clauses_retaking():
    found = events_of("Since the capture of Mosul by ISIS in June 2014, Iraqi forces have retaken Ramadi.",
                      published="2017-03-01", kind="territory")
    by_place = {e.place.canonical: e for e in found}
    assert by_place["Mosul"].date.isoformat() == "2014-06-01"
    assert by_place["Ramadi"].change == "retaken" and by_place["Ramadi"].date.isoformat() != "2014-06-01"


def test_a_side_announcing_that_a_city_has_been_captured_is_its_taker():
    [event] = events_of("The Iraqi army confirmed that Tikrit had been retaken from ISIS.",
                        published="2015-04-01", kind="territory")
    assert (event.place.canonical, event.change) == ("Tikrit", "retaken")
    assert roles(event, "gaining") == {"iraqi-forces"} and roles(event, "losing") == {"islamic-state"}
    assert not events_of("Witnesses said that Tikrit had been captured.", published="2015-04-01", kind="territory")


def test_a_town_name_the_model_runs_into_the_next_preposition_is_cut_there():
    [event] = events_of("Boko Haram militants take over the town of Baga in Borno State.",
                        published="2015-01-05", kind="territory")
    assert (event.place.canonical, event.place.country, event.change) == ("Baga", "NG", "captured")


@pytest.mark.parametrize(("text", "place", "gaining"), [
    ("ISIS fighters were driven from Kobani in January 2015.", "Kobani (Ayn al-Arab)", set()),
    ("Kurdish fighters drove ISIS from Kobani.", "Kobani (Ayn al-Arab)", {"ypg"}),
    ("ISIS was routed from Manbij in August 2016.", "Manbij", set()),
    ("Government troops reclaimed the town of Gwoza from Boko Haram.", "Gwoza", {"nigerian-forces"}),
    ("Iraqi troops wrested control of Ramadi from the Islamic State.", "Ramadi", {"iraqi-forces"}),
])
def test_driven_from_routed_reclaimed_and_wrested_are_retakings(text, place, gaining):
    [event] = events_of(text, published="2016-09-01", kind="territory")
    assert (event.place.canonical, event.change) == (place, "retaken")
    assert roles(event, "gaining") == gaining and roles(event, "losing") - {"islamic-state", "boko-haram"} == set()
    assert roles(event, "losing")


def test_people_driven_from_a_city_are_no_change_of_hands():
    assert not events_of("Thousands of families were driven from Mosul.", published="2016-09-01", kind="territory")


def test_the_free_syrian_army_is_not_the_syrian_army():
    [event] = events_of("The Free Syrian Army captures Dabiq from ISIL.", published="2016-10-16", kind="territory")
    assert roles(event, "gaining") == {"free-syrian-army"} and roles(event, "losing") == {"islamic-state"}
    assert event.change == "retaken"
