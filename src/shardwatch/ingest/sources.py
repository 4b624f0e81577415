"""Reading reports from files, folders and stdin into raw documents.

This is the only module that reads the outside world. Every file yields documents or one
``IngestFailure`` naming the file and the reason; one bad file never stops the others.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import trafilatura

from shardwatch.types import IngestFailure

# Larger than any news article or feed file we expect; a bigger file is almost certainly a
# mistake (a database, an archive) and would be read into memory whole.
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "publication_date", "published_at")


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


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str | IngestFailure]:
    """Files under the given paths (folders recursively, sorted), "-" for stdin."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED
                and p.name.lower() not in {"readme.md", "readme.txt"}
            )
            if not files:
                yield IngestFailure(raw, "folder holds no .txt, .md, .html, .json or .jsonl files")
            yield from files
        elif path.is_file():
            yield path
        else:
            yield IngestFailure(raw, "no such file or folder")


def read_documents(paths: Iterable[str]) -> Iterator[RawDocument | IngestFailure]:
    for item in expand_paths(paths):
        if isinstance(item, IngestFailure):
            yield item
        elif item == "-":
            yield from _read_stdin()
        else:
            yield from _read_file(item)


def _read_stdin() -> Iterator[RawDocument | IngestFailure]:
    data = sys.stdin.buffer.read()
    yield from _parse_bytes(data, "<stdin>", suffix=None)


def _read_file(path: Path) -> Iterator[RawDocument | IngestFailure]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestFailure(origin, f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} byte limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestFailure(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from _parse_bytes(data, origin, suffix=path.suffix.lower())


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
            suffix = ".jsonl"
        elif stripped[:200].lower().startswith(("<!doctype html", "<html")):
            suffix = ".html"
        elif stripped.startswith("---"):
            suffix = ".md"
        else:
            suffix = ".txt"
    if suffix in JSON_SUFFIXES:
        yield from _parse_json(text, origin)
    elif suffix in HTML_SUFFIXES:
        yield _parse_html(text, origin)
    elif suffix in MARKDOWN_SUFFIXES:
        yield _parse_markdown(text, origin)
    else:
        yield RawDocument(text=text, origin=origin)


def _parse_markdown(text: str, origin: str) -> RawDocument | IngestFailure:
    try:
        post = frontmatter.loads(text)
    except Exception as exc:  # the YAML parser raises many types; all mean bad front matter
        return IngestFailure(origin, f"malformed front matter: {str(exc).splitlines()[0]}")
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
    stripped = text.lstrip()
    # A list, or one object spread over several lines, is one JSON document; a file whose
    # first line is a whole object is JSON Lines.
    whole = stripped.startswith("[") or (
        stripped.startswith("{") and "\n" in stripped.strip() and not _is_json(stripped.split("\n", 1)[0]))
    if whole:
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            yield IngestFailure(origin, f"malformed JSON: {exc.msg} at line {exc.lineno}")
            return
        numbered = list(enumerate(items if isinstance(items, list) else [items], 1))
        where = "item"
    else:
        numbered = []
        for number, line in enumerate(io.StringIO(text), 1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                yield IngestFailure(f"{origin}:{number}", f"malformed JSON line: {exc.msg}")
        where = "line"
    for number, item in numbered:
        label = f"{origin}:{number}"
        if not isinstance(item, dict):
            yield IngestFailure(label, f"JSON {where} is not an object")
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


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _first(mapping: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if mapping.get(key) not in (None, ""):
            return mapping[key]
    return None


def _str(value: object) -> str | None:
    return None if value in (None, "") else str(value)
