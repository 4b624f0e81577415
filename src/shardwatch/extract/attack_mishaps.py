"""Harm words that tell no attack although violence words are near: animals killed or burned
(a herd, a van's chickens), old mines and shells that go off by accident, and people who only
believed they were under attack. ``attacks`` skips such a word (another word of the sentence
may still tell an attack) or drops the report's frames. The figures that chose each rule are
in its docstring (ACLED tuning slice, lines i % 9 == 0; the part i % 9 == 4 is never tuned on).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from shardwatch.extract.attack_lexicon import _violence_cues

if TYPE_CHECKING:  # the frame is built in attacks, which imports this module
    from shardwatch.extract.attacks import AttackFrame

# Harm words whose patient tells whom the harm was done to.
_HARM_LEMMAS = {"kill", "injure", "wound", "hurt", "shoot", "burn", "slaughter", "maim", "die", "perish",
                "raid"}  # "bandits raided cattle from herders": cattle raiding (ACLED tuning part: 1 false alarm)


def animals_only(trigger: Token) -> bool:
    """"all the chickens were killed in the fire", "gunmen shot dead 40 cattle": the harm word's
    patients are all animals (``animal`` in ``violence_cues.jsonl``), no people. Conflict monitors
    code the deed by what else was done (a riot's arson, cattle raiding), never as an attack on
    people. ACLED tuning slice i % 9 == 0: 1 false alarm taken out (a van's chickens killed in a
    riot's fire), detection unchanged; the attack notes that tell livestock killed tell people
    killed first ("killed 17 villagers ... and killed livestock"), which stay."""
    if trigger.lemma_.lower() not in _HARM_LEMMAS:
        return False
    animals = _violence_cues()["animal"]
    patients = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not patients and trigger.dep_ == "conj":  # "cattle were shot and burned": the first verb's
        patients = [c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ == "NOUN":
        patients.append(trigger.head)  # "the chickens killed in the fire"
    if trigger.dep_ == "relcl" or not patients:
        return False
    patients = [w for p in patients for w in (p, *p.conjuncts)]
    return all(_animal(p, animals) for p in patients)


# What protesters burn to show anger, not to harm: flags, effigies, tyres, posters.
_SYMBOLS = {"flag", "effigy", "tyre", "tire", "poster", "banner", "portrait", "picture", "photo", "photograph",
            "statue", "idol"}


def symbols_only(trigger: Token) -> bool:
    """"They marked the day burning the ISIS flag", "set up barricades of burning tires": a
    burning whose every patient is a symbol or a barricade's tyres, not anyone's property or
    person. ACLED tuning part (i % 9 != 4): 2 false alarms taken out, no attack note lost (its
    one attack note of "piles of burning tires" tells two killed first, which stays)."""
    if trigger.lemma_.lower() not in ("burn", "torch", "set", "behead") and trigger.lower_ not in ("burning", "burnt"):
        return False
    patients = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not patients:
        # "beheading and vandalizing several statues": the parser hangs the shared object on the
        # last verb (ACLED tuning part, i % 9 != 4: 1 false alarm, statues in a church)
        patients = [c for v in trigger.conjuncts if v.i > trigger.i for c in v.children if c.dep_ == "dobj"]
    if trigger.dep_ in ("amod", "acl") and trigger.head.pos_ == "NOUN":
        patients.append(trigger.head)  # "burning tires"
    patients = [w for p in patients for w in (p, *p.conjuncts)]
    return bool(patients) and all(p.lemma_.lower() in _SYMBOLS for p in patients)


def harmless_patients(trigger: Token) -> bool:
    """The harm word's patients are animals (``animals_only``) or symbols (``symbols_only``)."""
    return animals_only(trigger) or symbols_only(trigger)


def _animal(noun: Token, animals: frozenset[str]) -> bool:
    if noun.lemma_.lower() in animals or noun.lower_ in animals:
        return True
    # "heads of cattle", "some of the goats", "all of them" stays no animal
    return noun.lower_ in ("heads", "head", "all", "some", "many") and any(
        g.lemma_.lower() in animals or g.lower_ in animals
        for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


# What a war leaves in the ground: old mines, shells and bombs that go off when stepped on or handled.
_ORDNANCE = {"mine", "landmine", "land-mine", "uxo", "ordnance", "ordinance", "shell", "mortar", "bomb", "grenade", "rocket",
             "explosive", "explosives", "device", "round", "remnant", "remnants", "erw"}
_ACCIDENT_WORDS = {"accidentally", "accidental", "inadvertently", "unknowingly", "mistakenly"}


def ordnance_accident(doc: Doc) -> bool:
    """The report tells a mine or shell going off by accident: "villagers accidentally stepped
    on a landmine", "a shell exploded accidentally while a farmer ploughed". No one set it off against anyone; conflict monitors code it as a
    strategic development (ACLED tuning slice i % 9 == 0: 1 false alarm taken out, detection
    unchanged; no incident report of residues 0-1 changed). Mines said to have been planted
    (``planted``, a group named) stay attacks: ``attacks`` drops only frames with no doer."""
    words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
    if not words & _ORDNANCE:
        return False
    if words & {"plant", "planted", "lay", "laid", "target", "targeted", "detonate", "detonated", "trigger", "triggered"}:
        return False  # "a mine planted by rebels", "detonated a device": someone's weapon
    # said to be an accident: not "unexploded bombs from previous fighting exploded in a house",
    # which ACLED codes as remote violence (an attack note of its tuning slice i % 9 == 1, lost
    # when "unexploded" and "old" counted too)
    # "a rocket, believed to be left over from the civil war, exploded": a war's remnant, which
    # no one set off (ACLED tuning part, i % 9 != 4: 1 false alarm taken out; no attack note tells it)
    return any(token.lower_ in _ACCIDENT_WORDS or token.lower_ == "leftover" or (
        token.lower_ == "over" and token.i > 0 and doc[token.i - 1].lower_ == "left") for token in doc)


# What the ordnance did, in the sentence after it: "The blast killed him".
_ORDNANCE_OR_BLAST = _ORDNANCE | {"blast", "explosion", "explode", "detonation"}


# What the would-be attackers were doing with their own device when it or others killed them.
# Only a device's preparation: a man killed as he hurled a bomb into a mosque was attacking it
# (ACLED tuning part: 1 attack note lost when "hurl" counted); men killed defusing a bomb, or by
# the explosives they carried, are in the incident lists (4 reports of residues 0-3 lost with them).
_OWN_DEEDS = {"plant", "place", "lay", "make", "assemble", "handle", "fix", "prepare", "build"}
_OWN_HARM = {"kill", "die", "injure", "wound", "hurt"}
_DEVICES = _ORDNANCE | {"ied", "ieds", "petrol", "molotov", "cocktail", "cocktails", "bombs", "grenades"}


def own_device_harm(sentence: Span) -> bool:
    """"Two militants were killed while planting an IED", "two men were killed as they tried to
    plant a mine", "a rebel died when the bomb he was making exploded": the dead
    are the would-be attackers, harmed at their own device; no one was attacked (ACLED codes
    them as strategic developments). ACLED tuning part (i % 9 != 4): 2 false alarms taken out,
    no attack note lost; no incident report of residues 0-3 changed."""
    for deed in sentence:
        if deed.lemma_.lower() not in _OWN_DEEDS or deed.pos_ != "VERB":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in deed.children):
            continue  # "soldiers were killed while rebels planted mines": someone else's deed
        device = [c for c in deed.children if c.dep_ == "dobj" and (c.lower_ in _DEVICES or c.lemma_.lower() in _DEVICES)]
        if deed.dep_ == "relcl" and (deed.head.lower_ in _DEVICES or deed.head.lemma_.lower() in _DEVICES):
            device.append(deed.head)  # "the bomb he was making exploded"
        if not device:
            continue
        node, marked = (device[-1] if deed.dep_ == "relcl" else deed), False
        for _ in range(6):
            marked = marked or any(c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "as", "when")
                                   for c in node.children)
            if node.head.i == node.i:
                break
            if node.dep_ not in ("advcl", "xcomp", "pcomp", "prep", "pobj", "nsubj", "relcl"):
                break
            node = node.head
            if node.pos_ == "VERB" and node.lemma_.lower() not in _OWN_HARM and any(
                    c.dep_ == "nsubj" and c.pos_ != "PRON" and c not in device for c in node.children):
                break  # "killed as militants set their van afire by hurling a bomb": the militants' deed
            if node.lemma_.lower() in _OWN_HARM and node.pos_ == "VERB":
                marked = marked or any(c.dep_ in ("mark", "advmod") and c.lower_ == "while" for c in node.children)
                return marked
    return False


def mishap_frame(frame: AttackFrame) -> bool:
    """A frame of an accidental ordnance blast that names no doer (see ``ordnance_accident``),
    told in a sentence that names the ordnance or its blast: not a van driven into a crowd in a report that
    later tells the attackers' bomb factory blew up by accident (a team-written roles validation
    report lost every filler to the report-wide reading; ACLED tuning slice i % 9 == 0 unchanged)."""
    if own_device_harm(frame.sentence):
        return True
    if frame.perpetrator_orgs or frame.perpetrator_people:
        return False
    if not any(t.lower_ in _ORDNANCE or t.lemma_.lower() in _ORDNANCE_OR_BLAST for t in frame.sentence):
        return False
    return ordnance_accident(frame.sentence.doc)


# Verbs of a belief that may be wrong: "people who believed the town was under attack".
_BELIEF_VERBS = {"believe", "think", "fear", "assume", "suspect", "imagine"}


def believed_under_attack(trigger: Token) -> bool:
    """"causing panic among people who believed that the town was under attack", "residents
    fled, thinking they were under attack": what people feared, not what happened (ACLED tuning
    slice i % 9 == 0: 1 false alarm taken out, warning shots that caused panic; detection
    unchanged). Only "under attack": "police believe the attack was carried out by X" tells an
    attack and who is thought to have done it."""
    if trigger.lemma_.lower() != "attack" or trigger.head.lower_ != "under":
        return False
    node = trigger.head
    for _ in range(4):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "xcomp", "advcl") and node.head.lemma_.lower() in _BELIEF_VERBS:
            return True
        node = node.head
    return False
