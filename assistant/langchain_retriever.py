"""A LangChain ``BaseRetriever`` over the hybrid engine, for chains and agents built on LangChain.

It passes LangChain's standard retriever tests (``langchain-tests``, run in
``tests/retrieval/test_langchain_retriever.py``): ``k`` and ``filters`` may be given per call
(``retriever.invoke(q, k=1, filters={"doc_types": ["law"]})``) and override the values the
retriever was built with, and ``ainvoke`` runs the search in a worker thread so the event loop
stays free while the engine searches.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from langchain_core.callbacks import (
    AsyncCallbackManagerForRetrieverRun,
    CallbackManagerForRetrieverRun,
)
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables.config import run_in_executor
from pydantic import ConfigDict

from assistant.retrieval import SearchFilters

FilterArg = SearchFilters | Mapping[str, Any] | None
_FILTER_FIELDS = frozenset(f.name for f in dataclasses.fields(SearchFilters))


def as_filters(filters: FilterArg) -> SearchFilters | None:
    """``SearchFilters`` from itself or from a mapping of its fields (``{"doc_types": ["law"]}``),
    which is how LangChain callers usually pass filters. Unknown keys are an error, not ignored:
    a misspelt filter would otherwise silently search everything."""
    if filters is None or isinstance(filters, SearchFilters):
        return filters
    if not isinstance(filters, Mapping):
        raise TypeError(f"filters must be SearchFilters or a mapping, not {type(filters).__name__}")
    unknown = sorted(set(filters) - _FILTER_FIELDS)
    if unknown:
        raise ValueError(f"unknown filter(s) {', '.join(unknown)}; "
                         f"use {', '.join(sorted(_FILTER_FIELDS))}")
    values = {key: ([value] if isinstance(value, str) else value)  # "law" means ["law"]
              for key, value in filters.items()}
    return SearchFilters(**values)


class HybridRetriever(BaseRetriever):
    """Returns the engine's fused hits as LangChain documents (passage text + citation metadata)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Any
    k: int = 5
    filters: SearchFilters | None = None

    def _search(self, query: str, k: int | None, filters: FilterArg) -> list[Document]:
        k = self.k if k is None else k
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ValueError(f"k must be a positive whole number, not {k!r}")
        chosen = self.filters if filters is None else as_filters(filters)
        hits = self.engine.search(query, k=k, filters=chosen)
        return [Document(page_content=hit.chunk.text, id=hit.chunk.chunk_id,
                         metadata={key: value for key, value in hit.to_json().items()
                                   if key != "text" and value is not None})
                for hit in hits[:k]]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, filters: FilterArg = None
                                ) -> list[Document]:
        return self._search(query, k, filters)

    async def _aget_relevant_documents(self, query: str, *,
                                       run_manager: AsyncCallbackManagerForRetrieverRun,
                                       k: int | None = None, filters: FilterArg = None
                                       ) -> list[Document]:
        # The engine's search is synchronous (numpy, SQLite, Chroma): run it in the default
        # executor so other coroutines keep running while it works.
        return await run_in_executor(None, self._search, query, k, filters)
