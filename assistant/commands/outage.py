"""What the shells (CLI and app) say when a shared service is down: the Chroma server (answers go
on by keywords, with a notice) or the database (a clear error naming ASSISTANT_DATABASE_URL)."""

from __future__ import annotations

import sys
from typing import Any

DATABASE_EXIT = 3  # the exit code of a command that could not reach the database

KEYWORD_ONLY = {
    "en": "Vector search is unavailable (the Chroma server cannot be reached): these results "
          "come from keyword search only.",
    "zh": "向量检索暂不可用（无法连接 Chroma 服务器）：以下结果仅来自关键词检索。",
}


def vector_search_state(engine: Any) -> str:
    """"ok", or "unavailable" while the Chroma server cannot be reached (keyword-only)."""
    return "unavailable" if getattr(engine.store, "outage", None) else "ok"


def keyword_only_notice(engine: Any, language: str = "en") -> str | None:
    """The notice to show beside results found while the Chroma server was unreachable."""
    if not getattr(engine.store, "outage", None):
        return None
    return KEYWORD_ONLY.get(language, KEYWORD_ONLY["en"])


def with_keyword_only_notice(notice: str | None, engine: Any, language: str = "en") -> str | None:
    """``notice`` with the keyword-only notice put first when it applies."""
    extra = keyword_only_notice(engine, language)
    return " ".join(part for part in (extra, notice) if part) or None


def report_database_error(exc: Exception) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return DATABASE_EXIT

DATABASE_PAGE = {
    "en": "The catalog database cannot be reached, so this page cannot be shown. Nothing was "
          "half-written. An administrator should start the database or fix "
          "ASSISTANT_DATABASE_URL; then reload the page.",
    "zh": "无法连接目录数据库，本页暂不能显示；没有写入任何不完整的内容。请管理员启动数据库或修正 "
          "ASSISTANT_DATABASE_URL，然后刷新页面。",
}
