"""The learned attack-argument tagger as a pipeline component.

The model (``data/models/roles_ner``: one spaCy ``ner`` with its own tok2vec, trained by
``make train`` from ``configs/roles_ner.cfg``) marks the mentions that argue an attack:
PERPETRATOR, TARGET, WEAPON, PLACE. It reads only the tokens, so it runs on a copy of each
document's words and its spans are written to ``doc.spans["attack_arguments"]``, leaving the
main NER's entities as they are. It reads only the sentences with an attack word and the two
after each (the rest of a long article costs nothing). The extractors read those spans where
they measured better than the rules alone (see the comments where they are read).
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


def model_path(name: str = MODEL_NAME) -> Path:
    """Where the package keeps the shipped spaCy model ``name`` (``src/shardwatch/data/models``)."""
    return Path(str(files("shardwatch.data") / "models" / name))


@cache
def shipped_model(name: str) -> Language | None:
    """A shipped spaCy model, loaded once; None when the package holds none (before ``make train``)."""
    path = model_path(name)
    if not (path / "config.cfg").is_file():
        return None
    return spacy.load(path)


def argument_model() -> Language | None:
    """The trained attack-argument tagger, or None."""
    return shipped_model(MODEL_NAME)


class AttackArguments:
    """Writes the tagger's argument spans to ``doc.spans[SPAN_KEY]``."""

    def __init__(self, model: Language):
        self.model = model
        self.ner = model.get_pipe("ner")

    def _window(self, doc: Doc) -> list[int]:
        """The tokens the tagger reads: each sentence with an attack word and the two after it
        (where the frames look for a doer); empty when the document has no attack word."""
        lemmas = _attack_lemmas()
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        keep: set[int] = set()
        for number, sent in enumerate(sents):
            if any(t.lemma_.lower() in lemmas for t in sent):
                keep.update(range(number, min(number + 3, len(sents))))
        return [t.i for number in sorted(keep) for t in sents[number]]

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            windows = [self._window(d) for d in batch]
            wanted = [(d, w) for d, w in zip(batch, windows) if w]
            copies = [Doc(self.model.vocab, words=[d[i].text for i in w],
                          spaces=[bool(d[i].whitespace_) for i in w]) for d, w in wanted]
            tagged = {id(d): (w, c) for (d, w), c in zip(wanted, self.ner.pipe(copies))}
            for doc in batch:
                spans = []
                if id(doc) in tagged:
                    window, copy = tagged[id(doc)]
                    for ent in copy.ents:
                        start, end = window[ent.start], window[ent.end - 1] + 1
                        if end - start == len(ent):  # never a span across two windows
                            spans.append(Span(doc, start, end, label=ent.label_))
                doc.spans[SPAN_KEY] = spans
                yield doc


@cache
def _attack_lemmas() -> frozenset[str]:
    return frozenset(r["lemma"] for r in load_jsonl("triggers.jsonl") if r.get("kind") == "attack")


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
