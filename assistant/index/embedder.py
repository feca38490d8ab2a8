"""The sentence-transformers embedder, loaded once, offline."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

_lock = threading.Lock()
_models: dict[str, Embedder] = {}


class Embedder:
    """Encodes passages and queries to L2-normalised float32 vectors."""

    def __init__(self, model_path: str, batch_size: int = 32, threads: int | None = None) -> None:
        from sentence_transformers import SentenceTransformer  # slow import: only when needed

        if threads:
            import torch

            torch.set_num_threads(threads)  # process-wide: this is the process's only model

        self.model_path = model_path
        self.batch_size = batch_size
        self._model = SentenceTransformer(model_path, device="cpu", local_files_only=True)
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_seq_length = int(self._model.max_seq_length)
        self._query_cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str], show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self.batch_size,
                                     normalize_embeddings=True, convert_to_numpy=True,
                                     show_progress_bar=show_progress)
        return vectors.astype(np.float32, copy=False)

    def encode_query(self, text: str) -> np.ndarray:
        # Queries repeat (follow-ups, the advisor's citation look-ups, the same example
        # questions), so their vectors are cached; the array is read-only so a caller cannot
        # change the cached copy.
        vector = self._query_cache.get(text)
        if vector is None:
            vector = self.encode([text])[0]
            vector.setflags(write=False)
            if len(self._query_cache) >= 2048:
                self._query_cache.pop(next(iter(self._query_cache)))
            self._query_cache[text] = vector
        return vector


def get_embedder(model_path: str, batch_size: int = 32, threads: int | None = None) -> Embedder:
    """One embedder per model path per process: loading costs seconds and half a gigabyte."""
    with _lock:
        if model_path not in _models:
            _models[model_path] = Embedder(model_path, batch_size, threads)
        return _models[model_path]
