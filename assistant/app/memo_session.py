"""The memo open in this browser session and its draft in the store.

The session holds the memo being edited; the store (``assistant.memo.drafts``) holds every saved
version. The draft's id is also put in the page's URL (``?draft=ID``), so a reload or a server
restart reopens it. A save that fails keeps the memo (and so the editor's text) in the session
and records the reason for the page to show.
"""

from __future__ import annotations

import streamlit as st

from assistant.app import state
from assistant.memo import Memo
from assistant.memo.drafts import DraftError, DraftInfo

MEMO_KEY = "memo"
ID_KEY = "memo-draft-id"
INFO_KEY = "memo-draft-info"
ERROR_KEY = "memo-save-error"
WIDGET_KEY = "memo-version"   # bumped so editors show text that changed under them
URL_PARAM = "draft"


def current() -> Memo | None:
    return st.session_state.get(MEMO_KEY)


def draft_id() -> str | None:
    return st.session_state.get(ID_KEY)


def info() -> DraftInfo | None:
    return st.session_state.get(INFO_KEY)


def save_error() -> str | None:
    return st.session_state.get(ERROR_KEY)


def refresh_editors() -> None:
    st.session_state[WIDGET_KEY] = st.session_state.get(WIDGET_KEY, 0) + 1


def show(memo: Memo, saved: DraftInfo | None) -> None:
    """Make ``memo`` the session's memo (``saved``: its draft, None when not stored yet)."""
    st.session_state[MEMO_KEY] = memo
    st.session_state[ID_KEY] = saved.id if saved else None
    st.session_state[INFO_KEY] = saved
    st.session_state.pop(ERROR_KEY, None)
    refresh_editors()


def start(memo: Memo) -> DraftInfo | None:
    """Store a new memo as a draft and open it; on failure it stays open, unsaved."""
    try:
        saved = state.draft_store().create(memo, state.viewer())
    except (DraftError, OSError) as exc:
        show(memo, None)
        st.session_state[ERROR_KEY] = str(exc)
        return None
    show(memo, saved)
    _keep_in_url(saved.id)
    return saved


def save(note: str = "") -> bool:
    """Save the session's memo as the next version of its draft (or as a new draft)."""
    memo = current()
    if memo is None:
        return False
    store, viewer = state.draft_store(), state.viewer()
    try:
        if draft_id() is None:
            saved = store.create(memo, viewer, note=note)
            st.session_state[ID_KEY] = saved.id
        else:
            saved = store.save(draft_id(), memo, viewer, note=note)
    except (DraftError, OSError) as exc:
        st.session_state[ERROR_KEY] = str(exc)
        return False
    st.session_state[INFO_KEY] = saved
    st.session_state.pop(ERROR_KEY, None)
    return True


def open_draft(wanted: str, version: int | None = None) -> None:
    """Open a stored draft (raises ``DraftError`` when it cannot be read or is not yours)."""
    draft = state.draft_store().open(wanted, state.viewer(), version)
    show(draft.memo, draft.info)
    _keep_in_url(wanted)


def close() -> None:
    for key in (MEMO_KEY, ID_KEY, INFO_KEY, ERROR_KEY):
        st.session_state.pop(key, None)
    st.query_params.pop(URL_PARAM, None)


def sync() -> str | None:
    """Bring the session up to date with the store before the page draws: open the draft the
    URL names (after a reload or a restart), or reload the open one when another tab or page
    saved a newer version. Returns an error to show, if any."""
    wanted = st.query_params.get(URL_PARAM)
    if wanted and wanted != draft_id():
        try:
            open_draft(wanted)
        except DraftError as exc:
            st.query_params.pop(URL_PARAM, None)
            return str(exc)
        return None
    if draft_id() is None or save_error():
        return None  # nothing stored to compare with, or unsaved text that must not be lost
    try:
        latest = state.draft_store().open(draft_id(), state.viewer())
    except DraftError as exc:
        close()
        return str(exc)
    known = info()
    if known is None or latest.info.version != known.version:
        show(latest.memo, latest.info)
    _keep_in_url(latest.info.id)
    return None


def _keep_in_url(wanted: str) -> None:
    if st.query_params.get(URL_PARAM) != wanted:
        st.query_params[URL_PARAM] = wanted
