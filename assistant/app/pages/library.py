"""Library: documents and metadata, search, timeline, upload, index status, re-index, remove."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.app import state
from assistant.app.i18n import t
from assistant.library import (UploadError, ingest_upload, library_entries, reindex_uploads,
                               remove_upload, timeline)


def render() -> None:
    engine = state.ready_engine()
    settings = state.settings()

    st.subheader(t("library_search"))
    query = st.text_input(t("library_search"), key="lib-query", label_visibility="collapsed")
    if query:
        hits = engine.search(query, k=8)
        if not hits:
            st.caption(t("no_results"))
        for number, hit in enumerate(hits, start=1):
            with st.container(border=True):
                meta = hit.chunk.metadata
                st.markdown(f"**[{number}] {_plain(hit.chunk.title)}**")
                st.caption(" · ".join(str(x) for x in (hit.chunk.doc_id, meta.get("doc_number"),
                                                       meta.get("date"), hit.chunk.article
                                                       or hit.chunk.section) if x))
                st.text(hit.chunk.text[:800])

    st.subheader(t("library_documents"))
    entries = library_entries(engine)
    st.dataframe(pd.DataFrame([e.__dict__ for e in entries]), hide_index=True,
                 use_container_width=True)

    st.subheader(t("library_timeline"))
    points = pd.DataFrame(timeline(engine))
    if not points.empty:
        points["date"] = pd.to_datetime(points["date"].str.slice(0, 7), format="mixed", errors="coerce")
        chart = alt.Chart(points.dropna(subset=["date"])).mark_circle(size=90).encode(
            x=alt.X("date:T", title=None), y=alt.Y("doc_type:N", title=None),
            color=alt.Color("doc_type:N", legend=None), tooltip=["title", "date", "doc_type"])
        st.altair_chart(chart, use_container_width=True)

    st.subheader(t("library_upload"))
    st.caption(t("library_upload_help", mb=settings.max_upload_mb))
    files = st.file_uploader(t("library_upload"), type=["pdf", "docx", "md", "markdown", "txt",
                                                        "html", "htm"],
                             accept_multiple_files=True, key="lib-upload", label_visibility="collapsed")
    for file in files or []:
        marker = f"done-{file.file_id}"
        if st.session_state.get(marker):
            continue
        bar, update = state.progress_bar(t("indexing"))
        try:
            _, report = ingest_upload(engine, file.name, file.getvalue(), progress=update)
        except UploadError as exc:
            st.error(str(exc))
            continue
        finally:
            bar.empty()
        st.session_state[marker] = True
        for result in report.results:
            if result.status == "failed":
                st.error(t("library_failed", name=file.name, reason=result.reason))
            else:
                st.success(t("library_uploaded", name=file.name, chunks=result.chunks))

    st.subheader(t("library_index"))
    status = engine.status()
    st.caption(f"{t('library_status')}: {status.documents} {t('documents')}, {status.chunks} "
               f"{t('chunks')} · {t('model')}: {status.model} · {t('store')}: {status.store}")
    if st.button(t("library_reindex")):
        bar, update = state.progress_bar(t("indexing"))
        reindex_uploads(engine, progress=update)
        bar.empty()
        st.rerun()
    uploads = [e for e in entries if e.origin == "upload"]
    if not uploads:
        st.caption(t("library_no_uploads"))
        return
    doomed = st.selectbox(t("library_remove"), [e.doc_id for e in uploads], key="lib-remove")
    if st.button(t("library_remove_button"), key="lib-remove-button"):
        remove_upload(engine, doomed)
        st.success(t("library_removed", doc_id=doomed))
        st.rerun()


def _plain(text: str) -> str:
    from assistant.app.render import escape_markdown

    return escape_markdown(text)
