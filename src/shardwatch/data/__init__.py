"""Access to the knowledge files shipped in this folder (see README.md here)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from shardwatch.types import Actor


def data_path(name: str):
    """A path-like handle to a file in the package's data folder."""
    return resources.files(__package__).joinpath(name)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """Every record of a JSON Lines data file, as read; blank lines and // comments skipped."""
    records = []
    text = data_path(name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:  # a packaging bug, not user input
            raise ValueError(f"{name}:{number}: {exc}") from exc
    return tuple(records)


# -- the knowledge every stage shares, loaded here once ----------------------------------------


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


@cache
def actor_catalogue() -> dict[str, Actor]:
    """Canonical actors from ``actors.jsonl`` by id (cased aliases with the others)."""
    return {
        r["id"]: Actor(id=r["id"], name=r["name"], kind=r["kind"],
                       aliases=tuple(r.get("aliases", ())) + tuple(r.get("aliases_cased", ())),
                       parent=r.get("parent"), role=r.get("role"), country=r.get("country"))
        for r in load_jsonl("actors.jsonl")
    }


@cache
def _actor_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for actor in actor_catalogue().values():
        for word in (actor.id, actor.name, *actor.aliases):
            for key in {word.lower(), _slug(word)}:
                index.setdefault(key, set()).add(actor.id)
    return {key: frozenset(ids) for key, ids in index.items()}


def actor_ids_for(term: str) -> frozenset[str]:
    """The canonical actors a user's word names: by id, name or any alias, in any case
    ("ISIS", "Daesh" and "islamic-state" are one organisation); empty when the catalogue has
    none (a person named in the text is then matched by name where the record keeps it)."""
    index = _actor_index()
    return index.get(term.strip().lower()) or index.get(_slug(term), frozenset())


@cache
def organisation() -> dict:
    """The organisation the charts, timeline and brief follow (``organisation.jsonl``): its
    actor id, its home countries (attacks outside them are "abroad") and, with its affiliates,
    the ids ``organisation_ids`` gives."""
    [record] = load_jsonl("organisation.jsonl")
    return record


@cache
def organisation_ids() -> frozenset[str]:
    """The organisation and its affiliates (actors whose parent is it)."""
    root = organisation()["id"]
    return frozenset({root} | {a.id for a in actor_catalogue().values() if a.parent == root})


# The actor of a strike whose state the text does not name ("killed in airstrikes on Mosul").
UNNAMED_STATE = "state-forces"
# The id prefix of attackers a report describes but does not name ("militants", "Fulani
# herdsmen"): descriptions, not organisations of the actor data.
DESCRIBED = "described:"


@cache
def state_actor_ids() -> frozenset[str]:
    """State forces and coalitions of the actor data (the doers of air strikes and shelling)."""
    return frozenset(a.id for a in actor_catalogue().values() if a.kind in ("state_force", "coalition"))


def by_state(perpetrator_ids) -> bool:
    """An attack whose perpetrators are all states' forces or coalitions (a strike), not an
    armed group's: what means "the group's attacks" leaves these out."""
    ids = {i for i in perpetrator_ids if i}
    return bool(ids) and ids <= state_actor_ids()


@cache
def home_countries() -> frozenset[str]:
    """The organisation's core countries (ISO alpha-2)."""
    return frozenset(organisation()["home_countries"])


@cache
def gtd_group_names() -> dict[str, str]:
    """The Global Terrorism Database's group name (gname) by shardwatch actor id."""
    return {r["actor"]: r["gname"] for r in load_jsonl("gtd_groups.jsonl")}


def measures() -> tuple[dict, ...]:
    """The controlled list of claim measures (``measures.jsonl``), in matching order."""
    return load_jsonl("measures.jsonl")


@cache
def measure_by_id() -> dict[str, dict]:
    return {m["id"]: m for m in measures()}


@cache
def country_regions() -> dict[str, dict]:
    """The GTD region code and the ACLED region of each country (ISO alpha-2)."""
    return {r["country"]: r for r in load_jsonl("country_regions.jsonl")}


def gtd_targets() -> tuple[dict, ...]:
    """The GTD target types with the words that place a target in them, in matching order."""
    return load_jsonl("gtd_targets.jsonl")
