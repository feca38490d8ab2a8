"""Limits that keep one user from exhausting a shared server: question length, upload size and the
rate of LLM calls. The CLI, the app and the answer pipeline call these, so a limit is enforced
the same way everywhere and its message says which setting raises it."""

from __future__ import annotations

import threading
import time
from collections import deque

from assistant.config import Settings


class LimitExceeded(ValueError):
    """An input or a rate is over a configured limit; the message says which and what to do."""


class RateLimited(LimitExceeded):
    """Too many calls in the last minute; ``retry_after_s`` says when the next one is allowed."""

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


def check_question(question: str, settings: Settings) -> str:
    """The question with its whitespace collapsed; raises LimitExceeded when it is empty or longer
    than ``settings.max_question_chars``."""
    text = " ".join((question or "").split())
    if not text:
        raise LimitExceeded("the question is empty: type a question about balanced compulsory "
                            "education / 问题为空：请输入问题")
    if len(text) > settings.max_question_chars:
        raise LimitExceeded(
            f"the question has {len(text)} characters; the limit is {settings.max_question_chars} "
            "(setting ASSISTANT_MAX_QUESTION_CHARS): shorten it / 问题过长，请缩短")
    return text


def check_upload_size(name: str, size: int, settings: Settings) -> None:
    """Raises LimitExceeded when an upload of ``size`` bytes is over ``settings.max_upload_mb``."""
    limit = settings.max_upload_mb * 1024 * 1024
    if size > limit:
        raise LimitExceeded(f"{name}: {size / 1024 / 1024:.1f} MB is over the "
                            f"{settings.max_upload_mb} MB limit; split the file or raise "
                            "ASSISTANT_MAX_UPLOAD_MB")


class RateLimiter:
    """At most ``per_minute`` calls in any 60-second window (sliding window, thread-safe).
    ``per_minute`` 0 or less means no limit."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._calls: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self, wait_s: float = 0.0) -> None:
        """Record a call, waiting up to ``wait_s`` for a free slot; raises RateLimited if none."""
        if self.per_minute <= 0:
            return
        deadline = self._clock() + wait_s
        while True:
            with self._lock:
                now = self._clock()
                while self._calls and now - self._calls[0] >= 60.0:
                    self._calls.popleft()
                if len(self._calls) < self.per_minute:
                    self._calls.append(now)
                    return
                retry = 60.0 - (now - self._calls[0])
            if now + retry > deadline:
                raise RateLimited(
                    f"the LLM has been called {self.per_minute} times in the last minute, the "
                    f"limit (setting ASSISTANT_LLM_CALLS_PER_MINUTE); try again in {retry:.0f} s",
                    retry)
            time.sleep(min(retry, 0.5))


_limiters: dict[int, RateLimiter] = {}
_limiters_lock = threading.Lock()


def llm_rate_limiter(settings: Settings) -> RateLimiter:
    """The process-wide limiter for LLM calls (one per configured rate)."""
    rate = settings.llm_calls_per_minute
    with _limiters_lock:
        if rate not in _limiters:
            _limiters[rate] = RateLimiter(rate)
        return _limiters[rate]
