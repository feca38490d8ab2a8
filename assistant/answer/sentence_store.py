"""Where answers find sentence vectors: in the catalog, computed at ingest beside their chunk
(``assistant/index/sentence_vectors.py``; the knowledge statements' vectors too), so an answer
embeds nothing but its query. ``Indexer.reconcile`` (every ingest, ``assistant doctor``) embeds
whatever an index built before they were kept lacks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.index.sentence_vectors import SentenceVectors


def store_for(engine: Engine | None) -> SentenceVectors | None:
    """The sentence vectors of ``engine``'s index (None without an engine)."""
    return engine.sentence_vectors() if engine is not None else None
