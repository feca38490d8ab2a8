"""Collect answers and cases into a memo: a topic memo (no district profile) or any section of a
district memo. The cited passages join the memo's one reference list: a document already listed
keeps its number, a new one gets the next, and the added text's markers are rewritten to match.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.documents import Citation
from assistant.memo.build import load_template
from assistant.memo.model import TOPIC_SECTION_IDS, Memo, MemoSection, MemoTable, References

if TYPE_CHECKING:
    from assistant.engine import Engine

# Case fields in reading order: (template key, English heading prefix, anchor of the Chinese part).
CASE_FIELDS = (("context", "Context", "context"), ("problem", "The problem", "the-problem"),
               ("measures", "Measures", "measures"), ("results", "Documented results",
                                                      "documented-results"),
               ("lessons", "Lessons", "lessons"))
CASE_SENTENCES = 2
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ZH_PART = re.compile(r"^### +(.+?)\s*\{#([\w-]+)\}\s*$", re.MULTILINE)


@dataclass
class Excerpt:
    """Text to add: Markdown whose marker ``[n]`` refers to ``citations[n-1]``."""

    heading: str
    text: str
    citations: list[Citation] = field(default_factory=list)


def topic_memo(topic: str = "", lang: str = "en", *, date: str | None = None,
               author: str | None = None) -> Memo:
    """An empty topic memo: summary, findings and cases sections, no district."""
    text = load_template(lang)
    words = text["topic"]
    topic = " ".join(topic.split())
    return Memo(lang=lang, title=words["title"].format(topic=topic) if topic else words["untitled"],
                addressee=words["addressee"], date=date or dt.date.today().isoformat(),
                author=author or text["from"], district="", illustrative=False,
                sections=[MemoSection(sid, words["headings"][sid],
                                      words["summary_body"] if sid == "summary" else "")
                          for sid in TOPIC_SECTION_IDS],
                references=References(), reference_heading=text["headings"]["references"],
                kind="topic")


def answer_excerpt(question: str, text: str, citations: list[Citation], lang: str) -> Excerpt:
    """An answer as an excerpt: its question as the heading, its markers numbered by first use
    (``assistant.answer.markers``), citations no marker uses dropped."""
    from assistant.answer.markers import by_first_use

    text, citations, _ = by_first_use(text, list(citations), [])
    heading = load_template(lang)["topic"]["answer_heading"].format(question=" ".join(
        question.split()))
    return Excerpt(heading, text, citations)


def add_excerpt(memo: Memo, section_id: str, excerpt: Excerpt,
                titles_zh: dict[str, str] | None = None) -> MemoSection:
    """Append ``excerpt`` to a section: its citations merged into the memo's references, its
    markers renumbered to the memo's, its Markdown tables made memo tables."""
    from assistant.citations import MARKER

    section = memo.section(section_id)
    if titles_zh:
        memo.references.learn_titles(titles_zh)
    markers = {n: memo.references.marker(c, memo.lang)
               for n, c in enumerate(excerpt.citations, start=1)}
    body = MARKER.sub(lambda m: markers.get(int(m.group(1)), m.group(0)), excerpt.text)
    body, tables = _lift_tables(body, first_number=len(section.tables) + 1)
    body = "\n".join(_HEADING.sub("### ", line) if _HEADING.match(line) else line
                     for line in body.splitlines())
    added = "\n\n".join(part for part in (f"### {excerpt.heading}" if excerpt.heading else "",
                                          body.strip()) if part)
    section.body = f"{section.body.rstrip()}\n\n{added}" if section.body.strip() else added
    section.tables.extend(tables)
    section.edited = True
    return section


def case_excerpt(engine: Engine, doc_id: str, lang: str = "en") -> Excerpt:
    """A case in a few lines: the opening sentences of its context, problem, measures,
    documented results and lessons (the Chinese part for a Chinese memo, when the case has one),
    each citing the passage it comes from."""
    from assistant.advisor.measures import cite_document
    from assistant.cases import case_sections, first_sentences

    row = engine.document(doc_id)
    if row is None:
        raise KeyError(f"no case {doc_id!r} in the index")
    meta = row.metadata
    words = load_template(lang)["topic"]
    title = str(meta.get("title_zh") or meta.get("title")) if lang == "zh" else str(
        meta.get("title") or doc_id)
    parts = _chinese_parts(engine, doc_id) if lang == "zh" else {}
    english = case_sections(engine, doc_id)
    citations: list[Citation] = []
    lines: list[str] = []
    for key, heading, anchor in CASE_FIELDS:
        body = parts.get(anchor) or next((text for name, text in english.items()
                                          if name.lower().startswith(heading.lower())), "")
        body = re.sub(r"^\s*(?:[-*•]|\d+\.)\s+", "", body, flags=re.MULTILINE)  # list items
        summary = first_sentences(body, CASE_SENTENCES) if body else ""
        if not summary:
            continue
        if lang == "zh":  # Chinese sentences run on without a space
            summary = re.sub(r"(?<=[。！？；])\s+", "", summary)
        citation = cite_document(engine, doc_id, summary[:300],
                                 language="zh" if anchor in parts else None)
        marker = ""
        if citation is not None:
            ids = [c.chunk_id for c in citations]
            if citation.chunk_id not in ids:
                citations.append(citation)
                ids.append(citation.chunk_id)
            marker = ("" if lang == "zh" else " ") + f"[{ids.index(citation.chunk_id) + 1}]"
        colon = "：" if lang == "zh" else ": "
        lines.append(f"- **{words['case_fields'][key]}**{colon}{summary}{marker}")
    if not lines:
        raise ValueError(f"case {doc_id!r} has none of the sections a case summary reads "
                         f"({', '.join(h for _, h, _ in CASE_FIELDS)})")
    return Excerpt(words["case_heading"].format(title=title), "\n".join(lines), citations)


def chinese_titles(engine: Engine) -> dict[str, str]:
    """Document ids → Chinese titles, for the reference list of a Chinese memo."""
    return {row.doc_id: str(row.metadata.get("title_zh"))
            for row in engine.documents() if row.metadata.get("title_zh")}


def _chinese_parts(engine: Engine, doc_id: str) -> dict[str, str]:
    """The ``### 背景 {#context}`` subsections of a case's ``## 中文`` part, by anchor."""
    text = engine.document_text(doc_id) or ""
    found = re.search(r"^## 中文\s*$(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    if not found:
        return {}
    pieces = _ZH_PART.split(found.group(1))
    return {anchor: body.strip() for _, anchor, body in
            zip(pieces[1::3], pieces[2::3], pieces[3::3])}


def _lift_tables(body: str, first_number: int) -> tuple[str, list[MemoTable]]:
    """Markdown pipe tables become ``MemoTable`` s with ``[[table n]]`` placeholders, so every
    exporter draws them as tables."""
    lines, tables, out = body.splitlines(), [], []
    i = 0
    while i < len(lines):
        if _TABLE_LINE.match(lines[i]) and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            columns = _cells(lines[i])
            rows = []
            i += 2
            while i < len(lines) and _TABLE_LINE.match(lines[i]):
                cells = _cells(lines[i])
                rows.append((cells + [""] * len(columns))[:len(columns)])
                i += 1
            tables.append(MemoTable("", columns, rows))
            out.append(f"[[table {first_number + len(tables) - 1}]]")
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), tables


def _cells(line: str) -> list[str]:
    inner = line.strip().strip("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]
