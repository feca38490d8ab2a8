"""From paths to chunks: discover files, hash them, load and chunk the ones that changed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.documents import Chunk, LoadedDocument
from assistant.ingest.chunking import CHUNKER_VERSION, chunk_document
from assistant.ingest.errors import IngestError
from assistant.ingest.loaders import SUPPORTED_SUFFIXES, load_file
from assistant.language import detect_language

# Folders and files of the corpus that are data or documentation, not documents to index.
SKIPPED_NAMES = {"README.md", "examples"}
# Metadata fields copied from the document onto each chunk (what citations and filters need).
CHUNK_METADATA_FIELDS = ("title", "title_zh", "doc_type", "issuer", "doc_number", "date", "level",
                         "region", "topics", "responsibility_areas", "source_name", "origin",
                         "illustrative", "unconfirmed")


@dataclass
class FileResult:
    path: str
    status: str  # indexed | unchanged | failed | removed
    doc_id: str | None = None
    chunks: int = 0
    reason: str = ""


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def chunks_indexed(self) -> int:
        return sum(r.chunks for r in self.results if r.status == "indexed")

    @property
    def ok(self) -> bool:
        return not self.failures

    def to_json(self) -> dict[str, Any]:
        return {"files": len([r for r in self.results if r.status != "removed"]),
                "indexed": self.count("indexed"), "unchanged": self.count("unchanged"),
                "failed": self.count("failed"), "removed": self.count("removed"),
                "chunks": self.chunks_indexed,
                "failures": [{"path": r.path, "reason": r.reason} for r in self.failures]}


@dataclass
class PreparedFile:
    """A changed file, loaded and chunked, waiting for its embeddings."""

    path: Path
    source_key: str
    content_hash: str
    doc_id: str
    document: LoadedDocument
    metadata: dict[str, Any]
    chunks: list[Chunk]


def discover(paths: list[Path]) -> tuple[list[Path], list[FileResult]]:
    """Supported files under ``paths`` (sorted, de-duplicated) and results for bad arguments."""
    files: list[Path] = []
    problems: list[FileResult] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                rel = file.relative_to(path).parts
                if any(part.startswith(".") or part in SKIPPED_NAMES for part in rel):
                    continue
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                    files.append(file)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(FileResult(str(path), "failed", reason="no such file or directory"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, problems


def source_key(path: Path) -> str:
    return str(path.resolve())


def content_hash(data: bytes, model: str) -> str:
    digest = hashlib.sha256(data)
    digest.update(f"|chunker={CHUNKER_VERSION}|model={model}".encode())
    return digest.hexdigest()


def prepare(path: Path, data: bytes, digest: str, origin: str, target_words: int,
            max_chunks: int | None = None) -> PreparedFile:
    """Load and chunk one file; raises ``IngestError`` with a reason a user can act on. A file
    yielding more than ``max_chunks`` passages is refused before any embedding work."""
    document = load_file(path, data)
    meta = dict(document.metadata)
    doc_id = str(meta.get("id") or _derived_id(path, origin))
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,120}", doc_id):
        raise IngestError(str(path), f"document id '{doc_id}' may only contain letters, digits, "
                          "'.', '_', ':' and '-'")
    meta.setdefault("title", path.stem)
    meta.setdefault("doc_type", "upload" if origin == "upload" else "other")
    meta["origin"] = origin
    meta["language"] = detect_language(document.text)
    chunk_meta = {k: meta[k] for k in CHUNK_METADATA_FIELDS if meta.get(k) is not None}
    chunks = chunk_document(document, doc_id, chunk_meta, target_words)
    if not chunks:
        raise IngestError(str(path), "no text could be extracted from the file")
    if max_chunks is not None and len(chunks) > max_chunks:
        raise IngestError(str(path), f"the file yields {len(chunks)} passages, over the limit of "
                          f"{max_chunks} per document (setting ASSISTANT_MAX_DOCUMENT_CHUNKS); "
                          "split it into smaller files")
    return PreparedFile(path, source_key(path), digest, doc_id, document, meta, chunks)


def _derived_id(path: Path, origin: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-").lower()[:48] or "document"
    suffix = hashlib.sha1(source_key(path).encode()).hexdigest()[:8]
    return f"{'upload' if origin == 'upload' else 'file'}-{stem}-{suffix}"


def index_text(chunk: Chunk) -> str:
    """What is embedded and keyword-indexed: the passage under its title and section, so a chunk
    that says "the county must…" is still found by the name of the law it belongs to."""
    meta = chunk.metadata
    head = " — ".join(str(x) for x in (meta.get("title"), meta.get("title_zh"), chunk.section)
                      if x)
    return f"{head}\n{chunk.text}" if head else chunk.text
