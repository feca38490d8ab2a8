"""The school-file templates: written, filled with the English example's schools the way an
official would (in the template's language, illustrative row replaced or left in), and read
back to the English file's CVs."""

from __future__ import annotations

import csv
import io

import pytest
from school_variants import ZH_LEVEL, ZH_LOCATION, english_rows

from assistant.advisor.columns import COLUMNS
from assistant.advisor.school_templates import (
    illustrative_row,
    notes_rows,
    template_header,
    write_template,
)
from assistant.advisor.schools import analyse_schools, read_school_file, required_columns

from .conftest import EXAMPLE_SCHOOLS

TOLERANCE = 1e-9


def _cvs(schools, standards) -> dict[tuple[str, str], float]:
    return {(c.indicator_id, c.level): c.cv for c in analyse_schools(schools, standards).cvs}


def _filled_rows(lang: str) -> list[list[object]]:
    rows = []
    for row in english_rows():
        values = list(row.values())
        if lang == "zh":
            values[1], values[2] = ZH_LEVEL[values[1]], ZH_LOCATION[values[2]]
        rows.append(values)
    return rows


def _fill_xlsx(path, lang: str, keep_example: bool) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.worksheets[0]
    if not keep_example:
        sheet.delete_rows(2)
    for row in _filled_rows(lang):
        sheet.append(row)
    book.save(path)


def _fill_csv(path, lang: str, keep_example: bool) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows = rows[:2] if keep_example else rows[:1]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows + _filled_rows(lang))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("keep_example", [False, True])
def test_template_filled_with_the_english_example_gives_its_cvs(standards, tmp_path, suffix,
                                                                lang, keep_example):
    [path, *notes] = write_template(tmp_path / f"template-{lang}{suffix}", standards, lang)
    assert path.exists() and all(n.exists() for n in notes)
    (_fill_csv if suffix == ".csv" else _fill_xlsx)(path, lang, keep_example)

    read = read_school_file(path, standards)
    assert read.reading.header_rows == (1,) and not read.reading.missing
    assert [s.name for s in read.schools] == [r["school"] for r in english_rows()]
    assert [s.kind for s in read.reading.skipped] == (["illustrative"] if keep_example else [])
    found = _cvs(read.schools, standards)
    expected = _cvs(read_school_file(EXAMPLE_SCHOOLS, standards).schools, standards)
    assert found.keys() == expected.keys()
    for key, value in expected.items():
        assert found[key] == pytest.approx(value, abs=TOLERANCE, rel=0), key


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_template_header_and_row_come_from_the_vocabulary(standards, lang):
    header = template_header(standards, lang)
    columns = [COLUMNS[c] for c in required_columns(standards)]
    assert len(header) == len(columns)
    assert all(h.startswith(c.label(lang)) for h, c in zip(header, columns))
    assert "教学仪器设备值（元）" in header if lang == "zh" else \
        "Teaching instrument and equipment value (yuan)" in header
    row = illustrative_row(standards, lang)
    assert ("示例数据" if lang == "zh" else "illustrative") in row[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_xlsx_template_has_a_notes_sheet_explaining_each_column_and_unit(standards, tmp_path,
                                                                         lang):
    from openpyxl import load_workbook

    [path] = write_template(tmp_path / "template.xlsx", standards, lang)
    book = load_workbook(path)
    assert len(book.worksheets) == 2
    notes = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    table = notes[:len(required_columns(standards)) + 1]
    assert table == notes_rows(standards, lang)
    by_name = {row[3]: row for row in table[1:]}
    assert set(by_name) == set(required_columns(standards))
    assert by_name["equipment_value_yuan"][2] == ("元" if lang == "zh" else "yuan")
    assert by_name["building_area_m2"][2] == ("平方米" if lang == "zh" else "m²")
    assert all(row[1] for row in table[1:])  # every column explained
    assert any("illustrative" in str(r[0]) or "示例行" in str(r[0]) for r in notes[len(table):])


def test_csv_template_writes_its_notes_beside_it(standards, tmp_path):
    written = write_template(tmp_path / "schools.csv", standards, "zh")
    assert [p.name for p in written] == ["schools.csv", "schools-notes.csv"]
    notes = written[1].read_text(encoding="utf-8-sig")
    assert "教学仪器设备值" in notes and "万元" in notes


def test_template_with_another_suffix_is_refused(standards, tmp_path):
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        write_template(tmp_path / "schools.ods", standards)
