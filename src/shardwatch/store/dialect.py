"""The two SQL engines behind one store: SQLite (the embedded default) and PostgreSQL (a store a
team shares, ``postgresql://...``).

The store's queries are written once, in the SQL both engines read (``ON CONFLICT``, ``"end"``
quoted, ``?`` placeholders); a ``Dialect`` holds only what differs:

1. placeholders: PostgreSQL's driver wants ``%s`` / ``%(name)s`` (and a literal ``%`` doubled);
2. the write transaction: SQLite's ``BEGIN IMMEDIATE`` takes its one writer lock; PostgreSQL
   takes a transaction-scoped advisory lock for work that must not run twice at once
   (migrations, corpus-wide resolution), while batches of articles are written concurrently;
3. DDL: the migrations are SQLite text; for PostgreSQL, ``INTEGER``/``REAL``/``BLOB``/``WITHOUT
   ROWID`` become ``BIGINT``/``DOUBLE PRECISION``/``BYTEA``/nothing, ``end`` is quoted, text sorts bytewise (``COLLATE "C"``), the tables read in ingest order get an
   identity column named ``rowid``, and the FTS5 table and its triggers become one GIN index
   over a ``tsvector`` expression (``PG_FTS_VECTOR``);
4. claiming work: ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, where workers may run side by side;
   nothing on SQLite, whose writer lock already admits one;
5. the errors each driver raises for a missing table and for a value the database refuses.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

# The text search vector of an article (PostgreSQL). 'simple': lower-cased words, no stemming and
# no stop words, as SQLite's unicode61 tokenizer does; the title weighs 'A' so that ``title:word``
# can ask for it.
PG_FTS_VECTOR = ("(setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')"
                 " || setweight(to_tsvector('simple'::regconfig, text), 'B'))")
# The key of the advisory lock every serialised PostgreSQL write takes (any constant will do:
# ``hashtext('shardwatch')``, written out so that it never changes with the server).
_WRITER_LOCK = 1_745_232_861
# Tables whose rows are read in insertion order (SQLite's implicit rowid).
_ORDERED_TABLES = ("articles", "event_actors", "quotes")


def is_postgres(path: str) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database (a ``postgresql://`` URL)."""
    return path.startswith(("postgresql://", "postgres://"))


@dataclass(frozen=True)
class Dialect:
    name: str
    begin_serialised: tuple[str, ...]  # statements that open a write transaction one runs at a time
    begin_batch: tuple[str, ...]  # statements that open a batch's write transaction
    skip_locked: str  # appended to a SELECT that claims rows of {table} for this worker
    missing_table_errors: tuple[type[BaseException], ...]
    data_errors: tuple[type[BaseException], ...]


SQLITE = Dialect("sqlite", ("BEGIN IMMEDIATE",), ("BEGIN IMMEDIATE",), "",
                 (sqlite3.OperationalError,), (sqlite3.IntegrityError,))


@functools.cache
def postgres() -> Dialect:
    """The PostgreSQL dialect (imports psycopg, an optional dependency: ``shardwatch[postgres]``)."""
    import psycopg

    return Dialect("postgresql", ("BEGIN", f"SELECT pg_advisory_xact_lock({_WRITER_LOCK})"), ("BEGIN",),
                   " FOR UPDATE OF {table} SKIP LOCKED", (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn),
                   (psycopg.errors.IntegrityError, psycopg.errors.DataError))


# -- placeholders ---------------------------------------------------------------------------

_LITERAL = re.compile(r"('(?:[^']|'')*')")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=1024)
def pg_sql(sql: str, named: bool) -> str:
    """SQLite-style placeholders as psycopg's: ``?`` -> ``%s``, ``:name`` -> ``%(name)s`` (when
    the parameters are a mapping), and ``%`` doubled; string literals are left as written."""
    parts = _LITERAL.split(sql)
    for i in range(0, len(parts), 2):  # even parts are outside quotes
        part = parts[i].replace("%", "%%").replace("?", "%s")
        parts[i] = _NAMED.sub(r"%(\1)s", part) if named else part
    return "".join(parts)


# -- DDL ------------------------------------------------------------------------------------

def pg_ddl(statement: str) -> list[str]:
    """A migration statement (SQLite text) as the PostgreSQL statements that do the same."""
    head = statement.lstrip().upper()
    if head.startswith("CREATE VIRTUAL TABLE ARTICLES_FTS"):
        return [f"CREATE INDEX articles_fts ON articles USING GIN ({PG_FTS_VECTOR})"]
    if head.startswith("CREATE TRIGGER"):  # the FTS5 table's upkeep; the index above needs none
        return []
    out = re.sub(r"\bREAL\b", "DOUBLE PRECISION", statement)
    out = re.sub(r"\bINTEGER\b", "BIGINT", out)  # SQLite's INTEGER is 64 bits (LSH buckets need them)
    out = re.sub(r"\bBLOB\b", "BYTEA", out)
    # bytewise order and comparison, as SQLite's BINARY, whatever locale the server was made with
    out = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)
    out = re.sub(r"\bend\b", '"end"', out)  # a reserved word in PostgreSQL
    out = re.sub(r"\)\s*WITHOUT ROWID\s*$", ")", out.rstrip().rstrip(";"))
    match = re.match(r"\s*CREATE TABLE (\w+)\s*\(", out)
    if match and match.group(1) in _ORDERED_TABLES:
        # last, so that INSERTs listing values by position still fill the columns they did
        out = out[: out.rindex(")")] + ",\n    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE\n)"
    return [out]


# -- a psycopg connection that reads like sqlite3's ----------------------------------------

class Row:
    """A row readable by position and by column name, as ``sqlite3.Row`` is."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence, index: Mapping[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str | slice):
        return self._values[self._index[key]] if isinstance(key, str) else self._values[key]

    def __iter__(self) -> Iterator:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    names = [column.name for column in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}
    return lambda values: Row(values, index)


class PgConnection:
    """A psycopg 3 connection in autocommit mode (transactions are opened with ``BEGIN`` as the
    store does on SQLite) whose ``execute`` takes the store's SQLite-style SQL."""

    def __init__(self, dsn: str, *, readonly: bool = False) -> None:
        import psycopg

        self.conn = psycopg.connect(dsn, autocommit=True, row_factory=_row_factory)
        if readonly:
            self.conn.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence | Mapping = ()):
        named = isinstance(params, Mapping)
        return self.conn.execute(pg_sql(sql, named), params)

    def executemany(self, sql: str, rows: Sequence[Sequence | Mapping]):
        rows = list(rows)
        cursor = self.conn.cursor()
        if rows:
            cursor.executemany(pg_sql(sql, isinstance(rows[0], Mapping)), rows)
        return cursor

    def close(self) -> None:
        self.conn.close()
