"""The role tagger: a linear-chain CRF (CRFsuite) over sentences, shipped in ``data/models``.

``make train`` (``scripts/train.py``) writes three files into ``data/models/``:
``roles.crfsuite`` (the CRF), ``roles.classes.npy`` (the centroids of the word classes its
features use, ``learn.features.WordClasses``) and ``roles.json`` (the feature version it was
trained with and the decoding settings chosen on a held-out part of MUC-4 train). All load
offline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.tokens import Doc

from shardwatch.errors import ShardwatchError
from shardwatch.learn.features import FEATURE_VERSION, WordClasses, doc_sequences, has_vectors
from shardwatch.learn.gate import GateSettings
from shardwatch.learn.spans import (
    LABELS, ROLE_OF, Candidate, decode_spans, entities, normalize, parenthetical_aliases, posterior_spans, span_text,
    untitled,
)

MODEL_NAME = "roles"


@dataclass
class Settings:
    """Decoding settings stored next to the model."""

    tau: float = 0.2  # marginal a posterior span needs (1.0: Viterbi spans only)
    min_score: dict[str, float] = field(default_factory=dict)  # per role: candidates below are dropped
    max_entities: dict[str, int] = field(default_factory=dict)  # per role: at most this many, best first
    feature_version: str = FEATURE_VERSION
    word_classes: int = 0  # how many word classes the model's features use (0: none)
    members: int = 0  # further CRFs (bootstrap samples) whose marginals are averaged with the model's
    decode: str = "viterbi"  # the tags spans are read from: "viterbi" (the model's) or "argmax" (averaged)

    @classmethod
    def from_json(cls, data: dict) -> Settings:
        return cls(tau=data["tau"], min_score=dict(data.get("min_score", {})),
                   max_entities=dict(data.get("max_entities", {})), feature_version=data["feature_version"],
                   word_classes=int(data.get("word_classes", 0)), members=int(data.get("members", 0)),
                   decode=data.get("decode", "viterbi"))

    def to_json(self) -> dict:
        return {"tau": self.tau, "min_score": self.min_score, "max_entities": self.max_entities,
                "feature_version": self.feature_version, "word_classes": self.word_classes,
                "members": self.members, "decode": self.decode}


def model_dir() -> Path:
    return Path(str(resources.files("shardwatch.data") / "models"))


def classes_path(directory: Path, name: str = MODEL_NAME) -> Path:
    """Where the centroids of the word classes of model ``name`` are kept."""
    return directory / f"{name}.classes.npy"


def member_path(directory: Path, k: int, name: str = MODEL_NAME) -> Path:
    """Where the ``k``-th further CRF (1-based) of the ensemble of model ``name`` is kept."""
    return directory / f"{name}.member{k}.crfsuite"


class RoleTagger:
    """Role filler candidates of a document from the trained CRF."""

    def __init__(self, model_path: Path, settings: Settings, word_classes: WordClasses | None = None,
                 members: Iterable[Path] = ()):
        if settings.feature_version != FEATURE_VERSION:
            raise ShardwatchError(
                f"role model {model_path} was trained with features v{settings.feature_version}, "
                f"the code has v{FEATURE_VERSION}: run `make train`")
        have = 0 if word_classes is None else len(word_classes.centroids)
        if have != settings.word_classes:
            raise ShardwatchError(f"role model {model_path} was trained with {settings.word_classes} word classes, "
                                  f"{have} were given: run `make train`")
        self.settings = settings
        self.word_classes = word_classes
        if settings.decode not in ("viterbi", "argmax"):
            raise ShardwatchError(f"role model {model_path}: unknown decoding {settings.decode!r}")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self.labels = self._tagger.labels()
        self._members = []
        for path in members:
            member = pycrfsuite.Tagger()
            member.open(str(path))
            if set(member.labels()) != set(self.labels):
                raise ShardwatchError(f"role model member {path} has labels {member.labels()}, not {self.labels}")
            self._members.append(member)
        if len(self._members) != settings.members:
            raise ShardwatchError(f"role model {model_path} is an ensemble of {settings.members} further CRFs, "
                                  f"{len(self._members)} were given: run `make train`")

    @classmethod
    def load(cls, directory: Path | None = None, name: str = MODEL_NAME) -> RoleTagger:
        directory = directory or model_dir()
        model, meta = directory / f"{name}.crfsuite", directory / f"{name}.json"
        if not model.exists() or not meta.exists():
            raise ShardwatchError(f"no role model in {directory}: run `make train`")
        settings = Settings.from_json(json.loads(meta.read_text(encoding="utf-8")))
        classes = None
        if settings.word_classes:
            path = classes_path(directory, name)
            if not path.exists():
                raise ShardwatchError(f"role model {model} needs its word classes {path}: run `make train`")
            classes = WordClasses(np.load(path))
        members = [member_path(directory, k, name) for k in range(1, settings.members + 1)]
        for path in members:
            if not path.exists():
                raise ShardwatchError(f"role model {model} needs its ensemble member {path}: run `make train`")
        return cls(model, settings, classes, members)

    def sequences(self, doc: Doc) -> list[tuple[list, list[dict[str, float]]]]:
        """The sentences of ``doc`` as the CRF reads them (``learn.features.doc_sequences``)."""
        return doc_sequences(doc, self.word_classes)

    def tag(self, feats: list[dict[str, float]]) -> tuple[list[str], list[dict[str, float]]]:
        """The tags of one sentence's features and each token's marginal per label: the CRF's own,
        or with an ensemble the marginals averaged over its CRFs and the tags the model's Viterbi
        path or each token's likeliest label (``Settings.decode``)."""
        self._tagger.set(feats)
        tags = self._tagger.tag()
        marginal = [{lab: self._tagger.marginal(lab, i) for lab in self.labels} for i in range(len(tags))]
        if not self._members:
            return tags, marginal
        for member in self._members:
            member.set(feats)
            for i, row in enumerate(marginal):
                for lab in self.labels:
                    row[lab] += member.marginal(lab, i)
        n = 1 + len(self._members)
        marginal = [{lab: p / n for lab, p in row.items()} for row in marginal]
        if self.settings.decode == "argmax":
            tags = [max(row, key=row.get) for row in marginal]
        return tags, marginal

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every filler string the tagger finds in ``doc`` (a parse of ``model_text``), by role."""
        if self.word_classes is not None and not has_vectors(doc):
            raise ShardwatchError("the role tagger reads the pipeline's token vectors (doc.tensor), which this doc "
                                  "lacks: give it a doc from shardwatch.nlp.annotate, not one read from a DocBin")
        found: dict[tuple[str, str], Candidate] = {}
        order = 0
        short_labels = [lab for lab in LABELS.values() if "B-" + lab in self.labels]
        for tokens, feats in self.sequences(doc):
            tags, marginal = self.tag(feats)
            spans = decode_spans(tags, marginal)
            if self.settings.tau < 1.0:
                spans += posterior_spans(marginal, short_labels, self.settings.tau)
            words = [t.lower_ for t in tokens]
            spaces = [t.whitespace_ for t in tokens]
            for span in spans:
                text = span_text(words, spaces, span.start, span.end)
                role = ROLE_OF[span.label]
                key = (role, normalize(text))
                if not key[1]:
                    continue
                order += 1
                cand = found.get(key)
                if cand is None:
                    first, last = tokens[span.start], tokens[span.end - 1]
                    found[key] = Candidate(role, text, span.score, 1, order, (first.idx, last.idx + len(last)))
                else:
                    cand.score = max(cand.score, span.score)
                    cand.count += 1
        return list(found.values())

    def roles(self, doc: Doc, *, gate: GateSettings | None = None, probability: float | None = None,
              titles: frozenset[str] = frozenset()) -> dict[str, list[Candidate]]:
        """One candidate per entity and role, above the role's minimum score, best first, at most
        the role's ``max_entities``. With a ``gate`` and the document gate's ``probability`` for
        ``doc`` (``learn.gate``), a text it finds irrelevant keeps only the sure candidates; victims
        are named without the ``titles`` before their names (``choose_fillers``)."""
        cands = self.candidates(doc)
        floor = 0.0
        if gate is not None and probability is not None:
            floor = gate.floor(probability, max((c.score for c in cands), default=0.0))
        return choose_fillers(cands, doc.text, self.settings, floor=floor, titles=titles)


# MUC-4's templates name a victim without a title ("jorge perez", not "newsman jorge perez"): of
# the victim mentions of MUC-4 train's first 1,100 texts written after a title word, none holds
# it. Dropping the titles (``data/attack_words.jsonl`` class person_title) before the entities are
# grouped: on MUC-4 train's last 200 texts (CRF on the first 1,100, the document gate) micro F1
# 42.74 -> 43.55 (victims 44.44 -> 47.78); out of fold on the first 1,100 (a CRF on three of their
# quarters reading the fourth; no gate) 36.64 -> 37.05 (by quarter +0.77, 0, +0.55, +0.24).
TITLED_ROLES = frozenset({"victim"})


def choose_fillers(cands: list[Candidate], text: str, settings: Settings, *, floor: float = 0.0,
                   titles: frozenset[str] = frozenset()) -> dict[str, list[Candidate]]:
    """The fillers of each role among a document's ``cands`` (``text``: the lower-cased text
    they come from): one per entity, at least the role's minimum score and ``floor``, best
    first, at most the role's ``max_entities``; a victim without the ``titles`` before its name."""
    if titles:
        cands = [replace(c, text=untitled(c.text, titles)) if c.role in TITLED_ROLES else c for c in cands]
    aliases = parenthetical_aliases(text, [c.text for c in cands])
    out = {}
    for role in LABELS:
        least = max(floor, settings.min_score.get(role, 0.0))
        kept = entities([c for c in cands if c.role == role and c.score >= least], aliases)
        cap = settings.max_entities.get(role)
        out[role] = kept[:cap] if cap is not None else kept
    return out


@cache
def default_tagger() -> RoleTagger:
    """The shipped model, loaded once per process."""
    return RoleTagger.load()


def train(sequences: Iterable[tuple[list[dict], list[str]]], path: Path, *, c1: float, c2: float,
          iterations: int) -> None:
    """Train a CRF on (features, BIO tags) sequences into ``path`` (L-BFGS, deterministic)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in sequences:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))
