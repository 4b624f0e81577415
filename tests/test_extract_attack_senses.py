"""Attack words with other senses: only armed violence makes an attack event."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("sentence", [
    "The opposition party attacked the government's budget plans as unworkable.",
    "The minister launched an attack on the cost of the asylum system.",
    "Regulators warned that the painkillers carry a risk of heart attack and stroke.",
    "Critics feared an explosion in online gambling after the change in the law.",
    "The tidal wave which killed 150,000 people struck coasts across the Indian Ocean.",
    "Bookmakers said the chancellor came out shooting at the launch of the campaign.",
])
def test_other_senses_are_not_attacks(sentence):
    assert events_of(sentence, published="2005-02-01", kind="attack") == []


@pytest.mark.parametrize("sentence, place", [
    ("Gunmen attacked a police checkpoint outside Kirkuk on Sunday.", "Kirkuk"),
    ("Militants shot two officers at a market in Baghdad on 3 May 2016.", "Baghdad"),
    ("An explosion ripped through a bus station in Kabul, killing 12 people.", "Kabul"),
    ("Islamic State fighters attacked the town of Tal Abyad on 27 June 2015.", "Tal Abyad"),
])
def test_armed_violence_still_gives_the_attack(sentence, place):
    [attack] = events_of(sentence, published="2016-05-04", kind="attack")
    assert attack.place.canonical == place


@pytest.mark.parametrize("sentence", [
    "The home secretary attacked the decision of the court on detaining terrorist suspects.",
    "Exports to non-EU countries shot up 7.5%, led by cars and chemicals.",
])
def test_an_attack_on_an_idea_or_a_figure_is_not_an_attack(sentence):
    assert events_of(sentence, published="2005-02-01", kind="attack") == []
