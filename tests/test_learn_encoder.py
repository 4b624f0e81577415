"""The role tagger's token encoder (``shardwatch.learn.encoder``): all-MiniLM-L6-v2 run offline."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.model


def _cosine(a, b) -> float:
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def _parse(text: str):
    from shardwatch.nlp import annotate

    (doc,) = annotate([text])
    return doc


def test_every_word_gets_a_vector_and_whitespace_none():
    from shardwatch.learn.encoder import DIMENSIONS, default_encoder

    doc = _parse("rebels burned a bus near the market.\n\nfour passengers were hurt.")
    vectors = default_encoder().vectors(doc)
    assert vectors.shape == (len(doc), DIMENSIONS)
    for token, row in zip(doc, vectors):
        assert (not row.any()) == token.is_space, token.text


def test_the_same_text_gives_the_same_vectors_and_a_word_is_read_in_its_context():
    from shardwatch.learn.encoder import TokenEncoder, default_encoder

    text = "the fire at the depot spread overnight. soldiers opened fire on the convoy."
    first, second = _parse(text), _parse(text)
    a = default_encoder().vectors(first)
    b = TokenEncoder().vectors(second)  # a second session of the model
    assert np.array_equal(a, b)
    fires = [t.i for t in first if t.text == "fire"]
    assert len(fires) == 2
    convoy = next(t.i for t in first if t.text == "convoy")
    # one word in two contexts: two vectors (a static embedding would give one), nearer each
    # other than another word
    assert _cosine(a[fires[0]], a[fires[1]]) < 0.99
    assert _cosine(a[fires[0]], a[fires[1]]) > _cosine(a[fires[1]], a[convoy])


def test_vectors_are_kept_with_the_doc_and_not_computed_again():
    from shardwatch.learn.encoder import CACHE_KEY, default_encoder

    doc = _parse("a car bomb exploded outside the ministry.")
    first = default_encoder().vectors(doc)
    assert doc.user_data[CACHE_KEY] is first
    assert default_encoder().vectors(doc) is first


def test_a_sentence_longer_than_a_window_is_read_whole():
    from shardwatch.learn.encoder import WINDOW, default_encoder

    words = " ".join(f"village{n} and" for n in range(WINDOW)) + " the hamlet were shelled."
    doc = _parse(words)
    vectors = default_encoder().vectors(doc)
    assert sum(1 for t in doc if not t.is_space) > WINDOW  # more words than one window holds
    assert all(row.any() for t, row in zip(doc, vectors) if not t.is_space)
