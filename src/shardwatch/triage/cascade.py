"""The relevance cascade on raw text (the stages are described in ``shardwatch.triage``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from shardwatch.data import load_jsonl

# Version of the cascade's rules, word lists and classifier (v2: the classifier of stage 2); recorded in
# data/models/relevance.json by make train-triage. A change to the
# rules changes which articles are parsed, so it is named like an extractor's version.
CASCADE_VERSION = "relevance.v2"

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
    # words that only send a sentence to stage 2 (relevance.jsonl, kind "candidate")
    candidate: dict[str, str]
    # the aliases of the armed groups (actors.jsonl, kind organisation), lower case and as written
    groups: frozenset[str]
    cased_groups: re.Pattern | None
    # every proper beginning of a phrase of any table ("opened" of "opened fire"): a phrase is
    # looked up word by word only while it is such a beginning
    prefixes: frozenset[str] = frozenset()


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@cache
def lexicon() -> _Lexicon:
    """The cascade's word lists, built once from the data files."""
    irregular: dict[str, set[str]] = {}
    extra: dict[str, set[str]] = {"strong": set(), "context": set(), "cue": set(), "not_context": set(), "not_cue": set(),
                                 "candidate": set()}
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
        if row.get("complement"):
            continue  # "found dead", "set ablaze": "found" and "set" alone tell nothing
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
    groups: set[str] = set()
    cased_groups: list[str] = []
    for row in load_jsonl("actors.jsonl"):
        for alias in row.get("aliases", ()):
            context[_norm(alias)] = f"actor:{row['id']}"
            if row.get("kind") == "organisation":
                groups.add(_norm(alias))
        cased += row.get("aliases_cased", ())
        if row.get("kind") == "organisation":
            cased_groups += row.get("aliases_cased", ())
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

    def alternation(names: list[str]) -> re.Pattern | None:
        return (re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")\b")
                if names else None)

    cased_actors = alternation(cased)
    tables = ({k: v for k, v in strong.items() if k}, {k: v for k, v in attack_cues.items() if k},
              {k: v for k, v in cues.items() if k}, {k: v for k, v in context.items() if k},
              {f: w for w in extra["candidate"] for f in forms(w) if f})
    prefixes = {" ".join(key.split()[:n]) for table in tables for key in table for n in range(1, len(key.split()))}
    return _Lexicon(*tables[:4], cased_actors, tables[4], frozenset(groups - {""}), alternation(cased_groups),
                    frozenset(prefixes))


@cache
def _tables() -> dict[str, tuple[str | None, ...]]:
    """Every form of the strong, cue, context and candidate tables, with its lemma in each (None
    where a table lacks it): one look-up a word or phrase reads all four."""
    lex = lexicon()
    tables = (lex.strong, lex.cues, lex.context, lex.candidate)
    return {form: tuple(t.get(form) for t in tables) for form in set().union(*tables)}


def _found(words: list[str]) -> tuple[dict[str, str], ...]:
    """The forms of the strong, cue, context and candidate tables in ``words`` (as whole words
    or phrases), each table's mapped to their lemma."""
    prefixes = lexicon().prefixes
    tables = _tables()
    hits: tuple[dict[str, str], ...] = ({}, {}, {}, {})
    for i, gram in enumerate(words):
        j = i + 1
        while True:
            lemmas = tables.get(gram)
            if lemmas is not None:
                for found, lemma in zip(hits, lemmas):
                    if lemma is not None:
                        found[gram] = lemma
            if j >= len(words) or gram not in prefixes:
                break
            gram = f"{gram} {words[j]}"
            j += 1
    return hits


@dataclass(frozen=True)
class Screen:
    """What stage 1 (the lexicon) makes of a text: a decision (``relevant`` True or False), or
    none (``relevant`` None) and the sentences the classifier of stage 2 is to read."""

    relevant: bool | None
    reason: str = ""
    sentences: tuple[str, ...] = ()


# Stage 2 reads at most this many candidate sentences of one text (the first ones): a bound on
# its cost for a very long text; a text with this many violent sentences is rarely decided late.
MAX_SENTENCES = 64


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` as the cascade splits them, each with its start offset."""
    out, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        out.append((start, text[start:end.start()]))
        start = end.end()
    out.append((start, text[start:]))
    return [(i, s) for i, s in out if s.strip()]


def _sentence_screen(sentence: str) -> tuple[str, bool]:
    """One sentence by stage 1: the reason it is clear relevance ("" if not), and whether it
    is a candidate for stage 2 (it has a cue, context or candidate word)."""
    lex = lexicon()
    words = _WORD.findall(sentence.lower())
    strong, cues, found, candidate = _found(words)
    match = lex.cased_actors.search(sentence) if lex.cased_actors is not None else None
    if strong:
        # a context word other than the cue: "dead" is both a form of "die" and a violence word
        context = {w for w in found if set(strong) - {w}} | ({match.group(0)} if match else set())
        if context:
            return f"strong cue {min(strong)} with {min(context)}", True
    if cues:
        # an armed group of actors.jsonl (an organisation: not a state force such as "the
        # Pentagon", nor a place, "Hit" being a song's too) with any cue ("Daesh has lost control
        # of ..."): the classifier, trained on few territory reports, scored such a sentence 0.17
        actors = {w for w in found if w in lex.groups and set(cues) - {w}}
        group = lex.cased_groups.search(sentence) if lex.cased_groups is not None else None
        actors |= {group.group(0)} if group else set()
        if actors:
            return f"cue {min(cues)} with {min(actors)}", True
    return "", bool(strong or cues or found or match or candidate)


def candidate_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` (start offset, text) with a cue, context or candidate word: what stage 2
    reads (the training script builds its examples from the same sentences)."""
    return [(i, s) for i, s in sentences(text) if _sentence_screen(s)[1]]


def screen(text: str) -> Screen:
    """Stage 1 of the cascade (see ``shardwatch.triage``): the lexicon's decision on ``text``."""
    candidates: list[str] = []
    any_candidate = False
    for _start, sentence in sentences(text):
        clear, candidate = _sentence_screen(sentence)
        # 1b. a strong cue with a context word, or a cue with an armed group, in one sentence
        if clear:
            return Screen(True, f"stage 1: {clear}")
        any_candidate |= candidate
        if candidate and len(candidates) < MAX_SENTENCES:
            candidates.append(sentence.strip())
    # 1a. No cue, context or candidate word in any sentence: nothing to find (clear irrelevance).
    if not any_candidate:
        return Screen(False, "stage 1: no cue or context word")
    # 2. the rest, a text with some cue or context word but no clear sentence, is the classifier's
    return Screen(None, "", tuple(candidates))


def relevance(text: str) -> Relevance:
    """Whether ``text`` can hold a record, by the cascade's stages (see ``shardwatch.triage``)."""
    return relevances([text])[0]


def relevances(texts: Sequence[str]) -> list[Relevance]:
    """``relevance`` of each text, in order. The classifier of stage 2 reads the candidate
    sentences of all the texts stage 1 leaves undecided in one pass: one ``nlp.pipe`` a call
    instead of one a text (the same scores; 0.9 s -> 0.5 s of CPU on the 1,038 BBC held-out
    texts stage 1 leaves to it, docs/BENCHMARKS.md)."""
    found = [screen(text) for text in texts]
    undecided = [s for s in found if s.relevant is None]
    if not undecided:
        return [Relevance(bool(s.relevant), s.reason) for s in found]
    from shardwatch.triage.classifier import classify_many  # the model is loaded on first use

    decided = iter(classify_many([s.sentences for s in undecided]))
    out = []
    for s in found:
        if s.relevant is not None:
            out.append(Relevance(s.relevant, s.reason))
            continue
        score, sentence, threshold = next(decided)
        out.append(Relevance(True, f"stage 2: classifier {score:.3f} >= {threshold} on: {sentence[:80]}")
                   if score >= threshold else Relevance(False, f"stage 2: classifier {score:.3f} < {threshold}"))
    return out
