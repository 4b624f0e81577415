"""Shared fixtures for the unit tests (none of them loads the spaCy model)."""

from __future__ import annotations

import pytest

from shardwatch.store import Store


@pytest.fixture
def tmp_db(tmp_path):
    """A fresh file-backed store in a temporary folder, closed after the test."""
    store = Store(tmp_path / "test.db")
    yield store
    store.close()
