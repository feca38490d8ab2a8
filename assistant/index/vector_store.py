"""Chroma: embedded and persistent by default, or a Chroma server when a host is configured.

Embeddings are always passed in (the collection has no embedding function), so Chroma never tries
to download its default model; telemetry is off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from assistant.documents import Chunk

_BATCH = 4000  # Chroma rejects batches above its max (~5000)


def chroma_metadata(chunk: Chunk) -> dict[str, Any]:
    """The scalar fields search filters on."""
    meta = chunk.metadata
    year = _year(meta.get("date"))
    return {
        "doc_id": chunk.doc_id,
        "doc_type": str(meta.get("doc_type") or "other"),
        "level": str(meta.get("level") or "unknown"),
        "region": str(meta.get("region") or "unknown"),
        "year": year if year is not None else -1,
        "language": chunk.language,
    }


def _year(value: Any) -> int | None:
    text = str(value or "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


class VectorStore:
    def __init__(self, *, collection: str, path: Path | None = None, host: str | None = None,
                 port: int = 8000, auth_token: str | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        if host:
            settings = ChromaSettings(anonymized_telemetry=False)
            headers = {"Authorization": f"Bearer {auth_token}"} if auth_token else None
            self._client = chromadb.HttpClient(host=host, port=port, settings=settings,
                                               headers=headers)
            self.location = f"http://{host}:{port}"
        else:
            assert path is not None
            path.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(
                path=str(path), settings=ChromaSettings(anonymized_telemetry=False,
                                                        allow_reset=False))
            self.location = str(path)
        self.collection_name = collection
        self._collection = self._client.get_or_create_collection(
            collection, embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 200,
                                    "max_neighbors": 32}})

    def count(self) -> int:
        return self._collection.count()

    def ids(self) -> list[str]:
        ids: list[str] = []
        offset = 0
        while True:
            batch = self._collection.get(include=[], limit=10000, offset=offset)["ids"]
            ids.extend(batch)
            if len(batch) < 10000:
                return ids
            offset += len(batch)

    def upsert(self, chunks: Sequence[Chunk], embeddings: np.ndarray) -> None:
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start:start + _BATCH]
            self._collection.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=np.asarray(embeddings[start:start + _BATCH], dtype=np.float32),
                metadatas=[chroma_metadata(c) for c in part])

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), _BATCH):
            self._collection.delete(ids=list(ids[start:start + _BATCH]))

    def query(self, embedding: np.ndarray, k: int,
              where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``k`` nearest chunks."""
        if k <= 0 or self.count() == 0:
            return []
        result = self._collection.query(query_embeddings=[np.asarray(embedding, np.float32)],
                                        n_results=k, where=where or None, include=["distances"])
        return [(cid, 1.0 - float(dist))
                for cid, dist in zip(result["ids"][0], result["distances"][0])]
