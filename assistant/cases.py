"""Cases for students: browse by region, topic and responsibility area; read one; compare several
side by side. Built on the catalog, so uploaded case documents take part too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.engine import Engine
from assistant.language import split_sentences

# Sections every corpus case has, in reading order (see corpus/README.md).
CASE_SECTIONS = ("Context", "The problem", "Measures", "Documented results",
                 "What is not documented", "Lessons", "Responsibility areas")


@dataclass
class CaseSummary:
    doc_id: str
    title: str
    title_zh: str
    region: str
    level: str
    date: str
    topics: list[str] = field(default_factory=list)
    responsibility_areas: list[str] = field(default_factory=list)


def list_cases(engine: Engine, region: str | None = None, topic: str | None = None,
               area: str | None = None) -> list[CaseSummary]:
    """The indexed cases, by title, kept to a region, topic or responsibility area if given."""
    cases = []
    for row in engine.documents():
        meta = row.metadata
        if meta.get("doc_type") != "case":
            continue
        summary = CaseSummary(doc_id=row.doc_id, title=str(meta.get("title") or row.doc_id),
                              title_zh=str(meta.get("title_zh") or ""),
                              region=str(meta.get("region") or ""), level=str(meta.get("level") or ""),
                              date=str(meta.get("date") or ""), topics=list(meta.get("topics") or []),
                              responsibility_areas=list(meta.get("responsibility_areas") or []))
        if region and region.lower() not in summary.region.lower():
            continue
        if topic and topic not in summary.topics:
            continue
        if area and area not in summary.responsibility_areas:
            continue
        cases.append(summary)
    return sorted(cases, key=lambda c: c.title)


def case_sections(engine: Engine, doc_id: str) -> dict[str, str]:
    """The ``##`` sections of a case, by heading, in document order."""
    text = engine.document_text(doc_id) or ""
    sections: dict[str, str] = {}
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2]):
        sections[heading.strip()] = body.strip()
    return sections


def first_sentences(text: str, count: int = 3) -> str:
    """The first ``count`` sentences of ``text``, Markdown marks removed (a case's summary)."""
    plain = re.sub(r"[*_`>#]", "", text)
    spans = split_sentences(" ".join(plain.split()))
    flat = " ".join(plain.split())
    return " ".join(flat[a:b] for a, b in spans[:count])


def compare_cases(engine: Engine, doc_ids: list[str], sentences: int = 3) -> dict[str, dict[str, str]]:
    """{section: {doc_id: opening sentences}} for the standard case sections, so two or three
    cases can be read side by side."""
    table: dict[str, dict[str, str]] = {}
    by_case = {doc_id: case_sections(engine, doc_id) for doc_id in doc_ids}
    for section in CASE_SECTIONS:
        row = {}
        for doc_id, sections in by_case.items():
            body = next((text for heading, text in sections.items()
                         if heading.lower().startswith(section.lower())), "")
            row[doc_id] = first_sentences(body, sentences) if body else "—"
        table[section] = row
    return table
