"""Texts longer than the model takes at once (issue 15): annotated and extracted in pieces, never
refused, with every record's offsets pointing into the whole text."""

from __future__ import annotations

import pytest

import shardwatch.nlp.pipeline as nlp_pipeline
from shardwatch.nlp.pipeline import split_text
from shardwatch.pipeline import ingest
from shardwatch.store import Store

PARAGRAPHS = [
    "A suicide bomber killed 14 people at a checkpoint in Kirkuk on 3 March 2016, police said.",
    "Witnesses said the checkpoint had been reinforced the week before, and that traffic was heavy.",
    "Gunmen stormed a hotel in Sirte on 9 April 2016, killing 7 guards, officials said.",
    "The hotel had housed foreign workers until the previous year, a manager said by telephone.",
    "A car bomb exploded outside a mosque in Aden on 15 May 2016, killing 11 worshippers.",
    "Islamic State claimed the Aden bombing in a statement posted online the same evening.",
]


def test_split_text_joins_back_and_cuts_at_paragraphs_then_sentences():
    text = "\n\n".join(PARAGRAPHS * 4)
    pieces = split_text(text, 300)
    assert "".join(pieces) == text and len(pieces) > 5
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])  # each cut right after a line break
    one_line = " ".join(PARAGRAPHS * 4)
    assert all(p.endswith(". ") for p in split_text(one_line, 300)[:-1])
    assert split_text("x" * 1000, 300) == ["x" * 300] * 3 + ["x" * 100]  # no break anywhere: cut at the limit


@pytest.mark.model
def test_text_over_max_length_is_read_in_pieces_with_offsets_into_the_whole(tmp_path, monkeypatch):
    nlp = nlp_pipeline.get_nlp()
    text = "\n\n".join(PARAGRAPHS * 3)  # about 3,000 characters
    # The model refuses texts over max_length (spaCy E088); lowered here so a short text is "long".
    monkeypatch.setattr(nlp, "max_length", 1_200)
    monkeypatch.setattr(nlp_pipeline, "PIECE_CHARS", 400)
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    with Store(tmp_path / "long.db") as store:
        report = ingest([str(source)], store)
        assert report.failures == () and len(report.added) == 1
        article = store.article(report.added[0])
        events = store.events()
        mentions = store.article_mentions(article.id)
        claims = store.claims()
    assert article.text == text
    assert {e.place.canonical for e in events if e.place} >= {"Kirkuk", "Sirte", "Aden"}
    assert max(ev.start for e in events for ev in e.evidence) > 2 * len(text) // 3  # records from the last piece
    for record in [*events, *claims]:
        assert record.article_id == article.id
        for ev in record.evidence:
            assert (ev.article_id, text[ev.start:ev.end]) == (article.id, ev.text)
    assert mentions and all(text[m.start:m.end] == m.text for m in mentions)
    assert len({e.id for e in events}) == len(events)
