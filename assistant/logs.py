"""Logging for the command line and the app: quiet by default, details with ``--verbose``.

Some libraries set their own loggers to DEBUG (bm25s does, when it is imported, which may be after
this runs), which would print their internals under our WARNING default: the handler itself keeps
to the level the user asked for."""

from __future__ import annotations

import logging

NOISY_LIBRARIES = ("bm25s", "chromadb", "httpx", "sentence_transformers", "urllib3", "jieba")


def configure(verbose: bool = False) -> None:
    """WARNING and above (INFO with ``verbose``) for us and for every library."""
    level = logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(level)
