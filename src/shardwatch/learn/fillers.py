"""A learned chooser of the cased rules' fillers (``data/models/roles_fillers``).

The cased rules (``extract.cased_roles``) weigh many candidate fillers per role and report the
best few by fixed limits and shares. This chooser reads each candidate's evidence as a bag of
feature words (its role, rank, share of the best score, strongest evidence, votes, how early it
is named, whether the rules chose it, its head word, entity type and dependency) and gives the
probability that it is a filler WikiEvents annotators would mark; per role (``RoleChoice``) the
fillers the rules chose stay unless it doubts them, and it adds those it is sure enough of. The model is a spaCy
``textcat_multilabel`` with a bag-of-words layer (a linear model over those words), trained by
``make train-fillers`` with ``spacy train configs/roles_fillers.cfg`` on the candidates of
WikiEvents train's four training fifths (``scripts/fillers_corpus.py``).

The candidates (``Candidate``) are defined here, below the rules that make them
(``extract.cased_roles``): the learning layer reads no module of the extraction layer above it.

The learned attack-argument tagger's agreement is no feature: that tagger was trained on the
same documents and would look surer there than it is on new text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from shardwatch.learn.spans import normalize
from shardwatch.nlp.arguments import model_path as shipped_path, shipped_model


@dataclass(frozen=True)
class Candidate:
    """A filler the rules weighed, chosen or not, with the evidence a learned chooser reads."""

    role: str  # the ballot: perpetrator, target, weapon, place
    name: str  # the output role: perpetrator_organization, victim, ...
    text: str
    at: int  # token of its strongest evidence
    score: float  # its evidence, weighted by position
    share: float  # score / the role's best score
    best: float  # its strongest single piece of evidence
    votes: int
    first: int  # token of its first evidence
    rank: int  # 1 = the role's best
    chosen: bool  # whether the rules report it
    known: bool = False  # whether the actor data knows it (a group or person with an id)


MODEL_NAME = "roles_fillers"
LABEL = "FILLER"
_SHARES = (1.0, 0.7, 0.5, 0.35, 0.2, 0.0)
_BESTS = (3.0, 2.5, 2.0, 1.5, 1.0, 0.0)
_FIRSTS = (30, 100, 300, 1000)


def model_path() -> Path:
    return shipped_path(MODEL_NAME)


def filler_model() -> Language | None:
    """The trained chooser, loaded once; None when the package holds none."""
    return shipped_model(MODEL_NAME)


def _bucket(value: float, edges: Sequence[float]) -> str:
    return str(next((edge for edge in edges if value >= edge), edges[-1]))


def features(doc: Doc, candidate: Candidate, candidates: Sequence[Candidate]) -> list[str]:
    """The feature words of one candidate, each also crossed with its role."""
    role = candidate.role
    token = doc[min(candidate.at, len(doc) - 1)] if len(doc) else None
    words = normalize(candidate.text).split()
    same_role = sum(1 for c in candidates if c.role == role)
    plain = [
        f"rank{min(candidate.rank, 5)}",
        f"share{_bucket(candidate.share, _SHARES)}",
        f"best{_bucket(candidate.best, _BESTS)}",
        f"votes{min(candidate.votes, 5)}",
        f"first{next((str(e) for e in _FIRSTS if candidate.first < e), 'late')}",
        f"chosen{int(candidate.chosen)}",
        f"as_{candidate.name}",
        f"count{min(same_role, 6)}",
        f"words{min(len(words), 4)}",
        f"counted{int(bool(words) and (words[0].isdigit() or words[0] in _NUMBER_WORDS))}",
        f"head_{words[-1] if words else 'none'}",
    ]
    if token is not None:
        plain += [f"ent_{token.ent_type_ or 'none'}", f"dep_{token.dep_}", f"pos_{token.pos_}",
                  f"capital{int(candidate.text[:1].isupper())}"]
    return [role] + plain + [f"{role}_{word}" for word in plain]


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                          "twenty thirty forty fifty hundred dozens hundreds scores several".split())


def feature_doc(vocab, words: list[str]) -> Doc:
    return Doc(vocab, words=words)


def probabilities(doc: Doc, candidates: Sequence[Candidate], *, model: Language | None = None) -> list[float]:
    """The chooser's probability for each candidate (None-model: the rules' choice as 1/0)."""
    model = model or filler_model()
    if model is None:
        return [float(c.chosen) for c in candidates]
    docs = [feature_doc(model.vocab, features(doc, c, candidates)) for c in candidates]
    return [d.cats[LABEL] for d in model.pipe(docs)]


@dataclass(frozen=True)
class RoleChoice:
    """How the chooser treats one role's candidates: it adds those it gives at least ``add``
    (None: it adds none), drops the rules' choices it gives less than ``drop`` (with
    ``keep_known``, never one the actor data knows), and keeps at most ``per_role`` fillers in all
    (None: no limit)."""

    add: float | None = None
    drop: float = 0.0
    per_role: int | None = None
    keep_known: bool = False


def choose(doc: Doc, candidates: Sequence[Candidate], *, choices: dict[str, RoleChoice],
           model: Language | None = None) -> dict[str, list[tuple[str, int]]]:
    """For each role of ``choices``: the rules' choice less those the chooser doubts, then the
    candidates it is sure enough of, at most ``per_role`` a role in all, one per head word (the
    scorer counts a second mention of one entity as a wrong filler). The rules' choices come
    first, in their rank order."""
    candidates = [c for c in candidates if c.role in choices]
    return pick(candidates, probabilities(doc, candidates, model=model), choices=choices)


def pick(candidates: Sequence[Candidate], learned: Sequence[float], *,
         choices: dict[str, RoleChoice]) -> dict[str, list[tuple[str, int]]]:
    """``choose`` given the chooser's probability of each candidate (of the roles of ``choices``)."""
    kept = []
    for p, c in zip(learned, candidates):
        choice = choices[c.role]
        if c.chosen and (p >= choice.drop or (choice.keep_known and c.known)):
            kept.append((2.0, c))  # the rules' choice, ahead of any addition
        elif not c.chosen and choice.add is not None and p >= choice.add:
            kept.append((p, c))
    kept.sort(key=lambda pair: (-pair[0], pair[1].rank))
    out: dict[str, list[tuple[str, int]]] = {}
    heads: dict[str, set[str]] = {}
    for _, candidate in kept:
        head = (normalize(candidate.text).split() or [""])[-1]
        seen = heads.setdefault(candidate.role, set())
        limit = choices[candidate.role].per_role
        if head in seen or (limit is not None and len(seen) >= limit):
            continue
        seen.add(head)
        out.setdefault(candidate.name, []).append((candidate.text, candidate.at))
    return out
