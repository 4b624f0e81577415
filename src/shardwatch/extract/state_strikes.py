"""Strikes by states and coalitions: air and drone strikes, air raids, shelling.

DESIGN.md's attack record has a perpetrator whose actor kind may be a state force or a
coalition; an air strike that kills 20 in Mosul, or U.S. bombers striking camps near Sirte,
is such an attack, with the state or coalition as its perpetrator (never the group whose
fighters or positions were struck). The rules of ``attacks`` keep these sentences out of the
group's attacks; this module tells them as the state's, so that what "the group's attacks"
means downstream is decided by the perpetrator's kind, not by
leaving the strikes unrecorded (``data.by_state``).

1. A strike word (``data/attack_words.jsonl``, class ``state_strike``): the air words
   (air strike, warplanes, drones, bombers) are states' by themselves; shelling and
   bombardment only with a state or coalition named as the doer.
2. Told as a deed (not hypothetical or negated), and not a leader's death (a leadership
   event), with a toll or a place finer than a country: "strikes have weakened the group"
   tells no strike.
3. The perpetrator: the state or coalition actors the sentence names outside what was hit
   ("its warplanes hit a Syrian Army position": the army is the target), then the state a
   country name or nationality word names ("Russia conducted airstrikes", "Turkish jets"),
   else the unnamed state forces of the actor data.

Chosen on the territory summaries' tuning part (lines i % 4 != 3), where these strikes were 8
of the 22 gold attacks; what it cost elsewhere is in docs/EVALUATION.md.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from shardwatch.data import UNNAMED_STATE, load_jsonl
from shardwatch.extract.attack_lexicon import LEADER_WORDS, STATE_KINDS, STATE_NOUNS
from shardwatch.extract.doers import _subject_or_agent
from shardwatch.extract.casualties import _fuller, casualties, parsed_casualties
from shardwatch.extract.common import clause_date, deed_modality
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.extract.mentions import actors
from shardwatch.extract.numbers import QUANTITY, QUANTITY_RE, quantity_from_match
from shardwatch.types import Article, Mention, Quantity

# Verbs whose "in"/"by" phrase is the strike that did it: "killed in airstrikes".
_HARM_LEMMAS = {"kill", "wound", "injure", "die", "destroy", "hit"}


@cache
def _strike_words() -> tuple[re.Pattern, re.Pattern]:
    """(air words, which are states' by themselves; words that are states' with a state doer)."""
    record = {r["class"]: r for r in load_jsonl("attack_words.jsonl")}["state_strike"]

    def compile_(words):
        return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
    return compile_(record["words"]), compile_(record["with_state"])


def _strike_token(sent: Span, pattern: re.Pattern) -> Token | None:
    """The token heading the first strike phrase of the sentence."""
    for match in pattern.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is not None and not (span.start > 0 and sent.doc[span.start - 1].lower_ in _CROWD_MUNITIONS):
            return span.root
    return None


# What police fire to break up a crowd: "lobbed rounds of teargas shells", "tear gas shells" (ACLED
# tuning part, i % 9 != 4: 1 false alarm, a state's "shelling" that was teargas)
# Wider than attack_disorder._riot_control, which judges what is fired: notes write "tear smoke
# shells", "smoke shells" and "pepper gas shells" too.
_CROWD_MUNITIONS = {"teargas", "tear-gas", "gas", "smoke", "rubber"}


# Nouns that count strikes: "dozens of airstrikes", "a wave of air raids".
_COUNT_NOUNS = {"dozen", "dozens", "hundred", "hundreds", "series", "wave", "number", "string", "round", "barrage",
                "spate", "salvo", "couple"}


# Strike words that name the deed, not the aircraft: "launched airstrikes", not "downed a warplane".
_STRIKE_EVENT = re.compile(r"strike|raid|bombing|shelling|bombardment", re.I)


def _deed_word(token: Token) -> Token | None:
    """The word that tells the strike as done: "warplanes struck", "airstrikes kill",
    "launches airstrikes", "killed in airstrikes", "a unit backed by warplanes kills 25", or
    the strike noun heading its sentence. None where the strike only backs or precedes another
    deed ("forces backed by U.S. airstrikes seize", "despite heavy airstrikes", "after days of
    airstrikes"): the territory event tells that."""
    if token.dep_ in ("compound", "amod", "nummod", "nmod") and token.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return _deed_word(token.head)  # "American F-15 jets strike": the jets' verb
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _COUNT_NOUNS:
        return _deed_word(token.head.head)  # "conducted dozens of airstrikes"
    if token.dep_ in ("nsubjpass", "dobj") and not _STRIKE_EVENT.search(token.text) \
            and token.lemma_.lower() not in _COUNT_NOUNS:
        return None  # "rebels shot down an air force plane", "a drone was downed": what was hit
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if token.dep_ == "ROOT":
        return token
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in _HARM_LEMMAS and ancestor.pos_ == "VERB":
            return ancestor
        if ancestor.lower_ in ("despite", "after", "before", "amid", "since", "following"):
            return None
    return None


def _targets(deed: Token) -> set[int]:
    """Tokens of what the strike hit: its object and its "on"/"against" phrases."""
    found: set[int] = set()
    for child in deed.children:
        if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in ("on", "against", "near")):
            found |= {t.i for t in child.subtree}
    return found


# "French forces", "U.S. military", "Russian warplanes": the word before a force noun in a
# state's alias names that state ("French bombers", "U.S. drones").
_FORCE_ALIAS = re.compile(r"^(\S+) (?:forces|military|troops|army|warplanes|jets|aircraft|air force)$", re.I)


@cache
def _state_words() -> dict[str, str]:
    found: dict[str, str] = {}
    for actor in actors().values():
        if actor.kind != "state_force" or not actor.country:
            continue
        for alias in actor.aliases:
            match = _FORCE_ALIAS.match(alias)
            if match:
                found.setdefault(match.group(1).lower(), actor.id)
    return found


def _state_of_country(token: Token) -> str | None:
    """The state force actor of the country a name or nationality word names."""
    if token.lower_ in _state_words():
        return _state_words()[token.lower_]
    gazetteer = get_gazetteer()
    code = gazetteer.demonyms.get(token.lower_)
    if code is None and token.ent_type_ in ("GPE", "NORP"):
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I) if ent else ""
        countries = {p.country for p in gazetteer.candidates(name) if p.precision == 3}
        code = next(iter(countries)) if len(countries) == 1 else None
    if code is None:
        return None
    return next((a.id for a in actors().values() if a.kind == "state_force" and a.country == code), None)


# The attack tolls leave out fighters killed (a group's dead are no attack of its own); a
# strike's dead are often the group's fighters: "killed 25 militants", "47 militants have been killed".
_FIGHTERS = r"(?:\s+[\w'-]+){0,2}?\s+(?:militants|fighters|jihadists|insurgents|extremists|terrorists|troops|soldiers)"
_FIGHTERS_KILLED = (re.compile(rf"\bkill(?:ed|ing|s)?\s+(?P<q>{QUANTITY}){_FIGHTERS}", re.I),
                    re.compile(rf"\b(?P<q>{QUANTITY}){_FIGHTERS}\s+(?:(?:were|was|had been|have been|are|being)\s+)?killed\b",
                               re.I))


def _fighters_toll(text: str) -> Quantity | None:
    for pattern in _FIGHTERS_KILLED:
        match = pattern.search(text)
        if match:
            quantity = quantity_from_match(QUANTITY_RE.match(match.group("q")))
            if quantity is not None and (quantity.low or quantity.high):
                return quantity
    return None


def _person_killed(deed: Token, token_actor: dict[int, str]) -> bool:
    """The dead the strike names are one person or a leader ("kills Abu X, believed to be the
    group's deputy", "the commander died of wounds suffered in a strike"): leadership tells it."""
    words = [deed] + [t for t in deed.sent if t.lemma_.lower() in ("die", "kill") and t.i != deed.i]
    for word in words:
        dead_words = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if word.dep_ in ("advcl", "acl") and word.tag_ == "VBN" and not dead_words:
            # "Killed in an airstrike, the group's finance chief X had ...": the main clause's subject
            dead_words = [c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")] + (
                [word.head] if word.dep_ == "acl" else [])
        dead_words += [g for c in word.children if c.dep_ == "prep" and c.lower_ == "including" for g in c.children]
        for dead in dead_words:
            if word.lemma_.lower() == "kill" and dead.dep_ == "nsubj" and dead.head.i == word.i:
                continue
            subtree = list(dead.subtree)
            if dead.ent_type_ == "PERSON" or any(t.lemma_.lower() in LEADER_WORDS for t in subtree):
                return True
            actor = actors().get(token_actor.get(dead.i, ""))
            if actor is not None and actor.kind == "person":
                return True
    return False


# Nouns a state's name makes the doer of ("Turkish jets", "a Syrian Army unit"), besides the
# strike words themselves; not "the Syrian Observatory".
_FORCE_NOUNS = {"force", "forces", "military", "troops", "army", "jet", "bomber", "drone", "warplane", "aircraft",
                "artillery", "raid", "strike", "airstrike", "plane", "helicopter", "unit", "commando", "navy",
                "gunship", "missile", "rocket", "shelling", "bombardment", "air"}


def _force_word(token: Token) -> bool:
    if token.lemma_.lower() in _FORCE_NOUNS or token.lower_ in _FORCE_NOUNS:
        return True
    return token.dep_ in ("compound", "amod") and _force_word(token.head)  # "U.S. B-2 stealth bombers"


def strike_perpetrators(sent: Span, deed: Token, token_actor: dict[int, str]) -> list[tuple[str, str]]:
    """The states and coalitions the sentence makes the doers (actor id, words), best first."""
    hit = _targets(deed)
    found: list[tuple[str, str]] = []

    def add(actor_id: str, text: str) -> None:
        if actor_id not in [a for a, _ in found]:
            found.append((actor_id, text))
    for token in sent:
        if token.i in hit:
            continue
        actor = actors().get(token_actor.get(token.i, ""))
        if actor is not None and actor.kind in STATE_KINDS:
            add(actor.id, token.text)
        elif "-led" in token.lower_ or token.lower_ == "led" and token.head.lower_ == "coalition":
            add("coalition", token.text)  # "U.S.-led bombing raids"
    for token in sent:
        if token.i in hit or token.i in token_actor:
            continue
        # a doer's name: "Russia conducted", "U.S. bombers", "Turkish jets"; not a place ("in Syria")
        word = token.head if token.dep_ == "conj" else token  # "French and U.S. jets"
        if not (token.ent_type_ in ("GPE", "NORP") or token.lower_ in _state_words()):
            continue
        if (word.dep_ == "nsubj" and word.head.i == deed.i) or (
                word.dep_ in ("compound", "amod", "poss", "nmod") and _force_word(word.head)):
            state = _state_of_country(token)
            if state:
                add(state, token.text)
    return found


# Nouns that make a place someone's seat, not what was struck: "at the request of the
# government in Baghdad", "a ministry statement in Paris".
_SEAT_NOUNS = {"request", "government", "ministry", "official", "authority", "spokesman", "statement", "behalf",
               "parliament", "embassy", "president", "minister"}


def _struck(places: list[Mention], deed: Token, token: Token) -> list[Mention]:
    """The places in the strike's own phrase or clause ("airstrikes on positions in the city
    of Sirte"), not those of someone's seat."""
    found = []
    for mention in places:
        span = deed.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        chain = list(span.root.ancestors)
        if not any(a.i in (deed.i, token.i) for a in chain):
            continue
        if span.root.head.i == token.i and span.root.dep_ in ("compound", "amod", "nmod", "poss"):
            continue  # "US drones": whose drones, not where they struck
        below = chain[: next(n for n, a in enumerate(chain) if a.i in (deed.i, token.i))]
        if not any(a.lemma_.lower() in _SEAT_NOUNS for a in below):
            found.append(mention)
    return found


def strike_frame(sent: Span, article: Article, places: list[Mention], token_actor: dict[int, str],
                 best_place):
    """The attack frame of a state's or coalition's strike the sentence tells, or None."""
    from shardwatch.extract.attacks import AttackFrame  # attacks calls this module

    air, with_state = _strike_words()
    token = _strike_token(sent, air)
    state_only = token is None
    if state_only:
        token = _strike_token(sent, with_state)
        if token is None:
            return None
    deed = _deed_word(token)
    if deed is None:
        return None
    modality = deed_modality(deed)
    if modality is None:
        return None
    if _person_killed(deed, token_actor):
        return None  # "a drone strike killed the group's spokesman": a leadership event
    killed, wounded = casualties(sent.text)
    parsed_killed, parsed_wounded = parsed_casualties(sent)
    killed, wounded = _fuller(killed, parsed_killed), _fuller(wounded, parsed_wounded)
    killed = killed or _fighters_toll(sent.text)
    struck = _struck(places, deed, token)
    fine = [m for m in struck if m.place.precision <= 2]
    if killed is None and wounded is None and not fine:
        return None
    doers = strike_perpetrators(sent, deed, token_actor)
    if state_only and not doers and not any(t.lemma_.lower() in STATE_NOUNS or t.lower_ in STATE_NOUNS
                                            for t in _subject_or_agent(deed)):
        return None  # shelling with no state named may be the militants' ("government forces shelled" is a state's)
    frame = AttackFrame(sentence=sent, trigger=deed, modality=modality, killed=killed, wounded=wounded,
                        date=clause_date(deed, article))
    frame.attack_type = "Bombing/Explosion"
    frame.weapon = token.text
    frame.weapon_type = "Explosives"
    frame.perpetrator_orgs = doers or [(UNNAMED_STATE, token.text)]
    frame.by_state = True
    frame.place = best_place(struck or places)
    return frame
