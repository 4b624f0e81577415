"""Cased modern news: document-level attack arguments from rules over the cased parse.

The tagger learned 1989-1991 Latin American wire text; on cased modern reporting (IS, Syria,
Afghanistan, Nigeria, Europe) it knows neither the groups nor the weapons, so cased texts go
through a rule path over spaCy's cased parse and NER instead:

- attack triggers (``data/triggers.jsonl`` plus ``EXTRA_TRIGGERS``), asserted only, and only
  where they mean armed violence (the events' gate, ``attacks.is_violence``, with the previous
  sentence as context when it told an attack); a text with no such trigger gives nothing;
- perpetrators: subjects and agents of the triggers (not police who shot the attacker),
  claimants ("claimed responsibility/the bombing", "said it carried out the attack",
  "carried out by X"), attributions ("blamed X", "X was suspected of"), armed groups of the
  actor data and attacker nouns ("gunmen", "suicide bomber") near a trigger;
- targets and victims: objects of the triggers, passive subjects ("five soldiers were
  killed"), "attack on X"; never an attacker (dead attackers are not the attack's victims);
- weapons: the weapons lexicon, the subject of "killed"/"exploded" when it is a weapon,
  "with X" of a trigger, and the weapon that names a strike ("a drone strike");
- weapons also where someone uses, carries or wears them ("the gunmen used grenades");
- places: GPE/LOC/FAC entities of trigger sentences, not used as actors or origins, and names
  the parse puts where a place stands ("the village of X", "X district", "in X" when the
  gazetteer knows X) whatever NER labelled them; "in/near/at X" of an attack word counts
  most; named buildings are targets, not places; a country is dropped when a finer place
  has evidence; a dateline ("MOGADISHU (Wire) -") counts only a little.

The rules are checked against scripts/data/cased_roles_dev.jsonl (team-written reports).

Every filler is a compact noun phrase that ENDS in its head word ("the convoy", not "the
convoy of Russian soldiers"; "Islamic State", not "Islamic State of Iraq and Syria"), since
annotations and most matching are by head. Candidates are grouped per entity and ranked by
the evidence for them, weighted by how early in the document it comes (the headline and lede
tell the main attack); each role keeps few fillers (ROLE_LIMITS), because a report mostly tells one attack,
and each attack it recalls with its own year ("in May 2015, when ...") adds its best-attested
filler per role (``_add_recalled``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from shardwatch.extract import attacks
from shardwatch.extract.attack_lexicon import _violence_cues
from shardwatch.extract.attack_sides import tied_aside
from shardwatch.extract.common import incidental_places
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import actor_of, place_mentions
from shardwatch.extract.role_phrases import (actor_text, antecedent, attacker_is_hit, can_attack, claimants,
                                             compact_phrase, conjuncts, content_noun, group_of, used_weapons)
from shardwatch.extract.role_places import DATELINE_AGENCY, DATELINE_WEIGHT, cut_entity, datelines, place_candidates, place_key
from shardwatch.extract.role_words import (ABSTRACT_HEADS, ARMED_GROUP_KINDS, BUILDING_HEADS, HARM_VERBS, LADEN_VEHICLES,
                                           NOT_ROLE_ENTS, ROLES, SECURITY_NOUNS, VEHICLE_TRIGGERS, VICTIM_WORDS,
                                           armed_group, attacker_noun, entity_key, is_place_ent, is_trigger, laden,
                                           plainly_violent, violent_triggers, weapon_matches, weapon_word)
from shardwatch.learn.fillers import Candidate
from shardwatch.learn.spans import normalize
from shardwatch.types import Article, Mention

COUNTRY_DROP_SHARE = 0.4  # a country is dropped when a finer place has this share of the top place's evidence
ROLE_LIMITS = {"perpetrator": 3, "target": 3, "weapon": 3, "place": 3}
# A further filler needs at least this share of the first one's score. Limits and share were
# chosen on scripts/data/cased_roles_dev.jsonl (2 and 0.5 before: 71.92 -> 76.56 micro F1).
SECOND_FILLER_SHARE = 0.35


@dataclass
class _Filler:
    key: str
    text: str
    score: float = 0.0
    best: float = 0.0  # the strongest single piece of evidence, whose mention text is kept
    first: int = 10**9
    at: int = 0  # token where the strongest evidence names it: the filler's evidence
    votes: int = 0  # pieces of evidence


class _Ballot:
    """Evidence for fillers of one role, grouped by entity."""

    def __init__(self) -> None:
        self.fillers: dict[str, _Filler] = {}

    def add(self, key: str, text: str, weight: float, position: int) -> None:
        if not text or not key:
            return
        filler = self.fillers.setdefault(key, _Filler(key, text))
        filler.score += weight
        filler.votes += 1
        if weight > filler.best or (weight == filler.best and len(text) < len(filler.text)):
            filler.best, filler.text, filler.at = weight, text, position
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


def _position_weight(sent_index: int) -> float:
    """Evidence from the headline and lede counts most."""
    return 1.0 / (1.0 + 0.15 * sent_index)


def cased_roles(doc: Doc, article: Article) -> dict[str, list[str]]:
    """Role fillers of a cased news text from the cased parse, ranked per document.

    Roles: ``perpetrator_individual``, ``perpetrator_organization``, ``target``, ``victim``,
    ``weapon``, ``place`` (each a list of mention strings, best first).
    """
    return {role: [text for text, _ in fillers] for role, fillers in cased_arguments(doc, article).items()}


def cased_arguments(doc: Doc, article: Article, *, places: list[Mention] | None = None
                    ) -> dict[str, list[tuple[str, int]]]:
    """``cased_roles`` with, for each filler, the token where its strongest evidence names it.
    ``places``: the document's place mentions, when the caller has them already."""
    return cased_candidates(doc, article, places=places)[0]


def cased_candidates(doc: Doc, article: Article, *, places: list[Mention] | None = None
                     ) -> tuple[dict[str, list[tuple[str, int]]], list[Candidate]]:
    """``cased_arguments`` and every filler the rules weighed (``Candidate``), chosen or not."""
    ballots = {role: _Ballot() for role in ("perpetrator", "target", "weapon", "place")}
    # the same evidence per attack told apart by its own year ("In May 2021 a car bomb ...")
    segments: list[dict[str, _Ballot]] = [{role: _Ballot() for role in ballots}]
    segment_year: list[str | None] = [None]
    is_org: dict[str, bool] = {}
    is_victim: dict[str, bool] = {}
    members_of: dict[str, set[str]] = {}  # group key -> keys of its men named as perpetrators
    places = place_mentions(doc, article) if places is None else places
    origins = {(m.start, m.end) for m in incidental_places(doc, places)}
    agencies = [m.span(1) for m in DATELINE_AGENCY.finditer(doc.text[:400])]

    def cast(role: str, key: str, text: str, weight: float, position: float, at: int) -> None:
        """Evidence for a filler, in the document's ballot and in the current attack's."""
        ballots[role].add(key, text, weight * position, at)
        segments[-1][role].add(key, text, weight, at)

    def vote(role: str, token: Token, weight: float, position: float) -> None:
        noun = content_noun(token) if role != "place" else token
        if noun is None or noun.lower_ in ABSTRACT_HEADS or (is_trigger(noun) and role != "weapon"):
            return
        if noun.ent_type_ in NOT_ROLE_ENTS or noun.like_num or not any(ch.isalpha() for ch in noun.text):
            return  # "killed on 13 September", "struck at 9:02 a.m.": a time, not a target
        if role == "perpetrator" and noun.lemma_.lower() in _violence_cues()["natural_cause"]:
            return  # "killed by an air strike or disease": disease kills no one on purpose
        key = entity_key(noun)
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
            text = actor_text(noun, key[len("actor:"):], text)
        cast(role, key, text, weight, position, noun.i)
        if role == "perpetrator":
            is_org[key] = noun.ent_type_ in ("ORG", "NORP") or armed_group(noun)
            if not is_org[key]:
                for group in group_of(noun):  # "Boko Haram fighters": the fighters' group
                    members_of.setdefault(entity_key(group), set()).add(key)
        if role == "target":
            is_victim[key] = (noun.ent_type_ == "PERSON" and noun.lower_ not in BUILDING_HEADS) or \
                noun.lemma_.lower() in VICTIM_WORDS or noun.lower_ in VICTIM_WORDS  # not "the Naso Hablod Hotel"

    previous = None
    told = False  # whether any sentence plainly tells an attack
    for index, sent in enumerate(doc.sents):
        position = _position_weight(index)
        triggers = violent_triggers(sent, previous)
        previous = sent if triggers else None  # only a sentence telling an attack lends its context
        told = told or bool(triggers and plainly_violent(sent, triggers))
        year = _year_of(sent) if triggers else None
        if year is not None and year != segment_year[-1]:
            # a new attack, unless this year only dates the one the lede has been telling
            if any(b.fillers for b in segments[-1].values()) and (segment_year[-1] is not None or index > 2):
                segments.append({role: _Ballot() for role in ballots})
                segment_year.append(year)
            else:
                segment_year[-1] = year
        # claims and attributions name the perpetrator even far from the attack
        for token, weight in claimants(sent):
            for s in conjuncts(token):
                vote("perpetrator", s, weight, position)
        for token in used_weapons(sent):
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
                    for s in conjuncts(child):
                        vote("target", s, 2.0, position)
                elif dep == "compound" and not verbal and _weapon_of_strike(child, trigger):
                    vote("weapon", child, 2.5, position)  # "a drone strike", "the rocket attack"
                elif dep == "nsubj" or (dep == "poss" and not verbal) or (dep == "compound" and not verbal
                                                                          and armed_group(child)):
                    # "the Taliban attack", not "the Boston Marathon bombing" (an occasion, no actor)
                    for s in conjuncts(antecedent(child, trigger)):
                        if weapon_word(s):
                            vote("weapon", s, 3.0, position)
                        elif can_attack(s):
                            vote("perpetrator", s, 3.0, position)
                        else:  # "drone strikes have killed": the strikes' weapon
                            for c in s.children:
                                if c.dep_ == "compound" and _weapon_of_strike(c, s):
                                    vote("weapon", c, 2.5, position)
                elif (dep == "agent" or (dep == "prep" and child.lower_ == "by")) and (
                        not verbal or not any(c.dep_ == "nsubj" for c in trigger.children)):
                    # "an attack by gunmen", "was killed by militants"; not "a bomb exploded by a bus"
                    # (beside it), whatever label the parser gave "by"
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in conjuncts(obj):
                            if weapon_word(s):
                                vote("weapon", s, 3.0, position)
                            elif not (s.lower_ in SECURITY_NOUNS and attacker_is_hit(trigger)):
                                vote("perpetrator", s, 3.0, position)
                elif dep in ("dobj", "nsubjpass") and (lemma in HARM_VERBS or not verbal):
                    for s in conjuncts(child):
                        if is_place_ent(s):
                            vote("place", s, 1.5, position)
                        elif weapon_word(s) and ((dep == "nsubjpass" and lemma in ("detonate", "explode")) or (
                                dep == "dobj" and (s.lemma_.lower() not in LADEN_VEHICLES or laden(s)
                                                   or lemma in VEHICLE_TRIGGERS))):
                            # "rammed an explosives-laden pickup into the gate": the pickup is the weapon
                            vote("weapon", s, 3.0, position)
                        elif not attacker_noun(s):  # dead attackers are not the attack's victims
                            vote("target", s, 3.0, position)
                elif dep == "prep" and ((child.lower_ in ("on", "against", "at", "targeting", "inside") and (
                        not verbal or lemma in ("fire", "open", "explode", "detonate", "blow")))
                        or (child.lower_ in ("into", "through") and lemma in VEHICLE_TRIGGERS)):
                    # "opened fire on X", "an attack on X", "drove a van into X"
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in conjuncts(obj):
                            vote("place" if is_place_ent(s) else "target", s, 2.5, position)
                elif dep == "prep" and child.lower_ == "with":
                    for obj in (g for g in child.children if g.dep_ == "pobj"):
                        for s in conjuncts(obj):
                            if weapon_word(s):
                                vote("weapon", s, 3.0, position)
            # "they opened fire": the subject hangs on "opened"
            if lemma == "fire" and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and \
                    trigger.head.lemma_.lower() == "open":
                for subject in (c for c in trigger.head.children if c.dep_ == "nsubj"):
                    for s in conjuncts(antecedent(subject, trigger.head)):
                        if can_attack(s):
                            vote("perpetrator", s, 3.0, position)
            # "opened fire on X": the object hangs on "fire"
            if lemma == "fire" and trigger.pos_ == "NOUN":
                for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ in ("on", "at")):
                    for obj in (g for g in prep.children if g.dep_ == "pobj"):
                        vote("target", obj, 2.5, position)
        for token in weapon_matches(sent, triggers):
            vote("weapon", token, 1.5, position)
        for token in sent:
            if token.i in trigger_ids or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if attacker_noun(token) and token.dep_ != "compound":
                vote("perpetrator", token, 1.0, position)
        for ent in sent.ents:
            actor = actor_of(ent)
            if tied_aside(ent.start_char, sent):
                continue  # "Abu Sayyaf, a group linked to the Islamic State": a link, not a doer
            if (actor is not None and actor.kind in ARMED_GROUP_KINDS) or (
                    ent.label_ == "ORG" and ent.root.dep_ == "compound" and attacker_noun(ent.root.head)):
                # a group the actor data lists, or a name the text gives its attackers ("ETA gunmen")
                # "militants of Boko Haram", "Islamic State fighters": the group did what its men did
                weight = 3.0 if ent.root.dep_ == "pobj" and attacker_noun(ent.root.head.head) or (
                    ent.root.dep_ == "compound" and attacker_noun(ent.root.head)) else 1.5
                vote("perpetrator", ent.root, weight, position)
        for token in sent:
            # "opened fire inside the Al Noor mosque": a named building where the attack was is its target
            if token.lower_ in BUILDING_HEADS and token.dep_ == "pobj" and \
                    token.head.lower_ in ("in", "inside", "at", "outside", "to", "into") and \
                    any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
                vote("target", token, 1.5, position)
        for span, weight in place_candidates(sent, trigger_ids, origins):
            if any(a <= span.start_char < b for a, b in agencies):
                continue  # "MOGADISHU (Horn Dispatch) -": the agency is no place
            cast("place", place_key(span), cut_entity(span), weight, position, span.start)
    if not told or not any(ballot.fillers for ballot in ballots.values()):
        # no attack plainly told: a claim, a weapon or a dateline alone is none ("losses blamed on high
        # fuel prices"), nor "nearly 200 dead and 700 injured" in a piece on earthquakes
        return {role: [] for role in ROLES}, []
    for span in datelines(doc):
        ballots["place"].add(place_key(span), span.text.title(), DATELINE_WEIGHT, span.start)
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
    return _placed(found, [ballots, *segments]), _candidates(ballots, found, is_org, is_victim)


STRIKE_NOUNS = {"strike", "airstrike", "attack", "raid", "assault"}


def _weapon_of_strike(modifier: Token, noun: Token) -> bool:
    """"drone strike", "rocket attack": the weapon that names a strike; not a vehicle ("car
    bombing": the bomb's carrier). Its evidence (2.5) is below a weapon's as argument of an
    attack word (3.0), so "a Taliban roadside bomb ... the bomb attack" keeps the longer mention."""
    return noun.lemma_.lower() in STRIKE_NOUNS and weapon_word(modifier) and not armed_group(modifier) and \
        modifier.lemma_.lower() not in LADEN_VEHICLES


def _candidates(ballots: dict[str, _Ballot], found: dict[str, list[str]], is_org: dict[str, bool],
                is_victim: dict[str, bool]) -> list[Candidate]:
    chosen = {(_BALLOT_OF[role], normalize(text)) for role, texts in found.items() for text in texts}
    out = []
    for role, ballot in ballots.items():
        order = sorted(ballot.fillers.values(), key=lambda f: (-f.score, f.first))
        top = order[0].score if order else 1.0
        for rank, f in enumerate(order, 1):
            if role == "perpetrator":
                name = "perpetrator_organization" if is_org.get(f.key) else "perpetrator_individual"
            elif role == "target":
                name = "victim" if is_victim.get(f.key) else "target"
            else:
                name = role
            out.append(Candidate(role, name, f.text, f.at, f.score, f.score / top if top else 0.0, f.best,
                                 f.votes, f.first, rank, (role, normalize(f.text)) in chosen, f.key.startswith("actor:")))
    return out


_BALLOT_OF = {"perpetrator_individual": "perpetrator", "perpetrator_organization": "perpetrator", "target": "target",
              "victim": "target", "weapon": "weapon", "place": "place"}


def _placed(found: dict[str, list[str]], ballots: list[dict[str, _Ballot]]) -> dict[str, list[tuple[str, int]]]:
    """Each filler with the token of its strongest evidence, from the ballot that chose it."""
    placed: dict[str, list[tuple[str, int]]] = {}
    for role, texts in found.items():
        at = {}
        for ballot in reversed(ballots):  # the document's ballot, first in the list, wins
            at.update({f.text: f.at for f in ballot[_BALLOT_OF[role]].fillers.values()})
        placed[role] = [(text, at.get(text, 0)) for text in texts]
    return placed


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

