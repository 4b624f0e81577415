#!/usr/bin/env python3
"""Score the records analysts read: ingest the real dev sets and score the export.

For each set of ``../shared/data`` whose lines carry ``"url": "urn:shardwatch-eval:<doc_id>"``
(incident reports, ACLED notes, Current Events summaries on territory), runs

    shardwatch --db SCRATCH.db ingest SET.jsonl
    shardwatch --db SCRATCH.db export --format jsonl --out EXPORT.jsonl
    python3 ../shared/eval/score_events.py GOLD EXPORT.jsonl --json

in a temporary folder, and scores the export against the whole gold file and against its fixed
parts (``Part``): the rules of ``src/shardwatch/extract`` were tuned on the incident reports and
the territory summaries, so a fixed part of each (every 5th incident report from the 5th on,
every 4th territory summary from the 4th on, by line) was kept out of the tuning and is reported
apart: that part is the honest figure. The learned attack-argument tagger trains on the incident
reports of residues 0-2 only, so residue 3 (the "measuring part") shows it on reports it never
saw. ACLED's notes are for measuring only (its terms forbid
training on them): no model is trained on them, and the place rules and gazetteer coverage
tuned on them were tuned on lines ``i % 9 != 4`` only; the part ``i % 9 == 4`` is reported
apart as the measuring part.

Used by ``scripts/eval.py`` (``make eval``); runs alone as well:

    .venv/bin/python scripts/eval_events.py --shared ../shared [--acled-step N] [-j N] [--set territory]

``--set`` runs one set only (``incidents``, ``acled`` or ``territory``, the folder under
``data/``): the territory summaries take seconds, the whole run minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from shardwatch.extract.gazetteer import distance_km  # the project's .venv runs this script

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Part:
    """A fixed part of a set, by line number (0-based): ``index % modulus in residues``."""

    name: str
    modulus: int
    residues: tuple[int, ...]

    def keeps(self, index: int) -> bool:
        return index % self.modulus in self.residues


@dataclass(frozen=True)
class EventSet:
    name: str
    texts: str  # relative to --shared
    gold: str
    kind: str  # "attacks" (one attack report a line) or "events" (territory: every event a line tells)
    parts: tuple[Part, ...] = ()
    targets: dict = field(default_factory=dict)
    only: Part | None = None  # ingest and score only these lines
    env: dict = field(default_factory=dict)  # extra environment of the shardwatch commands


# The attack-argument tagger (make train; scripts/roles_corpus.py) trains on residues 0-2 and
# never on 3, so residue 3 measures the learned component on reports it never saw.
INCIDENT_PARTS = (Part("held out (every 5th, never tuned on)", 5, (4,)), Part("tuning part", 5, (0, 1, 2, 3)),
                  Part("measuring part (tuning, not trained on)", 5, (3,)))
EVENT_SETS = (
    EventSet("Incident reports dev", "data/incidents/dev.jsonl", "data/incidents/dev.gold.jsonl", "attacks",
             INCIDENT_PARTS,
             {"detected": 97, "record": 70, "country": 92, "place": 88, "killed": 92, "wounded": 90, "perp": 90,
              "type": 88}),
    # The same reports with the rules alone (no learned tagger): the comparison that decides
    # where the tagger is read (README, "the attack-argument tagger").
    EventSet("Incident reports dev, rules alone", "data/incidents/dev.jsonl", "data/incidents/dev.gold.jsonl",
             "attacks", only=INCIDENT_PARTS[2], env={"SHARDWATCH_RULES_ONLY": "1"}),
    EventSet("ACLED notes dev", "data/acled/dev.jsonl", "data/acled/dev.gold.jsonl", "attacks",
             (Part("measuring part (every 9th from the 5th, never tuned on)", 9, (4,)),
              Part("tuning part", 9, (0, 1, 2, 3, 5, 6, 7, 8))),
             {"detected": 90, "country": 85, "false_alarm": -2}),
    EventSet("Territory summaries dev", "data/territory/dev.jsonl", "data/territory/dev.jsonl", "events",
             (Part("held out (every 4th, never tuned on)", 4, (3,)), Part("tuning part", 4, (0, 1, 2))),
             {"territory": 90, "leadership": 90, "attack": 80}),
)
ATTACK_FIELDS = ("date", "country", "place", "killed", "wounded", "perp", "type")


# How near the gold's point an event must be to count as shown at the attack's place on a map, in km.
MAP_RADII = (25, 100)


@dataclass
class EventResult:
    event_set: EventSet
    docs: int
    scores: dict  # part name ("all" for the whole set) -> score_events.py --json output
    commands: list[str]
    seconds: float
    error: str | None = None
    maps: dict = field(default_factory=dict)  # part name -> map_scores()


def _run(cmd: list[str], timeout: float | None, env: dict | None = None) -> str | None:
    try:
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout,
                              env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s"
    if done.returncode != 0:
        # ingest exits 1 when some input was bad but still ingests the rest: that is no failure here
        if cmd[3:4] == ["ingest"] and done.returncode == 1:
            return None
        return f"exit status {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
    return None


def attacks_by_report(export: Path) -> dict[str, list[dict]]:
    """The attack events of an export (``shardwatch export --format jsonl``) by the report they
    came from (its ``urn:shardwatch-eval:<doc_id>``): every exported report, with none or more."""
    article_doc: dict[str, str] = {}
    with export.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        if record.get("type") == "article":
            article_doc[record["id"]] = (record.get("url") or "").rsplit(":", 1)[-1]
    out: dict[str, list[dict]] = {doc: [] for doc in article_doc.values()}
    for record in records:
        if record.get("type") == "event" and record.get("kind") == "attack":
            for article_id in record.get("article_ids", ()):
                out.setdefault(article_doc.get(article_id, ""), []).append(record)
    return out


def map_scores(gold_lines: list[str], export: Path) -> dict:
    """Where the map shows the attacks: of the attack reports given an attack whose gold has
    coordinates, how many have an attack event with coordinates, and one within each of MAP_RADII
    km of the gold's point (score_events.py scores names; this scores the points a map draws)."""
    points = {doc: [(e["place"]["lat"], e["place"]["lon"]) for e in events
                    if (e.get("place") or {}).get("lat") is not None and e["place"].get("lon") is not None]
              for doc, events in attacks_by_report(export).items() if events}  # reports given an attack
    counts = {"reports": 0, "located": 0, **{f"within_{r}": 0 for r in MAP_RADII}}
    for line in gold_lines:
        gold = json.loads(line)
        if gold.get("expect") != "attack" or gold.get("lat") is None or gold["doc_id"] not in points:
            continue
        counts["reports"] += 1
        distances = [distance_km(gold["lat"], gold["lon"], lat, lon) for lat, lon in points[gold["doc_id"]]]
        counts["located"] += bool(distances)
        for radius in MAP_RADII:
            counts[f"within_{radius}"] += any(d <= radius for d in distances)
    return counts


def _subset(lines: list[str], keep, step: int) -> list[str]:
    return [line for i, line in enumerate(lines) if i % step == 0 and keep(i)]


def run_set(event_set: EventSet, shared: Path, tmp: Path, *, processes: int, step: int,
            timeout: float | None) -> EventResult:
    exe = Path(sys.executable).parent / "shardwatch"
    texts = (shared / event_set.texts).read_text(encoding="utf-8").splitlines()
    golds = (shared / event_set.gold).read_text(encoding="utf-8").splitlines()
    stem = event_set.texts.split("/")[-2] + ("-" + event_set.only.name.split()[0] if event_set.only else "")
    keep = event_set.only.keeps if event_set.only else (lambda i: True)
    texts = [t if keep(i) else None for i, t in enumerate(texts)]
    source = tmp / f"{stem}.jsonl"
    source.write_text("\n".join(t for t in _subset(texts, keep, step)) + "\n", encoding="utf-8")
    db, export = tmp / f"{stem}.db", tmp / f"{stem}.export.jsonl"
    ingest = [str(exe), "--db", str(db), "ingest", str(source)]
    if processes > 1:
        ingest += ["-j", str(processes)]
    commands = [ingest, [str(exe), "--db", str(db), "export", "--format", "jsonl", "--out", str(export)]]
    reports = len(_subset(texts, keep, step))
    print(f"{event_set.name}: ingesting {reports} reports", file=sys.stderr, flush=True)
    start = time.perf_counter()
    for cmd in commands:
        error = _run(cmd, timeout, event_set.env)
        if error:
            return EventResult(event_set, reports, {}, [], time.perf_counter() - start, error)
    seconds = time.perf_counter() - start
    scorer = shared / "eval" / "score_events.py"
    scores, maps = {}, {}
    for part in (Part("all", 1, (0,)), *event_set.parts):
        gold = tmp / f"{stem}.{len(scores)}.gold.jsonl"
        part_golds = _subset(golds, lambda i, part=part: keep(i) and part.keeps(i), step)
        gold.write_text("\n".join(part_golds) + "\n", encoding="utf-8")
        out = subprocess.run([sys.executable, str(scorer), str(gold), str(export), "--json"], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        scores[part.name] = json.loads(out)
        if event_set.kind == "attacks":
            maps[part.name] = map_scores(part_golds, export)
    prefix = "".join(f"{k}={v} " for k, v in event_set.env.items())
    shown = [prefix + " ".join(Path(a).name if a.startswith(str(tmp)) or a == str(exe) else a for a in cmd)
             for cmd in commands]
    shown.append(f"python3 ../shared/eval/score_events.py ../shared/{event_set.gold} {export.name}")
    return EventResult(event_set, reports, scores, shown, seconds, maps=maps)


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.1f}"


def _target(event_set: EventSet, key: str) -> str:
    aim = event_set.targets.get(key)
    if aim is None:
        return ""
    return f" (≤ {-aim})" if aim < 0 else f" (≥ {aim})"


def markdown(results: list[EventResult]) -> list[str]:
    out = ["", "## Records from real reports (`score_events.py`)", "",
           "The events the database holds after `shardwatch ingest` of each real dev set, exported "
           "and scored by `../shared/eval/score_events.py` (what each figure means is in its "
           "docstring). Targets of issue 12/13 in brackets. The rules were tuned on the tuning parts "
           "only; the held-out parts were never looked at.", ""]
    attack_rows = [r for r in results if r.event_set.kind == "attacks"]
    if attack_rows:
        out += ["| set | part | reports | detected | record | " + " | ".join(ATTACK_FIELDS) + " | false alarms |",
                "|---|---|---:|" + "---:|" * (len(ATTACK_FIELDS) + 3)]
        for r in attack_rows:
            if r.error:
                out.append(f"| {r.event_set.name} | all | {r.docs} | not run: {r.error} |")
                continue
            for part, s in r.scores.items():
                fields = s.get("fields", {})
                cells = [f"{_fmt(fields.get(f, {}).get('accuracy'))}{_target(r.event_set, f) if part == 'all' else ''}"
                         for f in ATTACK_FIELDS]
                target = (lambda k: _target(r.event_set, k) if part == "all" else "")
                out.append(f"| {r.event_set.name} | {part} | {s['reports']} | {_fmt(s.get('detected'))}{target('detected')} "
                           f"| {_fmt(s.get('record'))}{target('record')} | " + " | ".join(cells)
                           + f" | {_fmt(s.get('false_alarm'))}{target('false_alarm')} |")
    mapped = [r for r in attack_rows if r.maps]
    if mapped:
        out += ["", "Where the map shows them (`map_scores` in `scripts/eval_events.py`): of the attack reports "
                "given an attack whose gold has coordinates, the share with an attack event that has "
                "coordinates (a place the gazetteer cannot locate is shown at the unit around it, at that "
                "unit's precision: `extract/place_coordinates.py`), and with one within "
                + " and ".join(f"{r} km" for r in MAP_RADII) + " of the gold's point. Before places were "
                "shown at the unit around them (commit 17cc7fc against c4f013c), ACLED's tuning part, ingested in 12 "
                "slices (slice k: every 12th tuning line from the k-th, each ingested alone into a scratch database, "
                "exported and read by `map_scores`), had 42.0% located, 32.0% within 25 km and 35.1% within 100 km (after: 95.3, 44.5, 72.3; "
                "ingested whole, as below, the corpus names more villages); incidents dev residues 0-3 96.6, 93.5 "
                "and 94.8 (after: 99.1, 95.2, 96.5). Such a point has precision 2 (region) or 3 (country) and names "
                "its unit in `place.located_at`.", "",
                "| set | part | reports | located | " + " | ".join(f"within {r} km" for r in MAP_RADII) + " |",
                "|---|---|---:|---:|" + "---:|" * len(MAP_RADII)]
        for r in mapped:
            for part, m in r.maps.items():
                share = (lambda k: _fmt(100 * m[k] / m["reports"]) if m["reports"] else "-")
                out.append(f"| {r.event_set.name} | {part} | {m['reports']} | {share('located')} | "
                           + " | ".join(share(f"within_{radius}") for radius in MAP_RADII) + " |")
    for r in (r for r in results if r.event_set.kind == "events"):
        out += ["", f"### {r.event_set.name}", ""]
        if r.error:
            out.append(f"Not run: {r.error}")
            continue
        out += ["| part | kind | P | R | F1 | predicted | gold |", "|---|---|---:|---:|---:|---:|---:|"]
        for part, s in r.scores.items():
            for kind, k in s.get("kinds", s).items():
                if not isinstance(k, dict) or "f1" not in k:
                    continue
                out.append(f"| {part} | {kind}{_target(r.event_set, kind) if part == 'all' else ''} | {_fmt(k['precision'])} "
                           f"| {_fmt(k['recall'])} | **{_fmt(k['f1'])}** | {k['predicted']} | {k['gold']} |")
        attrs = r.scores.get("all", {}).get("attributes")
        if attrs:
            out += ["", "Attributes of matched events (all): " + json.dumps(attrs)]
    for r in results:
        if r.commands:
            out += ["", f"{r.event_set.name} ({r.docs} reports, {r.seconds:.0f} s to ingest and export):",
                    "", "```sh", *r.commands, "```"]
    return out


def text(results: list[EventResult]) -> str:
    return "\n".join(markdown(results))


def set_folder(event_set: EventSet) -> str:
    """The set's folder under ``data/`` (``territory``), the name ``--set`` takes."""
    return event_set.texts.split("/")[-2]


def run_all(shared: Path, *, processes: int = 1, acled_step: int = 1, timeout: float | None = None,
            only: tuple[str, ...] = ()) -> list[EventResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="shardwatch-eval-events-") as tmp:
        for event_set in EVENT_SETS:
            if only and set_folder(event_set) not in only:
                continue
            if not (shared / event_set.texts).is_file():
                continue
            step = acled_step if event_set.texts.startswith("data/acled") else 1
            if step == 0:
                continue
            results.append(run_set(event_set, shared, Path(tmp), processes=processes, step=step, timeout=timeout))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--processes", "-j", type=int, default=1, metavar="N", help="ingest processes (default: 1)")
    parser.add_argument("--acled-step", type=int, default=1, metavar="N",
                        help="ingest every N-th ACLED note (default: 1, all 17,078; 0 to skip)")
    parser.add_argument("--set", dest="sets", action="append", default=[],
                        choices=list(dict.fromkeys(set_folder(s) for s in EVENT_SETS)),
                        help="run this set only (repeatable; default: all)")
    args = parser.parse_args()
    print(text(run_all(args.shared, processes=args.processes, acled_step=args.acled_step,
                       only=tuple(args.sets))))


if __name__ == "__main__":
    main()
