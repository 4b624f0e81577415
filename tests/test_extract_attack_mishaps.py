"""Harm words that tell no attack: animals killed, old ordnance going off by accident, people
who only believed they were under attack (``attack_mishaps``); and the attacks beside them
that stay. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The lorry was gutted and all the chickens it was carrying were also killed in the fire, police said.",
    "Gunmen shot dead 40 cattle at a ranch near Tula on Monday, police said.",
    "On 3 May 2021, a farmer accidentally stepped on a landmine in a rice field near Tula. The blast killed him "
    "and injured his son.",
    "On 3 May 2021, an old mortar shell accidentally exploded while children played with it in Tula, injuring two.",
    "On 3 May 2021, soldiers fired warning shots in Tula, causing panic among residents who believed that the town "
    "was under attack.",
    # ordnance left over from a war, which no one set off
    "An old rocket left over from the civil war went off in a paddy near Tula on 4 May 2021, killing a farmer.",
    # would-be attackers harmed at their own device
    "On 2 May 2021, two suspected militants were reportedly killed near Tula while in the process of planting an IED "
    "under a bridge.",
    "On 2 May 2021, two suspected militants died near Tula while they were planting an IED under a bridge.",
    "On 5 March 2021, two rebels died while laying a landmine on a track outside Tula.",
    "On 5 March 2021, a rebel was killed in Tula when the bomb he was making exploded.",
    # what was beheaded or raided is no one: statues, a herd
    "Vandals broke into a church in Tula, beheading and toppling two statues of saints.",
    "Cattle rustlers raided livestock from civilians near Tula on 6 June 2021.",
])
def test_mishaps_are_no_attacks(text):
    assert events_of(text, published="2020-06-08", kind="attack") == [], text


@pytest.mark.parametrize("text", [
    # a mine someone planted; people killed beside the animals; a belief of who did an attack
    "A landmine planted by rebels killed two farmers near Tula on Monday.",
    "Gunmen killed two herders and stole their cattle near Tula on Monday.",
    "On 3 May 2021, militants attacked the village of Tula, killed five villagers and killed livestock.",
    "Police believe the attack on the market in Tula on Monday was carried out by rebels, who killed three traders.",
    # old ordnance not said to go off by accident: conflict monitors code it as remote violence
    "On 3 May 2021, a child was killed when two unexploded bombs from earlier fighting exploded in a house in Tula.",
    # a bomber killed in the act, a bomb disposal expert killed by a planted bomb, people killed
    # while rebels planted mines: attacks
    "A young man was killed in Tula on Friday as he hurled a bomb into a crowded shrine.",
    "A police officer was killed and two soldiers were wounded in Tula on Monday when officers tried to defuse a bomb "
    "planted by rebels.",
    "On 5 March 2021, two farmers were killed near Tula while rebels were planting landmines on their land.",
])
def test_attacks_beside_mishap_words_stay(text):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == 1, text


def test_a_bomb_factory_blown_up_by_accident_later_does_not_undo_the_ramming_attack():
    text = ("A van sped along a crowded boulevard in Barcelona on Thursday, killing 13 people. "
            "Police said the cell had accidentally blown up its bomb factory in Alcanar the night before.")
    found = events_of(text, published="2017-08-20", kind="attack")
    assert any(e.place and e.place.canonical == "Barcelona" and e.killed and e.killed.low == 13 for e in found)
