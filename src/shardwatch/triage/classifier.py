"""Stage 2 of the relevance cascade: a small shipped text classifier.

The model (``data/models/relevance/``) is a spaCy pipeline of a tokenizer and a ``textcat``
with a bag-of-words architecture (lower-cased words, hashed): no tagger,
parser or vectors, so it reads a sentence in well under a millisecond. It is trained by
``make train-triage`` (``scripts/train_triage.py`` with the config ``configs/triage.cfg``), which
also writes ``data/models/relevance.json``: the threshold and the tuning figures that chose it.
It scores the candidate sentences that stage 1 left undecided; the text's score is the highest
of its sentences' (one sentence telling an attack is enough for a record).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Sequence

LABEL = "relevant"
MODEL_NAME = "relevance"


def model_path() -> Path:
    return Path(str(resources.files("shardwatch.data") / "models" / MODEL_NAME))


@dataclass(frozen=True)
class Settings:
    """The shipped model's threshold (chosen on the tuning split by ``make train-triage``) and
    the version of the cascade it was trained for."""

    threshold: float
    version: str


@cache
def settings() -> Settings:
    with (model_path().parent / f"{MODEL_NAME}.json").open(encoding="utf-8") as f:
        found = json.load(f)
    return Settings(float(found["threshold"]), str(found["version"]))


@cache
def _pipeline():
    import spacy

    # loaded once per process; a blank English tokenizer and the textcat, nothing downloaded
    return spacy.load(model_path())


def load_model() -> None:
    """Load the model and its settings now (they are cached per process), not on first use."""
    _pipeline()
    settings()


def model_text(sentence: str) -> str:
    """The form the model reads (and was trained on): lower case, as the MUC-4 training text is."""
    return " ".join(sentence.lower().split())


def scores(sentences: Sequence[str]) -> list[float]:
    """The model's probability that each sentence tells something a record is made of."""
    if not sentences:
        return []
    nlp = _pipeline()
    return [doc.cats[LABEL] for doc in nlp.pipe((model_text(s) for s in sentences), batch_size=256)]


def classify(sentences: Sequence[str]) -> tuple[float, str, float]:
    """The highest score of ``sentences``, the sentence that has it, and the threshold a text's
    score must reach to be parsed."""
    return classify_many([sentences])[0]

def classify_many(texts: Sequence[Sequence[str]]) -> list[tuple[float, str, float]]:
    """``classify`` of each text's sentences, the sentences of all the texts scored in one pass."""
    found = iter(scores([s for sentences in texts for s in sentences]))
    out = []
    threshold = settings().threshold
    for sentences in texts:
        mine = [next(found) for _ in sentences]
        if not mine:
            out.append((0.0, "", threshold))
            continue
        best = max(range(len(mine)), key=mine.__getitem__)
        out.append((mine[best], sentences[best], threshold))
    return out
