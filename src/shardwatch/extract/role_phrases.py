"""Phrases of the cased attack-argument rules: compact noun phrases, who a pronoun stands
for, and who a sentence says did it (claims, attributions)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from shardwatch.extract.mentions import actors
from shardwatch.extract.modality import modality_of
from shardwatch.extract.role_words import (CARRY_OUT_VERBS, CLAIMED_NOUNS, GROUP_PARTS, PERSON_SUBJECTS, PRONOUN_LIKE,
                                           WEAPON_USE_VERBS, armed_group, attacker_noun, is_trigger, weapon_word)
from shardwatch.learn.spans import normalize

_NP_DEPS = {"det", "amod", "compound", "nummod", "nmod", "quantmod", "npadvmod", "advmod", "punct", "poss", "case"}

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


def conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.pos_ in ("NOUN", "PROPN"))]


def content_noun(token: Token) -> Token | None:
    """The noun that carries a phrase: "one of the soldiers" -> soldiers; pronouns and
    numbers alone give nothing."""
    if token.lower_ in ("one", "some", "many", "several", "dozens", "hundreds", "scores", "most", "all", "two",
                        "portion", "part", "parts", "section", "half", "rest", "much",
                        "three", "four", "five") or token.like_num:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return content_noun(obj)
    if token.lower_ in GROUP_PARTS and not token.ent_type_:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.ent_type_ in ("ORG", "NORP"):
            return obj
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ in PRONOUN_LIKE:
        return None
    if token.dep_ == "appos" and not token.ent_type_ and token.head.ent_type_ == "PERSON":
        # "Anders Breivik, the extremist": one person, whose name is the filler (the scorer
        # counts the description, a second mention, as a second and wrong filler)
        return token.head
    return token


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
        if not singular and (token.lower_ in PLURAL_ATTACKERS or armed_group(token)):
            return token
    return None



def actor_text(noun: Token, actor_id: str, text: str) -> str:
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


def can_attack(token: Token) -> bool:
    """Whether the subject of an attack word is one who attacks: a name, a group, an attacker
    noun or "man"/"suspect"."""
    return token.ent_type_ in ("PERSON", "ORG", "NORP") or attacker_noun(token) or \
        token.lower_ in PERSON_SUBJECTS or armed_group(token)


def antecedent(subject: Token, trigger: Token) -> Token:
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


def group_of(noun: Token) -> list[Token]:
    """Armed groups a perpetrator noun names as its own: "Boko Haram fighters", "militants of
    the Islamic State"."""
    found = [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss") and (
        armed_group(c) or (c.ent_type_ == "ORG" and attacker_noun(noun)))]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        found += [g for g in prep.children if g.dep_ == "pobj" and armed_group(g)]
    return found


def claimants(sent: Span) -> Iterator[tuple[Token, float]]:
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
                                 or any(o.lower_ in CLAIMED_NOUNS or is_trigger(o) for o in objects)):
            for c in token.children:
                if c.dep_ == "nsubj" and not any(d.lower_ == "no" for d in c.children):
                    yield c, 3.0
                elif c.dep_ == "agent":
                    yield from ((g, 3.0) for g in c.children if g.dep_ == "pobj")
        elif lemma in CARRY_OUT_VERBS and any(_definite(o) and (o.lower_ in CLAIMED_NOUNS or is_trigger(o))
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
                if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and not (c.lower_ in CLAIMED_NOUNS or is_trigger(c))):
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
        if armed_group(subject):
            found.append(subject)
        found += [p for p in subject.children if p.dep_ == "poss" and armed_group(p)]
    return found


def _definite(noun: Token) -> bool:
    """"the attack", "Monday's bombing", "it": one attack, not "similar bombings" in general."""
    return noun.lower_ in ("it", "them") or any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss"
        for c in noun.children)


def attacker_is_hit(trigger: Token) -> bool:
    """The one shot, killed or arrested is a person or pronoun ("was shot dead by police")."""
    if not any(c.dep_ in ("nsubjpass", "dobj") for c in trigger.children) and trigger.dep_ == "conj":
        trigger = trigger.head  # "the driver fled and was shot dead by police"
        return any(c.dep_ in ("nsubj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lower_ in PRONOUN_LIKE
                                                          or attacker_noun(c) or c.lower_ in PERSON_SUBJECTS
                                                          or c.lower_ in ("driver", "assailant", "shooter"))
                   for c in trigger.children)
    return any(c.dep_ in ("nsubjpass", "dobj") and (c.ent_type_ == "PERSON" or c.lower_ in PRONOUN_LIKE
                                                     or attacker_noun(c) or c.lower_ in PERSON_SUBJECTS
                                                     or c.lower_ in ("driver", "assailant", "shooter"))
               for c in trigger.children)


def used_weapons(sent: Span) -> Iterator[Token]:
    """Weapons the sentence has someone use, carry or wear ("the attackers used rocket-propelled
    grenades", "armed with an assault rifle"), with or without an attack word."""
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or not weapon_word(token):
            continue
        head = token.head
        if token.dep_ == "dobj" and head.lemma_.lower() in WEAPON_USE_VERBS:
            yield token
        elif token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in WEAPON_USE_VERBS:
            yield token

