"""The BM25 keyword index (bm25s), persisted under the data directory.

It is rebuilt from the catalog's stored tokens whenever the catalog version moves; each build goes
to a new folder and a ``CURRENT`` pointer file is replaced atomically, so a crash mid-build leaves
the last good index in place.

Several threads search while an ingest rebuilds, and several processes (app replicas) may share
the folder: a build is an immutable snapshot swapped in one assignment, builds on disk are made
under a file lock, and a search with a filter mask uses the snapshot the mask was computed for.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeywordBuild:
    """One built index: never changed after it is made, so readers need no lock."""

    bm25: Any
    ids: list[str]
    version: int
    vocab: dict[str, int] = field(default_factory=dict)


_EMPTY = KeywordBuild(None, [], -1)


class KeywordIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._build = _EMPTY
        self._pinned = threading.local()

    @property
    def version(self) -> int:
        return self._build.version

    @property
    def size(self) -> int:
        return len(self._build.ids)

    @property
    def current(self) -> KeywordBuild:
        """The current build (nothing remembered: see ``snapshot``)."""
        return self._build

    def snapshot(self) -> KeywordBuild:
        """The current build, remembered for this thread: the next ``search`` with a mask uses
        it, so a mask computed from its ids still lines up if an ingest swaps the index."""
        build = self._build
        self._pinned.build = build
        return build

    def load(self) -> bool:
        """Load the current build; False when there is none or it is unreadable (for instance
        removed by another process's newer build while being read)."""
        import bm25s

        pointer = self.directory / "CURRENT"
        try:
            folder = self.directory / pointer.read_text().strip()
            ids = json.loads((folder / "ids.json").read_text())
            version = int((folder / "version").read_text())
            bm25 = bm25s.BM25.load(str(folder), load_corpus=False, show_progress=False) if ids else None
        except Exception as exc:  # noqa: BLE001 - missing, half-removed or damaged: rebuild
            log.info("keyword index %s not loaded: %s", self.directory, exc)
            return False
        self._build = KeywordBuild(bm25, ids, version, _vocab(bm25))
        return True

    def build(self, items: Iterable[tuple[str, list[str]]], version: int,
              reuse: bool = True) -> None:
        """Build from (chunk id, tokens) pairs for catalog ``version``. With ``reuse``, a build of
        that version made meanwhile by another process is loaded instead of built again."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._directory_lock():
            if reuse and self.load() and self.version == version:
                return
            self._build_locked(items, version)

    def _build_locked(self, items: Iterable[tuple[str, list[str]]], version: int) -> None:
        import bm25s

        ids: list[str] = []
        corpus: list[list[str]] = []
        for chunk_id, tokens in items:
            ids.append(chunk_id)
            corpus.append(tokens or ["\u2205"])  # bm25s needs at least one token per document
        folder = self.directory / f"build-{version}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
            bm25.save(str(folder), show_progress=False)
        (folder / "ids.json").write_text(json.dumps(ids))
        (folder / "version").write_text(str(version))
        tmp = self.directory / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(folder.name)
        os.replace(tmp, self.directory / "CURRENT")
        self._build = KeywordBuild(bm25, ids, version, _vocab(bm25))
        self._remove_old_builds(keep=folder.name)

    @contextmanager
    def _directory_lock(self) -> Iterator[None]:
        """One builder at a time per folder, across processes; readers never wait."""
        with open(self.directory / ".build.lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _remove_old_builds(self, keep: str) -> None:
        for old in self.directory.glob("build-*"):
            if old.name != keep:
                shutil.rmtree(old, ignore_errors=True)

    def search(self, tokens: list[str], k: int,
               allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best ``k`` chunks; ``allowed`` is a boolean mask over
        the ids of this thread's last ``snapshot()`` (or of the current build)."""
        pinned: KeywordBuild | None = getattr(self._pinned, "build", None)
        self._pinned.build = None
        build = pinned if allowed is not None and pinned is not None else self._build
        if allowed is not None and len(allowed) != len(build.ids):
            log.warning("filter mask does not match the keyword index; keyword results skipped")
            return []
        known = [t for t in tokens if t in build.vocab]
        if build.bm25 is None or not known:
            return []
        scores = build.bm25.get_scores(known)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(build.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def ids(self) -> list[str]:
        return list(self._build.ids)


def _vocab(bm25: Any) -> dict[str, int]:
    return dict(bm25.vocab_dict) if bm25 is not None else {}
