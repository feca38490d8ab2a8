"""Fixtures of the advisor tests: the advisor's bad input files. The standards and the example
profiles' advice (also used by the memo and CLI tests) are fixtures of tests/conftest.py."""

from __future__ import annotations

from tests_support import ADVISOR_FIXTURES as FIXTURES
from tests_support import EXAMPLE_PROFILES, EXAMPLE_SCHOOLS, EXAMPLES, MEASURE_LIMIT

__all__ = ["EXAMPLES", "EXAMPLE_PROFILES", "EXAMPLE_SCHOOLS", "FIXTURES", "MEASURE_LIMIT"]
