"""Fixtures for the app tests: AppTest over a private copy of the session's corpus index, so
uploads and removals here never touch the index other tests share."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import get_settings

APP = str(Path(__file__).resolve().parents[2] / "assistant" / "app" / "main.py")


@pytest.fixture(scope="session")
def app_data_dir(corpus_engine, corpus_settings, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("app-data")
    shutil.copytree(corpus_settings.index_dir, target / "index")
    return target


@pytest.fixture
def app_env(app_data_dir, monkeypatch) -> Path:
    """Environment of the app under test: the copied index, open access, offline."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(app_data_dir))
    for name in ("ASSISTANT_APP_PASSWORD", "ASSISTANT_ADMIN_PASSWORD", "ASSISTANT_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield app_data_dir
    get_settings.cache_clear()


@pytest.fixture
def app_engine(app_env):
    """The engine the app itself uses (same settings, same process-wide instance)."""
    from assistant.engine import open_engine

    return open_engine(get_settings())


@pytest.fixture
def app(app_env):
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(APP, default_timeout=120)
