"""Shared fixtures for the unit tests (none of them loads the spaCy model)."""

from __future__ import annotations

import itertools

import pytest
from postgres_server import Unavailable, fresh_schema_url, throwaway_server

from shardwatch.store import Store

_schemas = itertools.count()


@pytest.fixture
def tmp_db(tmp_path):
    """A fresh file-backed store in a temporary folder, closed after the test."""
    store = Store(tmp_path / "test.db")
    yield store
    store.close()


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a throwaway PostgreSQL server for this test session (``postgres_server.py``);
    tests that need it are skipped, with the reason, where PostgreSQL cannot be started."""
    try:
        with throwaway_server() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def postgres_url(postgres_server):
    """The URL of an empty PostgreSQL store of this test's own (a fresh schema)."""
    return fresh_schema_url(postgres_server, f"test_{next(_schemas)}")


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """Where an empty store lives, once for each engine: a SQLite file, a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def any_db(db_url):
    """A fresh store on each engine in turn, closed after the test."""
    store = Store(db_url)
    yield store
    store.close()
