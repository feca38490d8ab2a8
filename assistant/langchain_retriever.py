"""A LangChain ``BaseRetriever`` over the hybrid engine, for chains and agents built on LangChain."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieval import SearchFilters


class HybridRetriever(BaseRetriever):
    """Returns the engine's fused hits as LangChain documents (passage text + citation metadata)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    engine: Any
    k: int = 5
    filters: SearchFilters | None = None

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.engine.search(query, k=self.k, filters=self.filters)
        return [Document(page_content=hit.chunk.text, id=hit.chunk.chunk_id,
                         metadata={key: value for key, value in hit.to_json().items()
                                   if key != "text" and value is not None})
                for hit in hits]
