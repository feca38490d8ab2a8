"""The document library: what is indexed, uploads (kept under the data directory), removal,
re-indexing and the timeline. The app's Library page calls these (the CLI's ``ingest`` and
``status`` go to ``Engine`` directly)."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.documents import number_label, unconfirmed_fields
from assistant.engine import Engine, Progress
from assistant.ingest.loaders import SUPPORTED_SUFFIXES
from assistant.ingest.pipeline import FileResult, IngestReport
from assistant.limits import LimitExceeded, check_upload_size
from assistant.vocabulary import DATED_TYPES


class UploadError(ValueError):
    """An upload was refused; the message says why and what to do."""


@dataclass
class LibraryEntry:
    doc_id: str
    title: str
    title_zh: str
    doc_type: str
    level: str
    region: str
    date: str
    doc_number: str
    origin: str
    chunks: int
    source_name: str
    unconfirmed: tuple[str, ...] = ()  # front-matter fields our sources do not confirm

    def number_label(self, language: str = "en") -> str:
        """The 文号 as shown in the library, marked when unconfirmed ("" without one)."""
        return number_label(self.doc_number, self.unconfirmed, language) or ""

    @property
    def year(self) -> int | None:
        """The year of the document's date, or None when it has none."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None


def library_entries(engine: Engine) -> list[LibraryEntry]:
    """Every indexed document as the library lists it (title, type, level, 文号, chunks…)."""
    entries = []
    for row in engine.documents():
        meta = row.metadata
        entries.append(LibraryEntry(
            doc_id=row.doc_id, title=str(meta.get("title") or row.doc_id),
            title_zh=str(meta.get("title_zh") or ""), doc_type=str(meta.get("doc_type") or ""),
            level=str(meta.get("level") or ""), region=str(meta.get("region") or ""),
            date=str(meta.get("date") or ""), doc_number=str(meta.get("doc_number") or ""),
            origin=row.origin, chunks=row.n_chunks,
            source_name=str(meta.get("source_name") or Path(row.source_path).name),
            unconfirmed=unconfirmed_fields(meta.get("unconfirmed"))))
    return entries


def timeline(engine: Engine, doc_types: tuple[str, ...] = DATED_TYPES) -> list[dict[str, Any]]:
    """Dated documents of the given types, oldest first (for the timeline chart)."""
    rows = [{"doc_id": e.doc_id, "title": e.title, "doc_type": e.doc_type, "date": e.date,
             "year": e.year, "level": e.level}
            for e in library_entries(engine) if e.doc_type in doc_types and e.year]
    return sorted(rows, key=lambda r: r["date"])


def safe_file_name(name: str) -> str:
    """A file name that cannot escape the uploads folder or hide its type: directory parts,
    control characters and leading dots are removed; the suffix is kept."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = re.sub(r"[^\w\u4e00-\u9fff.-]+", "_", stem).strip("._-")[:80] or "upload"
    while len(stem.encode("utf-8")) > 160:  # leave room in the 255-byte limit for "-2" and ".part"
        stem = stem[:-1]
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix).lower()[:10]
    return f"{stem}.{suffix}" if suffix else stem


def save_upload(engine: Engine, name: str, data: bytes) -> Path:
    """Check and store an uploaded file under <data_dir>/uploads; returns its path."""
    settings = engine.settings
    clean = safe_file_name(name)
    suffix = Path(clean).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"{name}: unsupported file type '{suffix or '(none)'}'; upload PDF, DOCX, "
                          "Markdown, TXT or HTML")
    if not data:
        raise UploadError(f"{name}: the file is empty")
    try:
        check_upload_size(name, len(data), settings)
    except LimitExceeded as exc:
        raise UploadError(str(exc)) from exc
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / clean
    if not target.resolve().is_relative_to(folder.resolve()):  # safe_file_name makes this unreachable
        raise UploadError(f"{name}: the file name is not allowed; rename the file and upload again")

    def place() -> Path:
        # Under the upload lock (Engine.store_upload): the name is chosen and the file
        # written by one upload at a time, on every replica, and its hash recorded with it.
        chosen = target
        if chosen.exists() and chosen.read_bytes() != data:
            stem, number = chosen.stem, 2
            while (folder / f"{stem}-{number}{suffix}").exists():
                number += 1
            chosen = folder / f"{stem}-{number}{suffix}"
        tmp = chosen.with_name(f".{chosen.name}.{uuid.uuid4().hex[:8]}.part")  # unique per upload
        tmp.write_bytes(data)
        tmp.replace(chosen)  # never leave half a file under its real name
        return chosen

    record = getattr(engine, "store_upload", None)  # None: a caller with settings only (tests)
    return record(place, data) if record is not None else place()


def ingest_upload(engine: Engine, name: str, data: bytes,
                  progress: Progress | None = None) -> tuple[Path, IngestReport]:
    """Store an upload and index it at once. A file that fails to index is removed again, so
    the uploads folder only holds documents that are searchable."""
    path = save_upload(engine, name, data)
    report = engine.ingest([path], origin="upload", progress=progress, prune=False)
    if not report.ok:
        path.unlink(missing_ok=True)
        engine.forget_upload(path.name)
    return path, report


def reindex_uploads(engine: Engine, progress: Progress | None = None) -> IngestReport:
    """Re-index the uploads folder (new files are added, deleted files leave the index)."""
    folder = engine.settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    damaged = engine.damaged_uploads(folder)
    if not damaged:
        return engine.ingest([folder], origin="upload", progress=progress)
    # A file whose bytes differ from the upload is not read; the others are (without pruning:
    # the index keeps the damaged file's last good version until it is uploaded again).
    good = [p for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".") and p not in damaged]
    report = (engine.ingest(good, origin="upload", progress=progress, prune=False) if good
              else IngestReport())
    report.results += [FileResult(str(path), "failed", reason=reason)
                       for path, reason in damaged.items()]
    return report


def remove_upload(engine: Engine, doc_id: str) -> bool:
    """Delete an uploaded document from the index and from disk. Corpus documents are refused."""
    row = engine.document(doc_id)
    if row is None:
        return False
    if row.origin != "upload":
        raise UploadError(f"{doc_id} is part of the corpus, not an upload; it cannot be removed here")
    removed = engine.remove_document(doc_id)
    path = Path(row.source_path)
    if path.resolve().is_relative_to(engine.settings.uploads_dir.resolve()):
        path.unlink(missing_ok=True)
        engine.forget_upload(path.name)
    return removed
