"""School files in a real browser: the XLSX template downloads and opens; a statistics-system
workbook (title row, merged header, 万元, totals, two sheets) is uploaded, its reading is shown
and it gives the diagnosis."""

from __future__ import annotations

import pytest
from e2e_support import screenshot, wait_idle

pytestmark = pytest.mark.e2e


def test_template_download_and_statistics_workbook_upload(page, server, tmp_path):
    from openpyxl import load_workbook
    from school_variants import statistics_xlsx

    page.goto(f"{server.url}/advisor")
    page.get_by_role("button", name="Diagnose").wait_for(state="visible")
    wait_idle(page)
    page.get_by_text("Upload CSV or XLSX").click()
    wait_idle(page)
    page.get_by_text("Templates to fill in").click()
    page.get_by_role("button", name="XLSX template (with a notes sheet)").wait_for(state="visible")
    with page.expect_download() as info:
        page.get_by_role("button", name="XLSX template (with a notes sheet)").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    book = load_workbook(target)
    assert len(book.worksheets) == 2

    workbook = statistics_xlsx(tmp_path / "统计表.xlsx")
    page.locator("input[type=file]").last.set_input_files(str(workbook))
    page.get_by_text("Columns read from your file").wait_for(state="visible")
    wait_idle(page)
    page.get_by_text("row 26: totals row").wait_for(state="visible")
    page.get_by_text("Columns read from your file").scroll_into_view_if_needed()
    screenshot(page, "advisor-school-file")
    page.get_by_role("button", name="Diagnose").click()
    page.get_by_role("heading", name="Diagnosis: Illustrative County A").wait_for(state="visible")
    wait_idle(page)
    assert page.get_by_text("How 统计表.xlsx was read").count() >= 1
