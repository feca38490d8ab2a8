"""The BM25 keyword index (bm25s), persisted under the data directory.

It is rebuilt from the catalog's stored tokens whenever the catalog version moves; each build goes
to a new folder and a ``CURRENT`` pointer file is replaced atomically, so a crash mid-build leaves
the last good index in place.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterable

import numpy as np


class KeywordIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.version = -1
        self._bm25 = None
        self._ids: list[str] = []
        self._vocab: dict[str, int] = {}

    @property
    def size(self) -> int:
        return len(self._ids)

    def load(self) -> bool:
        """Load the current build; False when there is none or it is unreadable."""
        import bm25s

        pointer = self.directory / "CURRENT"
        if not pointer.is_file():
            return False
        build = self.directory / pointer.read_text().strip()
        try:
            ids = json.loads((build / "ids.json").read_text())
            version = int((build / "version").read_text())
            bm25 = bm25s.BM25.load(str(build), load_corpus=False, show_progress=False) if ids else None
        except (OSError, ValueError):
            return False
        self._bm25, self._ids, self.version = bm25, ids, version
        self._vocab = dict(bm25.vocab_dict) if bm25 is not None else {}
        return True

    def build(self, items: Iterable[tuple[str, list[str]]], version: int) -> None:
        import bm25s

        ids: list[str] = []
        corpus: list[list[str]] = []
        for chunk_id, tokens in items:
            ids.append(chunk_id)
            corpus.append(tokens or ["\u2205"])  # bm25s needs at least one token per document
        self.directory.mkdir(parents=True, exist_ok=True)
        build = self.directory / f"build-{version}-{os.getpid()}"
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir()
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index(corpus, show_progress=False)
            bm25.save(str(build), show_progress=False)
        (build / "ids.json").write_text(json.dumps(ids))
        (build / "version").write_text(str(version))
        tmp = self.directory / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(build.name)
        os.replace(tmp, self.directory / "CURRENT")
        self._bm25, self._ids, self.version = bm25, ids, version
        self._vocab = dict(bm25.vocab_dict) if bm25 is not None else {}
        self._remove_old_builds(keep=build.name)

    def _remove_old_builds(self, keep: str) -> None:
        for old in self.directory.glob("build-*"):
            if old.name != keep:
                shutil.rmtree(old, ignore_errors=True)

    def search(self, tokens: list[str], k: int,
               allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best ``k`` chunks; ``allowed`` is a boolean mask."""
        known = [t for t in tokens if t in self._vocab]
        if self._bm25 is None or not known:
            return []
        scores = self._bm25.get_scores(known)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self._ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def ids(self) -> list[str]:
        return list(self._ids)
