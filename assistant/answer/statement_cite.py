"""A statement's citation: the passage of its source document that states it — the Chinese
mirror of that section for a Chinese reader when the document has one — titled in the reader's
language."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.documents import Chunk, Citation
from assistant.knowledge.checks import numbers_in
from assistant.knowledge.index import Located


def _last(section: str) -> str:
    return section.split(" > ")[-1].strip()


def passage_for(chunks: list[Chunk], located: Located, language: str) -> Chunk | None:
    """The chunk of the statement's section that holds all its numbers — in the Chinese mirror
    for a Chinese reader when that has them, else the English section; failing both, the chunk
    that holds the most of them."""
    statement = located.statement
    numbers = numbers_in(statement.in_language(language))
    sections = [located.section_zh, located.section] if language == "zh" else [located.section]
    candidates = [c for title in sections if title
                  for c in chunks if _last(c.section) == title]
    for chunk in candidates:
        if numbers <= numbers_in(chunk.text):
            return chunk
    if not candidates:
        return None
    return max(candidates, key=lambda c: len(numbers & numbers_in(c.text)))


def localized(citation: Citation, metadata: dict, language: str) -> Citation:
    """The citation titled for a Chinese reader: Chinese title and issuer when the document has
    them (the 文号 is Chinese already)."""
    if language != "zh":
        return citation
    return replace(citation, title=str(metadata.get("title_zh") or citation.title),
                   issuer=str(metadata.get("issuer_zh") or citation.issuer or "") or None,
                   section=re.sub(r"\s*\{#[a-z0-9-]+\}", "", citation.section))


def cite(chunks: list[Chunk], located: Located, language: str) -> Citation | None:
    chunk = passage_for(chunks, located, language)
    if chunk is None:
        return None
    return localized(Citation.from_chunk(chunk, 1.0), chunk.metadata, language)
