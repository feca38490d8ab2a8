"""Memo drafts in a real browser: a topic memo is started and edited on the Memo page, and the
edit is still there after a page reload and after the server is restarted on the same data
directory; the page is saved as docs/screenshots/memo-drafts.png."""

from __future__ import annotations

import re
import shutil

import pytest
from e2e_support import screenshot, wait_idle

pytestmark = pytest.mark.e2e

TOPIC = "rural teacher rotation"
EDIT = "Edited in the browser: this summary must survive a reload and a restart."


def _memo_heading(page):
    heading = page.get_by_role("heading", name=f"Notes on {TOPIC}")
    heading.wait_for(state="visible")
    wait_idle(page)
    return heading


def test_a_draft_survives_a_page_reload_and_a_server_restart(browser, corpus_settings,
                                                             start_app, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(corpus_settings.index_dir, data_dir / "index")
    first = start_app(data_dir)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        page.goto(f"{first.url}/memo")
        page.get_by_text("No memo open").wait_for(state="visible")
        wait_idle(page)
        page.get_by_role("textbox", name="Topic").fill(TOPIC)
        page.get_by_role("button", name="Start", exact=True).click()
        _memo_heading(page)
        assert re.search(r"[?&]draft=[a-z0-9-]+", page.url), page.url
        summary = page.get_by_test_id("stTextArea").first.locator("textarea")
        summary.fill(EDIT)
        summary.press("Control+Enter")  # commits the text area: the page saves version 2
        page.get_by_text(re.compile(r"Saved · version 2")).wait_for(state="visible")
        wait_idle(page)
        url = page.url

        page.reload()
        _memo_heading(page)
        area = page.get_by_test_id("stTextArea").first.locator("textarea")
        assert area.input_value() == EDIT

        # a restart: a new server process over the same data directory
        start_app.stop(first)
        second = start_app(data_dir)
        page.goto(url.replace(first.url, second.url))
        _memo_heading(page)
        area = page.get_by_test_id("stTextArea").first.locator("textarea")
        assert area.input_value() == EDIT
        page.get_by_text(re.compile(r"Saved · version 2")).wait_for(state="visible")
        page.get_by_text("Drafts (1)").first.click()  # the list of drafts, for the screenshot
        wait_idle(page)
        page.get_by_role("heading", name=f"Notes on {TOPIC}").scroll_into_view_if_needed()
        screenshot(page, "memo-drafts")
    finally:
        context.close()


def test_add_an_answer_to_a_new_topic_memo_from_ask(page, server):
    question = "How is the between-school coefficient of variation calculated?"
    topic = "the coefficient of variation"
    page.goto(server.url)
    page.get_by_test_id("stChatInputTextArea").wait_for(state="visible")
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.get_by_test_id("stChatMessage").nth(1).get_by_test_id("stButtonGroup").wait_for(
        state="visible")
    wait_idle(page)
    page.get_by_role("button", name="Add to memo").click()
    page.get_by_role("textbox", name="Topic").fill(topic)
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_text(f"Added to “Notes on {topic}”").first.wait_for(state="visible")
    wait_idle(page)
    screenshot(page, "add-to-memo")

    page.get_by_role("button", name="Open the memo").click()
    page.get_by_role("heading", name=f"Notes on {topic}").wait_for(state="visible")
    wait_idle(page)
    findings = page.get_by_test_id("stTextArea").nth(1).locator("textarea").input_value()
    assert findings.startswith(f"### {question}")
    assert re.search(r"\[1(, [^\]]+)?\]", findings)
    references = page.get_by_text(re.compile(r"^1\. ")).first
    assert references.is_visible()
