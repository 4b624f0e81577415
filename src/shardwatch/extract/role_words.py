"""The words and token tests of the cased attack-argument rules (``extract.cased_roles``).

Attack words, their violence gate, weapons and attackers: what a token of a cased parse is.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from shardwatch.extract import attack_violence, attacks
from shardwatch.extract.attack_lexicon import _violence_cues, word_class
from shardwatch.extract.mentions import actor_of
from shardwatch.extract.modality import modality_of

ROLES = ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon", "place")
ARMED_GROUP_KINDS = {"organisation"}  # actor kinds whose perpetrator mentions the rules add

# Attack words of the roles view beyond data/triggers.jsonl (those the events read too live
# there, once: wound, injure, storm, behead, raid, gun down, slaughter, assault, execute); this
# view's other extra words are classes of data/attack_words.jsonl too.
EXTRA_TRIGGERS = word_class("roles_trigger")
# Extra triggers with no other sense: they need no sign of violence in the sentence.
UNAMBIGUOUS_EXTRA = word_class("roles_unambiguous_trigger")
# Signs that people died or were hurt by accident or illness ("after the minibus overturned").
MISHAP_LEMMAS = {"overturn", "crash", "accident", "collision", "disease", "illness", "outbreak", "epidemic",
                 "derail", "drown", "collapse"}
# Verbs whose object (or passive subject) is the one attacked, killed or hurt.
HARM_VERBS = {"attack", "bomb", "shoot", "kill", "murder", "assassinate", "kidnap", "abduct", "hijack", "ambush",
              "massacre", "stab", "ram", "wound", "injure", "target", "storm", "behead", "execute", "strike", "hit",
              "raid", "shell", "bombard", "slaughter", "assault", "gun", "burn", "blast", "hurt"}
# Weapon words that name people: attackers, not weapons.
PERSON_WEAPON_TERMS = word_class("roles_person_weapon")
VEHICLE_TERMS = word_class("roles_vehicle")
VEHICLE_TRIGGERS = {"ram", "plough", "plow", "drive", "mow", "crash"}
EXTRA_WEAPONS = word_class("roles_weapon")
EXTRA_ATTACKERS = word_class("roles_attacker")
PERSON_SUBJECTS = {"man", "men", "woman", "women", "teenager", "youth", "boy", "girl", "suspect", "suspects"}
PRONOUN_LIKE = {"it", "they", "them", "he", "she", "him", "her", "we", "us", "who", "which", "that", "this",
                "these", "those", "one", "some", "others", "all", "many", "most", "both", "each", "himself",
                "themselves", "itself", "none", "what", "anyone", "someone", "everyone", "i", "you"}
ABSTRACT_HEADS = {"attack", "attacks", "bombing", "bombings", "explosion", "explosions", "blast", "blasts",
                  "incident", "violence", "responsibility", "credit", "fire", "life", "lives", "toll", "number",
                  "total", "part", "way", "time", "area", "side", "kind", "lot", "rest", "dozens", "hundreds",
                  "scores", "thousands", "tens", "death", "deaths", "casualties", "damage", "injuries", "harm",
                  "control", "operation", "operations", "attempt", "plot", "statement", "report", "reports",
                  "heart", "middle", "midst", "shadow"}
VICTIM_WORDS = attacks.VICTIM_NOUNS | word_class("roles_victim")
# What a claim or an attribution names: "X claimed the bombing", "X said it carried out the attack".
CLAIMED_NOUNS = {"attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion", "assault", "massacre",
                 "raid", "ambush", "killing", "killings", "kidnapping", "abduction", "shooting", "it", "them"}
CARRY_OUT_VERBS = {"carry", "conduct", "stage", "launch", "perpetrate", "mount", "orchestrate", "organise",
                   "organize", "commit", "execute"}
# "the local affiliate of Islamic State": the group is the one that acts.
GROUP_PARTS = {"affiliate", "branch", "wing", "offshoot", "cell", "faction", "franchise", "arm", "province"}
# Security forces named as the agent of a shooting whose victim is the attacker ("was shot dead by police").
SECURITY_NOUNS = word_class("roles_security")
# Weapons named with the verbs that use them, also in sentences without an attack word.
WEAPON_USE_VERBS = {"use", "carry", "wear", "fire", "plant", "detonate", "throw", "hurl", "launch", "arm", "brandish",
                    "wield", "pack", "load", "strap"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "inside", "on"}
# "the village of Bir al-Abed", "Nad Ali district": the name is a place whatever NER made of it.
PLACE_NOUNS = {"city", "town", "village", "district", "province", "region", "governorate", "county", "state",
               "capital", "suburb", "outskirts", "neighbourhood", "neighborhood", "municipality", "camp"}
# Entity types that never fill a role: times, dates and amounts.
NOT_ROLE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "LAW",
                 "LANGUAGE"}
# Titles of films, songs and books: "Assault on Precinct 13" tells no attack, "Mack the Knife" is no weapon.
TITLE_ENTS = {"WORK_OF_ART"}
# Named buildings are what was attacked, not where: "the Splendid Hotel", "Manchester Arena".
BUILDING_HEADS = {"hotel", "hospital", "arena", "school", "mosque", "church", "cathedral", "synagogue", "temple",
                  "shrine", "market", "stadium", "airport", "embassy", "hall", "club", "nightclub", "theatre",
                  "theater", "museum", "university", "college", "mall", "restaurant", "cafe", "bar", "office",
                  "station", "base", "prison", "palace", "ministry", "parliament", "consulate", "centre", "center"}

def _trigger_record(token: Token) -> dict | None:
    """The trigger record of an attack word (``triggers.jsonl`` or ``EXTRA_TRIGGERS``), or None."""
    record = attacks.trigger_of(token)
    if record is not None:
        return record if record["kind"] == "attack" else None
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    key = (token.lemma_.lower(), pos)
    if key in EXTRA_TRIGGERS:
        return {"lemma": key[0], "pos": pos, "kind": "attack", "needs_violence": key not in UNAMBIGUOUS_EXTRA}
    return None


def is_trigger(token: Token) -> bool:
    return _trigger_record(token) is not None


def violent_triggers(sent: Span, previous: Span | None = None) -> list[Token]:
    """The asserted attack words of a sentence that mean armed violence here: the events'
    violence gate (``attacks.is_violence``), so "died of the disease", "a 48-hour strike" and
    "the sanctions targeted officials" are no attacks. The sign of violence may stand in the
    ``previous`` sentence too: "a blast injured several people. The explosion targeted a
    bakery" (the second sentence goes on telling the first one's attack)."""
    context = sent.doc[previous.start: sent.end] if previous is not None else sent
    token_actor = {}
    for ent in context.ents:
        actor = actor_of(ent)
        if actor is not None:
            token_actor.update({i: actor.id for i in range(ent.start, ent.end)})
    asserted = [(token, record) for token in sent if (record := _trigger_record(token)) is not None
                and not _in_title(token) and modality_of(token) not in ("hypothetical", "negated")]
    # a word with no other sense ("bombing", "massacre") makes the others count too
    plain = any(not record.get("needs_violence") for _, record in asserted)
    natural = _violence_cues()["natural_cause"]
    if not plain and token_actor == {} and any(t.lemma_.lower() in MISHAP_LEMMAS or (
            t.pos_ == "NOUN" and t.lemma_.lower() in natural and t.lemma_.lower() != "wave") for t in sent) and \
            not any(weapon_word(t) for t in sent):
        return []  # "two supporters died and 11 were injured after the minibus overturned", "floods killed"
    found = [token for token, record in asserted
             if (plain or attacks.is_violence(token, record, context, None, None, token_actor))
             and not _harmless_agent(token)]
    # "died" tells an attack's dead only beside another attack word or with a violent cause
    # ("died in the blast", "died of gunshot wounds"), not "died aged 37 of a heart condition"
    return [token for token in found if token.lemma_.lower() != "die" or any(t.lemma_.lower() != "die" for t in found)
            or any(is_trigger(t) or weapon_word(t) for t in token.subtree if t.i != token.i)]


def plainly_violent(sent: Span, triggers: list[Token]) -> bool:
    """Whether an attack sentence shows its violence beyond doubt: a word with no other sense
    ("bombing", "ambush"), a weapon, an armed group or an attacker noun. A text tells an attack
    only if one of its attack sentences does; words such as "killed" and "injured" beside
    "soldiers" or "dead" alone may tell of war or disaster told in passing."""
    if any(not (_trigger_record(t) or {}).get("needs_violence") or t.lemma_.lower() == "target" for t in triggers):
        return True  # "the explosion targeted a bakery" tells intent
    if any(weapon_word(t) or attacker_noun(t) for t in sent):
        return True
    if any((actor := actor_of(ent)) is not None and actor.kind in ARMED_GROUP_KINDS for ent in sent.ents):
        return True
    # someone did it to someone: "a man who stabbed two commuters", "police shot a man"
    return any(t.pos_ in ("VERB", "AUX") and _by_someone(t) and any(
        c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in VICTIM_WORDS
                                              or c.lower_ in VICTIM_WORDS or c.lower_ in PERSON_SUBJECTS)
        for c in t.children) for t in triggers)


def _by_someone(trigger: Token) -> bool:
    """Whether a verb's doer is a person: a name, "man", "police", a personal pronoun."""
    doers = attacks._subject_or_agent(trigger)
    if trigger.dep_ == "relcl":
        doers.append(trigger.head)
    doers += [c for c in trigger.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they", "who")]
    return any(d.ent_type_ == "PERSON" or d.lower_ in PERSON_SUBJECTS or d.lower_ in SECURITY_NOUNS
               or d.lower_ in ("he", "she", "they") or (d.lower_ == "who" and trigger.dep_ == "relcl") for d in doers)


def _harmless_agent(trigger: Token) -> bool:
    """Whether a word with many senses ("hit", "strike", "target", "blast") has a doer that
    cannot attack: "hit by the waste", "the single hit the charts", "hit by tough competition".
    A weapon, an attack, an attacker, an armed group or a name can ("a missile hit", "the
    explosion struck the bus", "the US struck")."""
    if trigger.lemma_.lower() not in attack_violence.WEAK_LEMMAS:
        return False
    doers = [t for t in attacks._subject_or_agent(trigger) if t.dep_ != "compound"]
    return bool(doers) and not any(
        weapon_word(t) or is_trigger(t) or attacker_noun(t) or armed_group(t) or t.lower_ in PERSON_SUBJECTS
        or t.lower_ in SECURITY_NOUNS or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or t.lower_ in PRONOUN_LIKE or t.lower_ in PERSON_WEAPON_TERMS
        or t.lemma_.lower() in ("aircraft", "jet", "plane", "warplane", "helicopter", "airstrike", "strike", "drone")
        for t in doers)


def _in_title(token: Token) -> bool:
    """Whether an attack word is part of a title or name: "a remake of Assault on Precinct 13"
    (capitalised in mid-sentence, and NER gave it a label other than an event's), "Mack the
    Knife". The first sentence is spared: headlines capitalise every word."""
    if token.ent_type_ in TITLE_ENTS:
        return True
    sent = token.sent
    return token.text[:1].isupper() and token.i > sent.start and sent.start > 0 and \
        token.ent_type_ not in ("", "EVENT") and token.doc[token.i - 1].text not in ('"', "“", "‘", "'", ":", "-", "—")


def entity_key(token: Token) -> str:
    """Fillers that are one entity share a key: the actor id, else the head lemma."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    if ent is not None:
        actor = actor_of(ent)
        if actor is not None:
            return "actor:" + actor.id
        return "ent:" + ent.root.lower_
    return "lemma:" + token.lemma_.lower()


def is_place_ent(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def armed_group(token: Token) -> bool:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    actor = actor_of(ent) if ent is not None else None
    return actor is not None and actor.kind in ARMED_GROUP_KINDS


def attacker_noun(token: Token) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    return bool(words & (attacks.ATTACKER_NOUNS | EXTRA_ATTACKERS))


def weapon_matches(sent: Span, triggers: list[Token]) -> list[Token]:
    """Head tokens of the weapon words in a sentence (the lexicon's terms and a few more)."""
    lemmas = {t.lemma_.lower() for t in triggers}
    lowered = sent.text.lower()
    heads: dict[int, Token] = {}
    for pattern, term in _weapon_patterns():
        if term.lower() not in lowered:
            continue  # the pattern cannot match: most terms are absent from most sentences
        for match in pattern.finditer(sent.text):
            span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            token = span[-1]
            # "car bomb": the term's last word is the head; a term inside a longer compound
            # ("truck driver", "bomb squad") names no weapon.
            if token.dep_ == "compound" and token.head.i > token.i and not weapon_word(token.head):
                continue
            if term in VEHICLE_TERMS and not lemmas & VEHICLE_TRIGGERS:
                continue
            if term in ("drone", "drones") and token.dep_ == "compound":
                continue
            # "rocket-propelled grenades": a word joined by a hyphen to what follows modifies
            # the noun after it, which is the weapon
            while token.i + 1 < len(sent.doc) and sent.doc[token.i + 1].text in ("-", "–") and \
                    not token.whitespace_ and token.head.i > token.i:
                token = token.head
                while token.pos_ not in ("NOUN", "PROPN") and token.head.i > token.i:
                    token = token.head
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.dep_ == "compound" and weapon_word(token.head):
                token = token.head
            heads.setdefault(token.i, token)
    return list(heads.values())


@cache
def _weapon_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """The weapons lexicon's patterns and ``EXTRA_WEAPONS``', with their terms, built once."""
    terms = [(p, r["term"]) for p, r in attacks._weapons() if r["term"] not in PERSON_WEAPON_TERMS and r["term"] != "fire"]
    terms += [(re.compile(rf"\b{re.escape(t)}\b", re.I), t) for t in sorted(EXTRA_WEAPONS)]
    return tuple(terms)


WEAPON_HEADS = {"charge", "charges", "device", "devices", "vest", "vests", "belt", "belts", "cache"}


@cache
def _weapon_lexicon() -> frozenset[str]:
    """The weapons lexicon's terms and ``EXTRA_WEAPONS``, built once (``weapon_word`` runs per token)."""
    return frozenset({r["term"] for _, r in attacks._weapons()} | EXTRA_WEAPONS)


def weapon_word(token: Token) -> bool:
    """A weapon noun: the lexicon's, or "charge"/"vest"/"belt" modified by one ("dynamite charge")."""
    word = token.lower_
    lexicon = _weapon_lexicon()
    if word in PERSON_WEAPON_TERMS or token.lemma_.lower() in PERSON_WEAPON_TERMS:
        return False
    if word in lexicon or token.lemma_.lower() in lexicon:
        return True
    if laden(token):
        return True  # "an explosives-laden pickup", "a car packed with explosives"
    return word in WEAPON_HEADS and any(c.dep_ in ("compound", "amod") and weapon_word(c) for c in token.children)


def laden(token: Token) -> bool:
    """A vehicle loaded with explosives: "an explosives-laden pickup", "a car packed with TNT"."""
    return token.lemma_.lower() in LADEN_VEHICLES and any(
        t.lemma_.lower() in LADEN_WORDS for c in token.children if c.dep_ in ("amod", "compound", "acl")
        for t in c.subtree)


LADEN_VEHICLES = {"truck", "lorry", "van", "car", "vehicle", "pickup", "motorbike", "motorcycle", "bus", "tanker",
                  "minibus", "boat", "ambulance", "bicycle", "cart", "donkey"}
LADEN_WORDS = {"laden", "pack", "packed", "rig", "rigged", "load", "loaded", "fill", "filled", "stuff", "stuffed"}
