"""Every page at its own address, a question shared as a link, and the first question after
`scripts/run-app.sh`'s start (`assistant serve --index` on a machine with no index yet) answered
without waiting for a build (issue 12). Times are recorded in the e2e timings, not asserted."""

from __future__ import annotations

import re
import time
from urllib.parse import quote

import pytest
from e2e_support import wait_for_app, wait_idle

pytestmark = pytest.mark.e2e

CV_QUESTION = "How is the between-school coefficient of variation calculated?"
# each page's address and something only that page shows
PAGES = {
    "ask": lambda page: page.get_by_test_id("stChatInputTextArea"),
    "advisor": lambda page: page.get_by_role("button", name="Diagnose"),
    "cases": lambda page: page.get_by_text("Read a case").first,
    "memo": lambda page: page.get_by_text("No memo open").first,
    "library": lambda page: page.get_by_text("Search the library").first,
}


def _not_found(page):
    return page.get_by_text("Page not found")


def _open(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("heading", level=1).first.wait_for(state="visible")
    wait_idle(page)


def _answer_arrives(page, question: str) -> str:
    """The first exchange shows ``question`` and an answer with source markers; its text."""
    messages = page.get_by_test_id("stChatMessage")
    answer = messages.nth(1)
    answer.get_by_test_id("stButtonGroup").wait_for(state="visible")  # the source markers
    assert question in messages.nth(0).inner_text()
    return answer.get_by_test_id("stChatMessageContent").inner_text()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_opens_at_its_own_address(page, server, name):
    _open(page, f"{server.url}/{name}")
    PAGES[name](page).wait_for(state="visible")
    assert _not_found(page).count() == 0
    assert page.url.rstrip("/").endswith(f"/{name}")


def test_an_unknown_address_is_still_not_found(page, server):
    # the check above can fail: Streamlit's dialog is there for an address no page has
    _open(page, f"{server.url}/no-such-page")
    _not_found(page).first.wait_for(state="visible")


def test_the_ask_address_takes_questions(page, server):
    _open(page, f"{server.url}/ask")
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(CV_QUESTION)
    box.press("Enter")
    assert re.search(r"\[1\]", _answer_arrives(page, CV_QUESTION))
    # the address now links to the question asked
    assert f"q={quote(CV_QUESTION)}".replace("%20", "+") in page.url.replace("%20", "+")


@pytest.mark.parametrize("path", ["/", "/ask"])
def test_a_question_shared_as_a_link_is_asked(page, server, path):
    question = "What does the Compulsory Education Law require county governments to do about weak schools?"
    page.goto(f"{server.url}{path}?q={quote(question)}")
    wait_for_app(page)
    assert re.search(r"\[1\]", _answer_arrives(page, question))
    wait_idle(page)
    assert page.get_by_test_id("stChatMessage").count() == 2  # asked once, not on every rerun
    assert _not_found(page).count() == 0


def test_first_question_after_a_fresh_start_is_answered(browser, app_launcher, timings,
                                                        tmp_path):
    """What `scripts/run-app.sh` runs after installing: `assistant serve --index`, here on an
    empty data directory as on a fresh clone. The index is built before the server answers, so
    the first visitor asks at once."""
    log = tmp_path / "server.log"
    server = app_launcher.start(tmp_path / "data", log, serve_args=["--index"], timeout_s=900)
    try:
        timings["`assistant serve --index` from no index to healthy (s)"] = (
            time.monotonic() - server.started_at)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(server.url)
        wait_for_app(page)
        shown = time.monotonic()
        assert page.get_by_text("Building the index").count() == 0  # built before the start
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill(CV_QUESTION)
        box.press("Enter")
        assert re.search(r"\[1\]", _answer_arrives(page, CV_QUESTION))
        timings["first question after a fresh start, page shown to answer (s)"] = (
            time.monotonic() - shown)
        context.close()
    finally:
        app_launcher.stop(server)
    built = log.read_text(errors="replace")
    assert "indexed:" in built and "failed: 0" in built  # the ingest's summary, before serving
