"""A throwaway PostgreSQL server for the tests: ``initdb`` into a temporary folder, ``pg_ctl``
on a free port of 127.0.0.1 (its socket in that folder too), stopped and deleted at the end.

Debian's ``postgresql`` package provides the programs (``make test`` installs it when it can).
``initdb`` refuses to run as root, so as root the server runs as the unprivileged ``nobody``.
``SHARDWATCH_TEST_POSTGRES=postgresql://...`` uses a server of your own instead: each test
creates a schema of its own there (``test_N``, dropped and made again by the next run), so
point it at a scratch database.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def _bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Unavailable(Exception):
    """PostgreSQL is not installed or would not start (the message says which)."""


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server and yield its URL (database ``postgres``, user ``postgres``, no password)."""
    if os.environ.get("SHARDWATCH_TEST_POSTGRES"):
        yield os.environ["SHARDWATCH_TEST_POSTGRES"]
        return
    bindir = _bindir()
    if bindir is None:
        raise Unavailable("PostgreSQL is not installed (Debian's package postgresql; `make test` installs it as root)")
    folder = tempfile.mkdtemp(prefix="shardwatch-pg-")
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse root
        shutil.chown(folder, "nobody")
        os.chmod(folder, 0o755)
        run_as = ["runuser", "-u", "nobody", "--"]
    data, log, port = os.path.join(folder, "data"), os.path.join(folder, "log"), _free_port()
    try:
        try:
            subprocess.run([*run_as, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                            "--no-sync"], check=True, capture_output=True, text=True)
            # fsync off: a test server keeps nothing worth a disk flush
            subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o",
                            f"-k {folder} -h 127.0.0.1 -p {port} -F", "start"], check=True, capture_output=True,
                           text=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or ""
            if os.path.exists(log):
                with open(log) as handle:
                    detail += handle.read()[-500:]
            raise Unavailable(f"PostgreSQL would not start: {exc}: {detail.strip()}") from exc
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*run_as, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fresh_schema_url(server: str, name: str) -> str:
    """A URL of ``server`` whose tables go to a new, empty schema ``name``."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    joiner = "&" if "?" in server else "?"
    return f"{server}{joiner}options=-csearch_path%3D{name}"
