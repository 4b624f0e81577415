"""Reading reports from files, folders and stdin into raw documents.

With ``files`` (which paths name which files) and ``sidecar`` (metadata beside a .txt file),
this is the only module that reads the outside world. Every file yields documents or one
``IngestFailure`` naming the file (and the line, item or row) and the reason; one bad file or
line never stops the others.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path

import trafilatura

from shardwatch.ingest.files import (CSV_SUFFIXES, HTML_SUFFIXES, JSON_SUFFIXES, MARKDOWN_SUFFIXES, SUPPORTED,
                                     TEXT_SUFFIXES, display_path, expand_paths)
from shardwatch.ingest.front_matter import FrontMatterError, has_front_matter, split_front_matter
from shardwatch.ingest.sidecar import read_sidecar
from shardwatch.types import IngestFailure

__all__ = ["MAX_FILE_BYTES", "RawDocument", "SUPPORTED", "TEXT_SUFFIXES", "expand_paths", "read_documents"]

# Larger than any news article or feed file we expect; a bigger file is almost certainly a
# mistake (a database, an archive) and would be read into memory whole.
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "publication_date", "published_at")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class RawDocument:
    """A document as read, before cleaning: text plus whatever metadata came with it."""

    text: str
    origin: str  # file path, "path:line" for JSON Lines, or "<stdin>"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: object = None
    language: str | None = None
    # what was read other than as written ("front matter read line by line")
    warnings: tuple[str, ...] = ()


def read_documents(paths: Iterable[str]) -> Iterator[RawDocument | IngestFailure]:
    """Raw documents from the paths, in order; each bad source gives one ``IngestFailure``
    naming it (and the line of a JSON Lines file) with the reason, and never stops the rest."""
    for item in expand_paths(paths):
        if isinstance(item, IngestFailure):
            yield item
            continue
        origin = "<stdin>" if item == "-" else display_path(item)
        # The readers below report every failure they know of; this net catches what they do
        # not know of yet, so that one strange input never ends the batch.
        try:
            for doc in _read_stdin() if item == "-" else _read_file(item):
                yield _checked(doc)
        except Exception as exc:  # noqa: BLE001 - see above
            yield IngestFailure(origin, f"could not be read: unexpected {type(exc).__name__}: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().split("\n", 1)[0]
    return text[:200] or type(exc).__name__


def _checked(doc: RawDocument | IngestFailure) -> RawDocument | IngestFailure:
    """A document whose text and metadata hold only valid Unicode; a lone surrogate (JSON's
    "\\ud800") could not be stored, so the document is refused naming the field."""
    if isinstance(doc, IngestFailure):
        return doc
    for field in fields(doc):
        value = getattr(doc, field.name)
        if isinstance(value, str) and field.name != "origin":
            bad = _SURROGATE.search(value)
            if bad:
                return IngestFailure(doc.origin, f"not valid Unicode: a lone surrogate U+{ord(bad.group()):04X} "
                                                 f"in the {field.name} field")
    return doc


def _read_stdin() -> Iterator[RawDocument | IngestFailure]:
    data = sys.stdin.buffer.read()
    yield from _parse_bytes(data, "<stdin>", suffix=None)


def _read_file(path: Path) -> Iterator[RawDocument | IngestFailure]:
    origin = display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestFailure(origin, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestFailure(origin, f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix != ".txt":  # only a .txt file has a sidecar
        yield from _parse_bytes(data, origin, suffix=suffix)
        return
    sidecar = read_sidecar(path)
    for doc in _parse_bytes(data, origin, suffix=suffix):
        yield _with_metadata(doc, sidecar.metadata, sidecar.warning)


def _with_metadata(doc: RawDocument | IngestFailure, meta: dict, warning: str | None) -> RawDocument | IngestFailure:
    """A plain-text document with the metadata of its sidecar."""
    if isinstance(doc, IngestFailure) or not (meta or warning):
        return doc
    return replace(
        doc,
        title=_str(meta.get("title")) or doc.title,
        source=_str(meta.get("source") or meta.get("publisher")) or doc.source,
        url=_str(meta.get("url")) or doc.url,
        published=_first(meta, DATE_FIELDS) or doc.published,
        language=_str(meta.get("language")) or doc.language,
        warnings=doc.warnings + ((warning,) if warning else ()),
    )


def _decode(data: bytes, origin: str) -> str | IngestFailure:
    if not data.strip():
        return IngestFailure(origin, "file is empty")
    if b"\x00" in data[:8192]:
        return IngestFailure(origin, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestFailure(origin, f"not valid UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start})")


def _parse_bytes(data: bytes, origin: str, *, suffix: str | None) -> Iterator[RawDocument | IngestFailure]:
    text = _decode(data, origin)
    if isinstance(text, IngestFailure):
        yield text
        return
    if suffix is None:  # stdin: sniff the content
        stripped = text.lstrip()
        if stripped.startswith("{") or stripped.startswith("["):
            suffix = ".json"
        elif stripped[:200].lower().startswith(("<!doctype html", "<html")):
            suffix = ".html"
        elif has_front_matter(stripped):
            suffix = ".md"
        else:
            suffix = ".txt"
    if suffix in JSON_SUFFIXES:
        yield from _parse_json(text, origin)
    elif suffix in CSV_SUFFIXES:
        yield from _parse_csv(text, origin)
    elif suffix in HTML_SUFFIXES:
        yield _parse_html(text, origin)
    elif suffix in MARKDOWN_SUFFIXES:
        yield _parse_markdown(text, origin)
    else:
        yield RawDocument(text=text, origin=origin)


def _parse_markdown(text: str, origin: str) -> RawDocument | IngestFailure:
    try:
        post = split_front_matter(text)
    except FrontMatterError as exc:
        return IngestFailure(origin, str(exc))
    meta = post.metadata
    if not post.content.strip():
        return IngestFailure(origin, "no text after the front matter")
    return RawDocument(
        text=post.content,
        origin=origin,
        title=_str(meta.get("title")),
        source=_str(meta.get("source") or meta.get("publisher")),
        url=_str(meta.get("url")),
        published=_first(meta, DATE_FIELDS),
        language=_str(meta.get("language")),
        warnings=(post.warning,) if post.warning else (),
    )


def _parse_html(html: str, origin: str) -> RawDocument | IngestFailure:
    # extensive_search off: only dates the page marks up as its own, never a footer's year.
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = doc.text if doc is not None else None
    if not text or not text.strip():
        return IngestFailure(origin, "no article text found in the HTML page")
    return RawDocument(
        text=text,
        origin=origin,
        title=doc.title,
        source=doc.sitename,
        url=doc.url,
        published=doc.date,
        language=doc.language,
    )


def _parse_json(text: str, origin: str) -> Iterator[RawDocument | IngestFailure]:
    """A JSON document (a list of objects, or one object) or JSON Lines (an object a line).

    The whole text is tried as one document first; when that fails and any line holds an
    object, the text is JSON Lines and each bad line is reported on its own, so one malformed
    or odd line (a list, a line nested too deeply) never costs the good lines beside it.
    """
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    try:
        whole, error = json.loads(text), None
    except (ValueError, RecursionError) as exc:  # ValueError: also the 4,300-digit integer limit
        whole, error = None, exc
    if error is None and isinstance(whole, list):
        if not whole:
            yield IngestFailure(origin, "JSON list holds no items")
            return
        numbered, where = list(enumerate(whole, 1)), "item"
    elif error is None and len(lines) > 1:  # one object spread over several lines
        numbered, where = [(1, whole)], "item"
    else:
        numbered, where = [], "line"
        failed: list[IngestFailure] = []
        for number, line in lines:
            try:
                numbered.append((number, json.loads(line)))
            except (ValueError, RecursionError) as exc:
                failed.append(IngestFailure(f"{origin}:{number}", f"malformed JSON line: {_json_problem(exc, column=True)}"))
        if not any(isinstance(item, dict) for _, item in numbered) and error is not None:
            yield IngestFailure(origin, f"malformed JSON: {_json_problem(error)}")
            return
        yield from failed
    for number, item in numbered:
        label = f"{origin}:{number}"
        if not isinstance(item, dict):
            yield IngestFailure(label, f"JSON {where} is {'a list, ' if isinstance(item, list) else ''}not an object")
            continue
        body = _first(item, TEXT_FIELDS)
        if not isinstance(body, str) or not body.strip():
            yield IngestFailure(label, f"JSON {where} has no text (fields tried: {', '.join(TEXT_FIELDS)})")
            continue
        yield RawDocument(
            text=body,
            origin=label,
            title=_str(item.get("title")),
            source=_str(item.get("source") or item.get("publisher")),
            url=_str(item.get("url")),
            published=_first(item, DATE_FIELDS),
            language=_str(item.get("language")),
        )


def _parse_csv(text: str, origin: str) -> Iterator[RawDocument | IngestFailure]:
    """A table with a header row: each row with a text column (text, body or content) is one
    document, named ``path:N`` by its row (the header is row 1); metadata from the columns of
    the JSON fields' names."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if "\t" in sample.split("\n", 1)[0] else csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = [name.strip().lower() for name in reader.fieldnames or ()]
    except csv.Error as exc:
        yield IngestFailure(origin, f"malformed CSV header: {exc}")
        return
    if not any(name in header for name in TEXT_FIELDS):
        yield IngestFailure(origin, f"CSV has no text column (columns tried: {', '.join(TEXT_FIELDS)})")
        return
    reader.fieldnames = header
    row_number = 1
    while True:
        row_number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field over the csv module's 131,072-character limit, a stray NUL
            yield IngestFailure(f"{origin}:{row_number}", f"malformed CSV row: {exc}")
            continue
        item = {key: value for key, value in row.items() if isinstance(key, str)}
        body = _first(item, TEXT_FIELDS)
        if not isinstance(body, str) or not body.strip():
            yield IngestFailure(f"{origin}:{row_number}", f"CSV row has no text (columns tried: {', '.join(TEXT_FIELDS)})")
            continue
        yield RawDocument(
            text=body,
            origin=f"{origin}:{row_number}",
            title=_str(item.get("title")),
            source=_str(item.get("source") or item.get("publisher")),
            url=_str(item.get("url")),
            published=_first(item, DATE_FIELDS),
            language=_str(item.get("language")),
        )


def _json_problem(exc: BaseException, *, column: bool = False) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at " + (f"column {exc.colno}" if column else f"line {exc.lineno}")
    if "integer string conversion" in str(exc):
        return "a number too long to read (over 4,300 digits)"
    return _one_line(exc)


def _first(mapping: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if mapping.get(key) not in (None, ""):
            return mapping[key]
    return None


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)
