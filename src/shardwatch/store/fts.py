"""Full-text queries: turning any text into a query FTS5 accepts."""

from __future__ import annotations


def plain_words_query(text: str) -> str:
    """An FTS5 query for the words of ``text`` as written, every one required: each word a
    quoted string (its own quotes doubled), so no character in it is FTS5 syntax. Empty when
    ``text`` has no words."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())
