"""Fingerprints of the training data of the shipped models.

A shipped model is reproducible only while the code still makes the data it was trained on:
the CRF's features come from the whole spaCy pipeline (entity ruler, attribute ruler, actor
data), the relevance classifier's sentences from the cascade's lexicon, the attack-argument
tagger's corpus from ``scripts/roles_corpus.py``, the filler chooser's candidates from the cased
rules (``scripts/fillers_corpus.py``). Each trainer records beside its model the
SHA-256 of a small fixed sample of its training data, computed by the functions here;
``tests/test_models_reproducible.py`` computes them again from ``../shared`` and fails when they
differ, that is when ``make train`` would no longer give the shipped files: then retrain
(``make train-crf``, ``train-arguments`` or ``train-triage``) and ship.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

# Sample sizes: a few seconds of work each, enough to meet most changes of the code that makes
# the data (on the first 20 MUC-4 train texts the pipeline finds 1,200 entities).
CRF_SAMPLE = 20
TRIAGE_SAMPLE = 300
ARGUMENTS_SAMPLE = 40
FILLERS_SAMPLE = 15  # WikiEvents train documents whose candidate fillers the test labels again


class Digest:
    """SHA-256 over a sequence of JSON values, fed one at a time."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.count = 0

    def add(self, value) -> None:
        self._hash.update(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
        self.count += 1

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def digest(values: Iterable) -> str:
    d = Digest()
    for value in values:
        d.add(value)
    return d.hexdigest()


def crf_sample(records: list[dict], tokenizer, sequences) -> str:
    """The CRF's (features, tags) sequences of the first ``CRF_SAMPLE`` MUC-4 train texts, parsed
    on their own (``sequences``: ``scripts/train.py``'s)."""
    from shardwatch.learn.text import model_text
    from shardwatch.nlp import annotate

    head = records[:CRF_SAMPLE]
    docs = list(annotate(model_text(r["text"]) for r in head))
    return digest(list(seq) for seq in sequences(docs, head, tokenizer))


def triage_sample(shared: Path, data, positives_from_reports, bbc_negatives_of) -> str:
    """The classifier's sentences from the first ``TRIAGE_SAMPLE`` train incident reports and
    BBC train files (``data``, ``positives_from_reports``: ``scripts/train_triage.py``'s)."""
    positives = positives_from_reports(data.incidents(shared, "train")[:TRIAGE_SAMPLE])
    files = data.bbc_files(shared / "data/corpora/bbc", "train")[:TRIAGE_SAMPLE]
    return digest([["positive", s] for s in positives] + [["negative", s] for s in bbc_negatives_of(files)])


def docbin_digest(docs: Iterable) -> str:
    """A corpus of spaCy docs by its texts and entities (labels and character offsets)."""
    return digest([doc.text, [[e.start_char, e.end_char, e.label_] for e in doc.ents]] for doc in docs)
