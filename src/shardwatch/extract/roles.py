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

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from shardwatch.extract import attacks
from shardwatch.extract.cased_roles import cased_roles
from shardwatch.extract.mentions import actor_mentions, actors, place_mentions
from shardwatch.extract.role_phrases import compact_phrase
from shardwatch.extract.role_words import ARMED_GROUP_KINDS, ROLES
from shardwatch.learn.arguments import document_roles
from shardwatch.learn.spans import LABELS, normalize, same_entity
from shardwatch.learn.tagger import RoleTagger, default_tagger
from shardwatch.learn.text import repair_glued
from shardwatch.types import Article

LEARNED_ROLES = tuple(LABELS)  # the roles the tagger fills


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




__all__ = ["ROLES", "cased_roles", "compact_phrase", "role_lines", "roles_of", "rule_roles"]
