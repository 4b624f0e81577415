"""The main job: sources -> ingest -> triage -> annotate -> extract -> store -> resolve."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from shardwatch.errors import ShardwatchError
from shardwatch.executor import CHUNK, default_processes, extract_pieces, run_local
from shardwatch.ingest import read_articles
from shardwatch.nlp.pipeline import BATCH_SIZE
from shardwatch.store import Store
from shardwatch.types import Article, Extraction, IngestFailure, IngestReport, IngestWarning

__all__ = ["EXECUTORS", "default_processes", "extract_pieces", "ingest"]

# Where the per-article work runs (``ingest``'s ``executor``).
EXECUTORS = ("local", "ray")

# Errors a record's values (not the database) can cause when stored.
_DATA_ERRORS = (sqlite3.IntegrityError, OverflowError, UnicodeEncodeError, ValueError)


def ingest(paths: Iterable[str], store: Store, *, n_process: int | None = 1, batch_size: int = BATCH_SIZE,
           progress: Callable[[Article], None] | None = None, published: dt.date | None = None,
           source: str | None = None, cascade: bool = True, executor: str = "local",
           address: str | None = None, ray_logs: bool = False,
           articles: Iterable[Article | IngestFailure | IngestWarning] | None = None) -> IngestReport:
    """Ingest every report under ``paths`` that the store does not hold yet.

    Articles are written in batches of ``batch_size``, one transaction each. Bad sources are
    reported in the result, never raised; the others are still ingested. The corpus-wide
    resolution (near-duplicates, incidents) runs at the end even when nothing is new, so a
    run that was killed before it is finished by the next. ``published`` and ``source`` stand
    in for a report whose own metadata gives none.

    With ``cascade`` (the default) the relevance cascade (``shardwatch.triage``) reads each
    new article first: one that cannot hold a record is stored (searchable, counted, marked
    ``parsed = 0`` for a later re-extraction) without going through the language model.

    The per-article work (``shardwatch.executor.process_articles``) runs where ``executor``
    says; this process alone writes, in both:

    - ``"local"``: reading here, the work in this process (``n_process`` 1) or in a pool of
      ``n_process`` worker processes (``shardwatch.executor.run_local``: a pool only when more
      than ``n_process * CHUNK`` new articles are to be processed).
      ``n_process`` None: the cores this process may use.
    - ``"ray"``: reading and the work as Ray Data ``map_batches`` over ``n_process`` actors, on
      the Ray cluster at ``address`` (``"auto"``, ``"ray://host:10001"``) or, without one, on
      a local Ray instance (``shardwatch.executor_ray``). ``n_process`` None: an actor per CPU
      of the cluster (of this machine without ``address``). Ray's own log lines reach stderr
      only with ``ray_logs``.

    ``articles``, when given, are ingested instead of what ``paths`` hold (``shardwatch watch``
    reads feed entries itself); they are always processed locally.
    """
    if executor not in EXECUTORS:
        raise ShardwatchError(f"unknown executor {executor!r}: one of {', '.join(EXECUTORS)}")
    failures: list[IngestFailure] = []
    warnings: list[IngestWarning] = []
    skipped: list[str] = []
    added: list[str] = []
    by_kind: Counter[str] = Counter()
    seen: set[str] = set()
    unparsed: list[str] = []
    batch: list[Extraction] = []

    def is_new(article: Article) -> bool:
        if article.id in seen or store.known_article_ids([article.id]):
            skipped.append(article.path or article.id)
            return False
        seen.add(article.id)
        return True

    def new_articles() -> Iterator[Article]:
        items = articles if articles is not None else read_articles(paths, published=published, source=source)
        for item in items:
            if isinstance(item, IngestFailure):
                failures.append(item)
            elif isinstance(item, IngestWarning):
                warnings.append(item)
            elif is_new(item):
                yield item

    def flush() -> None:
        try:
            store.write_batch(batch)
            written = list(batch)
        except (*_DATA_ERRORS, *store.dialect.data_errors):
            # A value the database cannot hold (an integer beyond 64 bits) fails the batch's
            # one transaction; the articles are then written one by one, and only the article
            # that holds it fails, named.
            written = []
            for extraction in batch:
                try:
                    store.write_batch([extraction])
                    written.append(extraction)
                except (*_DATA_ERRORS, *store.dialect.data_errors) as exc:
                    failures.append(IngestFailure(extraction.article.path or extraction.article.id,
                                                  f"could not be stored: {type(exc).__name__}: {exc}"[:300]))
        for extraction in written:
            added.append(extraction.article.id)
            if not extraction.parsed:
                unparsed.append(extraction.article.id)
            by_kind.update(e.kind for e in extraction.events)
        batch.clear()

    if executor == "ray" and articles is None:
        from shardwatch.executor_ray import run_ray

        results: Iterable[Extraction | IngestFailure | IngestWarning] = run_ray(
            paths, known=store.all_article_ids(), n_actors=n_process, address=address, cascade=cascade,
            published=published, source=source, logs=ray_logs)
    else:
        executor = "local"
        n_process = n_process or default_processes()
        results = run_local(new_articles(), n_process=n_process, cascade=cascade, chunk_size=CHUNK)
    for result in results:
        if isinstance(result, IngestWarning):
            warnings.append(result)
            continue
        if isinstance(result, IngestFailure):
            failures.append(result)
            continue
        if isinstance(result, Article):  # one the store held when the Ray run began: skipped
            is_new(result)
            continue
        # the Ray workers read, so what is new is known only here; locally it was checked before
        if executor == "ray" and not is_new(result.article):
            continue
        batch.append(result)
        if progress is not None:
            progress(result.article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    # issue 5: near-duplicates and incidents, over the new articles and the blocks they touch
    from shardwatch.resolve.corpus import update as resolve_corpus

    resolve_corpus(store)
    return IngestReport(added=tuple(added), skipped=tuple(skipped), failures=tuple(failures),
                        events_by_kind=dict(by_kind), warnings=tuple(warnings), unparsed=tuple(unparsed))
