"""Faults of the shared parts. The Chroma server goes away: searches and answers go on by
keywords with a notice (app, CLI, JSON), writes go on in the catalog, and the next ingest or
`assistant doctor` adds the vectors missed once it is back. The database goes away: a clear
error naming ASSISTANT_DATABASE_URL (exit code, app page) and no half-written document."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from reliability.postgres import PostgresServer
from reliability.servers import ChromaServer, free_port, wait_for_http
from reliability.support import REPO

from assistant.config import Settings
from assistant.engine import Engine
from assistant.index import catalog as catalog_module
from assistant.index import vector_guard
from assistant.index.database import DatabaseUnavailable
from assistant.library import ingest_upload
from deployment.support import run_cli, shared_env

QUESTION = "Which department allocates teaching staff evenly across schools?"
NOTICE = """---
title: Quuxville teacher housing notice
doc_type: policy
---

# Quuxville teacher housing subsidy

Quuxville county pays a housing subsidy to teachers who rotate to township schools for three
years, and reports the number of rotating teachers to the municipal education bureau.
"""


class RestartableChroma(ChromaServer):
    """A ``chroma run`` that can be started again on the same port and folder."""

    def __init__(self, folder) -> None:
        self.folder = folder
        super().__init__(folder)

    def start_again(self) -> None:
        chroma = os.path.join(os.path.dirname(sys.executable), "chroma")
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(
                [chroma, "run", "--path", str(self.folder / "chroma-server"), "--host",
                 "127.0.0.1", "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        wait_for_http(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", self.process,
                      self.log_path)


@pytest.fixture
def chroma(tmp_path):
    server = RestartableChroma(tmp_path)
    yield server
    server.stop()


def test_a_chroma_outage_gives_keyword_only_answers_with_a_notice_and_recovers(
        chroma, tmp_path, library, monkeypatch):
    monkeypatch.setattr(vector_guard, "RETRY_S", 0.2)
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        chroma_host="127.0.0.1", chroma_port=chroma.port)
    engine = Engine(settings)
    assert engine.ingest().ok
    before = engine.search(QUESTION, k=3)
    assert before[0].chunk.doc_id == "mini-law" and before[0].dense_rank is not None

    chroma.stop()
    hits = engine.search(QUESTION, k=3)
    assert hits and hits[0].chunk.doc_id == "mini-law"  # found by keywords
    assert all(h.dense_rank is None for h in hits) and hits[0].keyword_rank is not None
    assert "ASSISTANT_CHROMA_HOST" in engine.outage()
    # an upload during the outage is committed to the catalog and searchable by keywords
    _, report = ingest_upload(engine, "quuxville.md", NOTICE.encode())
    assert report.ok, report.to_json()
    found = engine.search("Quuxville housing subsidy", k=1)
    assert found[0].chunk.doc_id.startswith("upload-quuxville") and found[0].dense_rank is None
    assert engine.status().vectors == -1  # unknown while the server is away
    engine.stores.catalog.close()

    # the CLI starts during the outage and says so in its JSON
    asked = run_cli(settings, "ask", QUESTION, "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["vector_search"] == "unavailable"
    assert "keyword search only" in answer["notice"] and answer["citations"]
    status = run_cli(settings, "status", "--json")
    assert json.loads(status.stdout)["vector_search"] == "unavailable"
    doctor = run_cli(settings, "doctor", "--json")
    assert doctor.returncode == 1 and json.loads(doctor.stdout)["consistent"] is False
    searched = run_cli(settings, "search", "Quuxville", "--json")
    assert searched.returncode == 0 and "keyword" in searched.stderr
    assert json.loads(searched.stdout)[0]["doc_id"].startswith("upload-quuxville")

    chroma.start_again()
    doctor = run_cli(settings, "doctor", "--json")
    repaired = json.loads(doctor.stdout)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert repaired["repairs"]["missing_vectors_added"] == report.chunks_indexed > 0
    assert repaired["consistent"] and repaired["vector_search"] == "ok"
    # the engine that saw the outage uses the server again, dense ranking included
    back = engine.search("Quuxville housing subsidy for rotating teachers", k=1)
    assert back[0].dense_rank is not None and engine.outage() is None


def test_the_next_ingest_resyncs_vectors_missed_in_an_outage(chroma, tmp_path, library,
                                                             monkeypatch):
    monkeypatch.setattr(vector_guard, "RETRY_S", 0.2)
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        chroma_host="127.0.0.1", chroma_port=chroma.port)
    engine = Engine(settings)
    chroma.stop()
    report = engine.ingest()  # the whole corpus while the server is away
    assert report.ok and report.count("indexed") == 2
    chroma.start_again()
    assert engine.ingest().count("unchanged") == 2  # nothing to embed, the vectors re-synced
    status = engine.status()
    assert status.vectors == status.chunks > 0 and engine.outage() is None


def test_an_unreachable_chroma_at_start_still_stops_a_direct_engine(tmp_path, library):
    from assistant.index.vector_store import StoreUnavailable

    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(StoreUnavailable, match="ASSISTANT_CHROMA_HOST"):
        Engine(settings)


def test_the_app_shows_a_keyword_only_notice_during_an_outage(chroma, tmp_path, library,
                                                              monkeypatch):
    from streamlit.testing.v1 import AppTest

    from assistant.app import state
    from assistant.config import get_settings

    monkeypatch.setattr(vector_guard, "RETRY_S", 0.2)
    env = {"ASSISTANT_DATA_DIR": str(tmp_path / "data"), "ASSISTANT_CHROMA_HOST": "127.0.0.1",
           "ASSISTANT_CHROMA_PORT": str(chroma.port),
           "ASSISTANT_CORPUS_DIRS": json.dumps([str(library)])}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in ("ASSISTANT_APP_PASSWORD", "ASSISTANT_ADMIN_PASSWORD", "ASSISTANT_LLM_BASE_URL",
                 "ASSISTANT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    state._engine_future.clear()  # this test's settings, not another test's engine
    try:
        assert Engine(get_settings()).ingest().ok
        chroma.stop()
        app = AppTest.from_file(str(REPO / "assistant" / "app" / "main.py"), default_timeout=180)
        app.run()
        app.chat_input[0].set_value(QUESTION).run()
        warnings = [w.value for w in app.warning]
        assert any("keyword search only" in w for w in warnings), warnings
        assert not app.exception
    finally:
        state._engine_future.clear()
        get_settings.cache_clear()


@pytest.fixture
def own_postgres():
    """A PostgreSQL server of this test's own (it is stopped and started again)."""
    from reliability.postgres import missing_reason

    if missing_reason():
        pytest.skip(missing_reason())
    server = PostgresServer()
    yield server
    server.destroy()


def test_a_database_lost_mid_write_leaves_no_half_written_document(own_postgres, tmp_path,
                                                                   library, monkeypatch):
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        database_url=own_postgres.create_database())
    engine = Engine(settings)
    assert engine.ingest().ok
    before = engine.stores.catalog.counts()

    # The server stops inside the transaction that stores the upload: its document row is
    # written, its chunks are being prepared.
    original = catalog_module._record_without_metadata
    stopped = []

    def stop_inside_the_transaction(chunk):
        if not stopped:
            own_postgres.stop()
            stopped.append(True)
        return original(chunk)

    monkeypatch.setattr(catalog_module, "_record_without_metadata", stop_inside_the_transaction)
    with pytest.raises(DatabaseUnavailable, match="ASSISTANT_DATABASE_URL"):
        ingest_upload(engine, "quuxville.md", NOTICE.encode())
    assert stopped
    monkeypatch.setattr(catalog_module, "_record_without_metadata", original)
    with pytest.raises(DatabaseUnavailable, match="ASSISTANT_DATABASE_URL"):
        engine.search(QUESTION)

    own_postgres.start()  # the same engine goes on once the server is back
    assert engine.stores.catalog.counts() == before
    assert not any(d.doc_id.startswith("upload-") for d in engine.stores.catalog.documents())
    for row in engine.stores.catalog.documents():
        assert len(engine.stores.catalog.document_chunks(row.doc_id)) == row.n_chunks
    assert engine.search(QUESTION, k=1)[0].chunk.doc_id == "mini-law"
    _, report = ingest_upload(engine, "quuxville.md", NOTICE.encode())
    assert report.ok and engine.stores.catalog.counts()[0] == before[0] + 1


def test_an_unreachable_database_ends_the_cli_with_a_code_naming_the_setting(tmp_path, library):
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        database_url=f"postgresql://nobody:secret@127.0.0.1:{free_port()}/x")
    for command in (["status"], ["ingest"], ["memo", "list"]):
        done = run_cli(settings, *command)
        assert done.returncode == 3, (command, done.stdout, done.stderr)
        assert "ASSISTANT_DATABASE_URL" in done.stderr and "Traceback" not in done.stderr
        assert "secret" not in done.stderr  # the password is not printed
    assert not (settings.index_dir / "catalog.sqlite").exists()


def test_the_app_shows_an_error_page_naming_the_setting(tmp_path, library, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from assistant.app import state
    from assistant.config import get_settings

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_DATABASE_URL",
                       f"postgresql://nobody@127.0.0.1:{free_port()}/x")
    for name in ("ASSISTANT_APP_PASSWORD", "ASSISTANT_ADMIN_PASSWORD", "ASSISTANT_CHROMA_HOST"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    state._engine_future.clear()
    try:
        app = AppTest.from_file(str(REPO / "assistant" / "app" / "main.py"), default_timeout=120)
        app.run()
        errors = " ".join(e.value for e in app.error)
        assert "ASSISTANT_DATABASE_URL" in errors and "cannot be reached" in errors
        assert not app.exception
    finally:
        state._engine_future.clear()
        get_settings.cache_clear()


HOLD_THE_LOCK = """
import time
from assistant.config import get_settings
from assistant.engine import Engine
with Engine(get_settings()).indexer.ingest_lock():
    print("locked", flush=True)
    time.sleep(600)
"""


def test_a_killed_replica_frees_the_ingest_lock(postgres, tmp_path, library):
    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        database_url=postgres.create_database())
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK],
        env=shared_env(settings), cwd=str(REPO), stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    busy = run_cli(settings, "ingest", "--no-wait")
    assert busy.returncode == 1 and "another ingest is running" in busy.stderr
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    done = run_cli(settings, "ingest", "--no-wait")  # the server freed the lock with the session
    assert done.returncode == 0, done.stderr
