"""Stage 1's three answers and the shipped classifier of stage 2 (shardwatch.triage, issue 16).

Every sentence here was written for these tests."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from shardwatch.triage import relevance
from shardwatch.triage.cascade import CASCADE_VERSION, MAX_SENTENCES, candidate_sentences, screen
from shardwatch.triage.classifier import LABEL, classify, model_path, model_text, scores, settings

ROOT = Path(__file__).resolve().parent.parent


def test_stage_1_clear_irrelevance_needs_no_cue_and_no_context_word():
    found = screen("The orchestra played two symphonies and the audience stood to applaud.")
    assert found == screen("The orchestra played two symphonies and the audience stood to applaud.")
    assert found.relevant is False and found.reason == "stage 1: no cue or context word"


def test_stage_1_clear_relevance_strong_cue_with_context():
    found = screen("A suicide bomber killed nine people at a checkpoint.")
    assert found.relevant is True and found.reason.startswith("stage 1: strong cue")


def test_stage_1_clear_relevance_cue_with_an_armed_group():
    # a territory cue with an alias of an organisation of actors.jsonl
    assert screen("Villagers say ISIL lost control of the dam on Friday.").relevant is True
    # a state force (the Pentagon) is no armed group: the classifier decides
    assert screen("The Pentagon said the new jets will take control of the budget.").relevant is None


def test_stage_1_leaves_the_middle_to_stage_2_with_only_the_candidate_sentences():
    text = ("The home side's attack looked sharp all afternoon. The weather was fine.\n"
            "Their goalkeeper was hurt in the second half.")
    found = screen(text)
    assert found.relevant is None and found.reason == ""
    # the sentence with no cue or context word is not read by the classifier
    assert found.sentences == ("The home side's attack looked sharp all afternoon.",
                               "Their goalkeeper was hurt in the second half.")
    assert [start for start, _ in candidate_sentences(text)] == [0, text.index("Their")]


def test_stage_2_reads_at_most_max_sentences():
    text = " ".join(f"The striker attacked the far post in game {n}." for n in range(MAX_SENTENCES + 10))
    assert len(screen(text).sentences) == MAX_SENTENCES


def test_shipped_model_is_a_small_tokenizer_and_textcat_without_the_parser():
    path = model_path()
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert meta["pipeline"] == ["textcat"]
    assert set(meta["labels"]["textcat"]) == {LABEL, "other"}
    # weights only: the string table (the training words) is not shipped
    assert not (path / "vocab").exists()
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 3 * 1024 * 1024


def test_settings_hold_the_chosen_threshold_and_the_cascade_version():
    found = settings()
    assert 0.0 < found.threshold < 1.0
    assert found.version == CASCADE_VERSION
    curve = json.loads((model_path().parent / "relevance.json").read_text(encoding="utf-8"))["curve"]
    assert any(row["threshold"] == found.threshold for row in curve)


def test_model_text_is_lower_case_with_single_spaces():
    assert model_text("Gunmen\n\tOPENED fire") == "gunmen opened fire"


def test_classifier_scores_an_attack_above_and_business_news_below_the_threshold():
    threshold = settings().threshold
    attack, business = scores(["Armed men from a rival clan clashed with herders near the well, leaving several injured.",
                               "The company said the merger would kill competition in the market."])
    assert attack >= threshold > business
    assert scores([]) == []
    score, sentence, _ = classify(["The weather was fine.", "Police recovered the body of a teacher dumped beside the road."])
    assert sentence.startswith("Police") and score >= threshold


def test_relevance_names_the_stage_that_decided():
    assert relevance("Police recovered the body of a teacher dumped beside the road.").reason.startswith("stage 2: classifier")
    assert relevance("Gunmen killed four farmers near the river.").reason.startswith("stage 1:")


def _triage_data():
    spec = importlib.util.spec_from_file_location("triage_data", ROOT / "scripts/triage_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_splits_keep_the_held_out_parts_apart():
    data = _triage_data()
    assert [data.incidents_part(i) for i in range(10)] == ["train"] * 3 + ["tune", "heldout"] + ["train"] * 3 + ["tune", "heldout"]
    assert [data.territory_part(i) for i in range(4)] == ["train", "train", "tune", "heldout"]
    # a BBC file's part follows its text, not its layout: duplicates fall in one part
    text = "Shares rose sharply on Monday.\nThe bank said profits were up."
    assert data.bbc_part(text) == data.bbc_part("  Shares rose sharply on Monday. The bank said  profits were up.\n")
    parts = {data.bbc_part(f"Article number {n} about the markets.") for n in range(200)}
    assert parts == {"train", "tune", "heldout"}


def test_training_config_is_a_bag_of_words_textcat():
    from spacy.util import load_config

    config = load_config(ROOT / "configs/triage.cfg")
    assert config["nlp"]["pipeline"] == ["textcat"]
    assert config["components"]["textcat"]["model"]["@architectures"] == "spacy.TextCatBOW.v3"
    assert "tok2vec" not in config["components"]


@pytest.mark.parametrize("text", [
    # the lexicon alone passed these (a strong cue decided); the classifier keeps them out
    "Her character dies in the second series, the producers said.",
    "The company said the merger would kill competition in the market.",
])
def test_stage_2_rejects_what_a_strong_cue_alone_passed(text):
    found = relevance(text)
    assert not found.relevant and found.reason.startswith("stage 2")
