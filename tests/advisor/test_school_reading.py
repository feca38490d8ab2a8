"""School files as officials have them: Chinese headers, units in brackets, title rows, headers
merged over two rows, totals rows, several sheets, cached formulas; columns mapped by hand. Every
variant of the English example must give its CVs (to 1e-9), and every skip and conversion must
be reported."""

from __future__ import annotations

import csv

import pytest
from school_variants import ZH_HEADER, chinese_csv, english_rows, statistics_xlsx

from assistant.advisor import advise, read_school_file
from assistant.advisor.charts import cv_chart
from assistant.advisor.columns import COLUMNS, normalise_header
from assistant.advisor.school_headers import parse_mapping
from assistant.advisor.schools import (
    SchoolDataError,
    analyse_schools,
    inspect_school_file,
    load_schools,
    required_columns,
)

from .conftest import EXAMPLE_PROFILES, EXAMPLE_SCHOOLS

TOLERANCE = 1e-9


def cvs(path, standards, **how) -> dict[tuple[str, str], float]:
    analysis = analyse_schools(load_schools(path, standards, **how), standards)
    return {(c.indicator_id, c.level): c.cv for c in analysis.cvs}


@pytest.fixture(scope="module")
def english_cvs(standards):
    found = cvs(EXAMPLE_SCHOOLS, standards)
    assert len(found) == 14 and all(v and v > 0 for v in found.values())
    return found


def assert_same_cvs(found, expected):
    assert found.keys() == expected.keys()
    for key, value in expected.items():
        assert found[key] == pytest.approx(value, abs=TOLERANCE, rel=0), key


# -- the vocabulary ------------------------------------------------------------------------------

def test_every_column_of_the_standards_has_one_vocabulary_entry(standards):
    assert set(required_columns(standards)) <= set(COLUMNS)


def test_no_alias_names_two_columns():
    owners: dict[str, str] = {}
    for column in COLUMNS.values():
        for name in column.names():
            assert owners.setdefault(name, column.name) == column.name, name


# -- variants of the English file --------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_chinese_header_csv_gives_the_english_cvs(standards, english_cvs, tmp_path, encoding):
    path = chinese_csv(tmp_path / "学校.csv", encoding)
    read = read_school_file(path, standards)
    assert [s.name for s in read.schools] == [r["school"] for r in english_rows()]
    assert {m.header for m in read.reading.matches.values()} == set(ZH_HEADER)
    assert not read.reading.conversions() and not read.reading.skipped
    assert_same_cvs(cvs(path, standards), english_cvs)


def test_statistics_workbook_gives_the_english_cvs(standards, english_cvs, tmp_path):
    path = statistics_xlsx(tmp_path / "统计表.xlsx")
    read = read_school_file(path, standards)
    reading = read.reading
    assert reading.sheets == ["汇总", "学校明细"] and reading.sheet == "学校明细"
    assert reading.header_rows == (2, 3)
    assert [s.name for s in read.schools] == [r["school"] for r in english_rows()]
    assert read.schools[0].row == 4  # rows as the spreadsheet numbers them
    [conversion] = reading.conversions()
    assert conversion.column == "equipment_value_yuan" and conversion.factor == 10_000
    assert conversion.header == "办学条件 / 教学仪器设备值（万元）"
    skipped = {(s.first, s.kind) for s in reading.skipped}
    assert skipped == {(1, "title"), (15, "total"), (16, "blank"), (24, "total"), (25, "blank"),
                       (26, "total"), (27, "note")}
    notes = reading.notes("en")
    assert any("万元 × 10,000 → yuan" in n for n in notes)
    assert "row 26: totals row ('合计'), skipped" in notes
    assert any("第 1 行：表头上方的标题行" in n for n in reading.notes("zh"))
    assert_same_cvs(cvs(path, standards), english_cvs)
    # The first pupils cell is a formula: its cached value is read, not the formula.
    assert read.schools[0].pupils == int(english_rows()[0]["pupils"])


def test_a_sheet_is_read_by_name_and_an_unknown_one_is_named(standards, english_cvs, tmp_path):
    path = statistics_xlsx(tmp_path / "统计表.xlsx")
    assert_same_cvs(cvs(path, standards, sheet="学校明细"), english_cvs)
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards, sheet="汇总")  # a sheet without the schools
    assert any("missing column" in p.problem for p in caught.value.problems)
    with pytest.raises(SchoolDataError, match="no sheet named '初中'.*汇总, 学校明细"):
        load_schools(path, standards, sheet="初中")


def test_english_variants_with_units_and_a_title_row(standards, english_cvs, tmp_path):
    rows = english_rows()
    header = ["School name", "School level", "Urban/rural", "Enrolment",
              "Teachers above the required qualification", "Key teachers", "PE and arts teachers",
              "Building area (m²)", "Sports area [sq m]", "Equipment value (10k yuan)",
              "Multimedia classrooms"]
    path = tmp_path / "schools.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Illustrative county: school conditions, 2023"])
        writer.writerow(header)
        for row in rows:
            values = list(row.values())
            values[9] = float(values[9]) / 10_000
            writer.writerow(values)
        writer.writerow(["Total", "", "", sum(int(r["pupils"]) for r in rows)])
    reading = inspect_school_file(path, standards)
    assert reading.header_rows == (2,) and not reading.missing
    assert [(s.first, s.kind) for s in reading.skipped] == [(1, "title"), (21, "total")]
    assert_same_cvs(cvs(path, standards), english_cvs)


# -- units, mapping and what is never guessed --------------------------------------------------

def _rewrite_header(source, target, replace: dict[str, str]) -> None:
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[0] = ",".join(replace.get(h, h) for h in lines[0].split(","))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_an_unrecognised_column_is_an_error_naming_it_until_it_is_mapped(standards, english_cvs,
                                                                         tmp_path):
    path = tmp_path / "学校.csv"
    _rewrite_header(chinese_csv(tmp_path / "zh.csv"), path, {"教学仪器设备值（元）": "设备值"})
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    [problem] = caught.value.problems
    assert problem.row == 1 and problem.column == "equipment_value_yuan"
    assert "missing column" in problem.problem and "'设备值'" in problem.problem
    mapping = parse_mapping(["设备值=equipment_value_yuan"])
    assert_same_cvs(cvs(path, standards, mapping=mapping), english_cvs)
    reading = inspect_school_file(path, standards, mapping=mapping)
    assert reading.matches["equipment_value_yuan"].mapped


def test_a_mapped_header_with_a_unit_is_converted(standards, english_cvs, tmp_path):
    rows = english_rows()
    path = tmp_path / "schools.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*ZH_HEADER[:9], "设备（万元）", ZH_HEADER[10]])
        for row in rows:
            values = list(row.values())
            values[9] = float(values[9]) / 10_000
            writer.writerow(values)
    match = inspect_school_file(path, standards, mapping={"设备": "equipment_value_yuan"}) \
        .matches["equipment_value_yuan"]
    assert (match.header, match.unit, match.factor, match.mapped) == ("设备（万元）", "万元",
                                                                      10_000, True)
    assert_same_cvs(cvs(path, standards, mapping={"设备（万元）": "equipment_value_yuan"}),
                    english_cvs)


def test_a_unit_we_cannot_convert_is_an_error_not_a_guess(standards, tmp_path):
    path = tmp_path / "学校.csv"
    _rewrite_header(chinese_csv(tmp_path / "zh.csv"), path,
                    {"体育运动场馆面积（平方米）": "体育运动场馆面积（亩）"})
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    [problem] = caught.value.problems
    assert problem.column == "体育运动场馆面积（亩）" and "unit '亩'" in problem.problem


def test_two_columns_naming_one_of_ours_are_an_error(standards, tmp_path):
    path = tmp_path / "schools.csv"
    _rewrite_header(EXAMPLE_SCHOOLS, path, {"key_teachers": "pupils"})
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    messages = " ".join(p.problem for p in caught.value.problems)
    assert "both name 'pupils'" in messages and "key_teachers" in messages


@pytest.mark.parametrize("mapping, message", [
    ({"设备值": "equipment"}, "'equipment' is not one of our columns"),
    ({"没有这列": "equipment_value_yuan"}, "the header has no column '没有这列'"),
])
def test_a_wrong_mapping_is_named(standards, tmp_path, mapping, message):
    path = chinese_csv(tmp_path / "zh.csv")
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards, mapping=mapping)
    assert any(message in p.problem for p in caught.value.problems)


def test_bad_map_argument_says_how_to_write_it():
    with pytest.raises(ValueError, match="YOUR COLUMN=our_column"):
        parse_mapping(["设备值"])


def test_cell_problems_name_the_column_as_the_file_does(standards, tmp_path):
    path = chinese_csv(tmp_path / "zh.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[9] = "很多"
    lines[3] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SchoolDataError) as caught:
        load_schools(path, standards)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (4, "教学仪器设备值（元）")


def test_header_normalisation_folds_widths_case_and_separators():
    assert normalise_header("Building_Area (M²)") == normalise_header("building area（m2）")


# -- the diagnosis, the chart and the memo name the file's schools and columns ------------------

def test_diagnosis_and_chart_name_the_columns_as_the_file_did(standards, tmp_path):
    path = statistics_xlsx(tmp_path / "统计表.xlsx")
    diagnosis = advise(EXAMPLE_PROFILES[0], path, standards=standards).diagnosis
    data = diagnosis.to_json()["schools"]
    equipment = next(c for c in data["cv"] if c["indicator"] == "equipment_value_per_pupil")
    assert equipment["column"] == "办学条件 / 教学仪器设备值（万元）"
    assert data["read"]["sheet"] == "学校明细"
    assert {s["kind"] for s in data["read"]["skipped"]} == {"title", "total", "blank", "note"}
    chart = cv_chart(diagnosis, "en").to_dict()
    values = [row for rows in chart["datasets"].values() for row in rows]
    assert {"办学条件 / 教学仪器设备值（万元）", "在校生数（人）"} & \
        {v["Column in your file"] for v in values}
    assert chart["title"]["subtitle"] == "From 统计表.xlsx"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_memo_names_the_file_its_columns_and_its_schools(standards, corpus_engine, tmp_path, lang):
    from assistant.memo import build_memo, memo_to_markdown

    path = statistics_xlsx(tmp_path / "统计表.xlsx")
    advice = advise(EXAMPLE_PROFILES[0], path, standards=standards, engine=corpus_engine, limit=2)
    text = memo_to_markdown(build_memo(advice.diagnosis, advice.suggestions, corpus_engine, lang,
                                       with_charts=False))
    assert "统计表.xlsx" in text
    assert "“办学条件 / 教学仪器设备值（万元）”" in text
    assert "办学条件 / 体育运动场馆面积（平方米）”" in text  # its CV is above the limit
    worst = analyse_schools(load_schools(path, standards), standards).cv_for(
        "sports_area_per_pupil", "primary").contributions[0].school
    assert worst in text
