"""BIO labels from gold mention strings, and spans back from tags and marginals.

Pure functions over token strings: no spaCy, no model, so they are unit-tested directly.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Role names of the scorer and the short labels the tagger uses.
LABELS = {
    "perpetrator_individual": "PI",
    "perpetrator_organization": "PO",
    "target": "TG",
    "victim": "VI",
    "weapon": "WE",
}
ROLE_OF = {short: role for role, short in LABELS.items()}

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation)


def normalize(text: str) -> str:
    """The scorer's comparison form: lower case, no punctuation, no articles, single spaces."""
    text = text.lower().translate(_PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def bio_labels(tokens: Sequence[str], mentions: Iterable[tuple[Sequence[str], str]]) -> list[str]:
    """BIO tags for ``tokens`` (lower case) marking every occurrence of every mention.

    ``mentions`` are (mention tokens, short label). Longer mentions are placed first and a
    token keeps the first label it gets, so "car bomb" wins over "car" and never overlaps it.
    """
    tags = ["O"] * len(tokens)
    ordered = sorted({(tuple(m), label) for m, label in mentions if m}, key=lambda ml: (-len(ml[0]), ml[1], ml[0]))
    for mention, label in ordered:
        n = len(mention)
        for start in range(len(tokens) - n + 1):
            if tuple(tokens[start:start + n]) == mention and all(t == "O" for t in tags[start:start + n]):
                tags[start] = "B-" + label
                for i in range(start + 1, start + n):
                    tags[i] = "I-" + label
    return tags


@dataclass(frozen=True)
class SpanGuess:
    start: int  # token index in the sequence
    end: int  # exclusive
    label: str  # short label
    score: float  # mean marginal probability of the span's tags


def decode_spans(tags: Sequence[str], marginal: Sequence[dict[str, float]]) -> list[SpanGuess]:
    """Spans of the Viterbi ``tags`` with their confidence from per-token ``marginal``.

    A stray I- without a B- of the same label starts a span (crfsuite rarely emits one, but
    it must not be lost or glued to the previous span).
    """
    spans: list[SpanGuess] = []
    start = label = None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        continues = prefix == "I" and label == lab
        if start is not None and not continues:
            probs = [marginal[j].get(tags[j], 0.0) for j in range(start, i)]
            spans.append(SpanGuess(start, i, label, sum(probs) / len(probs)))
            start = label = None
        if prefix in ("B", "I") and not continues:
            start, label = i, lab
    return spans


def posterior_spans(marginal: Sequence[dict[str, float]], labels: Iterable[str], tau: float) -> list[SpanGuess]:
    """Spans whose tags each have marginal probability >= ``tau``, for every short label.

    Catches fillers that Viterbi leaves out because "O" is slightly more likely: a span
    starts where P(B-X) >= tau and goes on while P(I-X) >= tau.
    """
    spans = []
    for label in labels:
        begin, inside = "B-" + label, "I-" + label
        i = 0
        while i < len(marginal):
            if marginal[i].get(begin, 0.0) >= tau:
                j = i + 1
                while j < len(marginal) and marginal[j].get(inside, 0.0) >= tau:
                    j += 1
                probs = [marginal[i][begin]] + [marginal[k][inside] for k in range(i + 1, j)]
                spans.append(SpanGuess(i, j, label, sum(probs) / len(probs)))
                i = j
            else:
                i += 1
    return spans


def span_text(words: Sequence[str], spaces: Sequence[str], start: int, end: int) -> str:
    """The surface text of tokens [start, end) with their own spacing ("uc-eln", "cristiani's")."""
    return "".join(w + s for w, s in zip(words[start:end - 1], spaces[start:end - 1])) + words[end - 1]


@dataclass
class Candidate:
    """One role filler string in one document, over all its occurrences."""

    role: str
    text: str
    score: float  # best span confidence
    count: int = 1
    first: int = 0  # order of first occurrence
    chars: tuple[int, int] | None = None  # character offsets of the first occurrence


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def same_entity(a: str, b: str, aliases: set[frozenset[str]] = frozenset()) -> bool:
    """Whether two normalised filler strings of one role name one thing in a document.

    True for the same words up to a plural ("rocket"/"rockets"), for one ending the other
    ("car dealership"/"nasa car dealership", "galan"/"luis carlos galan"), and for pairs the
    document itself declares alike (``aliases``: "army of national liberation (eln)").
    """
    if a == b or frozenset((a, b)) in aliases:
        return True
    ta, tb = [_singular(w) for w in a.split()], [_singular(w) for w in b.split()]
    if len(ta) > len(tb):
        ta, tb = tb, ta
    return bool(ta) and tb[len(tb) - len(ta):] == ta


_NOT_A_NAME = frozenset({"of", "and", "or", "for", "from", "in", "at", "on", "to", "with", "who", "whose",
                         "the", "a", "an", "was", "were", "is", "are", "said"})


def untitled(text: str, titles: frozenset[str] | set[str]) -> str:
    """``text`` without the person's titles before a name ("newsman jorge perez" -> "jorge perez",
    "mayor-elect" kept): leading words of ``titles`` (singular or as written) are dropped while a
    word is left after them and that word does not begin a phrase ("members of the union" stays)."""
    words = text.split(" ")
    k = 0
    while k < len(words) - 1 and (words[k] in titles or _singular(words[k]) in titles):
        k += 1
    if k == 0 or words[k] in _NOT_A_NAME or not words[k][:1].isalpha():
        return text
    return " ".join(words[k:])


def entities(candidates: Iterable[Candidate], aliases: set[frozenset[str]] = frozenset()) -> list[Candidate]:
    """One representative per entity: candidates grouped by ``same_entity``, best kept.

    Candidates are taken best first (score, then frequency, then earliest); one that names
    the same thing as an already kept one is dropped. The scorer counts an entity once, so
    a second mention of a kept entity could only be a false positive.
    """
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.score, -c.count, c.first)):
        norm = normalize(cand.text)
        if norm and not any(same_entity(norm, normalize(k.text), aliases) for k in kept):
            kept.append(cand)
    return kept


_PAREN = re.compile(r"([a-z][\w .'-]*?)\s*\(\s*([\w .'-]+?)\s*\)")


def parenthetical_aliases(text: str, names: Iterable[str]) -> set[frozenset[str]]:
    """Pairs (long name, short form) written "long name (short)" in ``text`` (lower case).

    ``names`` are candidate strings; a pair is kept when the long side ends with one
    candidate and the short side is another.
    """
    norms = {normalize(n) for n in names}
    pairs = set()
    for match in _PAREN.finditer(text):
        short = normalize(match.group(2))
        if short not in norms:
            continue
        before = normalize(match.group(1))
        for name in norms:
            if name != short and (before == name or before.endswith(" " + name)):
                pairs.add(frozenset((name, short)))
    return pairs
