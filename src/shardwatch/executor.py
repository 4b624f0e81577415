"""The per-article work (cascade, annotate, extract) and the local executor that runs it.

One function, ``process_articles``, turns a chunk of new articles into their extractions in a
process that has loaded the pipeline once; every executor calls it:

1. in-process (one process: ``run_local`` with ``n_process=1``);
2. a pool of worker processes on this machine (``run_local`` with ``n_process`` > 1): each
   worker runs the whole per-article work, parsing *and* extraction, and sends back the
   records, so the writer process only reads, de-duplicates and writes;
3. Ray actors on a cluster (``shardwatch.executor_ray``), through ``ArticleWorker``.

The caller alone writes (the store's single-writer rule).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from shardwatch.extract import extract
from shardwatch.extract.pieces import join_extractions, piece_article
from shardwatch.nlp.pipeline import BATCH_SIZE, pipe_pieces
from shardwatch.triage import relevances
from shardwatch.types import Article, Extraction, IngestFailure

# Articles a worker process is handed at a time. Small chunks balance the load (a worker that
# finishes early takes the next one); ``nlp.pipe`` is about as fast over 16 texts as over 64
# (BATCH_SIZE's sweep: flat from 32, 4% slower at 16), and the records of 16 articles pickle in
# about 2 ms. spaCy's own ``nlp.pipe(n_process=2)`` gave 1.00x (docs/BENCHMARKS.md): it deals
# whole batches of 64 to its workers in turn (200 texts: 128 to one, 72 to the other), sends
# every Doc back to be deserialised and extracts in the writer process.
CHUNK = 16
# Chunks in flight per worker: enough that a worker never waits for the next, few enough that
# memory stays flat however long the input (the pool's own map would read all of it ahead).
AHEAD = 2


def default_processes() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # no affinity on this system (macOS, Windows)
        return os.cpu_count() or 1


def load_pipeline() -> None:
    """Build what the per-article work needs (the spaCy pipeline, the gazetteer, the relevance
    cascade's word lists and classifier) in this process, once: all are cached per process, and
    workers forked after this call inherit them."""
    from shardwatch.extract.gazetteer import get_gazetteer
    from shardwatch.nlp import get_nlp
    from shardwatch.triage.cascade import lexicon
    from shardwatch.triage.classifier import load_model

    get_nlp()
    get_gazetteer()
    lexicon()
    load_model()


def extract_pieces(items: Iterable[tuple[str, Article]], failures: list[IngestFailure], *, batch_size: int,
                   n_process: int = 1) -> Iterator[tuple[Article, Extraction | None]]:
    """Annotate and extract (text, article) pairs, long texts in pieces joined again: one
    (article, extraction) a whole article, in order; the extraction is None when the
    extractors failed on it, and the failure is added to ``failures`` (one article the
    extractors trip on never ends the run)."""
    parts: list[tuple[int, Extraction]] = []
    broken = False
    for doc, piece in pipe_pieces(items, batch_size=batch_size, n_process=n_process):
        article = piece.context
        if not broken:
            try:
                if piece.total == 1:
                    parts.append((0, extract(article, doc)))
                else:
                    parts.append((piece.start, extract(piece_article(article, piece.number, doc.text), doc)))
            except Exception as exc:  # noqa: BLE001 - reported against the article, the others go on
                failures.append(IngestFailure(article.path or article.id,
                                              f"extraction failed: unexpected {type(exc).__name__}: {exc}"[:300]))
                broken = True
        if piece.number < piece.total - 1:
            continue
        yield article, None if broken else (parts[0][1] if piece.total == 1 else join_extractions(article, parts))
        parts, broken = [], False


def process_articles(articles: list[Article], *, cascade: bool = True) -> list[Extraction | IngestFailure]:
    """The per-article work, one result an article, in order: with ``cascade``, an article the
    relevance cascade finds irrelevant comes back unparsed (``parsed=False``, no records);
    the others are annotated and extracted; an article the extractors fail on comes back as
    its ``IngestFailure``."""
    out: dict[int, Extraction | IngestFailure] = {}
    to_parse: list[tuple[str, tuple[int, Article]]] = []
    found = relevances([a.text for a in articles]) if cascade else None
    for i, article in enumerate(articles):
        if found is not None and not found[i].relevant:
            out[i] = Extraction(article, parsed=False)
        else:
            to_parse.append((article.text, (i, article)))
    if to_parse:
        failures: list[IngestFailure] = []
        found = extract_pieces(((text, article) for text, (_, article) in to_parse), failures,
                               batch_size=len(to_parse))
        # one (article, extraction) an article, in order; a None's failure is already listed
        for (_, (i, _)), (_, extraction) in zip(to_parse, found):
            out[i] = extraction if extraction is not None else failures.pop(0)
    return [out[i] for i in range(len(articles))]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_start(writer: int) -> None:
    load_pipeline()
    # A worker whose writer was killed (SIGKILL gives it no time to stop its pool) would wait
    # for work forever, holding its pipeline's memory: it ends when its parent changes.
    def watch() -> None:
        while os.getppid() == writer:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="shardwatch-writer-watch", daemon=True).start()


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork where the system has it: the workers inherit the pipeline the writer loaded (no
    # second load of 5 s per worker) and share its pages until they write to them. spawn
    # elsewhere (macOS, Windows), where each worker loads the pipeline in ``_worker_start``.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def run_local(articles: Iterable[Article], *, n_process: int = 1, cascade: bool = True,
              chunk_size: int = CHUNK) -> Iterator[Extraction | IngestFailure]:
    """``process_articles`` over a stream of articles, one result an article, in order: in
    this process when ``n_process`` is 1, else in a pool of ``n_process`` worker processes
    fed ``chunk_size`` articles at a time, at most ``AHEAD`` chunks a worker ahead. A pool is
    started only when more than ``n_process * chunk_size`` articles come: below that it saves
    nothing (each worker would get at most one chunk). Ingest and re-extraction both run here."""
    if n_process > 1:
        stream = iter(articles)
        head = list(itertools.islice(stream, n_process * chunk_size + 1))
        if len(head) <= n_process * chunk_size:
            n_process = 1
        articles = itertools.chain(head, stream)
    if n_process <= 1:
        for chunk in _chunks(articles, BATCH_SIZE):
            yield from process_articles(chunk, cascade=cascade)
        return
    load_pipeline()  # before the fork, so that every worker inherits it
    with ProcessPoolExecutor(max_workers=n_process, mp_context=_pool_context(),
                             initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        pending: deque[Future] = deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(process_articles, chunk, cascade=cascade))
            while len(pending) >= n_process * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


class ArticleWorker:
    """The per-article work behind a worker that loads the pipeline once: what a Ray actor
    holds (``shardwatch.executor_ray``)."""

    def __init__(self, *, cascade: bool = True) -> None:
        self.cascade = cascade
        load_pipeline()

    def __call__(self, articles: list[Article]) -> list[Extraction | IngestFailure]:
        return process_articles(articles, cascade=self.cascade)
