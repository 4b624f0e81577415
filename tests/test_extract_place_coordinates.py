"""Every placed event on a map: a place the gazetteer cannot locate is put where the unit around
it lies, at that unit's precision (extract/place_coordinates.py, extract/gazetteer.py).

Sentences written by the team, with commune and province names of the public record.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract_helpers import attack_place
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.place_coordinates import nearby
from shardwatch.nlp import get_nlp
from shardwatch.types import Mention, Place


def place_of(text: str):
    return attack_place(text, published="2020-03-20")


def test_a_commune_is_located_at_its_seat_when_geonames_holds_the_town():
    # Pama the commune (data/geo/admin3.jsonl) and Pama the town of 13,000 in Kompienga province
    place = get_gazetteer().resolve("Pama", context={"BF"}, regions={"kompienga"})
    assert place.gazetteer_id == "admin3:BF:Pama"
    assert (round(place.lat, 2), round(place.lon, 2), place.precision) == (11.25, 0.71, 1)


def test_a_commune_with_no_town_in_geonames_is_placed_at_its_province():
    # Tongomayel has no town of 500 in cities500: the event is shown at Soum province, a region
    place = place_of("On 4 March 2020, gunmen attacked the gendarmerie in Tongomayel, killing two gendarmes.")
    soum = get_gazetteer().resolve("Soum province")
    assert (place.name, place.country, place.precision, place.located_at) == ("Tongomayel", "BF", 2, "Soum")
    assert (place.lat, place.lon) == (soum.lat, soum.lon)


def test_a_village_is_placed_at_the_town_its_note_names_beside_it():
    place = place_of("On 6 March 2020, gunmen attacked the village of Kelbolo (Djibo, Soum) and killed three herders.")
    djibo = get_gazetteer().resolve("Djibo", context={"BF"})
    assert (place.name, place.precision, place.located_at) == ("Kelbolo", 2, "Djibo")
    assert (place.lat, place.lon) == (djibo.lat, djibo.lon)


def test_a_village_known_only_by_its_country_is_placed_at_the_country():
    place = place_of("On 9 March 2020, gunmen killed two Malian soldiers in the village of Kelbolo.")
    mali = get_gazetteer().countries["ML"]
    assert (place.name, place.country, place.precision, place.lat, place.lon) == ("Kelbolo", "ML", 3, mali.lat, mali.lon)
    assert place.located_at == "Mali"


def test_a_place_the_gazetteer_locates_keeps_its_own_coordinates():
    place = place_of("On 8 March 2020, gunmen attacked a checkpoint in Dori, killing a soldier.")
    dori = get_gazetteer().resolve("Dori", context={"BF"})
    assert (place.lat, place.lon, place.precision, place.located_at) == (dori.lat, dori.lon, 1, None)


def _mention(doc: Doc, start: int, end: int, place: Place) -> Mention:
    span = doc[start:end]
    return Mention("t", span.start_char, span.end_char, span.text, "GPE", place=place)


@pytest.fixture(scope="module")
def two_sentences() -> Doc:
    words = ["Gunmen", "raided", "Kelbolo", ",", "near", "Djibo", ".", "Police", "went", "to", "Dori", "."]
    return Doc(get_nlp().vocab, words=words, sent_starts=[True] + [False] * 6 + [True] + [False] * 4)


def test_the_neighbour_must_be_located_of_the_same_country_and_in_the_same_sentence(two_sentences):
    doc = two_sentences
    kelbolo = Place("Kelbolo", "Kelbolo", "BF", None, None, None, 1)
    djibo = Place("Djibo", "Djibo", "BF", 14.1, -1.6, "geonames:1", 1)
    dori = Place("Dori", "Dori", "BF", 14.0, -0.03, "geonames:2", 1)
    mentions = [_mention(doc, 2, 3, kelbolo), _mention(doc, 5, 6, djibo), _mention(doc, 10, 11, dori)]
    assert nearby(kelbolo, doc, mentions) == djibo
    # Dori is told in the next sentence: it says nothing of where Kelbolo is
    assert nearby(kelbolo, doc, [mentions[0], mentions[2]]) is None
    # a town of another country beside it is no part of its area
    abroad = Place("Djibo", "Djibo", "ML", 14.1, -1.6, "geonames:3", 1)
    assert nearby(kelbolo, doc, [mentions[0], _mention(doc, 5, 6, abroad)]) is None


def test_a_village_named_with_its_region_is_no_namesake_of_another_region():
    # GeoNames has a Vodiane in Zaporizhia and another spelling of Zymna Voda in Lviv, none in
    # Donetsk oblast: the attack is shown at the oblast, not 1,000 km away
    place = place_of("On 9 May 2020, rebel forces fired mortars at army positions near Vodyane, Donetsk.")
    assert (place.name, place.country, place.precision, place.located_at, place.admin1) == (
        "Vodyane", "UA", 2, "Donetsk", "Donetsk")


def test_a_district_named_beside_the_place_is_located_at_its_seat_when_geonames_gives_it_no_point():
    # Dinajpur district (an ISO 3166-2 row with no point) is shown at the town of Dinajpur
    place = place_of("Border guards shot dead a farmer near Birampur Upazila in Dinajpur district on Monday.")
    dinajpur = get_gazetteer().resolve("Dinajpur", context={"BD"})
    assert (place.canonical, place.country, place.precision, place.located_at) == ("Birampur", "BD", 2, "Dinajpur")
    assert (place.lat, place.lon) == (dinajpur.lat, dinajpur.lon)
