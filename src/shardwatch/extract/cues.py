"""The cue words of territory, leadership and allegiance events (``data/event_cues.jsonl``)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from shardwatch.data import load_jsonl


@cache
def _cues() -> dict[tuple[str, str, str], dict]:
    return {(r["kind"], r["pos"], r["word"]): r for r in load_jsonl("event_cues.jsonl")}


def cue_of(token: Token, kind: str) -> dict | None:
    """The cue record a token matches for an event kind, by lemma or by written form, with
    its particle ("drove ... out") and object ("pledged allegiance") present."""
    pos = "VERB" if token.pos_ in ("VERB", "AUX") else token.pos_
    proper = pos == "PROPN"
    if proper:
        pos = "NOUN"  # "the Battle of Mosul", "Operation Breaking Terrorism": records marked proper
    if pos not in ("VERB", "NOUN"):
        return None
    cues = _cues()
    record = cues.get((kind, pos, token.lemma_.lower())) or cues.get((kind, pos, token.lower_))
    if record is None or (proper and not record.get("proper")):
        return None
    particle = record.get("particle")
    particles = [particle] if isinstance(particle, str) else particle or []  # "drove ... out" or "driven from"
    if particles and not any(c.lower_ in particles and c.dep_ in ("prt", "prep", "advmod") for c in token.children):
        return None
    objects = record.get("object")
    if objects and not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in objects for c in token.children):
        return None
    return record
