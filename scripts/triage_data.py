"""The splits of ../shared/data that the relevance classifier is trained, tuned and measured on.

Shared by ``scripts/train_triage.py`` (which reads only the ``train`` and ``tune`` parts) and
``scripts/bench.py`` (which measures on the ``heldout`` parts and on ACLED). Nothing of
../shared/data is copied into the project: the texts are read here at run time.

- incidents dev: line i (0-based) is ``train`` when i % 5 in (0, 1, 2), ``tune`` when i % 5 == 3,
  ``heldout`` when i % 5 == 4 (never trained or tuned on, never looked at: measured only);
- territory dev: ``train`` when i % 4 in (0, 1), ``tune`` when i % 4 == 2, ``heldout`` when 3;
- WikiEvents train and MUC-4 train: ``train`` (positives only: the sentences holding an attack);
- BBC (../shared/data/corpora/bbc): by the SHA-256 of the file's whitespace-normalised text
  (so the corpus's 101 duplicate files fall in one part), first byte % 10: 0-3 ``train``,
  4 ``tune``, 5-9 ``heldout`` (the bench corpus);
- ACLED dev: measured only, never trained or tuned on (its terms forbid a shipped model on it).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def incidents_part(i: int) -> str:
    return {3: "tune", 4: "heldout"}.get(i % 5, "train")


def territory_part(i: int) -> str:
    return {2: "tune", 3: "heldout"}.get(i % 4, "train")


def read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def bbc_part(text: str) -> str:
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()
    bucket = digest[0] % 10
    return "train" if bucket < 4 else "tune" if bucket == 4 else "heldout"


def bbc_files(corpus: Path, part: str) -> list[Path]:
    """The BBC files of one part, in sorted order."""
    out = []
    for path in sorted(p for p in corpus.rglob("*.txt") if p.is_file() and not p.name.startswith(".")):
        text = read_text(path)
        if text is not None and bbc_part(text) == part:
            out.append(path)
    return out


def incidents(shared: Path, part: str) -> list[str]:
    """The attack reports of incidents dev in one part."""
    rows = jsonl(shared / "data/incidents/dev.jsonl")
    return [r["text"] for i, r in enumerate(rows) if incidents_part(i) == part]


def territory(shared: Path, part: str) -> list[str]:
    """The territory dev reports with events, in one part."""
    rows = jsonl(shared / "data/territory/dev.jsonl")
    return [r["text"] for i, r in enumerate(rows) if territory_part(i) == part and r.get("events")]


def acled(shared: Path, expect: str) -> list[str]:
    """ACLED dev notes whose gold ``expect`` is ``expect`` (attack, none, unsure): measuring only."""
    gold = {r["doc_id"]: r["expect"] for r in jsonl(shared / "data/acled/dev.gold.jsonl")}
    return [r["text"] for r in jsonl(shared / "data/acled/dev.jsonl") if gold.get(r["doc_id"]) == expect]
