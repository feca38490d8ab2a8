"""Crash safety: an ingest killed with SIGKILL midway leaves a usable index, the next ingest
completes, and catalog, Chroma and BM25 agree; ``assistant doctor`` finds and repairs damage."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.engine import Engine
from reliability.support import HERE, REPO, assert_stores_agree, run_cli, subprocess_env

N_DOCS = 40


def make_documents(folder: Path, n: int = N_DOCS) -> None:
    """Small distinct documents; each has a made-up word so a search can tell them apart."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"notice-{i:03d}.md").write_text(
            f"---\nid: notice-{i:03d}\ntitle: County notice {i}\ndoc_type: policy\n---\n\n"
            f"# County notice {i}\n\nThe county assigns teachers to rural school zorblax{i} and "
            f"reports the rotation each term.\n\n## Funding\n\nThe budget for zorblax{i} covers "
            "heating, books and teacher housing in the township.\n", encoding="utf-8")


def catalog_documents(settings) -> int:
    path = settings.index_dir / "catalog.sqlite"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30) as db:
        return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]


def start_crashing_ingest(settings, point: str, after: int, marker: Path) -> subprocess.Popen:
    env = subprocess_env(settings, CRASH_POINT=point, CRASH_AFTER=str(after),
                         CRASH_MARKER=str(marker))
    return subprocess.Popen([sys.executable, str(HERE / "crash_ingest.py")], env=env, cwd=str(REPO),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(condition, process: subprocess.Popen, timeout_s: float = 300) -> None:
    deadline = time.time() + timeout_s
    while not condition():
        if process.poll() is not None:
            raise AssertionError(f"the ingest ended before the crash point:\n{process.stdout.read()}")
        if time.time() > deadline:
            process.kill()
            raise AssertionError("the ingest never reached the crash point")
        time.sleep(0.05)


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL


@pytest.fixture
def indexed(settings):
    """The mini corpus indexed by another process: the 'previous index' a crash must not lose."""
    result = run_cli(settings, "ingest")
    assert result.returncode == 0, result.stderr
    return settings


@pytest.mark.parametrize("point, after", [("before_vectors", 11), ("between_files", 17),
                                          ("keyword_build", 1)])
def test_an_ingest_killed_midway_leaves_a_usable_index_and_the_next_one_completes(
        indexed, library, tmp_path, point, after):
    make_documents(library / "notices")
    marker = tmp_path / "paused"
    process = start_crashing_ingest(indexed, point, after, marker)
    wait_for(marker.exists, process)
    kill(process)

    committed = catalog_documents(indexed) - 2
    assert 0 < committed < N_DOCS or point == "keyword_build"
    engine = Engine(indexed)
    # Search still answers from what was committed before the crash.
    hits = engine.search("rotation of principals and teachers between schools", k=3)
    assert hits[0].chunk.doc_id == "mini-law"
    if point != "keyword_build":
        assert engine.search("zorblax3", k=1)[0].chunk.doc_id == "notice-003"
        assert all(h.chunk.doc_id != "notice-039" for h in engine.search("zorblax39", k=3))

    report = engine.ingest()

    assert report.ok, report.to_json()
    assert report.count("indexed") + report.count("unchanged") == N_DOCS + 2
    assert report.count("indexed") == N_DOCS - committed
    assert len(engine.documents()) == N_DOCS + 2
    assert_stores_agree(engine)
    assert engine.search("zorblax39", k=1)[0].chunk.doc_id == "notice-039"
    assert not list((indexed.index_dir / "bm25").glob("*crashed*"))  # the half build is cleared


def test_an_ingest_killed_at_a_random_moment_is_repaired_by_the_next(indexed, library, tmp_path):
    make_documents(library / "notices", 120)
    process = start_crashing_ingest(indexed, "none", 0, tmp_path / "unused")
    wait_for(lambda: catalog_documents(indexed) > 2, process)
    time.sleep(random.Random().uniform(0, 0.5))  # anywhere in the burst of commits
    if process.poll() is None:
        kill(process)
    engine = Engine(indexed)
    assert engine.search("teachers pay civil servants", k=1)[0].chunk.doc_id == "mini-law"
    report = engine.ingest()
    assert report.ok and len(engine.documents()) == 122
    assert_stores_agree(engine)


def test_doctor_reports_agreement_and_repairs_injected_damage(indexed):
    first = run_cli(indexed, "doctor", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["consistent"] is True

    engine = Engine(indexed)
    chunk = engine.document_chunks("mini-law")[0]
    vector = engine.stores.catalog.embeddings([chunk.chunk_id])[chunk.chunk_id]
    from dataclasses import replace
    engine.stores.vectors.upsert([replace(chunk, chunk_id="ghost:0001")], np.stack([vector]))  # orphan
    gone = engine.stores.catalog.chunk_ids()[:2]
    engine.stores.vectors.delete(gone)                                                      # missing
    tokens = list(engine.iter_tokens())
    engine.stores.keywords.build(tokens[:-3], engine.version(), reuse=False)      # stale BM25
    assert engine.stores.vectors.count() == engine.status().chunks - 1
    assert engine.stores.keywords.size == len(tokens) - 3

    repaired = run_cli(indexed, "doctor", "--json")

    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    info = json.loads(repaired.stdout)
    no_sentence_repairs = {"orphan_sentence_vectors_removed": 0, "chunks_sentences_embedded": 0,
                           "statement_vectors_added": 0, "statement_vectors_removed": 0}
    assert info["repairs"] == {"orphan_vectors_removed": 1, "missing_vectors_added": 2,
                               "keyword_index_rebuilt": 1, **no_sentence_repairs}
    assert info["consistent"] is True
    assert info["chunks"] == info["vectors"] == info["keyword_chunks"] == len(tokens)
    again = json.loads(run_cli(indexed, "doctor", "--json").stdout)
    assert again["repairs"] == {"orphan_vectors_removed": 0, "missing_vectors_added": 0,
                                "keyword_index_rebuilt": 0, **no_sentence_repairs}


def test_doctor_rebuilds_a_deleted_keyword_index(indexed):
    import shutil

    shutil.rmtree(indexed.index_dir / "bm25")
    result = run_cli(indexed, "doctor", "--json")
    info = json.loads(result.stdout)
    assert result.returncode == 0 and info["repairs"]["keyword_index_rebuilt"] == 1
    assert info["consistent"] is True
