"""Metadata for plain-text reports from a sidecar file beside them.

A ``.txt`` file has nowhere to keep its title, source, date or address, so ``NAME.txt.json``
(an object) or ``NAME.txt.yaml`` / ``NAME.txt.yml`` (a mapping, read by the same safe loader as
front matter) beside ``NAME.txt`` can give them. Sidecars are metadata, never reports: a
folder walk passes over them. A sidecar that cannot be read costs the report nothing: it is
ingested without it, with a warning naming the sidecar and why.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from shardwatch.ingest.front_matter import FrontMatterError, split_front_matter

SIDECAR_SUFFIXES = (".json", ".yaml", ".yml")
# Metadata is a few hundred bytes; anything near this is no sidecar.
MAX_SIDECAR_BYTES = 64 * 1024


@dataclass(frozen=True)
class Sidecar:
    metadata: dict
    warning: str | None = None


def is_sidecar_name(name: str) -> bool:
    """Whether a file name is a sidecar's (``report.txt.json``)."""
    lower = name.lower()
    return any(lower.endswith(".txt" + suffix) for suffix in SIDECAR_SUFFIXES)


def read_sidecar(report: Path) -> Sidecar:
    """The metadata of the first sidecar beside ``report`` (none: empty metadata)."""
    for suffix in SIDECAR_SUFFIXES:
        path = report.with_name(report.name + suffix)
        if not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_SIDECAR_BYTES:
                raise ValueError(f"over {MAX_SIDECAR_BYTES:,} bytes")
            text = path.read_bytes().decode("utf-8-sig")
            metadata = _parse(text, suffix)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split("\n", 1)[0][:200]
            return Sidecar({}, f"metadata sidecar {path.name} not read ({reason}); ingested without it")
        return Sidecar(metadata)
    return Sidecar({})


def _parse(text: str, suffix: str) -> dict:
    if suffix == ".json":
        loaded = json.loads(text)
    else:
        try:
            loaded = split_front_matter(f"---\n{text.rstrip()}\n---\n").metadata
        except FrontMatterError as exc:
            raise ValueError(str(exc)) from None
    if not isinstance(loaded, dict):
        raise ValueError("not an object of fields")
    return loaded
