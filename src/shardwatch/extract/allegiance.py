"""Allegiance events: a group pledging to an organisation, becoming its province, leaving it,
switching sides or merging.

- pledge ("pledged allegiance to the Islamic State", "swore allegiance to Baghdadi"): the
  group is the organisation in the subject (or the one a leader in the subject leads); the
  organisation pledged to is the one after "to" (a leader stands for the group he leads).
  A person with no group (an attacker's pledge in a 911 call) is evidence for an attack's
  link, not an allegiance event.
- province ("renamed itself Sinai Province", "became Islamic State West Africa Province").
- leave ("left the group", "cut ties with al-Qaeda", "split from AQIM"), switch ("defected to",
  "joined ISIS"), merge ("merged with").
- accept ("Baghdadi accepted the pledge of Boko Haram"): the group after "of" pledged, to the
  organisation of the one who accepted.

Actors: the group has role ``subject``; the organisation it joins ``gaining``; the one it
leaves ``losing``. ``relation`` is pledged, province, left, switched or merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from shardwatch.extract.common import DocContext, clause_date, deed_modality, prep_objects, subject_of, verb_children
from shardwatch.extract.cues import cue_of
from shardwatch.extract.mentions import actors
from shardwatch.extract.modality import modality_of
from shardwatch.extract.temporal import ResolvedDate
from shardwatch.types import Mention
from shardwatch.extract.versions import version_of

EXTRACTOR = "allegiance"
VERSION = version_of(__name__)
RELATIONS = {"pledge": "pledged", "province": "province", "leave": "left", "switch": "switched", "merge": "merged"}


@dataclass
class AllegianceFrame:
    sentence: Span
    trigger: Token
    group: str
    relation: str
    modality: str
    gaining: list[str] = field(default_factory=list)
    losing: list[str] = field(default_factory=list)
    date: ResolvedDate | None = None
    place: Mention | None = None
    tense_present: bool = False


def _org(actor_id: str | None) -> str | None:
    """An organisation for an actor: itself, or the group a leader leads (from his role)."""
    actor = actors().get(actor_id or "")
    if actor is None:
        return None
    if actor.kind == "organisation":
        return actor.id
    if actor.kind == "person" and actor.role:
        role = actor.role.lower()
        best = None
        for other in actors().values():
            if other.kind != "organisation":
                continue
            for alias in (other.name, *other.aliases):
                if len(alias) > 3 and alias.lower() in role and (best is None or len(alias) > best[1]):
                    best = (other.id, len(alias))
        return best[0] if best else None
    return None


def _orgs_in(ctx: DocContext, tokens: list[Token]) -> list[str]:
    found: list[str] = []
    for token in tokens:
        for actor_id in ctx.actors_in(token):
            org = _org(actor_id)
            if org and org not in found:
                found.append(org)
        # a leader named beside the phrase: "The leader of Boko Haram, Abubakar Shekau,"
        for t in token.subtree:
            org = _org(ctx.token_actor.get(t.i))
            if org and org not in found and actors()[ctx.token_actor[t.i]].kind == "person":
                found.append(org)
    return found


def _pronoun_group(ctx: DocContext, token: Token, exclude: set[str]) -> str | None:
    """"until it pledged allegiance": the organisation named last before the pronoun."""
    for t in reversed(list(token.doc[token.sent.start: token.i])):
        org = _org(ctx.token_actor.get(t.i))
        if org and org not in exclude:
            return org
    return None


_PLEDGE_FORMS = {"pledged", "swore", "sworn", "pledges", "swears"}
_PLEDGE_OBJECTS = {"allegiance", "loyalty", "bay'ah", "bayah"}


def _surface_pledge(ctx: DocContext, token: Token) -> AllegianceFrame | None:
    """A pledge the parser did not read as a verb ("Shekau, swore allegiance to Baghdadi" with
    "swore" tagged as an adjective): the group named before it pledges to the one after "to"."""
    if token.pos_ in ("VERB", "AUX") or token.lower_ not in _PLEDGE_FORMS:
        return None
    following = token.doc[token.i + 1: token.i + 3]
    if not any(t.lower_ in _PLEDGE_OBJECTS for t in following):
        return None
    sent = token.sent
    to = next((t for t in token.doc[token.i + 1: sent.end] if t.lower_ == "to"), None)
    if to is None:
        return None
    gaining = []
    for t in token.doc[to.i + 1: sent.end]:
        org = _org(ctx.token_actor.get(t.i))
        if org and org not in gaining:
            gaining.append(org)
    groups = []
    for t in token.doc[sent.start: token.i]:
        org = _org(ctx.token_actor.get(t.i))
        if org and org not in groups and org not in gaining:
            groups.append(org)
    if not gaining or not groups:
        return None
    modality = modality_of(token)
    if modality in ("hypothetical", "negated"):
        return None
    places = ctx.sentence_places(sent)
    return AllegianceFrame(
        sentence=sent, trigger=token, group=groups[0], relation="pledged", modality=modality, gaining=gaining[:1],
        date=clause_date(token, ctx.article), place=min(places, key=lambda m: (m.place.precision, m.start)) if places else None,
    )


_ACCEPT_VERBS = {"accept", "welcome", "approve", "receive"}


def _accepted_pledge(ctx: DocContext, token: Token, modality: str) -> AllegianceFrame | None:
    """"Baghdadi accepted the pledge of Boko Haram": the group of the "of" pledged to the
    organisation of the one who accepted (a leader stands for his group)."""
    if token.dep_ not in ("dobj", "nsubjpass") or token.head.lemma_.lower() not in _ACCEPT_VERBS:
        return None
    acceptor = subject_of(token.head)
    if acceptor is None and token.dep_ == "nsubjpass":
        acceptor = next(iter(prep_objects(token.head, "by")), None)
    gaining = _orgs_in(ctx, [acceptor]) if acceptor is not None else []
    # "the pledge of Boko Haram", "Boko Haram's pledge"
    owners = [c for c in token.children if c.dep_ == "poss"]
    groups = [g for g in _orgs_in(ctx, prep_objects(token, "of", "from") + owners) if g not in gaining]
    if not gaining or not groups:
        return None
    sent = token.sent
    places = ctx.sentence_places(sent)
    return AllegianceFrame(
        sentence=sent, trigger=token, group=groups[0], relation="pledged", modality=modality,
        gaining=gaining[:1], date=clause_date(token.head, ctx.article),
        place=min(places, key=lambda m: (m.place.precision, m.start)) if places else None,
    )


def frames_in(ctx: DocContext) -> list[AllegianceFrame]:
    frames: list[AllegianceFrame] = []
    for sent in ctx.doc.sents:
        for token in sent:
            cue = cue_of(token, "allegiance")
            if cue is None:
                surface = _surface_pledge(ctx, token)
                if surface is not None:
                    frames.append(surface)
                continue
            modality = deed_modality(token)
            if modality is None:
                continue
            frame = cue["frame"]
            subject = subject_of(token)
            gaining: list[str] = []
            losing: list[str] = []
            if frame == "accept":
                # "Boko Haram pledges allegiance to ISIL": a headline's verb the parser read as the
                # noun of "accepted the pledge"; the portal's one-line summaries are written so (no
                # dev set scores allegiance: territory summaries dev scores the other kinds, unchanged)
                accepted = _accepted_pledge(ctx, token, modality) or _surface_pledge(ctx, token)
                if accepted is not None:
                    frames.append(accepted)
                continue
            if frame == "pledge":
                targets = prep_objects(token, "to")
                for obj in verb_children(token, "dobj"):
                    # "swore an oath of loyalty to the Islamic State": the "to" of the oath's "of"
                    targets += [g for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "to"
                                for g in t.children if g.dep_ == "pobj"]
                gaining = _orgs_in(ctx, targets)
            elif frame == "province":
                complements = [c for c in token.children if c.dep_ in ("attr", "oprd", "dobj", "ccomp", "xcomp")]
                complements += [g for c in complements for g in c.children if c.lower_ in ("itself", "themselves")]
                provinces = [a for a in _orgs_in(ctx, complements) if actors()[a].parent]
                if not provinces:
                    continue
                province = provinces[0]
                gaining = [actors()[province].parent]
            elif frame == "leave":
                # "left the group", "cut ties with al-Qaeda", "split from AQIM"
                objects = verb_children(token, "dobj")
                losing = _orgs_in(ctx, [o for o in objects if o.lower_ not in ("ties", "links", "relations")]
                                  + prep_objects(token, "with", "from")
                                  + [p for o in objects for p in prep_objects(o, "with")])

            elif frame == "switch":
                gaining = _orgs_in(ctx, prep_objects(token, "to") + (
                    verb_children(token, "dobj") if token.lemma_.lower() == "join" else []))
                losing = _orgs_in(ctx, prep_objects(token, "from"))
            elif frame == "merge":
                gaining = _orgs_in(ctx, prep_objects(token, "with", "into"))
            if not gaining and not losing:
                continue
            groups = _orgs_in(ctx, [subject]) if subject is not None else []
            groups = [g for g in groups if g not in gaining + losing]
            if not groups and subject is not None and subject.lower_ in ("it", "they"):
                group = _pronoun_group(ctx, token, set(gaining + losing))
                groups = [group] if group else []
            if frame == "province" and (not groups or groups[0] in gaining):
                groups = [province]
            if not groups:
                continue  # a person's pledge (an attacker's) is not a group's allegiance
            places = [m for m in ctx.sentence_places(sent)]
            place = min(places, key=lambda m: (m.place.precision, m.start)) if places else None
            present = token.tag_ in ("VBZ", "VBP")
            frames.append(AllegianceFrame(
                sentence=sent, trigger=token, group=groups[0], relation=RELATIONS[frame], modality=modality,
                gaining=gaining, losing=losing, date=clause_date(token, ctx.article), place=place,
                tense_present=present,
            ))
    return frames
