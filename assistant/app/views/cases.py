"""Cases: browse by region, topic and responsibility area; read one; compare two or three."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from assistant.app import state
from assistant.app.i18n import language, t, value_label
from assistant.cases import compare_cases, list_cases
from assistant.vocabulary import RESPONSIBILITY_AREAS, TOPICS

if TYPE_CHECKING:
    from assistant.engine import Engine


def render() -> None:
    engine = state.ready_engine()
    c1, c2, c3 = st.columns(3)
    region = c1.text_input(t("cases_filter_region"), key="case-region")
    topic = c2.selectbox(t("cases_filter_topic"), [None, *sorted(TOPICS)], key="case-topic",
                         format_func=lambda v: t("any") if v is None else value_label(v))
    area = c3.selectbox(t("cases_filter_area"), [None, *sorted(RESPONSIBILITY_AREAS)],
                        key="case-area",
                        format_func=lambda v: t("any") if v is None else value_label(v))
    cases = list_cases(engine, region=region or None, topic=topic, area=area)
    if not cases:
        st.info(t("cases_none"))
        return
    zh = language() == "zh"
    names = {c.doc_id: (c.title_zh if zh and c.title_zh else c.title) for c in cases}
    st.caption(t("cases_count", count=len(cases)))
    table = pd.DataFrame([{t("col_id"): c.doc_id, t("col_title"): names[c.doc_id],
                           t("col_region"): c.region, t("col_date"): c.date,
                           t("col_areas"): ", ".join(map(value_label, c.responsibility_areas))}
                          for c in cases])
    st.dataframe(table, hide_index=True, width="stretch")

    st.subheader(t("cases_read"))
    chosen = st.selectbox(t("cases_read"), list(names), format_func=names.get, key="case-read",
                          label_visibility="collapsed")
    if chosen:
        with st.container(border=True, height=420):
            st.text((engine.document_text(chosen) or "").strip())
        _add_to_memo(engine, chosen)

    st.subheader(t("cases_compare"))
    picked = st.multiselect(t("cases_pick"), list(names), format_func=names.get, max_selections=3,
                            key="case-compare")
    if len(picked) < 2:
        st.caption(t("cases_pick_hint"))
        return
    comparison = compare_cases(engine, picked)
    frame = pd.DataFrame([{t("section"): value_label(section), **{names[d]: row[d] for d in picked}}
                          for section, row in comparison.items()])
    st.dataframe(frame, hide_index=True, width="stretch")


def _add_to_memo(engine: Engine, doc_id: str) -> None:
    from assistant.app.add_to_memo import add_to_memo
    from assistant.memo.collect import case_excerpt, chinese_titles

    add_to_memo(f"case-add-{doc_id}", lambda lang: case_excerpt(engine, doc_id, lang),
                prefer=("cases", "measures"), titles_zh=lambda: chinese_titles(engine))


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
