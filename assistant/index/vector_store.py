"""Chroma: embedded and persistent by default, or a Chroma server when a host is configured.

Embeddings are always passed in (the collection has no embedding function), so Chroma never tries
to download its default model; telemetry is off.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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


class StoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached or refuses the token; the message says what to set."""


def _collection(client: Any, name: str) -> Any:
    return client.get_or_create_collection(
        name, embedding_function=None,
        configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 200,
                                "max_neighbors": 32}})


def _connect(host: str, port: int, auth_token: str | None, name: str) -> tuple[Any, Any]:
    """A client and collection on a Chroma server. The token goes in ``Authorization: Bearer``,
    which a proxy in front of the server (or Chroma's own token auth) checks."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    where = f"http://{host}:{port}"
    headers = {"Authorization": f"Bearer {auth_token}"} if auth_token else None
    try:
        client = chromadb.HttpClient(host=host, port=port, headers=headers,
                                     settings=ChromaSettings(anonymized_telemetry=False))
        return client, _collection(client, name)
    except Exception as exc:  # chromadb reports refusals and connection failures as ValueError
        text = str(exc)
        if any(word in text for word in ("Unauthorized", "Forbidden", "401", "403")):
            hint = ("set ASSISTANT_CHROMA_AUTH_TOKEN to the server's token" if not auth_token
                    else "the token in ASSISTANT_CHROMA_AUTH_TOKEN was refused; check it")
            raise StoreUnavailable(f"the Chroma server at {where} refused access ({text[:120]}): "
                                   f"{hint}") from exc
        raise StoreUnavailable(f"could not use the Chroma server at {where} ({text[:160]}); start "
                               "it, or check ASSISTANT_CHROMA_HOST and ASSISTANT_CHROMA_PORT") from exc


class VectorStore:
    def __init__(self, *, collection: str, path: Path | None = None, host: str | None = None,
                 port: int = 8000, auth_token: str | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        if host:
            self.location = f"http://{host}:{port}"
            self._client, self._collection = _connect(host, port, auth_token, collection)
        else:
            assert path is not None
            path.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(
                path=str(path), settings=ChromaSettings(anonymized_telemetry=False,
                                                        allow_reset=False))
            self.location = str(path)
            self._collection = _collection(self._client, collection)
        self.collection_name = collection

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

    def query(self, embedding: np.ndarray, k: int, where: dict[str, Any] | None = None,
              languages: Sequence[str] | None = None,
              known_languages: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``k`` nearest chunks. ``languages`` keeps only
        chunks in those languages; it is applied after the search (over-fetching), because a
        Chroma ``where`` filter makes HNSW queries many times slower. ``known_languages``
        (chunk id → language, as the catalog has it: the value this store's metadata holds)
        spares fetching every result's metadata, three quarters of a query's time; a chunk it
        does not name is looked up in the metadata."""
        if k <= 0 or self.count() == 0:
            return []
        fetch = k * 2 if languages else k
        with_metadata = bool(languages) and known_languages is None
        result = self._collection.query(
            query_embeddings=[np.asarray(embedding, np.float32)], n_results=fetch,
            where=where or None, include=["distances", "metadatas"] if with_metadata
            else ["distances"])
        ids, distances = result["ids"][0], result["distances"][0]
        found = [(cid, 1.0 - float(dist)) for cid, dist in zip(ids, distances)]
        if languages:
            if with_metadata:
                language = {cid: (meta or {}).get("language")
                            for cid, meta in zip(ids, result["metadatas"][0])}
            else:
                language = {cid: known_languages[cid] for cid in ids if cid in known_languages}
                unknown = [cid for cid in ids if cid not in language]
                if unknown:
                    got = self._collection.get(ids=unknown, include=["metadatas"])
                    language.update({cid: (meta or {}).get("language")
                                     for cid, meta in zip(got["ids"], got["metadatas"])})
            found = [item for item in found if language.get(item[0]) in languages]
        return found[:k]
