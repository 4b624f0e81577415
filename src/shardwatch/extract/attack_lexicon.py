"""The words of attacks, from the data files: triggers (``data/triggers.jsonl``), weapons
(``data/weapons.jsonl``), link cues (``data/link_cues.jsonl``), violence cues
(``data/violence_cues.jsonl``), and the classes of ``data/attack_words.jsonl``: the nouns that
name attackers, victims, state forces and leaders, and the roles view's extra words.
One lexicon, read by the attack frames (``attacks``), the tolls (``casualties``), the doers
(``doers``) and the roles view (``roles``).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from shardwatch.data import load_jsonl

def _classes() -> dict[str, list]:
    return {r["class"]: r["words"] for r in load_jsonl("attack_words.jsonl")}


def word_class(name: str) -> frozenset:
    """The words of one class of ``data/attack_words.jsonl`` (pairs as tuples)."""
    return frozenset(tuple(w) if isinstance(w, list) else w for w in _classes()[name])


ATTACKER_NOUNS = word_class("attacker")
VICTIM_NOUNS = word_class("victim")
CREED_NOUNS = word_class("creed_attacker")
# "two former FARC guerrillas were shot dead": men who laid down arms are victims, not fighters
# (incidents dev residues 0 and 2: 2 missed reports)
FORMER_WORDS = {"former", "ex", "ex-", "demobilised", "demobilized", "retired", "reintegrated"}


def former(token: Token) -> bool:
    """The noun is of men who once were what it says ("former militants", "ex-guerrillas")."""
    return any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in FORMER_WORDS for c in token.children)


@cache
def _triggers() -> dict[tuple[str, str], dict]:
    return {(r["lemma"], r["pos"]): r for r in load_jsonl("triggers.jsonl")}


# A sentence naming several weapons is told by the one that did the harm: a car bomb is a
# bombing, not a vehicle attack ("a suicide car bomber attempted to ram his vehicle").
# Chosen on the incidents dev tuning part, where 31 bombings were typed Unarmed Assault.
WEAPON_PRIORITY = {"Explosives": 0, "Chemical": 1, "Firearms": 2, "Incendiary": 3, "Melee": 4, "Vehicle": 5}


@cache
def _weapons() -> list[tuple[re.Pattern, dict]]:
    records = sorted(load_jsonl("weapons.jsonl"),
                     key=lambda r: (WEAPON_PRIORITY.get(r["weapon_type"], 9), -len(r["term"])))
    return [(re.compile(rf"\b{re.escape(r['term'])}s?\b", re.I), r) for r in records]


@cache
def _link_cues() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r["pattern"], re.I), r["link"]) for r in load_jsonl("link_cues.jsonl")]


STATE_KINDS = {"state_force", "coalition"}


# Entities whose capitalised words are names, not attack words ("the Bombing Command", a film "Attack").
_NAME_KINDS = ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "NORP")


def means_verb(token: Token) -> Token | None:
    """The verb whose means the word is: "destroyed a stretch of the pipeline with explosives"
    (the parser hangs "with" on the verb or, as often, on its object)."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return None
    verb = token.head.head.head if token.head.head.dep_ == "dobj" else token.head.head
    return verb if verb.pos_ == "VERB" else None


def trigger_of(token: Token) -> dict | None:
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    if pos == "NOUN" and token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children) \
            and any(c.dep_ == "dobj" for c in token.children):
        # "a suicide bomber wounds two soldiers": the historical present of incident lists tagged a
        # plural noun (incidents dev tuning residues 0-3: 1 more report detected, its date, toll and
        # type right; ACLED's tuning part unchanged)
        pos = "VERB"
    record = _triggers().get((token.lemma_.lower(), pos))
    if record is None and pos == "PROPN" and (token.is_title or token.is_upper) and token.ent_type_ not in _NAME_KINDS:
        # "Bombing of a bus carrying soldiers", "PIRA Bombing targeting a patrol": a headline's
        # capital makes the tagger read the noun as a name (and "a Taliban-planted IED" its capitals).
        # Incidents dev residue 3: 2 missed reports.
        record = _triggers().get((token.lower_, "NOUN"))
    if record and record.get("particle"):
        particles = record["particle"] if isinstance(record["particle"], list) else [record["particle"]]
        if not any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in particles for c in token.children):
            return None
    if record and record.get("head") and token.head.lemma_.lower() != record["head"] and not any(
            c.lemma_.lower() == record["head"] or (c.dep_ in ("compound", "amod", "nmod")
                                                   and c.lemma_.lower() in record.get("or_modifier", ()))
            for c in token.children):
        return None  # "opened fire": "fire" only with "open" (the parser may hang "opened" below it), or "artillery fire"
    if record and record.get("complement"):
        # "set a truck ablaze" (the parser hangs "ablaze" on the truck), "was found dead"
        words = set(record["complement"])
        # "set on fire at least 45 houses": the word may hang on the verb's preposition too
        near = [c for c in token.children] + [g for c in token.children if c.dep_ in ("dobj", "nsubjpass", "prep")
                                              for g in c.children]
        # "set nine vehicles on fire": the parser hangs "on fire" on the object (incidents dev
        # residue 0, two missed reports)
        near += [g for c in token.children if c.dep_ in ("dobj", "nsubjpass") for p in c.children
                 if p.dep_ == "prep" and p.lower_ == "on" for g in p.children if g.dep_ == "pobj"]
        if not any(t.lower_ in words or t.lemma_.lower() in words for t in near if t.i != token.i):
            # "set fire to the bus", "set it on fire"; not "set a date". The fire words, given an
            # armed group's men as the arsonists (armed_side), on the incidents dev measuring part
            # (residue 3): detected 94.6 -> 95.0; residue 1 93.2 -> 93.7
            return None
    if record and record.get("modifier") and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in record["modifier"] for c in token.children):
        return None  # "an explosive device", not "a device"
    if record and record.get("with_verb"):
        # "a car bomb injured 16", "planted a bomb", "struck a landmine", "bombs went off"
        verbs = record["with_verb"]
        # also "stepped on a mine", "destroyed by a land mine", "a mine planted by": three missed
        # reports of the incidents dev residue 1
        # what is destroyed or damaged is never the weapon: "the army destroyed a mine owned by
        # a gang" (ACLED tuning part, i % 9 != 4: 1 false alarm taken out, no note lost)
        if not (token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.lemma_.lower() in verbs
                and not (token.dep_ == "dobj" and token.head.lemma_.lower() in ("destroy", "damage"))
                or token.dep_ == "pobj" and token.head.lower_ in ("on", "onto", "over", "by", "with")
                and token.head.head.pos_ == "VERB"  # not "destroyed documents at the mine" (ACLED's slice, 1 note)
                and token.head.head.lemma_.lower() in verbs
                # "destroyed a section of the pipeline with explosives": the parser hangs the
                # means on the object (incidents dev residue 2, one missed report)
                or (means := means_verb(token)) is not None and means.lemma_.lower() in verbs
                or any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in verbs for c in token.children)):
            return None
    if record and record.get("subject") and not any(
            g.lemma_.lower() in record["subject"] or g.lower_ in record["subject"]
            for c in token.children if c.dep_ in ("nsubj", "agent")
            for g in ([c] if c.dep_ == "nsubj" else [p for p in c.children if p.dep_ == "pobj"])):
        return None  # "a suicide bomber targeted a bus", not "the plan targeted savers"
    if record and record.get("counted_by") and not counted_by(token, record["counted_by"]):
        return None  # "observed 24 shots", not "a shot at the title" nor "a booster shot"
    if record and record.get("object"):
        # "drove a truck into the crowd": "drive" only with a vehicle object and "into"
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if not any(o.lemma_.lower() in record["object"] for o in objects):
            return None
        if not any(c.dep_ == "prep" and c.lower_ in ("into", "through", "at") for c in token.children):
            return None
    return record


# Verbs of a monitor's observation, under which a counted attack noun is a deed seen, not a
# generic mention (``counted_by``): the verbs of triggers.jsonl's counted_by lists.
OBSERVING_VERBS = frozenset({"observe", "hear", "record", "register"})


def counted_by(token: Token, verbs: list[str] | frozenset[str]) -> bool:
    """A counted noun that a monitor's verb of observation governs: "observed a total of 24
    shots", "heard 3 explosions", "observed 12 shots/bursts of fire involving small arms" (the
    parser hangs slash-joined nouns on each other). Walks up the noun's heads (``of``, nouns,
    "a total of") to the first verb: a count on the way, and that verb's lemma one of ``verbs``."""
    node, counted = token, False
    for _ in range(6):
        counted = counted or any(c.dep_ == "nummod" for c in node.children)
        if node.pos_ in ("VERB", "AUX"):
            return counted and node.lemma_.lower() in verbs
        if node.head.i == node.i or node.dep_ not in ("nmod", "compound", "conj", "pobj", "prep", "dobj", "appos"):
            return False
        node = node.head
    return False


@cache
def _violence_cues() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for record in load_jsonl("violence_cues.jsonl"):
        found.setdefault(record["kind"], set()).update(record["lemmas"])
    return {kind: frozenset(lemmas) for kind, lemmas in found.items()}


# Who kills or shoots in the course of policing or war: "shot dead by police".
STATE_NOUNS = word_class("state_force")
STATE_MEN = word_class("state_men")
STATE_MEANS = word_class("state_means")
LEADER_WORDS = word_class("leader")


def blasts_in_a_row(trigger: Token, sent: Span) -> bool:
    """"Three explosions went off at a park", "three simultaneous blasts rocked the city": blasts
    counted or told as simultaneous are bombs, not an accident, though no one is hurt, where the
    sentence names no accident's cause. Incidents dev detected: residue 0 95.36 -> 95.56, residue
    2 95.05 -> 95.15, residue 3 97.31 -> 97.42; ACLED's tuning slice i % 9 == 0 unchanged."""
    if trigger.lemma_.lower() not in ("explosion", "blast") or trigger.tag_ != "NNS":
        return False
    counted = any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") or c.lower_ in ("twin", "simultaneous",
                  "coordinated", "multiple", "several", "serial") for c in trigger.children)
    accident = _violence_cues()["accident_cause"]  # a blast's ordinary causes: "a fireworks factory"
    return counted and not any(t.lemma_.lower() in accident for t in sent)
