"""Records of a long text extracted piece by piece, joined into the records of the whole.

A text too long to annotate whole (``nlp.pipeline.LONG_TEXT_CHARS``) is annotated and
extracted in pieces. Each piece is extracted as an article of its own whose id is the whole
article's id with the piece number (so record ids, hashes of article id and offsets, never
collide between pieces and are the same on every run); joining then moves every character
offset by the piece's start and gives every record the whole article's id back.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from shardwatch.types import Article, Evidence, Extraction, Mention


def piece_article(article: Article, number: int, text: str) -> Article:
    """The stand-in article for one piece of ``article``'s text."""
    return replace(article, id=f"{article.id}~{number}", text=text)


def join_extractions(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction for ``article`` from the extractions of its pieces, each given with the
    piece's first character in the whole text."""
    events, mentions, claims, quotes = [], [], [], []
    for start, part in parts:
        def shift(value, start=start, piece_id=part.article.id):
            return _shift(value, start, piece_id, article.id)

        events += [shift(e) for e in part.events]
        mentions += [shift(m) for m in part.mentions]
        claims += [shift(c) for c in part.claims]
        quotes += [shift(q) for q in part.quotes]
    return Extraction(article=article, events=tuple(events), mentions=tuple(mentions), claims=tuple(claims),
                      quotes=tuple(quotes), version=parts[0][1].version if parts else "")


def _shift(value, offset: int, piece_id: str, article_id: str):
    """``value`` with offsets of evidence and mentions moved by ``offset`` and the piece's id
    replaced by the article's, through nested records and tuples."""
    if isinstance(value, str):
        return article_id if value == piece_id else value
    if isinstance(value, tuple):
        return tuple(_shift(v, offset, piece_id, article_id) for v in value)
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    if isinstance(value, (Evidence, Mention)):
        changes = {"start": value.start + offset, "end": value.end + offset}
    for field in fields(value):
        if field.name in changes:
            continue
        old = getattr(value, field.name)
        new = _shift(old, offset, piece_id, article_id)
        if new is not old:
            changes[field.name] = new
    return replace(value, **changes) if changes else value
