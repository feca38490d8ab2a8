"""The district advisor in a real browser: diagnose an example profile, draft the memo and
download it as Word; the file opens with python-docx."""

from __future__ import annotations

import pytest
from docx import Document
from e2e_support import screenshot, wait_idle

pytestmark = pytest.mark.e2e


def test_advisor_example_to_memo_docx(page, server, tmp_path):
    page.goto(f"{server.url}/advisor")
    page.get_by_role("button", name="Diagnose").wait_for(state="visible")
    wait_idle(page)
    page.get_by_role("button", name="Diagnose").click()
    page.get_by_role("heading", name="Diagnosis: Illustrative County A").wait_for(state="visible")
    page.get_by_role("button", name="Draft the memo").wait_for(state="visible")
    wait_idle(page)
    page.get_by_text("Resource indicators against the 2017").first.scroll_into_view_if_needed()
    screenshot(page, "advisor")

    page.get_by_role("button", name="Draft the memo").click()
    page.get_by_role("heading", name="Suggestions on").first.wait_for(state="visible")
    wait_idle(page)
    page.get_by_role("heading", name="Suggestions on").first.scroll_into_view_if_needed()
    page.get_by_text("Download Word (.docx)").first.scroll_into_view_if_needed()
    screenshot(page, "memo")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download Word (.docx)").first.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.suffix == ".docx"
    document = Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Illustrative County A" in text
    assert len(document.tables) >= 1
