"""Attack words that tell what people react to or why a crowd rose, the harm protesters and
crowds do that kills no one, and the state's fire as the cause of casualties
(``extract/attack_reactions.py``, ``attack_disorder.unrest_missiles`` and ``state_cause``; issue
12, ACLED false alarms). Sentences written for these tests."""

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
    # a lede of civil doers' harm with no death: a later "the offenders are attacking" retells it
    "On 25 January, a group of local farmers in a village of Kutch attacked a farmer, seriously injuring him. "
    "The offenders are attacking migrant farmers to drive them out of the district.",
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
    # a civil lede, but people gone missing: the raid of one community on another
    "On 4 May 2020, youths of one community attacked cattle herders of another near Kokoro. "
    "Four people were wounded and one went missing.",
    # a knife in the lede makes its harm armed, and its own frame stands
    "Three people were lightly wounded by a youth in a knife attack on a bus in Haifa.",
])
def test_armed_or_deadly_deeds_stay_attacks(text):
    assert len(events_of(text, published="2015-03-02", kind="attack")) == 1


@pytest.mark.parametrize("text", [
    # stones, bricks and bottles in a report with no death and no weapon: a crowd's riot
    "The driver of the car was injured in brick bating near the bridge.",
    # the state's fire as the cause of the casualty
    "An activist was shot in police firing on a procession in the city on Tuesday morning.",
    "Twenty seven civilians were killed in security forces firing in Kupwara on 27 January 1994.",
])
def test_riot_missiles_and_police_fire_are_no_attacks(text):
    assert events_of(text, published="2015-03-02", kind="attack") == []


def test_stones_beside_a_killing_stay_an_attack():
    text = "Gunmen hurled stones at a shop and then shot dead the shopkeeper in the market of Bannu."
    assert len(events_of(text, published="2015-03-02", kind="attack")) == 1


@pytest.mark.parametrize("text", [
    # a device found and made safe is disrupted weapons use, not an attack
    "On 7 May 2020, a joint team of the district police unearthed and defused five IEDs allegedly planted by "
    "rebels near Kotagarh village.",
    "On 19 December, the army defused an IED discovered in the wake of an ambush in the area of Tessit.",
])
def test_devices_defused_are_no_attacks(text):
    assert events_of(text, published="2020-05-07", kind="attack") == []


def test_a_blast_told_beside_a_device_defused_stays_an_attack():
    text = "An IED planted by militants exploded near a patrol in Kidal, killing two soldiers; a second device was defused."
    assert len(events_of(text, published="2020-05-07", kind="attack")) == 1


@pytest.mark.parametrize("text", [
    # the doers of a lede's harm hung away from their deed: on the casualty word's "as", on the
    # first verb of a run
    "At least four reporters were injured as activists of the youth league attacked them in front of the party "
    "office in Tula on Sunday afternoon. Police stood by during the attack, witnesses said.",
    "Students threw stones at the college and then ransacked the home of the principal and burned his car in "
    "protest of the expulsions. They tried to attack the homes of other teachers but were stopped by the police.",
    # an attack as the matter of a case or complaint filed
    "On Saturday, a case was filed against 40 activists of the opposition alliance in connection with Friday's "
    "arson attack on a bus in Tula.",
    "Workers have filed a complaint against their managers for allegedly attacking two workers outside a Dhaka "
    "factory on Wednesday, a police official said.",
    # a day that saw protests
    "Friday saw widespread protests against a foreign magazine in several cities. The magazine had printed the "
    "cartoons again, following a deadly attack on its offices, which left a dozen people dead.",
])
def test_unrest_ledes_and_legal_steps_tell_no_attack(text):
    assert events_of(text, published="2020-06-08", kind="attack") == [], text


@pytest.mark.parametrize("text", [
    "Police filed a case against three men over the bombing of a bus in Tula that killed five.",
    "Police arrested three men in connection with the bombing of a bus in Tula that killed five.",
])
def test_a_deadly_attack_named_in_a_legal_step_stays(text):
    assert len(events_of(text, published="2020-06-08", kind="attack")) == 1, text


@pytest.mark.parametrize("text", [
    "On 4 June 2021, two traders were abducted in Tula, sparking protests across the district.",
    "A bomb planted by an unknown man outside a school in Tula on 4 June 2021 sparked protests.",
    # what a protest is "over", hung on the verb by the parser, behind another noun
    "Reporters met outside the town hall in Tula and recorded their protest over the closing of a radio station "
    "and the vicious attack on reporter Imran Ali in Kota.",
])
def test_an_attack_told_as_what_set_off_unrest_is_no_attack_of_the_report(text):
    assert events_of(text, published="2021-06-08", kind="attack") == [], text


@pytest.mark.parametrize("text", [
    # the sentence counts the attack's dead: it tells the attack itself
    "On 4 June 2021, a car bomb killed 12 people in Tula, sparking protests across the district.",
    "On 4 June 2021, the bombing of the chapel in Tula, which killed 30 worshippers, sparked riots.",
    "On 4 June 2021, militants detonated a bomb outside a school in Tula.",
])
def test_an_attack_that_counts_its_dead_or_has_its_doers_stays(text):
    assert len(events_of(text, published="2021-06-08", kind="attack")) == 1, text
