"""Test support (imported as ``school_variants``, like ``tests_support``): the English example
school file rewritten the ways officials' spreadsheets come: Chinese headers with units, and an
XLSX as a statistics system exports it (a summary sheet first, a title row, a header merged over
two rows, equipment in 万元, subtotal and total rows, a level written once in a merged cell, a
formula with its cached value). Every variant holds the same schools and figures, so it must
give the same CVs as the English file."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path

from assistant.config import DEFAULT_CORPUS_DIR

EXAMPLE_SCHOOLS = DEFAULT_CORPUS_DIR / "examples" / "schools-illustrative.csv"

ZH_LEVEL = {"primary": "小学", "junior": "初中"}
ZH_LOCATION = {"urban": "城区", "rural": "乡村"}
ZH_HEADER = ["学校名称", "学段", "城乡", "在校生数（人）", "高于规定学历教师数",
             "县级及以上骨干教师数", "体育艺术专任教师数", "教学及辅助用房面积（平方米）",
             "体育运动场馆面积（平方米）", "教学仪器设备值（元）", "网络多媒体教室数（间）"]
NUMBER_COLUMNS = 8  # pupils and the seven resource columns


def english_rows() -> list[dict[str, str]]:
    with EXAMPLE_SCHOOLS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def figures(row: dict[str, str]) -> list[float]:
    """pupils and the seven resource columns, in the English file's order."""
    return [float(v) for v in list(row.values())[3:]]


def chinese_csv(path: Path, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ZH_HEADER)
        for row in english_rows():
            writer.writerow([row["school"], ZH_LEVEL[row["level"]], ZH_LOCATION[row["location"]],
                             *list(row.values())[3:]])
    return path


def statistics_xlsx(path: Path) -> Path:
    """Two sheets: ``汇总`` (a county summary, no school rows) and ``学校明细`` (the schools)."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["项目", "小学", "初中"])
    summary.append(["学校数", 11, 7])
    sheet = book.create_sheet("学校明细")
    sheet.append(["某县2023年义务教育学校办学条件统计表（示意）"])
    sheet.merge_cells("A1:K1")
    sheet.append(["学校名称", "学段", "城乡", "在校生数（人）", "教师（人）", None, None,
                  "办学条件", None, None, None])
    sheet.append([None, None, None, None, "高于规定学历教师数", "县级及以上骨干教师数",
                  "体育艺术专任教师数", "教学及辅助用房面积（平方米）", "体育运动场馆面积（平方米）",
                  "教学仪器设备值（万元）", "网络多媒体教室数（间）"])
    for span in ("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:K2"):
        sheet.merge_cells(span)
    rows = english_rows()
    number = 4
    for level in ("primary", "junior"):
        group = [r for r in rows if r["level"] == level]
        first = number
        for row in group:
            values = figures(row)
            values[6] = values[6] / 10_000  # equipment value in 万元
            sheet.append([row["school"], ZH_LEVEL[level] if number == first else None,
                          ZH_LOCATION[row["location"]], *values])
            number += 1
        sheet.merge_cells(f"B{first}:B{number - 1}")  # the level written once for the group
        sheet.append([f"{ZH_LEVEL[level]}小计", None, None,
                      *[f"=SUM({c}{first}:{c}{number - 1})" for c in "DEFGHIJK"]])
        number += 1
        sheet.append([])
        number += 1
    sheet.append(["合计", None, None, *[f"=SUM({c}4:{c}{number - 1})/2" for c in "DEFGHIJK"]])
    sheet.append(["注：面积单位为平方米，设备值单位为万元。"])
    # The first school's pupils as a formula that Excel has calculated (cached value kept).
    sheet["D4"] = "=2000+400"
    book.save(path)
    cached_value(path, sheet_number=2, cell="D4", value=figures(rows[0])[0])
    return path


def cached_value(path: Path, sheet_number: int, cell: str, value: float) -> None:
    """Give a formula cell the value Excel would have saved with it (openpyxl writes none)."""
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                text, count = re.subn(rf'(<c r="{cell}"[^>]*><f>[^<]*</f>)<v\s*/?>(</v>)?',
                                      rf"\g<1><v>{value:g}</v>", data.decode("utf-8"))
                assert count == 1, f"no formula cell {cell} in {member}"
                data = text.encode("utf-8")
            out.writestr(item, data)
    shutil.move(copy, path)
