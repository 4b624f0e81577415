"""The attribute ruler's patterns tested column-wise (shardwatch.nlp.attribute_index) give the
matches, and so the annotations, of spaCy's own AttributeRuler."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from shardwatch.nlp.attribute_index import IndexedAttributeRuler, index_attribute_ruler

# Patterns of every kind the English model's ruler uses: a tag, a word with a tag, a set of
# words, a word excluded by dependency, a regular expression, a space, and two tokens.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "something"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "IN", "LOWER": {"IN": ["that", "because"]}}]], "attrs": {"POS": "SCONJ"}},
    {"patterns": [[{"TAG": "IN", "DEP": {"NOT_IN": ["mark"]}}]], "attrs": {"POS": "ADP"}},
    {"patterns": [[{"LOWER": {"REGEX": "^[0-9]+$"}}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": "because"}, {"LOWER": "of"}]], "attrs": {"POS": "ADP"}, "index": 1},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}, "DEP": "ROOT"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
]


def _doc(nlp) -> Doc:
    # A sentence written for this test, its tags and dependencies set by hand (no model).
    words = ["Something", "happened", "because", "of", "12", "shots", "that", "night", "\n", "in", "town"]
    tags = ["NN", "VBD", "IN", "IN", "CD", "NNS", "IN", "NN", "_SP", "IN", "NN"]
    deps = ["nsubj", "ROOT", "prep", "pcomp", "nummod", "pobj", "mark", "npadvmod", "dep", "prep", "pobj"]
    heads = [1, 1, 1, 2, 5, 3, 7, 1, 7, 1, 9]
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_the_column_wise_matches_are_the_matchers():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    doc = _doc(nlp)
    expected = ruler.match(doc)
    assert IndexedAttributeRuler(ruler).match(doc) == expected
    # the kinds above all matched something: "Something", "because", "12", the space, "of", "happened"
    assert {number for number, *_ in expected} == set(range(len(PATTERNS)))


def test_a_pipeline_with_the_index_annotates_as_the_ruler_does():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    plain = nlp.get_pipe("attribute_ruler")(_doc(nlp))
    assert index_attribute_ruler(nlp)
    indexed = nlp.get_pipe("attribute_ruler")(_doc(nlp))
    assert [(t.pos_, str(t.morph)) for t in indexed] == [(t.pos_, str(t.morph)) for t in plain]
    # a later pattern wins: "because" (a preposition here, not a marker) is ADP; "that" stays SCONJ
    assert [t.pos_ for t in indexed][:7] == ["PRON", "VERB", "ADP", "ADP", "NUM", "", "SCONJ"]


def test_a_ruler_with_patterns_it_cannot_read_is_left_alone():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert not index_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


@pytest.mark.model
def test_the_shipped_pipeline_uses_the_index_with_the_models_annotations():
    from shardwatch.nlp import get_nlp
    from shardwatch.nlp.pipeline import MODEL_PACKAGE

    text = ("Something went wrong because of the storm. Islamic State fighters said that they had "
            "attacked 3 checkpoints near the town, whilst police were sure of nothing.")
    ours = get_nlp()
    assert type(ours.get_pipe("attribute_ruler")).__name__ == "_Component"
    bare = spacy.load(MODEL_PACKAGE)
    attrs = ("pos_", "tag_", "lemma_", "morph")
    assert [[str(getattr(t, a)) for a in attrs] for t in ours(text)] == \
           [[str(getattr(t, a)) for a in attrs] for t in bare(text)]
