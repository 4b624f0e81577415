"""How sure a role-filler figure is: bootstrap intervals over documents, and paired comparisons.

MUC-4 dev has 200 texts and WikiEvents dev 20; a micro F1 read on so few moves by several points
when other texts of the same kind are drawn. This resamples the documents (with repeats, as many
as there are) and rescores each sample with the shared scorer's own matching
(``../shared/eval/score_roles.py``, imported, not rewritten: each document's matched, predicted
and gold counts come from its ``score``), so that ``make eval`` can give each figure a 95%
interval, and a change can be read against its baseline on the same samples (a paired bootstrap:
the two predictions are scored on each sample together, which removes the documents' own
difficulty from the difference).

Why it was written: stops 32, 33, 45 and 46 each kept a change that gained 1 to 2 points on MUC-4
train's held-out texts and lost 1 to 3 on dev. With MUC-4 dev's 95% interval about 11 points wide
(41.5-52.6 around 47.02 at commit 76404c8), neither reading alone told a gain from a draw.

    python scripts/roles_bootstrap.py GOLD BASE.jsonl NEW.jsonl [--match suffix --merge ...]

prints both figures with their intervals, the interval of NEW - BASE and the share of samples in
which NEW scores higher. scipy's ``bootstrap`` resamples arrays of a statistic's inputs; micro F1
over documents is a ratio of sums that it could take as three paired arrays, but the percentile
loop below is a dozen lines and keeps the paired differences and the share of wins in one pass.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

RESAMPLES = 2000
SEED = 0  # the same samples on every run: the intervals in docs/EVALUATION.md repeat exactly


def load_scorer(path: Path) -> ModuleType:
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score_roles", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_options(options: Sequence[str]) -> dict:
    """``score``'s keyword arguments from the scorer's command-line options (``--merge NEW=a+b``,
    ``--match suffix``, ``--roles a,b``), as ``make eval`` passes them."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--merge", action="append", default=[])
    parser.add_argument("--match", choices=["exact", "suffix"], default="exact")
    parser.add_argument("--roles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(list(options))
    merges = {}
    for spec in args.merge:
        new, _, parts = spec.partition("=")
        merges[new] = [p for p in parts.split("+") if p]
    return {"roles": set(args.roles.split(",")) if args.roles else None, "merges": merges,
            "suffix": args.match == "suffix"}


Counts = dict[str, tuple[int, int, int]]  # document -> (matched, predicted, gold), all roles


def document_counts(scorer: ModuleType, gold: dict, pred: dict, options: dict) -> Counts:
    """Each gold document's micro counts as the scorer gives them."""
    out = {}
    for doc_id, roles in gold.items():
        row = scorer.score({doc_id: roles}, pred, **options)["micro_avg"]
        out[doc_id] = (row["matched"], row["predicted"], row["gold"])
    return out


def micro_f1(counts: Counts, docs: Sequence[str]) -> float:
    matched = sum(counts[d][0] for d in docs)
    total = sum(counts[d][1] + counts[d][2] for d in docs)
    return 200.0 * matched / total if total else 0.0


@dataclass(frozen=True)
class Interval:
    f1: float  # on all the documents
    low: float  # 2.5th percentile of the resampled figures
    high: float  # 97.5th


@dataclass(frozen=True)
class Comparison:
    base: Interval
    new: Interval
    difference: Interval  # new - base, on the same samples
    wins: float  # share of samples in which new scores higher than base


def _percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return values[int(0.025 * len(values))], values[min(len(values) - 1, int(0.975 * len(values)))]


def compare(counts: Sequence[Counts], *, resamples: int = RESAMPLES, seed: int = SEED) -> list[list[float]]:
    """The micro F1 of each prediction's counts on each of ``resamples`` samples of the documents
    (the same samples for all): one row a sample."""
    docs = sorted(counts[0])
    rng = random.Random(seed)
    rows = []
    for _ in range(resamples):
        sample = [docs[rng.randrange(len(docs))] for _ in docs]
        rows.append([micro_f1(c, sample) for c in counts])
    return rows


def interval(counts: Counts, *, resamples: int = RESAMPLES, seed: int = SEED) -> Interval:
    """The micro F1 of ``counts`` with its 95% bootstrap interval."""
    low, high = _percentiles([row[0] for row in compare([counts], resamples=resamples, seed=seed)])
    return Interval(micro_f1(counts, sorted(counts)), low, high)


def paired(base: Counts, new: Counts, *, resamples: int = RESAMPLES, seed: int = SEED) -> Comparison:
    """``new`` against ``base`` on the same samples of the documents."""
    rows = compare([base, new], resamples=resamples, seed=seed)
    docs = sorted(base)
    b, n = micro_f1(base, docs), micro_f1(new, docs)
    return Comparison(
        base=Interval(b, *_percentiles([r[0] for r in rows])),
        new=Interval(n, *_percentiles([r[1] for r in rows])),
        difference=Interval(n - b, *_percentiles([r[1] - r[0] for r in rows])),
        wins=sum(r[1] > r[0] for r in rows) / len(rows),
    )


def file_interval(scorer_path: Path, gold_path: Path, pred_path: Path, options: Sequence[str]) -> Interval:
    """``interval`` of a prediction file, scored as ``score_roles.py GOLD PRED *options`` scores it."""
    scorer = load_scorer(scorer_path)
    return interval(document_counts(scorer, scorer.load(str(gold_path)), scorer.load(str(pred_path)),
                                    score_options(options)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Bootstrap intervals of the roles view's micro F1 and a paired comparison of two predictions.",
        epilog="Options after the files (--match, --merge, --roles) are passed to the scorer as score_roles.py takes them.")
    parser.add_argument("gold", type=Path, help="gold JSON Lines (as ../shared/eval/score_roles.py reads it)")
    parser.add_argument("base", type=Path, help="the baseline's predictions")
    parser.add_argument("new", type=Path, nargs="?", help="the changed predictions (optional)")
    parser.add_argument("--scorer", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_roles.py",
                        help="the shared scorer (default: %(default)s)")
    parser.add_argument("--resamples", type=int, default=RESAMPLES, help="bootstrap samples (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the samples (default: %(default)s)")
    args, rest = parser.parse_known_args(argv)
    for path in (args.scorer, args.gold, args.base, *([args.new] if args.new else [])):
        if not path.is_file():
            parser.error(f"no file at {path}")
    if args.resamples < 40:
        parser.error("--resamples must be at least 40 for a 95% interval")
    try:
        options = score_options(rest)
    except SystemExit:
        parser.error(f"unknown scorer options: {' '.join(rest)}")
    scorer = load_scorer(args.scorer)
    gold = scorer.load(str(args.gold))
    base = document_counts(scorer, gold, scorer.load(str(args.base)), options)
    if args.new is None:
        i = interval(base, resamples=args.resamples, seed=args.seed)
        print(f"micro F1 {i.f1:.2f} (95% interval {i.low:.2f}-{i.high:.2f}, {len(gold)} documents)")
        return
    c = paired(base, document_counts(scorer, gold, scorer.load(str(args.new)), options),
               resamples=args.resamples, seed=args.seed)
    print(f"base {c.base.f1:.2f} (95% interval {c.base.low:.2f}-{c.base.high:.2f})")
    print(f"new  {c.new.f1:.2f} (95% interval {c.new.low:.2f}-{c.new.high:.2f})")
    print(f"new - base {c.difference.f1:+.2f} (95% interval {c.difference.low:+.2f} to {c.difference.high:+.2f}); "
          f"new higher in {100 * c.wins:.1f}% of {args.resamples} samples of the {len(gold)} documents")


if __name__ == "__main__":
    sys.exit(main())
