"""The retrieval systems compared by the evaluation: the hybrid engine, its two components alone,
and a plain LangChain recipe over the same corpus files.

Each system returns the ranked chunks' document ids for a question; the runner collapses them to
distinct documents. Systems ask for ``depth`` chunks so that ``k`` distinct documents remain after
collapsing even when one document fills several of the top places.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.engine import Engine


log = logging.getLogger(__name__)

LANGCHAIN_CHUNK_SIZE = 1000
LANGCHAIN_CHUNK_OVERLAP = 200


class RetrievalSystem(Protocol):
    name: str

    def retrieve(self, question: str, depth: int) -> list[str]:
        """Document ids of the best ``depth`` chunks, best first (repeats allowed)."""
        ...


class HybridSystem:
    """The product's retrieval: ``Engine.search`` (dense + BM25 fused by RRF, glossary expansion)."""

    name = "hybrid (engine)"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def retrieve(self, question: str, depth: int) -> list[str]:
        return [hit.chunk.doc_id for hit in self.engine.search(question, k=depth)]


class BM25System:
    """The engine's keyword index alone, on the raw question (no glossary expansion)."""

    name = "BM25 alone"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def retrieve(self, question: str, depth: int) -> list[str]:
        return [chunk.doc_id for chunk in self.engine.searcher.keyword_only(question, depth)]


class DenseSystem:
    """The engine's vector store alone: cosine similarity to the question, every chunk eligible."""

    name = "dense alone"

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def retrieve(self, question: str, depth: int) -> list[str]:
        return [chunk.doc_id for chunk in self.engine.searcher.dense_only(question, depth)]


class LangChainSystem:
    """A plain LangChain recipe: RecursiveCharacterTextSplitter(1000, 200) over the corpus Markdown
    files, Chroma with the same MiniLM model through HuggingFaceEmbeddings, similarity top-k.

    The collection is persisted under ``<data_dir>/eval/langchain-chroma`` and rebuilt only when
    the corpus files, the splitter or the model change (a fingerprint file records them)."""

    name = "LangChain recipe"

    def __init__(self, settings, files: Sequence[Path], doc_ids: dict[Path, str],
                 progress: Callable[[str], None] | None = None) -> None:
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_huggingface import HuggingFaceEmbeddings

        model = settings.embedding_model_path()
        self.directory = Path(settings.data_dir) / "eval" / "langchain-chroma"
        fingerprint = _fingerprint(files, model)
        stamp = self.directory / "fingerprint.json"
        fresh = not (stamp.is_file() and json.loads(stamp.read_text()).get("hash") == fingerprint)
        self.directory.mkdir(parents=True, exist_ok=True)
        embeddings = HuggingFaceEmbeddings(model_name=model, model_kwargs={"device": "cpu"})
        self.store = Chroma(collection_name="langchain-baseline", embedding_function=embeddings,
                            persist_directory=str(self.directory),
                            client_settings=ChromaSettings(anonymized_telemetry=False,
                                                           is_persistent=True,
                                                           persist_directory=str(self.directory)))
        if fresh:
            if progress:
                progress("building the LangChain baseline index (first run only)…")
            # Reset through the client: deleting the folder under an open client corrupts it.
            self.store.reset_collection()
            self._build(files, doc_ids)
            stamp.write_text(json.dumps({"hash": fingerprint}))

    def _build(self, files: Sequence[Path], doc_ids: dict[Path, str]) -> None:
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=LANGCHAIN_CHUNK_SIZE,
                                                  chunk_overlap=LANGCHAIN_CHUNK_OVERLAP)
        documents = [Document(page_content=path.read_text(encoding="utf-8"),
                              metadata={"source": str(path), "doc_id": doc_ids[path]})
                     for path in files]
        chunks = splitter.split_documents(documents)
        ids = [f"{c.metadata['doc_id']}#{n}" for n, c in enumerate(chunks)]
        for start in range(0, len(chunks), 256):
            self.store.add_documents(chunks[start:start + 256], ids=ids[start:start + 256])
        log.info("LangChain baseline: %d chunks from %d files", len(chunks), len(files))

    def retrieve(self, question: str, depth: int) -> list[str]:
        return [doc.metadata["doc_id"] for doc in self.store.similarity_search(question, k=depth)]


def _fingerprint(files: Sequence[Path], model: str) -> str:
    digest = hashlib.sha256()
    digest.update(f"{LANGCHAIN_CHUNK_SIZE}/{LANGCHAIN_CHUNK_OVERLAP}|{model}".encode())
    for path in sorted(files):
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
