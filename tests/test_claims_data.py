"""The claim data files: measures, cue words and the reference series parse and agree."""

from __future__ import annotations

import re

from shardwatch.analyse import reference_points
from shardwatch.data import load_jsonl


def test_measures_have_unique_ids_and_the_fields_matching_needs():
    measures = load_jsonl("measures.jsonl")
    ids = [m["id"] for m in measures]
    assert len(ids) == len(set(ids))
    for m in measures:
        assert m["match"] and m["kind"] in {"stock", "cumulative", "flow", "share", "event"}
        assert 0 <= m["tolerance"] < 1 and m["window_days"] >= 0 and isinstance(m["comparable"], bool)
    required = {"fighters_remaining", "fighters_killed", "foreign_fighters_travelled", "foreign_fighters_returned",
                "territory_held", "territory_lost_share", "salary_monthly", "revenue_monthly", "leaders_killed",
                "attack_killed"}
    assert required <= set(ids)


def test_every_reference_measure_is_a_known_measure():
    ids = {m["id"] for m in load_jsonl("measures.jsonl")}
    assert {p.measure for p in reference_points()} <= ids


def test_claim_cues_parse():
    cues = load_jsonl("claim_cues.jsonl")
    kinds = {c["kind"] for c in cues}
    assert {"reporting_verb", "document_noun", "title", "human_noun", "skip_after", "basis", "org_noun"} <= kinds
    for cue in cues:
        if cue["kind"] == "basis":
            re.compile(cue["pattern"])
