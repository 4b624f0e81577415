"""Attack correctness: link type with its cue sentence, claims, recalled dates, and places
that are not the attack's (birthplaces, nationalities)."""

from __future__ import annotations

import pytest

from extract_helpers import events_of, roles

pytestmark = pytest.mark.model


def test_a_groups_pledge_does_not_make_an_unrelated_attack_inspired():
    text = ("A bomb brought down a Russian airliner over Egypt's Sinai Peninsula on 31 October 2015, "
            "killing all 224 people on board.\n\n"
            "Sinai Province claimed responsibility the same day. The group was known as Ansar Bayt "
            "al-Maqdis until it pledged allegiance to the Islamic State in 2014.")
    [attack] = events_of(text, published="2015-11-17", kind="attack")
    assert attack.link == "claimed" and attack.claimed is True and attack.claimed_by == "Sinai Province"
    assert attack.place.country == "EG"
    assert any("claimed responsibility" in e.text for e in attack.evidence)


def test_a_perpetrators_birthplace_is_not_a_second_attack():
    text = ("A gunman killed 49 people at a nightclub in Orlando on 12 June 2016.\n\n"
            "The attacker, Omar Mateen, a 29-year-old born in New York, opened fire shortly after 2 a.m. "
            "He pledged allegiance to the Islamic State in a call to police during the attack.")
    [attack] = events_of(text, published="2016-06-13", kind="attack")
    assert attack.place.canonical == "Orlando" and attack.link == "inspired"
    assert any("pledged allegiance" in e.text for e in attack.evidence)  # the cue sentence is kept


def test_an_estimate_of_fighters_killed_is_not_an_attack():
    text = ("US officials said that 12,000 to 15,000 fighters remained and that about 50,000 had been "
            "killed since the campaign against the Islamic State began in 2014.")
    assert events_of(text, published="2017-01-20", kind="attack") == []


def test_a_nationality_is_not_the_attacks_place():
    text = "An Uzbek national opened fire at the Reina nightclub in Istanbul on 1 January 2017, killing 39 people."
    [attack] = events_of(text, published="2017-01-17", kind="attack")
    assert attack.place.country == "TR" and attack.date.isoformat() == "2017-01-01"


def test_a_recalled_attack_has_its_own_date_and_a_directed_link():
    text = ("Three years after the caliphate was proclaimed, the group is losing its cities.\n\n"
            "The Paris attacks of November 2015, in which 130 people were killed, were planned by "
            "operatives sent from Syria.")
    [attack] = events_of(text, published="2017-06-26", kind="attack")
    assert (attack.date.isoformat(), attack.date_precision) == ("2015-11-01", "month")
    assert attack.link == "directed" and attack.killed.value == 130


def test_a_recalled_attack_without_a_date_does_not_take_the_report_date():
    text = ("Security officials across Europe met in Brussels on Monday to discuss how to share "
            "intelligence on returning fighters, and agreed on a new list of measures.\n\n"
            "Gunmen killed 38 people at a beach hotel in Sousse, in Tunisia.")
    [attack] = events_of(text, published="2017-03-06", kind="attack")
    assert attack.date is None and attack.date_precision == "unknown"
    assert attack.place.country == "TN"


def test_no_claim_means_claimed_no_and_an_open_question_is_no_link():
    text = ("A man drove a truck into a crowd in Nice on Thursday night, killing 84 people.\n\n"
            "No group had claimed responsibility by Friday evening. Officials said it was too early to "
            "say whether he had any link to a jihadist organisation.")
    [attack] = events_of(text, published="2016-07-15", kind="attack")
    assert attack.claimed is False and attack.link == "unknown"


def test_guidance_over_telegram_is_enabled_and_a_denied_direction_is_not_directed():
    text = ("A gunman killed 39 people at a nightclub in Istanbul on 1 January 2017.\n\n"
            "Prosecutors said he had been guided by Islamic State handlers over the Telegram messaging app.")
    [attack] = events_of(text, published="2017-01-17", kind="attack")
    assert attack.link == "enabled"
    text = ("A gunman killed 49 people at a nightclub in Orlando on 12 June 2016.\n\n"
            "Investigators found no evidence that the Islamic State directed the attack, and said he had "
            "been radicalised on his own. The group's Amaq agency called him one of its fighters.")
    [attack] = events_of(text, published="2016-06-14", kind="attack")
    assert attack.link == "inspired" and attack.claimed is True
    assert roles(attack, "perpetrator") <= {"islamic-state"}
