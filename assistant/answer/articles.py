"""Questions about one article ("What does Article 32 say?", "第三十二条规定了什么？"): the passage
of that article is fetched from the law or regulation asked about, even if search ranked it low."""

from __future__ import annotations

from assistant.answer.context import Context
from assistant.article_numbers import article_numbers, chinese_number  # noqa: F401 (re-export)
from assistant.documents import Hit
from assistant.vocabulary import LEGAL_TYPES

BOOST = 0.3
# the one reading of article numbers (English and Chinese) lives in assistant/article_numbers.py
asked = article_numbers


def mentions(text: str, numbers: set[int]) -> bool:
    return bool(asked(text) & numbers)


def article_number(label: str | None) -> int | None:
    found = asked(label or "")
    return min(found) if found else None


def summary_passages(ctx: Context, article_hits: list[Hit], language: str) -> list[Hit]:
    """The ``language`` passages (the Chinese summaries) of the laws ``article_hits`` come from."""
    docs = dict.fromkeys(h.chunk.doc_id for h in article_hits)
    return [Hit(chunk, score=1.0) for doc_id in docs
            for chunk in ctx.engine.document_chunks(doc_id) if chunk.language == language]


def article_passages(ctx: Context, hits: list[Hit], numbers: set[int]) -> list[Hit]:
    """The passages of the articles asked about, from the laws and regulations the question names
    (through the glossary) or, failing that, those among the hits; empty when none has them."""
    if not numbers:
        return []
    named = [doc for entry in ctx.glossary for doc in entry.related]
    ranked = [h.chunk.doc_id for h in hits]
    docs = []
    for doc_id in dict.fromkeys(named + ranked):
        row = ctx.engine.document(doc_id)
        if row and row.metadata.get("doc_type") in LEGAL_TYPES:
            docs.append(doc_id)
    found: list[Hit] = []
    for doc_id in docs[:3]:
        for chunk in ctx.engine.document_chunks(doc_id):
            if article_number(chunk.article) in numbers:
                found.append(Hit(chunk, score=1.0))
        if found:
            break  # the first law that has the article is the one meant
    return found
