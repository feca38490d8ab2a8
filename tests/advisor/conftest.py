"""Fixtures of the advisor tests: the standards, the example profiles and (with the corpus
index) their advice, computed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.advisor.standards import load_standards
from assistant.config import DEFAULT_CORPUS_DIR

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = DEFAULT_CORPUS_DIR / "examples"
EXAMPLE_PROFILES = sorted(EXAMPLES.glob("*.yaml"))
EXAMPLE_SCHOOLS = EXAMPLES / "schools-illustrative.csv"
# Few measures per profile keep the suite quick; ranking is tested without the engine.
MEASURE_LIMIT = 5


@pytest.fixture(scope="session")
def standards():
    return load_standards()


@pytest.fixture(scope="session")
def example_advice(corpus_engine, standards):
    """Advice for every example profile, keyed by file name."""
    from assistant.advisor import advise

    return {path.name: advise(path, engine=corpus_engine, standards=standards,
                              limit=MEASURE_LIMIT)
            for path in EXAMPLE_PROFILES}
