"""The main job: sources -> ingest -> triage -> annotate -> extract -> store."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from shardwatch.extract import extract
from shardwatch.extract.pieces import join_extractions, piece_article
from shardwatch.ingest import read_articles
from shardwatch.nlp.pipeline import BATCH_SIZE, pipe_pieces
from shardwatch.store import Store
from shardwatch.triage import relevance
from shardwatch.types import Article, Extraction, IngestFailure, IngestReport, IngestWarning

def default_processes() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # no affinity on this system (macOS, Windows)
        return os.cpu_count() or 1


# Errors a record's values (not the database) can cause when stored.
_DATA_ERRORS = (sqlite3.IntegrityError, OverflowError, UnicodeEncodeError, ValueError)


def extract_pieces(items: Iterable[tuple[str, Article]], failures: list[IngestFailure], *, batch_size: int,
                   n_process: int) -> Iterator[tuple[Article, Extraction | None]]:
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


def ingest(paths: Iterable[str], store: Store, *, n_process: int = 1, batch_size: int = BATCH_SIZE,
           progress: Callable[[Article], None] | None = None, published: dt.date | None = None,
           source: str | None = None, cascade: bool = True,
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
    ``articles``, when given, are ingested instead of what ``paths`` hold (``shardwatch watch``
    reads feed entries itself). ``n_process`` > 1 parses in that many processes (``nlp.pipe``); this process alone writes.
    A pool is started only when more than ``n_process * batch_size`` articles are to be parsed:
    below that, starting the workers (each loads the model) costs more than they save.
    """
    failures: list[IngestFailure] = []
    warnings: list[IngestWarning] = []
    skipped: list[str] = []
    added: list[str] = []
    by_kind: Counter[str] = Counter()
    seen: set[str] = set()
    unparsed: list[str] = []
    batch: list[Extraction] = []

    def new_articles():
        items = articles if articles is not None else read_articles(paths, published=published, source=source)
        for item in items:
            if isinstance(item, IngestFailure):
                failures.append(item)
            elif isinstance(item, IngestWarning):
                warnings.append(item)
            elif item.id in seen or store.known_article_ids([item.id]):
                skipped.append(item.path or item.id)
            else:
                seen.add(item.id)
                if cascade and not relevance(item.text).relevant:
                    # stored with its batch, never parsed; flushed here too, so a stream of
                    # irrelevant articles keeps memory flat
                    batch.append(Extraction(item, parsed=False))
                    if progress is not None:
                        progress(item)
                    if len(batch) >= batch_size:
                        flush()
                    continue
                yield item.text, item

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

    to_parse = new_articles()
    if n_process > 1:
        head = list(itertools.islice(to_parse, n_process * batch_size + 1))
        if len(head) <= n_process * batch_size:
            n_process = 1
        to_parse = itertools.chain(head, to_parse)
    for article, extraction in extract_pieces(to_parse, failures, batch_size=batch_size, n_process=n_process):
        if extraction is not None:
            batch.append(extraction)
            if progress is not None:
                progress(article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    # issue 5: near-duplicates and incidents, over the new articles and the blocks they touch
    from shardwatch.resolve.corpus import update as resolve_corpus

    resolve_corpus(store)
    return IngestReport(added=tuple(added), skipped=tuple(skipped), failures=tuple(failures),
                        events_by_kind=dict(by_kind), warnings=tuple(warnings), unparsed=tuple(unparsed))
