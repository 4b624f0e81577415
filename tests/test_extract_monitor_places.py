"""Places in conflict monitors' notes: villages the gazetteer lacks, chains, roads, coded places.

Sentences written by the team, with village and province names of the public record; each has a
phenomenon seen in monitors' notes on the Sahel.
"""

from __future__ import annotations

import pytest

from extract_helpers import attack_place
from shardwatch.extract.admin_chains import chains
from shardwatch.nlp import get_nlp


def place_of(text: str):
    return attack_place(text, published="2020-03-20")


def test_a_village_the_tagger_reads_as_a_common_noun_keeps_its_province_chain():
    # the tagger reads "Dablo" as a common noun; the province in brackets still says Burkina Faso
    place = place_of("On 2 March 2020, gunmen attacked the police post in Dablo (Sanmatenga) and wounded four officers.")
    assert (place.name, place.country) == ("Dablo", "BF")


def test_the_first_end_of_a_road_is_a_place_whatever_the_tagger_made_of_it():
    place = place_of("On 5 March 2020, gunmen ambushed a police patrol between Pissila and Guibga, killing two officers.")
    assert (place.name, place.country) == ("Pissila", "BF")


def test_a_village_no_country_is_named_for_is_kept_as_written():
    # nothing names a country: the village is still where it happened, with no country guessed
    place = place_of("On 9 March 2020, unknown gunmen attacked the village of Kelbolo and killed three herders.")
    assert place is not None and (place.name, place.country, place.lat) == ("Kelbolo", None, None)


def test_a_nationality_word_gives_an_unknown_village_its_country():
    place = place_of("On 9 March 2020, gunmen killed two Malian soldiers in the village of Kelbolo.")
    assert (place.name, place.country) == ("Kelbolo", "ML")


def test_the_place_a_note_is_coded_to_is_the_attacks_place():
    place = place_of("On 11 March 2020, gunmen killed two traders between Kelbolo and Djibo "
                     "(coded as Djibo at geoprecision 2).")
    assert (place.name, place.country) == ("Djibo", "BF")
    # a coded place the gazetteer lacks is still the one the note names
    place = place_of("On 12 March 2020, gunmen attacked the village of Kelbolo (coded as Tongomayel at geoprecision 2) "
                     "and killed a herder.")
    assert place.name == "Tongomayel"


def test_a_province_the_aliases_hold_places_a_chain():
    # "North Sinai" is an alias of the places data, looked up as a chain's region
    place = place_of("On 8 May 2020, militants abducted two herders in Abu Tawilah (Rafah, North Sinai).")
    assert (place.name, place.country) == ("Abu Tawilah", "EG")
    place = place_of("On 7 May 2020, gunmen attacked the village of Amchide (Mayo-Sava, Extreme-Nord) and killed a man.")
    assert (place.name, place.country) == ("Amchide", "CM")


def test_a_name_with_an_arabic_article_in_lower_case_is_a_place():
    place = place_of("On 8 May 2020, artillery shelled Fakkeh in al-Hasakeh, killing two farmers.")
    assert place is not None and place.country == "SY"


def test_the_homeland_volunteers_say_burkina_faso():
    place = place_of("On 6 July 2020, militants ambushed a volunteer fighter (VDP) convoy in the area of Kelbolo, "
                     "killing two VDPs.")
    assert (place.name, place.country) == ("Kelbolo", "BF")


def test_a_communes_seat_too_small_for_geonames_is_in_its_country():
    # Tongomayel, a commune of Soum province, has no town of 500 in GeoNames' cities500
    place = place_of("On 4 March 2020, gunmen attacked the gendarmerie in Tongomayel, killing two gendarmes.")
    assert (place.name, place.country, place.admin1) == ("Tongomayel", "BF", "Sahel")


def test_a_village_before_its_province_and_country_is_in_that_country():
    place = place_of("Insurgents burned the police headquarters in Sayeed Abad district, Maidan Wardak Province, "
                     "Afghanistan, killing nine policemen.")
    assert (place.name, place.country) == ("Sayeed Abad district", "AF")


def test_a_lower_case_article_name_must_be_in_the_articles_countries():
    # Morocco's Tarfaya is not the village of a bombing in Diyala
    place = place_of("Two children were killed when a bomb went off in the al-Tarfaya village in Diyala Province.")
    assert place.country == "IQ"


def test_a_mission_of_one_country_places_what_it_observed():
    # the OSCE's Special Monitoring Mission worked in Ukraine alone
    place = place_of("On 9 May 2020, the OSCE SMM observed two explosions near Bolotene, which killed a civilian.")
    assert place.country == "UA"


def test_a_local_government_area_ner_takes_for_an_organisation_is_the_place():
    place = place_of("Five soldiers died in an ambush by Boko Haram fighters in the Gwoza Local Government Area "
                     "of the Nigerian state of Borno.")
    assert (place.name, place.country) == ("Gwoza", "NG")


@pytest.mark.parametrize("text, name, country", [
    ("Eight people were killed when a bomb went off at a cattle market in Gwoza Nigeria.", "Gwoza", "NG"),
    ("Five people were wounded when a man threw a grenade at a church in Yei South Sudan.", "Yei", "SS"),
])
def test_a_country_run_into_the_place_name_is_its_country(text, name, country):
    place = place_of(text)
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("text, country", [
    ("Gunmen shot dead a shopkeeper in the Bandipora District on Friday.", "IN"),
    ("A roadside bomb killed two soldiers in South Waziristan.", "PK"),
    ("Insurgents beheaded three farmers near a village of Meluco district.", "MZ"),
])
def test_a_district_the_geonames_data_lacks_is_in_its_country(text, country):
    assert place_of(text).country == country


def test_a_short_form_in_mixed_case_in_brackets_is_no_region():
    # "(LoC)" is the initials of "the Line of Control", not a region (the gazetteer's "Loc" is a
    # Vietnamese district): no chain, so no place in Vietnam; a one-name chain still is one
    doc = get_nlp()("Pakistani troops shelled Indian posts across the Line of Control (LoC) on Sunday, wounding two soldiers.")
    assert chains(doc) == []
    place = place_of("Pakistani troops shelled Indian posts across the Line of Control (LoC) on Sunday, wounding two soldiers.")
    assert place is None or place.country != "VN"
    assert [c.first.text for c in chains(get_nlp()("Gunmen burned the school in Dablo (Sanmatenga) on Monday."))] == ["Dablo"]


def test_a_town_the_tagger_took_for_a_product_is_a_place_after_a_preposition_of_place():
    # NER tags "Svitlodarsk" as a product; right after "near" it is the town (GeoNames' Svetlodarsk)
    place = place_of("On 9 May 2020, monitors counted 14 bursts of machine-gun fire near Svitlodarsk.")
    assert place is not None and (place.name, place.country) == ("Svitlodarsk", "UA")
    # a product with its article is a thing: "in a Toyota Hilux" is no Japanese city
    place = place_of("On 5 May 2020, gunmen in a Toyota Hilux shot dead two policemen near Gao.")
    assert place is not None and (place.name, place.country) == ("Gao", "ML")


def test_the_place_a_hamlet_is_told_near_with_its_district_is_the_coded_one():
    # the monitor gives district and province after the place it codes to, not after the hamlet
    place = place_of("On 4 March 2020, gunmen burned the granaries of the hamlet of Goro, near Bouroum "
                     "(Bouroum, Namentenga), and killed two herders.")
    assert (place.name, place.country) == ("Bouroum", "BF")
    # with no such chain the hamlet told is where it happened
    place = place_of("On 4 March 2020, gunmen burned the granaries of the hamlet of Goro, near Bouroum, and killed "
                     "two herders.")
    assert place.name == "Goro"


def test_a_road_between_two_villages_is_coded_to_its_first_end():
    # the district and province follow the second name; the monitor codes the first
    place = place_of("On 8 March 2020, militants ambushed a supply convoy between Nongoudoum and Banh (Banh, "
                     "Loroum), killing three soldiers.")
    assert (place.name, place.country) == ("Nongoudoum", "BF")
    place = place_of("On 8 March 2020, gunmen burned a lorry between Dori and Essakane (Dori, Oudalan).")
    assert place.name == "Dori"


def test_a_headquarters_subdistrict_is_placed_at_its_district():
    # "Sadar upazila" is the headquarters subdistrict named for its district, not the village of Sadar
    place = place_of("On 7 February 2015, assailants threw petrol bombs at a bus in Sadar upazila of Rangamati, "
                     "killing two passengers.")
    assert (place.name, place.country) == ("Rangamati", "BD")


def test_the_state_after_a_municipalitys_comma_is_no_finer_place():
    # the state shares its name with its capital; the municipality is where it happened
    place = place_of("On 2 May 2020, in Fresnillo municipality, Zacatecas, armed men shot dead two women.")
    assert (place.canonical, place.country) == ("Fresnillo", "MX")


def test_the_town_of_a_countryside_is_the_governorate_around_the_place():
    place = place_of("On 4 May 2020, gunmen fired at a checkpoint in the town of Basira in the eastern countryside "
                     "of Deir ez-Zor, wounding two fighters.")
    assert (place.name, place.country) == ("Basira", "SY")


@pytest.mark.parametrize(("text", "name", "country"), [
    # the units in the brackets hold the village; the tagger's tie-break took the LGA
    ("On 28 April 2020, militants attacked an army base in Auno (Konduga LGA, Borno) and killed three soldiers.",
     "Auno", "NG"),
    # "settlement" between the name and its brackets
    ("On 4 May 2020, militants attacked an army base in Ceel Salini settlement (Afgooye, Lower Shabelle).",
     "Ceel Salini", "SO"),
    # a unit's kind word in the brackets, and a state's short form with an ampersand
    ("On 5 May 2020, militants lobbed a grenade at a police picket at Pakherpora town (Budgam district, J&K), "
     "injuring four.", "Pakherpora", "IN"),
])
def test_a_village_before_its_bracketed_units_is_the_place(text, name, country):
    place = place_of(text)
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize(("text", "name"), [
    # the parser makes the village the subject of the participle after it; "the village of" calls it a place
    ("On 15 September 2019, gunmen attacked the village of Diabiga killing five civilians including the imam.",
     "Diabiga"),
    # NER takes the village's name for a nationality
    ("On 18 June 2019, unknown gunmen killed seventeen civilians in Belehede.", "Belehede"),
])
def test_a_village_the_parser_or_the_tagger_misread_is_still_the_place(text, name):
    place = place_of(text)
    assert place is not None and place.name == name


@pytest.mark.parametrize(("text", "canonical", "country"), [
    # the district's kind word stands between its name and the comma; the tagger took only the
    # name's first word, which alone is an alternate name of Naha, Japan
    ("On 3 June 2015, Taliban fighters attacked a police checkpoint in Nawa-e Barakzayi district, Helmand, "
     "killing four policemen.", "Nawa-e Barakzayi", "AF"),
    # a region's kind word after its own name, and the country last
    ("On 8 June 2015, gunmen shot dead two levies personnel in Zhob district, Balochistan province, Pakistan.",
     "Zhob", "PK"),
])
def test_a_comma_chain_whose_first_name_has_its_kind_word_is_read(text, canonical, country):
    place = place_of(text)
    assert (place.canonical, place.country) == (canonical, country)
