"""Values kept per index version (assistant/versioned_cache.py)."""

from __future__ import annotations

from assistant.versioned_cache import VersionedCache


def test_a_value_is_loaded_once_per_version_and_again_when_the_version_moves():
    loads: list[str] = []
    cache: VersionedCache[str] = VersionedCache(size=2)

    def load(key: str):
        return lambda: loads.append(key) or key.upper()

    assert cache.get(1, "a", load("a")) == "A"
    assert cache.get(1, "a", load("a")) == "A"
    assert loads == ["a"]
    assert cache.get(2, "a", load("a")) == "A"  # a new version forgets what the old one kept
    assert loads == ["a", "a"]


def test_none_is_kept_and_the_oldest_value_goes_first():
    loads: list[str] = []
    cache: VersionedCache[str | None] = VersionedCache(size=2)
    for key in ("a", "b", "a", "c", "a"):
        cache.get(1, key, lambda key=key: loads.append(key))  # every load returns None
    assert loads == ["a", "b", "c", "a"]  # "a" kept as None, then pushed out by "c"
