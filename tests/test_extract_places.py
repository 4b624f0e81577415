"""Where an attack is: the country context of a report and the names around it.

Sentences written by the team, each with a phenomenon seen in real incident reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extract_helpers import attack_place as place_of
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import place_mentions
from shardwatch.nlp import get_nlp
from shardwatch.types import Article


@pytest.mark.parametrize("text, country", [
    # a region name several countries hold does not name the report's country
    ("Gunmen ambushed a supply convoy in the Bay region of southern Somalia, killing six soldiers.", "SO"),
    # the country beyond a border is not where the bomb went off
    ("A suicide bomber blew himself up in a crowded market in the town of Parachinar near the border with "
     "Afghanistan, killing nine.", "PK"),
    # the district of a province: the province's own region word
    ("Insurgents attacked a police checkpoint in the Andar district of Ghazni Province, killing five officers.", "AF"),
])
def test_the_country_comes_from_what_names_it_plainly(text, country):
    place = place_of(text)
    assert place is not None and place.country == country


def test_a_village_the_gazetteer_lacks_is_kept_before_its_country():
    place = place_of("Militants fired rockets at a Turkish outpost in Dalya, Iraq, wounding two soldiers.")
    # kept as written; the map shows it at its country, which precision 3 and located_at say
    assert (place.name, place.country, place.precision, place.located_at) == ("Dalya", "IQ", 3, "Iraq")


def test_a_village_the_gazetteer_lacks_is_kept_before_its_country_with_a_direction():
    # the article names two countries: the one written after the village, past its direction word, holds it
    place = place_of("Militants who crossed from Iraq attacked the village of Umm Sarij in eastern Syria, "
                     "killing four guards.")
    assert (place.name, place.country, place.precision, place.located_at) == ("Umm Sarij", "SY", 3, "Syria")


@pytest.mark.parametrize("text, name", [
    # the Arabic article in lower case still begins a proper name
    ("A car bomb exploded in the town of al-Bab on Sunday, killing eight people.", "al-Bab"),
    ("Gunmen opened fire on a bus near el-Arish, killing seven passengers.", "el-Arish"),
])
def test_a_name_after_a_lower_case_arabic_article_is_a_place(text, name):
    assert place_of(text).name == name


def test_a_name_with_a_lower_case_article_is_no_well_known_place_abroad():
    # Sabha is a Libyan city; "al-Sabha" in a Syrian story is a village the gazetteer lacks
    place = place_of("A roadside bomb killed three fighters of the Syrian Democratic Forces near al-Sabha "
                     "in Deir ez-Zor province.")
    assert place.country == "SY"


@pytest.mark.parametrize("text, name", [
    # a district's name before "district of" is the place; only a people's word before "city of" is not
    ("Taliban fighters stormed a checkpoint in the Garmsir district of southern Helmand province, killing "
     "four policemen.", "Garmsir"),
])
def test_a_name_before_district_of_is_still_the_place(text, name):
    assert place_of(text).name.startswith(name)


def test_an_acronym_in_brackets_is_no_place():
    place = place_of("A roadside bomb hit a truck of the African Union Mission in Somalia (AMISOM), "
                     "injuring three peacekeepers.")
    assert place is not None and place.name != "AMISOM" and place.country == "SO"


def test_compass_regions_meet_however_they_are_written():
    assert {"CM", "IS"} <= {p.country for p in get_gazetteer().candidates("Northwest Region")}


@pytest.mark.parametrize("text, name", [
    ("Gunmen shot dead a shopkeeper in the Hodan area of Mogadishu.", "Mogadishu"),
    ("Militants killed two policemen in Chakura village of Pulwama district.", "Pulwama district"),
])
def test_an_unknown_part_of_a_known_place_gives_way_to_it(text, name):
    assert place_of(text).name == name


@pytest.mark.parametrize("text, name", [
    ("Rebels attacked a fuel convoy in Colombia, killing three drivers. The ambush happened in Cauca Department, "
     "police said.", "Cauca Department"),
    ("A grenade thrown at a bus stop killed two commuters on Monday. The blast happened in the city of Kano, "
     "police said.", "Kano"),
])
def test_a_finer_place_told_after_the_attack_is_its_place(text, name):
    place = place_of(text)
    assert place is not None and place.name == name


def test_the_name_before_an_acronym_ends_a_group_not_a_place():
    place = place_of("Rebels of the Communist Party of Nepal-Maoists (CPN-M) bombed a bus near Dharan, "
                     "killing three passengers.")
    assert place is not None and place.name == "Dharan"


def test_the_name_after_a_towns_comma_is_its_region():
    text = "A pipe bomb exploded outside the courthouse in Salem, Oregon, injuring a guard."
    article = Article(id="t", text=text, published=dt.date(2018, 3, 20))
    places = {m.text: m.place for m in place_mentions(get_nlp()(text), article)}
    assert (places["Salem"].country, places["Salem"].admin1) == ("US", "Oregon")
    assert (places["Oregon"].precision, places["Oregon"].country) == (2, "US")  # the state, not Oregon, Ohio


@pytest.mark.parametrize("text, name", [
    ("A suicide bomber rammed a car into the gates of Jalalabad Airport, killing six guards.", "Jalalabad"),
])
def test_an_airport_places_the_attack_in_its_town(text, name):
    place = place_of(text)
    assert place is not None and place.name == name and place.country == "AF"


def test_a_district_the_gazetteer_lacks_takes_its_possessors_country():
    place = place_of("Militants attacked a police post in Ghazni's Jaghori District, killing three officers.")
    assert place is not None and place.country == "AF"


def test_a_region_with_lower_case_joiners_is_one_name():
    place = place_of("Militants fired at an army helicopter in the municipality of Tibu, Norte de Santander "
                     "Department, wounding a pilot.")
    assert place is not None and place.country == "CO"


def test_the_region_in_a_groups_name_before_its_acronym_places_its_attack():
    place = place_of("A bomb planted by the United Liberation Front of Assam (ULFA) exploded at a market, "
                     "wounding nine people.")
    assert place is not None and place.country == "IN"


def test_the_firm_a_thing_belongs_to_is_not_where_it_was_attacked():
    place = place_of("A power pylon belonging to Ecopetrol was bombed by guerrillas in Norte de Santander Department.")
    assert (place.name, place.country, place.precision) == ("Norte de Santander Department", "CO", 2)
