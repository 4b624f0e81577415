"""Where an attack is when the report names no country: its groups, and names NER misread.

Sentences written by the team, each with a phenomenon seen in real incident reports and
conflict monitors' notes.
"""

from __future__ import annotations

import pytest

from extract_helpers import attack_place as place_of, events_of
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.group_countries import group_area, group_country
from shardwatch.extract.mentions import place_mentions
from shardwatch.extract.place_names import bare_written
from shardwatch.nlp import get_nlp
from shardwatch.types import Article


@pytest.mark.parametrize("text, country, name", [
    # the gazetteer's only Zhari is a Polish town: the Taliban fight in Afghanistan
    ("Taliban fighters planted a mine that wounded three soldiers on a road in the Zhari District.", "AF", "Zhari"),
    # a Slovenian and a Nigerian Rann: Boko Haram says which
    ("Boko Haram fighters stormed the town of Rann at dawn, killing 14 villagers.", "NG", "Rann"),
    # no place at all: the group's one country
    ("Al-Shabaab gunmen shot dead two teachers on Monday.", "SO", None),
])
def test_a_groups_one_country_places_a_report_that_names_none(text, country, name):
    place = place_of(text)
    assert place is not None and place.country == country
    assert name is None or name in place.name


def test_groups_of_two_countries_name_no_country():
    doc = get_nlp()("Boko Haram and the Taliban praised the attack.")
    assert group_country(doc) is None
    assert group_country(get_nlp()("Boko Haram praised the attack.")) == "NG"


def test_groups_of_a_few_countries_name_their_area_not_a_country():
    doc = get_nlp()("Suspected JNIM and ISGS militants attacked the village.")
    assert group_area(doc) == {"ML", "BF", "NE"} and group_country(doc) is None
    assert group_area(get_nlp()("Boko Haram praised the attack.")) == frozenset()


@pytest.mark.parametrize("text, country, name", [
    # a Burkinabe commune (data/geo/admin3.jsonl) and a Turkish town of 15,000: the group's area says which
    ("On 3 May, suspected JNIM militants attacked the police station in Solhan, killing an officer.", "BF", "Solhan"),
    # a commune that GeoNames also gives as an alternate name of Penza, Russia (half a million people)
    ("On 14 May, suspected JNIM militants attacked the gendarmerie in Pensa, wounding two gendarmes.", "BF", "Pensa"),
    # a village no gazetteer holds, whose only namesake is a Japanese town: kept as written, in no country
    ("On 5 February, presumed ISGS militants ambushed a gendarmerie unit near Inata, wounding two gendarmes.",
     None, "Inata"),
])
def test_names_are_looked_for_in_the_area_of_the_groups_before_abroad(text, country, name):
    place = place_of(text)
    assert (place.country, place.name) == (country, name)


def test_a_name_written_as_a_district_is_no_town_abroad():
    place = place_of("Insurgents raided a village in the Palma District of Cabo Delgado, killing six people.")
    assert place.country == "MZ" and "Palma" in place.name
    # without a country in the text the name still finds its town
    assert get_gazetteer().resolve("Palma District", context={"MZ"}) is None
    assert get_gazetteer().resolve("Palma District").country == "ES"


@pytest.mark.parametrize("text, country, name", [
    # a place word calls the name a place though NER saw none
    ("A grenade was thrown at a police post in Kashmir's Tral village, wounding three.", "IN", "Tral"),
    # peacekeepers' nationality is not where they serve
    ("Jihadists attacked a camp of Chadian peacekeepers in the area of Kidal, killing ten of them.", "ML", "Kidal"),
    # "the village of X" is a place whatever NER calls X, and "Nigerian" is no part of "Yobe state"
    ("Insurgents overran an army base in the village of Jilli in the Nigerian Yobe state, killing 20 soldiers.",
     "NG", "Jilli"),
])
def test_names_ner_misreads_are_places_where_the_text_says_so(text, country, name):
    place = place_of(text)
    assert (place.country, place.name) == (country, name)


@pytest.mark.parametrize("text, country, name", [
    # NER cut "the Province of" from its name: the name after it is the province
    ("A councillor of the village of Bossey in the Province of Arbinda was shot dead by gunmen.", "BF", None),
    # "the region of Chad" is Chad, not a Russian village of that name
    ("Jihadists attacked a village in the Lac region of Chad, killing 18 people.", "TD", None),
    # a district one country alone has, however small its town
    ("A policeman was killed when a bomb went off in a village in the Daquq district.", "IQ", None),
    # NER tagged the first word of the town's name only
    ("A bomb fixed to a motorbike went off in Dera Murad Jamali, killing one person.", "PK", "Dera Murad Jamali"),
    # a district of a named country is that country's, not a county of Texas
    ("Rebels attacked a government position in Hays district in western Yemen, killing six soldiers.", "YE", None),
])
def test_names_written_with_their_kind_or_country_are_read_whole(text, country, name):
    place = place_of(text)
    assert place.country == country
    assert name is None or place.name == name


def test_a_regions_kind_and_the_countrys_name_resolve_in_the_country():
    gazetteer = get_gazetteer()
    assert gazetteer.resolve("region of Chad").country == "TD"
    assert gazetteer.resolve("Hays district", context={"YE"}).country == "YE"
    assert gazetteer.resolve("Daquq district").country == "IQ"


def test_a_place_a_firm_is_based_in_is_no_place_of_the_story():
    text = "Gunmen shot dead a Dubai-based businessman in Bosaso town."
    names = {m.text for m in place_mentions(get_nlp()(text), Article(id="t", text=text))}
    assert "Dubai" not in names and "Bosaso" in names


@pytest.mark.parametrize("text, name", [
    ("Gunmen killed ten villagers in Nganzai local government area of Borno State.", "Borno State"),  # not "State"
    ("A roadside bomb killed two farmers in a village in the Hawija Town of Iraq.", "Hawija"),  # not "Hawija Town"
])
def test_a_name_is_not_run_into_its_kind_word_or_the_noun_it_qualifies(text, name):
    assert place_of(text).name == name


@pytest.mark.parametrize("text, name", [
    # the state that holds the district is not where the shot was fired
    ("Militants killed a shopkeeper outside his home in Jammu and Kashmir's Pulwama district on Monday.", "Pulwama district"),
    # a district NER took for a person is a place when its kind word follows, in lower case too
    ("A bomb killed a shopkeeper in Taji district, north of Baghdad.", "Taji district"),
])
def test_the_district_is_the_place_not_what_holds_it(text, name):
    assert place_of(text).name == name


@pytest.mark.parametrize("text, name", [
    # a village the gazetteer lacks, said to lie in a district it knows: the district is the place
    ("Insurgents attacked the village of Changa in the Nangade district of Cabo Delgado, killing four people.",
     "Nangade district"),
    # the gazetteer knows the district by its town's name only: still the district's name, not the village's
    ("Gunmen killed seven people in the village of Naunde in the Macomia district of Cabo Delgado province.",
     "Macomia district"),
    # "the district of X"
    ("A soldier was killed in a gunfight with insurgents in Chiloto in the district of Mocimboa da Praia.",
     "Mocimboa da Praia"),
    # "Jammu and Kashmir", tagged as two places, is the state, not the city of Jammu that beat the district
    ("A policeman was shot dead by militants in the village of Wadwan in Budgam district in Jammu and Kashmir.",
     "Budgam district"),
])
def test_a_village_in_a_named_district_is_placed_at_the_district(text, name):
    # the name as written keeps its region word ("Nangade district"); the canonical name drops it
    assert place_of(text).name == name


def test_two_names_joined_by_and_that_name_one_region_are_that_region():
    place = place_of("Gunmen shot dead two traders in Jammu and Kashmir on Sunday.")
    # the state's name, not the city of Jammu's; GeoNames gives the state no point, so the map
    # shows it at India's (precision 3, located_at)
    assert (place.name, place.gazetteer_id, place.country) == ("Jammu and Kashmir", "geonames-admin1:IN:Jammu and Kashmīr", "IN")
    assert (place.precision, place.located_at) == (3, "India")


def test_a_town_told_after_an_attack_in_a_province_is_its_place():
    place = place_of("Gunmen shot dead three farmers in Kunduz province. "
                     "The farmers were working in fields near Imam Sahib.")
    assert (place.name, place.country, place.precision) == ("Imam Sahib", "AF", 1)


@pytest.mark.parametrize("written, canonical", [
    ("West Jatrabari", "Jatrabari"), ("Maskurpur village", "Maskurpur"), ("the Zhari District", "Zhari"),
    ("Barangay Lumbia", "Lumbia"), ("Sherpur Sadar upazila", "Sherpur"),
])
def test_a_place_kept_as_written_is_canonical_without_its_direction_and_kind(written, canonical):
    assert bare_written(written) == canonical


def test_a_village_in_a_chain_is_canonical_without_its_barangay():
    # a chain whose town the gazetteer lacks keeps the village as written
    place = place_of("On 2 May 2020, a soldier was killed during a firefight between the Abu Sayyaf and the "
                     "military in Barangay Tandu Bato, Luuk, Sulu.")
    assert (place.name, place.canonical, place.country) == ("Barangay Tandu Bato", "Tandu Bato", "PH")


def test_the_seat_subdistrict_of_a_district_is_the_district():
    place = place_of("Two activists were hacked to death by assailants in Sherpur Sadar upazila on Monday.")
    assert (place.canonical, place.country, place.precision) == ("Sherpur", "BD", 2)
    # a district GeoNames gives no point is shown at the town it is named after
    assert (place.located_at, round(place.lat, 1), round(place.lon, 1)) == ("Sherpur", 25.0, 90.0)


def test_a_kind_of_unit_only_one_country_has_names_it():
    place = place_of("Two activists were hacked to death by assailants at a tea stall in Kolatoli upazila.")
    assert place is not None and place.country == "BD"


def test_a_monitors_own_spelling_in_brackets_is_the_place_of_its_chain():
    place = place_of("On 9 April 2020, militants killed two civilians in the village of Kobongo [Kobango] "
                     "(Fada Ngourma, Gourma).")
    assert (place.name, place.country) == ("Kobango", "BF")


def test_a_group_named_after_its_district_places_an_attack_the_report_places_nowhere():
    # the Turkish soldiers are the target's nationality, not where the attack was
    place = place_of("The Afrin Liberation Forces ambushed a patrol of Turkish soldiers, wounding three of them.")
    assert (place.name, place.country) == ("Afrin", "SY")


def test_a_seat_geonames_lists_with_no_population_resolves_alone():
    # GeoNames lists Awaran (Balochistan) as a district's seat with no population: no namesake
    # abroad, so with no country named it is that town, not a hamlet too small to resolve alone
    place = get_gazetteer().resolve("Awaran")
    assert place is not None and place.country == "PK" and place.lat is not None
    # a country the article names that lacks it still keeps it out
    assert get_gazetteer().resolve("Awaran", context={"IR"}) is None


def test_service_members_nationality_is_not_where_the_attack_was():
    attacks = events_of("A roadside bomb killed three U.S. service members. The blast occurred in Zurmat.",
                        published="2018-03-20", kind="attack")
    assert attacks and (attacks[0].place.name, attacks[0].place.country) == ("Zurmat", "AF")


@pytest.mark.parametrize("text, name, country", [
    # "Cameroon" tagged as an organisation still names the country: not Lymany, Ukraine
    ("Insurgents raided a market in the village of Limani close to the frontier with Nigeria in northern Cameroon, "
     "killing two traders.", "Limani", "CM"),
    # "the far North of Cameroon", one name to the tagger: its country (the gazetteer's Kolofata has none)
    ("Suicide bombers killed six people at a market in Kolofata in the far North of Cameroon.", "Kolofata", "CM"),
    # a country of four words at the end of a name: not El Beni, Bolivia
    ("Rebels killed five people in an ambush in the Beni territory of Democratic Republic of Congo on Tuesday.",
     "Beni territory", "CD"),
])
def test_a_country_the_tagger_misreads_or_runs_into_a_name_still_places_the_attack(text, name, country):
    place = place_of(text)
    assert place is not None and (place.name, place.country) == (name, country)


def test_a_name_written_as_a_district_that_only_a_town_abroad_bears_names_no_country():
    # GeoNames' only "Kech" is an alternate name of Ketsch, Germany: the soldiers' country says where
    place = place_of("Four Pakistani soldiers died when militants ambushed their patrol in the Kech district.")
    assert place is not None and (place.name, place.country) == ("Kech district", "PK")


@pytest.mark.parametrize("text, name, country", [
    # a big city abroad (Palma, Spain) is no match for the country written after the name
    ("A church was torched and two guards shot dead in Palma in northern Mozambique.", "Palma", "MZ"),
    # the country of the region the name is said to lie in (not Balad, Iraq; not Lafia, Nigeria)
    ("A mine exploded under an army truck at Balad in the Middle Shabelle region of Somalia, killing two soldiers.",
     "Balad", "SO"),
    ("Gunmen shot dead a teacher in the village of Lafia in the central Malian region of Segou.", "Lafia", "ML"),
])
def test_the_country_written_after_a_name_beats_a_namesake_abroad(text, name, country):
    place = place_of(text)
    assert place is not None and (place.name, place.country) == (name, country)
    # kept as written (the gazetteer knows no such place there), shown at a unit of its country
    assert place.gazetteer_id is None and place.located_at and place.precision >= 2
