"""``mentions.full_name``: the whole name of a person named in full once and then in part,
read off a hand-built ``Doc``."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from shardwatch.extract.mentions import full_name


def _doc(words: list[str], people: list[tuple[int, int]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in people]
    return doc


def test_the_one_longer_name_ending_with_the_part():
    doc = _doc(["Le", "Duc", "Tan", "hijacked", "a", "plane", ".", "Tan", "set", "off", "a", "grenade", "."],
               [(0, 3), (7, 8)])
    assert full_name(doc, "Tan") == "Le Duc Tan"
    assert full_name(doc, "Le Duc Tan") == "Le Duc Tan"


def test_two_longer_names_leave_the_part_as_it_is():
    doc = _doc(["Hassan", "Ali", "and", "Omar", "Ali", "fled", ".", "Ali", "fired", "."], [(0, 2), (3, 5), (7, 8)])
    assert full_name(doc, "Ali") == "Ali"


def test_a_name_only_ending_in_the_same_letters_is_no_fuller_name():
    doc = _doc(["Natan", "Levy", "met", "Tan", "."], [(0, 2), (3, 4)])
    assert full_name(doc, "Tan") == "Tan"
    assert full_name(_doc(["Natan", "fired", "."], [(0, 1)]), "Tan") == "Tan"
