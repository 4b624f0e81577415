"""How well the Hawkes fit recovers known parameters: over seeds of simulated series, how often
the branching ratio's interval covers the true value, and how wide it is (docs/ANALYSES.md).

    .venv/bin/python scripts/hawkes_coverage.py --mu 0.5 --n 0.5 --beta 1.0 --days 150 --seeds 30
"""

from __future__ import annotations

import argparse

import numpy as np

from shardwatch.analyse.hawkes import MIN_EVENTS, fit_hawkes, simulate_hawkes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mu", type=float, default=0.5, help="background rate, events a day")
    parser.add_argument("--n", type=float, default=0.5, help="branching ratio")
    parser.add_argument("--beta", type=float, default=1.0, help="1 / decay time in days")
    parser.add_argument("--days", type=float, default=150.0, help="length of each series")
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--min-events", type=int, default=MIN_EVENTS, help="fit only series this long")
    args = parser.parse_args()
    covered, widths, counts, fitted = 0, [], [], 0
    for seed in range(args.seeds):
        times = simulate_hawkes(args.mu, args.n, args.beta, args.days, np.random.default_rng(seed))
        counts.append(len(times))
        result = fit_hawkes(times, period=args.days, min_events=args.min_events)
        if not result.enough_data:
            continue
        fitted += 1
        covered += result.branching_ratio.contains(args.n)
        widths.append(result.branching_ratio.high - result.branching_ratio.low)
    print(f"seeds {args.seeds}; median events {np.median(counts):.0f}; fitted {fitted}; "
          f"interval covers n={args.n} in {covered}; median width {np.median(widths) if widths else float('nan'):.2f}")


if __name__ == "__main__":
    main()
