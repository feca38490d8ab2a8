"""Chroma server mode: a real ``chroma run`` on 127.0.0.1, ingest and search through it."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Engine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    log = open(tmp_path / "chroma.log", "w")  # noqa: SIM115 - the server writes it until teardown
    process = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"),
                                "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.time() > deadline:
                raise RuntimeError((tmp_path / "chroma.log").read_text())
            time.sleep(0.2)
    yield port
    os.kill(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


def test_ingest_and_search_through_a_chroma_server(chroma_server, tmp_path, mini_corpus):
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[mini_corpus],
                        chroma_host="127.0.0.1", chroma_port=chroma_server)
    engine = Engine(settings)
    report = engine.ingest()
    assert report.ok and report.count("indexed") == 2
    status = engine.status()
    assert status.store == "chroma (server)"
    assert status.store_location == f"http://127.0.0.1:{chroma_server}"
    assert status.vectors == status.chunks
    assert not (settings.index_dir / "chroma").exists()  # nothing embedded on disk
    hits = engine.search("teachers' average pay and civil servants", k=2)
    assert hits[0].chunk.article == "Article 31"
    assert hits[0].dense_rank is not None
