"""A Chroma server that goes away after start: searches go on by keywords, writes go on in the
catalog, and the vectors missed are added back when the server returns.

``GuardedVectorStore`` is a ``VectorStore`` whose calls survive an unreachable server:

- ``query`` returns no dense ranking (the search is keyword-only) and ``outage`` says why, so
  the app shows a notice and the CLI a field;
- ``upsert`` and ``delete`` are skipped: the catalog (the source of truth) already holds the
  chunks and their embeddings, and ``Engine.reconcile`` (the end of every ingest, ``assistant
  doctor``) adds the missing vectors and removes the orphans once the server answers again;
- ``ids`` raises ``StoreUnavailable`` (reconcile must not mistake an outage for an empty store);
- ``count`` gives -1 (unknown).

After a failure the server is tried again at the next call past ``RETRY_S`` seconds (a fresh
client and collection, in case it came back empty or on a new address record).

A server that refuses the token stops the start with ``StoreUnavailable`` naming the setting to
check (``vector_store._connect``); so does an unreachable one, except under
``tolerating_start_outage`` (``open_engine``: the app and the CLI start keyword-only).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import numpy as np

from assistant.documents import Chunk
from assistant.index.vector_store import StoreUnavailable, VectorStore, _connect

log = logging.getLogger(__name__)
RETRY_S = 5.0
T = TypeVar("T")


def _outage_errors() -> tuple[type[BaseException], ...]:
    import httpx

    return (httpx.TransportError, StoreUnavailable, ConnectionError, TimeoutError)


_tolerate_start_outage: ContextVar[bool] = ContextVar("tolerate_start_outage", default=False)


@contextmanager
def tolerating_start_outage() -> Iterator[None]:
    """Stores built in this block start even when the Chroma server cannot be reached (keyword-
    only until it can); a refused token still stops them. ``open_engine`` (the app, the CLI)
    uses it, so a replica restarted during an outage comes up."""
    token = _tolerate_start_outage.set(True)
    try:
        yield
    finally:
        _tolerate_start_outage.reset(token)


class GuardedVectorStore(VectorStore):
    def __init__(self, *, collection: str, path=None, host: str | None = None, port: int = 8000,
                 auth_token: str | None = None) -> None:
        self._server = (host, port, auth_token) if host else None
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self.outage: str | None = None  # why the server cannot be used now (None: it can)
        try:
            super().__init__(collection=collection, path=path, host=host, port=port,
                             auth_token=auth_token)
        except StoreUnavailable as exc:
            refused = "refused access" in str(exc)  # a token problem: say so at start
            if not _tolerate_start_outage.get() or refused or not host:
                raise
            self.location, self.collection_name = f"http://{host}:{port}", collection
            self._client = self._collection = None
            self._mark(exc)
            self._retry_at = 0.0  # the first call tries again

    # -- the guarded calls ---------------------------------------------------------------------
    def query(self, embedding: np.ndarray, k: int, where: dict[str, Any] | None = None,
              languages: Sequence[str] | None = None,
              known_languages: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
        return self._guard(lambda: super(GuardedVectorStore, self).query(
            embedding, k, where, languages, known_languages), fallback=list)

    def upsert(self, chunks: Sequence[Chunk], embeddings: np.ndarray) -> None:
        self._guard(lambda: super(GuardedVectorStore, self).upsert(chunks, embeddings),
                    fallback=lambda: None)

    def delete(self, ids: Sequence[str]) -> None:
        self._guard(lambda: super(GuardedVectorStore, self).delete(ids), fallback=lambda: None)

    def count(self) -> int:
        return self._guard(lambda: super(GuardedVectorStore, self).count(), fallback=lambda: -1)

    def ids(self) -> list[str]:
        return self._guard(lambda: super(GuardedVectorStore, self).ids(), fallback=None)

    # -- internals -----------------------------------------------------------------------------
    def _guard(self, call: Callable[[], T], fallback: Callable[[], T] | None) -> T:
        if self._server is None:  # embedded Chroma: no server to lose
            return call()
        errors = _outage_errors()
        try:
            if self.outage is not None:
                self._reconnect()
            result = call()
        except errors as exc:
            self._mark(exc)
            if fallback is None:
                raise StoreUnavailable(self.outage) from exc
            return fallback()
        if self.outage is not None:
            log.warning("the Chroma server at %s answers again", self.location)
            self.outage = None
        return result

    def _reconnect(self) -> None:
        with self._lock:
            if time.monotonic() < self._retry_at:
                raise StoreUnavailable(self.outage or "the Chroma server is unavailable")
            self._retry_at = time.monotonic() + RETRY_S
            host, port, token = self._server
            self._client, self._collection = _connect(host, port, token, self.collection_name)

    def _mark(self, exc: BaseException) -> None:
        with self._lock:
            if self.outage is None:
                log.warning("the Chroma server at %s cannot be reached: %s", self.location, exc)
                self._retry_at = time.monotonic() + RETRY_S
            self.outage = (f"the Chroma server at {self.location} cannot be reached; searches "
                           "use keywords only until it returns (check ASSISTANT_CHROMA_HOST and "
                           "ASSISTANT_CHROMA_PORT, then run `assistant doctor`)")
