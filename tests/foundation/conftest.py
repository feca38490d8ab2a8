"""Fixtures for the foundation tests: a tiny corpus and an engine over a fresh data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MINI_CORPUS = FIXTURES / "mini-corpus"


@pytest.fixture
def mini_corpus(tmp_path) -> Path:
    """A writable copy of the mini corpus (tests change and delete files in it)."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI_CORPUS, target)
    return target


@pytest.fixture
def mini_settings(tmp_path, mini_corpus) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dirs=[mini_corpus])


@pytest.fixture
def mini_engine(mini_settings):
    from assistant.engine import Engine

    engine = Engine(mini_settings)
    yield engine
    engine.stores.catalog.close()
