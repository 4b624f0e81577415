"""The OpenAPI description and the server agree (issue 15): schemathesis, every check and phase,
with a fixed seed and a bounded number of examples, finds no failure.

It runs the ``schemathesis run`` command against the app served by uvicorn on a free loopback
port, as a user would: schema-valid requests must be answered, schema-violating ones refused
(422 in the one error shape), every status documented, undeclared methods answered 405 with
``Allow``, and no request may end in a server error.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import uvicorn

import dashboard_fixture
from shardwatch.serve.api import create_app

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
SEED = 15
# 20 examples an operation: about 1,350 requests in about 15 s on one core, inside make test's
# budget; the coverage phase adds the boundary and wrong-type cases whatever this number.
MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = dashboard_fixture.build(tmp_path_factory.mktemp("schemathesis") / "fixture.db")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # until it listens (it does within a second)
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.skipif(not SCHEMATHESIS.exists(), reason="schemathesis is installed by make test")
def test_schemathesis_finds_no_failure(server, tmp_path):
    proc = subprocess.run(
        [str(SCHEMATHESIS), "run", f"{server}/openapi.json", "--checks", "all",
         "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED),
         "--generation-database", "none", "--workers", "1", "--no-color"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    summary = proc.stdout[proc.stdout.find("SUMMARY"):]
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert " passed" in summary and "failure" not in summary, summary
