"""Memo: the saved drafts (open, duplicate, delete, restore a version, start a topic memo), and
the open memo: edit each section (saved as a new version on every edit), regenerate a section
of a freshly drafted district memo, export PDF, DOCX and Markdown. The work is done by
``assistant.memo`` (model, drafts, exports); ``memo_session`` keeps the open memo."""

from __future__ import annotations

import streamlit as st

from assistant.app import memo_session, state
from assistant.app.i18n import language, t
from assistant.app.render import escape_markdown
from assistant.library import safe_file_name
from assistant.memo import Memo, memo_to_docx, memo_to_markdown, regenerate_section
from assistant.memo.drafts import DraftError, DraftInfo, VersionInfo

LANG_NAMES = {"en": "English", "zh": "中文"}


def render() -> None:
    problem = memo_session.sync()
    if problem:
        st.error(t("memo_open_failed", reason=problem))
    memo = memo_session.current()
    _drafts(expanded=memo is None)
    if memo is None:
        st.info(t("memo_none"))
        if st.button(t("memo_go_advisor"), key="memo-go-advisor"):
            st.switch_page("views/advisor.py")
        return
    st.header(escape_markdown(memo.title))
    st.caption(t("memo_meta", to=escape_markdown(memo.addressee), date=escape_markdown(memo.date),
                 author=escape_markdown(memo.author)))
    _save_status()
    _versions()
    _exports(memo, "top")
    st.caption(t("memo_edit_hint"))
    if memo.context is None and memo.kind == "district":
        st.caption(t("memo_no_regenerate"))
    for section in memo.sections:
        _section(memo, section)
    st.subheader(t("memo_references"))
    for ref in memo.references.items:
        st.markdown(f"{ref.number}\\. {escape_markdown(ref.line(memo.lang))}")
    _exports(memo, "bottom")


# -- the drafts --------------------------------------------------------------------------------

def _drafts(expanded: bool) -> None:
    store, viewer = state.draft_store(), state.viewer()
    listing = store.list(viewer)
    for damaged in listing.damaged:
        st.warning(t("memo_damaged", name=str(damaged.path), reason=damaged.reason))
    with st.expander(t("memo_drafts", count=len(listing.drafts)), expanded=expanded):
        if listing.drafts:
            _draft_table(listing.drafts, show_owner=viewer.admin and not
                         state.access_policy().is_open)
            _draft_actions(listing.drafts)
        else:
            st.caption(t("memo_no_drafts"))
        _new_topic_memo()


def _draft_table(drafts: list[DraftInfo], show_owner: bool) -> None:
    import pandas as pd

    rows = []
    for d in drafts:
        row = {t("memo_col_title"): d.title, t("memo_col_district"): d.district or "—",
               t("memo_col_date"): d.updated_date, t("memo_col_lang"): LANG_NAMES.get(d.lang, d.lang),
               t("memo_col_versions"): d.version}
        if show_owner:
            row[t("memo_col_owner")] = d.owner
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _draft_actions(drafts: list[DraftInfo]) -> None:
    by_id = {d.id: d for d in drafts}
    open_id = memo_session.draft_id()
    ids = list(by_id)
    chosen = st.selectbox(t("memo_pick"), ids, index=ids.index(open_id) if open_id in by_id else 0,
                          format_func=lambda i: f"{by_id[i].title} · {by_id[i].updated_date} · "
                                                f"{LANG_NAMES.get(by_id[i].lang, by_id[i].lang)}",
                          key="memo-pick")
    left, middle, right = st.columns(3)
    if left.button(t("memo_open"), key="memo-open", type="primary"):
        _open(chosen)
    if middle.button(t("memo_duplicate"), key="memo-duplicate"):
        try:
            copy = state.draft_store().duplicate(chosen, state.viewer())
        except DraftError as exc:
            st.error(t("memo_open_failed", reason=str(exc)))
        else:
            _open(copy.id)
    if right.button(t("memo_delete"), key="memo-delete"):
        st.session_state["memo-confirm-delete"] = chosen
    pending = st.session_state.get("memo-confirm-delete")
    if pending in by_id:
        st.warning(t("memo_delete_confirm", title=by_id[pending].title))
        yes, no = st.columns(2)
        if yes.button(t("memo_delete_yes"), key="memo-delete-yes", type="primary"):
            st.session_state.pop("memo-confirm-delete", None)
            try:
                state.draft_store().delete(pending, state.viewer())
            except DraftError as exc:
                st.error(t("memo_open_failed", reason=str(exc)))
                return
            if pending == memo_session.draft_id():
                memo_session.close()
            st.session_state["memo-flash"] = t("memo_deleted", title=by_id[pending].title)
            st.rerun()
        if no.button(t("memo_delete_no"), key="memo-delete-no"):
            st.session_state.pop("memo-confirm-delete", None)
            st.rerun()
    flash = st.session_state.pop("memo-flash", None)
    if flash:
        st.success(flash)


def _open(wanted: str) -> None:
    try:
        memo_session.open_draft(wanted)
    except DraftError as exc:
        st.error(t("memo_open_failed", reason=str(exc)))
        return
    st.rerun()


def _new_topic_memo() -> None:
    from assistant.memo.collect import topic_memo

    st.markdown(f"**{t('memo_new_topic')}**")
    left, middle, right = st.columns([3, 1, 1])
    topic = left.text_input(t("memo_topic"), key="memo-new-topic",
                            placeholder=t("memo_topic_placeholder"))
    lang = middle.selectbox(t("memo_lang"), ["en", "zh"], index=0 if language() == "en" else 1,
                            format_func=LANG_NAMES.get, key="memo-new-lang")
    right.write("")
    if right.button(t("memo_start"), key="memo-new-start"):
        memo_session.start(topic_memo(topic, lang))
        st.rerun()


# -- the open memo -----------------------------------------------------------------------------

def _save_status() -> None:
    error = memo_session.save_error()
    if error:
        st.error(t("memo_save_failed", reason=error))
        retry = st.button(t("memo_retry_save"), key="memo-retry-save", type="primary")
        if retry and memo_session.save():
            st.rerun()
        return
    saved = memo_session.info()
    if saved is not None:
        st.caption(t("memo_saved", version=saved.version, time=saved.updated[:16].replace("T", " ")))


def _versions() -> None:
    wanted = memo_session.draft_id()
    if wanted is None:
        return
    try:
        versions = state.draft_store().versions(wanted, state.viewer())
    except DraftError:
        return
    with st.expander(t("memo_versions", count=len(versions))):
        numbers = [v.number for v in versions]
        labels = {v.number: _version_label(v) for v in versions}
        chosen = st.selectbox(t("memo_versions", count=len(versions)), numbers,
                              format_func=labels.get, key="memo-version-pick",
                              label_visibility="collapsed")
        if st.button(t("memo_restore"), key="memo-restore", disabled=chosen == numbers[0]):
            try:
                restored = state.draft_store().restore(wanted, chosen, state.viewer())
                memo_session.open_draft(wanted)
            except DraftError as exc:
                st.error(t("memo_open_failed", reason=str(exc)))
                return
            st.session_state["memo-flash-restore"] = t("memo_restored", number=chosen,
                                                       new=restored.version)
            st.rerun()
    flash = st.session_state.pop("memo-flash-restore", None)
    if flash:
        st.success(flash)


def _version_label(version: VersionInfo) -> str:
    note = ""
    if version.note.startswith("restored:"):
        note = t("memo_version_restored", number=version.note.split(":", 1)[1])
    return t("memo_version_label", number=version.number,
             saved=version.saved[:19].replace("T", " "), note=note)


def _body_key(section_id: str) -> str:
    # The version makes a fresh widget after a regeneration or a restore, so it shows the new text.
    return f"memo-body-{section_id}-{st.session_state.get(memo_session.WIDGET_KEY, 0)}"


def _section(memo: Memo, section) -> None:
    key = _body_key(section.id)

    def save() -> None:
        memo.edit_section(section.id, st.session_state[key])
        memo_session.save()

    def regenerate() -> None:
        regenerate_section(memo, section.id)
        memo_session.refresh_editors()
        memo_session.save(note=f"regenerated:{section.id}")

    with st.container(border=True):
        heading = escape_markdown(section.heading)
        st.subheader(f"{heading} · _{t('memo_edited')}_" if section.edited else heading)
        lines = section.body.count("\n") + 1
        st.text_area(section.heading, value=section.body, key=key, on_change=save,
                     height=min(600, 80 + 22 * lines), label_visibility="collapsed")
        for kind, item in section.blocks():
            if kind == "table":
                if item.caption:
                    st.caption(escape_markdown(item.caption))
                st.dataframe(_table(item), hide_index=True, width="stretch")
            elif kind == "chart" and item in memo.charts:
                st.image(memo.charts[item], caption=memo.chart_captions.get(item, item))
        if memo.context is not None:
            st.button(t("memo_regenerate"), key=f"memo-regen-{section.id}", on_click=regenerate)


def _table(table):
    import pandas as pd

    columns = _unique(table.columns)
    return pd.DataFrame(table.rows, columns=columns)


def _unique(columns: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for column in columns:
        seen[column] = seen.get(column, 0) + 1
        result.append(column if seen[column] == 1 else f"{column} ({seen[column]})")
    return result


def _exports(memo: Memo, where: str) -> None:
    from assistant.memo.pdf import PdfFontMissing, find_fonts, memo_to_pdf

    name = safe_file_name(f"memo-{memo.district or memo.title}")
    left, middle, right = st.columns(3)
    try:
        find_fonts()
    except PdfFontMissing as exc:
        left.warning(t("memo_pdf_unavailable", reason=str(exc)))
    else:
        left.download_button(t("memo_export_pdf"), lambda: memo_to_pdf(memo),
                             file_name=f"{name}.pdf", mime="application/pdf",
                             key=f"memo-pdf-{where}", type="primary")
    middle.download_button(t("memo_export_docx"), lambda: memo_to_docx(memo),
                           file_name=f"{name}.docx", key=f"memo-docx-{where}",
                           mime="application/vnd.openxmlformats-officedocument."
                                "wordprocessingml.document")
    right.download_button(t("memo_export_md"), lambda: memo_to_markdown(memo),
                          file_name=f"{name}.md", mime="text/markdown",
                          key=f"memo-md-{where}")


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
