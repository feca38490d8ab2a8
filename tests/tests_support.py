"""Paths shared by tests (importable because pytest puts tests/ on sys.path via rootdir conftest)."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL_DOCS = FIXTURES / "real-docs"
MINI_CORPUS = FIXTURES / "mini-corpus"
