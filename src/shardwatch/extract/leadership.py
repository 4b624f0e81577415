"""Leadership events: a leader of an organisation killed, captured or arrested.

A cue ("killed", "died", "his death", "captured", "arrested") whose person is a leader: a
person of ``data/actors.jsonl`` with a leadership role, or a person the sentence describes
as one ("the group's military commander"). Attackers killed by police (Mateen, Amri) and
ringleaders of one attack are not leaders. The means (airstrike, drone strike, raid) is read
from the sentence, else from the next sentences that name the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from shardwatch.extract.common import DocContext, clause_date, deed_modality, prep_objects, verb_children
from shardwatch.extract.cues import cue_of
from shardwatch.extract.mentions import actors, person_id
from shardwatch.extract.modality import modality_of
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.types import Mention

EXTRACTOR = "leadership"
VERSION = "1"
LEADER_ROLE = re.compile(
    r"\b(leader|leaders|spokesman|spokesperson|commander|emir|chief|deputy|minister|head|founder|"
    r"second-in-command|governor|wali|strategist|propagandist|financier)\b", re.I)
NOT_LEADER = re.compile(r"\b(ringleader|attacker|gunman|bomber|suspect)\b", re.I)
MEANS = [
    ("drone strike", re.compile(r"\bdrone(?:\s+|-)?(?:strike|attack)s?\b|\bdrones?\b", re.I)),
    ("airstrike", re.compile(r"\bair\s?-?strikes?\b|\bair raids?\b|\bwarplanes?\b|\bbombing raids?\b|\bstrike\b", re.I)),
    ("raid", re.compile(r"\braid(?:ed)?\b|\bcommando operation\b|\bspecial forces\b", re.I)),
]


@dataclass
class LeadershipFrame:
    sentence: Span
    trigger: Token
    person_id: str
    person_text: str
    role: str | None
    outcome: str
    modality: str
    means: str | None
    means_sentence: Span | None
    date: ResolvedDate | None
    place: Mention | None
    tense_present: bool = False


def _persons(ctx: DocContext, trigger: Token, frame: str) -> list[Token]:
    if frame == "patient":
        tokens = verb_children(trigger, "nsubjpass") or verb_children(trigger, "dobj")
    elif frame == "agent":
        tokens = verb_children(trigger, "nsubj")
    else:  # possessor: "his death", "the death of X"
        tokens = [c for c in trigger.children if c.dep_ == "poss"] + prep_objects(trigger, "of")
    return tokens


def _person_of(ctx: DocContext, token: Token) -> tuple[str, str] | None:
    """(person id, name as written) for a token inside a person's name."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ == "PERSON"), None)
    if ent is None:
        return None
    actor_id = ctx.token_actor.get(token.i)
    actor = actors().get(actor_id or "")
    if actor is not None and actor.kind == "person":
        return actor.id, ent.text
    return person_id(ent.text), ent.text


def _described_role(token: Token) -> str | None:
    """The role an apposition gives a person: "X, the group's chief spokesman, ..."."""
    for child in token.children:
        if child.dep_ == "appos":
            words = " ".join(t.text for t in child.subtree).strip(" ,")
            if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
                return words
    if token.dep_ == "appos":
        words = " ".join(t.text for t in token.head.subtree if t.i < token.i).strip(" ,")
        if LEADER_ROLE.search(words) and not NOT_LEADER.search(words):
            return words
    return None


def _means(ctx: DocContext, sent: Span, person: str) -> tuple[str | None, Span | None]:
    for name, pattern in MEANS:
        if pattern.search(sent.text):
            return name, sent
    # the next sentences that name the same person: "A US airstrike ... had targeted Adnani"
    later = [s for s in ctx.doc.sents if s.start > sent.start][:4]
    for other in later:
        if not any(ctx.token_actor.get(t.i) == person for t in other):
            continue
        if modality_of(other.root) in ("hypothetical", "negated"):
            continue
        for name, pattern in MEANS:
            if pattern.search(other.text):
                return name, other
    return None, None


def frames_in(ctx: DocContext) -> list[LeadershipFrame]:
    frames: list[LeadershipFrame] = []
    for sent in ctx.doc.sents:
        for token in sent:
            cue = cue_of(token, "leadership")
            if cue is None:
                continue
            modality = deed_modality(token)
            if modality is None:
                continue
            for person_token in _persons(ctx, token, cue["frame"]):
                person = _person_of(ctx, person_token)
                if person is None:
                    continue
                pid, text = person
                actor = actors().get(pid)
                role = actor.role if actor is not None and actor.role else None
                if role is not None and (not LEADER_ROLE.search(role) or NOT_LEADER.search(role)):
                    role = None
                role = role or _described_role(person_token)
                if role is None:
                    continue
                means, means_sent = _means(ctx, sent, pid)
                places = [m for m in ctx.sentence_places(sent) if m.place.precision <= 2]
                place = min(places, key=lambda m: (m.place.precision, m.start)) if places else None
                present = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP")
                              for c in token.children)
                frames.append(LeadershipFrame(
                    sentence=sent, trigger=token, person_id=pid, person_text=text, role=role,
                    outcome=cue["outcome"], modality=modality, means=means, means_sentence=means_sent,
                    date=clause_date(token, ctx.article), place=place, tense_present=present,
                ))
    return frames
