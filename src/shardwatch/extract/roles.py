"""Document-level role fillers of attacks, in the line format of the shared scorer.

Each input document gives one line: ``{"doc_id", "roles": {role: [[mention], ...]}}``, with
an empty list for a role nothing fills, so any annotated corpus can be scored.

Cased text (modern news) is read by rules over its cased parse (``cased_roles``, below): the
tagger learned lower-cased 1989-1991 wire text and knows neither today's groups nor their
weapons. Lower-cased text (MUC-4) is read as follows; two sources fill the roles:

- the learned tagger (``shardwatch.learn``, a CRF trained on MUC-4 by ``make train``) finds
  perpetrators (individual and organisation), targets, victims and weapons. It reads the
  lower-cased text (``learn.text.model_text``); its candidates are grouped into one mention per entity;
- the rule-based attack frames (``extract.attacks``) give the place, a role MUC-4 does not
  annotate and the tagger therefore does not learn. They also add the weapons they name and
  the perpetrator organisations that are armed groups of the actor data ("the Islamic State
  claimed..."): groups of 2016 that the 1989-1991 training texts never mention. Their
  targets and victims are not added: on held-out MUC-4 train they cost more precision than
  they bring recall.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from shardwatch.extract import attacks
from shardwatch.extract.attack_lexicon import word_class
from shardwatch.extract.common import incidental_places
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import actor_mentions, actor_of, actors, place_mentions
from shardwatch.extract.modality import modality_of
from shardwatch.learn.arguments import document_roles
from shardwatch.learn.spans import LABELS, normalize, same_entity
from shardwatch.learn.tagger import RoleTagger, default_tagger
from shardwatch.learn.text import repair_glued
from shardwatch.types import Article

ROLES = ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon", "place")
LEARNED_ROLES = tuple(LABELS)  # the roles the tagger fills


ARMED_GROUP_KINDS = {"organisation"}  # actor kinds whose perpetrator mentions the rules add


def rule_roles(doc: Doc, article: Article, *, armed_groups_only: bool = False) -> dict[str, list[str]]:
    """Role fillers of the rule-based attack frames, one string per distinct mention.

    With ``armed_groups_only``, perpetrator organisations are kept only when the actor data
    lists them as an organisation (not a state force or coalition).
    """
    frames = attacks.frames_in(doc, article, place_mentions(doc, article), actor_mentions(doc, article))
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    known = actors()

    def add(role: str, text: str | None) -> None:
        if text and text.lower() not in (t.lower() for t in found[role]):
            found[role].append(text)

    for frame in frames:
        for _, text in frame.perpetrator_people:
            add("perpetrator_individual", text)
        for actor_id, text in frame.perpetrator_orgs:
            actor = known.get(actor_id)
            if not armed_groups_only or (actor is not None and actor.kind in ARMED_GROUP_KINDS):
                add("perpetrator_organization", text)
        for text in frame.targets:
            add("target", text)
        for text in frame.victims:
            add("victim", text)
        add("weapon", frame.weapon)
        if frame.place is not None:
            add("place", frame.place.text)
    return found


def roles_of(doc: Doc, article: Article, tagger: RoleTagger | None = None) -> dict[str, list[list[str]]]:
    """Role fillers of the attacks the document reports, one entity (one mention) per filler.

    Cased text (modern news) is read by rules over its parse (``cased_roles``); lower-cased
    text (wire copy as in MUC-4) by the learned tagger, with places, and weapons and armed
    groups it missed, from the attack rules.
    """
    if doc.text != doc.text.lower():
        found = _with_learned(cased_roles(doc, article), doc)
        return {role: [[text] for text in texts] for role, texts in found.items()}
    tagger = tagger or default_tagger()
    found = {role: [] for role in ROLES}
    for role, cands in tagger.roles(doc).items():
        found[role] = [c.text for c in cands]
    rules = rule_roles(doc, article, armed_groups_only=True)
    found["place"] = rules["place"]
    for role in ("perpetrator_organization", "weapon"):
        if role == "perpetrator_organization" and found[role]:
            continue  # the tagger's own organisations beat the rules' (held-out MUC-4 train)
        for text in rules[role]:
            if not any(same_entity(normalize(text), normalize(t)) for t in found[role]):
                found[role].append(text)
    return {role: [[text] for text in texts] for role, texts in found.items()}


# The learned tagger's fillers the rules lack: its best two per role, each named at least twice.
# Chosen on WikiEvents train's held-out fifth (41 documents never trained on; `shardwatch roles`
# scored as WikiEvents is): rules alone 40.19 micro F1, plus 1, 2 or 3 such fillers per role
# 41.99, 42.76, 42.57; fillers named once scored lower (39.6 with 2); the tagger alone 14.67.
# WikiEvents dev, measuring only: rules alone 33.77, with these 33.94.
LEARNED_PER_ROLE = 2
LEARNED_MIN_MENTIONS = 2
_CASED_OF_LEARNED = {"perpetrator": ("perpetrator_individual", "perpetrator_organization"),
                     "target": ("target", "victim"), "weapon": ("weapon",), "place": ("place",)}


def _with_learned(found: dict[str, list[str]], doc: Doc) -> dict[str, list[str]]:
    """The rules' fillers plus the learned tagger's best ones the rules lack (``learn.arguments``)."""
    if not any(found.values()):
        return found  # no attack told: the tagger adds none
    for role, fillers in document_roles(doc).items():
        roles = _CASED_OF_LEARNED[role]
        have = [text.lower() for r in roles for text in found[r]]
        best = [f for f in fillers if f.count >= LEARNED_MIN_MENTIONS][:LEARNED_PER_ROLE]
        for filler in best:
            text = filler.text.lower()
            if not any(text.endswith(h.split()[-1]) or h.endswith(text.split()[-1]) for h in have):
                found[roles[0]].append(filler.text)
    return found


def role_lines(items: Iterable[tuple[str, str]], *, n_process: int = 1,
               progress: Callable[[Iterator[Doc]], Iterator[Doc]] = iter) -> Iterator[dict]:
    """One output record per (doc_id, text) input, in order.

    Texts are repaired where sentences were glued (``learn.text.repair_glued``) and parsed once.
    """
    from shardwatch.nlp import annotate

    items = [(doc_id, repair_glued(text)) for doc_id, text in items]
    docs = progress(annotate((text for _, text in items), n_process=n_process))
    tagger = default_tagger()
    for (doc_id, text), doc in zip(items, docs):
        article = Article(id=str(doc_id), text=text)
        yield {"doc_id": doc_id, "roles": roles_of(doc, article, tagger)}


# ---------------------------------------------------------------------------------------------
# Cased modern news: rules over the cased parse
#
# The tagger learned 1989-1991 Latin American wire text; on cased modern reporting (IS, Syria,
# Afghanistan, Nigeria, Europe) it knows neither the groups nor the weapons, so cased texts go
# through a rule path over spaCy's cased parse and NER instead:
#
# - attack triggers (``data/triggers.jsonl`` plus ``EXTRA_TRIGGERS``), asserted only, and only
#   where they mean armed violence (the events' gate, ``attacks.is_violence``, with the previous
#   sentence as context when it told an attack); a text with no such trigger gives nothing;
# - perpetrators: subjects and agents of the triggers (not police who shot the attacker),
#   claimants ("claimed responsibility/the bombing", "said it carried out the attack",
#   "carried out by X"), attributions ("blamed X", "X was suspected of"), armed groups of the
#   actor data and attacker nouns ("gunmen", "suicide bomber") near a trigger;
# - targets and victims: objects of the triggers, passive subjects ("five soldiers were
#   killed"), "attack on X"; never an attacker (dead attackers are not the attack's victims);
# - weapons: the weapons lexicon, the subject of "killed"/"exploded" when it is a weapon, and
#   "with X" of a trigger;
# - weapons also where someone uses, carries or wears them ("the gunmen used grenades");
# - places: GPE/LOC/FAC entities of trigger sentences, not used as actors or origins, and names
#   the parse puts where a place stands ("the village of X", "X district", "in X" when the
#   gazetteer knows X) whatever NER labelled them; "in/near/at X" of an attack word counts
#   most; named buildings are targets, not places; a country is dropped when a finer place
#   has evidence; a dateline ("MOGADISHU (Wire) -") counts only a little.
#
# The rules are checked against scripts/data/cased_roles_dev.jsonl (team-written reports).
#
# Every filler is a compact noun phrase that ENDS in its head word ("the convoy", not "the
# convoy of Russian soldiers"; "Islamic State", not "Islamic State of Iraq and Syria"), since
# annotations and most matching are by head. Candidates are grouped per entity and ranked by
# the evidence for them, weighted by how early in the document it comes (the headline and lede
# tell the main attack); each role keeps few fillers (ROLE_LIMITS), because a report mostly tells one attack,
# and each attack it recalls with its own year ("in May 2015, when ...") adds its best-attested
# filler per role (``_add_recalled``).
# ---------------------------------------------------------------------------------------------

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
COUNTRY_DROP_SHARE = 0.4  # a country is dropped when a finer place has this share of the top place's evidence
DATELINE_WEIGHT = 0.5  # where the story was filed: the place only when the text names no other
# Named buildings are what was attacked, not where: "the Splendid Hotel", "Manchester Arena".
BUILDING_HEADS = {"hotel", "hospital", "arena", "school", "mosque", "church", "cathedral", "synagogue", "temple",
                  "shrine", "market", "stadium", "airport", "embassy", "hall", "club", "nightclub", "theatre",
                  "theater", "museum", "university", "college", "mall", "restaurant", "cafe", "bar", "office",
                  "station", "base", "prison", "palace", "ministry", "parliament", "consulate", "centre", "center"}
DATELINE = re.compile(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)(?:,| \(| --| -| —)", re.M)
# The agency named in a dateline's parentheses: "MOGADISHU (Horn Dispatch) -".
DATELINE_AGENCY = re.compile(r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:, [A-Za-z .]+)? \(([^)\n]{2,60})\)", re.M)
ROLE_LIMITS = {"perpetrator": 3, "target": 3, "weapon": 3, "place": 3}
# A further filler needs at least this share of the first one's score. Limits and share were
# chosen on scripts/data/cased_roles_dev.jsonl (2 and 0.5 before: 71.92 -> 76.56 micro F1).
SECOND_FILLER_SHARE = 0.35
_NP_DEPS = {"det", "amod", "compound", "nummod", "nmod", "quantmod", "npadvmod", "advmod", "punct", "poss", "case"}


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


def _is_trigger(token: Token) -> bool:
    return _trigger_record(token) is not None


def _violent_triggers(sent: Span, previous: Span | None = None) -> list[Token]:
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
    natural = attacks._violence_cues()["natural_cause"]
    if not plain and token_actor == {} and any(t.lemma_.lower() in MISHAP_LEMMAS or (
            t.pos_ == "NOUN" and t.lemma_.lower() in natural and t.lemma_.lower() != "wave") for t in sent) and \
            not any(_weapon_word(t) for t in sent):
        return []  # "two supporters died and 11 were injured after the minibus overturned", "floods killed"
    found = [token for token, record in asserted
             if (plain or attacks.is_violence(token, record, context, None, None, token_actor))
             and not _harmless_agent(token)]
    # "died" tells an attack's dead only beside another attack word or with a violent cause
    # ("died in the blast", "died of gunshot wounds"), not "died aged 37 of a heart condition"
    return [token for token in found if token.lemma_.lower() != "die" or any(t.lemma_.lower() != "die" for t in found)
            or any(_is_trigger(t) or _weapon_word(t) for t in token.subtree if t.i != token.i)]


def _plainly_violent(sent: Span, triggers: list[Token]) -> bool:
    """Whether an attack sentence shows its violence beyond doubt: a word with no other sense
    ("bombing", "ambush"), a weapon, an armed group or an attacker noun. A text tells an attack
    only if one of its attack sentences does; words such as "killed" and "injured" beside
    "soldiers" or "dead" alone may tell of war or disaster told in passing."""
    if any(not (_trigger_record(t) or {}).get("needs_violence") or t.lemma_.lower() == "target" for t in triggers):
        return True  # "the explosion targeted a bakery" tells intent
    if any(_weapon_word(t) or _attacker_noun(t) for t in sent):
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
    if trigger.lemma_.lower() not in attacks.WEAK_LEMMAS:
        return False
    doers = [t for t in attacks._subject_or_agent(trigger) if t.dep_ != "compound"]
    return bool(doers) and not any(
        _weapon_word(t) or _is_trigger(t) or _attacker_noun(t) or _armed_group(t) or t.lower_ in PERSON_SUBJECTS
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


def compact_phrase(head: Token) -> str:
    """The noun phrase ``head`` heads, cut so that it ends in the head: its contiguous left
    modifiers (determiners, adjectives, compounds, numbers) and the head, nothing after it.
    A named entity the head belongs to is cut the same way, at the head."""
    doc = head.doc
    start = head.i
    ent_start = head.i
    if head.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            ent_start = ent.start
    while start > 0:
        prev = doc[start - 1]
        inside = prev.i >= ent_start or _governed_by(prev, head)
        if not inside or prev.is_space:
            break
        if prev.i < ent_start and prev.dep_ not in _NP_DEPS:
            break
        if prev.dep_ == "punct" and prev.text not in ("-", "–", "'", "’"):
            break
        if prev.text in ("-", "–", "—") and prev.whitespace_ and prev.i > 0 and doc[prev.i - 1].whitespace_:
            break  # "CAIRO - Islamic State claimed": a dateline's dash is no hyphen
        if prev.ent_type_ in ("DATE", "TIME") and prev.ent_type_ != head.ent_type_:
            break  # "the attacks on 11 September 2001 heightened concern": the date is no modifier
        if prev.tag_ == "VBG" and prev.i < ent_start and (prev.i == 0 or doc[prev.i - 1].text not in ("-", "–")):
            break  # "planting mines": the gerund is the deed, not part of the name
        start -= 1
    end = head.i + 1
    # "al-Shabaab" parsed with "al" as its root: the name goes on through the hyphen
    while end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end].whitespace_ and \
            not doc[end - 1].whitespace_ and doc[end + 1].ent_iob_ == "I" and head.ent_iob_ in ("B", "I"):
        end += 2
    words = doc[start: end]
    while len(words) > 1 and (words[0].dep_ in ("det", "case", "punct", "cc") or words[0].is_punct
                              or words[0].lower_ in POSSESSIVE_PRONOUNS):
        words = words[1:]  # "his explosive vest" -> "explosive vest"
    return words.text.strip()


POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "my", "our", "your"}


def _governed_by(token: Token, head: Token) -> bool:
    """``token`` hangs below ``head`` through noun-phrase modifiers only."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.head.i == head.i:
            return node.dep_ in _NP_DEPS
        if node.dep_ not in _NP_DEPS:
            return False
        node = node.head
    return False


def _conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN"))]


def _content_noun(token: Token) -> Token | None:
    """The noun that carries a phrase: "one of the soldiers" -> soldiers; pronouns and
    numbers alone give nothing."""
    if token.lower_ in ("one", "some", "many", "several", "dozens", "hundreds", "scores", "most", "all", "two",
                        "portion", "part", "parts", "section", "half", "rest", "much",
                        "three", "four", "five") or token.like_num:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return _content_noun(obj)
    if token.lower_ in GROUP_PARTS and not token.ent_type_:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.ent_type_ in ("ORG", "NORP"):
            return obj
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ in PRONOUN_LIKE:
        return None
    return token


@dataclass
class _Filler:
    key: str
    text: str
    score: float = 0.0
    best: float = 0.0  # the strongest single piece of evidence, whose mention text is kept
    first: int = 10**9


class _Ballot:
    """Evidence for fillers of one role, grouped by entity."""

    def __init__(self) -> None:
        self.fillers: dict[str, _Filler] = {}

    def add(self, key: str, text: str, weight: float, position: int) -> None:
        if not text or not key:
            return
        filler = self.fillers.setdefault(key, _Filler(key, text))
        filler.score += weight
        if weight > filler.best or (weight == filler.best and len(text) < len(filler.text)):
            filler.best, filler.text = weight, text
        filler.first = min(filler.first, position)

    def ranked(self, limit: int) -> list[str]:
        order = sorted(self.fillers.values(), key=lambda f: (-f.score, f.first))
        kept = order[:1]
        for filler in order[1:]:
            if len(kept) == limit or filler.score < SECOND_FILLER_SHARE * kept[0].score:
                break
            if all(normalize(filler.text) != normalize(k.text) for k in kept):  # "US" under two keys
                kept.append(filler)
        return [f.text for f in kept]


def _entity_key(token: Token) -> str:
    """Fillers that are one entity share a key: the actor id, else the head lemma."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    if ent is not None:
        actor = actor_of(ent)
        if actor is not None:
            return "actor:" + actor.id
        return "ent:" + ent.root.lower_
    return "lemma:" + token.lemma_.lower()


def _is_place_ent(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _armed_group(token: Token) -> bool:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None) if token.ent_type_ else None
    actor = actor_of(ent) if ent is not None else None
    return actor is not None and actor.kind in ARMED_GROUP_KINDS


def _attacker_noun(token: Token) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    return bool(words & (attacks.ATTACKER_NOUNS | EXTRA_ATTACKERS))


def _weapon_matches(sent: Span, triggers: list[Token]) -> list[Token]:
    """Head tokens of the weapon words in a sentence (the lexicon's terms and a few more)."""
    lemmas = {t.lemma_.lower() for t in triggers}
    terms = [(p, r["term"]) for p, r in attacks._weapons() if r["term"] not in PERSON_WEAPON_TERMS and r["term"] != "fire"]
    terms += [(re.compile(rf"\b{re.escape(t)}\b", re.I), t) for t in EXTRA_WEAPONS]
    heads: dict[int, Token] = {}
    for pattern, term in terms:
        for match in pattern.finditer(sent.text):
            span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            token = span[-1]
            # "car bomb": the term's last word is the head; a term inside a longer compound
            # ("truck driver", "bomb squad") names no weapon.
            if token.dep_ == "compound" and token.head.i > token.i and not _weapon_word(token.head):
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
            if token.dep_ == "compound" and _weapon_word(token.head):
                token = token.head
            heads.setdefault(token.i, token)
    return list(heads.values())


WEAPON_HEADS = {"charge", "charges", "device", "devices", "vest", "vests", "belt", "belts", "cache"}


@cache
def _weapon_lexicon() -> frozenset[str]:
    """The weapons lexicon's terms and ``EXTRA_WEAPONS``, built once (``_weapon_word`` runs per token)."""
    return frozenset({r["term"] for _, r in attacks._weapons()} | EXTRA_WEAPONS)


def _weapon_word(token: Token) -> bool:
    """A weapon noun: the lexicon's, or "charge"/"vest"/"belt" modified by one ("dynamite charge")."""
    word = token.lower_
    lexicon = _weapon_lexicon()
    if word in PERSON_WEAPON_TERMS or token.lemma_.lower() in PERSON_WEAPON_TERMS:
        return False
    if word in lexicon or token.lemma_.lower() in lexicon:
        return True
    if _laden(token):
        return True  # "an explosives-laden pickup", "a car packed with explosives"
    return word in WEAPON_HEADS and any(c.dep_ in ("compound", "amod") and _weapon_word(c) for c in token.children)


def _laden(token: Token) -> bool:
    """A vehicle loaded with explosives: "an explosives-laden pickup", "a car packed with TNT"."""
    return token.lemma_.lower() in LADEN_VEHICLES and any(
        t.lemma_.lower() in LADEN_WORDS for c in token.children if c.dep_ in ("amod", "compound", "acl")
        for t in c.subtree)


LADEN_VEHICLES = {"truck", "lorry", "van", "car", "vehicle", "pickup", "motorbike", "motorcycle", "bus", "tanker",
                  "minibus", "boat", "ambulance", "bicycle", "cart", "donkey"}
LADEN_WORDS = {"laden", "pack", "packed", "rig", "rigged", "load", "loaded", "fill", "filled", "stuff", "stuffed"}


def _position_weight(sent_index: int) -> float:
    """Evidence from the headline and lede counts most."""
    return 1.0 / (1.0 + 0.15 * sent_index)


def cased_roles(doc: Doc, article: Article) -> dict[str, list[str]]:
    """Role fillers of a cased news text from the cased parse, ranked per document.

    Roles: ``perpetrator_individual``, ``perpetrator_organization``, ``target``, ``victim``,
    ``weapon``, ``place`` (each a list of mention strings, best first).
    """
    ballots = {role: _Ballot() for role in ("perpetrator", "target", "weapon", "place")}
    # the same evidence per attack told apart by its own year ("In May 2021 a car bomb ...")
    segments: list[dict[str, _Ballot]] = [{role: _Ballot() for role in ballots}]
    segment_year: list[str | None] = [None]
    is_org: dict[str, bool] = {}
    is_victim: dict[str, bool] = {}
    members_of: dict[str, set[str]] = {}  # group key -> keys of its men named as perpetrators
    origins = {(m.start, m.end) for m in incidental_places(doc, place_mentions(doc, article))}
    agencies = [m.span(1) for m in DATELINE_AGENCY.finditer(doc.text[:400])]

    def cast(role: str, key: str, text: str, weight: float, position: float, at: int) -> None:
        """Evidence for a filler, in the document's ballot and in the current attack's."""
        ballots[role].add(key, text, weight * position, at)
        segments[-1][role].add(key, text, weight, at)

    def vote(role: str, token: Token, weight: float, position: float) -> None:
        noun = _content_noun(token) if role != "place" else token
        if noun is None or noun.lower_ in ABSTRACT_HEADS or (_is_trigger(noun) and role != "weapon"):
            return
        if noun.ent_type_ in NOT_ROLE_ENTS or noun.like_num or not any(ch.isalpha() for ch in noun.text):
            return  # "killed on 13 September", "struck at 9:02 a.m.": a time, not a target
        if role == "perpetrator" and noun.lemma_.lower() in attacks._violence_cues()["natural_cause"]:
            return  # "killed by an air strike or disease": disease kills no one on purpose
        key = _entity_key(noun)
        text = compact_phrase(noun)
        if role == "perpetrator" and key.startswith("actor:") and len(text.split()) > 1 and \
                text.split()[-1].lower() in attacks.ATTACKER_NOUNS and noun.lower_ == text.split()[-1].lower():
            # "Islamic State militants" read by NER as one name: the group, and its men apart
            men = "lemma:" + noun.lemma_.lower()
            cast(role, men, text, weight, position, noun.i)
            is_org[men] = False
            members_of.setdefault(key, set()).add(men)
            text = text.rsplit(" ", 1)[0]
        if role == "perpetrator" and key.startswith("actor:"):
            text = _actor_text(noun, key[len("actor:"):], text)
        cast(role, key, text, weight, position, noun.i)
        if role == "perpetrator":
            is_org[key] = noun.ent_type_ in ("ORG", "NORP") or _armed_group(noun)
            if not is_org[key]:
                for group in _group_of(noun):  # "Boko Haram fighters": the fighters' group
                    members_of.setdefault(_entity_key(group), set()).add(key)
        if role == "target":
            is_victim[key] = (noun.ent_type_ == "PERSON" and noun.lower_ not in BUILDING_HEADS) or \
                noun.lemma_.lower() in VICTIM_WORDS or noun.lower_ in VICTIM_WORDS  # not "the Naso Hablod Hotel"

    previous = None
    told = False  # whether any sentence plainly tells an attack
    for index, sent in enumerate(doc.sents):
        position = _position_weight(index)
        triggers = _violent_triggers(sent, previous)
        previous = sent if triggers else None  # only a sentence telling an attack lends its context
        told = told or bool(triggers and _plainly_violent(sent, triggers))
        year = _year_of(sent) if triggers else None
        if year is not None and year != segment_year[-1]:
            # a new attack, unless this year only dates the one the lede has been telling
            if any(b.fillers for b in segments[-1].values()) and (segment_year[-1] is not None or index > 2):
                segments.append({role: _Ballot() for role in ballots})
                segment_year.append(year)
            else:
                segment_year[-1] = year
        # claims and attributions name the perpetrator even far from the attack
        for token, weight in _claimants(sent):
            for s in _conjuncts(token):
                vote("perpetrator", s, weight, position)
        for token in _used_weapons(sent):
            vote("weapon", token, 2.0, position)
        if not triggers:
            continue
        trigger_ids = {t.i for t in triggers}
        for trigger in triggers:
            lemma = trigger.lemma_.lower()
            verbal = trigger.pos_ in ("VERB", "AUX")
            for child in trigger.children:
                dep = child.dep_
                if dep == "nsubj" and lemma == "die":
                    for s in _conjuncts(child):
                        vote("target", s, 2.0, position)
                elif dep == "nsubj" or (dep == "poss" and not verbal) or (dep == "compound" and not verbal
                                                                          and _armed_group(child)):
                    # "the Taliban attack", not "the Boston Marathon bombing" (an occasion, no actor)
                    for s in _conjuncts(_antecedent(child, trigger)):
                        if _weapon_word(s):
                            vote("weapon", s, 3.0, position)
                        elif _can_attack(s):
                            vote("perpetrator", s, 3.0, position)
                elif (dep == "agent" or (dep == "prep" and child.lower_ == "by")) and (
                        not verbal or not any(c.dep_ == "nsubj" for c in trigger.children)):
                    # "an attack by gunmen", "was killed by militants"; not "a bomb exploded by a bus"
                    # (beside it), whatever label the parser gave "by"
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in _conjuncts(obj):
                            if _weapon_word(s):
                                vote("weapon", s, 3.0, position)
                            elif not (s.lower_ in SECURITY_NOUNS and _attacker_is_hit(trigger)):
                                vote("perpetrator", s, 3.0, position)
                elif dep in ("dobj", "nsubjpass") and (lemma in HARM_VERBS or not verbal):
                    for s in _conjuncts(child):
                        if _is_place_ent(s):
                            vote("place", s, 1.5, position)
                        elif _weapon_word(s) and ((dep == "nsubjpass" and lemma in ("detonate", "explode")) or (
                                dep == "dobj" and (s.lemma_.lower() not in LADEN_VEHICLES or _laden(s)
                                                   or lemma in VEHICLE_TRIGGERS))):
                            # "rammed an explosives-laden pickup into the gate": the pickup is the weapon
                            vote("weapon", s, 3.0, position)
                        elif not _attacker_noun(s):  # dead attackers are not the attack's victims
                            vote("target", s, 3.0, position)
                elif dep == "prep" and ((child.lower_ in ("on", "against", "at", "targeting", "inside") and (
                        not verbal or lemma in ("fire", "open", "explode", "detonate", "blow")))
                        or (child.lower_ in ("into", "through") and lemma in VEHICLE_TRIGGERS)):
                    # "opened fire on X", "an attack on X", "drove a van into X"
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in _conjuncts(obj):
                            vote("place" if _is_place_ent(s) else "target", s, 2.5, position)
                elif dep == "prep" and child.lower_ == "with":
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in _conjuncts(obj):
                            if _weapon_word(s):
                                vote("weapon", s, 3.0, position)
            # "they opened fire": the subject hangs on "opened"
            if lemma == "fire" and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and \
                    trigger.head.lemma_.lower() == "open":
                for subject in (c for c in trigger.head.children if c.dep_ == "nsubj"):
                    for s in _conjuncts(_antecedent(subject, trigger.head)):
                        if _can_attack(s):
                            vote("perpetrator", s, 3.0, position)
            # "opened fire on X": the object hangs on "fire"
            if lemma == "fire" and trigger.pos_ == "NOUN":
                for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ in ("on", "at")):
                    for obj in (g for g in prep.children if g.dep_ == "pobj"):
                        vote("target", obj, 2.5, position)
        for token in _weapon_matches(sent, triggers):
            vote("weapon", token, 1.5, position)
        for token in sent:
            if token.i in trigger_ids or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if _attacker_noun(token) and token.dep_ != "compound":
                vote("perpetrator", token, 1.0, position)
        for ent in sent.ents:
            actor = actor_of(ent)
            if (actor is not None and actor.kind in ARMED_GROUP_KINDS) or (
                    ent.label_ == "ORG" and ent.root.dep_ == "compound" and _attacker_noun(ent.root.head)):
                # a group the actor data lists, or a name the text gives its attackers ("ETA gunmen")
                # "militants of Boko Haram", "Islamic State fighters": the group did what its men did
                weight = 3.0 if ent.root.dep_ == "pobj" and _attacker_noun(ent.root.head.head) or (
                    ent.root.dep_ == "compound" and _attacker_noun(ent.root.head)) else 1.5
                vote("perpetrator", ent.root, weight, position)
        for token in sent:
            # "opened fire inside the Al Noor mosque": a named building where the attack was is its target
            if token.lower_ in BUILDING_HEADS and token.dep_ == "pobj" and \
                    token.head.lower_ in ("in", "inside", "at", "outside", "to", "into") and \
                    any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                vote("target", token, 1.5, position)
        for span, weight in _place_candidates(sent, trigger_ids, origins):
            if any(a <= span.start_char < b for a, b in agencies):
                continue  # "MOGADISHU (Horn Dispatch) -": the agency is no place
            cast("place", _place_key(span), _cut_entity(span), weight, position, span.start)
    if not told or not any(ballot.fillers for ballot in ballots.values()):
        # no attack plainly told: a claim, a weapon or a dateline alone is none ("losses blamed on high
        # fuel prices"), nor "nearly 200 dead and 700 injured" in a piece on earthquakes
        return {role: [] for role in ROLES}
    for span in _datelines(doc):
        ballots["place"].add(_place_key(span), span.text.title(), DATELINE_WEIGHT, span.start)
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    key_of_text = {}
    for role in ("perpetrator", "target"):
        for filler in ballots[role].fillers.values():
            key_of_text[(role, filler.text)] = filler.key
    # A report names the group and the men apart ("Boko Haram", "gunmen"): the best of each
    # is kept, the weaker only with SECOND_FILLER_SHARE of the stronger one's evidence.
    people = {k: f for k, f in ballots["perpetrator"].fillers.items() if not is_org.get(k)}
    groups = {k: f for k, f in ballots["perpetrator"].fillers.items() if is_org.get(k)}
    for key, filler in groups.items():  # a group did what its men did
        filler.score = max([filler.score] + [people[m].score for m in members_of.get(key, ()) if m in people])
    best = [max(side.values(), key=lambda f: (f.score, -f.first)) for side in (groups, people) if side]
    top = max((f.score for f in best), default=0.0)
    for filler in best:
        if filler.score >= SECOND_FILLER_SHARE * top:
            found["perpetrator_organization" if is_org.get(filler.key) else "perpetrator_individual"].append(filler.text)
    for key in [k for k in ballots["target"].fillers if k in ballots["perpetrator"].fillers]:
        del ballots["target"].fillers[key]  # the attacker shot dead is not the attack's victim
    for text in ballots["target"].ranked(ROLE_LIMITS["target"]):
        key = key_of_text[("target", text)]
        found["victim" if is_victim.get(key) else "target"].append(text)
    found["weapon"] = ballots["weapon"].ranked(ROLE_LIMITS["weapon"])
    _drop_countries(ballots["place"])
    found["place"] = ballots["place"].ranked(ROLE_LIMITS["place"])
    _add_recalled(found, segments[1:], is_org, is_victim, set(ballots["perpetrator"].fillers))
    return found


SINGULAR_ATTACKERS = {"gunman", "attacker", "assailant", "bomber", "shooter", "man", "woman", "suspect",
                      "driver", "teenager", "militant", "extremist", "killer"}
PLURAL_ATTACKERS = {"gunmen", "attackers", "assailants", "bombers", "shooters", "men", "suspects", "militants",
                    "extremists", "fighters", "insurgents", "rebels", "jihadists", "terrorists", "killers"}


def _pronoun_antecedent(pronoun: Token) -> Token | None:
    """Who "he"/"she"/"they" as an attack word's subject stands for: the nearest name or
    attacker noun before it, in its sentence or the two before ("Omar K., 26, ... He stabbed a
    woman"; "Gunmen stormed the hotel. They opened fire"). None when there is none."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(2):  # back to the start of the sentence two before, where there is one
        if start > 0:
            start = doc[start - 1].sent.start
    singular = pronoun.lower_ in ("he", "she")
    for token in reversed(doc[start: pronoun.i]):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        if singular and ((token.ent_type_ == "PERSON" and token.ent_iob_ in ("B", "I") and
                          (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"))
                         or token.lower_ in SINGULAR_ATTACKERS):
            return token
        if not singular and (token.lower_ in PLURAL_ATTACKERS or _armed_group(token)):
            return token
    return None


YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Fillers of the attacks a piece recalls with their own year: each such attack adds its best
# filler per role that the text gives as an argument of its attack word (evidence at least
# RECALLED_MIN_WEIGHT), up to RECALLED_LIMIT fillers a role in all.
RECALLED_MIN_WEIGHT = 2.5
RECALLED_LIMIT = 5


def _year_of(sent: Span) -> str | None:
    """The year a sentence dates its attack to ("in May 2021", "the 1998 bombing"), if any."""
    for ent in sent.ents:
        if ent.label_ == "DATE":
            match = YEAR.search(ent.text)
            if match:
                return match.group(1)
    return None


COUNTED = re.compile(r"^(?:at least |more than |about |some |nearly |almost |over |up to )?(?:\d[\d,.]*|one|two|three|"
                     r"four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|scores)\b", re.I)


def _generic_filler(role: str, text: str) -> bool:
    """Fillers a recalled attack adds nothing with: a count of its dead ("more than 80 people",
    told as its toll), a bare "group", or the police as its attackers."""
    last = text.split()[-1].lower() if text.split() else ""
    if role == "target":
        return bool(COUNTED.match(text))
    if role == "perpetrator":
        return last in ("group", "groups") or last in SECURITY_NOUNS
    return False


def _add_recalled(found: dict[str, list[str]], segments: list[dict[str, _Ballot]], is_org: dict[str, bool],
                  is_victim: dict[str, bool], attackers: set[str]) -> None:
    """Add each recalled attack's best-attested filler per role to ``found``."""
    def has(texts: list[str], text: str) -> bool:
        return any(normalize(text) == normalize(t) or normalize(t).endswith(" " + normalize(text))
                   or normalize(text).endswith(" " + normalize(t)) for t in texts)

    for segment in segments:
        for role, ballot in segment.items():
            fillers = [f for f in ballot.fillers.values() if not _generic_filler(role, f.text)
                       and (role != "target" or f.key not in attackers)]
            if not fillers:
                continue
            best = max(fillers, key=lambda f: (f.score, -f.first))
            if best.best < RECALLED_MIN_WEIGHT:
                continue
            if role == "perpetrator":
                names = ["perpetrator_organization", "perpetrator_individual"]
                name = names[0] if is_org.get(best.key) else names[1]
            elif role == "target":
                names = ["target", "victim"]
                name = "victim" if is_victim.get(best.key) else "target"
            else:
                names, name = [role], role
            current = [t for n in names for t in found[n]]
            if len(current) < RECALLED_LIMIT and not has(current, best.text):
                found[name].append(best.text)


def _actor_text(noun: Token, actor_id: str, text: str) -> str:
    """The mention of a known group as the text gives it, cut at its head only when the cut
    still names the group: "Islamic State" of "the Islamic State of Iraq and Syria", but
    "Al-Qaeda in the Islamic Maghreb" whole (its head, "Al-Qaeda", names another group)."""
    actor = actors().get(actor_id)
    if actor is None or normalize(text) in {normalize(a) for a in (actor.name, *actor.aliases)}:
        return text
    ent = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
    if ent is None:
        return text
    words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
    return words.text


def _can_attack(token: Token) -> bool:
    """Whether the subject of an attack word is one who attacks: a name, a group, an attacker
    noun or "man"/"suspect"."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP") or _attacker_noun(token) or \
        token.lower_ in PERSON_SUBJECTS or _armed_group(token)


def _antecedent(subject: Token, trigger: Token) -> Token:
    """Who a pronoun stands for: "Tarrant, the gunman who murdered 51 worshippers" -> Tarrant;
    "a man who stabbed three people" -> man; "he opened fire" -> the name or attacker before it."""
    if subject.lower_ in ("he", "she", "they"):
        return _pronoun_antecedent(subject) or subject
    if subject.lower_ not in ("who", "that") or trigger.dep_ != "relcl":
        return subject
    noun = trigger.head
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        return noun.head  # the name the description is in apposition to
    return noun


def _group_of(noun: Token) -> list[Token]:
    """Armed groups a perpetrator noun names as its own: "Boko Haram fighters", "militants of
    the Islamic State"."""
    found = [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss") and (
        _armed_group(c) or (c.ent_type_ == "ORG" and _attacker_noun(noun)))]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        found += [g for g in prep.children if g.dep_ == "pobj" and _armed_group(g)]
    return found


def _claimants(sent: Span) -> Iterator[tuple[Token, float]]:
    """Who a sentence says did it: "X claimed responsibility/the bombing", "X said it carried
    out the attack", "carried out by X", "officials blamed X", "X was blamed/suspected"."""
    for token in sent:
        lemma = token.lemma_.lower()
        if modality_of(token) in ("hypothetical", "negated"):
            continue
        if lemma in SAY_VERBS:
            yield from ((g, 3.0) for g in _own_men_claim(token))
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "claim" and (any(c.lower_ in ("responsibility", "credit") for c in token.subtree)
                                 or any(o.lower_ in CLAIMED_NOUNS or _is_trigger(o) for o in objects)):
            for c in token.children:
                if c.dep_ == "nsubj" and not any(d.lower_ == "no" for d in c.children):
                    yield c, 3.0
                elif c.dep_ == "agent":
                    yield from ((g, 3.0) for g in c.children if g.dep_ == "pobj")
        elif lemma in CARRY_OUT_VERBS and any(_definite(o) and (o.lower_ in CLAIMED_NOUNS or _is_trigger(o))
                                              for o in objects) and (
                lemma != "carry" or any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)):
            # "carried out the attack", not "the minibus carrying them home"
            for c in token.children:
                if c.dep_ == "agent":
                    yield from ((g, 3.0) for g in c.children if g.dep_ == "pobj")
                elif c.dep_ == "nsubj" and c.lower_ in ("it", "they", "we") and token.dep_ in ("ccomp", "xcomp") \
                        and token.head.lemma_.lower() in ("say", "claim", "announce", "declare"):
                    # "X said it had carried out the attack": X
                    yield from ((g, 3.0) for g in token.head.children if g.dep_ == "nsubj")
                elif c.dep_ == "nsubj" and c.lower_ not in PRONOUN_LIKE:
                    yield c, 2.5
        elif lemma == "blame":
            for c in token.children:
                if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not (c.lower_ in CLAIMED_NOUNS or _is_trigger(c))):
                    yield c, 2.5  # "officials blamed al-Shabaab", "X was blamed"
                elif c.dep_ == "prep" and c.lower_ == "on":
                    yield from ((g, 2.5) for g in c.children if g.dep_ == "pobj")  # "blamed the attack on X"
        elif lemma == "suspect" and token.pos_ == "VERB":
            for c in token.children:
                if c.dep_ == "nsubjpass":
                    yield c, 2.5  # "Boko Haram was suspected of carrying out the attack"


SAY_VERBS = {"say", "announce", "declare", "state", "claim"}
OWN_MEN = {"soldier", "fighter", "member", "militant", "detachment", "unit", "cell", "martyr", "knight", "lion"}


def _own_men_claim(say: Token) -> list[Token]:
    """The group behind a claim in its own words: "Islamic State said the attacker was one of
    its soldiers", "the group's news agency said a detachment of its fighters carried out the
    attack". The speaker (or the group owning the speaking agency) is the perpetrator."""
    complement = [c for c in say.children if c.dep_ in ("ccomp", "xcomp")]
    if not any(t.lemma_.lower() in OWN_MEN and any(p.dep_ == "poss" and p.lower_ in ("its", "their")
                                                   for p in t.children)
               for c in complement for t in c.subtree):
        return []
    found = []
    for subject in (c for c in say.children if c.dep_ == "nsubj"):
        if _armed_group(subject):
            found.append(subject)
        found += [p for p in subject.children if p.dep_ == "poss" and _armed_group(p)]
    return found


def _definite(noun: Token) -> bool:
    """"the attack", "Monday's bombing", "it": one attack, not "similar bombings" in general."""
    return noun.lower_ in ("it", "them") or any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in noun.children)


def _attacker_is_hit(trigger: Token) -> bool:
    """The one shot, killed or arrested is a person or pronoun ("was shot dead by police")."""
    if not any(c.dep_ in ("nsubjpass", "dobj") for c in trigger.children) and trigger.dep_ == "conj":
        trigger = trigger.head  # "the driver fled and was shot dead by police"
        return any(c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lower_ in PRONOUN_LIKE
                                                          or _attacker_noun(c) or c.lower_ in PERSON_SUBJECTS
                                                          or c.lower_ in ("driver", "assailant", "shooter"))
                   for c in trigger.children)
    return any(c.dep_ in ("nsubjpass", "dobj") and (c.ent_type_ == "PERSON" or c.lower_ in PRONOUN_LIKE
                                                     or _attacker_noun(c) or c.lower_ in PERSON_SUBJECTS
                                                     or c.lower_ in ("driver", "assailant", "shooter"))
               for c in trigger.children)


def _used_weapons(sent: Span) -> Iterator[Token]:
    """Weapons the sentence has someone use, carry or wear ("the attackers used rocket-propelled
    grenades", "armed with an assault rifle"), with or without an attack word."""
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or not _weapon_word(token):
            continue
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in WEAPON_USE_VERBS:
            yield token
        elif token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in WEAPON_USE_VERBS:
            yield token


def _locative_weight(token: Token, trigger_ids: set[int]) -> float | None:
    """Weight of a place word by where it stands: "in/near/at X" counts, more so under an attack word."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS:
        governor = token.head.head
        if governor.i in trigger_ids or any(t.i in trigger_ids for t in governor.subtree if t.i < token.i):
            return 2.5
        return 2.0
    return None


def _place_candidates(sent: Span, trigger_ids: set[int], origins: set[tuple[int, int]]) -> Iterator[tuple[Span, float]]:
    """Places of a sentence with their weights: GPE/LOC/FAC entities not used as actors or
    origins, and names the parse puts where a place stands ("the village of X", "X district",
    "in X" when the gazetteer knows X), whatever label NER gave them."""
    doc = sent.doc
    gazetteer = get_gazetteer()
    seen: set[int] = set()
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or (ent.start_char, ent.end_char) in origins:
            continue
        seen.update(range(ent.start, ent.end))
        root = ent.root
        if root.lower_ in BUILDING_HEADS:
            continue
        if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS - {"camp", "capital"}:
            yield ent, _locative_weight(root.head, trigger_ids) or 1.0  # "in Mandera county"
            continue
        if root.dep_ in ("nsubj", "poss", "agent", "compound", "amod", "nsubjpass", "dobj"):
            continue  # "Russia's foray", "Syria-based", "Turkey said": not where it happened
        yield ent, _locative_weight(root, trigger_ids) or 1.0
    for token in sent:
        if token.pos_ != "PROPN" or token.i in seen or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL",
                                                                             "MONEY", "PERCENT", "QUANTITY"):
            continue
        ent = next((e for e in sent.ents if e.start <= token.i < e.end), None)
        if ent is not None and ent.root.i != token.i:
            continue
        if ent is None:
            if token.dep_ == "compound" and (token.head.pos_ == "PROPN" or (
                    token.i + 1 < sent.end and doc[token.i + 1].pos_ == "PROPN"
                    and doc[token.i + 1].dep_ == "compound")):
                continue  # not the end of the name ("County" of "the County Tyrone market town")
            start = token.i
            while start > sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
                start -= 1
            span = doc[start: token.i + 1]
        else:
            span = ent
        if (span.start_char, span.end_char) in origins or actor_of(span) is not None or \
                span.root.lower_ in BUILDING_HEADS:
            continue
        weight = None
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS:
            weight = _locative_weight(token.head.head, trigger_ids) or 2.0  # "the village of X"
        elif token.dep_ == "compound" and token.head.lemma_.lower() in PLACE_NOUNS - {"camp", "capital"} and \
                token.ent_type_ != "NORP":  # "X district", not "a mainly Shia district"
            weight = _locative_weight(token.head, trigger_ids) or 1.0  # "X district"
        elif (ent is None or ent.label_ not in NOT_PLACE_ENTS) and gazetteer.candidates(span.text):
            weight = _locative_weight(token, trigger_ids)  # "in Kidal", tagged as something else
        if weight is not None:
            span = _hyphen_whole(span)
            seen.update(range(span.start, span.end))
            yield span, weight


def _hyphen_whole(span: Span) -> Span:
    """A name the tokenizer split at its hyphens, made whole: "Dasht" of "Dasht-e-Barchi"."""
    doc = span.doc
    start, end = span.start, span.end
    while end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    while start - 2 >= 0 and doc[start - 1].text in ("-", "–") and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return doc[start:end]


# Names a gazetteer may know as a town but NER saw as something else: "Willis", "the Rotterdam
# Film Festival", "Beyond the Sea".
NOT_PLACE_ENTS = {"PERSON", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}


def _datelines(doc: Doc) -> list[Span]:
    """The place of a dateline ("MOGADISHU (Wire) -", "LASHKAR GAH, Afghanistan --") in the
    first lines of the text, where the gazetteer knows it."""
    found = []
    head = doc.text[:400]
    for match in DATELINE.finditer(head):
        name = match.group(1)
        if len(name) < 3 or not get_gazetteer().candidates(name):
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None:
            found.append(span)
    return found


# Parts of the world coarser than a country: dropped like countries when a finer place is told.
WORLD_REGIONS = {"europe", "africa", "asia", "middle east", "east africa", "west africa", "north africa",
                 "horn of africa", "latin america", "south america", "north america", "central america", "west",
                 "southeast asia", "south asia", "central asia", "sahel", "maghreb", "balkans", "caucasus",
                 "gulf", "arab world", "muslim world", "western europe", "eastern europe", "scandinavia"}


def _drop_countries(ballot: _Ballot) -> None:
    """A country or a part of the world is not the place when a finer place (city, region) has
    enough evidence."""
    gazetteer = get_gazetteer()
    if not ballot.fillers:
        return
    top = max(f.score for f in ballot.fillers.values())
    countries = {k for k, f in ballot.fillers.items()
                 if gazetteer.country_of(f.text) or normalize(f.text) in WORLD_REGIONS}
    if any(f.score >= COUNTRY_DROP_SHARE * top for k, f in ballot.fillers.items() if k not in countries):
        for key in countries:
            del ballot.fillers[key]


def _cut_entity(ent: Span) -> str:
    """An entity up to its root: "Islamic State of Iraq and Syria" -> "Islamic State"."""
    root = ent.root
    if root.is_stop or root.is_punct or root.lower_ in PLACE_GENERIC:
        root = ent[-1]  # a parse rooted at "the" or at "County" (County Tyrone): keep the name whole
    end = root.i + 1
    while end + 1 < ent.end and ent.doc[end].text in ("-", "–") and not ent.doc[end].whitespace_:
        end += 2  # "Dasht-e-Barchi" rooted at "Dasht"
    words = ent.doc[ent.start: end]
    while len(words) > 1 and words[0].lower_ == "the":
        words = words[1:]
    return words.text


PLACE_GENERIC = {"province", "city", "district", "region", "governorate", "town", "village", "state", "county",
                 "area", "capital", "the"}


def _place_key(ent: Span) -> str:
    """"Helmand province" and "Helmand" are one place."""
    words = [t.lower_ for t in ent if t.lower_ not in PLACE_GENERIC and not t.is_punct]
    return "place:" + " ".join(words or [ent.text.lower()])
