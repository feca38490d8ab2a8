"""Fixtures for the deployment tests: a real PostgreSQL server (one per session, a fresh database
per test) and the catalog's database URL on each backend, so one test runs on both."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from reliability.postgres import PostgresServer, missing_reason
from reliability.support import MINI_CORPUS

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres():
    reason = missing_reason()
    if reason:
        if os.environ.get("CI"):  # CI installs PostgreSQL: a missing server is a failure there
            pytest.fail(reason)
        pytest.skip(reason)
    server = PostgresServer()
    yield server
    server.destroy()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    """A fresh, empty catalog database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'catalog.sqlite'}"
    return request.getfixturevalue("postgres").create_database()


@pytest.fixture
def library(tmp_path) -> Path:
    """A writable copy of the mini corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(MINI_CORPUS, target)
    return target
