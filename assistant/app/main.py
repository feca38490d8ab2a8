"""EduBalance Advisor — Streamlit entry point (search page until the full app lands)."""

from __future__ import annotations

import streamlit as st

from assistant.engine import Engine, open_engine

st.set_page_config(page_title="EduBalance Advisor", page_icon="📚", layout="wide")


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    return open_engine()


def main() -> None:
    st.title("EduBalance Advisor")
    st.caption("Balanced urban–rural compulsory education and government responsibility · "
               "城乡义务教育均衡发展与政府责任")
    eng = engine()
    if eng.is_empty():
        bar = st.progress(0.0, text="Building the index from the corpus (first start)…")
        eng.ensure_index(progress=lambda done, total, label: bar.progress(
            min(done / max(total, 1), 1.0), text=label))
        bar.empty()
    query = st.text_input("Search the corpus / 检索", key="query")
    if query:
        for number, hit in enumerate(eng.search(query, k=8), start=1):
            meta = hit.chunk.metadata
            with st.container(border=True):
                st.markdown(f"**[{number}] {hit.chunk.title}**")
                st.caption(" · ".join(str(x) for x in (meta.get("doc_number"), meta.get("date"),
                                                       hit.chunk.article or hit.chunk.section) if x))
                st.text(hit.chunk.text)


main()
