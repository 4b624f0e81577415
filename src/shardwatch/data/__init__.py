"""Access to the knowledge files shipped in this folder (see README.md here)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


def data_path(name: str):
    """A path-like handle to a file in the package's data folder."""
    return resources.files(__package__).joinpath(name)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """Every record of a JSON Lines data file, as read; blank lines and // comments skipped."""
    records = []
    text = data_path(name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:  # a packaging bug, not user input
            raise ValueError(f"{name}:{number}: {exc}") from exc
    return tuple(records)
