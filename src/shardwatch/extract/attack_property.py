"""Demolition of heritage is no attack record: "the group blew up the ancient temple of
Baalshamin", "militants blow up the Great Mosque of al-Nuri". ACLED codes it as property
destruction (a strategic development) and the territory summaries' gold has no attack for it;
a bombing of a church or mosque that kills or wounds stays an attack, and so does one of a
building of worship with no word of age or fame ("a bomb hit a church in Minya").

The words are ``data/attack_words.jsonl``'s class ``heritage``. Chosen on the territory
summaries' tuning part (lines i % 4 != 3): two of its attack false alarms were such demolitions.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from shardwatch.data import load_jsonl
from shardwatch.types import Quantity


@cache
def _heritage() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    record = {r["class"]: r for r in load_jsonl("attack_words.jsonl")}["heritage"]
    return frozenset(record["words"]), frozenset(record["worship"]), frozenset(record["age"])


def heritage_demolition(trigger: Token, killed: Quantity | None, wounded: Quantity | None) -> bool:
    """The trigger tells only the destruction of a heritage site: no one killed or hurt, and
    every object it names a site (or a building of worship named with its age or fame)."""
    if killed is not None or wounded is not None:
        return False
    sites, worship, age = _heritage()
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return False
    for obj in objects:
        words = {t.lower_ for t in obj.subtree}
        if obj.lower_ in sites or obj.lemma_.lower() in sites:
            continue
        if (obj.lower_ in worship or obj.lemma_.lower() in worship) and words & age:
            continue
        return False
    return True
