"""The Ray executor: reading, the cascade, parsing and extraction on a Ray cluster.

1. The driver (the process that writes) lists the source files, as the local executor does.
2. Ray Data ``map_batches`` hands them, a few files a call, to ``n_actors`` actors of
   ``SourceWorker``; each actor loads the pipeline once and reads its files and runs the same
   per-article work as the local executor (``shardwatch.executor.process_articles``).
3. The records come back to the driver in input order (``preserve_order``), where the caller
   writes them through the store interface and then runs the corpus-wide resolution.

Every worker must see the files at the paths the driver names (one machine, or a shared file
system) and have shardwatch installed with the ``ray`` extra (``pip install shardwatch[ray]``).
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from shardwatch.errors import ShardwatchError
from shardwatch.executor import ArticleWorker, default_processes
from shardwatch.ingest import read_articles
from shardwatch.ingest.files import display_path, expand_paths
from shardwatch.types import Article, Extraction, IngestFailure, IngestWarning

# Files a map_batches call reads: a call costs about a second per file of news text, so a few
# files keep every actor busy and the driver fed without a long wait for the first records.
FILES_PER_CALL = 4
# The object store of a Ray instance started here. Ray's default is 30% of the machine's memory;
# what passes through it is text and records (a few kB an article), so 128 MB holds many
# batches in flight while leaving the memory to the actors' pipelines.
OBJECT_STORE_BYTES = 128 * 1024 * 1024

Result = Extraction | IngestFailure | IngestWarning | Article


def _origin(origin: str, read_as: str, given: str) -> str:
    """An origin the reader gave for the absolute path ``read_as`` (``/abs/a.jsonl:3``),
    named as the driver names the file (``a.jsonl:3``), as the local executor does."""
    return given + origin[len(read_as):] if origin.startswith(read_as) else origin


class SourceWorker:
    """A Ray actor: the pipeline loaded once; a batch of files in, their results out, each
    pickled (``Extraction``, ``IngestFailure``, ``IngestWarning``, or an ``Article`` the store
    already held, left unparsed)."""

    def __init__(self, *, cascade: bool, published: dt.date | None, source: str | None,
                 known: frozenset[str]) -> None:
        self.work = ArticleWorker(cascade=cascade)
        self.published, self.source, self.known = published, source, known

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        out: list[bytes] = []
        for packed in batch["source"]:
            read_as, given = pickle.loads(packed)
            new: list[Article] = []
            for item in read_articles([read_as], published=self.published, source=self.source):
                if isinstance(item, Article):
                    item = replace(item, path=_origin(item.path or "", display_path(read_as), given))
                    if item.id in self.known:
                        out.append(pickle.dumps(item))
                        continue
                    new.append(item)
                else:
                    # a read failure or warning: in order before the file's results
                    out.append(pickle.dumps(replace(item, source=_origin(item.source, display_path(read_as), given))))
            out.extend(pickle.dumps(result) for result in self.work(new))
        return {"item": np.array(out, dtype=object)}


def _sources(paths: Iterable[str]) -> tuple[list[bytes], list[IngestFailure]]:
    files, failures = [], []
    for item in expand_paths(paths):
        if isinstance(item, IngestFailure):
            failures.append(item)
        elif item == "-":
            raise ShardwatchError("standard input cannot be read by Ray workers: save it to a file, "
                                  "or use the local executor")
        else:
            files.append(pickle.dumps((str(Path(item).absolute()), display_path(item))))
    return files, failures


@contextmanager
def _ray_logs(shown: bool) -> Iterator[None]:
    """Ray's own log lines on stderr during a run, unless ``shown``: its Python loggers ("ray",
    and "ray.data", which Ray Data configures on import: a level set before that import is
    lost) are held at ERROR, and restored after the run. The cluster's own logs stay in its
    session folder."""
    if shown:
        yield
        return
    import ray.data  # noqa: F401 - its logging configuration first, then the levels below

    loggers = [logging.getLogger(name) for name in ("ray", "ray.data")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _connect(address: str | None, n_actors: int | None, *, logs: bool) -> bool:
    """Connect to the cluster at ``address`` or start a local Ray instance, unless this process
    is connected already; True when this call connected (and the caller disconnects)."""
    import ray

    if ray.is_initialized():
        return False
    # ray.init sets the "ray" logger's level: INFO with ``logs``, else ERROR (its token
    # authentication notice is a WARNING); the workers' output goes to the driver with ``logs``.
    settings = {"logging_level": logging.INFO if logs else logging.ERROR, "log_to_driver": logs}
    try:
        if address:
            ray.init(address=address, **settings)
        else:
            ray.init(num_cpus=n_actors or default_processes(), include_dashboard=False,
                     object_store_memory=OBJECT_STORE_BYTES, **settings)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        raise ShardwatchError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from exc
    return True


def run_ray(paths: Iterable[str], *, known: Iterable[str] = (), n_actors: int | None = None,
            address: str | None = None, cascade: bool = True, published: dt.date | None = None,
            source: str | None = None, logs: bool = False) -> Iterator[Result]:
    """The results of the per-article work on every source under ``paths``, in input order,
    computed by ``n_actors`` Ray actors (None: one a CPU of the cluster). Articles whose id is
    in ``known`` come back as ``Article`` (read, not parsed); the caller decides what is new
    and writes. Ray's own log lines reach stderr only with ``logs``."""
    try:
        import ray  # noqa: F401 - here, to say what is missing
    except ImportError as exc:
        raise ShardwatchError("the Ray executor needs Ray: pip install 'shardwatch[ray]'") from exc
    files, failures = _sources(paths)
    yield from failures
    if not files:
        return
    with _ray_logs(logs):
        yield from _run(files, known=known, n_actors=n_actors, address=address, cascade=cascade,
                        published=published, source=source, logs=logs)


def _run(files: list[bytes], *, known: Iterable[str], n_actors: int | None, address: str | None, cascade: bool,
         published: dt.date | None, source: str | None, logs: bool) -> Iterator[Result]:
    import ray

    started = _connect(address, n_actors, logs=logs)
    try:
        n_actors = n_actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the local executor's order: same ids win
        context.enable_progress_bars = False  # library code never prints
        with warnings.catch_warnings():
            # Ray 2.60 (pinned) warns that remote arguments given as keywords (max_restarts) will
            # be named parameters from Ray 2.64; it names none for max_restarts yet.
            warnings.filterwarnings("ignore", message=".*ray_remote_args.* is deprecated")
            dataset = ray.data.from_items([{"source": f} for f in files]).map_batches(
                SourceWorker, batch_size=FILES_PER_CALL, batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=n_actors), num_cpus=1,
                # An actor that dies is not restarted (Ray Data's default restarts it, and its
                # C++ core then logs an error line on stderr for every actor pool, as the pool's
                # code is in the object store): the run fails as a local one does, and a second
                # run skips what the first wrote.
                max_restarts=0,
                fn_constructor_kwargs={"cascade": cascade, "published": published, "source": source,
                                       "known": frozenset(known)})
        for row in dataset.iter_rows():
            yield pickle.loads(row["item"])
    finally:
        if started:
            ray.shutdown()
