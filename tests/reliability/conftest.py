"""Fixtures for the reliability tests: a small indexed library on a fresh data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import Settings
from reliability.support import MINI_CORPUS


@pytest.fixture
def library(tmp_path) -> Path:
    """A writable copy of the mini corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI_CORPUS, target)
    return target


@pytest.fixture
def settings(tmp_path, library) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dirs=[library])


@pytest.fixture
def engine(settings):
    """An engine with the mini corpus already indexed."""
    from assistant.engine import Engine

    engine = Engine(settings)
    report = engine.ingest()
    assert report.ok, report.to_json()
    yield engine
    engine.stores.catalog.close()
