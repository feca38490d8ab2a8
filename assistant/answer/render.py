"""Markdown for answers: markers numbered by first use, sentences grouped by kind of document."""

from __future__ import annotations

from assistant.answer.messages import GROUP_ORDER, TYPE_ORDER, doc_type_group, text
from assistant.answer.scoring import Scored
from assistant.answer.types import Claim
from assistant.documents import Chunk, Citation


class CitationList:
    """Citations in marker order: the first passage cited is [1], and so on."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._markers: dict[str, int] = {}

    def marker(self, chunk: Chunk, score: float = 0.0) -> int:
        if chunk.chunk_id not in self._markers:
            self.citations.append(Citation.from_chunk(chunk, score))
            self._markers[chunk.chunk_id] = len(self.citations)
        return self._markers[chunk.chunk_id]

    def add(self, citation: Citation) -> int:
        if citation.chunk_id not in self._markers:
            self.citations.append(citation)
            self._markers[citation.chunk_id] = len(self.citations)
        return self._markers[citation.chunk_id]


def order_for_reading(chosen: list[Scored], chunks: list[Chunk]) -> list[Scored]:
    """Law, then regulation, policy, standard, case, analysis; within a document, text order."""
    def key(item: Scored) -> tuple:
        chunk = chunks[item.sentence.passage]
        return (TYPE_ORDER.get(str(chunk.metadata.get("doc_type")), 9), chunk.doc_id,
                chunk.ordinal, item.sentence.start)

    return sorted(chosen, key=key)


def render_sentences(chosen: list[Scored], chunks: list[Chunk], cites: CitationList,
                     language: str, *, lead: bool = True, headings: bool = True,
                     claims: list[Claim] | None = None) -> str:
    """The lead sentence (the most relevant) alone, then the rest under headings by document
    kind when there are several kinds. Sentences of one passage share a paragraph."""
    if not chosen:
        return ""
    rest = list(chosen)
    parts: list[str] = []
    if lead:
        first = rest.pop(0)
        parts.append(_paragraph([first], chunks, cites, claims))
    ordered = order_for_reading(rest, chunks)
    groups: dict[str, list[Scored]] = {}
    for item in ordered:
        kind = doc_type_group(chunks[item.sentence.passage].metadata.get("doc_type"))
        groups.setdefault(kind, []).append(item)
    labelled = headings and len(groups) > 1
    for kind in GROUP_ORDER:
        items = groups.get(kind)
        if not items:
            continue
        if labelled:
            parts.append(f"**{text(kind, language)}**")
        run: list[Scored] = []
        for item in items:
            if run and run[-1].sentence.passage != item.sentence.passage:
                parts.append(_paragraph(run, chunks, cites, claims))
                run = []
            run.append(item)
        if run:
            parts.append(_paragraph(run, chunks, cites, claims))
    return "\n\n".join(parts)


def _paragraph(items: list[Scored], chunks: list[Chunk], cites: CitationList,
               claims: list[Claim] | None) -> str:
    """The sentences with their markers (the reference list names the article: a label line of
    its own would dangle when the sentences are from elsewhere in the passage)."""
    pieces = []
    for item in items:
        chunk = chunks[item.sentence.passage]
        marker = cites.marker(chunk, item.relevance)
        pieces.append(f"{item.sentence.text} [{marker}]")
        if claims is not None:
            claims.append(Claim(item.sentence.text, [marker], "quote"))
    return " ".join(pieces)
