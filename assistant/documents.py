"""The types every stage passes on: loaded documents, chunks and search hits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.vocabulary import LEGAL_TYPES

# How a document number our sources do not confirm is marked wherever it is shown.
UNCONFIRMED_NUMBER_MARK = {"en": " (document number unconfirmed)", "zh": "（文号待核实）"}


def unconfirmed_fields(value: Any) -> tuple[str, ...]:
    """The ``unconfirmed`` front-matter list as a tuple of field names (empty when absent)."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()


def number_label(doc_number: str | None, unconfirmed: Iterable[str] = (),
                 language: str = "en") -> str | None:
    """The document number (文号) as shown to a reader: "国发〔2015〕67号（文号待核实）" in Chinese,
    "国发〔2015〕67号 (document number unconfirmed)" in English when ``doc_number`` is among the
    ``unconfirmed`` fields; the bare number otherwise; None without a number."""
    if not doc_number:
        return None
    if "doc_number" not in set(unconfirmed):
        return str(doc_number)
    return f"{doc_number}{UNCONFIRMED_NUMBER_MARK['zh' if language == 'zh' else 'en']}"


def unconfirmed_numbers(metadata: Iterable[dict[str, Any]]) -> frozenset[str]:
    """The document numbers that documents (their front matter) list as unconfirmed."""
    return frozenset(str(meta["doc_number"]) for meta in metadata if meta.get("doc_number")
                     and "doc_number" in unconfirmed_fields(meta.get("unconfirmed")))


# Words that already say, next to a number, that it is not confirmed.
_HEDGED = re.compile(r"unconfirmed|from memory|recollection|reportedly|not confirmed"
                     r"|据称|据回忆|待核实|未证实|未经证实")


def mark_unconfirmed_numbers(text: str, numbers: Iterable[str], language: str = "en") -> str:
    """``text`` with every mention of an unconfirmed document number in ``numbers`` followed by
    its mark (prose such as a measure's basis note names 文号 too), except where the words
    around it already say it is unconfirmed ("reportedly 教科信〔2020〕3号, unconfirmed")."""
    mark = UNCONFIRMED_NUMBER_MARK["zh" if language == "zh" else "en"]

    def marked(match: re.Match) -> str:
        around = text[max(0, match.start() - 30): match.end() + 30]
        return match.group(0) if _HEDGED.search(around) else match.group(0) + mark

    for number in sorted(set(numbers), key=len, reverse=True):
        text = re.sub(re.escape(number), marked, text)
    return text


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
    def from_record(cls, record: dict[str, Any]) -> Chunk:
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
            "unconfirmed": list(unconfirmed_fields(meta.get("unconfirmed"))),
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


@dataclass
class Citation:
    """A passage an answer, a diagnosis or a memo cites: enough to open it and to reference it."""

    doc_id: str
    chunk_id: str
    title: str
    text: str
    doc_type: str | None = None
    doc_number: str | None = None
    date: str | None = None
    issuer: str | None = None
    section: str = ""
    article: str | None = None
    page: int | None = None
    start: int = 0
    end: int = 0
    score: float = 0.0
    unconfirmed: tuple[str, ...] = ()  # front-matter fields our sources do not confirm

    @classmethod
    def from_chunk(cls, chunk: Chunk, score: float = 0.0) -> Citation:
        meta = chunk.metadata
        return cls(doc_id=chunk.doc_id, chunk_id=chunk.chunk_id, title=chunk.title,
                   text=chunk.text, doc_type=meta.get("doc_type"),
                   doc_number=meta.get("doc_number"),
                   date=None if meta.get("date") is None else str(meta.get("date")),
                   issuer=meta.get("issuer"), section=chunk.section, article=chunk.article,
                   page=chunk.page, start=chunk.start, end=chunk.end, score=score,
                   unconfirmed=unconfirmed_fields(meta.get("unconfirmed")))

    @classmethod
    def from_hit(cls, hit: Hit) -> Citation:
        return cls.from_chunk(hit.chunk, hit.score)

    @property
    def locator(self) -> str:
        """Where in the document: the article (laws and regulations only: a synthesis that
        discusses "Art. 49" is cited by its section), else the section, plus the page."""
        article = self.article if self.doc_type in (*LEGAL_TYPES, None) else None
        parts = [article or self.section]
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(p for p in parts if p)

    def locator_in(self, language: str) -> str:
        """The locator for a reader of ``language``: a Chinese reader sees the Chinese gloss of
        an English heading ("Area 3: Teachers (师资配置)" → "师资配置"), or no locator when the
        heading has none."""
        locator = self.locator
        if language != "zh":
            return locator
        english_article = re.fullmatch(r"Article (\d+)", locator)
        if english_article:
            from assistant.article_numbers import zh_article

            return zh_article(int(english_article.group(1)))
        if re.search(r"[\u4e00-\u9fff]", locator) is None:
            return ""
        if re.search(r"[A-Za-z]{3,}", locator):
            glosses = re.findall(r"[（(]([^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]", locator)
            return glosses[-1] if glosses else ""
        return locator

    def number_label(self, language: str = "en") -> str | None:
        """The 文号 to show, marked when unconfirmed (see ``number_label``)."""
        return number_label(self.doc_number, self.unconfirmed, language)

    def reference(self, language: str = "en") -> str:
        """A full reference line: title, issuer, number (marked when unconfirmed), date."""
        parts = (self.title, self.issuer, self.number_label(language), self.date)
        return ("，" if language == "zh" else ", ").join(str(p) for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["unconfirmed"] = list(self.unconfirmed)
        data["number_label"] = self.number_label()  # what a reader should see as the 文号
        return data
