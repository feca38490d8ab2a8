"""Paths and limits: hostile upload names stay inside the uploads folder; question length, upload
size and LLM call rate are limited; a slow LLM endpoint times out into the offline answer."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant import library
from assistant.config import Settings
from assistant.limits import (
    LimitExceeded,
    RateLimited,
    RateLimiter,
    check_question,
    check_upload_size,
    llm_rate_limiter,
)

HOSTILE_NAMES = [
    "../../etc/passwd.md", "..\\..\\windows\\system32\\drivers\\etc\\hosts.txt", "/etc/cron.d/x.md",
    "C:\\Users\\admin\\Desktop\\notice.pdf", "notice\x00.md", "a\x00/../../b.md", "....md", ". .md",
    "..", ".", "", "x" * 5000 + ".md", "县" * 300 + ".md",
    "\U00020000" * 100 + ".md", "\u202egpj.md", "CON.md",
    "notice.md\n.txt", "..\u2215..\u2215escape.md", "．．／．．／fullwidth.md", "~/.ssh/id_rsa.md",
    ".hidden.md", "notice.md.", "report.PDF",
]
TEXT = b"County notice: teachers rotate between urban and rural schools every three years."


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_upload_names_stay_inside_the_uploads_folder(tmp_path, name):
    engine = _FakeEngine(Settings(data_dir=tmp_path / "data"))
    clean = library.safe_file_name(name)
    assert clean and "/" not in clean and "\\" not in clean and "\x00" not in clean
    assert not clean.startswith(".") and len(clean.encode()) <= 180
    try:
        path = library.save_upload(engine, name, TEXT)
    except library.UploadError as exc:  # refused names say why (here: no supported type left)
        assert "unsupported file type" in str(exc)
        return
    uploads = engine.settings.uploads_dir.resolve()
    assert path.resolve().parent == uploads
    assert path.read_bytes() == TEXT
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [path.name]


def test_same_name_different_content_is_kept_apart(tmp_path):
    engine = _FakeEngine(Settings(data_dir=tmp_path / "data"))
    first = library.save_upload(engine, "notice.md", TEXT)
    second = library.save_upload(engine, "../notice.md", TEXT + b" Revised.")
    assert first != second and first.read_bytes() == TEXT
    assert library.save_upload(engine, "notice.md", TEXT) == first  # same bytes: same file


def test_concurrent_uploads_of_one_name_never_mix_their_bytes(tmp_path):
    engine = _FakeEngine(Settings(data_dir=tmp_path / "data"))
    payloads = [TEXT + f" Version {i}.".encode() * 2000 for i in range(8)]
    saved: list[Path] = []

    def upload(data: bytes) -> None:
        saved.append(library.save_upload(engine, "notice.md", data))

    threads = [threading.Thread(target=upload, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(path.read_bytes() in payloads for path in saved)
    assert not list(engine.settings.uploads_dir.glob(".*.part"))


def test_question_length_is_limited_with_the_setting_named():
    settings = Settings(max_question_chars=50)
    assert check_question("  What   does the law say?  ", settings) == "What does the law say?"
    with pytest.raises(LimitExceeded, match=r"60 characters; the limit is 50 .*MAX_QUESTION_CHARS"):
        check_question("x" * 60, settings)
    with pytest.raises(LimitExceeded, match="empty"):
        check_question(" \n\t ", settings)


def test_the_answer_pipeline_refuses_an_over_long_question(corpus_engine):
    from assistant.answer import QuestionError, answer

    limit = corpus_engine.settings.max_question_chars
    with pytest.raises(QuestionError, match=str(limit)):
        answer("teacher rotation " * limit, engine=corpus_engine, use_llm=False)


def test_upload_size_limit_names_the_setting():
    settings = Settings(max_upload_mb=2)
    check_upload_size("a.pdf", 2 * 1024 * 1024, settings)
    with pytest.raises(LimitExceeded, match=r"a\.pdf: 2\.0 MB is over the 2 MB limit"):
        check_upload_size("a.pdf", 2 * 1024 * 1024 + 1, settings)


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_allows_n_calls_per_minute_then_says_when_to_retry():
    clock = _Clock()
    limiter = RateLimiter(3, clock=clock)
    for _ in range(3):
        limiter.acquire()
        clock.now += 5
    with pytest.raises(RateLimited, match="3 times in the last minute") as caught:
        limiter.acquire()
    assert caught.value.retry_after_s == pytest.approx(45)
    clock.now += 45
    limiter.acquire()  # the first call has left the window


def test_rate_limiter_is_shared_per_process_and_counts_threads_together():
    settings = Settings(llm_calls_per_minute=5)
    limiter = llm_rate_limiter(settings)
    assert llm_rate_limiter(Settings(llm_calls_per_minute=5)) is limiter
    allowed, refused = [], []

    def call() -> None:
        try:
            limiter.acquire()
            allowed.append(1)
        except RateLimited:
            refused.append(1)

    threads = [threading.Thread(target=call) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(allowed), len(refused)) == (5, 7)
    RateLimiter(0).acquire()  # 0 means no limit


class _SilentLLM(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that accepts the request and never answers in time."""

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        time.sleep(30)


def test_a_slow_llm_endpoint_times_out_into_the_offline_answer(corpus_engine):
    from assistant.answer import answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), _SilentLLM)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = corpus_engine.settings.model_copy(update={
            "llm_base_url": f"http://127.0.0.1:{server.server_address[1]}/v1",
            "llm_timeout_s": 1.0})
        result = answer("How is the between-school coefficient of variation calculated?",
                        engine=corpus_engine, settings=settings)
    finally:
        server.shutdown()
        server.server_close()
    assert result.notice and "no reply within 1 s" in result.notice
    assert result.route != "llm" and result.citations  # the offline answer, with its sources


class _FakeEngine:
    """save_upload only needs the settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
