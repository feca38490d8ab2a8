"""Values kept per index version: cleared when the version moves, a bounded number of them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class VersionedCache(Generic[V]):
    """``get(version, key, load)`` returns the value kept for ``key`` at ``version``, or loads
    it (outside the lock: loads are I/O) and keeps it unless the version moved meanwhile."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._values: dict[Hashable, V] = {}
        self._version: object = None
        self._lock = threading.Lock()

    def get(self, version: object, key: Hashable, load: Callable[[], V]) -> V:
        with self._lock:
            if self._version != version:
                self._values.clear()
                self._version = version
            if key in self._values:
                return self._values[key]
        value = load()
        with self._lock:
            if self._version == version:
                if len(self._values) >= self._size:
                    self._values.pop(next(iter(self._values)))  # the oldest
                self._values[key] = value
        return value
