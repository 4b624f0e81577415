"""Street bombs of party politics that hurt passers-by: crude bombs and "cocktails" set off in a
street, a market or in front of an office, by no named armed group, killing no one ("two people
suffered splinter injuries as assailants exploded crude bombs in the Nilkhet area"). Conflict
monitors code these as riots, the street violence of a strike or a blockade; the same devices
thrown at a bus, a procession, a rally, a home or at people are violence against those people,
as they code it too. ``attack_disorder.street_bombs_unharmed`` takes those that hurt no one.

Chosen on the ACLED tuning part (lines i % 9 != 4; the part i % 9 == 4 is never tuned on):
figures in ``street_bombs_in_streets``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from shardwatch.extract.attack_disorder import _NAMELESS_DOERS, _negated_harm, _street_device
from shardwatch.extract.attack_lexicon import STATE_MEN, STATE_NOUNS, _violence_cues
from shardwatch.extract.casualties import PERSON_WORDS

if TYPE_CHECKING:  # the frame is built in attacks, which imports this module
    from shardwatch.extract.attacks import AttackFrame

# What a device is thrown at that makes it violence against people: their vehicles, their
# gatherings, their homes. On the ACLED tuning part every attack note of street devices that
# hurt no one dead named one of these (buses, a rickshaw, processions, a campaign, rallies, a
# minister's residence).
_PEOPLES_PLACES = {"bus", "buses", "truck", "trucks", "lorry", "lorries", "vehicle", "vehicles", "van", "vans",
                   "car", "cars", "rickshaw", "rickshaws", "auto-rickshaw", "auto-rickshaws", "cng", "train",
                   "trains", "microbus", "tempo", "motorcycle", "motorbike", "procession", "processions", "rally",
                   "rallies", "campaign", "meeting", "gathering", "motorcade", "convoy", "march", "residence",
                   "house", "houses", "home", "homes", "office-bearer", "stage", "podium", "mosque", "temple",
                   "church", "shrine", "school"}
# Words of an assault on a target, which the bombs then only arm: "a mob of anarchists attacked
# a police station and threw petrol bombs, wounding three officers".
_ASSAULT_WORDS = {"attack", "assault", "raid", "storm", "ambush"}
# Words of death: a street bomb that kills is an attack, as the monitors code it.
_DEATH_WORDS = ("kill", "dead", "death", "die", "succumb", "lifeless", "fatal", "charred", "alive")


def street_bombs_in_streets(frame: AttackFrame) -> bool:
    """Street devices (``street_device`` in ``violence_cues.jsonl``) set off or thrown in a
    street, a market, an area or at an office, by no named group, in a report that tells no
    death and names no vehicle, gathering or home they were thrown at, nor people as their
    target ("at least five people suffered injuries from splinters as assailants exploded several
    crude bombs at Nilkhet", "two people were injured in a cocktail blast"). On the ACLED tuning
    part (i % 9 != 4) the detected notes of crude bombs and cocktails that killed no one and
    burned nothing were 22 false alarms and 15 attack notes, all but one of those naming a bus, a
    rickshaw, a procession, a rally, a home or a school (``_PEOPLES_PLACES``); the rule took out
    16 false alarms and no attack note. Incidents dev tuning residues 0-3: unchanged, once a
    throw at people counts (``_aimed_at_people``)."""
    if frame.killed is not None or frame.perpetrator_orgs or any(
            t.lemma_.lower() in _ASSAULT_WORDS and t.pos_ == "VERB" for t in frame.sentence):
        return False
    if any(text.split()[-1].lower() not in _NAMELESS_DOERS for _, text in frame.perpetrator_people):
        return False
    devices = [t for s in (frame.sentence, *frame.mentions) for t in s if _street_device(t)]
    if not devices:
        return False
    doc = frame.sentence.doc
    if any(t.lower_.startswith(_DEATH_WORDS) and not _negated_harm(t) for t in doc):
        return False
    if any(t.lemma_.lower() in ("blame", "responsibility", "claim") for t in doc):
        return False  # a doer named after all ("police blamed a loyalist group for the attack")
    # a bus, a procession, a home anywhere in the report, as a thing, not a word of another
    # ("rickshaw pullers", "bus terminal" name people and a place)
    if any((t.lower_ in _PEOPLES_PLACES or t.lemma_.lower() in _PEOPLES_PLACES) and t.dep_ not in ("compound", "amod", "nmod")
           for t in doc):
        return False
    return not any(_aimed_at_people(t) for t in doc)


def _aimed_at_people(token: Token) -> bool:
    """A throw aimed at people: "hurled cocktails on them", "petrol bombs were thrown at police
    officers" (one report of the incidents dev residue 0, lost without the state's men)."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("at", "on", "towards", "toward", "into"):
        return False
    lemma = token.lemma_.lower()
    return token.pos_ == "PRON" or token.ent_type_ == "PERSON" or lemma in PERSON_WORDS \
        or lemma in _violence_cues()["person_victim"] or lemma in STATE_MEN or lemma in STATE_NOUNS \
        or token.lower_ in STATE_MEN or token.lower_ in STATE_NOUNS
