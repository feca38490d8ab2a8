"""The indexer: ingest files, remove documents and reconcile the derived stores with the catalog.

Write order for crash safety: a file's chunks, tokens and embeddings are committed to the catalog
in one transaction; Chroma and BM25 are then brought in line with the catalog. Searches only return
chunks the catalog knows, so extra vectors left by a crash are invisible until reconciled away.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.documents import Chunk
from assistant.index.locks import IngestBusy, ingest_lock
from assistant.index.sentence_vectors import NONE_KEY, STATEMENT_OWNER, sentence_key
from assistant.index.stores import IndexStores
from assistant.index.tokenizer import tokenize
from assistant.index.vector_store import StoreUnavailable
from assistant.ingest.errors import IngestError
from assistant.ingest.pipeline import (
    FileResult,
    IngestReport,
    PreparedFile,
    content_hash,
    discover,
    index_text,
    prepare,
    source_key,
)
from assistant.ingest.sentences import chunk_sentences, statement_texts

__all__ = ["EMBED_GROUP", "Indexer", "IngestBusy", "Progress"]

Progress = Callable[[int, int, str], None]  # (done, total, label)
EMBED_GROUP = 1024  # chunks embedded and committed together: bounds the work a crash can lose


class Indexer:
    """Writes one index: files in (``ingest``), documents out (``remove_document``), and the
    derived stores repaired from the catalog (``reconcile``)."""

    def __init__(self, stores: IndexStores) -> None:
        self.stores = stores
        self.settings: Settings = stores.settings

    @contextmanager
    def ingest_lock(self, wait: bool = True, timeout_s: float = 600) -> Iterator[None]:
        """Serialises ingests across threads, processes and (with a server database) hosts:
        ``assistant/index/locks.py`` (a file lock on SQLite, an advisory lock on PostgreSQL)."""
        with ingest_lock(self.settings.data_dir, self.stores.catalog.database, wait, timeout_s):
            yield

    def ingest(self, paths: list[Path] | None = None, *, origin: str = "corpus",
               progress: Progress | None = None, prune: bool = True,
               wait: bool = True) -> IngestReport:
        """Index the files under ``paths`` (default: the corpus). Unchanged files cost nothing;
        changed files replace their chunks; with ``prune``, files gone from a scanned folder lose
        theirs. Bad files are reported with a reason and leave the rest of the index untouched."""
        roots = [Path(p) for p in (paths or self.settings.corpus_dirs)]
        with self.ingest_lock(wait=wait):
            report = IngestReport()
            files, problems = discover(roots)
            report.results.extend(problems)
            model = self.settings.embedding_model_path()
            pending: list[PreparedFile] = []
            seen_keys: set[str] = set()
            seen_ids: dict[str, str] = {}
            for number, path in enumerate(files, start=1):
                if progress:
                    progress(number - 1, len(files), f"reading {path.name}")
                key = source_key(path)
                seen_keys.add(key)
                try:
                    data = path.read_bytes()
                    digest = content_hash(data, model)
                    existing = self.stores.catalog.document_by_source(key)
                    if existing and existing.content_hash == digest:
                        report.results.append(FileResult(str(path), "unchanged", existing.doc_id,
                                                         existing.n_chunks))
                        seen_ids[existing.doc_id] = key
                        continue
                    prepared = prepare(path, data, digest, origin, self.settings.chunk_words,
                                       self.settings.max_document_chunks)
                    self._check_unique_id(prepared, seen_ids)
                    seen_ids[prepared.doc_id] = key
                    pending.append(prepared)
                except IngestError as exc:
                    report.results.append(FileResult(str(path), "failed", reason=exc.reason))
                except OSError as exc:
                    report.results.append(FileResult(str(path), "failed",
                                                     reason=f"could not read the file: {exc}"))
            self._embed_and_commit(pending, report, progress)
            if prune:
                self._prune(roots, seen_keys, report)
            self.reconcile()
            if progress:
                progress(len(files), len(files), "done")
            return report

    def _check_unique_id(self, prepared: PreparedFile, seen_ids: dict[str, str]) -> None:
        other = seen_ids.get(prepared.doc_id)
        stored = self.stores.catalog.document(prepared.doc_id)
        if other and other != prepared.source_key:
            raise IngestError(str(prepared.path), f"document id '{prepared.doc_id}' is already "
                              f"used by {other}; give this document a unique id")
        if stored and stored.source_key != prepared.source_key and Path(stored.source_key).exists():
            raise IngestError(str(prepared.path), f"document id '{prepared.doc_id}' is already "
                              f"used by {stored.source_path}; give this document a unique id")

    def _embed_and_commit(self, pending: list[PreparedFile], report: IngestReport,
                          progress: Progress | None) -> None:
        total = sum(len(p.chunks) for p in pending)
        done = 0
        group: list[PreparedFile] = []
        for prepared in pending + [None]:  # type: ignore[list-item]
            if prepared is not None:
                group.append(prepared)
                if sum(len(p.chunks) for p in group) < EMBED_GROUP:
                    continue
            if not group:
                break
            chunks = [c for p in group for c in p.chunks]
            if progress:
                progress(done, total, f"embedding {len(chunks)} passages")
            vectors = self.stores.encode([index_text(c) for c in chunks])
            if progress:
                progress(done, total, f"embedding the sentences of {len(chunks)} passages")
            sentences = self._sentence_rows(chunks)
            offset = 0
            for item in group:
                n = len(item.chunks)
                mine = {c.chunk_id for c in item.chunks}
                self._commit(item, vectors[offset:offset + n],
                             [row for row in sentences if row[0] in mine])
                offset += n
                report.results.append(FileResult(str(item.path), "indexed", item.doc_id, n))
            done += len(chunks)
            group = []

    def _sentence_rows(self, chunks: list[Chunk]) -> list[tuple[str, str, np.ndarray]]:
        """(chunk id, key, vector) of every quotable English sentence of ``chunks``, each text
        embedded once; a chunk without one gets an empty row (``NONE_KEY``)."""
        model = self.settings.embedding_model_path()
        per_chunk = [(c.chunk_id, chunk_sentences(c.text)) for c in chunks]
        texts = list(dict.fromkeys(text for _, found in per_chunk for text in found))
        vectors = dict(zip(texts, self.stores.encode(texts))) if texts else {}
        empty = np.zeros(0, dtype=np.float32)
        return [row for chunk_id, found in per_chunk
                for row in ([(chunk_id, sentence_key(model, text), vectors[text])
                             for text in found] or [(chunk_id, NONE_KEY, empty)])]

    def _commit(self, item: PreparedFile, vectors: np.ndarray,
                sentences: list[tuple[str, str, np.ndarray]]) -> None:
        tokens = [tokenize(index_text(c)) for c in item.chunks]
        stale = self.stores.catalog.replace_document(
            doc_id=item.doc_id, source_key=item.source_key, source_path=str(item.path),
            content_hash=item.content_hash, origin=str(item.metadata.get("origin")),
            metadata=_jsonable(item.metadata), text=item.document.text, chunks=item.chunks,
            tokens=tokens, embeddings=vectors, sentence_vectors=sentences)
        self.stores.vectors.upsert(item.chunks, vectors)
        if stale:
            self.stores.vectors.delete(stale)

    def _prune(self, roots: list[Path], seen_keys: set[str], report: IngestReport) -> None:
        folders = [str(r.resolve()) + os.sep for r in roots if r.is_dir()]
        for row in self.stores.catalog.documents():
            inside = any(row.source_key.startswith(folder) for folder in folders)
            if inside and row.source_key not in seen_keys:
                self.stores.vectors.delete(self.stores.catalog.remove_document(row.doc_id))
                report.results.append(FileResult(row.source_path, "removed", row.doc_id))

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document from the catalog and Chroma, then rebuild BM25; False when it is not
        indexed."""
        with self.ingest_lock():
            if self.stores.catalog.document(doc_id) is None:
                return False
            self.stores.vectors.delete(self.stores.catalog.remove_document(doc_id))
            self.reconcile()
            return True

    def reconcile(self) -> dict[str, int]:
        """Make Chroma and BM25 agree with the catalog: drop orphan vectors, add missing ones
        (from stored embeddings, no model needed) and rebuild BM25 if its version is stale or
        its chunk ids differ from the catalog's (a damaged or copied-over build). Then the
        sentence vectors: see ``reconcile_sentences``."""
        catalog_ids = self.stores.catalog.chunk_ids()
        wanted = set(catalog_ids)
        try:
            stored = set(self.stores.vectors.ids())
        except StoreUnavailable:  # Chroma server down: its vectors are synced when it returns
            stored = wanted
        orphans = sorted(stored - wanted)
        missing = [i for i in catalog_ids if i not in stored]
        if orphans:
            self.stores.vectors.delete(orphans)
        ordered: list[Chunk] = []
        if missing:
            chunks = self.stores.catalog.chunks(missing)
            vectors = self.stores.catalog.embeddings(missing)
            ordered = [chunks[i] for i in missing if i in chunks and i in vectors]
            if ordered:
                self.stores.vectors.upsert(ordered, np.stack([vectors[c.chunk_id] for c in ordered]))
        rebuilt = self.stores.refresh_keywords(force=False)
        if not rebuilt and self.stores.keywords.ids() != catalog_ids:
            rebuilt = self.stores.refresh_keywords(force=True)
        return {"orphan_vectors_removed": len(orphans), "missing_vectors_added": len(ordered),
                "keyword_index_rebuilt": int(rebuilt), **self.reconcile_sentences()}

    def reconcile_sentences(self) -> dict[str, int]:
        """Sentence vectors in line with the catalog and the knowledge statements: drop those of
        chunks that are gone, embed the sentences of chunks that have none (an index built
        before they were kept), and add or drop statement vectors as the statements changed.
        Embedding needs the model, but only for what is missing."""
        catalog = self.stores.catalog
        removed = catalog.remove_orphan_sentence_vectors(keep=STATEMENT_OWNER)
        filled = 0
        missing = catalog.chunks_without_sentence_vectors()
        for start in range(0, len(missing), EMBED_GROUP):
            chunks = catalog.chunks(missing[start:start + EMBED_GROUP])
            catalog.put_sentence_vectors(self._sentence_rows(list(chunks.values())))
            filled += len(chunks)
        model = self.settings.embedding_model_path()
        texts = {sentence_key(model, text): text
                 for text in statement_texts(self.settings.corpus_dirs)}
        stored = catalog.sentence_keys(STATEMENT_OWNER)
        new = [key for key in texts if key not in stored]
        stale = sorted(stored - set(texts))
        if new or stale:
            vectors = self.stores.encode([texts[key] for key in new]) if new else []
            catalog.put_sentence_vectors(
                [(STATEMENT_OWNER, key, vector) for key, vector in zip(new, vectors)],
                drop=(STATEMENT_OWNER, stale))
        return {"orphan_sentence_vectors_removed": removed,
                "chunks_sentences_embedded": filled,
                "statement_vectors_added": len(new), "statement_vectors_removed": len(stale)}

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the corpus when there is none yet."""
        if self.stores.catalog.counts()[1] != 0:
            return None
        return self.ingest(progress=progress)


def _jsonable(metadata: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(metadata, ensure_ascii=False, default=str))
