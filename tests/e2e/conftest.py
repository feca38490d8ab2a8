"""End-to-end fixtures: the real app (``assistant serve``) on a free port over a copy of the
session's corpus index, driven by Debian's Chromium through Python Playwright.

Chromium comes from apt (``/usr/bin/chromium``; scripts/run-tests.sh installs it when missing),
never from ``playwright install``. The server is stopped by its PID at the end of the session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest
from e2e_support import wait_for_app

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
TIMINGS: dict[str, float] = {}


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    started_at: float  # time.monotonic() just before the process was started
    data_dir: Path
    log: Path
    first_page_s: float | None = field(default=None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, log: Path, extra_env: dict[str, str] | None = None,
                 port: int | None = None, serve_args: list[str] | None = None,
                 timeout_s: float = 120) -> Server:
    port = port or free_port()
    env = dict(os.environ, ASSISTANT_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", **(extra_env or {}))
    for name in ("ASSISTANT_APP_PASSWORD", "ASSISTANT_ADMIN_PASSWORD", "ASSISTANT_LLM_BASE_URL"):
        if name not in (extra_env or {}):
            env.pop(name, None)
    command = [str(Path(sys.executable).parent / "assistant"), "serve", "--host", "127.0.0.1",
               "--port", str(port), *(serve_args or [])]
    handle = log.open("wb")
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=handle, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", process, started, data_dir, log)
    deadline = started + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode}; log:\n"
                               + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=1) as reply:
                if reply.read().strip() == b"ok":
                    return server
        except OSError:
            time.sleep(0.05)
    stop_server(server)
    raise RuntimeError(f"the app did not become healthy within {timeout_s:.0f} s")


def stop_server(server: Server) -> None:
    """Stop the server we started, by its PID (SIGTERM, then SIGKILL)."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=15)


@pytest.fixture(scope="session")
def timings() -> dict[str, float]:
    """Times recorded (not asserted) and printed in the e2e timings section at the end."""
    return TIMINGS


@pytest.fixture(scope="session")
def app_launcher() -> SimpleNamespace:
    """``start``, ``stop`` and ``free_port`` for a test that runs the app with settings of its
    own (a conftest cannot be imported by name reliably: every test folder has one)."""
    return SimpleNamespace(start=start_server, stop=stop_server, free_port=free_port)


@pytest.fixture(scope="session")
def e2e_data_dir(corpus_engine, corpus_settings, tmp_path_factory) -> Path:
    """A private copy of the session's corpus index (the tests upload into it)."""
    target = tmp_path_factory.mktemp("e2e-data")
    shutil.copytree(corpus_settings.index_dir, target / "index")
    return target


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install it with `apt-get install -y chromium` "
                    "(scripts/run-tests.sh does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(e2e_data_dir, browser, tmp_path_factory):
    """The app, started once; the first page load also measures the time to first page."""
    log = tmp_path_factory.mktemp("e2e-logs") / "server.log"
    server = start_server(e2e_data_dir, log)
    try:
        page = browser.new_page()
        page.goto(server.url)
        wait_for_app(page)
        server.first_page_s = time.monotonic() - server.started_at
        TIMINGS["first page after `assistant serve` (s)"] = server.first_page_s
        page.close()
        yield server
    finally:
        stop_server(server)


@pytest.fixture
def start_app(tmp_path_factory):
    """Start more servers of the app (``start_app(data_dir)``; ``start_app.stop(server)`` stops
    one early); all are stopped at the end."""
    started: list[Server] = []

    def start(data_dir: Path) -> Server:
        log = tmp_path_factory.mktemp("e2e-logs") / f"server-{len(started) + 1}.log"
        started.append(start_server(data_dir, log))
        return started[-1]

    start.stop = stop_server
    yield start
    for running in started:
        stop_server(running)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True,
                                  locale="en-US")
    page = context.new_page()
    page.set_default_timeout(90_000)
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("e2e timings")
        for label, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{label}: {seconds:.2f}")
