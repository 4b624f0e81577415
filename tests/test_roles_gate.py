"""The document gate of lower-cased text (``learn.gate``): its rule without a model, then the
shipped gate on short texts written for this test."""

from __future__ import annotations

import pytest

from shardwatch.learn.gate import GateSettings
from shardwatch.learn.spans import Candidate
from shardwatch.learn.tagger import Settings, choose_fillers

GATE = GateSettings(threshold=0.6, weight=0.5, min_score=0.7)


def test_a_text_the_gate_and_the_crf_find_relevant_keeps_every_candidate():
    assert GATE.floor(0.9, 0.5) == 0.0  # relevance 0.7
    assert GATE.floor(0.3, 0.95) == 0.0  # relevance 0.625: a sure candidate carries a doubtful text


def test_a_text_neither_finds_relevant_keeps_only_sure_candidates():
    assert GATE.floor(0.4, 0.6) == 0.7  # relevance 0.5
    assert GateSettings(threshold=0.6, weight=1.0, min_score=0.8).floor(0.5, 0.99) == 0.8  # the gate alone


def test_the_floor_drops_the_candidates_under_it():
    cands = [Candidate("perpetrator_individual", "guerrillas", 0.55, 2, 1),
             Candidate("weapon", "car bomb", 0.82, 1, 2)]
    text = "guerrillas set off a car bomb, the guerrillas said."
    kept = choose_fillers(cands, text, Settings(tau=0.15))
    assert [c.text for c in kept["perpetrator_individual"]] == ["guerrillas"]
    gated = choose_fillers(cands, text, Settings(tau=0.15), floor=0.7)
    assert gated["perpetrator_individual"] == [] and [c.text for c in gated["weapon"]] == ["car bomb"]


@pytest.mark.model
def test_the_shipped_gate_tells_an_attack_report_from_a_speech():
    from shardwatch.learn.gate import gate_settings, probability

    assert gate_settings() is not None
    attack = ("terrorists of the shining path detonated a dynamite charge at a power station in lima "
              "yesterday. the explosion killed a guard, carlos mendoza.")
    speech = ("the president said in a speech on tuesday that the government will not negotiate with the "
              "guerrillas while they keep hurting the economy. he asked the church to help bring peace.")
    assert probability(attack) > gate_settings().threshold > probability(speech)


@pytest.mark.model
def test_a_doubtful_filler_of_a_text_that_tells_no_incident_is_dropped():
    from shardwatch.extract.roles import role_lines
    from shardwatch.learn.gate import gate_settings, probability
    from shardwatch.learn.tagger import default_tagger
    from shardwatch.nlp import annotate

    # A minister's account of last year's attacks: MUC-4 would fill no template for it, yet the
    # CRF reads its "guerrillas" as doers (with a score under 0.7).
    text = ("the minister said the budget for the police will grow next year. he recalled that guerrillas "
            "attacked several towns in the past and said the rebels still have arms hidden in the mountains.")
    (doc,) = annotate([text])
    ungated = default_tagger().roles(doc)
    assert [c.text for c in ungated["perpetrator_individual"]] == ["guerrillas"]
    assert ungated["perpetrator_individual"][0].score < gate_settings().min_score
    gated = default_tagger().roles(doc, gate=gate_settings(), probability=probability(text))
    assert gated["perpetrator_individual"] == []
    (line,) = role_lines([("speech", text)])
    assert all(line["roles"][role] == [] for role in
               ("perpetrator_individual", "perpetrator_organization", "target", "victim", "weapon"))
