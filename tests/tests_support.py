"""Paths shared by tests (importable because pytest puts tests/ on sys.path via rootdir conftest)."""

from pathlib import Path

from assistant.config import DEFAULT_CORPUS_DIR

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
MINI_CORPUS = FIXTURES / "mini-corpus"
ADVISOR_FIXTURES = REPO / "tests" / "advisor" / "fixtures"  # bad profiles and school files
# The example district profiles and school file of the corpus (advisor, memo and CLI tests).
EXAMPLES = DEFAULT_CORPUS_DIR / "examples"
EXAMPLE_PROFILES = sorted(EXAMPLES.glob("*.yaml"))
EXAMPLE_SCHOOLS = EXAMPLES / "schools-illustrative.csv"
# Few measures per profile keep the suite quick; ranking is tested without the engine.
MEASURE_LIMIT = 5
# The five Chinese statutes are third-party texts, so they stay outside the repository: in the
# development workspace and on CI they sit in ../shared/real-docs beside the clone. Tests reach
# them through the `real_docs` fixture (tests/conftest.py), which skips when they are absent.
REAL_DOCS = (REPO.parent / "shared" / "real-docs").resolve()
