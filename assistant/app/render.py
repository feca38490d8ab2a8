"""Safe rendering helpers: text from a document or a user never reaches the page as HTML.

- ``escaped``: HTML-escapes text for ``st.html`` (the source panel).
- ``escape_markdown``: neutralises every Markdown and HTML construct in short strings (titles,
  questions, file names) shown with ``st.markdown``.
- ``safe_markdown``: for answers, whose Markdown (tables, bold headings, lists) the composer
  writes around quoted sentences: keeps that structure but disarms raw HTML, links, images,
  LaTeX and Streamlit's colour directives that a document could smuggle in.
"""

from __future__ import annotations

import html
import re

import streamlit as st

from assistant.app.i18n import language, t
from assistant.documents import Citation

MARKDOWN_SPECIALS = "\\`*_[]()#+!|~<>$:"


def escaped(text: str) -> str:
    return html.escape(text or "", quote=True)


def escape_markdown(text: str) -> str:
    """Neutralise Markdown and HTML in a short string shown with st.markdown (titles, names)."""
    text = " ".join(str(text or "").split())
    return "".join("\\" + ch if ch in MARKDOWN_SPECIALS else ch for ch in text).replace(
        "\\<", "&lt;").replace("\\>", "&gt;")


_LINK_OR_IMAGE = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_REFERENCE_DEF = re.compile(r"^(\s*)\[([^\]\n]+)\]:", re.MULTILINE)
_DIRECTIVE = re.compile(r":([a-z-]+)\[")


def safe_markdown(text: str) -> str:
    """Markdown of an answer with everything executable or remote disarmed (see module doc)."""
    text = text or ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINK_OR_IMAGE.sub(lambda m: f"{m.group(0)[0] if m.group(0)[0] == '!' else ''}"
                              f"\\[{m.group(1)}\\]\\({m.group(2)}\\)", text)
    text = _REFERENCE_DEF.sub(lambda m: f"{m.group(1)}\\[{m.group(2)}\\]:", text)
    text = _DIRECTIVE.sub(lambda m: f"\\:{m.group(1)}[", text)
    text = text.replace("$", "\\$")
    # A bare URL would become a clickable link; a document should not plant links in the answer.
    text = re.sub(r"(?i)\b(https?|ftp|javascript|data):", lambda m: m.group(1) + "&#58;", text)
    return text


def highlighted_document(document_text: str, start: int, end: int, before: int = 800,
                         after: int = 2000) -> str:
    """HTML of the document around [start, end) with the passage in <mark>; all text escaped.
    Less context before than after, so the passage shows without scrolling."""
    lo, hi = max(0, start - before), min(len(document_text), end + after)
    head = ("…" if lo else "") + document_text[lo:start]
    tail = document_text[end:hi] + ("…" if hi < len(document_text) else "")
    return ("<div class='eb-doc' data-testid='eb-document' style='white-space:pre-wrap;"
            "font-size:0.9rem;max-height:28rem;overflow-y:auto;border:1px solid #ddd;"
            "padding:0.75rem;border-radius:0.4rem'>"
            f"{escaped(head)}<mark id='eb-passage' data-testid='eb-passage' "
            "style='background:#ffe58a;padding:0.1rem 0'>"
            f"{escaped(document_text[start:end])}</mark>{escaped(tail)}</div>")


def citation_header(citation: Citation) -> None:
    """Title, document number, date, issuer and article or page of a cited passage."""
    rows = [(t("doc_number"), citation.number_label(language())), (t("date"), citation.date),
            (t("issuer"), citation.issuer), (t("article"), citation.article or citation.section),
            (t("page"), citation.page)]
    st.markdown(f"**{escape_markdown(citation.title)}**")
    st.caption(" · ".join(f"{label}: {escape_markdown(str(value))}"
                          for label, value in rows if value))


def source_panel(citation: Citation, document_text: str | None) -> None:
    """The cited passage highlighted within its document, under the citation's header."""
    citation_header(citation)
    if document_text and document_text[citation.start:citation.end] == citation.text:
        st.caption(t("passage_in_document"))
        st.html(highlighted_document(document_text, citation.start, citation.end))
    else:  # the document changed (or went) since the answer was given: show the passage alone
        st.caption(t("passage_changed"))
        st.text(citation.text)
