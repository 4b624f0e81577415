"""Where an attack is, among the names of its sentence (``extract.attack_places``).

Sentences written by the team, each with a phenomenon seen in real incident reports.
"""

from __future__ import annotations

import pytest

from extract_helpers import attack_place as place_of, events_of


@pytest.mark.parametrize("text, name, country", [
    # a village the gazetteer lacks, tagged as an organisation: kept in the country the report names
    ("Gunmen stormed a checkpoint in Qaryat Bahar and killed five Iraqi policemen.", "Qaryat Bahar", "IQ"),
    # no country named: the name as written, with none
    ("Masked men burst into a clinic at Tell Hammam, killing two nurses.", "Tell Hammam", None),
    # a name of towns on two continents, which the gazetteer leaves unresolved
    ("Petrol bombs were thrown at officers in Derry, injuring two.", "Derry", None),
])
def test_a_name_after_a_preposition_of_place_places_an_attack_placed_nowhere_finer(text, name, country):
    place = place_of(text)
    assert place is not None and (place.name, place.country) == (name, country)
    # kept as written: with a country the map shows it there (precision 3), with none nowhere
    assert (place.precision, place.lat is None) == ((3, False) if country else (1, True))


@pytest.mark.parametrize("text, name, canonical, country", [
    # the name before its kind word, in the country the report names
    ("Rebels killed four soldiers in the Qasr Jadid village in northern Syria.", "Qasr Jadid village", "Qasr Jadid",
     "SY"),
    # on the outskirts of a place
    ("A grenade was thrown on the outskirts of Tell Marab, wounding three.", "Tell Marab", "Tell Marab", None),
    # a site's name, with its kind
    ("A suicide bomber blew himself up at Qalqas crossing, killing a guard.", "Qalqas crossing", "Qalqas", None),
])
def test_a_name_before_its_kind_or_after_the_outskirts_of_places_an_attack(text, name, canonical, country):
    place = place_of(text)
    assert place is not None and (place.name, place.canonical, place.country) == (name, canonical, country)


def test_a_site_named_after_a_town_places_an_attack_at_the_town():
    place = place_of("A car bomb exploded on the Kirkuk Airport Road, killing two policemen.")
    assert place is not None and (place.canonical, place.country, place.precision) == ("Kirkuk", "IQ", 1)


@pytest.mark.parametrize("text, name, country", [
    # the gazetteer knows the start of the title's name
    ("2003 Mozdok Mi-8 crash: Rebels shot down a helicopter carrying thirty soldiers.", "Mozdok", "RU"),
    # a name it lacks, as written
    ("2007 Tal Marzouk bus explosion: A bomb went off beside a crowded bus, killing nine passengers.", "Tal Marzouk",
     None),
    # a title naming the deed otherwise than as an attack
    ("Mozdok prison break: Gunmen stormed the jail, killing two guards and freeing forty inmates.", "Mozdok", "RU"),
])
def test_a_reports_title_places_an_attack_its_account_places_nowhere(text, name, country):
    place = place_of(text)
    assert place is not None and (place.name, place.country, place.precision) == (name, country, 1)


def test_baghdads_green_zone_is_no_county_abroad():
    # a site of the places data, whose kind word "zone" made it a US county's name
    place = place_of("Rockets struck the Green Zone, wounding two contractors.")
    assert place is not None and (place.country, place.precision) == ("IQ", 1)


def test_the_attack_retold_with_no_place_is_the_one_its_sentence_named():
    # the second sentence retells the first attack: one event, placed by the first's name, with the toll
    attacks = events_of("Gunmen opened fire on laborers building a school on the Mand-Buleda road in Pakistan. "
                        "The attack killed six people and wounded two more.", published="2018-03-20", kind="attack")
    assert len(attacks) == 1
    assert attacks[0].place.name == "Mand-Buleda road" and attacks[0].killed.low == 6


@pytest.mark.parametrize("text, place", [
    ("Militants operating in Idlib killed at least 22 soldiers in the northern part of Hama Governorate.",
     "Hama Governorate"),
    ("Gunmen based in Kandahar ambushed a police patrol in Zabul province, killing six officers.", "Zabul"),
])
def test_where_the_doers_are_based_is_not_where_they_struck(text, place):
    assert place in place_of(text, published="2019-05-04").name
