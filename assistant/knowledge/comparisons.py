"""Comparisons: two or three things readers compare (concepts, documents, cases, places), the
statement that gives the key difference in a sentence, and rows of one aspect each, every cell a
statement about that side alone (schema: corpus/README.md, "Comparisons")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.knowledge.entry_files import ID, load_entries, strings
from assistant.knowledge.statements import COMPARISONS_FILE, load_statements

FILE = COMPARISONS_FILE
MAX_ROWS = 8


@dataclass(frozen=True)
class Label:
    en: str
    zh: str

    def in_language(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


@dataclass(frozen=True)
class Row:
    aspect: Label
    cells: tuple[str | None, ...]  # one statement id per side, None where the sources are silent


@dataclass(frozen=True)
class Comparison:
    id: str
    asks_en: tuple[str, ...]
    asks_zh: tuple[str, ...]
    sides: tuple[Label, ...]
    key: str
    rows: tuple[Row, ...]
    same: str | None = None  # a statement saying what the sides share (for "异同", "in common")

    @property
    def asks(self) -> tuple[str, ...]:
        return self.asks_en + self.asks_zh

    @property
    def statement_ids(self) -> tuple[str, ...]:
        return (self.key, *((self.same,) if self.same else ()),
                *(cell for row in self.rows for cell in row.cells if cell))


def load_comparisons(corpus: Path) -> tuple[list[Comparison], list[tuple[str, str]]]:
    """The comparisons of ``corpus/knowledge/comparisons.yaml`` (none when the file is absent)
    and the entries that could not be read, as (id or position, problem)."""
    return load_entries(corpus / "knowledge" / FILE, "comparisons", _comparison)


def _label(value: Any) -> Label | None:
    # (a key besides en and zh is a label cut at a comma: {en: County manages, schools hire})
    if not isinstance(value, dict) or set(value) - {"en", "zh"}:
        return None
    en, zh = (" ".join(str(value.get(k) or "").split()) for k in ("en", "zh"))
    return Label(en, zh) if en and zh else None


def _comparison(entry: Any) -> tuple[Comparison | None, str]:
    if not isinstance(entry, dict):
        return None, "an entry must be a mapping"
    ident = str(entry.get("id", ""))
    if not ID.match(ident):
        return None, f"id {ident!r} must be lower-case letters, digits and hyphens"
    asks = entry.get("asks") if isinstance(entry.get("asks"), dict) else {}
    if not strings(asks.get("en")) or not strings(asks.get("zh")):
        return None, f"{ident}: `asks` needs English (en) and Chinese (zh) phrases"
    sides = [_label(side) for side in entry.get("sides") or []]
    if not 2 <= len(sides) <= 3 or None in sides:
        return None, f"{ident}: 2–3 sides, each with an English (en) and Chinese (zh) label"
    key = str(entry.get("key") or "").strip()
    if not key:
        return None, f"{ident}: no key difference"
    rows: list[Row] = []
    for raw in entry.get("rows") or []:
        aspect = _label(raw.get("aspect")) if isinstance(raw, dict) else None
        cells = raw.get("cells") if isinstance(raw, dict) else None
        if aspect is None or not isinstance(cells, list):
            return None, f"{ident}: a row needs an `aspect` (en, zh) and `cells`"
        if len(cells) != len(sides):
            return None, f"{ident}: row {aspect.en!r} has {len(cells)} cells for {len(sides)} sides"
        cells = tuple(str(c).strip() if c else None for c in cells)
        if not any(cells):
            return None, f"{ident}: row {aspect.en!r} has no statement"
        rows.append(Row(aspect, cells))
    if not 2 <= len(rows) <= MAX_ROWS:
        return None, f"{ident}: 2–{MAX_ROWS} rows, not {len(rows)}"
    same = entry.get("same")
    if same is not None and not (isinstance(same, str) and same.strip()):
        return None, f"{ident}: `same` must be one statement id"
    comparison = Comparison(ident, strings(asks.get("en")), strings(asks.get("zh")),
                            tuple(sides), key, tuple(rows), same.strip() if same else None)
    if len(set(comparison.statement_ids)) != len(comparison.statement_ids):
        return None, f"{ident}: a statement is named twice"
    return comparison, ""


def comparison_problems(corpus: Path) -> list[tuple[str, str]]:
    """What is wrong with the comparisons file: unreadable entries, and statements it names that
    no knowledge file holds."""
    comparisons, problems = load_comparisons(corpus)
    if not comparisons:
        return problems
    known = {statement.id for statement in load_statements(corpus)[0]}
    for comparison in comparisons:
        problems += [(comparison.id, f"no statement {ident!r}")
                     for ident in comparison.statement_ids if ident not in known]
    return problems
