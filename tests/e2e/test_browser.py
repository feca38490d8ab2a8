"""The app in a real browser: ask and open a citation, upload and find a document, switch to
中文, and (see test_browser_advisor.py) run the advisor and download the memo. Each flow saves a
screenshot of its page to docs/screenshots/ for the README."""

from __future__ import annotations

import random
import re
import string

import pytest
from e2e_support import screenshot, wait_for_app, wait_idle

pytestmark = pytest.mark.e2e


def test_first_page_is_the_ask_page(page, server):
    assert server.first_page_s is not None  # measured by the fixture; reported, not asserted
    page.goto(server.url)
    wait_for_app(page)
    assert page.get_by_role("heading", level=1).first.inner_text() == "EduBalance Advisor"
    assert page.get_by_text("Offline mode").first.is_visible()


def test_ask_a_question_and_open_a_citation(page, server):
    page.goto(server.url)
    wait_for_app(page)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("How is the between-school coefficient of variation calculated?")
    box.press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(1)
    answer.get_by_test_id("stButtonGroup").wait_for(state="visible")  # the source markers
    wait_idle(page)
    text = answer.get_by_test_id("stChatMessageContent").inner_text()
    assert re.search(r"\[1\]", text)
    answer.get_by_role("radio", name=re.compile(r"^\[1\]")).first.click()
    passage = page.get_by_test_id("eb-passage")
    passage.wait_for(state="visible")
    wait_idle(page)
    assert passage.is_visible() and len(passage.inner_text().strip()) > 20
    # the passage sits inside its document, with text around it
    document = page.get_by_test_id("eb-document")
    assert len(document.inner_text()) > len(passage.inner_text())
    passage.scroll_into_view_if_needed()
    screenshot(page, "ask")


def test_upload_a_document_and_find_it_by_search(page, server, tmp_path):
    word = "vellowind" + "".join(random.choices(string.ascii_lowercase, k=6))
    note = tmp_path / f"{word}-notice.md"
    note.write_text(f"# The {word} notice\n\nCounty {word} rotates rural teachers every three "
                    "years and reports the rotation rate to the provincial bureau.\n",
                    encoding="utf-8")
    page.goto(f"{server.url}/library")
    page.get_by_text("Search the library").first.wait_for(state="visible")
    wait_idle(page)
    page.locator("input[type=file]").set_input_files(str(note))
    page.get_by_text(re.compile(r"Indexed .*: \d+ passages")).wait_for(state="visible")
    wait_idle(page)
    search = page.get_by_role("textbox", name="Search the library")
    search.fill(word)
    search.press("Enter")
    hit = page.get_by_test_id("stText").filter(has_text=word).first
    hit.wait_for(state="visible")
    wait_idle(page)
    assert word in hit.inner_text()
    page.get_by_text("Search the library").first.scroll_into_view_if_needed()
    screenshot(page, "library")


def test_switch_to_chinese(page, server):
    page.goto(server.url)
    wait_for_app(page)
    page.get_by_text("中文", exact=True).click()
    page.get_by_role("heading", name="城乡义务教育均衡发展咨询助手").wait_for(state="visible")
    wait_idle(page)
    assert page.get_by_text("离线模式").first.is_visible()
    nav = page.get_by_test_id("stSidebarNav")
    for label in ("问答", "区县诊断", "案例", "建议书", "文献库"):
        assert nav.get_by_text(label, exact=True).is_visible()
    screenshot(page, "ask-zh")


def test_cases_compare(page, server, corpus_engine):
    from assistant.cases import list_cases

    titles = [case.title for case in list_cases(corpus_engine)[:2]]
    page.goto(f"{server.url}/cases")
    page.get_by_text("Compare two or three cases").wait_for(state="visible")
    wait_idle(page)
    picker = page.get_by_test_id("stMultiSelect").filter(has_text="Cases to compare")
    for title in titles:  # type to filter the options, Enter picks the match
        field = picker.locator("input")
        field.click()
        field.fill(title)
        page.keyboard.press("Enter")
        wait_idle(page)
    page.keyboard.press("Escape")
    frames = page.get_by_test_id("stDataFrame")
    frames.nth(1).wait_for(state="visible")
    wait_idle(page)
    frames.nth(1).scroll_into_view_if_needed()
    screenshot(page, "cases")
