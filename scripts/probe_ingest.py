"""Hostile-input probe of ingest (issue 15): seeded batches of good and bad inputs, each batch
ingested by the installed ``shardwatch`` command into a fresh database, and the figures that
matter counted: good inputs lost, bad inputs not named on exactly one line, runs that crashed.

The inputs are those of ``tests/test_ingest_fuzz.py`` (the same generator, other seeds):

    .venv/bin/python scripts/probe_ingest.py --batches 8 --inputs 250
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _fuzz_module():
    sys.path.insert(0, str(ROOT / "tests"))
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "tests" / "test_ingest_fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=8, help="batches, each with its own seed")
    parser.add_argument("--inputs", type=int, default=250, help="inputs a batch")
    parser.add_argument("--seed", type=int, default=1000, help="seed of the first batch")
    args = parser.parse_args()
    fuzz = _fuzz_module()
    script = Path(sys.executable).with_name("shardwatch")
    totals = dict(inputs=0, good=0, warned=0, bad=0, good_lost=0, bad_unnamed=0, named_twice=0, crashes=0)
    for batch in range(args.batches):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "inputs"
            folder.mkdir()
            corpus = fuzz.Corpus(folder, random.Random(args.seed + batch))
            for generator in fuzz.GENERATORS:
                generator(corpus)
            for _ in range(args.inputs - len(fuzz.GENERATORS)):
                corpus.rng.choice(fuzz.GENERATORS)(corpus)
            db = Path(tmp) / "probe.db"
            proc = subprocess.run([str(script), "--db", str(db), "ingest", str(folder)], capture_output=True,
                                  text=True, timeout=1800)
            lines = proc.stderr.splitlines()
            errors = fuzz.named(lines, "error: ")
            # a crash: the run ended with the CLI's one line for an exception nothing caught
            crashed = proc.returncode not in (0, 1) or any(line.startswith("error: unexpected ") for line in lines)
            stored = set()
            if db.exists():
                from shardwatch.store import Store

                with Store(db, readonly=True) as store:
                    stored = {a.path for a in store.articles()}
            good = corpus.good | corpus.warned
            totals["inputs"] += len(good) + len(corpus.bad)
            totals["good"] += len(corpus.good)
            totals["warned"] += len(corpus.warned)
            totals["bad"] += len(corpus.bad)
            totals["good_lost"] += len(good - stored)
            totals["bad_unnamed"] += len(corpus.bad - set(errors))
            totals["named_twice"] += sum(1 for n in errors.values() if n > 1)
            totals["crashes"] += int(crashed)
            print(f"batch {batch + 1}: exit {proc.returncode}, {len(good)} good ({len(good - stored)} lost), "
                  f"{len(corpus.bad)} bad ({len(corpus.bad - set(errors))} not named)", flush=True)
    print(" ".join(f"{key}={value}" for key, value in totals.items()))


if __name__ == "__main__":
    main()
