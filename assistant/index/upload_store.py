"""Records of uploaded files in the catalog database: name, SHA-256 and size, so a replica that
reads a file from the shared upload store (``ASSISTANT_UPLOAD_DIR``, a folder every replica
mounts at the same path) can check that it reads the bytes that were uploaded."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from assistant.index.catalog import Catalog
from assistant.index.database import UPLOAD_LOCK_ROW, state, transaction, uploads


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store_upload(catalog: Catalog, place: Callable[[], Path], data: bytes) -> Path:
    """Run ``place`` (which chooses a name in the store, writes ``data`` there and returns the
    path) and record the file's hash, one upload at a time across replicas: the transaction
    locks the ``upload-lock`` row of ``state`` (on SQLite the write lock does the same). A
    database that cannot be reached stops the upload before anything is written."""
    values = {"sha256": sha256(data), "size": len(data),
              "stored_at": datetime.now(UTC).isoformat(timespec="seconds")}
    with transaction(catalog.database, write=True) as db:
        db.execute(sa.select(state.c.value).where(state.c.key == UPLOAD_LOCK_ROW)
                   .with_for_update())
        path = place()
        done = db.execute(uploads.update().where(uploads.c.name == path.name)
                          .values(**values)).rowcount
        if not done:
            db.execute(uploads.insert().values(name=path.name, **values))
    return path


def forget_upload(catalog: Catalog, name: str) -> None:
    with transaction(catalog.database, write=True) as db:
        db.execute(uploads.delete().where(uploads.c.name == name))


def upload_records(catalog: Catalog) -> dict[str, tuple[str, int]]:
    """(SHA-256, size) by file name."""
    with transaction(catalog.database) as db:
        rows = db.execute(sa.select(uploads.c.name, uploads.c.sha256, uploads.c.size)).all()
    return {name: (digest, size) for name, digest, size in rows}


def damaged_uploads(catalog: Catalog, folder: Path) -> dict[Path, str]:
    """Files in the upload store whose bytes differ from what was uploaded, with the reason.
    Files without a record (uploaded before records were kept) are taken as they are."""
    records = upload_records(catalog)
    found: dict[Path, str] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        record = records.get(path.name)
        if record is None or not path.is_file():
            continue
        data = path.read_bytes()
        if sha256(data) != record[0]:
            found[path] = (f"the file in the upload store differs from the one uploaded "
                           f"(SHA-256 {sha256(data)[:12]}…, {len(data)} bytes; uploaded "
                           f"{record[0][:12]}…, {record[1]} bytes); upload it again")
    return found
