""""Add to memo" on an answer (Ask) or a case (Cases): pick a draft and a section, or start a
topic memo; the excerpt and its citations go in through ``assistant.memo.collect``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assistant.app import memo_session, state
from assistant.app.i18n import language, t
from assistant.memo import Memo
from assistant.memo.collect import Excerpt, add_excerpt, topic_memo
from assistant.memo.drafts import DraftError

NEW = "__new__"


def add_to_memo(key: str, excerpt_for: Callable[[str], Excerpt], prefer: tuple[str, ...],
                titles_zh: Callable[[], dict[str, str]] | None = None) -> None:
    """A popover that adds ``excerpt_for(memo_language)`` to a chosen memo section.
    ``prefer``: section ids to offer first (the first present is the default).

    Its form is built only while it is open (opening it reruns the page): every answer of the
    conversation has one, and building them all on every run was a tenth of a server answer's
    time. Its open state is ``st.session_state[f"{key}-popover"]``."""
    with st.popover(t("add_to_memo"), icon=":material/note_add:", key=f"{key}-popover",
                    on_change="rerun") as popover:
        if popover.open:
            _form(key, excerpt_for, prefer, titles_zh)


def _form(key: str, excerpt_for: Callable[[str], Excerpt], prefer: tuple[str, ...],
          titles_zh: Callable[[], dict[str, str]] | None) -> None:
    """The open popover: memo, section, "Add", and what the last "Add" did."""
    store, viewer = state.draft_store(), state.viewer()
    drafts = {d.id: d for d in store.list(viewer).drafts}
    options = [NEW, *drafts]
    open_id = memo_session.draft_id()
    # Defaults go through the session state (the "Add" callback moves them too): the open
    # memo first, else a new topic memo; a draft deleted meanwhile is forgotten.
    if st.session_state.get(f"{key}-target") not in options:
        st.session_state[f"{key}-target"] = open_id if open_id in drafts else NEW
    new_label = t("add_new_topic")  # looked up now: a format function runs out of the run
    target = st.selectbox(
        t("add_target"), options, key=f"{key}-target",
        format_func=lambda i: new_label if i == NEW else drafts[i].title)
    if target == NEW:
        st.text_input(t("memo_topic"), key=f"{key}-topic",
                      placeholder=t("memo_topic_placeholder"))
        memo: Memo = topic_memo("", language())
    else:
        try:
            memo = store.open(target, viewer).memo
        except DraftError as exc:
            st.error(t("add_failed", reason=str(exc)))
            return
    sections = {s.id: s.heading for s in memo.sections}
    ids = list(sections)
    section_key = f"{key}-section-{target}"
    if st.session_state.get(section_key) not in sections:
        st.session_state[section_key] = next((p for p in prefer if p in sections), ids[0])
    st.selectbox(t("add_section"), ids, format_func=sections.get, key=section_key)
    st.button(t("add_button"), key=f"{key}-add", type="primary", on_click=_add,
              args=(key, target, excerpt_for, titles_zh))
    failed = st.session_state.pop(f"{key}-error", None)
    if failed:
        st.error(t("add_failed", reason=failed))
    done = st.session_state.get(f"{key}-done")
    if done:
        st.success(done)
        if st.button(t("add_open_memo"), key=f"{key}-open"):
            st.switch_page("views/memo.py")


def _add(key: str, target: str, excerpt_for: Callable[[str], Excerpt],
         titles_zh: Callable[[], dict[str, str]] | None) -> None:
    """The "Add" button's callback: it runs before the page does, so it may point the memo
    picker at the draft just made (the next "Add" then goes to the same memo)."""
    store, viewer = state.draft_store(), state.viewer()
    section = st.session_state.get(f"{key}-section-{target}")
    try:
        if target == NEW:
            memo = topic_memo(st.session_state.get(f"{key}-topic") or "", language())
        elif target == memo_session.draft_id() and memo_session.current() is not None \
                and not memo_session.save_error():
            memo = memo_session.current()  # the open memo: keeps what regeneration needs
        else:
            memo = store.open(target, viewer).memo
        add_excerpt(memo, section or memo.sections[0].id, excerpt_for(memo.lang),
                    titles_zh() if titles_zh else None)
        saved = (store.create(memo, viewer, note="added") if target == NEW
                 else store.save(target, memo, viewer, note="added"))
    except (DraftError, OSError, KeyError, ValueError) as exc:
        st.session_state[f"{key}-error"] = str(exc)
        return
    # The memo page shows this draft next, with what was just added.
    memo_session.show(memo, saved)
    heading = next(s.heading for s in memo.sections if s.id == (section or memo.sections[0].id))
    message = t("add_done", title=saved.title, section=heading)
    st.toast(message)
    st.session_state[f"{key}-done"] = message
    st.session_state[f"{key}-target"] = saved.id
    st.session_state[f"{key}-section-{saved.id}"] = section
