"""scripts/events_diff.py: which fields of which reports two exports of the same reports move,
scored with the shared scorer's own checks (made-up reports and exports)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from script_helpers import script

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_events.py"
pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason=f"no {SCORER}")

GOLD = [
    {"doc_id": "r1", "expect": "attack", "date": "2016-03-01", "country": "IQ", "place": "Tikrit",
     "killed": [4, 4], "perpetrator": "Islamic State"},
    {"doc_id": "r2", "expect": "attack", "date": "2016-03-02", "country": "IQ", "place": "Samarra", "killed": [2, 2]},
    {"doc_id": "r3", "expect": "none"},
]


def _export(path: Path, events: dict[str, list[dict]]) -> Path:
    lines = []
    for doc in ("r1", "r2", "r3"):
        lines.append({"type": "article", "id": f"a-{doc}", "url": f"urn:shardwatch-eval:{doc}"})
        for k, event in enumerate(events.get(doc, [])):
            lines.append({"type": "event", "kind": "attack", "id": f"{doc}-{k}", "article_ids": [f"a-{doc}"], **event})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _attack(place: str, killed=None, actors=()) -> dict:
    return {"date": "2016-03-01" if place == "Tikrit" else "2016-03-02", "place": {"name": place, "country": "IQ"},
            "killed": killed, "actors": [{"name": a, "role": "perpetrator"} for a in actors]}


def test_each_field_that_moved_is_counted_once_per_report(tmp_path, capsys):
    before = _export(tmp_path / "before.jsonl", {"r1": [_attack("Tikrit", 4)], "r2": [_attack("Samarra", 3)]})
    after = _export(tmp_path / "after.jsonl", {"r1": [_attack("Tikrit", 4, ["Islamic State"])],
                                               "r2": [_attack("Samarra", 2)], "r3": [_attack("Samarra")]})
    diff = script("events_diff")
    scorer = diff.load_scorer(SCORER)
    moved = diff.moves(scorer, GOLD, diff.attacks_by_report(before), diff.attacks_by_report(after))
    assert moved == [("r1", "perp", False, True), ("r2", "killed", False, True), ("r3", "false_alarm", False, True)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    diff.main([str(gold), str(before), str(before), "--scorer", str(SCORER)])
    assert capsys.readouterr().out.strip() == "no report moved"
    with pytest.raises(SystemExit, match="no file at"):
        diff.main([str(gold), str(tmp_path / "missing.jsonl"), str(after), "--scorer", str(SCORER)])
