"""Questions about one article ("What does Article 32 say?", "第三十二条规定了什么？"): the passage
of that article is fetched from the law or regulation asked about, even if search ranked it low."""

from __future__ import annotations

import re

from assistant.answer.context import Context
from assistant.documents import Hit

_EN = re.compile(r"\b(?:Articles?|Arts?\.)\s*\d{1,3}(?:\s*(?:,|and|&|or)\s*\d{1,3})*\b",
                 re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d{1,3}")
_ZH = re.compile(r"第([一二三四五六七八九十百零〇两\d]{1,6})条")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
LEGAL_TYPES = ("law", "regulation")
BOOST = 0.3


def chinese_number(text: str) -> int | None:
    """三十二 → 32, 一百零五 → 105, 12 → 12."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def asked(text: str) -> set[int]:
    """Article numbers named in ``text`` ("Articles 31 and 32", "Art. 6", "第三十二条")."""
    numbers = {int(n) for match in _EN.finditer(text) for n in _DIGIT_RUN.findall(match.group(0))}
    numbers |= {n for z in _ZH.findall(text) if (n := chinese_number(z)) is not None}
    return numbers


def mentions(text: str, numbers: set[int]) -> bool:
    return bool(asked(text) & numbers)


def article_number(label: str | None) -> int | None:
    found = asked(label or "")
    return min(found) if found else None


def summary_passages(ctx: Context, article_hits: list[Hit], language: str) -> list[Hit]:
    """The ``language`` passages (the Chinese summaries) of the laws ``article_hits`` come from."""
    docs = dict.fromkeys(h.chunk.doc_id for h in article_hits)
    return [Hit(chunk, score=1.0) for doc_id in docs
            for chunk in ctx.engine.catalog.document_chunks(doc_id) if chunk.language == language]


def article_passages(ctx: Context, hits: list[Hit], numbers: set[int]) -> list[Hit]:
    """The passages of the articles asked about, from the laws and regulations the question names
    (through the glossary) or, failing that, those among the hits; empty when none has them."""
    if not numbers:
        return []
    named = [doc for entry in ctx.glossary for doc in entry.related]
    ranked = [h.chunk.doc_id for h in hits]
    docs = []
    for doc_id in dict.fromkeys(named + ranked):
        row = ctx.engine.catalog.document(doc_id)
        if row and row.metadata.get("doc_type") in LEGAL_TYPES:
            docs.append(doc_id)
    found: list[Hit] = []
    for doc_id in docs[:3]:
        for chunk in ctx.engine.catalog.document_chunks(doc_id):
            if article_number(chunk.article) in numbers:
                found.append(Hit(chunk, score=1.0))
        if found:
            break  # the first law that has the article is the one meant
    return found
