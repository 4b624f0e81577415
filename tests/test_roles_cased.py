"""The cased-news path of ``shardwatch roles`` (rules over the cased parse).

The reports below are written for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

REPORTS = [
    ("checkpoint", "Car bomb kills nine at checkpoint in northern Iraq\n"
     "A car bomb exploded at an army checkpoint near Tikrit on Tuesday, killing nine soldiers and "
     "wounding 14 others, police said. The Islamic State of Iraq and Syria claimed responsibility for "
     "the attack through its Amaq news agency."),
    ("hotel", "Gunmen storm hotel in Mogadishu\n"
     "Al-Shabaab militants stormed a hotel in the Somali capital Mogadishu on Saturday, setting off a "
     "truck bomb at the gate before opening fire on guests. At least 20 people were killed, a police "
     "officer said."),
    ("convoy", "Taliban ambush convoy in Helmand\n"
     "Taliban fighters ambushed a convoy of Afghan soldiers in Helmand province, killing six of them "
     "with rocket-propelled grenades and rifles. A spokesman for the group said the insurgents had "
     "destroyed three vehicles."),
    ("mosque", "A suicide bomber blew himself up inside a crowded mosque in Maiduguri, Nigeria, killing at "
     "least 12 worshippers. No group has claimed the attack, but Boko Haram has carried out similar "
     "bombings in the region."),
]


@pytest.fixture(scope="module")
def lines():
    from shardwatch.extract.roles import role_lines

    return {line["doc_id"]: line["roles"] for line in role_lines(REPORTS)}


def flat(roles, *names):
    return [m[0] for name in names for m in roles[name]]


def test_claimant_is_the_organisation_cut_at_its_head(lines):
    roles = lines["checkpoint"]
    # "Islamic State of Iraq and Syria" ends in its head: "Islamic State"
    assert roles["perpetrator_organization"] == [["Islamic State"]]
    assert roles["weapon"] == [["Car bomb"]]
    assert "army checkpoint" in flat(roles, "target")
    assert "nine soldiers" in flat(roles, "victim")
    assert set(flat(roles, "place")) == {"Iraq", "Tikrit"}


def test_subject_of_the_attack_verb_is_the_perpetrator(lines):
    roles = lines["hotel"]
    assert flat(roles, "perpetrator_individual") == ["Al-Shabaab militants"]
    assert flat(roles, "perpetrator_organization") == ["Al-Shabaab"]
    assert flat(roles, "target")[0] == "hotel"
    assert roles["weapon"] == [["truck bomb"]]
    # "the Somali capital Mogadishu": the city, not the nationality
    assert roles["place"] == [["Mogadishu"]]


def test_object_phrase_ends_in_its_head_and_places_are_grouped(lines):
    roles = lines["convoy"]
    # "a convoy of Afghan soldiers" is given as "convoy", so its end is the head
    assert flat(roles, "target", "victim") == ["convoy"]
    assert "Taliban fighters" in flat(roles, "perpetrator_individual")
    assert flat(roles, "weapon") == ["rocket-propelled grenades", "rifles"]
    # "Helmand" and "Helmand province" are one place
    assert roles["place"] == [["Helmand"]]


def test_attacker_noun_and_victims_without_a_claim(lines):
    roles = lines["mosque"]
    assert flat(roles, "perpetrator_individual") == ["suicide bomber"]
    assert "at least 12 worshippers" in flat(roles, "victim")
    assert roles["weapon"] == []
    assert flat(roles, "target") == ["crowded mosque"]
    assert flat(roles, "place")[0] == "Maiduguri"


def test_compact_phrase_cuts_trailing_modifiers():
    from shardwatch.extract.roles import compact_phrase
    from shardwatch.nlp import annotate

    (doc,) = annotate(["Militants attacked the convoy of Russian soldiers near the border."])
    convoy = next(t for t in doc if t.lower_ == "convoy")
    assert compact_phrase(convoy) == "convoy"


def test_lower_case_text_keeps_the_learned_path():
    from shardwatch.extract.roles import role_lines

    (line,) = role_lines([("lc", "urban guerrillas of the shining path dynamited a power station in lima.")])
    # the CRF tagger names the organisation; the rules of the cased path are not used
    assert flat(line["roles"], "perpetrator_organization") == ["the shining path"]
