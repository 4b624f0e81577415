"""The learned attack-argument tagger: its spans, how the attack frame and the roles view read them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from shardwatch.extract.attack_places import best_place as _best_place
from shardwatch.learn.arguments import document_roles
from shardwatch.nlp.arguments import SPAN_KEY, argument_model, argument_spans
from shardwatch.types import Mention, Place

from extract_helpers import events_of


def _doc(words: list[str], spans: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.spans[SPAN_KEY] = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def _place(doc: Doc, start: int, end: int, precision: int) -> Mention:
    span = doc[start:end]
    return Mention("a", span.start_char, span.end_char, span.text, "GPE", place=Place(
        name=span.text, canonical=span.text, country="IQ", lat=None, lon=None, gazetteer_id=None,
        precision=precision))


def test_argument_spans_by_label_and_absent_when_the_tagger_did_not_run():
    doc = _doc(["Gunmen", "attacked", "Tikrit", "."], [(0, 1, "PERPETRATOR"), (2, 3, "PLACE")])
    assert [s.text for s in argument_spans(doc, "PLACE")] == ["Tikrit"]
    assert len(argument_spans(doc)) == 2
    assert argument_spans(Doc(doc.vocab, words=["Quiet", "day"])) == []


def test_the_tagged_place_breaks_a_tie_but_never_beats_a_finer_place():
    # "A bomb hit a market in Ramadi and in Hit": two towns, the tagger marks the second one as
    # the attack's; with no mark the first of equals wins; a province never beats a town.
    words = ["A", "bomb", "hit", "a", "market", "in", "Ramadi", "and", "in", "Hit", ",", "Anbar", "."]
    doc = _doc(words, [(9, 10, "PLACE"), (11, 12, "PLACE")])
    first, second = _place(doc, 6, 7, precision=1), _place(doc, 9, 10, precision=1)
    province = _place(doc, 11, 12, precision=2)
    tagged = frozenset((s.start_char, s.end_char) for s in argument_spans(doc, "PLACE"))
    assert _best_place([first, second, province], tagged) is second
    assert _best_place([first, second, province]) is first
    assert _best_place([first, province], frozenset({(province.start, province.end)})) is first
    assert _best_place([], tagged) is None


def test_document_roles_group_mentions_of_one_entity_and_rank_by_mentions():
    words = ("Militants of the Eastern Front shelled Ayn Dara . Later the Eastern Front said its "
             "fighters shelled the village again , and a mortar hit Ayn Dara").split()
    doc = _doc(words, [(2, 5, "PERPETRATOR"), (6, 8, "PLACE"), (11, 13, "PERPETRATOR"),
                       (14, 15, "PERPETRATOR"), (15, 16, "PERPETRATOR"), (23, 24, "WEAPON"),
                       (25, 27, "PLACE")])
    roles = document_roles(doc)
    # "the Eastern Front" and "Eastern Front" are one entity, named twice; "its" is no filler
    assert [(f.text, f.count) for f in roles["perpetrator"]] == [("the Eastern Front", 2), ("fighters", 1)]
    assert [f.text for f in roles["place"]] == ["Ayn Dara"]
    assert [f.text for f in roles["weapon"]] == ["mortar"]
    assert roles["target"] == []


@pytest.mark.model
@pytest.mark.parametrize("text, doer", [
    # the doer named in a later sentence, by phrasings the rules do not read; with
    # SHARDWATCH_RULES_ONLY=1 (no tagger) both attacks come out with no perpetrator
    ("Mortar rounds were fired at a police post in Quibdo, wounding three officers. "
     "The ELN is blamed for the attack.", "eln"),
    ("A bomb hidden in a cart killed six people at a bus stop in Batticaloa. Attack carried out by LTTE.",
     "ltte"),
])
def test_the_tagger_names_the_doer_the_rules_missed(text, doer):
    assert argument_model() is not None, "the package ships data/models/roles_ner"
    [attack] = events_of(text, kind="attack")
    assert {a.actor_id for a in attack.actors if a.role == "perpetrator"} == {doer}


@pytest.mark.model
def test_the_shipped_tagger_marks_the_place_of_an_attack_named_by_its_place():
    from shardwatch.nlp import annotate

    [doc] = annotate(["The Kandi market bombing killed 14 people."])
    assert [(s.text, s.label_) for s in argument_spans(doc)] == [("Kandi", "PLACE")]
