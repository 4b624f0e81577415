"""Canonical actors across documents: role descriptors linked to the people they stand for.

Names and aliases ("Abu Mohammed al-Adnani", "al-Adnani", "Adnani"; "Islamic State in Northern
Sinai", "ISNS", "the Sinai affiliate") are linked to one canonical actor by the entity ruler
built from ``data/actors.jsonl``. A role descriptor ("the group's spokesman", "its leader",
"the Islamic State's chief spokesman") names no one by itself; it is linked here to the person
whose role in the actor data has that title in that organisation, only when the same article
also names that person, so a descriptor is never resolved to someone the report does not name
(the group had other spokesmen before and after).
"""

from __future__ import annotations

import re
from functools import cache

from shardwatch.data import actor_catalogue as actors
from shardwatch.types import Actor, Article, Mention

# Titles a person's "role" in the actor data starts with ("spokesman of the Islamic State").
_TITLES = ("spokesman", "leader", "founder", "military commander", "ringleader", "emir", "commander")
_OWNER = r"(?:(?i:the group's|the group’s|its|the organisation's|the organization's|the militants')|(?P<name>[A-Z][\w' -]{1,60}?)(?:'s|’s)?)"
_DESCRIPTOR = re.compile(
    rf"\b{_OWNER}\s+(?:chief\s+|main\s+|senior\s+|top\s+|official\s+)?(?P<title>{'|'.join(_TITLES)})\b")


@cache
def _titled_people() -> list[tuple[str, str, str]]:
    """(title, organisation id, person id) for every person whose role names a title and a group."""
    out = []
    by_alias = {alias.lower(): a.id for a in actors().values() if a.kind != "person"
                for alias in (a.name, *a.aliases)}
    for person in actors().values():
        if person.kind != "person" or not person.role:
            continue
        role = person.role.lower()
        title = next((t for t in _TITLES if role.startswith(t) or f" {t}" in role.split(" of ")[0]), None)
        if title is None or " of " not in role:
            continue
        org = by_alias.get(role.split(" of ", 1)[1].strip())
        if org:
            out.append((title, org, person.id))
    return out


def descriptor_mentions(article: Article, mentions: list[Mention]) -> list[Mention]:
    """Mentions for role descriptors in the article that stand for a person it also names."""
    named = {m.actor_id for m in mentions if m.actor_id}
    if not named:
        # a descriptor stands only for a person the article names: none (an article the
        # cascade left unparsed has no mentions), so no need to read its text (0.3 s of CPU
        # for the 954 BBC held-out articles stored unparsed)
        return []
    orgs = {m.actor_id for m in mentions if m.actor_id and actors().get(m.actor_id, None) is not None
            and actors()[m.actor_id].kind != "person"}
    out = []
    taken = {(m.start, m.end) for m in mentions}
    for match in _DESCRIPTOR.finditer(article.text):
        title = match.group("title")
        owner = match.group("name")
        owner_orgs = orgs
        if owner:
            owner_id = _org_named(owner)
            if owner_id is None:
                continue
            owner_orgs = {owner_id}
        people = {p for t, org, p in _titled_people() if t == title and org in owner_orgs and p in named}
        if len(people) == 1 and (match.start(), match.end()) not in taken:
            out.append(Mention(article.id, match.start(), match.end(), match.group(0), "PERSON",
                               actor_id=people.pop()))
    return out


def _org_named(text: str) -> str | None:
    text = text.strip().lower()
    for actor in actors().values():
        if actor.kind != "person" and text in {a.lower() for a in (actor.name, *actor.aliases)}:
            return actor.id
    return None


def canonical(actor_id: str) -> Actor | None:
    """The canonical actor, with its parent organisation or, for a person, the role."""
    return actors().get(actor_id)
