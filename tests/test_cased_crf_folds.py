"""scripts/cased_crf_folds.py: the BIO labels read off argument offsets and what the CRF's fillers
add to the roles view's line (hand-built Docs, team-written sentences)."""

import spacy
from spacy.tokens import Doc

from script_helpers import script


def _script():
    return script("cased_crf_folds")


def test_arguments_become_bio_tags_and_the_longer_of_two_overlapping_mentions_wins():
    words = "Gunmen of the Red Dawn Front shot him near Tarvo .".split()
    doc = Doc(spacy.blank("en").vocab, words=words)
    text = doc.text
    record = {"text": text, "spans": [
        {"role": "perpetrator", "text": "Red Dawn Front", "start": text.index("Red"), "end": text.index(" shot"),
         "event": "Conflict.Attack"},
        {"role": "perpetrator", "text": "Front", "start": text.index("Front"), "end": text.index(" shot"),
         "event": "Conflict.Attack"},
        {"role": "target", "text": "him", "start": text.index("him"), "end": text.index("him") + 3,
         "event": "Conflict.Attack"},  # a pronoun: left out
        {"role": "place", "text": "Tarvo", "start": text.index("Tarvo"), "end": text.index("Tarvo") + 5,
         "event": "Conflict.Attack"},
    ]}
    mapping = list(range(len(text) + 1))
    tags = _script().labelled(record, doc, mapping)
    assert tags == ["O", "O", "O", "B-PE", "I-PE", "I-PE", "O", "O", "O", "B-PL", "O"]
    assert _script().labelled(record, doc, None) == ["O"] * len(words)


def test_a_learned_filler_is_added_only_where_the_view_lacks_its_last_word():
    view = {"perpetrator_organization": [["Red Dawn Front"]], "victim": [["two guards"]], "place": []}
    learned = {"perpetrator": [["the Front"]], "target": [["guards"], ["convoy"]], "place": [["Tarvo"]]}
    out = _script().added(view, learned)
    assert "perpetrator" not in out  # "the Front" ends with the view's "Front"
    assert out["target"] == [["convoy"]]  # "guards" is the view's victims' word
    assert out["place"] == [["Tarvo"]]
