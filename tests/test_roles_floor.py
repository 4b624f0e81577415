"""Quality floors of the ``roles`` view of attack events on fixed subsets of the real dev sets,
scored by ``../shared/eval/score_roles.py`` as ``make eval`` scores the whole sets: all 20
WikiEvents dev documents and every 8th MUC-4 dev text (25). A figure under its floor fails the
suite. The floors sit a few points under the figures measured when they were pinned (in the
comments), so that a real regression fails and noise does not; raise them when the figures
rise. Nothing is tuned on these sets, and they are never copied into the project.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score_roles.py"
WIKIEVENTS_MERGES = {"perpetrator": ["perpetrator", "perpetrator_individual", "perpetrator_organization"],
                     "target": ["target", "victim"]}
# Pinned 2026-11-30 (commit of this file): WikiEvents dev micro F1 30.86, MUC-4 dev every 8th 35.21.
# WikiEvents raised 28 -> 30 when the filler chooser's perpetrators took it to 32.34 (stop 23).
# MUC-4 raised 32 -> 44 when the CRF's features v2 and its one organisation per text took the
# subset to 47.33 (stop 24); 44 -> 48 when the document gate of lower-cased text took it to
# 51.20 (stop 25); 48 -> 52 when the CRF's word classes (features v3) took it to 56.69 (stop 44).
FLOORS = {"wikievents": 30.0, "muc4": 52.0}

pytestmark = [pytest.mark.model, pytest.mark.skipif(not SCORER.is_file(), reason=f"no {SCORER} (../shared missing)")]


def _scorer():
    spec = importlib.util.spec_from_file_location("score_roles", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _micro_f1(name: str, step: int, **options) -> float:
    from shardwatch.extract.roles import role_lines

    scorer = _scorer()
    records = [json.loads(line) for i, line in enumerate((SHARED / "data" / name / "dev.jsonl").open(encoding="utf-8"))
               if i % step == 0]
    gold = {str(r["doc_id"]): r.get("roles") or {} for r in records}
    pred = {str(line["doc_id"]): line["roles"] for line in role_lines((r["doc_id"], r["text"]) for r in records)}
    assert set(pred) == set(gold)  # a line for every document, found or not
    return scorer.score(gold, pred, **options)["micro_avg"]["f1"]


def test_roles_on_wikievents_dev_stay_above_their_floor():
    f1 = _micro_f1("wikievents", 1, merges=WIKIEVENTS_MERGES, suffix=True)
    assert f1 >= FLOORS["wikievents"], f1


def test_roles_on_muc4_dev_stay_above_their_floor():
    f1 = _micro_f1("muc4", 8)
    assert f1 >= FLOORS["muc4"], f1
