"""Resolution benchmark: time and peak memory to resolve generated event mentions into incidents.

The mentions come in realistic clusters: each generated incident is reported by a long-tailed
number of mentions (most by one to three, a few by dozens), with the variation real reports
show: day, week, month, year or report-date precision; the city, a site a few kilometres away,
or only the country; casualty figures revised or missing; the perpetrator named or not. The
archive grows with its size (a fixed number of incidents a day over more days), as a corpus does
when it covers a longer period.

Two measurements per size, each in its own process so that peak memory is its own:
- memory: the resolver alone over all mentions, in publication order;
- store: mentions written to a SQLite store in batches of 1,000 (one ingest batch each), the
  incremental resolution run after each batch, as ``shardwatch ingest`` does.

Usage: python scripts/bench_resolve.py [--sizes 10000 100000] [--modes memory store]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
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
INCIDENTS_PER_DAY = 8
START = dt.date(2014, 1, 1)


def cluster_size(rng: random.Random) -> int:
    """Mentions of one incident: a discrete Pareto tail (85% one to three), mean about 3, capped at 200."""
    return min(200, int(1 / (rng.random() ** (1 / 1.35))))


def generate(n_mentions: int, seed: int = 7) -> list[EventFacts]:
    rng = random.Random(seed)
    out: list[EventFacts] = []
    incident = 0
    while len(out) < n_mentions:
        day = START + dt.timedelta(days=incident // INCIDENTS_PER_DAY)
        country, city, lat, lon = rng.choice(CITIES)
        toll = int(rng.lognormvariate(1.6, 1.2)) + 1 if rng.random() < 0.8 else None
        org = rng.choice(ORGS) if rng.random() < 0.6 else None
        kind = "attack" if rng.random() < 0.8 else "territory"
        for m in range(cluster_size(rng)):
            if len(out) >= n_mentions:
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
            i = len(out)
            out.append(EventFacts(
                event_id=f"e{i:07d}", kind=kind, article_id=f"a{i:07d}",
                order=(published.isoformat(), i, f"e{i:07d}"), date=date, precision=precision, reported=published,
                killed=killed, orgs=frozenset({org}) if org and rng.random() < 0.7 else frozenset(),
                **place))
        incident += 1
    return out


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_memory(n: int) -> dict:
    mentions = sorted(generate(n), key=lambda f: f.order)
    base = rss_mb()
    start = time.perf_counter()
    resolver = Resolver(parents=PARENTS)
    comparisons = 0
    for facts in mentions:
        comparisons += len(resolver.candidates(facts))
        resolver.add(facts)
    seconds = time.perf_counter() - start
    return {"mode": "memory", "mentions": n, "seconds": seconds, "incidents": len(resolver.clusters),
            "candidates_per_mention": comparisons / n, "peak_rss_mb": peak_mb(), "growth_mb": peak_mb() - base}


def run_store(n: int, batch: int = 1000) -> dict:
    from shardwatch.resolve.corpus import resolve_incidents
    from shardwatch.store import Store
    from shardwatch.types import ActorRef, Article, Event, Evidence, Extraction, Place, Quantity

    mentions = sorted(generate(n), key=lambda f: f.order)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        base = rss_mb()
        resolve_seconds = 0.0
        for i in range(0, n, batch):
            extractions = []
            for f in mentions[i:i + batch]:
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
            store.write_batch(extractions)
            start = time.perf_counter()
            with store.transaction():
                resolve_incidents(store)
            resolve_seconds += time.perf_counter() - start
        incidents = store.incident_counts()["incidents"]
        store.close()
    return {"mode": "store", "mentions": n, "seconds": resolve_seconds, "incidents": incidents,
            "peak_rss_mb": peak_mb(), "growth_mb": peak_mb() - base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--modes", nargs="+", choices=["memory", "store"], default=["memory", "store"])
    parser.add_argument("--one", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, n = args.one[0], int(args.one[1])
        print(json.dumps(run_memory(n) if mode == "memory" else run_store(n)))
        return
    print(f"resolution benchmark: {INCIDENTS_PER_DAY} generated incidents a day, long-tailed clusters of mentions")
    for mode in args.modes:
        results = []
        for n in args.sizes:
            out = subprocess.run([sys.executable, __file__, "--one", mode, str(n)], capture_output=True, text=True,
                                 check=True)
            r = json.loads(out.stdout)
            results.append(r)
            extra = f", {r['candidates_per_mention']:.1f} candidates/mention" if "candidates_per_mention" in r else ""
            print(f"{mode:6s} {n:>8,} mentions -> {r['incidents']:>7,} incidents: {r['seconds']:7.2f} s "
                  f"({n / r['seconds']:>8,.0f} mentions/s), peak RSS {r['peak_rss_mb']:6.0f} MB "
                  f"(+{r['growth_mb']:.0f} MB while resolving){extra}")
        if len(results) >= 2:
            a, b = results[0], results[-1]
            size_ratio = b["mentions"] / a["mentions"]
            time_ratio = b["seconds"] / a["seconds"]
            print(f"{mode:6s} growth: {size_ratio:.0f}x mentions -> {time_ratio:.1f}x time "
                  f"(exponent {math.log(time_ratio) / math.log(size_ratio):.2f}; 1.00 is linear, 2.00 all pairs)")


if __name__ == "__main__":
    main()
