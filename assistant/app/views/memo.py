"""Memo: edit each section, regenerate one section, export DOCX and Markdown. The memo is built
by the advisor page (``assistant.memo.build_memo``) and kept in the session."""

from __future__ import annotations

import streamlit as st

from assistant.app.i18n import t
from assistant.app.render import escape_markdown
from assistant.library import safe_file_name
from assistant.memo import Memo, memo_to_docx, memo_to_markdown, regenerate_section


def render() -> None:
    memo: Memo | None = st.session_state.get("memo")
    if memo is None:
        st.info(t("memo_none"))
        if st.button(t("memo_go_advisor"), key="memo-go-advisor"):
            st.switch_page("views/advisor.py")
        return
    st.header(escape_markdown(memo.title))
    st.caption(t("memo_meta", to=escape_markdown(memo.addressee), date=escape_markdown(memo.date),
                 author=escape_markdown(memo.author)))
    _exports(memo, "top")
    st.caption(t("memo_edit_hint"))
    for section in memo.sections:
        _section(memo, section)
    st.subheader(t("memo_references"))
    for ref in memo.references.items:
        st.markdown(f"{ref.number}\\. {escape_markdown(ref.line(memo.lang))}")
    _exports(memo, "bottom")


def _body_key(section_id: str) -> str:
    # The version makes a fresh widget after a regeneration, so it shows the new text.
    return f"memo-body-{section_id}-{st.session_state.get('memo-version', 0)}"


def _section(memo: Memo, section) -> None:
    key = _body_key(section.id)

    def save() -> None:
        memo.edit_section(section.id, st.session_state[key])

    def regenerate() -> None:
        regenerate_section(memo, section.id)
        st.session_state["memo-version"] = st.session_state.get("memo-version", 0) + 1

    with st.container(border=True):
        heading = escape_markdown(section.heading)
        st.subheader(f"{heading} · _{t('memo_edited')}_" if section.edited else heading)
        lines = section.body.count("\n") + 1
        st.text_area(section.heading, value=section.body, key=key, on_change=save,
                     height=min(600, 80 + 22 * lines), label_visibility="collapsed")
        for kind, item in section.blocks():
            if kind == "table":
                st.caption(escape_markdown(item.caption))
                st.dataframe(_table(item), hide_index=True, width="stretch")
            elif kind == "chart" and item in memo.charts:
                st.image(memo.charts[item], caption=memo.chart_captions.get(item, item))
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
    name = safe_file_name(f"memo-{memo.district}")
    left, right = st.columns(2)
    left.download_button(t("memo_export_docx"), lambda: memo_to_docx(memo),
                         file_name=f"{name}.docx", key=f"memo-docx-{where}",
                         mime="application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document")
    right.download_button(t("memo_export_md"), lambda: memo_to_markdown(memo),
                          file_name=f"{name}.md", mime="text/markdown",
                          key=f"memo-md-{where}")


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
