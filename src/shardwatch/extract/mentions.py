"""Actor and place mentions: entities linked to canonical actors and gazetteer places.

Places are resolved in two passes: first the names that are unambiguous (countries, data
aliases, a city that dominates its name), whose countries become the article's context;
then every name, ranked by that context (Palmyra in a story about Syria is in Syria).
Nationality words (NORP: "an Uzbek national") are never places.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from shardwatch.data import actor_catalogue
from shardwatch.extract.gazetteer import get_gazetteer
from shardwatch.types import Actor, Article, Mention

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"ORG", "PERSON", "NORP"}
EXTRACTOR = "mentions"
VERSION = "1"


def actors() -> dict[str, Actor]:
    """Canonical actors by id: the catalogue ``shardwatch.data`` loads once for every stage."""
    return actor_catalogue()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def person_id(name: str) -> str:
    """Id of a person not in the actor data: from the name as written."""
    return f"person:{slug(name)}"


def actor_of(ent: Span) -> Actor | None:
    """The canonical actor an entity names, if the actor data has it."""
    if ent.ent_id_.startswith("actor:"):
        return actors().get(ent.ent_id_[len("actor:"):])
    return None


def place_mentions(doc: Doc, article: Article) -> list[Mention]:
    gazetteer = get_gazetteer()
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    context: set[str] = set()
    for ent in ents:
        candidates = gazetteer.candidates(ent.text)
        if candidates and (candidates[0].precision in (2, 3) or len({c.country for c in candidates}) == 1):
            context.add(candidates[0].country)
    mentions = []
    for ent in ents:
        place = gazetteer.resolve(ent.text, context=context)
        if place is not None:
            mentions.append(Mention(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, place=place))
    return mentions


def actor_mentions(doc: Doc, article: Article) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        actor = actor_of(ent)
        if actor is not None:
            actor_id = actor.id
        elif ent.label_ == "PERSON":
            actor_id = person_id(ent.text)
        else:
            continue  # ORGs outside the actor data are kept as entities, not actors, for now
        mentions.append(Mention(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, actor_id=actor_id))
    return mentions
