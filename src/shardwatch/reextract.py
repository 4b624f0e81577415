"""Re-extraction: stored articles -> annotate -> extract -> store (replacing their records) -> resolve.

After the extractors' code or data changed, the records of articles extracted before carry an
older version (``extract.versions``). ``reextract`` runs annotation and extraction again on
those articles (or on all of them) from the text the store holds, replaces their records one
transaction per batch, and runs the corpus-wide resolution again as ingest does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from shardwatch.executor import CHUNK, run_local
from shardwatch.extract.versions import extraction_version, version_of
from shardwatch.nlp.pipeline import BATCH_SIZE
from shardwatch.store import Store
from shardwatch.types import Article, Extraction, IngestFailure, RecordChanges, ReextractReport

# The modules whose ``EXTRACTOR`` names the evidence of stored records.
EXTRACTOR_MODULES = ("attacks", "territory", "leadership", "allegiance", "claims", "quotes", "mentions")


def current_versions() -> dict[str, str]:
    """Each extractor's name (as evidence records it) and its current version."""
    from importlib import import_module

    out = {}
    for name in EXTRACTOR_MODULES:
        module = import_module(f"shardwatch.extract.{name}")
        out[module.EXTRACTOR] = version_of(module.__name__)
    return out


def articles_to_reextract(store: Store, *, everything: bool = False) -> list[str]:
    """The ids of the articles whose records came from an older extraction (all with
    ``everything``), in ingest order."""
    if everything:
        return store.all_article_ids()
    return store.stale_article_ids(extraction_version(), current_versions())


def reextract(store: Store, *, everything: bool = False, n_process: int = 1, batch_size: int = BATCH_SIZE,
              progress: Callable[[Article], None] | None = None,
              start: Callable[[int], None] | None = None) -> ReextractReport:
    """Extract again the stored articles whose records came from an older extraction version
    (every article with ``everything``) and replace their records.

    Record ids are hashes of the article and the record's position, so a record found again
    keeps its id, and an event found again with the same values keeps its incident. Records
    are replaced one transaction per ``batch_size`` articles; an article the extractors trip
    on keeps its old records and is reported. The near-duplicate and incident resolution then
    runs as after an ingest. ``start`` is told how many articles will be extracted,
    ``progress`` each one done. ``n_process`` > 1: the work runs in ingest's pool of worker
    processes (``shardwatch.executor.run_local``), this process alone writes.
    """
    version = extraction_version()
    ids = articles_to_reextract(store, everything=everything)
    checked = len(store.all_article_ids())
    if start is not None:
        start(len(ids))
    failures: list[IngestFailure] = []
    done: list[str] = []
    totals = {kind: RecordChanges() for kind in ("event", "claim", "quote")}
    batch: list[Extraction] = []

    def flush() -> None:
        changes = store.replace_extractions(batch)
        for kind, change in changes.items():
            old = totals[kind]
            totals[kind] = RecordChanges(old.kept + change.kept, old.changed + change.changed,
                                         old.added + change.added, old.removed + change.removed)
        done.extend(e.article.id for e in batch)
        batch.clear()

    read: deque[Article] = deque()

    def stored_articles() -> Iterator[Article]:
        for article_id in ids:
            article = store.article(article_id)
            if article is not None:
                read.append(article)
                yield article

    # The per-article work of ingest (every article parsed: no cascade), in this process or in
    # its pool of workers, one result an article in order (``run_local``).
    for result in run_local(stored_articles(), n_process=n_process, cascade=False, chunk_size=CHUNK):
        article = read.popleft()
        if isinstance(result, IngestFailure):
            failures.append(result)
        else:
            batch.append(result)
        if progress is not None:
            progress(article)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    if done:
        resolve_again(store, done)
    return ReextractReport(version=version, checked=checked, reextracted=tuple(done), failures=tuple(failures),
                           changes=totals)


def resolve_again(store: Store, article_ids: list[str]) -> None:
    """The corpus-wide resolution after records were replaced: descriptor mentions of the
    re-extracted articles (their mentions were written anew), then the near-duplicates and
    incidents that ingest resolves (events left out of an incident are resolved again)."""
    from shardwatch.resolve.corpus import link_descriptors, update

    with store.transaction():
        articles = [a for a in (store.article(i) for i in article_ids) if a is not None]
        link_descriptors(store, articles)
    update(store)
