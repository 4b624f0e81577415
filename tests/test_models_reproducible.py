"""`make train` gives the shipped models: the code still makes the data each one was trained on.

Each trainer records a fingerprint of (a sample of) its training data beside the model
(``scripts/fingerprints.py``); these tests make that data again from ``../shared`` with the
code as it is now. A failure means the code that makes a model's training data changed since
the model was trained (the pipeline's entities or parse for the CRF, the cascade's lexicon for
the relevance classifier, ``scripts/roles_corpus.py`` for the attack-argument tagger, the cased
rules for the filler chooser, ``learn.text.model_text`` for the MUC-4 gate), so
`make train` would give another model: run the make target the message names, measure, and
commit what it writes.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from script_helpers import script

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MODELS = ROOT / "src" / "shardwatch" / "data" / "models"

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "muc4").is_dir(), reason=f"no {SHARED / 'data'} (../shared missing)")


_script = script  # a module of scripts/


@pytest.mark.model
def test_the_role_crf_was_trained_on_the_features_the_pipeline_gives_now():
    from shardwatch.learn.tagger import default_tagger
    from shardwatch.nlp import get_nlp

    fingerprints, train = _script("fingerprints"), _script("train")
    with (SHARED / "data" / "muc4" / "train.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    shipped = json.loads((MODELS / "roles.json").read_text(encoding="utf-8"))
    # the features read the shipped word classes (roles.classes.npy)
    sequences = functools.partial(train.sequences, word_classes=default_tagger().word_classes)
    now = fingerprints.crf_sample(records, get_nlp().tokenizer, sequences)
    assert now == shipped["sample_fingerprint"], "the CRF's training features changed: run make train-crf"


def test_the_relevance_classifier_was_trained_on_the_sentences_the_cascade_gives_now():
    train_triage = _script("train_triage")
    shipped = json.loads((MODELS / "relevance.json").read_text(encoding="utf-8"))
    now = train_triage.sample_fingerprint(SHARED)
    assert now == shipped["sample_fingerprint"], "the classifier's training sentences changed: run make train-triage"


def test_the_attack_argument_tagger_was_trained_on_the_corpus_roles_corpus_gives_now():
    fingerprints, roles_corpus = _script("fingerprints"), _script("roles_corpus")
    parts, _ = roles_corpus.build(SHARED)
    shipped = json.loads((MODELS / "roles_ner" / "meta.json").read_text(encoding="utf-8"))
    now = {part: fingerprints.docbin_digest(docs) for part, docs in parts.items()}
    assert now == shipped["corpus_fingerprint"], "the tagger's training corpus changed: run make train-arguments"


@pytest.mark.model
def test_the_filler_chooser_was_trained_on_the_candidates_the_rules_give_now():
    fillers_corpus = _script("fillers_corpus")
    with (SHARED / "data" / "wikievents" / "train.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    shipped = json.loads((MODELS / "roles_fillers" / "meta.json").read_text(encoding="utf-8"))
    now = fillers_corpus.sample_fingerprint(records)
    assert now == shipped["corpus_fingerprint"]["sample"], "the chooser's candidates changed: run make train-fillers"


def test_the_muc_gate_was_trained_on_the_examples_train_gate_gives_now():
    train_gate = _script("train_gate")
    with (SHARED / "data" / "muc4" / "train.jsonl").open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    shipped = json.loads((MODELS / "muc_gate" / "meta.json").read_text(encoding="utf-8"))
    now = train_gate.sample_fingerprint(records)
    assert now == shipped["corpus_fingerprint"]["sample"], "the gate's training texts changed: run make train-gate"


@pytest.mark.parametrize("model", ["roles_ner", "roles_fillers", "muc_gate"])
def test_the_shipped_spacy_models_name_no_training_folder(model):
    config = (MODELS / model / "config.cfg").read_text(encoding="utf-8")
    assert "train = null" in config and "dev = null" in config
