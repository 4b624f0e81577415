"""Document-level role fillers of attacks, in the line format of the shared scorer.

Each input document gives one line: ``{"doc_id", "roles": {role: [[mention], ...]}}``, with
an empty list for a role nothing fills, so any annotated corpus can be scored.

Two sources fill the roles:

- the learned tagger (``shardwatch.learn``, a CRF trained on MUC-4 by ``make train``) finds
  perpetrators (individual and organisation), targets, victims and weapons. It reads the
  lower-cased text (``learn.text.model_text``), so it needs a second parse of cased input;
  its candidates are grouped into one mention per entity;
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
from shardwatch.extract.mentions import actor_mentions, actors, place_mentions
from shardwatch.learn.spans import LABELS, Candidate, normalize, same_entity
from shardwatch.learn.tagger import RoleTagger, default_tagger
from shardwatch.learn.text import repair_glued
from shardwatch.types import Article

ROLES = ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon", "place")
LEARNED_ROLES = tuple(LABELS)  # the roles the tagger fills


def _surface(cand: Candidate, text: str, model_text: str) -> str:
    """The candidate as written in the cased text when the lower-cased one lines up with it."""
    if cand.chars and len(text) == len(model_text):
        start, end = cand.chars
        return text[start:end]
    return cand.text


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


def roles_of(doc: Doc, article: Article, model_doc: Doc | None = None,
             tagger: RoleTagger | None = None) -> dict[str, list[list[str]]]:
    """Role fillers of the attacks the document reports, one entity (one mention) per filler.

    ``doc`` is the parse of the article text, ``model_doc`` the parse of its lower-cased form
    (``doc`` itself when the text is lower case already).
    """
    tagger = tagger or default_tagger()
    model_doc = model_doc if model_doc is not None else doc
    found = {role: [] for role in ROLES}
    for role, cands in tagger.roles(model_doc).items():
        found[role] = [_surface(c, doc.text, model_doc.text) for c in cands]
    rules = rule_roles(doc, article, armed_groups_only=True)
    found["place"] = rules["place"]
    for role in ("perpetrator_organization", "weapon"):
        if role == "perpetrator_organization" and found[role]:
            continue  # the tagger's own organisations beat the rules' (held-out MUC-4 train)
        for text in rules[role]:
            if not any(same_entity(normalize(text), normalize(t)) for t in found[role]):
                found[role].append(text)
    return {role: [[text] for text in texts] for role, texts in found.items()}


def role_lines(items: Iterable[tuple[str, str]], *, n_process: int = 1,
               progress: Callable[[Iterator[Doc]], Iterator[Doc]] = iter) -> Iterator[dict]:
    """One output record per (doc_id, text) input, in order.

    Texts are repaired where sentences were glued (``learn.text.repair_glued``) and parsed;
    cased texts are parsed a second time lower-cased for the tagger.
    """
    from shardwatch.nlp import annotate

    items = [(doc_id, repair_glued(text)) for doc_id, text in items]
    cased = [text != text.lower() for _, text in items]
    docs = progress(annotate((text for _, text in items), n_process=n_process))
    lowered = annotate((text.lower() for (_, text), c in zip(items, cased) if c), n_process=n_process)
    tagger = default_tagger()
    for (doc_id, text), is_cased, doc in zip(items, cased, docs):
        model_doc = next(lowered) if is_cased else doc
        article = Article(id=str(doc_id), text=text)
        yield {"doc_id": doc_id, "roles": roles_of(doc, article, model_doc, tagger)}
