"""The learned attack-argument tagger as a pipeline component.

The model (``data/models/roles_ner``: one spaCy ``ner`` with its own tok2vec, trained by
``make train`` from ``configs/roles_ner.cfg``) marks the mentions that argue an attack:
PERPETRATOR, TARGET, WEAPON, PLACE. It reads only the tokens, so it runs on a copy of each
document's words and its spans are written to ``doc.spans["attack_arguments"]``, leaving the
main NER's entities as they are. The extractors read those spans where they measured better
than the rules alone (see the comments where they are read).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from shardwatch.data import load_jsonl

SPAN_KEY = "attack_arguments"
MODEL_NAME = "roles_ner"


def model_path() -> Path:
    return Path(str(files("shardwatch.data") / "models" / MODEL_NAME))


@cache
def argument_model() -> Language | None:
    """The trained tagger, loaded once; None when the package holds none (before ``make train``)."""
    path = model_path()
    if not (path / "config.cfg").is_file():
        return None
    return spacy.load(path)


class AttackArguments:
    """Writes the tagger's argument spans to ``doc.spans[SPAN_KEY]``."""

    def __init__(self, model: Language):
        self.model = model
        self.ner = model.get_pipe("ner")

    def _copy(self, doc: Doc) -> Doc:
        return Doc(self.model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            # Only documents with an attack word can hold an attack's arguments: the others
            # (most of a news stream) skip the model and get no spans.
            wanted = [d for d in batch if _has_attack_word(d)]
            tagged = dict(zip((id(d) for d in wanted), self.ner.pipe([self._copy(d) for d in wanted])))
            for doc in batch:
                found = tagged.get(id(doc))
                doc.spans[SPAN_KEY] = [] if found is None else [
                    Span(doc, e.start, e.end, label=e.label_) for e in found.ents]
                yield doc


@cache
def _attack_lemmas() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_jsonl("triggers.jsonl") if r.get("kind") == "attack")


def _has_attack_word(doc: Doc) -> bool:
    lemmas = _attack_lemmas()
    return any(t.lemma_.lower() in lemmas for t in doc)


@Language.factory("attack_arguments", assigns=["doc.spans"])
def make_attack_arguments(nlp: Language, name: str) -> AttackArguments:
    model = argument_model()
    if model is None:
        raise RuntimeError(f"no attack-argument model at {model_path()}; run `make train`")
    return AttackArguments(model)


def argument_spans(doc: Doc, label: str | None = None) -> list[Span]:
    """The tagger's spans of a document (of one label), empty when the tagger did not run."""
    spans = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else []
    return [s for s in spans if label is None or s.label_ == label]
