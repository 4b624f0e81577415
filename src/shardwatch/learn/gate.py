"""The document gate of lower-cased text: how likely a text tells an incident with role fillers.

Nearly half of MUC-4's texts tell no incident its template records (clashes between armies,
speeches, old or planned attacks), yet the CRF (``learn.tagger``) finds fillers in them: on
MUC-4 train's last 200 texts a fifth of the roles view's fillers (95 of 425) came from such texts.
The model (``data/models/muc_gate/``, trained by ``make train-gate``: ``scripts/train_gate.py`` with
``configs/muc_gate.cfg``) is a spaCy ``textcat`` with a bag-of-words layer over the whole
lower-cased text; ``data/models/muc_gate.json`` holds the settings the tagger applies
(``floor``): a text whose relevance (the gate's probability averaged with the CRF's best
candidate score) is under the threshold keeps only the candidates the CRF is sure of. Dropping
every filler of such texts instead scored lower (``scripts/train_gate.py`` says what chose it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from shardwatch.learn.text import model_text
from shardwatch.nlp.arguments import model_path, shipped_model

MODEL_NAME = "muc_gate"
LABEL = "relevant"
OTHER = "other"


@dataclass(frozen=True)
class GateSettings:
    """How the gate's probability is read (chosen by ``scripts/train_gate.py`` on MUC-4 train)."""

    threshold: float  # relevance under which a text keeps only sure candidates
    weight: float  # the gate's share of the relevance; the CRF's best candidate score has the rest
    min_score: float  # the CRF score a candidate of such a text needs

    @classmethod
    def from_json(cls, data: dict) -> GateSettings:
        return cls(threshold=float(data["threshold"]), weight=float(data["weight"]), min_score=float(data["min_score"]))

    def to_json(self) -> dict:
        return {"threshold": self.threshold, "weight": self.weight, "min_score": self.min_score}

    def floor(self, probability: float, best_score: float) -> float:
        """The CRF score a candidate needs in a text the gate gives ``probability``, where the
        CRF's best candidate scores ``best_score``: 0 in a text that tells an incident."""
        relevance = self.weight * probability + (1 - self.weight) * best_score
        return 0.0 if relevance >= self.threshold else self.min_score


@cache
def gate_settings() -> GateSettings | None:
    """The shipped gate's settings; None when the package holds no gate (before ``make train``)."""
    path = model_path(MODEL_NAME).parent / f"{MODEL_NAME}.json"
    if not path.is_file():
        return None
    return GateSettings.from_json(json.loads(path.read_text(encoding="utf-8")))


def probability(text: str) -> float | None:
    """The gate's probability that ``text`` tells an incident with role fillers; None without a
    shipped gate."""
    model = shipped_model(MODEL_NAME)
    if model is None or gate_settings() is None:
        return None
    return model(model_text(text)).cats[LABEL]
