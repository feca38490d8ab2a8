"""Cases: browse by region, topic and responsibility area; read one; compare two or three."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.app import state
from assistant.app.i18n import language, t
from assistant.app.render import escape_markdown
from assistant.cases import compare_cases, list_cases
from assistant.corpus import RESPONSIBILITY_AREAS, TOPICS


def render() -> None:
    engine = state.ready_engine()
    any_label = t("any")
    c1, c2, c3 = st.columns(3)
    region = c1.text_input(t("cases_filter_region"), key="case-region")
    topic = c2.selectbox(t("cases_filter_topic"), [any_label, *sorted(TOPICS)], key="case-topic")
    area = c3.selectbox(t("cases_filter_area"), [any_label, *sorted(RESPONSIBILITY_AREAS)], key="case-area")
    cases = list_cases(engine, region=region or None, topic=None if topic == any_label else topic,
                       area=None if area == any_label else area)
    if not cases:
        st.info(t("cases_none"))
        return
    zh = language() == "zh"
    table = pd.DataFrame([{"id": c.doc_id, "title": (c.title_zh if zh and c.title_zh else c.title),
                           "region": c.region, "date": c.date,
                           "areas": ", ".join(c.responsibility_areas)} for c in cases])
    st.dataframe(table, hide_index=True, use_container_width=True)

    names = {c.doc_id: (c.title_zh if zh and c.title_zh else c.title) for c in cases}
    st.subheader(t("cases_read"))
    chosen = st.selectbox(t("cases_read"), list(names), format_func=names.get, key="case-read",
                          label_visibility="collapsed")
    if chosen:
        with st.container(border=True, height=420):
            st.text(engine.catalog.document_text(chosen).strip())

    st.subheader(t("cases_compare"))
    picked = st.multiselect(t("cases_pick"), list(names), format_func=names.get, max_selections=3,
                            key="case-compare")
    if len(picked) < 2:
        st.caption(t("cases_pick_hint"))
        return
    comparison = compare_cases(engine, picked)
    frame = pd.DataFrame([{t("section"): section, **{names[d]: row[d] for d in picked}}
                          for section, row in comparison.items()])
    st.dataframe(frame, hide_index=True, use_container_width=True)
    st.caption(" · ".join(escape_markdown(names[d]) for d in picked))
