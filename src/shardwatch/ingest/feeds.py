"""Reading what a watched source holds now: RSS/Atom feeds over HTTP, and folders.

1. ``fetch`` asks for a URL with the validators of the last answer (``If-None-Match`` with the
   ETag, ``If-Modified-Since`` with Last-Modified); a 304 means nothing changed and carries no
   body.
2. ``feed_items`` parses a feed (feedparser) and gives each entry not seen before as a raw
   document: its own text when the feed carries it (``content``), else the main text of the
   page it links to, through trafilatura, when the user allows that page's host; else the
   entry's summary. An entry that gives nothing to read is an ``IngestFailure`` naming it;
   the other entries go on.
3. ``folder_fingerprint`` stands for a folder's listing (names, sizes, modification times), so
   that a poll of a folder whose files did not change reads nothing.

Only this module (with ``sources`` and ``files``) reads the outside world.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from shardwatch import __version__
from shardwatch.errors import ShardwatchError
from shardwatch.ingest.files import expand_paths
from shardwatch.ingest.sources import MAX_FILE_BYTES, RawDocument
from shardwatch.types import IngestFailure

__all__ = ["FeedError", "Fetched", "FeedItem", "fetch", "feed_items", "folder_fingerprint", "is_feed_url"]

USER_AGENT = f"shardwatch/{__version__} (+https://github.com/shardwatch)"
TIMEOUT = 30  # seconds a feed or page may take to answer
# Block elements after which an entry's HTML content starts a new line (paragraphs stay apart).
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


class FeedError(ShardwatchError):
    """A feed that could not be fetched or parsed at all (its items are not reached)."""


@dataclass(frozen=True)
class Fetched:
    """An HTTP answer: ``body`` is None for 304 Not Modified."""

    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    url: str


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: its key (the entry id, else its link, else a hash of its title and
    summary) and what reading it gave (None: an entry in ``seen``, not read again)."""

    key: str
    document: RawDocument | IngestFailure | None


def is_feed_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def fetch(url: str, *, etag: str | None = None, last_modified: str | None = None,
          timeout: float = TIMEOUT) -> Fetched:
    """GET ``url``, conditionally when validators are given; raises FeedError for anything
    but a 2xx or a 304 (the reason in one line)."""
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_FILE_BYTES + 1)
            if len(body) > MAX_FILE_BYTES:
                raise FeedError(f"{url}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
            return Fetched(response.status, body, response.headers.get("ETag"),
                           response.headers.get("Last-Modified"), response.geturl())
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, None, exc.headers.get("ETag") or etag,
                           exc.headers.get("Last-Modified") or last_modified, url)
        raise FeedError(f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FeedError(f"cannot fetch: {reason}") from None


def html_text(html: str) -> str:
    """The text of an HTML fragment, block elements on lines of their own."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - not HTML after all: keep it as text
        return html
    for node in root.iter():
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
            node.tail = "\n" + (node.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _entry_key(entry) -> str:
    key = entry.get("id") or entry.get("link")
    if key:
        return str(key)
    seed = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(seed.encode("utf-8", "replace")).hexdigest()


def _entry_date(entry) -> dt.date | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(field)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def host_allowed(url: str, allow_hosts: Collection[str] | None) -> bool:
    """Whether the page at ``url`` may be fetched: ``None`` allows every host; otherwise the
    host, or a domain it is under, must be listed."""
    if allow_hosts is None:
        return True
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return any(host == h.lower() or host.endswith("." + h.lower()) for h in allow_hosts)


def page_text(url: str, *, timeout: float = TIMEOUT) -> str:
    """The main text of the page at ``url`` (trafilatura); raises FeedError when none."""
    import trafilatura

    page = fetch(url, timeout=timeout)
    # bytes: trafilatura finds the page's encoding itself
    text = trafilatura.extract(page.body, url=page.url, include_comments=False)
    if not text or not text.strip():
        raise FeedError("no main text found on the page")
    return text


def feed_items(body: bytes, feed_url: str, *, seen: Collection[str] = (),
               allow_hosts: Collection[str] | None = (), timeout: float = TIMEOUT) -> Iterator[FeedItem]:
    """The entries of a feed in feed order, each not in ``seen`` read into a raw document or a
    failure naming it. ``allow_hosts``: the hosts whose linked pages may be fetched (empty:
    none, ``None``: any). Raises FeedError when the body is no feed at all."""
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed ({reason or 'no entries'})")
    publisher = parsed.feed.get("title") or urllib.parse.urlsplit(feed_url).hostname
    for number, entry in enumerate(parsed.entries, 1):
        key = _entry_key(entry)
        if key in seen:
            yield FeedItem(key, None)
            continue
        link = entry.get("link")
        origin = f"{feed_url} entry {number}" + (f" ({link})" if link else "")
        try:
            document = _entry_document(entry, origin, publisher, allow_hosts, timeout)
        except FeedError as exc:
            document = IngestFailure(origin, str(exc))
        except Exception as exc:  # noqa: BLE001 - one strange entry never ends the feed
            document = IngestFailure(origin, f"could not be read: unexpected {type(exc).__name__}: {exc}"[:300])
        yield FeedItem(key, document)


def _entry_document(entry, origin: str, publisher: str | None, allow_hosts, timeout: float) -> RawDocument:
    link = entry.get("link")
    contents = [c.get("value", "") for c in entry.get("content", ()) if c.get("value")]
    text = "\n\n".join(html_text(c) for c in contents).strip()
    if not text and link and host_allowed(link, allow_hosts):
        text = page_text(link, timeout=timeout)
    if not text:
        text = html_text(entry.get("summary", "") or "").strip()
    if not text:
        if link:
            raise FeedError("the entry gives only a link, to a host not allowed (--fetch-pages or "
                            "--allow-host HOST fetches it)")
        raise FeedError("the entry has no text and no link")
    title = html_text(entry.get("title", "") or "").strip() or None
    return RawDocument(text=text, origin=origin, title=title, source=publisher, url=link,
                       published=_entry_date(entry))


def folder_fingerprint(folder: str) -> tuple[str, int]:
    """A hash of the folder's report files (path, size, modification time) and their number:
    the same hash means no file was added, removed or changed."""
    digest = hashlib.sha1()
    count = 0
    for item in sorted(expand_paths([folder]), key=str):
        if isinstance(item, IngestFailure):
            digest.update(f"failure {item.source} {item.reason}\n".encode("utf-8", "replace"))
            continue
        try:
            info = Path(item).stat()
        except OSError:
            continue
        count += 1
        digest.update(f"{item}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest(), count


def now_utc() -> str:
    """Now, in UTC, as ISO 8601 to the second."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
