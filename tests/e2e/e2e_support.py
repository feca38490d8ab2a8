"""Helpers shared by the end-to-end tests (imported by name: tests/e2e is on sys.path)."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def wait_for_app(page) -> None:
    """The first page is visible: the title and the chat input are on screen."""
    page.get_by_test_id("stChatInputTextArea").wait_for(state="visible", timeout=60_000)
    page.get_by_role("heading", level=1).first.wait_for(state="visible", timeout=60_000)


def wait_idle(page, timeout_ms: int = 120_000) -> None:
    """Wait until the app's script is not running, twice in a row 0.4 s apart (an st.rerun
    starts a new run right after one ends)."""
    idle = ("() => ['notRunning', 'initial'].includes(document.querySelector("
            "'[data-testid=\"stApp\"]')?.dataset.testScriptState)")
    page.wait_for_timeout(250)
    for _ in range(2):
        page.wait_for_function(idle, timeout=timeout_ms)
        page.wait_for_timeout(400)
    page.wait_for_function(idle, timeout=timeout_ms)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
