"""Text normalisation, page-furniture removal and article identity."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from shardwatch.data import load_jsonl

# Longest line that can be furniture: a real paragraph is longer than any share bar or prompt.
# Chosen by reading the furniture of news sites: prompts and headline links are under 160
# characters; the shortest news paragraphs are longer than that.
MAX_FURNITURE_CHARS = 160


@dataclass(frozen=True)
class FurnitureRule:
    pattern: re.Pattern
    kind: str
    block: bool


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    return tuple(
        FurnitureRule(re.compile(r["pattern"], re.IGNORECASE), r["kind"], bool(r.get("block")))
        for r in load_jsonl("furniture.jsonl")
    )


def normalise(text: str) -> str:
    """NFC, Unix line ends, no trailing spaces, no runs of blank lines, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _furniture(line: str) -> FurnitureRule | None:
    stripped = line.strip().strip("|•·*#>-–—[]").strip()
    if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
        return None
    for rule in furniture_rules():
        if rule.pattern.fullmatch(stripped):
            return rule
    return None


def remove_furniture(text: str) -> tuple[str, int]:
    """Drop page-furniture lines; return the text left and how many lines were removed.

    A "related articles" style header also removes the headline lines that follow it, up
    to the next blank line: those headlines name other stories, and their places and
    actors must not leak into this article's records.
    """
    kept: list[str] = []
    removed = 0
    in_block = False
    for line in text.split("\n"):
        if in_block:
            if not line.strip():
                in_block = False
            else:
                removed += 1
                continue
        rule = _furniture(line)
        if rule is None:
            kept.append(line)
            continue
        removed += 1
        in_block = rule.block
    return normalise("\n".join(kept)), removed


def article_id(text: str) -> str:
    """Identity of an article: a hash of its normalised text (whitespace and case folded)."""
    folded = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]
