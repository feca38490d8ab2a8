"""Suggestion memos: assembly (build.py), the data model (model.py) and export (export.py)."""

from assistant.memo.build import build_memo, load_template, regenerate_section
from assistant.memo.export import memo_to_docx, memo_to_markdown
from assistant.memo.model import SECTION_IDS, Memo, MemoSection, MemoTable, Reference, References

__all__ = ["SECTION_IDS", "Memo", "MemoSection", "MemoTable", "Reference", "References",
           "build_memo", "load_template", "memo_to_docx", "memo_to_markdown",
           "regenerate_section"]
