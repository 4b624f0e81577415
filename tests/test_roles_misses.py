"""scripts/roles_misses.py: each gold filler is put in the first class of miss it fits."""

from shardwatch.learn.spans import Candidate
from script_helpers import script


def _classify():
    return script("roles_misses").classify


TEXT = ("urban guerrillas of the red dawn front shot the mayor of villa nueva and a clerk. "
        "the attackers fled toward the hills with a stolen truck.")


def test_a_filler_kept_under_tau_and_never_seen_are_told_apart():
    classify = _classify()
    cands = [Candidate("victim", "the mayor", 0.9), Candidate("victim", "a clerk", 0.1)]
    gold = [["the mayor", "mayor of villa nueva"], ["a clerk"], ["the driver"], ["villa nueva"]]
    got = classify(gold, ["the mayor"], cands, "victim", TEXT, 0.15)
    # the driver is named nowhere; villa nueva is in the text but no candidate is near it
    assert got == {"matched": 1, "under_tau": 1, "not_in_text": 1, "never": 1}


def test_a_longer_span_of_the_head_word_is_a_wrong_span_and_another_roles_tag_is_counted_apart():
    classify = _classify()
    cands = [Candidate("perpetrator_individual", "urban guerrillas", 0.8),
             Candidate("perpetrator_organization", "the attackers", 0.4),
             Candidate("perpetrator_individual", "the red dawn front", 0.5)]
    gold = [["guerrillas"], ["the attackers"], ["red dawn front"]]
    got = classify(gold, ["urban guerrillas"], cands, "perpetrator_individual", TEXT, 0.15)
    # "the red dawn front" scored above tau and matches, yet was not kept: dropped
    assert got == {"wrong_span": 1, "other_role": 1, "dropped": 1}
