"""The country an article's armed groups say it is in, when its places say none.

"The Taliban killed two police officers in the Zhari District" names no country, and the
gazetteer's only "Zhari" is a Polish town; "Boko Haram attacked the town of Rann" has a
Slovenian and a Nigerian Rann. A group that fights nearly all of its attacks in one country
(``data/group_countries.jsonl``) settles it. Groups of several countries name none, and two
groups of different countries name none either.

A group that fights in a few neighbouring countries (JNIM in Mali, Burkina Faso and Niger) names
its area (``group_area``): a name of the report is looked for there before abroad, so "JNIM
militants attacked the gendarmerie in Solhan" is the Burkinabe commune, not the Turkish town.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from shardwatch.data import load_jsonl


@cache
def _tables() -> tuple[dict[str, str], re.Pattern | None, dict[str, str]]:
    by_actor: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for record in load_jsonl("group_countries.jsonl"):
        if "country" not in record:
            continue  # an area of several countries (areas)
        if record.get("actor"):
            by_actor[record["actor"]] = record["country"]
        if record.get("name"):
            by_name[record["name"]] = record["country"]
    names = sorted(by_name, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
    return by_actor, pattern, by_name


def group_names(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, text, home country) of every group the text names that fights in one
    country: actors by the entity ruler's ids, other groups and forces by name as written."""
    by_actor, pattern, by_name = _tables()
    found = [(ent.start_char, ent.end_char, ent.text, by_actor[ent.ent_id_[len("actor:"):]]) for ent in doc.ents
             if ent.ent_id_.startswith("actor:") and ent.ent_id_[len("actor:"):] in by_actor]
    if pattern is not None:
        found += [(m.start(), m.end(), m.group(0), by_name[m.group(0)]) for m in pattern.finditer(doc.text)]
    return sorted(found)


def group_country(doc: Doc) -> str | None:
    """The one home country of the text's groups, or None when they name none or several."""
    found = {country for *_, country in group_names(doc)}
    return next(iter(found)) if len(found) == 1 else None


@cache
def _home_places() -> dict[str, tuple[str, str]]:
    return {record["actor"]: (record["place"], record["country"]) for record in load_jsonl("group_countries.jsonl")
            if record.get("place") and record.get("actor")}


def group_place(doc: Doc) -> tuple[int, int, str, str, str] | None:
    """(start, end, text, place name, country) of the first group the text names that is named
    after the district it fights in ("the Afrin Liberation Forces"), or None."""
    homes = _home_places()
    for ent in doc.ents:
        actor = ent.ent_id_[len("actor:"):] if ent.ent_id_.startswith("actor:") else None
        if actor in homes:
            return (ent.start_char, ent.end_char, ent.text, *homes[actor])
    return None


@cache
def areas() -> dict[str, frozenset[str]]:
    """Actor id -> the few countries a group fights in (records with "countries")."""
    return {record["actor"]: frozenset(record["countries"]) for record in load_jsonl("group_countries.jsonl")
            if "countries" in record}


def group_area(doc: Doc) -> frozenset[str]:
    """The countries every group of the text that fights in a few countries fights in (JNIM and
    the Islamic State in the Greater Sahara: Mali, Burkina Faso, Niger); empty when the text names
    no such group, or groups whose areas do not meet."""
    by_actor = areas()
    found = [by_actor[ent.ent_id_[len("actor:"):]] for ent in doc.ents
             if ent.ent_id_.startswith("actor:") and ent.ent_id_[len("actor:"):] in by_actor]
    return frozenset.intersection(*found) if found else frozenset()
