"""Attack words that tell what people react to or why a crowd rose, and the harm protesters do
that kills no one (``extract/attack_reactions.py``; issue 12, ACLED false alarms). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from extract_helpers import events_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    # a sentence the parser leaves with a noun for its root hangs the protest on the protesters
    "Family members of a boy who had been kidnapped protested outside of the district police station.",
    # protesters' every deed is a protest's, "marched" too
    "Protesters marched to express anger over the recent kidnapping of a French couple.",
    # a riot begun after a killing: the killing is its cause
    "Residents of Nadia began rioting after a driver was killed.",
    # what a crowd or civil doers did "after" an attack word: the attack word tells why they rose
    "Members of a student union attacked a bus after a girl had been murdered on a bus of the same company.",
    "Angry locals torched six vehicles after a student was killed in a hit-and-run on the highway.",
    # the state's teargas is riot control, not an attack on the protesters
    "The youth attacked the policemen after the police personnel fired teargas shells on protesters in the area.",
    # "hundreds of inmates" are inmates; what they do "to protest" is a riot
    "Hundreds of inmates of the jail attacked policemen with bricks and set fire to the prison to protest "
    "the transfer of a prisoner.",
])
def test_reactions_and_protesters_harm_are_no_attacks(text):
    assert events_of(text, published="2015-03-02", kind="attack") == []


@pytest.mark.parametrize("text", [
    # an armed party's deed after a state's raid stays its attack
    "Gunmen attacked a police post after the army raided a village, killing two policemen.",
    # an armed party's harm "to protest" something stays an attack
    "Maoist rebels attacked a police station with guns to protest the arrest of their commander.",
    # a crowd that kills does violence against a person
    "Villagers lynched a suspected thief after a child went missing in the village.",
])
def test_armed_or_deadly_deeds_stay_attacks(text):
    assert len(events_of(text, published="2015-03-02", kind="attack")) == 1
