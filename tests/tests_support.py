"""Paths shared by tests (importable because pytest puts tests/ on sys.path via rootdir conftest)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
MINI_CORPUS = FIXTURES / "mini-corpus"
# The five Chinese statutes are third-party texts, so they stay outside the repository: in the
# development workspace and on CI they sit in ../shared/real-docs beside the clone. Tests reach
# them through the `real_docs` fixture (tests/conftest.py), which skips when they are absent.
REAL_DOCS = (REPO.parent / "shared" / "real-docs").resolve()
