"""Resolution benchmark: time and peak memory to resolve generated event mentions into incidents.

The mentions come in realistic clusters: each generated incident is reported by a long-tailed
number of mentions (most by one to three, a few by dozens), with the variation real reports
show: day, week, month, year or report-date precision; the city, a site a few kilometres away,
or only the country; casualty figures revised or missing; the perpetrator named or not. The
archive grows with its size (a fixed number of incidents a day over more days), as a corpus does
when it covers a longer period.

Measurements per size, each in its own process so that peak memory is its own:
- memory: the resolver alone over all mentions, streamed in publication order (the generator
  holds only the mentions not yet due);
- store: mentions written to a SQLite store in batches of 1,000 (one ingest batch each), the
  incremental resolution run after each batch, as ``shardwatch ingest`` does;
- postgres: the same on a PostgreSQL store (``--db postgresql://...``).

Usage: python scripts/bench_resolve.py [--sizes 10000 100000 1000000] [--store-sizes 10000 100000]
                                       [--modes memory store postgres] [--db postgresql://...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import itertools
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from shardwatch.resolve.incidents import EventFacts, Resolver  # noqa: E402

# 40 cities in 8 countries (coordinates of real cities; the data are otherwise invented)
CITIES = [
    ("IQ", "Baghdad", 33.34, 44.40), ("IQ", "Mosul", 36.34, 43.13), ("IQ", "Fallujah", 33.35, 43.78),
    ("IQ", "Ramadi", 33.42, 43.30), ("IQ", "Kirkuk", 35.47, 44.39), ("IQ", "Tikrit", 34.61, 43.68),
    ("IQ", "Samarra", 34.20, 43.87), ("IQ", "Baqubah", 33.75, 44.64), ("SY", "Raqqa", 35.95, 39.01),
    ("SY", "Aleppo", 36.20, 37.16), ("SY", "Deir ez-Zor", 35.34, 40.14), ("SY", "Palmyra", 34.56, 38.27),
    ("SY", "Homs", 34.73, 36.71), ("SY", "Manbij", 36.53, 37.95), ("SY", "al-Bab", 36.37, 37.52),
    ("AF", "Kabul", 34.53, 69.17), ("AF", "Jalalabad", 34.43, 70.45), ("AF", "Kandahar", 31.61, 65.71),
    ("NG", "Maiduguri", 11.85, 13.16), ("NG", "Damaturu", 11.75, 11.96), ("NG", "Yola", 9.20, 12.48),
    ("EG", "El Arish", 31.13, 33.80), ("EG", "Cairo", 30.04, 31.24), ("EG", "Rafah", 31.28, 34.24),
    ("LY", "Sirte", 31.21, 16.59), ("LY", "Benghazi", 32.12, 20.07), ("LY", "Tripoli", 32.89, 13.19),
    ("TR", "Istanbul", 41.01, 28.95), ("TR", "Ankara", 39.93, 32.86), ("TR", "Gaziantep", 37.07, 37.38),
    ("FR", "Paris", 48.85, 2.35), ("FR", "Nice", 43.70, 7.27), ("FR", "Marseille", 43.30, 5.37),
    ("IQ", "Hit", 33.64, 42.83), ("IQ", "Haditha", 34.14, 42.38), ("SY", "Idlib", 35.93, 36.63),
    ("AF", "Kunduz", 36.73, 68.86), ("NG", "Kano", 12.00, 8.52), ("EG", "Sheikh Zuweid", 31.21, 34.11),
    ("TR", "Sanliurfa", 37.17, 38.79),
]
COUNTRY_CENTRE = {"IQ": (33.0, 44.0), "SY": (35.0, 38.0), "AF": (33.0, 65.0), "NG": (10.0, 8.0),
                  "EG": (27.0, 30.0), "LY": (25.0, 17.0), "TR": (39.0, 35.0), "FR": (46.0, 2.0)}
ORGS = ["islamic-state", "is-sinai", "is-west-africa", "is-khorasan", "is-libya", "taliban", "pkk"]
PARENTS = {"is-sinai": "islamic-state", "is-west-africa": "islamic-state", "is-khorasan": "islamic-state",
           "is-libya": "islamic-state"}
# one set per organisation, shared by the mentions naming it: the generator's own objects are not
# what the benchmark measures
ORG_SETS = {org: frozenset({org}) for org in ORGS}
NO_ORGS: frozenset = frozenset()
INCIDENTS_PER_DAY = 8
START = dt.date(2014, 1, 1)


def cluster_size(rng: random.Random) -> int:
    """Mentions of one incident: a discrete Pareto tail (85% one to three), mean about 3, capped at 200."""
    return min(200, int(1 / (rng.random() ** (1 / 1.35))))


def generate(n_mentions: int, seed: int = 7) -> Iterator[EventFacts]:
    """The mentions in publication order (then generation order), streamed: a mention is
    published on its incident's day or later, so every mention published before the day being
    generated is final and leaves the heap; memory holds a few months of mentions, not all."""
    rng = random.Random(seed)
    heap: list[tuple[tuple, EventFacts]] = []
    made = 0
    incident = 0
    while made < n_mentions:
        day = START + dt.timedelta(days=incident // INCIDENTS_PER_DAY)
        today = day.isoformat()
        while heap and heap[0][0][0] < today:
            yield heapq.heappop(heap)[1]
        country, city, lat, lon = rng.choice(CITIES)
        toll = int(rng.lognormvariate(1.6, 1.2)) + 1 if rng.random() < 0.8 else None
        org = rng.choice(ORGS) if rng.random() < 0.6 else None
        kind = "attack" if rng.random() < 0.8 else "territory"
        for m in range(cluster_size(rng)):
            if made >= n_mentions:
                break
            lag = int(rng.expovariate(1 / 20)) if m else rng.randint(0, 1)
            published = day + dt.timedelta(days=lag)
            r = rng.random()
            if r < 0.6:
                date, precision = day + dt.timedelta(days=rng.choice((0, 0, 0, 0, 1))), "day"
            elif r < 0.65:
                date, precision = day - dt.timedelta(days=day.weekday()), "week"
            elif r < 0.8:
                date, precision = day.replace(day=1), "month"
            elif r < 0.85:
                date, precision = day.replace(month=1, day=1), "year"
            else:
                date, precision = published, "reported"
            p = rng.random()
            if p < 0.6:
                place = dict(country=country, place=city, lat=lat, lon=lon, place_precision=1)
            elif p < 0.8:  # a site in the city, a few km off
                dlat, dlon = rng.uniform(-0.04, 0.04), rng.uniform(-0.04, 0.04)
                place = dict(country=country, place=f"site {incident}, {city}", lat=lat + dlat, lon=lon + dlon,
                             place_precision=1)
            elif p < 0.95:
                clat, clon = COUNTRY_CENTRE[country]
                place = dict(country=country, place=country, lat=clat, lon=clon, place_precision=3)
            else:
                place = dict(country=None, place=None, lat=None, lon=None, place_precision=None)
            killed = None
            if toll is not None and rng.random() < 0.7:
                value = toll + (int(toll * rng.uniform(0, 0.3)) if lag > 2 else 0)
                killed = (float(value), float(value))
            i = made
            made += 1
            event_id = f"e{i:07d}"
            facts = EventFacts(
                event_id=event_id, kind=kind, article_id=f"a{i:07d}",
                order=(published.isoformat(), i, event_id), date=date, precision=precision, reported=published,
                killed=killed, orgs=ORG_SETS[org] if org and rng.random() < 0.7 else NO_ORGS,
                **place)
            heapq.heappush(heap, (facts.order, facts))
        incident += 1
    while heap:
        yield heapq.heappop(heap)[1]


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_memory(n: int) -> dict:
    mentions = generate(n)
    base = rss_mb()
    start = time.perf_counter()
    resolver = Resolver(parents=PARENTS)
    comparisons = 0
    seconds = cpu = 0.0
    for facts in mentions:  # the generator's own time is left out
        start, start_cpu = time.perf_counter(), time.process_time()
        comparisons += len(resolver.candidates(facts))
        resolver.add(facts)
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
    return {"mode": "memory", "mentions": n, "seconds": seconds, "cpu_seconds": cpu, "incidents": len(resolver.clusters),
            "candidates_per_mention": comparisons / n, "peak_rss_mb": peak_mb(), "growth_mb": peak_mb() - base}


@contextmanager
def bench_store(db: str | None):
    """An empty store: a SQLite file in a temporary folder, or (``db`` a postgresql:// URL) a
    schema of its own on that server, dropped afterwards."""
    from shardwatch.store import Store

    if not db:
        with tempfile.TemporaryDirectory() as tmp:
            with Store(Path(tmp) / "bench.db") as store:
                yield store
        return
    import psycopg

    schema = f"bench_resolve_{os.getpid()}"
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    # (the postgres mode's CPU figure is this client's; the server's work shows in the wall time)
    try:
        joiner = "&" if "?" in db else "?"
        with Store(f"{db}{joiner}options=-csearch_path%3D{schema}") as store:
            yield store
    finally:
        with psycopg.connect(db, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def run_store(n: int, db: str | None = None, batch: int = 1000) -> dict:
    from shardwatch.resolve.corpus import resolve_incidents
    from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place, Quantity

    mentions = generate(n)
    with bench_store(db) as store:
        base = rss_mb()
        resolve_seconds = resolve_cpu = 0.0
        while True:
            extractions = []
            for f in itertools.islice(mentions, batch):
                article = Article(id=f.article_id, text=f"report {f.article_id}", source="bench",
                                  published=dt.date.fromisoformat(f.order[0]), published_precision="day")
                place = None if f.place is None else Place(f.place, f.place, f.country, f.lat, f.lon, None,
                                                           f.place_precision)
                quantity = None if f.killed is None else Quantity(f.killed[0], f.killed[1], None, "")
                event = Event(id=f.event_id, kind=f.kind, article_id=f.article_id, date=f.date,
                              date_precision=f.precision, reported=f.reported, modality="asserted", place=place,
                              actors=tuple(ActorRef(o, o, "perpetrator") for o in f.orgs),
                              evidence=(Evidence(f.article_id, 0, 6, "report", "bench", "1"),),
                              trigger="attack", confidence=0.8, killed=quantity)
                extractions.append(Extraction(article, (event,)))
            if not extractions:
                break
            store.write_batch(extractions)
            start, start_cpu = time.perf_counter(), time.process_time()
            with store.transaction():
                resolve_incidents(store)
            resolve_seconds += time.perf_counter() - start
            resolve_cpu += time.process_time() - start_cpu
        incidents = store.incident_counts()["incidents"]
    return {"mode": "store" if not db else "postgres", "mentions": n, "seconds": resolve_seconds,
            "cpu_seconds": resolve_cpu, "incidents": incidents,
            "peak_rss_mb": peak_mb(), "growth_mb": peak_mb() - base}


def exponent(a: dict, b: dict, key: str) -> float:
    """The power of size that time grows with between two runs (1.00 linear, 2.00 all pairs)."""
    return math.log(b[key] / a[key]) / math.log(b["mentions"] / a["mentions"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000],
                        help="mentions for the in-memory resolver (default: 10000 100000)")
    parser.add_argument("--store-sizes", type=int, nargs="+",
                        help="mentions for the store modes, when they differ from --sizes (they write every one)")
    parser.add_argument("--modes", nargs="+", choices=["memory", "store", "postgres"],
                        help="default: memory and store, and postgres when --db is given")
    parser.add_argument("--db", help="the PostgreSQL server of the postgres mode (postgresql://...; the run "
                                     "makes a schema of its own there and drops it afterwards), or 'throwaway': "
                                     "a server started for this run as the tests start theirs")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, n = args.one[0], int(args.one[1])
        result = run_memory(n) if mode == "memory" else run_store(n, args.db if mode == "postgres" else None)
        print(json.dumps(result))
        return
    modes = args.modes or ["memory", "store", *(["postgres"] if args.db else [])]
    if "postgres" in modes and not args.db:
        parser.error("the postgres mode needs --db postgresql://...")
    if args.db == "throwaway":
        sys.path.insert(0, str(ROOT / "tests"))
        from postgres_server import Unavailable, throwaway_server

        try:
            with throwaway_server() as url:
                args.db = url
                run_modes(args, modes)
        except Unavailable as exc:
            print(f"postgres mode skipped: {exc}")
            run_modes(args, [m for m in modes if m != "postgres"])
        return
    run_modes(args, modes)


def run_modes(args: argparse.Namespace, modes: list[str]) -> None:
    print(f"resolution benchmark: {INCIDENTS_PER_DAY} generated incidents a day, long-tailed clusters of mentions; "
          f"wall time and CPU time of this process (the CPU figure holds on a shared machine)")
    for mode in modes:
        results = []
        sizes = args.store_sizes if mode != "memory" and args.store_sizes else args.sizes
        for n in sizes:
            command = [sys.executable, __file__, "--one", mode, str(n), *(["--db", args.db] if args.db else [])]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            results.append(r)
            extra = f", {r['candidates_per_mention']:.1f} candidates/mention" if "candidates_per_mention" in r else ""
            print(f"{mode:8s} {n:>9,} mentions -> {r['incidents']:>7,} incidents: {r['seconds']:7.1f} s wall, "
                  f"{r['cpu_seconds']:7.1f} s CPU ({n / r['cpu_seconds']:>6,.0f} mentions/CPU s), "
                  f"peak RSS {r['peak_rss_mb']:5.0f} MB (+{r['growth_mb']:.0f} MB while resolving){extra}")
        for a, b in zip(results, results[1:]):
            print(f"{mode:8s} {a['mentions']:,} -> {b['mentions']:,} mentions: time grows as size^"
                  f"{exponent(a, b, 'cpu_seconds'):.2f} (CPU), ^{exponent(a, b, 'seconds'):.2f} (wall); "
                  f"1.00 is linear, 2.00 all pairs")
        if mode == "memory" and len(results) >= 2 and results[-1]["mentions"] >= 1_000_000:
            last = results[-1]
            met = exponent(results[-2], last, "cpu_seconds") <= 1.05 and last["peak_rss_mb"] <= 2048
            print(f"{mode:8s} target at {last['mentions']:,} (exponent <= 1.05, peak <= 2 GB): "
                  f"{'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
