"""Replicas on separate hosts: two replica processes, each with its own data directory (keyword
index, caches), sharing only the PostgreSQL catalog, the Chroma server and the upload store.
A change through one (upload, removal, re-index, memo edit) is seen by the other at its next
request."""

from __future__ import annotations

import threading

import pytest
from reliability.servers import ChromaServer

from assistant.config import Settings
from assistant.engine import Engine
from assistant.index.locks import IngestBusy
from deployment.support import Replica, run_cli

NOTICE = """---
title: Quuxville teacher housing notice
doc_type: policy
---

# Quuxville teacher housing subsidy

Quuxville county pays a housing subsidy to teachers who rotate to township schools for three
years, and reports the number of rotating teachers to the municipal education bureau.
"""
SECOND = NOTICE.replace("Quuxville", "Frobtown").replace("housing", "transport")


def doc_ids(reply: dict) -> list[str]:
    return [hit["doc_id"] for hit in reply["hits"]]


@pytest.fixture
def hosts(tmp_path, postgres, library):
    """Settings of two hosts: own data directories; shared database, Chroma and uploads."""
    server = ChromaServer(tmp_path)
    shared = {"corpus_dirs": [library], "chroma_host": "127.0.0.1", "chroma_port": server.port,
              "database_url": postgres.create_database(), "upload_dir": tmp_path / "upload-store"}
    settings = [Settings(data_dir=tmp_path / f"host-{name}", **shared) for name in "ab"]
    first = run_cli(settings[0], "ingest")
    assert first.returncode == 0, first.stderr
    yield settings
    server.stop()


@pytest.fixture
def replicas(hosts):
    started = [Replica(settings) for settings in hosts]
    yield started
    for replica in started:
        replica.stop()


def test_uploads_and_removals_through_one_are_seen_by_the_other(replicas, hosts):
    a, b = replicas
    assert not any(d.startswith("upload-") for d in doc_ids(b(op="search", query="Quuxville")))

    uploaded = a(op="upload", name="quuxville-notice.md", text=NOTICE)
    assert uploaded["ok"], uploaded["report"]
    top = b(op="search", query="Quuxville housing subsidy for rotating teachers", k=3)["hits"][0]
    assert top["doc_id"].startswith("upload-quuxville-notice")
    assert top["keyword_rank"] is not None  # B rebuilt its own keyword index from the catalog
    assert top["dense_rank"] is not None    # and finds A's vectors on the Chroma server
    status = b(op="status")
    assert status["documents"] == 3 and status["vectors"] == status["chunks"] \
        == status["keyword_chunks"]

    # nothing of the catalog or the uploads is on either host's disk
    for settings in hosts:
        assert not (settings.index_dir / "catalog.sqlite").exists()
        assert not (settings.data_dir / "uploads").exists()
        assert (settings.index_dir / "bm25").is_dir()  # each keeps its own keyword index
    assert [p.name for p in hosts[0].upload_dir.iterdir()] == ["quuxville-notice.md"]

    assert b(op="remove", doc_id=top["doc_id"])["removed"]
    assert top["doc_id"] not in doc_ids(a(op="search", query="Quuxville housing subsidy", k=5))
    assert list(hosts[0].upload_dir.iterdir()) == []
    assert a(op="status")["documents"] == 2


def test_a_reindex_through_one_is_seen_by_the_other_and_a_changed_file_is_refused(replicas,
                                                                                  hosts):
    a, b = replicas
    assert a(op="upload", name="quuxville.md", text=NOTICE)["ok"]
    assert b(op="upload", name="frobtown.md", text=SECOND)["ok"]
    store = hosts[0].upload_dir
    # another process changes a stored file behind the catalog's back
    (store / "frobtown.md").write_text(SECOND.replace("three", "thirty"), encoding="utf-8")
    report = b(op="reindex")
    assert report["failed"] == 1 and "differs from the one uploaded" in \
        report["failures"][0]["reason"] and report["failures"][0]["path"].endswith("frobtown.md")
    assert report["unchanged"] == 1
    # the file's last good version stays searchable from both
    for replica in (a, b):
        assert doc_ids(replica(op="search", query="Frobtown transport", k=1))[0].startswith(
            "upload-frobtown")

    # a new file dropped into the store and re-indexed through A is found through B
    (store / "frobtown.md").write_text(SECOND, encoding="utf-8")
    (store / "zorbtown.md").write_text(NOTICE.replace("Quuxville", "Zorbtown"), encoding="utf-8")
    report = a(op="reindex")
    assert report["indexed"] == 1 and report["failed"] == 0, report
    assert doc_ids(b(op="search", query="Zorbtown housing subsidy", k=1))[0].startswith(
        "upload-zorbtown")


def test_memo_edits_through_one_are_seen_by_the_other(replicas, hosts):
    a, b = replicas
    draft = a(op="memo_create", topic="teacher rotation")
    assert b(op="memo_list")["ids"] == [draft["id"]]
    edited = b(op="memo_edit", id=draft["id"], summary="Rotate one teacher in ten each year.")
    assert edited["version"] == 2
    assert a(op="memo_open", id=draft["id"]) == {"version": 2,
                                                 "summary": "Rotate one teacher in ten each year."}
    a(op="memo_edit", id=draft["id"], summary="Rotate one in eight.")
    assert b(op="memo_open", id=draft["id"])["version"] == 3
    b(op="memo_delete", id=draft["id"])
    assert a(op="memo_list")["ids"] == []
    for settings in hosts:
        assert not (settings.data_dir / "drafts").exists()


def test_uploads_through_both_at_once_are_both_kept(replicas):
    a, b = replicas
    replies: dict[str, dict] = {}
    threads = [threading.Thread(target=lambda r=r, n=n, t=t: replies.__setitem__(
        n, r(op="upload", name=n, text=t)))
        for r, n, t in ((a, "quuxville.md", NOTICE), (b, "frobtown.md", SECOND))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert all(reply["ok"] for reply in replies.values()), replies
    for replica in (a, b):
        assert doc_ids(replica(op="search", query="Frobtown transport", k=1))[0].startswith(
            "upload-frobtown")
        status = replica(op="status")
        assert status["documents"] == 4 and status["vectors"] == status["chunks"] \
            == status["keyword_chunks"]


def test_the_ingest_lock_is_taken_in_the_database_not_a_file(hosts):
    first, second = Engine(hosts[0]), Engine(hosts[1])
    with first.indexer.ingest_lock():
        with pytest.raises(IngestBusy, match="replica that shares this database"), \
                second.indexer.ingest_lock(wait=False):
            pass
        busy = run_cli(hosts[1], "ingest", "--no-wait")
        assert busy.returncode == 1 and "another ingest is running" in busy.stderr
    with second.indexer.ingest_lock(wait=False):  # released when the block ends
        pass
    for settings in hosts:
        assert not (settings.data_dir / "ingest.lock").exists()
