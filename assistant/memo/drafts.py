"""Memo drafts that outlive the browser session: a small store interface (``DraftStore``, declared
in ``draft_store.py`` with its types and re-exported here) and its file implementation under the
data directory (``FileDraftStore``).

Callers (the app, the CLI, the tests) use only ``DraftStore``; with ``ASSISTANT_DATABASE_URL``
set, ``open_draft_store`` gives the database implementation (``draft_db.DatabaseDraftStore``).
Who may see a draft is decided by ``Viewer``: with sign-in on, a user sees their own drafts and
an admin sees all; without sign-in every draft belongs to the installation.

Files (``FileDraftStore``)::

    drafts/<id>/v000001.json …      one file per save (the newest 20 are kept), written to a
                                    temporary file and moved into place with os.replace
    drafts/<id>/charts/<sha256>.png chart images, stored once and shared by the versions
    drafts/<id>/.lock               serialises saves of one draft (fcntl)

A version file that cannot be read is reported by name and skipped (``DraftListing.damaged``);
the draft is listed from its newest readable version, so nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.auth import INSTALLATION
from assistant.memo.draft_store import (
    _ID,
    COPY_SUFFIX,
    FORMAT,
    MAX_VERSIONS,
    DamagedDraft,
    DerivedOperations,  # the interface, re-exported: callers import from here
    Draft,
    DraftAccessDenied,
    DraftError,
    DraftInfo,
    DraftListing,
    DraftNotFound,
    DraftSaveError,
    DraftStore,
    VersionInfo,
    Viewer,
    _now,
)
from assistant.memo.model import Memo, MemoFormatError

log = logging.getLogger(__name__)

__all__ = ["COPY_SUFFIX", "FORMAT", "MAX_VERSIONS", "DamagedDraft", "Draft",
           "DraftAccessDenied", "DraftError", "DraftInfo", "DraftListing", "DraftNotFound",
           "DraftSaveError", "DraftStore", "FileDraftStore", "VersionInfo", "Viewer",
           "open_draft_store"]

_VERSION_FILE = re.compile(r"^v(\d{6})\.json$")


def open_draft_store(data_dir: Path, database_url: str | None = None) -> DraftStore:
    """The configured store: the database at ``database_url`` when one is given (the setting
    ``ASSISTANT_DATABASE_URL``, shared by replicas on several hosts; ``memo/draft_db.py``),
    otherwise files under ``data_dir/drafts``."""
    if database_url:
        from assistant.index.database import open_database
        from assistant.memo.draft_db import DatabaseDraftStore

        return DatabaseDraftStore(open_database(database_url))
    return FileDraftStore(Path(data_dir) / "drafts")


class FileDraftStore(DerivedOperations):
    """``DraftStore`` on the local file system (one folder per draft, one file per version)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        # Parsed version files by path, valid while the file's (mtime, size) is unchanged: a
        # version file is never rewritten, so listing drafts on every page run stays cheap.
        self._parsed: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}

    # -- reading -------------------------------------------------------------------------------

    def list(self, viewer: Viewer) -> DraftListing:
        listing = DraftListing()
        if not self.root.is_dir():
            return listing
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            try:
                record, damaged = self._newest_record(folder)
            except DraftError as exc:
                listing.damaged.append(DamagedDraft(folder, str(exc)))
                continue
            listing.damaged += damaged
            if record is None:
                continue
            info = self._info(folder.name, record)
            if viewer.may_see(info.owner):
                listing.drafts.append(info)
        listing.drafts.sort(key=lambda d: d.updated, reverse=True)
        return listing

    def open(self, draft_id: str, viewer: Viewer, version: int | None = None) -> Draft:
        folder = self._folder(draft_id)
        if version is None:
            record, damaged = self._newest_record(folder)
            if record is None:
                raise DraftError(f"draft {draft_id}: no version can be read ("
                                 + "; ".join(map(str, damaged)) + ")")
        else:
            record = self._read_version(folder / f"v{version:06d}.json")
        self._check(record, viewer, draft_id)
        return Draft(self._info(draft_id, record), self._memo(folder, record))

    def versions(self, draft_id: str, viewer: Viewer) -> list[VersionInfo]:
        folder = self._folder(draft_id)
        newest, _ = self._newest_record(folder)
        if newest is None:
            raise DraftError(f"draft {draft_id}: no version can be read")
        self._check(newest, viewer, draft_id)
        found = []
        for number, path in reversed(self._version_files(folder)):
            try:
                record = self._read_version(path)
            except DraftError as exc:
                log.warning("%s", exc)
                continue
            found.append(VersionInfo(number, str(record.get("saved") or ""),
                                     str(record.get("note") or "")))
        return found

    # -- writing -------------------------------------------------------------------------------

    def create(self, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        self.root.mkdir(parents=True, exist_ok=True)
        draft_id = f"{dt.date.today():%Y%m%d}-{secrets.token_hex(4)}"
        # Built in a hidden folder and renamed, so a listing never sees a draft without version.
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.root))
        try:
            now = _now()
            self._write_version(staging, 1, memo, owner=viewer.owner, created=now, note=note)
            os.replace(staging, self.root / draft_id)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise DraftSaveError(f"could not create a draft in {self.root}: {exc}") from exc
        return self.open(draft_id, viewer).info

    def save(self, draft_id: str, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        folder = self._folder(draft_id)
        with self._locked(folder):
            newest, _ = self._newest_record(folder)
            if newest is None:
                raise DraftError(f"draft {draft_id}: no version can be read; not overwritten")
            self._check(newest, viewer, draft_id)
            files = self._version_files(folder)
            number = (files[-1][0] if files else 0) + 1
            try:
                self._write_version(folder, number, memo, owner=str(newest["owner"]),
                                    created=str(newest.get("created") or _now()), note=note)
            except OSError as exc:
                raise DraftSaveError(f"could not save draft {draft_id} in {folder}: {exc}") \
                    from exc
            self._prune(folder)
        return self.open(draft_id, viewer).info

    def delete(self, draft_id: str, viewer: Viewer) -> None:
        folder = self._folder(draft_id)
        newest, _ = self._newest_record(folder)
        if newest is not None:
            self._check(newest, viewer, draft_id)
        elif not viewer.admin:
            raise DraftAccessDenied(f"draft {draft_id} cannot be read; only an admin may delete it")
        # Renamed first, so a half-deleted folder is never listed as a draft.
        trash = self.root / f".deleted-{draft_id}-{secrets.token_hex(3)}"
        os.replace(folder, trash)
        shutil.rmtree(trash, ignore_errors=True)

    # -- internals -----------------------------------------------------------------------------

    def _folder(self, draft_id: str) -> Path:
        if not _ID.match(draft_id or ""):
            raise DraftNotFound(f"no draft {draft_id!r}: an id is 4–64 letters, digits and '-'")
        folder = self.root / draft_id
        if not folder.is_dir():
            raise DraftNotFound(f"no draft {draft_id!r} in {self.root}")
        return folder

    @staticmethod
    def _version_files(folder: Path) -> list[tuple[int, Path]]:
        found = []
        for path in folder.iterdir():
            match = _VERSION_FILE.match(path.name)
            if match:
                found.append((int(match.group(1)), path))
        return sorted(found)

    def _newest_record(self, folder: Path) -> tuple[dict[str, Any] | None, list[DamagedDraft]]:
        """The newest readable version and the damaged files newer than it."""
        damaged: list[DamagedDraft] = []
        files = self._version_files(folder)
        if not files:
            raise DraftError("no version file (v000001.json …) in this draft folder")
        for _, path in reversed(files):
            try:
                return self._read_version(path), damaged
            except DraftError as exc:
                damaged.append(DamagedDraft(path, str(exc).split(": ", 1)[-1]))
        return None, damaged

    def _read_version(self, path: Path) -> dict[str, Any]:
        try:
            stat = path.stat()
        except FileNotFoundError as exc:
            raise DraftNotFound(f"{path}: no such version") from exc
        except OSError as exc:
            raise DraftError(f"{path}: not a readable draft file ({exc})") from exc
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._parsed.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        record = self._parse_version(path)
        if len(self._parsed) > 5000:
            self._parsed.clear()
        self._parsed[path] = (stamp, record)
        return record

    @staticmethod
    def _parse_version(path: Path) -> dict[str, Any]:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise DraftNotFound(f"{path}: no such version") from exc
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DraftError(f"{path}: not a readable draft file ({exc})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("memo"), dict):
            raise DraftError(f"{path}: not a draft file (no memo object)")
        if record.get("format") != FORMAT:
            raise DraftError(f"{path}: unknown draft format {record.get('format')!r}")
        try:  # the memo must read back, or the file counts as damaged
            Memo.from_json(record["memo"])
        except MemoFormatError as exc:
            raise DraftError(f"{path}: {exc}") from exc
        return record

    @staticmethod
    def _info(draft_id: str, record: dict[str, Any]) -> DraftInfo:
        memo = record["memo"]
        return DraftInfo(id=draft_id, title=str(memo.get("title") or ""),
                         district=str(memo.get("district") or ""),
                         lang=str(memo.get("lang") or ""),
                         kind=str(memo.get("kind") or "district"),
                         owner=str(record.get("owner") or INSTALLATION),
                         created=str(record.get("created") or ""),
                         updated=str(record.get("saved") or ""),
                         version=int(record.get("version") or 0))

    @staticmethod
    def _check(record: dict[str, Any], viewer: Viewer, draft_id: str) -> None:
        if not viewer.may_see(str(record.get("owner") or INSTALLATION)):
            # Said as "not found": a user learns nothing about other users' drafts.
            raise DraftNotFound(f"no draft {draft_id!r} of yours")

    @staticmethod
    def _memo(folder: Path, record: dict[str, Any]) -> Memo:
        charts = {}
        for key, digest in (record.get("chart_files") or {}).items():
            path = folder / "charts" / f"{digest}.png"
            try:
                charts[key] = path.read_bytes()
            except OSError:
                log.warning("chart %s of draft %s is missing (%s)", key, folder.name, path)
        return Memo.from_json(record["memo"], charts)

    def _write_version(self, folder: Path, number: int, memo: Memo, *, owner: str,
                       created: str, note: str) -> None:
        chart_files = {}
        for key, png in memo.charts.items():
            digest = hashlib.sha256(png).hexdigest()
            target = folder / "charts" / f"{digest}.png"
            if not target.exists():
                _atomic_write(target, png)
            chart_files[key] = digest
        record = {"format": FORMAT, "version": number, "owner": owner, "created": created,
                  "saved": _now(), "note": note, "chart_files": chart_files,
                  "memo": memo.to_json()}
        _atomic_write(folder / f"v{number:06d}.json",
                      json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))

    def _prune(self, folder: Path) -> None:
        """Drop versions beyond the newest ``MAX_VERSIONS`` and charts no kept version uses."""
        files = self._version_files(folder)
        for _, path in files[:-MAX_VERSIONS]:
            path.unlink(missing_ok=True)
        used: set[str] = set()
        for _, path in files[-MAX_VERSIONS:]:
            used |= self._chart_digests(path)
        charts = folder / "charts"
        for chart in charts.glob("*.png") if charts.is_dir() else []:
            if chart.stem not in used:
                chart.unlink(missing_ok=True)

    @staticmethod
    def _chart_digests(path: Path) -> set[str]:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            return {str(v) for v in (record.get("chart_files") or {}).values()}
        except (OSError, ValueError, AttributeError):
            return set()

    @contextmanager
    def _locked(self, folder: Path) -> Iterator[None]:
        with open(folder / ".lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place: a reader sees
    the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

