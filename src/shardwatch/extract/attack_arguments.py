"""Document-level arguments of an article's attacks, computed once and held by its attack events.

The attack frames (``extract.attacks``) find each attack a sentence tells, with its place, date,
figures and perpetrator organisation. This module gives the attacks of the whole document their
arguments (perpetrators, targets, victims, weapons, places) and hands them to the attack events
(``attach``): the records the database holds and the ``roles`` view (``extract.roles``) read
one answer.

1. Cased text (modern news): the rules over the cased parse (``extract.cased_roles``), whose
   perpetrators and weapons the learned chooser (``learn.fillers``) adds to and whose doubtful
   places and perpetrators the actor data does not know it drops, from the candidates they weigh,
   plus the learned attack-argument tagger's best fillers the rules lack (``learn.arguments``). Where they
   find nothing, nothing: the frames' own arguments there cost 0.38 micro F1 on WikiEvents
   train's held-out fifth (42.49 -> 42.11).
2. Lower-cased text (wire copy as in MUC-4): the CRF tagger (``learn.tagger``, trained on MUC-4
   by ``make train``) finds perpetrators, targets, victims and weapons in the lower-cased text,
   keeping only its sure candidates in a text the document gate (``learn.gate``) finds tells no
   incident;
   the frames give the place, a role MUC-4 does not annotate and the CRF therefore does not
   learn. Where the CRF finds no weapon or no organisation but does find the attack's people or
   things, the frames add the weapons they name and the perpetrator organisations that are armed
   groups of the actor data (groups of 2016 that the 1989-1991 training texts never mention).
   Chosen on MUC-4 train's last 200 texts read with a CRF trained on the first 1,100 only (the
   shipped CRF has seen them): 40.35 micro F1 adding them always, 40.88 never, 40.96 so
   (organisations 45.05 / 46.71 / 46.59, weapons 41.30 / 44.16 / 44.19): most of what they added
   came from texts that tell no attack. Their targets and victims are not added: they cost more
   precision than they bring recall.
3. ``attach``: each argument goes to the attack event whose evidence holds the word that names
   it, else to the article's first attack event; an attack event's target, victims and weapon
   are then the arguments it holds. Chosen on WikiEvents train's held-out fifth (41 documents,
   ``shardwatch roles`` scored as WikiEvents is): the frames' own arguments score 26.79 micro
   F1, these 42.86, both together 38.27.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from spacy.tokens import Doc

from shardwatch.extract import attacks
from shardwatch.extract.attack_segments import denied_only
from shardwatch.extract.attack_lexicon import ATTACKER_NOUNS, word_class
from shardwatch.extract.cased_roles import cased_candidates
from shardwatch.extract.mentions import actor_of, actors
from shardwatch.extract.role_words import ARMED_GROUP_KINDS, ROLES
from shardwatch.learn.arguments import document_roles
from shardwatch.learn.fillers import Candidate, RoleChoice, choose, filler_model
from shardwatch.learn.spans import normalize
from shardwatch.learn.gate import gate_settings
from shardwatch.learn.gate import probability as gate_probability
from shardwatch.learn.tagger import RoleTagger, default_tagger
from shardwatch.nlp.pipeline import RULES_ONLY_ENV
from shardwatch.types import ActorRef, Article, AttackArgument, Event, Mention

# Titles before a victim's name, which the lower-cased view leaves out (learn.tagger.choose_fillers).
PERSON_TITLES = word_class("person_title")

# The learned tagger's fillers the rules lack: its best two per role, each named at least twice.
# Chosen on WikiEvents train's held-out fifth (41 documents never trained on; `shardwatch roles`
# scored as WikiEvents is): rules alone 40.19 micro F1, plus 1, 2 or 3 such fillers per role
# 41.99, 42.76, 42.57; fillers named once scored lower (39.6 with 2); the tagger alone 14.67.
# WikiEvents dev, measuring only: rules alone 33.77, with these 33.94.
LEARNED_PER_ROLE = 2
LEARNED_MIN_MENTIONS = 2
# The learned chooser (``learn.fillers``) weighs the rules' candidates. Perpetrators: the rules'
# choice plus those it gives at least 0.3, one per head word. Chosen on WikiEvents train's tuning
# fifth (41 documents, the chooser's spaCy dev corpus; never trained on), checked on the
# team-written sets (short, long): rules alone 42.67 (81.14, 68.47); with these additions, three
# in all, 43.52 (82.09, 69.30), perpetrator 45.98 -> 50.00; 0.25 gave 43.33, 0.35 43.61. Letting
# the chooser also drop the rules' perpetrators scored 44.30 there (79.33, 67.81) but cost the
# incident reports' records their doers (measuring part perpetrator 88.7 -> 88.1).
# Stop 26, out of fold on all five fifths of WikiEvents train (206 documents, each read by a
# chooser trained on the other four; `shardwatch roles` scored as WikiEvents is): 36.12 micro F1
# as above; weapons it gives at least 0.3 added (four in all) and places the rules chose that it
# gives under 0.15 dropped ("U.S.", "C.I.A.", a suspect's name the parser took for a place),
# 36.91 (by fold +1.06, +1.33, +0.14, +0.69, +0.82; weapon 49.12 -> 50.53, place 35.62 -> 37.00);
# with four perpetrators in all, not three, 37.23 (+1.06, +1.94, +0.61, +0.87, +1.16; perpetrator
# 41.65 -> 42.88), but the team-written long set lost 69.00 -> 68.10 by three wrong perpetrators, so
# three stay. Team-written sets (short, long) with the weapons and places: 82.32 -> 83.20,
# 69.87 -> 69.00. Its score as a gate on a whole role (report it or not) lost on every fold at
# every threshold tried (0.05-0.5), and targets gained nothing either way.
# Stop 27, out of fold as at stop 26 (five choosers on the cached candidates of four fifths each,
# `configs/roles_fillers.cfg`): the rules' perpetrators it gives under 0.15 dropped unless the actor
# data knows them ("Accused" and "Boston Marathon" of a headline the NER took for groups, drones
# as "UAVs"): 36.82 -> 37.03 micro F1, by fold +0.11, +0.13, +0.30, +0.20, +0.29 (0.05 and 0.1 up on
# every fold too, 0.2 down on three; with the tagger's fillers left out, which folds 0-3 trained,
# +0.10, +0.12, +0.28, +0.17, +0.29). A known group stays whatever the chooser says: dropping those
# too gained more there (37.22) but WikiEvents marks the men ("bombers") where the group is known,
# and the records' doers (``_with_doers``) read the known ones.
FILLER_CHOICES = {"perpetrator": RoleChoice(add=0.3, per_role=3, drop=0.15, keep_known=True),
                  "weapon": RoleChoice(add=0.3, per_role=4), "place": RoleChoice(drop=0.15)}
_CASED_OF_LEARNED = {"perpetrator": ("perpetrator_individual", "perpetrator_organization"),
                     "target": ("target", "victim"), "weapon": ("weapon",), "place": ("place",)}
_CASED_OF_ROLE = {name: role for role, names in _CASED_OF_LEARNED.items() for name in names}
# The roles an attack event keeps as text (``Event.target``, ``victims``, ``weapon``).
_EVENT_FIELDS = {"target": "target", "victim": "victims", "weapon": "weapon"}


def frame_roles(frames: list[attacks.AttackFrame], *, armed_groups_only: bool = False) -> dict[str, list[str]]:
    """Role fillers of the attack frames, one string per distinct mention.

    With ``armed_groups_only``, perpetrator organisations are kept only when the actor data
    lists them as an organisation (not a state force or coalition).
    """
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


def document_arguments(doc: Doc, article: Article, frames: list[attacks.AttackFrame], *,
                       places: list[Mention] | None = None, tagger: RoleTagger | None = None
                       ) -> tuple[AttackArgument, ...]:
    """The arguments of the attacks the document reports, one per entity and role, best first
    within a role (steps 1 and 2 of this module), not yet given to an event. ``places``: the
    document's place mentions, when the caller has them already."""
    if doc.text != doc.text.lower():
        placed, candidates = cased_candidates(doc, article, places=places)
        if any(placed.values()):
            if filler_model() is not None and not os.environ.get(RULES_ONLY_ENV):
                _chosen(placed, doc, candidates)
            _with_learned(placed, doc)
            return tuple(_argument(doc, role, text, at) for role in ROLES for text, at in placed[role])
        return ()
    tagger = tagger or default_tagger()
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    fillers = tagger.roles(doc, gate=gate_settings(), probability=gate_probability(doc.text),
                           titles=PERSON_TITLES)
    for role, cands in fillers.items():
        found[role] = [c.text for c in cands]
    rules = frame_roles(frames, armed_groups_only=True)
    found["place"] = rules["place"]
    told = any(found[role] for role in ROLES if role != "place")  # the CRF found the attack's people or things
    for role in ("perpetrator_organization", "weapon"):
        if told and not found[role]:  # the tagger's own fillers beat the rules' (step 2)
            found[role] = rules[role]
    return _located(doc, found)


def _argument(doc: Doc, role: str, text: str, at: int) -> AttackArgument:
    token = doc[min(at, len(doc) - 1)]
    actor = None
    if role.startswith("perpetrator"):
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        actor = actor_of(ent) if ent is not None else None
    return AttackArgument(role=role, text=text, start=token.idx, end=token.idx + len(token.text),
                          actor_id=actor.id if actor is not None else None)


def _located(doc: Doc, found: dict[str, list[str]]) -> tuple[AttackArgument, ...]:
    """Arguments given as text alone, at their first occurrence in the text (else its start)."""
    lowered = doc.text.lower()
    out = []
    for role in ROLES:
        for text in found[role]:
            start = max(lowered.find(text.lower()), 0)
            out.append(AttackArgument(role=role, text=text, start=start, end=start + len(text)))
    return tuple(out)


def _chosen(placed: dict[str, list[tuple[str, int]]], doc: Doc, candidates: list[Candidate]) -> None:
    """The rules' fillers as the learned chooser keeps and adds to them (``FILLER_CHOICES``). A filler
    the rules report but did not weigh as a candidate (a country the place ballot set aside, an
    attack recalled with its own year) is no choice of the chooser's and stays."""
    chosen = choose(doc, candidates, choices=FILLER_CHOICES)
    for role in ROLES:
        ballot = _CASED_OF_ROLE[role]
        if ballot in FILLER_CHOICES:
            weighed = {normalize(c.text) for c in candidates if c.role == ballot}
            placed[role] = chosen.get(role, []) + [(text, at) for text, at in placed[role]
                                                  if normalize(text) not in weighed]


def _with_learned(placed: dict[str, list[tuple[str, int]]], doc: Doc) -> None:
    """Add to the rules' fillers the learned tagger's best ones they lack (``learn.arguments``)."""
    for role, fillers in document_roles(doc).items():
        roles = _CASED_OF_LEARNED[role]
        have = [text.lower() for r in roles for text, _ in placed[r]]
        best = [f for f in fillers if f.count >= LEARNED_MIN_MENTIONS][:LEARNED_PER_ROLE]
        for filler in best:
            text = filler.text.lower()
            if not any(text.endswith(h.split()[-1]) or h.endswith(text.split()[-1]) for h in have):
                token = doc.char_span(filler.first, filler.first + 1, alignment_mode="expand")
                placed[roles[0]].append((filler.text, token.start if token is not None else 0))


def attach(events: list[Event], arguments: tuple[AttackArgument, ...]) -> tuple[list[Event], tuple[AttackArgument, ...]]:
    """Give each argument to an attack event (step 3) and make each attack event's target,
    victims and weapon the arguments it holds. With no attack event, both come back as they are."""
    attack_events = [e for e in events if e.kind == "attack"]
    if not attack_events:
        return events, arguments

    def holder(argument: AttackArgument) -> Event:
        return next((e for e in attack_events if any(ev.start <= argument.start < ev.end for ev in e.evidence)),
                    attack_events[0])

    placed = tuple(replace(a, event_id=holder(a).id) for a in arguments)
    out = []
    for event in events:
        if event.kind != "attack":
            out.append(event)
            continue
        held = {field: "; ".join(a.text for a in placed if a.event_id == event.id and a.role == role) or None
                for role, field in _EVENT_FIELDS.items()}
        out.append(replace(event, actors=_with_doers(event, placed), **held))
    return out, placed


_FORMER = re.compile(r"\b(?:former|ex-)", re.I)

def _with_doers(event: Event, placed: tuple[AttackArgument, ...]) -> tuple[ActorRef, ...]:
    """The event's actors, plus the perpetrators it holds that the actor data knows, when its
    frame named no perpetrator of that kind."""
    refs = list(event.actors)
    for argument in placed:
        if argument.event_id != event.id or argument.actor_id is None or not argument.role.startswith("perpetrator"):
            continue
        holding = next((ev for ev in event.evidence if ev.start <= argument.start < ev.end), None)
        if holding is None:
            continue  # only a doer named in the event's own sentences, not one handed to the first event
        if denied_only(holding.text):
            continue  # "the Taliban denied any role in the blast": named, and not as the doer
        rel = argument.start - holding.start
        after = holding.text[rel + len(argument.text):].split()[:1]
        if _FORMER.search(argument.text) or _FORMER.search(holding.text[max(0, rel - 8):rel]) and after \
                and after[0].lower().strip(".,;") in ATTACKER_NOUNS:
            continue  # "two former FARC guerrillas were shot dead": the group the dead left (attack_lexicon.former; the arguments keep only their text)
        known = actors().get(argument.actor_id)
        if known is not None and known.kind not in ("organisation", "person"):
            continue  # a state force or coalition does not commit the attacks these records hold
        person = known.kind == "person" if known else argument.role == "perpetrator_individual"
        role = "perpetrator_individual" if person else "perpetrator"
        if any(r.role == role for r in event.actors) or any(r.actor_id == argument.actor_id for r in refs):
            continue
        refs.append(ActorRef(argument.actor_id, known.name if known else argument.text, role, argument.text))
    return tuple(refs)
