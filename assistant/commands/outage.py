"""What the shells (CLI and app) say when a shared service is down: the Chroma server (answers go
on by keywords, with a notice) or the database (a clear error naming ASSISTANT_DATABASE_URL).
The words are in the translation table (``answer.keyword_only``, ``app.database_unavailable``)."""

from __future__ import annotations

import sys
from typing import Any

from assistant.translations import t

DATABASE_EXIT = 3  # the exit code of a command that could not reach the database


def keyword_only_notice(engine: Any, language: str = "en") -> str | None:
    """The notice to show beside results found while the Chroma server was unreachable."""
    if not engine.outage():
        return None
    return t("answer.keyword_only", language)


def with_keyword_only_notice(notice: str | None, engine: Any, language: str = "en") -> str | None:
    """``notice`` with the keyword-only notice put first when it applies."""
    extra = keyword_only_notice(engine, language)
    return " ".join(part for part in (extra, notice) if part) or None


def report_database_error(exc: Exception) -> int:
    """Print the database error (it names ASSISTANT_DATABASE_URL); the command's exit code."""
    print(f"error: {exc}", file=sys.stderr)
    return DATABASE_EXIT
