"""Errors a user can act on: each names the file and says what to do."""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be ingested. ``reason`` says why and what to do."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
