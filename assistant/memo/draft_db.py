"""Memo drafts in the catalog database (``DatabaseDraftStore``), the ``DraftStore`` that replicas
on several hosts share: ``open_draft_store`` returns it when ``ASSISTANT_DATABASE_URL`` is set.

Tables (``assistant/index/database.py``): ``drafts`` (one row per draft: owner and what the list
shows), ``draft_versions`` (one row per save, the newest 20 kept; the record is the same JSON a
``FileDraftStore`` version file holds) and ``draft_charts`` (chart images by SHA-256, stored once
per draft). A save is one transaction that locks the draft's row (``SELECT … FOR UPDATE`` on
PostgreSQL, the write lock on SQLite), so two replicas saving one draft get two versions, one
after the other, never one number twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from typing import Any

import sqlalchemy as sa

from assistant.index.database import (
    DatabaseUnavailable,
    draft_charts,
    draft_versions,
    drafts,
    transaction,
)
from assistant.memo.draft_store import (
    _ID,
    FORMAT,
    MAX_VERSIONS,
    DerivedOperations,
    Draft,
    DraftError,
    DraftInfo,
    DraftListing,
    DraftNotFound,
    DraftSaveError,
    VersionInfo,
    Viewer,
    _now,
)
from assistant.memo.model import Memo, MemoFormatError


class DatabaseDraftStore(DerivedOperations):
    """``DraftStore`` in a SQLAlchemy database (SQLite or PostgreSQL, the same statements)."""

    def __init__(self, database: sa.Engine) -> None:
        self.database = database

    # -- reading -------------------------------------------------------------------------------

    def list(self, viewer: Viewer) -> DraftListing:
        query = sa.select(drafts).order_by(drafts.c.updated.desc(), drafts.c.id)
        if not viewer.admin:
            query = query.where(drafts.c.owner == viewer.owner)
        with transaction(self.database) as db:
            rows = db.execute(query).mappings().all()
        return DraftListing(drafts=[_info(row) for row in rows])

    def open(self, draft_id: str, viewer: Viewer, version: int | None = None) -> Draft:
        with transaction(self.database) as db:
            row = self._row(db, draft_id, viewer)
            number = row["version"] if version is None else version
            record = db.execute(sa.select(draft_versions.c.record).where(
                draft_versions.c.draft_id == draft_id,
                draft_versions.c.number == number)).scalar()
            if record is None:
                raise DraftNotFound(f"draft {draft_id}: no version {number}")
            data = _parse(draft_id, number, record)
            digests = set((data.get("chart_files") or {}).values())
            pngs = dict(db.execute(sa.select(draft_charts.c.digest, draft_charts.c.png).where(
                draft_charts.c.draft_id == draft_id,
                draft_charts.c.digest.in_(sorted(digests)))).all()) if digests else {}
        charts = {key: bytes(pngs[digest]) for key, digest in data["chart_files"].items()
                  if digest in pngs} if digests else {}
        info = _info(row)
        if version is not None:  # an older version: its own title and time
            memo = data["memo"]
            info = DraftInfo(id=draft_id, title=str(memo.get("title") or ""),
                             district=str(memo.get("district") or ""),
                             lang=str(memo.get("lang") or ""),
                             kind=str(memo.get("kind") or "district"), owner=row["owner"],
                             created=row["created"], updated=str(data.get("saved") or ""),
                             version=number)
        return Draft(info, Memo.from_json(data["memo"], charts))

    def versions(self, draft_id: str, viewer: Viewer) -> list[VersionInfo]:
        with transaction(self.database) as db:
            self._row(db, draft_id, viewer)
            rows = db.execute(sa.select(draft_versions.c.number, draft_versions.c.saved,
                                        draft_versions.c.note)
                              .where(draft_versions.c.draft_id == draft_id)
                              .order_by(draft_versions.c.number.desc())).all()
        return [VersionInfo(number, saved, note) for number, saved, note in rows]

    # -- writing -------------------------------------------------------------------------------

    def create(self, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        draft_id = f"{dt.date.today():%Y%m%d}-{secrets.token_hex(4)}"
        now = _now()
        try:
            with transaction(self.database, write=True) as db:
                db.execute(drafts.insert().values(id=draft_id, owner=viewer.owner, created=now,
                                                  **_listed(memo, now, 1)))
                self._write_version(db, draft_id, 1, memo, owner=viewer.owner, created=now,
                                    note=note)
        except DatabaseUnavailable as exc:
            raise DraftSaveError(f"could not create a draft: {exc}") from exc
        return self.open(draft_id, viewer).info

    def save(self, draft_id: str, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        try:
            with transaction(self.database, write=True) as db:
                row = self._row(db, draft_id, viewer, lock=True)
                number = row["version"] + 1
                now = _now()
                self._write_version(db, draft_id, number, memo, owner=row["owner"],
                                    created=row["created"], note=note)
                db.execute(drafts.update().where(drafts.c.id == draft_id)
                           .values(**_listed(memo, now, number)))
                self._prune(db, draft_id, number)
        except DatabaseUnavailable as exc:
            raise DraftSaveError(f"could not save draft {draft_id}: {exc}") from exc
        return self.open(draft_id, viewer).info

    def delete(self, draft_id: str, viewer: Viewer) -> None:
        with transaction(self.database, write=True) as db:
            self._row(db, draft_id, viewer, lock=True)
            for table in (draft_charts, draft_versions):
                db.execute(table.delete().where(table.c.draft_id == draft_id))
            db.execute(drafts.delete().where(drafts.c.id == draft_id))

    # -- internals -----------------------------------------------------------------------------

    @staticmethod
    def _row(db: sa.Connection, draft_id: str, viewer: Viewer,
             lock: bool = False) -> dict[str, Any]:
        if not _ID.match(draft_id or ""):
            raise DraftNotFound(f"no draft {draft_id!r}: an id is 4–64 letters, digits and '-'")
        query = sa.select(drafts).where(drafts.c.id == draft_id)
        row = db.execute(query.with_for_update() if lock else query).mappings().first()
        if row is None:
            raise DraftNotFound(f"no draft {draft_id!r}")
        if not viewer.may_see(row["owner"]):
            # Said as "not found": a user learns nothing about other users' drafts.
            raise DraftNotFound(f"no draft {draft_id!r} of yours")
        return dict(row)

    @staticmethod
    def _write_version(db: sa.Connection, draft_id: str, number: int, memo: Memo, *,
                       owner: str, created: str, note: str) -> None:
        chart_files = {}
        for key, png in memo.charts.items():
            digest = hashlib.sha256(png).hexdigest()
            chart_files[key] = digest
            stored = db.execute(sa.select(draft_charts.c.digest).where(
                draft_charts.c.draft_id == draft_id, draft_charts.c.digest == digest)).first()
            if stored is None:
                db.execute(draft_charts.insert().values(draft_id=draft_id, digest=digest,
                                                        png=png))
        saved = _now()
        record = {"format": FORMAT, "version": number, "owner": owner, "created": created,
                  "saved": saved, "note": note, "chart_files": chart_files,
                  "memo": memo.to_json()}
        db.execute(draft_versions.insert().values(
            draft_id=draft_id, number=number, saved=saved, note=note,
            record=json.dumps(record, ensure_ascii=False)))

    @staticmethod
    def _prune(db: sa.Connection, draft_id: str, newest: int) -> None:
        """Drop versions beyond the newest ``MAX_VERSIONS`` and charts no kept version uses."""
        v = draft_versions
        db.execute(v.delete().where(v.c.draft_id == draft_id,
                                    v.c.number <= newest - MAX_VERSIONS))
        used: set[str] = set()
        for (record,) in db.execute(sa.select(v.c.record).where(v.c.draft_id == draft_id)):
            used |= set((json.loads(record).get("chart_files") or {}).values())
        stored = db.execute(sa.select(draft_charts.c.digest)
                            .where(draft_charts.c.draft_id == draft_id)).scalars().all()
        unused = [digest for digest in stored if digest not in used]
        if unused:
            db.execute(draft_charts.delete().where(draft_charts.c.draft_id == draft_id,
                                                   draft_charts.c.digest.in_(unused)))


def _listed(memo: Memo, updated: str, version: int) -> dict[str, Any]:
    """The columns of ``drafts`` the list of drafts shows."""
    return {"updated": updated, "version": version, "title": memo.title or "",
            "district": memo.district or "", "lang": memo.lang or "",
            "kind": memo.kind or "district"}


def _info(row: Any) -> DraftInfo:
    return DraftInfo(id=row["id"], title=row["title"], district=row["district"],
                     lang=row["lang"], kind=row["kind"], owner=row["owner"],
                     created=row["created"], updated=row["updated"], version=row["version"])


def _parse(draft_id: str, number: int, record: str) -> dict[str, Any]:
    try:
        data = json.loads(record)
        Memo.from_json(data["memo"])
    except (ValueError, KeyError, TypeError, MemoFormatError) as exc:
        raise DraftError(f"draft {draft_id} version {number}: not a readable draft ({exc})") \
            from exc
    return data
