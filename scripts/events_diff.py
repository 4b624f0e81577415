#!/usr/bin/env python3
"""Compare two exports of the same real dev reports, report by report, against their gold.

For each report, the fields ``../shared/eval/score_events.py`` checks (its own ``checks``, on the
best event as it picks it: the one agreeing with the gold on most of country, place and date),
plus ``detected``, ``named_unknown`` (a perpetrator named where the gold has none) and, for
notes the gold expects no attack in, ``false_alarm``. Prints how many reports each field moved
in, right -> wrong or wrong -> right (``None``: not scored), and with ``--list`` each report
that moved. This is how the rules' figures "N more reports right" in ``src/shardwatch/extract``
were counted: two scratch databases, one ingested by each commit (``PYTHONPATH`` of a worktree),
exported, then

    .venv/bin/python scripts/events_diff.py ../shared/data/incidents/dev.gold.jsonl BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eval_events import attacks_by_report
from roles_bootstrap import load_scorer  # loads any of the shared scorers as a module

ROOT = Path(__file__).resolve().parent.parent


def report_fields(scorer, gold: dict, events: list[dict]) -> dict:
    """What the scorer finds right of one report's attack events."""
    if gold.get("expect", "attack") == "none":
        return {"false_alarm": bool(events)}
    if gold.get("expect", "attack") != "attack":
        return {}
    if not events:
        return {"detected": False}
    best = max(events, key=lambda e: sum(v for k, v in scorer.checks(gold, e).items() if k in ("country", "place", "date")))
    out = {"detected": True, **scorer.checks(gold, best)}
    out["named_unknown"] = not gold.get("perpetrator") and any(
        (a.get("role") or "").startswith("perpetrator") for a in best.get("actors") or [])
    return out


def moves(scorer, golds: list[dict], before: dict, after: dict) -> list[tuple[str, str, object, object]]:
    """(report, field, before, after) for every field of every report that changed."""
    out = []
    for gold in golds:
        doc = gold["doc_id"]
        if doc not in before and doc not in after:
            continue
        a, b = report_fields(scorer, gold, before.get(doc, [])), report_fields(scorer, gold, after.get(doc, []))
        out += [(doc, key, a.get(key), b.get(key)) for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)]
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="the set's gold (dev.gold.jsonl)")
    parser.add_argument("before", type=Path, help="export of the first run")
    parser.add_argument("after", type=Path, help="export of the second run")
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score_events.py")
    parser.add_argument("--list", action="store_true", help="print each report that moved")
    args = parser.parse_args(argv)
    for path in (args.gold, args.before, args.after, args.scorer):
        if not path.is_file():
            raise SystemExit(f"no file at {path}")
    scorer = load_scorer(args.scorer)
    golds = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    changed = moves(scorer, golds, attacks_by_report(args.before), attacks_by_report(args.after))
    if args.list:
        for doc, key, a, b in changed:
            print(f"{doc}\t{key}\t{a} -> {b}")
    for (key, a, b), n in sorted(Counter((k, a, b) for _, k, a, b in changed).items(), key=str):
        print(f"{key}: {a} -> {b}: {n} reports")
    if not changed:
        print("no report moved")


if __name__ == "__main__":
    main()
