"""Safe rendering helpers: document and user text is always escaped before it reaches the page."""

from __future__ import annotations

import html

import streamlit as st

from assistant.app.i18n import t
from assistant.documents import Citation


def escaped(text: str) -> str:
    return html.escape(text or "", quote=True)


def highlighted_document(document_text: str, start: int, end: int, context: int = 1500) -> str:
    """HTML of the document around [start, end) with the passage in <mark>; all text escaped."""
    lo, hi = max(0, start - context), min(len(document_text), end + context)
    before = ("…" if lo else "") + document_text[lo:start]
    after = document_text[end:hi] + ("…" if hi < len(document_text) else "")
    return ("<div class='eb-doc' style='white-space:pre-wrap;font-size:0.9rem;max-height:32rem;"
            "overflow-y:auto;border:1px solid #ddd;padding:0.75rem;border-radius:0.4rem'>"
            f"{escaped(before)}<mark id='eb-passage' data-testid='eb-passage'>"
            f"{escaped(document_text[start:end])}</mark>{escaped(after)}</div>")


def citation_header(citation: Citation) -> None:
    rows = [(t("doc_number"), citation.doc_number), (t("date"), citation.date),
            (t("issuer"), citation.issuer), (t("article"), citation.article or citation.section),
            (t("page"), citation.page)]
    st.markdown(f"**{escape_markdown(citation.title)}**")
    st.caption(" · ".join(f"{label}: {value}" for label, value in rows if value))


def escape_markdown(text: str) -> str:
    """Neutralise Markdown and HTML in short strings shown with st.markdown (titles, names)."""
    text = escaped(text)
    for ch in "\\`*_[]()#+!|~<>":
        text = text.replace(ch, "\\" + ch)
    return text
