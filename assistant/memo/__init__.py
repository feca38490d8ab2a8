"""Suggestion memos: the data model (model.py) shared by district and topic memos, assembly from a
diagnosis (build.py), answers and cases added to a memo (collect.py), saved drafts with versions
(drafts.py), and export to Markdown and Word (export.py) and PDF (pdf.py)."""

from assistant.memo.build import build_memo, load_template, regenerate_section
from assistant.memo.export import memo_to_docx, memo_to_markdown
from assistant.memo.model import SECTION_IDS, Memo, MemoSection, MemoTable, Reference, References

__all__ = ["SECTION_IDS", "Memo", "MemoSection", "MemoTable", "Reference", "References",
           "build_memo", "load_template", "memo_to_docx", "memo_to_markdown",
           "regenerate_section"]
