"""Bad school files give errors that name the row and the column."""

from __future__ import annotations

import pytest

from assistant.advisor.schools import SchoolDataError, load_schools, required_columns

from .conftest import FIXTURES


def _problems(path, standards) -> dict[tuple[int | None, str | None], str]:
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    return {(p.row, p.column): p.problem for p in caught.value.problems}


def test_missing_column_is_named(standards):
    problems = _problems(FIXTURES / "schools-missing-column.csv", standards)
    assert list(problems) == [(1, "sports_area_m2")]
    assert "missing column" in problems[(1, "sports_area_m2")]


def test_each_bad_cell_is_reported_with_row_and_column(standards):
    with pytest.raises(SchoolDataError) as caught:
        load_schools(FIXTURES / "schools-bad-values.csv", standards)
    problems = {(p.row, p.column): p.problem for p in caught.value.problems}
    # Spreadsheet rows: the header is row 1.
    assert "zero pupils" in problems[(3, "pupils")]
    assert "not a number" in problems[(4, "teachers_above_required_qualification")]
    assert "negative" in problems[(5, "key_teachers")]
    assert "empty" in problems[(5, "sports_area_m2")]
    assert "formula" in problems[(6, "sports_area_m2")]
    assert "primary or junior" in problems[(7, "level")]
    assert (2, None) not in problems and not any(row == 2 for row, _ in problems)
    message = str(caught.value)
    assert "row 4, column 'teachers_above_required_qualification'" in message
    assert "schools-bad-values.csv" in message


def test_formula_cells_in_a_workbook_are_rejected(standards, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    header = required_columns(standards)
    sheet.append(header)
    sheet.append(["Town Primary", "primary", "urban", 800] + [10] * (len(header) - 4))
    sheet.append(["Village Primary", "primary", "rural", 120] + [2] * (len(header) - 4))
    sheet["E3"] = '=HYPERLINK("http://example.com","5")'
    path = tmp_path / "schools.xlsx"
    book.save(path)
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (3, header[4])
    assert "formula" in problem.problem


def test_a_good_workbook_loads(standards, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    header = required_columns(standards)
    book.active.append(header)
    book.active.append(["Town Primary", "primary", "urban", 800] + [10] * (len(header) - 4))
    path = tmp_path / "schools.xlsx"
    book.save(path)
    [school] = load_schools(path, standards)
    assert (school.name, school.level, school.pupils, school.row) == ("Town Primary", "primary",
                                                                      800, 2)


def test_gbk_csv_with_chinese_level_names_loads(standards):
    schools = load_schools(FIXTURES / "schools-gbk.csv", standards)
    assert [(s.name, s.level, s.location) for s in schools] == [
        ("城关小学", "primary", "urban"), ("河口小学", "primary", "rural"),
        ("城关初中", "junior", "urban")]


def test_unsupported_file_type_says_what_to_do(standards, tmp_path):
    path = tmp_path / "schools.xls"
    path.write_bytes(b"not really excel")
    with pytest.raises(SchoolDataError, match=r"\.csv.*\.xlsx"):
        load_schools(path, standards)
