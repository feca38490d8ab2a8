"""Past one machine: two app processes share one Chroma server and one data directory; a
document uploaded through one is found through the other, and removed through it again."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from assistant.config import Settings
from reliability.servers import ChromaServer
from reliability.support import HERE, REPO, run_cli, subprocess_env

NOTICE = """---
title: Quuxville teacher housing notice
doc_type: policy
---

# Quuxville teacher housing subsidy

Quuxville county pays a housing subsidy to teachers who rotate to township schools for three
years, and reports the number of rotating teachers to the municipal education bureau.
"""
SECOND = NOTICE.replace("Quuxville", "Frobtown").replace("housing", "transport")


class Replica:
    def __init__(self, settings: Settings) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "replica.py")], env=subprocess_env(settings),
            cwd=str(REPO), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
        ready = self.process.stdout.readline()
        assert ready and json.loads(ready)["ready"], self.process.stderr.read()

    def __call__(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply["error"]
        return reply

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


@pytest.fixture
def shared(tmp_path, library):
    """One Chroma server, one shared data directory with the mini corpus indexed, two replicas."""
    server = ChromaServer(tmp_path)
    settings = Settings(data_dir=tmp_path / "shared-data", corpus_dirs=[library],
                        chroma_host="127.0.0.1", chroma_port=server.port)
    first = run_cli(settings, "ingest")
    assert first.returncode == 0, first.stderr
    replicas = [Replica(settings), Replica(settings)]
    yield replicas
    for replica in replicas:
        replica.stop()
    server.stop()


def doc_ids(reply: dict) -> list[str]:
    return [hit["doc_id"] for hit in reply["hits"]]


def test_an_upload_through_one_replica_is_found_through_the_other(shared):
    a, b = shared
    assert not any(d.startswith("upload-") for d in doc_ids(b(op="search", query="Quuxville")))

    uploaded = a(op="upload", name="quuxville-notice.md", text=NOTICE)

    assert uploaded["ok"], uploaded["report"]
    found = b(op="search", query="Quuxville housing subsidy for rotating teachers", k=3)
    top = found["hits"][0]
    assert top["doc_id"].startswith("upload-quuxville-notice")
    assert top["keyword_rank"] is not None  # B rebuilt its keyword index from the shared catalog
    assert top["dense_rank"] is not None    # and sees the vectors A wrote to the Chroma server
    status = b(op="status")
    assert status["documents"] == 3 and status["vectors"] == status["chunks"] \
        == status["keyword_chunks"]

    assert b(op="remove", doc_id=top["doc_id"])["removed"]
    assert top["doc_id"] not in doc_ids(a(op="search", query="Quuxville housing subsidy", k=5))


def test_uploads_through_both_replicas_at_once_are_both_kept(shared):
    a, b = shared
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
        assert doc_ids(replica(op="search", query="Quuxville housing", k=1))[0].startswith(
            "upload-quuxville")
        assert doc_ids(replica(op="search", query="Frobtown transport", k=1))[0].startswith(
            "upload-frobtown")
        status = replica(op="status")
        assert status["documents"] == 4 and status["vectors"] == status["chunks"]
