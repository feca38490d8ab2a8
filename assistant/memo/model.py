"""The memo as data: sections a user can edit one by one, and a numbered reference list.

Section bodies use a small Markdown subset that both exporters understand: paragraphs separated
by blank lines, ``- `` bullets, ``### `` subheadings and ``**bold**``. A line ``[[table 1]]`` or
``[[chart cv]]`` places a section's table or chart there; tables and charts no line places
(because a user deleted the line, say) follow the text.

One model serves both kinds of memo: a district memo (built from a diagnosis, ``build.py``) and a
topic memo (no district profile; answers and cases are added to it, ``collect.py``). ``to_json``
and ``Memo.from_json`` round-trip everything but the chart images, which the draft store keeps
beside the JSON (``drafts.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from assistant.documents import Citation, number_label

_PLACEHOLDER = re.compile(r"^\s*\[\[(table|chart) ([\w-]+)\]\]\s*$")
SECTION_IDS = ("summary", "situation", "causes", "responsibilities", "measures", "implementation")
TOPIC_SECTION_IDS = ("summary", "findings", "cases")
MEMO_KINDS = ("district", "topic")


class MemoFormatError(ValueError):
    """A stored memo that cannot be read back; the message names the field."""


@dataclass
class MemoTable:
    caption: str
    columns: list[str]
    rows: list[list[str]]

    def to_json(self) -> dict[str, Any]:
        return {"caption": self.caption, "columns": self.columns, "rows": self.rows}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MemoTable:
        return cls(caption=str(data.get("caption") or ""),
                   columns=[str(c) for c in data["columns"]],
                   rows=[[str(c) for c in row] for row in data["rows"]])


@dataclass
class MemoSection:
    id: str
    heading: str
    body: str                                  # Markdown subset (see module docstring)
    tables: list[MemoTable] = field(default_factory=list)  # shown after the body
    charts: list[str] = field(default_factory=list)        # keys of Memo.charts, after the tables
    edited: bool = False

    def blocks(self) -> list[tuple[str, Any]]:
        """The section in reading order: ("text", markdown), ("table", MemoTable) and
        ("chart", key) items."""
        items: list[tuple[str, Any]] = []
        text: list[str] = []
        placed_tables: set[int] = set()
        placed_charts: set[str] = set()
        for line in self.body.splitlines():
            found = _PLACEHOLDER.match(line)
            if found is None:
                text.append(line)
                continue
            kind, name = found.groups()
            if kind == "table" and name.isdigit() and 0 < int(name) <= len(self.tables):
                item: tuple[str, Any] = ("table", self.tables[int(name) - 1])
                placed_tables.add(int(name) - 1)
            elif kind == "chart" and name in self.charts:
                item = ("chart", name)
                placed_charts.add(name)
            else:
                continue  # a placeholder for something that no longer exists
            if "\n".join(text).strip():
                items.append(("text", "\n".join(text).strip()))
            text = []
            items.append(item)
        if "\n".join(text).strip():
            items.append(("text", "\n".join(text).strip()))
        items += [("table", t) for i, t in enumerate(self.tables) if i not in placed_tables]
        items += [("chart", c) for c in self.charts if c not in placed_charts]
        return items

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "heading": self.heading, "body": self.body,
                "tables": [t.to_json() for t in self.tables], "charts": self.charts,
                "edited": self.edited}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MemoSection:
        return cls(id=str(data["id"]), heading=str(data["heading"]), body=str(data["body"]),
                   tables=[MemoTable.from_json(t) for t in data.get("tables") or []],
                   charts=[str(c) for c in data.get("charts") or []],
                   edited=bool(data.get("edited")))


@dataclass
class Reference:
    """One cited document, with every passage cited from it."""

    number: int
    doc_id: str
    title: str
    title_zh: str = ""
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    doc_type: str | None = None
    passages: list[Citation] = field(default_factory=list)
    unconfirmed: tuple[str, ...] = ()  # front-matter fields our sources do not confirm

    def line(self, lang: str = "en") -> str:
        """Full identification: title, issuer, number (marked when unconfirmed), date."""
        number = number_label(self.doc_number, self.unconfirmed, lang)
        if lang == "zh":
            title = f"《{self.title_zh}》（{self.title}）" if self.title_zh else self.title
            parts = [title, self.issuer, number, self.date]
            return "，".join(str(p) for p in parts if p) + "。"
        title = f"{self.title} ({self.title_zh})" if self.title_zh else self.title
        parts = (title, self.issuer, number, self.date)
        return ". ".join(str(p) for p in parts if p) + "."

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "doc_id": self.doc_id, "title": self.title,
                "title_zh": self.title_zh, "issuer": self.issuer, "doc_number": self.doc_number,
                "date": self.date, "doc_type": self.doc_type,
                "unconfirmed": list(self.unconfirmed),
                "passages": [p.to_json() for p in self.passages]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reference:
        return cls(number=int(data["number"]), doc_id=str(data["doc_id"]),
                   title=str(data["title"]), title_zh=str(data.get("title_zh") or ""),
                   issuer=data.get("issuer"), doc_number=data.get("doc_number"),
                   date=data.get("date"), doc_type=data.get("doc_type"),
                   passages=[citation_from_json(p) for p in data.get("passages") or []],
                   unconfirmed=tuple(data.get("unconfirmed") or ()))


_CITATION_FIELDS = {f.name for f in fields(Citation)}


def citation_from_json(data: dict[str, Any]) -> Citation:
    """The inverse of ``Citation.to_json`` (which adds a derived ``number_label``)."""
    values = {k: v for k, v in data.items() if k in _CITATION_FIELDS}
    values["unconfirmed"] = tuple(values.get("unconfirmed") or ())
    return Citation(**values)


_ZH_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")


class References:
    """Numbers documents in the order they are first cited; numbers never change afterwards, so
    a regenerated section keeps the markers of the others valid."""

    def __init__(self, titles_zh: dict[str, str] | None = None,
                 items: list[Reference] | None = None) -> None:
        self.items: list[Reference] = list(items or [])
        self._titles_zh = titles_zh or {}

    def title_zh_of(self, doc_id: str) -> str:
        return self._titles_zh.get(doc_id, "")

    def learn_titles(self, titles_zh: dict[str, str]) -> None:
        """Chinese titles for documents cited from now on (a stored memo does not keep them)."""
        self._titles_zh = {**titles_zh, **self._titles_zh}

    def add(self, citation: Citation) -> Reference:
        for ref in self.items:
            if ref.doc_id == citation.doc_id:
                if all(p.chunk_id != citation.chunk_id for p in ref.passages):
                    ref.passages.append(citation)
                return ref
        ref = Reference(number=len(self.items) + 1, doc_id=citation.doc_id, title=citation.title,
                        title_zh=self._titles_zh.get(citation.doc_id, ""), issuer=citation.issuer,
                        doc_number=citation.doc_number, date=citation.date,
                        doc_type=citation.doc_type, passages=[citation],
                        unconfirmed=citation.unconfirmed)
        self.items.append(ref)
        return ref

    def marker(self, citation: Citation, lang: str = "en") -> str:
        """``[3, Article 15]`` (``[3，第十五条]`` in Chinese), or ``[3]`` without an article."""
        ref = self.add(citation)
        where = citation.article
        if lang == "zh" and where:
            found = _ZH_ARTICLE.search(citation.section or "")
            where = found.group(0) if found else where
        if not where:
            return f"[{ref.number}]"
        return f"[{ref.number}，{where}]" if lang == "zh" else f"[{ref.number}, {where}]"


@dataclass
class Memo:
    """A suggestion memo. ``kind`` is "district" (built from a diagnosis; ``district`` names it)
    or "topic" (collected from answers and cases; ``district`` may be empty)."""

    lang: str
    title: str
    addressee: str
    date: str
    author: str
    district: str
    illustrative: bool
    sections: list[MemoSection]
    references: References
    charts: dict[str, bytes] = field(default_factory=dict)   # PNG images by key
    chart_captions: dict[str, str] = field(default_factory=dict)
    reference_heading: str = "References"
    kind: str = "district"
    context: Any = field(default=None, repr=False, compare=False)  # what regeneration needs

    def section(self, section_id: str) -> MemoSection:
        for section in self.sections:
            if section.id == section_id:
                return section
        ids = ", ".join(s.id for s in self.sections)
        raise KeyError(f"no memo section {section_id!r}; sections: {ids}")

    def edit_section(self, section_id: str, body: str) -> None:
        """Replace a section's text with the user's version."""
        section = self.section(section_id)
        section.body = body
        section.edited = True

    def to_json(self) -> dict[str, Any]:
        return {"lang": self.lang, "title": self.title, "addressee": self.addressee,
                "date": self.date, "author": self.author, "district": self.district,
                "illustrative": self.illustrative,
                "sections": [s.to_json() for s in self.sections],
                "references": [r.to_json() for r in self.references.items],
                "charts": sorted(self.charts), "chart_captions": dict(self.chart_captions),
                "reference_heading": self.reference_heading, "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict[str, Any], charts: dict[str, bytes] | None = None) -> Memo:
        """A memo from ``to_json`` output; ``charts`` are the images by key (kept apart)."""
        try:
            kind = str(data.get("kind") or "district")
            if kind not in MEMO_KINDS:
                raise MemoFormatError(f"kind must be one of {MEMO_KINDS}, not {kind!r}")
            references = References(items=[Reference.from_json(r)
                                           for r in data.get("references") or []])
            return cls(lang=str(data["lang"]), title=str(data["title"]),
                       addressee=str(data.get("addressee") or ""), date=str(data["date"]),
                       author=str(data.get("author") or ""),
                       district=str(data.get("district") or ""),
                       illustrative=bool(data.get("illustrative")),
                       sections=[MemoSection.from_json(s) for s in data["sections"]],
                       references=references,
                       charts={k: v for k, v in (charts or {}).items()
                               if k in (data.get("charts") or [])},
                       chart_captions={str(k): str(v) for k, v in
                                       (data.get("chart_captions") or {}).items()},
                       reference_heading=str(data.get("reference_heading") or "References"),
                       kind=kind)
        except MemoFormatError:
            raise
        except KeyError as exc:
            raise MemoFormatError(f"missing field {exc.args[0]!r}") from exc
        except (TypeError, ValueError, AttributeError) as exc:
            raise MemoFormatError(f"malformed memo: {exc}") from exc
