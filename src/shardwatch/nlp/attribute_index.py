"""The model's attribute ruler with its patterns looked up by token, not tried at every token.

The English model's ``attribute_ruler`` maps each fine-grained tag (with some words and
dependencies) to its coarse part of speech and morphology: 179 Matcher patterns of one or two
tokens. spaCy's Matcher tries every pattern at every token; on the BBC held-out articles the
relevance cascade passes that took 1.14 s of CPU of the whole model's 9 s (docs/BENCHMARKS.md).
Here each pattern is tested on the whole document at once, on the columns of
``Doc.to_array`` (numpy), instead of token by token. The matches (and their order)
are the Matcher's, and the ruler's own ``set_annotations`` writes them: the same annotations
(checked on the dev texts: docs/BENCHMARKS.md and tests/test_nlp_attribute_index.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

# the token attributes the model's patterns test, in the columns of ``Doc.to_array``
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]

# A test of one attribute of a token spec: the doc's values of the attribute's column (and the
# doc's string store, for a regular expression) -> which tokens pass.
Test = Callable[[np.ndarray, StringStore], np.ndarray]


class UnsupportedPattern(ValueError):
    """A pattern this index cannot read (an operator, a quantifier, another attribute)."""


def _test(attr: str, value, strings: StringStore) -> tuple[int, Test]:
    """One attribute's test of a token spec: its column and the test on that column's values."""
    if attr not in _COLUMNS:
        raise UnsupportedPattern(attr)

    def code(v) -> int:
        return int(v) if attr == "IS_SPACE" else strings.add(v)

    if not isinstance(value, dict):
        want = np.uint64(code(value))
        return _COLUMNS[attr], lambda column, _strings: column == want
    [(op, arg)] = value.items()
    if op in ("IN", "NOT_IN"):
        values = np.array([code(v) for v in arg], dtype=np.uint64)
        if op == "IN":
            return _COLUMNS[attr], lambda column, _strings: np.isin(column, values)
        return _COLUMNS[attr], lambda column, _strings: ~np.isin(column, values)
    if op == "REGEX":
        pattern = re.compile(arg)

        def search(column: np.ndarray, strings: StringStore) -> np.ndarray:
            found = [v for v in np.unique(column).tolist() if pattern.search(strings[v])]
            return np.isin(column, np.array(found, dtype=np.uint64))

        return _COLUMNS[attr], search
    raise UnsupportedPattern(op)


class IndexedAttributeRuler:
    """``AttributeRuler.match`` on whole columns; the ruler itself writes the annotations."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        strings = ruler.vocab.strings
        # (pattern number, the Matcher's key of it, per token of the pattern its tests)
        self.patterns: list[tuple[int, int, list[list[tuple[int, Test]]]]] = []
        for number, entry in enumerate(ruler.patterns):
            key = strings.add(str(number))  # AttributeRuler.add names pattern ``number`` so
            for pattern in entry["patterns"]:
                self.patterns.append((number, key, [[_test(attr, value, strings) for attr, value in spec.items()]
                                                    for spec in pattern]))

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` gives: (pattern number, match key, start, end), sorted."""
        n = len(doc)
        if not n:
            return []
        table = doc.to_array(_ARRAY).astype(np.uint64, copy=False)
        columns = [table[:, col] for col in range(table.shape[1])]
        strings = doc.vocab.strings
        found = set()
        for number, key, tokens in self.patterns:
            length = len(tokens)
            if length > n:
                continue
            starts = np.ones(n - length + 1, dtype=bool)
            for offset, tests in enumerate(tokens):
                for col, test in tests:
                    starts &= test(columns[col], strings)[offset: offset + n - length + 1]
            found.update((number, key, i, i + length) for i in np.flatnonzero(starts).tolist())
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the column-wise matcher in the place of the pipeline's attribute ruler (same name);
    False (the pipeline left as it was) when the ruler has patterns it cannot read."""
    ruler = nlp.get_pipe(name)
    try:
        indexed = IndexedAttributeRuler(ruler)
    except UnsupportedPattern:
        return False
    nlp.replace_pipe(name, "shardwatch_indexed_attribute_ruler")
    nlp.get_pipe(name).indexed = indexed
    return True


class _Component:
    """The pipeline component: an ``IndexedAttributeRuler`` once ``index_attribute_ruler`` gave it one."""

    def __init__(self) -> None:
        self.indexed: IndexedAttributeRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.indexed is None:
            raise RuntimeError("the indexed attribute ruler was given no ruler: index_attribute_ruler(nlp)")
        return self.indexed(doc)


@Language.factory("shardwatch_indexed_attribute_ruler",
                  assigns=["token.tag", "token.pos", "token.morph", "token.lemma"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> _Component:
    return _Component()
