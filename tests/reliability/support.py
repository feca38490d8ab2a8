"""Helpers for the reliability tests: paths, store counts, the agreement check between catalog,
Chroma and BM25, and running ``assistant`` in another process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "fixtures"
BAD = FIXTURES / "bad"
MINI_CORPUS = FIXTURES / "mini-corpus"
REPO = TESTS.parent
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Counts:
    documents: int
    chunks: int
    vectors: int
    keyword_chunks: int


def counts(engine) -> Counts:
    status = engine.status()
    return Counts(status.documents, status.chunks, status.vectors, status.keyword_chunks)


def assert_stores_agree(engine) -> None:
    """Catalog, Chroma and BM25 hold exactly the same chunk ids, none twice."""
    catalog = engine.stores.catalog.chunk_ids()
    vectors = engine.stores.vectors.ids()
    engine.stores.refresh_keywords()
    keywords = engine.stores.keywords.ids()
    assert len(catalog) == len(set(catalog)), "duplicate chunk ids in the catalog"
    assert len(vectors) == len(set(vectors)), "duplicate vectors in Chroma"
    assert len(keywords) == len(set(keywords)), "duplicate chunks in the keyword index"
    assert set(vectors) == set(catalog), (f"orphan vectors {set(vectors) - set(catalog)}, "
                                          f"missing vectors {set(catalog) - set(vectors)}")
    assert keywords == catalog, "keyword index differs from the catalog"
    documents = engine.documents()
    assert sum(d.n_chunks for d in documents) == len(catalog)


def subprocess_env(settings: Settings, **extra: str) -> dict[str, str]:
    """Environment for an ``assistant`` process on the same data directory and corpus."""
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(settings.data_dir),
           "ASSISTANT_CORPUS_DIRS": json.dumps([str(p) for p in settings.corpus_dirs]),
           "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    if settings.chroma_host:
        env["ASSISTANT_CHROMA_HOST"] = settings.chroma_host
        env["ASSISTANT_CHROMA_PORT"] = str(settings.chroma_port)
    env.update(extra)
    return env


def run_cli(settings: Settings, *args: str, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True,
                          check=False,
                          text=True, env=subprocess_env(settings, **extra_env), timeout=600,
                          cwd=str(REPO))
