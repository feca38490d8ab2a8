"""An ingest that stops dead at a chosen point, so a test can SIGKILL it there (not a test).

    CRASH_POINT=before_vectors CRASH_AFTER=10 CRASH_MARKER=/tmp/m python crash_ingest.py

CRASH_POINT:
  before_vectors  the CRASH_AFTER-th file is committed to the catalog, its vectors are not yet in
                  Chroma (the window the catalog-first write order is designed for)
  between_files   CRASH_AFTER files are fully written (catalog and Chroma)
  keyword_build   the catalog and Chroma are written; the BM25 build is half-written on disk
  none            no pause: the test kills the process whenever it likes

When paused the script writes its PID to CRASH_MARKER and sleeps until killed. Settings come from
the ASSISTANT_* environment like any other run.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from assistant.engine import open_engine
from assistant.index.keyword_index import KeywordIndex
from assistant.index.vector_store import VectorStore
from assistant.ingest.indexer import Indexer

POINT = os.environ.get("CRASH_POINT", "none")
AFTER = int(os.environ.get("CRASH_AFTER", "1"))
MARKER = Path(os.environ.get("CRASH_MARKER", "/dev/null"))
_count = 0


def pause() -> None:
    MARKER.write_text(str(os.getpid()))
    while True:
        time.sleep(1)


def install() -> None:
    if POINT == "before_vectors":
        upsert = VectorStore.upsert

        def paused_upsert(self, chunks, embeddings):
            global _count
            _count += 1
            if _count >= AFTER:
                pause()
            upsert(self, chunks, embeddings)

        VectorStore.upsert = paused_upsert
    elif POINT == "between_files":
        commit = Indexer._commit

        def paused_commit(self, item, vectors, sentences):
            global _count
            commit(self, item, vectors, sentences)
            _count += 1
            if _count >= AFTER:
                pause()

        Indexer._commit = paused_commit
    elif POINT == "keyword_build":
        def half_build(self, items, version):
            folder = self.directory / f"build-{version}-{os.getpid()}-crashed"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "ids.json").write_text('["half-written')
            pause()

        KeywordIndex._build_locked = half_build


def main() -> int:
    install()
    report = open_engine().ingest()
    print(report.to_json())
    return 0


if __name__ == "__main__":
    sys.exit(main())
