"""Several attacks in one sentence, and attacks named by their place (issue 13, analysis pieces).

Every sentence here is written by the team, with the phenomena of 2016-2017 analysis pieces and
Current Events summaries: lists of attacks, attacks recalled with their own dates, an attack
named by its city, generic mentions of attacks.
"""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def _by_place(events):
    return {e.place.canonical: e for e in events}


def test_a_list_of_recalled_attacks_gives_each_its_place_and_its_own_date():
    # was one Orlando attack carrying Nice's date (2016-07-14)
    text = ("Officials fear more attacks like the June 12 Orlando nightclub shooting and the July 14 Nice "
            "Bastille Day attack, both inspired by the Islamic State.")
    found = _by_place(events_of(text, published="2016-09-20", kind="attack"))
    assert set(found) == {"Orlando", "Nice"}
    assert (found["Orlando"].date.isoformat(), found["Orlando"].date_precision) == ("2016-06-12", "day")
    assert (found["Nice"].date.isoformat(), found["Nice"].date_precision) == ("2016-07-14", "day")
    assert found["Nice"].place.country == "FR" and found["Orlando"].place.country == "US"


def test_a_list_of_named_attacks_is_several_attacks_none_dated_by_the_report():
    # "the Paris attacks" etc. were dropped as a generic plural; undated, they are not the report's news
    text = "Analysts say the group inspired the Paris attacks, the Brussels bombings and the Berlin truck attack."
    found = _by_place(events_of(text, published="2017-03-01", kind="attack"))
    assert set(found) == {"Paris", "Brussels", "Berlin"}
    assert all(e.date is None and e.date_precision == "unknown" for e in found.values())
    assert found["Brussels"].attack_type == "Bombing/Explosion"


def test_bombings_in_two_cities_are_two_attacks_with_the_toll_only_as_a_bound():
    found = _by_place(events_of("Car bombings in Baghdad and Karbala kill 30 people.", published="2016-06-01",
                                kind="attack"))
    assert set(found) == {"Baghdad", "Karbala"}
    # 30 is the toll of both together: each was at most 30, neither exactly
    assert all((e.killed.low, e.killed.high) == (None, 30) for e in found.values())
    assert len({e.id for e in found.values()}) == 2


def test_a_listed_town_ner_took_for_an_organisation_is_still_a_place():
    found = _by_place(events_of("Suicide bombings in Jableh and Tartus kill dozens, the Islamic State says.",
                                published="2016-05-23", kind="attack"))
    assert set(found) == {"Jablah", "Ţarţūs"} and all(e.place.country == "SY" for e in found.values())
    assert all(roles(e, "perpetrator") == {"islamic-state"} for e in found.values())


def test_an_attack_named_by_its_city_is_one_undated_attack_there():
    [event] = events_of("Since the Nice attack, France has kept its state of emergency.", published="2016-12-01",
                        kind="attack")
    assert (event.place.canonical, event.place.country) == ("Nice", "FR")
    assert event.date is None  # recalled: not the report's day


@pytest.mark.parametrize("text", [
    "Terrorist attacks are a constant threat to European cities.",
    "The group has carried out attacks in Turkey, France and Belgium.",
])
def test_generic_mentions_of_attacks_stay_out(text):
    assert events_of(text, published="2016-12-01", kind="attack") == []


def test_one_attack_with_one_place_is_not_split():
    [event] = events_of("Two suicide bombers killed 20 people at a market in Baghdad and wounded 40.",
                        published="2016-06-01", kind="attack")
    assert event.place.canonical == "Baghdad" and event.killed.low == 20


def test_one_attack_noun_with_two_cities_and_a_second_noun_are_each_an_attack():
    # was nothing (the article was parsed onto "Brussels"); before that, one fused attack
    text = ("Its reach was shown by the Brussels and Ankara attacks and the nightclub attack in Istanbul "
            "on New Year's Day.")
    found = _by_place(events_of(text, published="2017-02-01", kind="attack"))
    assert set(found) == {"Brussels", "Ankara", "Istanbul"}


def test_years_listed_before_attacks_in_listed_cities_go_with_them_in_order():
    # "the 2015 and 2016 attacks in Paris and Brussels" became one Paris attack
    found = _by_place(events_of("Europe has been on alert since the 2015 and 2016 attacks in Paris and Brussels.",
                                published="2017-02-01", kind="attack"))
    assert {name: (e.date.year, e.date_precision) for name, e in found.items()} == {
        "Paris": (2015, "year"), "Brussels": (2016, "year")}


def test_a_downed_airliner_two_cities_attacks_and_a_nightclub_attack_are_four_attacks_none_fused():
    # issue 13: such a paragraph once became one "Iraq" attack; each keeps its own place, none the report's day
    text = ("The downing of a Russian airliner over Sinai, the Brussels and Istanbul attacks and a nightclub "
            "attack in Orlando showed how far the group could reach.")
    found = events_of(text, published="2017-02-01", kind="attack")
    assert sorted(e.place.canonical for e in found) == ["Brussels", "Istanbul", "Orlando", "Sinai Peninsula"]
    assert {e.place.country for e in found} == {"EG", "BE", "TR", "US"}
    assert all(e.date is None for e in found)


def test_a_town_and_its_region_the_parser_made_a_list_are_one_attack_with_its_toll():
    # the parser hangs "Guanajuato" on "Irapuato" as a conjunct and the dead as an apposition;
    # no "and" joins the two places: one attack, and the closing count is its toll
    text = ("On 5 May 2020, in Irapuato, Guanajuato, a man and a woman were shot dead in a bar in Colonia "
            "Centro. The woman was a waitress. 2 fatalities.")
    [event] = events_of(text, published="2020-05-06", kind="attack")
    assert event.place.canonical == "Irapuato" and (event.killed.low, event.killed.high) == (2, 2)


def test_whom_a_group_is_against_is_no_part_of_its_name():
    [event] = events_of("On 6 May 2020, anti-Houthi National Resistance forces fired mortar shells at a village near "
                        "Hays, killing two civilians.", published="2020-05-07", kind="attack")
    assert [a.name for a in event.actors if a.role == "perpetrator"] == ["National Resistance"]
