"""User search terms as SQLite FTS5 queries.

FTS5 reads a bare ``al-Adnani`` as the column ``al`` minus ``Adnani`` ("no such column"), and
``9/11`` or ``U.S.`` as syntax errors. So every bare word a user types is quoted as a string,
while what is FTS syntax on purpose is kept:

1. a "quoted phrase" stays as written;
2. the operators AND, OR, NOT and NEAR (upper case, as FTS5 wants them) and parentheses stay;
3. a trailing ``*`` stays a prefix search (``"Adnan"*``), a leading ``^`` an initial-token one;
4. ``title:word`` / ``text:word`` stay column filters on the quoted word;
5. any other word is quoted (inner double quotes doubled).

A query with an unbalanced double quote is read as plain words.
"""

from __future__ import annotations

import re

OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
COLUMNS = ("title", "text")
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _term(token: str) -> str:
    if token in OPERATORS or token in "()":
        return token
    column = ""
    for name in COLUMNS:
        if token.startswith(name + ":") and len(token) > len(name) + 1:
            column, token = name + ":", token[len(name) + 1:]
            break
    initial = token.startswith("^") and len(token) > 1
    token = token[1:] if initial else token
    prefix = token.endswith("*") and len(token) > 1
    token = token[:-1] if prefix else token
    return column + ("^" if initial else "") + _quote(token) + ("*" if prefix else "")


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for what a user typed (see the module docstring)."""
    if text.count('"') % 2:
        text = text.replace('"', " ")
    out = []
    for token in _TOKEN.findall(text):
        out.append(token if token.startswith('"') else _term(token))
    return " ".join(out)


def plain_words_query(text: str) -> str:
    """An FTS5 query for the words of ``text`` as written, every one required: each word a
    quoted string (its own quotes doubled), so no character in it is FTS5 syntax. Empty when
    ``text`` has no words."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())
