"""Finding the table in a sheet: which row is the header, which of its columns are ours, and
which rows below it are schools.

- The header is the row among the first ``HEADER_SCAN_ROWS`` whose cells name the most of our
  columns (through the aliases of ``columns.py``, or the user's mapping). A header of two rows
  (a cell merged over several sub-columns above them) is read as one: each column is named by its
  lower cell, by both cells together, or by the upper cell where the lower one repeats it. Rows
  above the header are title rows.
- A column is ours only when its name (without a unit in brackets) is one of the column's names,
  or when the user mapped it; nothing is matched by resemblance. A unit in the header is
  converted to ours (万元 → 元); a unit we cannot convert is a problem, not a guess.
- Below the header, blank rows, totals and subtotals (合计、小计、总计, Total), notes (注：…)
  and the templates' illustrative row are skipped. Every skip is reported with its row number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.advisor.columns import (
    LEVEL_VALUES,
    is_illustrative_label,
    is_note_label,
    is_total_label,
    normalise_header,
    school_column,
    split_unit,
)
from assistant.translations import t

HEADER_SCAN_ROWS = 15
TEXT_COLUMNS = ("school", "level", "location")

@dataclass(frozen=True)
class ColumnMatch:
    """One of our columns found in the user's header."""

    column: str             # our column name
    header: str             # the column as the user's file names it
    position: int           # 0-based
    unit: str | None        # the unit written in the header, if any
    factor: float           # the file's value × factor = the value in our unit
    mapped: bool            # named by the user's mapping rather than recognised

    def conversion(self, lang: str = "en") -> str:
        """How values are converted, e.g. ``"万元 × 10,000 → 元"``; empty when they are not."""
        if self.factor == 1:
            return ""
        ours = school_column(self.column).unit(lang)
        return f"{self.unit} × {self.factor:,.0f} → {ours}"

    def to_json(self) -> dict[str, Any]:
        return {"column": self.column, "header": self.header, "position": self.position + 1,
                "unit": self.unit, "factor": self.factor, "mapped": self.mapped}


@dataclass(frozen=True)
class SkippedRow:
    first: int              # spreadsheet row numbers
    last: int
    kind: str               # title | blank | total | note | heading | illustrative
    text: str               # the row's first text, as written

    def describe(self, lang: str = "en") -> str:
        zh = lang == "zh"
        where = (f"第 {self.first} 行" if self.first == self.last else
                 f"第 {self.first}–{self.last} 行") if zh else \
            (f"row {self.first}" if self.first == self.last else f"rows {self.first}–{self.last}")
        what = t(f"school_skip.{self.kind}", "zh" if zh else "en")
        shown = f"（“{self.text}”）" if zh and self.text else f" ('{self.text}')" if self.text else ""
        return f"{where}：{what}{shown}，已跳过" if zh else f"{where}: {what}{shown}, skipped"

    def to_json(self) -> dict[str, Any]:
        return {"rows": [self.first, self.last], "kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class HeaderProblem:
    column: str | None      # our column, when the problem is about one
    header: str | None      # the user's column, when the problem is about one
    problem: str


@dataclass
class TableReading:
    """What was found in one sheet: the header, the columns, the school rows and the skips."""

    wanted: list[str]
    header_rows: tuple[int, ...]
    headers: list[str]                       # every column of the header, as written
    matches: dict[str, ColumnMatch]          # our column -> where it is
    problems: list[HeaderProblem]
    skipped: list[SkippedRow]
    rows: list[tuple[int, list[object]]]     # (spreadsheet row, cells) of the school rows
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [c for c in self.wanted if c not in self.matches]

    @property
    def unused(self) -> list[str]:
        """The user's columns that none of ours came from (ignored)."""
        used = {m.position for m in self.matches.values()}
        return [h for i, h in enumerate(self.headers) if h and i not in used]

    @property
    def header_key(self) -> str:
        return header_key(self.headers)

    def header_of(self, column: str) -> str:
        """Our column as the user's file names it (our name when the file lacks it)."""
        match = self.matches.get(column)
        return match.header if match else column

    def conversions(self) -> list[ColumnMatch]:
        return [m for m in self.matches.values() if m.factor != 1]

    def notes(self, lang: str = "en") -> list[str]:
        """Every conversion and skip, one line each, for the user to read."""
        zh = lang == "zh"
        lines = []
        if self.header_rows:
            rows = "–".join(str(r) for r in (self.header_rows[0], self.header_rows[-1])
                            if r) if len(self.header_rows) > 1 else str(self.header_rows[0])
            sheet = (f"工作表“{self.sheet}”" if zh else f"sheet '{self.sheet}', ") \
                if self.sheet else ""
            lines.append(f"{sheet}第 {rows} 行为表头" if zh else f"{sheet}header in row {rows}")
        for m in self.conversions():
            label = school_column(m.column).label(lang)
            lines.append(f"“{m.header}”：{m.conversion(lang)}（{label}）" if zh else
                         f"'{m.header}' converted to {label}: {m.conversion(lang)}")
        lines += [s.describe(lang) for s in self.skipped]
        if self.unused:
            shown = "、".join(self.unused) if zh else ", ".join(f"'{h}'" for h in self.unused)
            lines.append(f"未使用的列：{shown}" if zh else f"columns not used: {shown}")
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "sheets": self.sheets, "header_rows": list(self.header_rows),
                "columns": {c: m.to_json() for c, m in self.matches.items()},
                "unused_columns": self.unused,
                "skipped": [s.to_json() for s in self.skipped],
                "notes": self.notes("en")}


def header_key(headers: Sequence[str]) -> str:
    """A stable key of a header row (the same header in another file gives the same key)."""
    joined = "\x1f".join(normalise_header(h) for h in headers)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``["设备值=equipment_value_yuan", …]`` → ``{"设备值": "equipment_value_yuan"}``."""
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, column = item.rpartition("=")
        if not sep or not header.strip() or not column.strip():
            raise ValueError(f"--map {item!r}: write it as \"YOUR COLUMN=our_column\", e.g. "
                             "\"设备值=equipment_value_yuan\"")
        mapping[header.strip()] = column.strip()
    return mapping


# -- the header -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Position:
    """One column of a (one- or two-row) header: the names it may be known by, best first."""

    display: str
    candidates: tuple[tuple[str, str | None], ...]   # (name, unit)


def read_table(rows: Sequence[Sequence[object]], wanted: list[str],
               mapping: dict[str, str] | None = None) -> TableReading:
    """Find the header and the school rows of ``rows`` for the columns in ``wanted``."""
    mapping = mapping or {}
    header_rows, positions = _find_header(rows, wanted, mapping)
    matches, problems = _match(positions, wanted, mapping)
    reading = TableReading(wanted=wanted, header_rows=header_rows,
                           headers=[p.display for p in positions], matches=matches,
                           problems=problems, skipped=[], rows=[])
    if header_rows:
        for number in range(1, header_rows[0]):
            text = _first_text(rows[number - 1])
            if text:
                reading.skipped.append(SkippedRow(number, number, "title", text))
        _school_rows(rows, header_rows[-1], reading)
    return reading


def _find_header(rows: Sequence[Sequence[object]], wanted: list[str],
                 mapping: dict[str, str]) -> tuple[tuple[int, ...], list[_Position]]:
    best: tuple[int, tuple[int, ...], list[_Position]] | None = None
    for index in range(min(HEADER_SCAN_ROWS, len(rows))):
        if _blank_row(rows[index]):
            continue
        options = [((index + 1,), _single(rows[index]))]
        if index + 1 < len(rows) and _can_be_two_row(rows[index], rows[index + 1]):
            options.append(((index + 1, index + 2), _double(rows[index], rows[index + 1])))
        for numbers, positions in options:
            score = len(_match(positions, wanted, mapping)[0])
            if best is None or score > best[0]:
                best = (score, numbers, positions)
    if best is None:
        return (), []
    if best[0] == 0:  # nothing recognised: the first non-blank row, so errors can name it
        first = next(i for i, row in enumerate(rows) if not _blank_row(row))
        return (first + 1,), _single(rows[first])
    return best[1], best[2]


def _can_be_two_row(upper: Sequence[object], lower: Sequence[object]) -> bool:
    """A two-row header has text (no numbers) below, and an upper row that is not one title
    (a title merged across the sheet gives the same text in every cell)."""
    texts = {_text(v) for v in upper if _text(v)}
    return len(texts) >= 2 and not any(_numeric(v) for v in lower) and not _blank_row(lower)


def _numeric(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    try:
        float(_text(value).replace(",", ""))
    except ValueError:
        return False
    return True


def _single(row: Sequence[object]) -> list[_Position]:
    positions = []
    for value in row:
        text = _text(value)
        positions.append(_Position(text, ((text, None),) if text else ()))
    return positions


def _double(upper: Sequence[object], lower: Sequence[object]) -> list[_Position]:
    positions = []
    for i in range(max(len(upper), len(lower))):
        top = _text(upper[i]) if i < len(upper) else ""
        low = _text(lower[i]) if i < len(lower) else ""
        if not low or low == top:
            positions.append(_Position(top, ((top, None),) if top else ()))
            continue
        if not top:
            positions.append(_Position(low, ((low, None),)))
            continue
        top_base, top_unit = split_unit(top)
        low_base, _ = split_unit(low)
        # The lower cell alone, then both together; the upper cell's unit serves both.
        positions.append(_Position(f"{top} / {low}", (
            (low, top_unit), (top_base + low_base, top_unit), (low_base + top_base, top_unit))))
    return positions


def _match(positions: list[_Position], wanted: list[str],
           mapping: dict[str, str]) -> tuple[dict[str, ColumnMatch], list[HeaderProblem]]:
    problems: list[HeaderProblem] = []
    matches: dict[str, ColumnMatch] = {}
    mapped_positions: set[int] = set()
    for key, column in mapping.items():
        if column not in wanted:
            problems.append(HeaderProblem(None, key, f"--map {key}={column}: {column!r} is not one "
                                          f"of our columns ({', '.join(wanted)})"))
            continue
        found = [i for i, p in enumerate(positions) if _names(p, key)]
        if not found:
            shown = ", ".join(repr(p.display) for p in positions if p.display)
            problems.append(HeaderProblem(column, key, f"--map {key}={column}: the header has no "
                                          f"column {key!r} (its columns: {shown})"))
            continue
        i = found[0]
        unit = _unit_of(positions[i], key)
        factor = school_column(column).factor(unit)
        matches[column] = ColumnMatch(column, positions[i].display, i, unit,
                                      1.0 if factor is None else factor, mapped=True)
        mapped_positions.add(i)
    index = _alias_index(wanted)
    found_at: dict[str, list[tuple[int, str | None]]] = {}
    for i, position in enumerate(positions):
        if i in mapped_positions:
            continue
        hit = _recognise(position, index)
        if hit is not None and hit[0] not in matches:
            found_at.setdefault(hit[0], []).append((i, hit[1]))
    for column, places in found_at.items():
        if len(places) > 1:
            shown = " and ".join(repr(positions[i].display) for i, _ in places)
            problems.append(HeaderProblem(column, None, f"columns {shown} both name {column!r}; "
                                          f"map the right one (--map \"HEADER={column}\")"))
            continue
        i, unit = places[0]
        spec = school_column(column)
        factor = spec.factor(unit)
        if factor is None:
            known = ", ".join(spec.units)
            problems.append(HeaderProblem(column, positions[i].display, (
                f"unit {unit!r} is not one we can convert to {spec.unit_en} ({spec.unit_zh}); "
                f"known units: {known}. Convert the column, or map it with --map if its values "
                f"are already in {spec.unit_en}")))
            continue
        matches[column] = ColumnMatch(column, positions[i].display, i, unit, factor, mapped=False)
    return matches, problems


def _alias_index(wanted: list[str]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in wanted:
        for name in school_column(column).names():
            index.setdefault(name, column)
    return index


def _recognise(position: _Position, index: dict[str, str]) -> tuple[str, str | None] | None:
    """(our column, unit) for the first of the position's names that is one of ours."""
    for name, inherited_unit in position.candidates:
        whole = normalise_header(name)
        if whole in index:
            return index[whole], inherited_unit
        base, unit = split_unit(name)
        if normalise_header(base) in index:
            return index[normalise_header(base)], unit or inherited_unit
    return None


def _names(position: _Position, key: str) -> bool:
    wanted = {normalise_header(key), normalise_header(split_unit(key)[0])}
    names = {normalise_header(position.display)}
    for name, _ in position.candidates:
        names |= {normalise_header(name), normalise_header(split_unit(name)[0])}
    return bool(wanted & names)


def _unit_of(position: _Position, key: str) -> str | None:
    for text in (key, position.display, *(n for n, _ in position.candidates)):
        unit = split_unit(text)[1]
        if unit:
            return unit
    return next((u for _, u in position.candidates if u), None)


# -- the rows below the header ----------------------------------------------------------------

def _school_rows(rows: Sequence[Sequence[object]], header_end: int, reading: TableReading) -> None:
    where = {c: m.position for c, m in reading.matches.items()}
    pupils = where.get("pupils")
    for number in range(header_end + 1, len(rows) + 1):
        row = list(rows[number - 1])
        kind, text = _skip_kind(row, where, pupils)
        if kind is None:
            reading.rows.append((number, row))
            continue
        last = reading.skipped[-1] if reading.skipped else None
        if kind == "blank" and last and last.kind == "blank" and last.last == number - 1:
            reading.skipped[-1] = SkippedRow(last.first, number, "blank", "")
        else:
            reading.skipped.append(SkippedRow(number, number, kind, text))


def _skip_kind(row: list[object], where: dict[str, int],
               pupils: int | None) -> tuple[str | None, str]:
    if _blank_row(row):
        return "blank", ""
    first = _first_text(row)
    texts = [first] + [_text(row[i]) for c, i in where.items()
                       if c in TEXT_COLUMNS and i < len(row)]
    total = next((t for t in texts if t and is_total_label(t)), None)
    if total:
        return "total", total
    school = _text(row[where["school"]]) if "school" in where and where["school"] < len(row) \
        else ""
    if school and is_illustrative_label(school):
        return "illustrative", school
    no_pupils = pupils is None or pupils >= len(row) or _text(row[pupils]) == ""
    if no_pupils and is_note_label(first):
        return "note", first
    filled = [v for v in row if _text(v)]
    if no_pupils and len(filled) == 1 and _heading_word(first):
        return "heading", first
    return None, ""


def _heading_word(text: str) -> bool:
    """"一、小学", "初中学校" and the like above a group of rows."""
    folded = normalise_header(text).lstrip("一二三四五六七八九十、0123456789()")
    return any(folded.startswith(normalise_header(v)) for v in LEVEL_VALUES)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().lstrip("\ufeff")


def _first_text(row: Sequence[object]) -> str:
    return next((_text(v) for v in row if _text(v)), "")


def _blank_row(row: Sequence[object]) -> bool:
    return not any(_text(v) for v in row)

