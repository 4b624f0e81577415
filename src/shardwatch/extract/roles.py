"""Document-level role fillers of attacks, in the line format of the shared scorer.

Each input document gives one line: ``{"doc_id", "roles": {role: [[mention], ...]}}``, with
an empty list for a role nothing fills, so any annotated corpus can be scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from shardwatch.extract import attacks
from shardwatch.extract.mentions import actor_mentions, place_mentions
from shardwatch.types import Article

ROLES = ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon", "place")


def roles_of(doc: Doc, article: Article) -> dict[str, list[list[str]]]:
    """Role fillers of every attack the document reports, one entity per distinct mention."""
    frames = attacks.frames_in(doc, article, place_mentions(doc, article), actor_mentions(doc, article))
    found: dict[str, list[str]] = {role: [] for role in ROLES}

    def add(role: str, text: str | None) -> None:
        if text and text.lower() not in (t.lower() for t in found[role]):
            found[role].append(text)

    for frame in frames:
        for _, text in frame.perpetrator_people:
            add("perpetrator_individual", text)
        for _, text in frame.perpetrator_orgs:
            add("perpetrator_organization", text)
        for text in frame.targets:
            add("target", text)
        for text in frame.victims:
            add("victim", text)
        add("weapon", frame.weapon)
        if frame.place is not None:
            add("place", frame.place.text)
    return {role: [[text] for text in texts] for role, texts in found.items()}


def role_lines(items: Iterable[tuple[str, str]], docs: Iterable[Doc]) -> Iterator[dict]:
    """One output record per (doc_id, text) input, in order, with the matching ``Doc``."""
    for (doc_id, text), doc in zip(items, docs):
        article = Article(id=str(doc_id), text=text)
        yield {"doc_id": doc_id, "roles": roles_of(doc, article)}
