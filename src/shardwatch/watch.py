"""Watching sources: poll feeds and folders, ingest what is new, remember each source's state.

One poll of one source:

1. A feed is fetched conditionally with the validators the last poll stored (ETag,
   Last-Modified); 304 Not Modified ends the poll with nothing read. A folder (or file) is
   fingerprinted by its listing; the same fingerprint as last time ends the poll likewise.
2. A feed's entries not yet in the database are read (``ingest.feeds``) and ingested through
   the one ingest path (``pipeline.ingest``), as a folder is: articles already held are
   skipped, so nothing is stored twice.
3. Each bad item is a failure naming it; the others are ingested. A source with failed items
   keeps no validators, so the next poll reads it whole and tries those items again (feed
   entries already in the database are not fetched again, files already held are skipped).
4. The source's state (when polled, status, validators, items seen, new and failed) is
   written to the store, which ``shardwatch sources``, the HTTP API and the dashboard read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from shardwatch.ingest import articles_from_documents
from shardwatch.ingest.feeds import FeedError, fetch, feed_items, folder_fingerprint, is_feed_url, now_utc
from shardwatch.pipeline import ingest
from shardwatch.store import Store
from shardwatch.types import Article, IngestFailure, IngestReport, IngestWarning, PollReport, WatchedSource

__all__ = ["poll", "poll_source"]


def poll(sources: Iterable[str], store: Store, *, allow_hosts: Collection[str] | None = (),
         n_process: int = 1, batch_size: int = 64, cascade: bool = True, timeout: float = 30) -> list[PollReport]:
    """Poll each source once, in order; one source failing never stops the others."""
    return [poll_source(s, store, allow_hosts=allow_hosts, n_process=n_process, batch_size=batch_size,
                        cascade=cascade, timeout=timeout) for s in sources]


def poll_source(source: str, store: Store, *, allow_hosts: Collection[str] | None = (), n_process: int = 1,
                batch_size: int = 64, cascade: bool = True, timeout: float = 30) -> PollReport:
    """Poll one feed URL or path (see the module's steps). ``allow_hosts``: hosts whose pages a
    feed entry that gives only a link may be fetched from (``None``: any host)."""
    options = {"n_process": n_process, "batch_size": batch_size, "cascade": cascade}
    if is_feed_url(source):
        return _poll_feed(source, store, allow_hosts=allow_hosts, timeout=timeout, **options)
    return _poll_path(source, store, **options)


def _state(source: str, kind: str, status: str, **values) -> WatchedSource:
    return WatchedSource(source=source, kind=kind, last_polled=now_utc(), status=status, **values)


def _failed(store: Store, source: str, kind: str, reason: str, previous: WatchedSource | None) -> PollReport:
    """The source itself could not be read: the validators stay as they were."""
    state = _state(source, kind, "failed", detail=reason, etag=previous and previous.etag,
                   last_modified=previous and previous.last_modified)
    store.record_poll(state)
    return PollReport(store.watched_source(source), None, (IngestFailure(source, reason),))


def _poll_feed(url: str, store: Store, *, allow_hosts, timeout: float, **options) -> PollReport:
    previous = store.watched_source(url)
    try:
        answer = fetch(url, etag=previous and previous.etag, last_modified=previous and previous.last_modified,
                       timeout=timeout)
        if answer.status == 304:
            store.record_poll(_state(url, "feed", "not_modified", detail="HTTP 304: unchanged since the last poll",
                                     etag=answer.etag, last_modified=answer.last_modified))
            return PollReport(store.watched_source(url), None)
        items = list(feed_items(answer.body, url, seen=store.seen_items(url), allow_hosts=allow_hosts,
                                timeout=timeout))
    except FeedError as exc:
        return _failed(store, url, "feed", str(exc), previous)

    failures: list[IngestFailure] = []
    keys_of: dict[str, list[str]] = {}  # article id -> the entry keys that gave it
    stream: list[Article | IngestFailure | IngestWarning] = []
    for item in items:
        if item.document is None:  # already in the database
            continue
        if isinstance(item.document, IngestFailure):
            failures.append(item.document)
            continue
        for read in articles_from_documents([item.document]):
            if isinstance(read, Article):
                keys_of.setdefault(read.id, []).append(item.key)
            stream.append(read)
    report = ingest([], store, articles=stream, **options) if stream else IngestReport()
    failures += report.failures
    held = store.known_article_ids(keys_of)
    stored = [(key, article_id) for article_id, keys in keys_of.items() if article_id in held for key in keys]
    state = _state(url, "feed", "partial" if failures else "ok",
                   detail=_detail(len(report.added), failures),
                   # with failed items, no validators: the next poll reads the feed whole again
                   etag=None if failures else answer.etag,
                   last_modified=None if failures else answer.last_modified,
                   items_seen=len(items), items_new=len(report.added), items_failed=len(failures),
                   last_new=now_utc() if report.added else None)
    store.record_poll(state, stored)
    return PollReport(store.watched_source(url), report, tuple(failures))


def _poll_path(path: str, store: Store, **options) -> PollReport:
    previous = store.watched_source(path)
    target = Path(path)
    kind = "folder" if target.is_dir() else "file"
    if not target.exists():
        return _failed(store, path, kind, "no such file or folder", previous)
    fingerprint, files = folder_fingerprint(path)
    if previous is not None and previous.etag == fingerprint and previous.status != "failed":
        store.record_poll(_state(path, kind, "not_modified", detail="no file added, removed or changed",
                                 etag=fingerprint, items_seen=files))
        return PollReport(store.watched_source(path), None)
    report = ingest([path], store, **options)
    failures = list(report.failures)
    state = _state(path, kind, "partial" if failures else "ok", detail=_detail(len(report.added), failures),
                   etag=None if failures else fingerprint, items_seen=files, items_new=len(report.added), items_failed=len(failures),
                   last_new=now_utc() if report.added else None)
    store.record_poll(state)
    return PollReport(store.watched_source(path), report, tuple(failures))


def _detail(added: int, failures: list[IngestFailure]) -> str:
    text = f"{added} new article{'s' if added != 1 else ''}"
    if failures:
        text += f"; {len(failures)} item{'s' if len(failures) != 1 else ''} failed (tried again next poll)"
    return text
