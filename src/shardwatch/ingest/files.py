"""Which files a list of paths names: folders walked, odd entries reported, names made printable.

Every path given, and every entry of a folder that looks like a report by its suffix, yields
a file to read or an ``IngestFailure`` saying why it cannot be read: a FIFO, socket or device
(reading one would block or never end), a broken symlink or a symlink loop, an unreadable
folder. Nothing that looks like a report is passed over without a word.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from shardwatch.ingest.sidecar import is_sidecar_name
from shardwatch.types import IngestFailure

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
SKIPPED_NAMES = {"readme.md", "readme.txt"}


def display_path(path: Path | str) -> str:
    """The path as text that can be printed and stored: bytes that are not UTF-8 in a file
    name (kept by Python as lone surrogates) are shown as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_file(path: Path) -> IngestFailure | None:
    """None when ``path`` is a regular file (after symlinks), else why it cannot be read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            reason = "symlink loop" if exc.errno == errno.ELOOP else "broken symlink"
            return IngestFailure(display_path(path), f"{reason}: {exc.strerror or exc}")
        return IngestFailure(display_path(path), "no such file or folder")
    if stat.S_ISREG(mode):
        return None
    return IngestFailure(display_path(path), f"{_kind(mode)}, not a regular file: not read")


def _is_report_name(name: str) -> bool:
    lower = name.lower()
    return (not name.startswith(".") and Path(lower).suffix in SUPPORTED and lower not in SKIPPED_NAMES
            and not is_sidecar_name(name))


def walk_folder(folder: Path) -> Iterator[Path | IngestFailure]:
    """Report files under ``folder`` (recursively, sorted by path parts, hidden entries and
    symlinked folders not followed), and a failure for each entry that looks like a report
    but cannot be read, and for each folder that cannot be listed."""
    found: list[tuple[tuple[str, ...], Path | IngestFailure]] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as exc:
            found.append((current.parts, IngestFailure(display_path(current),
                                                       f"cannot list folder: {exc.strerror or exc}")))
            continue
        for entry in listed:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    pending.append(path)
                continue
            if not _is_report_name(entry.name):
                continue
            problem = check_file(path)
            found.append((path.parts, problem or path))
    found.sort(key=lambda item: item[0])
    return (item for _, item in found)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | str | IngestFailure]:
    """Files under the given paths (folders recursively, sorted), "-" for stdin, and a
    failure for each path or entry that cannot be read."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            files = list(walk_folder(path))
            if not files:
                yield IngestFailure(display_path(raw), "folder holds no .txt, .md, .html, .json, .jsonl or .csv files")
            yield from files
            continue
        problem = check_file(path)
        yield problem if problem is not None else path
