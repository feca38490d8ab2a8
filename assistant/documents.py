"""The types every stage passes on: loaded documents, chunks and search hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoadedDocument:
    """A file turned into text. ``text`` uses Markdown headings (``#``) wherever the source had them;
    ``pages`` maps page numbers to character spans for paged formats (PDF)."""

    source_path: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    pages: list[tuple[int, int, int]] = field(default_factory=list)  # (page, start, end)

    def page_at(self, offset: int) -> int | None:
        for page, start, end in self.pages:
            if start <= offset < end:
                return page
        return self.pages[-1][0] if self.pages and offset >= self.pages[-1][2] else None


@dataclass
class Chunk:
    """A passage of a document: what is embedded, indexed, retrieved and cited."""

    chunk_id: str
    doc_id: str
    text: str
    ordinal: int
    start: int
    end: int
    section: str = ""
    article: str | None = None
    page: int | None = None
    language: str = "en"
    metadata: dict[str, Any] = field(default_factory=dict)  # document metadata (title, type, ...)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or self.doc_id)

    def to_record(self) -> dict[str, Any]:
        return {
            "chunk_id": self.chunk_id,
            "doc_id": self.doc_id,
            "text": self.text,
            "ordinal": self.ordinal,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "article": self.article,
            "page": self.page,
            "language": self.language,
            "metadata": self.metadata,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Chunk":
        return cls(**record)


@dataclass
class Hit:
    """A chunk found by search, with its fused score and the ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    keyword_rank: int | None = None
    dense_similarity: float | None = None
    keyword_score: float | None = None

    def to_json(self) -> dict[str, Any]:
        meta = self.chunk.metadata
        return {
            "chunk_id": self.chunk.chunk_id,
            "doc_id": self.chunk.doc_id,
            "title": self.chunk.title,
            "doc_type": meta.get("doc_type"),
            "doc_number": meta.get("doc_number"),
            "date": meta.get("date"),
            "section": self.chunk.section,
            "article": self.chunk.article,
            "page": self.chunk.page,
            "language": self.chunk.language,
            "text": self.chunk.text,
            "score": round(self.score, 6),
            "dense_similarity": None if self.dense_similarity is None else round(self.dense_similarity, 4),
            "keyword_score": None if self.keyword_score is None else round(self.keyword_score, 4),
        }
