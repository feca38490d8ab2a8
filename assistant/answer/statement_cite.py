"""A statement's citation: the passage of its source document that states it — the Chinese
mirror of that section for a Chinese reader when the document has one — titled in the reader's
language."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.messages import text as t
from assistant.documents import Chunk, Citation
from assistant.knowledge.checks import numbers_in
from assistant.knowledge.index import Located
from assistant.vocabulary import LEGAL_TYPES


def _last(section: str) -> str:
    return section.split(" > ")[-1].strip()


def passages_for(chunks: list[Chunk], located: Located, language: str) -> list[Chunk]:
    """The chunks of the statement's section that between them hold all its numbers: one where
    one does — in the Chinese mirror for a Chinese reader when that has them, else the English
    section — or the fewest that do (a section longer than one chunk), best first."""
    statement = located.statement
    numbers = numbers_in(statement.in_language(language))
    sections = [located.section_zh, located.section] if language == "zh" else [located.section]
    candidates = [c for title in sections if title
                  for c in chunks if _last(c.section) == title]
    if not candidates:
        return []
    if language == "zh" and not located.section_zh:
        # no Chinese mirror of the section: the Chinese summary may hold the amounts as a
        # Chinese reader writes them (26.5万, not 265,000), as the statement checks allow
        candidates += [c for c in chunks if _last(c.section) == "中文摘要"]
    for chunk in candidates:
        if numbers <= numbers_in(chunk.text):
            return [chunk]
    chosen: list[Chunk] = []
    missing = set(numbers)
    while missing and len(chosen) < 3:
        best = max(candidates, key=lambda c: len(missing & numbers_in(c.text)))
        if not missing & numbers_in(best.text):
            break
        chosen.append(best)
        missing -= numbers_in(best.text)
    return chosen or [candidates[0]]


def localized(citation: Citation, metadata: dict, language: str) -> Citation:
    """The citation titled for a Chinese reader: Chinese title and issuer when the document has
    them (the 文号 is Chinese already)."""
    if language != "zh":
        return citation
    return replace(citation, title=str(metadata.get("title_zh") or citation.title),
                   issuer=str(metadata.get("issuer_zh") or citation.issuer or "") or None,
                   section=re.sub(r"\s*\{#[a-z0-9-]+\}", "", citation.section))


def cite(chunks: list[Chunk], located: Located, language: str) -> list[Citation]:
    """The citations a statement needs (usually one), titled for the reader; a statement that is
    our commentary on an official document is cited as such (``is_commentary``)."""
    citations = [localized(Citation.from_chunk(chunk, 1.0), chunk.metadata, language)
                 for chunk in passages_for(chunks, located, language)]
    return as_commentary(citations, located, language) if is_commentary(located) else citations


def is_commentary(located: Located) -> bool:
    """Whether the statement is our commentary on a law, policy or standard rather than its text:
    a finding under a law's article (why poor counties struggle with Art. 31), or any statement
    in a section the document lists under ``commentary`` in its front matter ("Why small and
    boarding schools get extra funds", "What it means for county governments")."""
    if located.statement.kind == "finding" and located.doc_type in LEGAL_TYPES:
        return True
    return located.section in (located.metadata.get("commentary") or ())


def as_commentary(citations: list[Citation], located: Located, language: str) -> list[Citation]:
    """The citations with their locator saying whose words they are: "Article 31, our commentary
    (not the article's text)", "Limits of basic balance, our commentary (not the document's
    text)" — an official who copies the reference does not cite our reading as the document's."""
    key = "law_commentary" if re.match(r"Article \d+\b", located.section) else "doc_commentary"
    return [replace(c, article=None, section=t(key, language, section=c.locator_in(language))
                    .lstrip("，, "))
            for c in citations]
