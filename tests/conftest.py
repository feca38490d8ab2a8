"""Shared fixtures. The corpus index is built once per session and reused between runs (the
ingest is incremental, so an unchanged corpus costs about a second); set EDUBALANCE_TEST_INDEX to
put it elsewhere."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests_support import EXAMPLE_PROFILES, MEASURE_LIMIT, MINI_CORPUS, REAL_DOCS

from assistant.config import DEFAULT_CORPUS_DIR, Settings

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """End-to-end tests run last: their browser (Playwright's sync API) keeps an asyncio event
    loop running in the main thread until the session ends, and an async test after them (the
    LangChain standard tests' ``ainvoke``) could not start its own loop."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(scope="session")
def real_docs() -> Path:
    """The folder of the five statute texts (third-party, kept outside the repository in
    ../shared/real-docs); a test that needs them is skipped, saying where they were looked for."""
    if not REAL_DOCS.is_dir():
        pytest.skip(f"statute texts not found at {REAL_DOCS}: they are kept outside the repository, "
                    "in ../shared/real-docs beside the clone")
    return REAL_DOCS


@pytest.fixture(scope="session")
def corpus_settings() -> Settings:
    data_dir = Path(os.environ.get("EDUBALANCE_TEST_INDEX", REPO / ".pytest_cache" / "corpus-index"))
    return Settings(data_dir=data_dir, corpus_dirs=[DEFAULT_CORPUS_DIR])


@pytest.fixture(scope="session")
def corpus_engine(corpus_settings):
    """An engine over the whole corpus, shared by every test of the session."""
    from assistant.engine import open_engine

    engine = open_engine(corpus_settings)
    report = engine.ingest()
    assert report.ok, report.to_json()["failures"]
    return engine


@pytest.fixture
def tmp_settings(tmp_path) -> Settings:
    """Settings with a fresh, empty data directory."""
    return Settings(data_dir=tmp_path / "data", corpus_dirs=[DEFAULT_CORPUS_DIR])


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
    """An engine over a fresh data directory and the mini corpus (not yet ingested)."""
    from assistant.engine import Engine

    engine = Engine(mini_settings)
    yield engine
    engine.stores.catalog.close()


@pytest.fixture(scope="session")
def standards():
    from assistant.advisor.standards import load_standards

    return load_standards()


@pytest.fixture(scope="session")
def example_advice(corpus_engine, standards):
    """Advice for every example profile, keyed by file name (advisor, memo and CLI tests)."""
    from assistant.advisor import advise

    return {path.name: advise(path, engine=corpus_engine, standards=standards,
                              limit=MEASURE_LIMIT)
            for path in EXAMPLE_PROFILES}
