"""The cells of a school file, before any header is looked for: a CSV (UTF-8 or GBK) or the sheets
of an XLSX workbook as statistics systems export them.

Workbooks are read for what Excel shows: a formula gives its cached value (``data_only=True``), a
merged cell gives the value of its top-left cell in every cell it covers (a header merged over
several columns, a level written once beside many schools). A formula that was never calculated
has no cached value; its cell is listed so that it is reported, not read as empty.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SCHOOL_SUFFIXES = (".csv", ".xlsx", ".xlsm")


class SchoolFileError(ValueError):
    """A file that cannot be read at all (missing, wrong type, damaged, undecodable)."""


@dataclass
class Sheet:
    """One table of cells; rows and columns numbered from 1 as the spreadsheet shows them."""

    name: str | None                      # None for a CSV
    rows: list[list[object]]
    uncalculated: set[tuple[int, int]] = field(default_factory=set)  # (row, column) formulas


@dataclass
class Workbook:
    source: str
    sheets: list[Sheet]

    @property
    def sheet_names(self) -> list[str]:
        return [s.name for s in self.sheets if s.name is not None]

    def sheet(self, name: str | None) -> Sheet:
        """The sheet called ``name`` (the only sheet of a CSV whatever the name)."""
        if name is None or len(self.sheets) == 1 and self.sheets[0].name is None:
            return self.sheets[0]
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise SchoolFileError(f"no sheet named {name!r} in the workbook (its sheets: "
                              f"{', '.join(self.sheet_names)})")


def read_workbook(path: str | Path) -> Workbook:
    """Every sheet of ``path`` (.csv, .xlsx or .xlsm); SchoolFileError says what to do."""
    path = Path(path)
    if not path.is_file():
        raise SchoolFileError("file not found")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return Workbook(str(path), [Sheet(None, _csv_rows(path))])
    if suffix in (".xlsx", ".xlsm"):
        return Workbook(str(path), _xlsx_sheets(path))
    raise SchoolFileError(f"unsupported file type {suffix or '(none)'}; save it as .csv (UTF-8) "
                          "or .xlsx")


def _csv_rows(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China often saves CSV as GBK
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise SchoolFileError("cannot decode the file; save it as UTF-8 CSV")
    try:
        return [list(r) for r in csv.reader(text.splitlines())]
    except csv.Error as exc:  # NUL bytes and the like: a binary file saved as .csv
        raise SchoolFileError(f"not a readable CSV file ({exc}); save the sheet as CSV "
                              "(UTF-8)") from exc


def _xlsx_sheets(path: Path) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        # Not read-only: merged ranges are only known to a fully loaded sheet.
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises several types for damaged files
        raise SchoolFileError(f"cannot open the workbook: {exc}") from exc
    try:
        return [_sheet(sheet, formulas[sheet.title]) for sheet in values.worksheets]
    finally:
        formulas.close()


def _sheet(sheet, formula_sheet) -> Sheet:
    rows = [["" if v is None else v for v in row]
            for row in sheet.iter_rows(min_row=1, min_col=1, max_row=sheet.max_row,
                                       max_col=sheet.max_column, values_only=True)]
    for merged in sheet.merged_cells.ranges:
        top_left = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = top_left
    uncalculated = set()
    for number, row in enumerate(formula_sheet.iter_rows(min_row=1, min_col=1,
                                                         values_only=True), start=1):
        for column, value in enumerate(row, start=1):
            if isinstance(value, str) and value.startswith("=") and _cell(rows, number, column) == "":
                uncalculated.add((number, column))
    return Sheet(sheet.title, _trimmed(rows), uncalculated)


def _cell(rows: Sequence[Sequence[object]], row: int, column: int) -> object:
    if row - 1 < len(rows) and column - 1 < len(rows[row - 1]):
        return rows[row - 1][column - 1]
    return ""


def _trimmed(rows: list[list[object]]) -> list[list[object]]:
    """Drop the empty columns at the right that formatting leaves in exported sheets."""
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v != ""), default=0)
    return [row[:width] for row in rows]
