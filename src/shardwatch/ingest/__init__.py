"""Ingest: sources in, cleaned ``Article`` records out.

1. Read files, folders (recursively), JSON Lines and stdin (``sources``).
2. Normalise the text and remove page-furniture lines, counting them (``clean``).
3. Date the article from metadata, else from a dateline or byline (``dates``).
4. Identify it by a hash of the normalised text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace

from shardwatch.ingest.clean import article_id, normalise, remove_furniture
from shardwatch.ingest.dates import date_from_text, parse_metadata_date
from shardwatch.ingest.sources import RawDocument, read_documents
from shardwatch.types import Article, IngestFailure, IngestWarning

__all__ = ["article_from_raw", "articles_from_documents", "read_articles"]


def article_from_raw(raw: RawDocument) -> Article | IngestFailure:
    """The cleaned, dated article of a raw document (see ``article_and_warnings``)."""
    return article_and_warnings(raw)[0]


def article_and_warnings(raw: RawDocument) -> tuple[Article | IngestFailure, tuple[IngestWarning, ...]]:
    """The cleaned, dated article of a raw document, and what was not read as written."""
    warnings = [IngestWarning(raw.origin, w) for w in raw.warnings]
    text, removed = remove_furniture(normalise(raw.text))
    if not text:
        return IngestFailure(raw.origin, "no text left after removing page furniture"), ()
    published, precision = parse_metadata_date(raw.published)
    how = "metadata" if published else "none"
    if published is None:
        if raw.published not in (None, ""):
            shown = " ".join(str(raw.published).split())
            shown = shown if len(shown) <= 40 else shown[:40] + "..."
            warnings.append(IngestWarning(raw.origin, f"publication date {shown!r} is not a date; "
                                                      "dated from the text instead"))
        published, precision, how = date_from_text(text)
    title = raw.title or _first_line_title(text)
    article = Article(
        id=article_id(text),
        text=text,
        title=title,
        source=raw.source,
        url=raw.url,
        published=published,
        published_precision=precision,
        published_from=how,
        language=raw.language or "en",
        removed_lines=removed,
        path=raw.origin,
    )
    return article, tuple(warnings)


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first[:120] if first and len(first) <= 120 and not first.endswith(".") else None


def read_articles(paths: Iterable[str], *, published: dt.date | None = None, source: str | None = None
                  ) -> Iterator[Article | IngestFailure | IngestWarning]:
    """Articles from the given paths, in order; failures are yielded, never raised, and so are
    warnings, each just before the article it is about. ``published`` and ``source`` stand in
    for a document whose own metadata gives none."""
    yield from articles_from_documents(read_documents(paths), published=published, source=source)


def articles_from_documents(documents: Iterable[RawDocument | IngestFailure], *, published: dt.date | None = None,
                            source: str | None = None) -> Iterator[Article | IngestFailure | IngestWarning]:
    """``read_articles`` for raw documents read elsewhere (feed entries): the same cleaning,
    dating and stand-ins, failures passed on."""
    for raw in documents:
        if isinstance(raw, IngestFailure):
            yield raw
            continue
        if (published and raw.published in (None, "")) or (source and not raw.source):
            raw = replace(raw, published=raw.published if raw.published not in (None, "") else published,
                          source=raw.source or source)
        try:
            article, warnings = article_and_warnings(raw)
        except Exception as exc:  # noqa: BLE001 - one strange document never ends the batch
            yield IngestFailure(raw.origin, f"could not be read: unexpected {type(exc).__name__}: {exc}"[:300])
            continue
        yield from warnings
        yield article
