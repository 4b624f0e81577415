"""The map measure of ``scripts/eval_events.py``: how many attacks a map shows near their place.

Records written by the team (two reports, made-up ids, real town coordinates)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _eval_events():
    scripts = str(Path(__file__).resolve().parents[1] / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import eval_events

    return eval_events


def _article(doc_id: str) -> dict:
    return {"type": "article", "id": f"a-{doc_id}", "url": f"urn:shardwatch-eval:{doc_id}"}


def _attack(doc_id: str, lat: float | None, lon: float | None) -> dict:
    return {"type": "event", "kind": "attack", "article_ids": [f"a-{doc_id}"],
            "place": {"name": "x", "lat": lat, "lon": lon, "precision": 2}}


def test_map_scores_counts_reports_by_the_nearest_point_of_their_attacks(tmp_path):
    export = tmp_path / "export.jsonl"
    records = [_article("djibo"), _article("dori"), _article("none"), _article("quiet"),
               # Djibo's report: one event 400 km off, one 40 km off (the nearer counts)
               _attack("djibo", 12.37, -1.52), _attack("djibo", 14.40, -1.45),
               # Dori's report: an event with no coordinates only
               _attack("dori", None, None),
               # a report the gold says told no attack is not counted
               _attack("quiet", 14.0, -0.03)]
    export.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    gold = [json.dumps(g) for g in (
        {"doc_id": "djibo", "expect": "attack", "lat": 14.10, "lon": -1.63},
        {"doc_id": "dori", "expect": "attack", "lat": 14.03, "lon": -0.03},
        {"doc_id": "none", "expect": "attack", "lat": 13.0, "lon": -1.0},  # given no attack: left out
        {"doc_id": "nogps", "expect": "attack", "lat": None, "lon": None},
        {"doc_id": "quiet", "expect": "none", "lat": 14.0, "lon": -0.03})]
    counts = _eval_events().map_scores(gold, export)
    assert counts == {"reports": 2, "located": 1, "within_25": 0, "within_100": 1}
