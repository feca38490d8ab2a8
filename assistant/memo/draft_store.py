"""What every memo draft store offers and returns: the ``DraftStore`` interface, who asks
(``Viewer``), what a draft and its versions look like, and the errors. The file store
(``drafts.FileDraftStore``) and the database store (``draft_db.DatabaseDraftStore``) both
implement it; callers import these names from ``assistant.memo.drafts``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from assistant.auth import INSTALLATION
from assistant.memo.model import Memo

MAX_VERSIONS = 20
FORMAT = 1
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{3,63}$")
COPY_SUFFIX = {"en": " (copy)", "zh": "（副本）"}


class DraftError(Exception):
    """A draft operation that failed; the message says which draft and why."""


class DraftNotFound(DraftError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "draft not found"


class DraftAccessDenied(DraftError, PermissionError):
    pass


class DraftSaveError(DraftError, OSError):
    pass


@dataclass(frozen=True)
class Viewer:
    """Who asks: ``owner`` is the signed-in identity (``INSTALLATION`` without sign-in);
    ``admin`` sees every draft."""

    owner: str = INSTALLATION
    admin: bool = False

    def may_see(self, owner: str) -> bool:
        return self.admin or owner == self.owner


@dataclass(frozen=True)
class DraftInfo:
    """What the list of drafts shows."""

    id: str
    title: str
    district: str
    lang: str
    kind: str
    owner: str
    created: str     # ISO time of the first save
    updated: str     # ISO time of the newest version
    version: int     # number of the newest version

    @property
    def updated_date(self) -> str:
        return self.updated[:10]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class VersionInfo:
    number: int
    saved: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Draft:
    info: DraftInfo
    memo: Memo


@dataclass(frozen=True)
class DamagedDraft:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class DraftListing:
    drafts: list[DraftInfo] = field(default_factory=list)
    damaged: list[DamagedDraft] = field(default_factory=list)


@runtime_checkable
class DraftStore(Protocol):
    """Memo drafts with versions. Every method checks that ``viewer`` may see the draft."""

    def create(self, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        """Store a new draft (version 1) owned by ``viewer``."""

    def save(self, draft_id: str, memo: Memo, viewer: Viewer, note: str = "") -> DraftInfo:
        """Store ``memo`` as the draft's next version (the oldest beyond 20 are dropped)."""

    def open(self, draft_id: str, viewer: Viewer, version: int | None = None) -> Draft:
        """The newest version (or ``version``)."""

    def list(self, viewer: Viewer) -> DraftListing:
        """The drafts ``viewer`` may see, newest first, and the files that could not be read."""

    def versions(self, draft_id: str, viewer: Viewer) -> list[VersionInfo]:
        """The kept versions, newest first."""

    def restore(self, draft_id: str, version: int, viewer: Viewer) -> DraftInfo:
        """Make an earlier version the newest (saved as a new version; nothing is lost)."""

    def duplicate(self, draft_id: str, viewer: Viewer) -> DraftInfo:
        """A copy of the newest version as a new draft owned by ``viewer``."""

    def delete(self, draft_id: str, viewer: Viewer) -> None:
        """Remove the draft and all its versions."""


class DerivedOperations:
    """Restore and duplicate, written once for every store: both are a save or a create of what
    ``open`` returns (a store subclasses this and implements the rest of ``DraftStore``)."""

    def restore(self, draft_id: str, version: int, viewer: Viewer) -> DraftInfo:
        old = self.open(draft_id, viewer, version)  # type: ignore[attr-defined]
        return self.save(draft_id, old.memo, viewer,  # type: ignore[attr-defined]
                         note=f"restored:{version}")

    def duplicate(self, draft_id: str, viewer: Viewer) -> DraftInfo:
        memo = self.open(draft_id, viewer).memo  # type: ignore[attr-defined]
        memo.title += COPY_SUFFIX.get(memo.lang, COPY_SUFFIX["en"])
        return self.create(memo, viewer, note=f"copy:{draft_id}")  # type: ignore[attr-defined]


def _now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
