"""The main job: sources -> ingest -> annotate -> extract -> store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from shardwatch.extract import extract
from shardwatch.ingest import read_articles
from shardwatch.nlp import get_nlp
from shardwatch.nlp.pipeline import BATCH_SIZE
from shardwatch.store import Store
from shardwatch.types import Article, Extraction, IngestFailure, IngestReport


def ingest(paths: Iterable[str], store: Store, *, n_process: int = 1, batch_size: int = BATCH_SIZE,
           progress: Callable[[Article], None] | None = None) -> IngestReport:
    """Ingest every report under ``paths`` that the store does not hold yet.

    Articles are written in batches of ``batch_size``, one transaction each. Bad sources are
    reported in the result, never raised; the others are still ingested.
    """
    failures: list[IngestFailure] = []
    skipped: list[str] = []
    added: list[str] = []
    by_kind: Counter[str] = Counter()
    seen: set[str] = set()

    def new_articles():
        for item in read_articles(paths):
            if isinstance(item, IngestFailure):
                failures.append(item)
            elif item.id in seen or store.known_article_ids([item.id]):
                skipped.append(item.path or item.id)
            else:
                seen.add(item.id)
                yield item.text, item

    batch: list[Extraction] = []

    def flush() -> None:
        store.write_batch(batch)
        for extraction in batch:
            added.append(extraction.article.id)
            by_kind.update(e.kind for e in extraction.events)
        batch.clear()

    docs = get_nlp().pipe(new_articles(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, article in docs:
        batch.append(extract(article, doc))
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
                        events_by_kind=dict(by_kind))
