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


# -- the same queries for PostgreSQL ---------------------------------------------------------
# FTS5's grammar over the tokens above, as a tsquery built from PostgreSQL's own functions, so
# that a word is split into lexemes exactly as the indexed text was ('simple' configuration):
# NOT binds tightest, then AND (also implied between terms; NEAR is read as AND: tsquery has no
# unordered proximity), then OR. A quoted word or phrase is ``phraseto_tsquery``; ``word*`` is a
# prefix lexeme; ``title:`` / ``text:`` restrict to the weight the title ('A') or body ('B') was
# indexed with; ``^`` (initial token) has no tsquery form and matches anywhere.

_WEIGHTS = {"title:": "A", "text:": "B"}


class _TsQuery:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.i, self.params = tokens, 0, []

    def _peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> str:
        expr = self._or()
        if self._peek() is not None:
            raise ValueError(f"syntax error near {self._peek()!r}")
        return expr

    def _or(self) -> str:
        expr = self._and()
        while self._peek() == "OR":
            self.i += 1
            expr = f"({expr} || {self._and()})"
        return expr

    def _and(self) -> str:
        expr = self._not()
        while self._peek() not in (None, "OR", ")"):
            if self._peek() in ("AND", "NEAR"):
                self.i += 1
            expr = f"({expr} && {self._not()})"
        return expr

    def _not(self) -> str:
        expr = self._primary()
        while self._peek() == "NOT":
            self.i += 1
            expr = f"({expr} && !!{self._primary()})"
        return expr

    def _primary(self) -> str:
        token = self._peek()
        self.i += 1
        if token == "(":
            expr = self._or()
            if self._peek() != ")":
                raise ValueError("unbalanced parentheses")
            self.i += 1
            return expr
        if token is None or token in OPERATORS or token == ")":  # as FTS5, a syntax error
            raise ValueError(f"syntax error near {token or 'the end'!r}")
        return self._term(token)

    def _term(self, token: str) -> str:
        if token.startswith('"'):
            self.params.append(token[1:-1])
            return "phraseto_tsquery('simple', ?)"
        weight = ""
        for column, letter in _WEIGHTS.items():
            if token.startswith(column) and len(token) > len(column):
                weight, token = letter, token[len(column):]
                break
        if token.startswith("^") and len(token) > 1:
            token = token[1:]
        prefix = token.endswith("*") and len(token) > 1
        token = token[:-1] if prefix else token
        if token.startswith('"') and token.endswith('"') and len(token) > 1:
            token = token[1:-1]
        if not (prefix or weight):
            self.params.append(token)
            return "phraseto_tsquery('simple', ?)"
        # each lexeme of the word, as the parser splits it, with the prefix / weight marks
        self.params.append(token)
        marks = ("*" if prefix else "") + weight
        return ("COALESCE((SELECT to_tsquery('simple', string_agg(quote_literal(t.token) || ':" + marks
                + "', ' <-> ')) FROM ts_debug('simple', ?) t WHERE t.lexemes <> '{}'), ''::tsquery)")


def pg_tsquery(text: str) -> tuple[str, list[str]]:
    """A PostgreSQL tsquery expression (SQL with ``?`` parameters) for what a user typed, with
    the meaning ``fts_query`` gives it on SQLite (see the notes above ``_TsQuery``). Raises
    ValueError where FTS5 reports a syntax error (an operator with nothing to join, an
    unbalanced parenthesis)."""
    if text.count('"') % 2:
        text = text.replace('"', " ")
    parser = _TsQuery(_TOKEN.findall(text))
    return parser.parse(), parser.params
