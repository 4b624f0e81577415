"""Quality floors on a fixed subset of the real dev sets (issue 12): the records the database
holds after an ingest, scored by ``../shared/eval/score_events.py`` as ``make eval`` scores the
whole sets. A figure under its floor fails the suite, as trafilatura's CI does.

The subsets are fixed by line number: every 24th incident report (202), every 113th ACLED note
(152) and every territory summary (108). The floors sit a few points under the figures measured
when they were pinned (in the comments), so that a real regression fails and noise does not;
raise them when the figures rise. The sets themselves are never copied into the project.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from script_helpers import script

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score_events.py"
SUBSETS = {
    # name: (texts, gold, step)
    "incidents": ("data/incidents/dev.jsonl", "data/incidents/dev.gold.jsonl", 24),
    "acled": ("data/acled/dev.jsonl", "data/acled/dev.gold.jsonl", 113),
    "territory": ("data/territory/dev.jsonl", "data/territory/dev.jsonl", 1),
}

pytestmark = [pytest.mark.model, pytest.mark.skipif(not SCORER.is_file(), reason=f"no {SCORER} (../shared missing)")]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    from shardwatch.api import Shardwatch

    tmp = tmp_path_factory.mktemp("quality")
    out = {}
    for name, (texts, gold, step) in SUBSETS.items():
        source, subset_gold = tmp / f"{name}.jsonl", tmp / f"{name}.gold.jsonl"
        source.write_text("".join(line for i, line in enumerate((SHARED / texts).open(encoding="utf-8"))
                                  if i % step == 0), encoding="utf-8")
        subset_gold.write_text("".join(line for i, line in enumerate((SHARED / gold).open(encoding="utf-8"))
                                       if i % step == 0), encoding="utf-8")
        export = tmp / f"{name}.export.jsonl"
        with Shardwatch(tmp / f"{name}.db", readonly=False) as db:
            db.ingest([source])
            db.export("jsonl", out=export)
        done = subprocess.run([sys.executable, str(SCORER), str(subset_gold), str(export), "--json"],
                              check=True, capture_output=True, text=True)
        out[name] = json.loads(done.stdout)
        out[name]["map"] = _eval_events().map_scores(subset_gold.read_text(encoding="utf-8").splitlines(), export)
    return out


def _eval_events():
    return script("eval_events")


def field(score: dict, name: str) -> float:
    return score["fields"][name]["accuracy"]


def test_incident_reports_stay_above_their_floors(scores):
    s = scores["incidents"]
    assert s["detected"] >= FLOORS["incidents"]["detected"]
    assert s["record"] >= FLOORS["incidents"]["record"]
    for name in ("date", "country", "place", "killed", "wounded", "perp", "type"):
        assert field(s, name) >= FLOORS["incidents"][name], (name, field(s, name))


def test_acled_notes_stay_above_their_floors_and_false_alarms_below_their_ceiling(scores):
    s = scores["acled"]
    assert s["detected"] >= FLOORS["acled"]["detected"]
    assert field(s, "country") >= FLOORS["acled"]["country"]
    assert field(s, "place") >= FLOORS["acled"]["place"]
    assert s["false_alarm"] <= FLOORS["acled"]["false_alarm_max"]


def test_attacks_stay_on_the_map_near_their_place(scores):
    for name in ("incidents", "acled"):
        counts = scores[name]["map"]
        for key in ("located", "within_100"):
            share = 100 * counts[key] / counts["reports"]
            assert share >= FLOORS[name]["map_" + key], (name, key, share)


def test_territory_summaries_stay_above_their_floors(scores):
    kinds = scores["territory"]
    for kind in ("territory", "leadership", "attack"):
        assert kinds[kind]["f1"] >= FLOORS["territory"][kind], (kind, kinds[kind])


# Pinned 2026-11-30 on the figures measured then (in brackets); floors a few points under them.
FLOORS = {
    # incidents and ACLED raised at stop 20; incidents record, country and place raised at stop 21
    # by the place work of s21-places, then record, killed, wounded and perp by this stop's doer
    # and toll rules (subset figures of the merged stop in brackets); detected, record, date, place
    # and perp raised at stop 22 by its detection, doer, date and place rules
    # record, country, place, wounded and perp raised at stop 24 by s24-places' place rules and the
    # toll and doer rules of main: [95.05 67.3 96.4 86.4 80.5 93.6 87.1 89.9 90.7]
    # detected, record, place and perp raised at stop 25 by the described attackers, acronym groups,
    # counted blasts and s25-places' name pieces: [96.04 69.8 96.39 86.49 81.95 93.62 87.06 91.25 90.8]
    "incidents": {"detected": 92, "record": 65, "date": 93, "country": 83, "place": 78, "killed": 88,
                  "wounded": 84, "perp": 88, "type": 86,  # [94.6 64.4 96.3 84.4 75.9 92.6 82.4 88.5 90.1]
                  # the map (scripts/eval_events.map_scores), pinned at stop 42 when places the gazetteer
                  # cannot locate were shown at the unit around them: [located 98.4, within 100 km 91.8] of 61
                  "map_located": 93, "map_within_100": 86},
    # ACLED raised on branch s21-acled (detection and disorder rules): subset detected 84.0 -> 92.0,
    # false alarms 8.8 -> 5.5, country 76.5 -> 73.7 (the new detections include places the gazetteer lacks)
    # country and place raised at stop 22 on branch s22-places (villages kept as written, Burkina
    # Faso's communes): subset country 73.7 -> 89.5, place 84.2 (19 notes: one note is 5.3 points)
    # false-alarm ceiling lowered on s23-acled (crowd-size tags, monitors' labels, reactions, schools
    # burned): subset false alarms 6.6 -> 4.4 (91 notes: one note is 1.1 points), detected 92.0 unchanged
    # false-alarm ceiling lowered at stop 24 (s24-acled's feuds, warning fire, street bombs): subset
    # false alarms 4.4 -> 2.2, place 84.2 -> 89.5, detected and country unchanged
    "acled": {"detected": 88, "country": 84, "place": 78, "false_alarm_max": 5,  # [92.0 89.5 89.5; false alarms 2.2]
              # the map, pinned at stop 42 (one report is 5 points): [located 90.0, within 100 km 90.0] of 20
              "map_located": 80, "map_within_100": 75},
    # territory raised on issue 13's branches (scripts/eval_events.py --set territory): F1 [90.9 88.9 59.0];
    # attack raised at stop 21 when states' strikes became attack records: [90.9 88.9 70.3]
    # attack and territory raised on s22-13 (places of strikes, admitted strikes, place-kind qualifiers)
    # leadership raised at stop 27 (specialists, titled names the tagger calls organisations): [90.9 94.7 84.2]
    "territory": {"territory": 88, "leadership": 88, "attack": 78},  # s22-13: [90.9 88.9 82.7]
}
