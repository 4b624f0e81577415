"""The relevance cascade on raw text (the stages are described in ``shardwatch.triage``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from shardwatch.data import load_jsonl

# Version of the cascade's rules and word lists: recorded nowhere yet, but a change to the
# rules changes which articles are parsed, so it is named like an extractor's version.
CASCADE_VERSION = "relevance.v1"

_WORD = re.compile(r"[a-z0-9]+")
# A line break or a sentence end followed by space: datelines, headlines and paragraphs apart.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Relevance:
    """The cascade's answer for one text: whether to parse it, and the stage and words that
    decided (``reason`` is empty when nothing matched)."""

    relevant: bool
    reason: str = ""


def surface_forms(lemma: str) -> set[str]:
    """The regular written forms of an English lemma (over-generating is harmless here: a
    form that is no word never occurs): -s, -es, -ed, -d, -ing (no -er: "striker" is no attacker), with a final e
    dropped, a final y turned to ie, and a final consonant doubled ("stab" -> "stabbed")."""
    w = lemma
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing"}
    if w.endswith("y"):
        out |= {w[:-1] + "ied", w[:-1] + "ies"}
    if len(w) >= 3 and w[-1] not in _VOWELS | set("wxy") and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


@dataclass(frozen=True)
class _Lexicon:
    # written form (one word, or a phrase of several) -> the lemma it is a form of
    strong: dict[str, str]
    # attack triggers: two of different lemmas in a sentence tell an attack
    attack_cues: dict[str, str]
    # every cue (attack triggers, territory, leadership, allegiance words): one needs context
    cues: dict[str, str]
    context: dict[str, str]
    cased_actors: re.Pattern | None


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@cache
def lexicon() -> _Lexicon:
    """The cascade's word lists, built once from the data files."""
    irregular: dict[str, set[str]] = {}
    extra: dict[str, set[str]] = {"strong": set(), "context": set(), "cue": set(), "not_context": set(), "not_cue": set()}
    for row in load_jsonl("relevance.jsonl"):
        if row["kind"] == "forms":
            irregular.setdefault(row["lemma"], set()).update(row["forms"])
        else:
            extra[row["kind"]].update(_norm(w) for w in row["words"])

    def forms(lemma: str, particle: str | None = None) -> dict[str, str]:
        # A multi-word lemma inflects its first word ("blow up" -> "blew up").
        head, _, rest = _norm(lemma).partition(" ")
        tail = " ".join(x for x in (rest, particle or "") if x)
        found = surface_forms(head) | irregular.get(head, set())
        return {f"{f} {tail}".strip(): _norm(lemma) for f in found}

    strong: dict[str, str] = {}
    attack_cues: dict[str, str] = {}
    context: dict[str, str] = {}
    for row in load_jsonl("triggers.jsonl"):
        particles = row.get("particle")
        found: dict[str, str] = {}
        for particle in particles if isinstance(particles, list) else [particles]:
            found |= forms(row["lemma"], particle)  # "fired on", "fired upon", "fired at"
        # 3. a trigger the extractor takes without violence nearby is strong, except those a
        # particle, head or object disambiguates ("brought down", "opened fire"): cues
        if row.get("needs_violence") or row.get("particle") or row.get("head") or row.get("object"):
            attack_cues |= found
        else:
            strong |= found
    for word in extra["cue"]:
        attack_cues |= forms(word)
    cues = dict(attack_cues)
    for row in load_jsonl("event_cues.jsonl"):
        cues |= forms(row["word"])
    for word in extra["strong"]:
        strong |= forms(word)
    for row in load_jsonl("weapons.jsonl"):
        # vehicles and fire are weapons only in an attack: no context on their own
        if row["weapon_type"] not in ("Vehicle", "Incendiary"):
            context |= forms(row["term"])
    for row in load_jsonl("violence_cues.jsonl"):
        if row["kind"] == "violence":
            for lemma in row["lemmas"]:
                context |= forms(lemma)
    for word in extra["context"]:
        context |= forms(word)
    cased: list[str] = []
    for row in load_jsonl("actors.jsonl"):
        for alias in row.get("aliases", ()):
            context[_norm(alias)] = f"actor:{row['id']}"
        cased += row.get("aliases_cased", ())
    # places the gazetteer lacks are the places of the war ("Fallujah", "Kobane"), written as
    # proper nouns (the town of Hit is no "hit")
    cased += [row["name"] for row in load_jsonl("places.jsonl")]
    for word in extra["not_context"]:
        for form in forms(word):
            context.pop(form, None)
    for word in extra["not_cue"]:
        for form in forms(word):
            for table in (cues, attack_cues, strong):
                table.pop(form, None)
    cased_actors = (re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(cased, key=len, reverse=True))
                               + r")\b") if cased else None)
    return _Lexicon({k: v for k, v in strong.items() if k}, {k: v for k, v in attack_cues.items() if k},
                    {k: v for k, v in cues.items() if k},
                    {k: v for k, v in context.items() if k}, cased_actors)


# Longest phrase of any list, in words: phrases are looked up as word n-grams up to this long.
_MAX_WORDS = 5


def _found(words: list[str], table: dict[str, str]) -> dict[str, str]:
    """The forms of ``table`` in ``words`` (as whole words or phrases), mapped to their lemma."""
    hits: dict[str, str] = {}
    for i in range(len(words)):
        gram = words[i]
        for n in range(1, _MAX_WORDS + 1):
            if n > 1:
                if i + n > len(words):
                    break
                gram = f"{gram} {words[i + n - 1]}"
            lemma = table.get(gram)
            if lemma is not None:
                hits[gram] = lemma
    return hits


def relevance(text: str) -> Relevance:
    """Whether ``text`` can hold a record, by the cascade's stages (see ``shardwatch.triage``)."""
    lex = lexicon()
    # 1. No cue word anywhere: nothing to find (most texts of a general news stream stop here).
    words = _WORD.findall(text.lower())
    if not (_found(words, lex.strong) or _found(words, lex.cues)):
        return Relevance(False)
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        # 3. a strong cue decides alone
        strong = _found(words, lex.strong)
        if strong:
            return Relevance(True, f"strong cue: {min(strong)}")
        cues = _found(words, lex.cues)
        if not cues:
            continue
        # two cues of different lemmas ("killed by an explosion") tell an event together
        attack = {w: lemma for w, lemma in cues.items() if w in lex.attack_cues}
        if len(set(attack.values())) > 1:
            return Relevance(True, "attack cues: " + ", ".join(sorted(attack)))
        # 2. actors and violence words give a cue its context (a word other than the cue:
        # "dead" is both a form of "die" and a violence word)
        context = {w for w in _found(words, lex.context) if set(cues) - {w}}
        if not context and lex.cased_actors is not None:
            match = lex.cased_actors.search(sentence)
            context = {match.group(0)} if match else set()
        if context:
            return Relevance(True, f"cue {min(cues)} with {min(context)}")
    return Relevance(False)
