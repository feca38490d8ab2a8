"""Templates of the school file, in English or Chinese: the header (names and units from the
column vocabulary), one row labelled illustrative (skipped when the filled template is read), and
notes explaining each column and its unit — a notes sheet in the XLSX, a notes file beside the
CSV (a CSV has one sheet only)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from assistant.advisor.columns import SchoolColumn, school_column
from assistant.advisor.schools import required_columns
from assistant.advisor.standards import Standards
from assistant.translations import catalogue

TEMPLATE_LANGUAGES = ("en", "zh")
TEMPLATE_SUFFIXES = (".csv", ".xlsx")

def _lang(lang: str) -> str:
    if lang not in TEMPLATE_LANGUAGES:
        raise ValueError(f"template language must be one of {TEMPLATE_LANGUAGES}, not {lang!r}")
    return lang


def _columns(standards: Standards) -> list[SchoolColumn]:
    return [school_column(c) for c in required_columns(standards)]


def template_header(standards: Standards, lang: str = "en") -> list[str]:
    """Each column's name in ``lang``, with its unit in brackets where it has a measured one."""
    lang = _lang(lang)
    header = []
    for column in _columns(standards):
        unit = column.unit(lang) if column.kind == "number" else ""
        label = column.label(lang)
        header.append(f"{label}（{unit}）" if unit and lang == "zh" else
                      f"{label} ({unit})" if unit else label)
    return header


def illustrative_row(standards: Standards, lang: str = "en") -> list[object]:
    text = catalogue(_lang(lang))["school_template"]
    return [text.get(c.name) if c.kind == "text" else c.example for c in _columns(standards)]


def notes_rows(standards: Standards, lang: str = "en") -> list[list[str]]:
    """The notes table: one row per column (its header, what to enter, unit, our name)."""
    text = catalogue(_lang(lang))["school_template"]
    header = template_header(standards, lang)
    rows = [text["notes_header"]]
    for name, column in zip(header, _columns(standards)):
        rows.append([name, column.note(lang), column.unit(lang) or "—", column.name])
    return rows


def template_csv(standards: Standards, lang: str = "en") -> bytes:
    """Header and the illustrative row; UTF-8 with a byte-order mark so Excel shows Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(template_header(standards, lang))
    writer.writerow(illustrative_row(standards, lang))
    return out.getvalue().encode("utf-8-sig")


def notes_csv(standards: Standards, lang: str = "en") -> bytes:
    text = catalogue(_lang(lang))["school_template"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(notes_rows(standards, lang))
    writer.writerow([])
    writer.writerow([text["intro"]])
    writer.writerow([text["units"]])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(standards: Standards, lang: str = "en") -> bytes:
    """A workbook with the schools sheet (header, illustrative row) and the notes sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    text = catalogue(_lang(lang))["school_template"]
    book = Workbook()
    sheet = book.active
    sheet.title = text["sheet"]
    sheet.append(template_header(standards, lang))
    sheet.append(illustrative_row(standards, lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True, color="777777")
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
    wide = 2 if lang == "zh" else 1.1  # a Chinese character takes about two columns' width
    for cell in sheet[1]:
        sheet.column_dimensions[cell.column_letter].width = max(12, min(40, len(str(cell.value))
                                                                        * wide))
    notes = book.create_sheet(text["notes_sheet"])
    for row in notes_rows(standards, lang):
        notes.append(row)
    for cell in notes[1]:
        cell.font = Font(bold=True)
    notes.append([])
    notes.append([text["intro"]])
    notes.append([text["units"]])
    for letter, width in zip("ABCD", (36, 70, 12, 40)):
        notes.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_template(path: str | Path, standards: Standards, lang: str = "en") -> list[Path]:
    """Write the template named by ``path`` (.xlsx, or .csv with ``<name>-notes.csv`` beside
    it); returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEMPLATE_SUFFIXES:
        raise ValueError(f"a template ends in .csv or .xlsx, not {path.name!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        path.write_bytes(template_xlsx(standards, lang))
        return [path]
    notes = path.with_name(f"{path.stem}-notes.csv")
    path.write_bytes(template_csv(standards, lang))
    notes.write_bytes(notes_csv(standards, lang))
    return [path, notes]
