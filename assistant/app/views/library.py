"""Library: documents and metadata, search, timeline, upload, index status, re-index, remove.
Uploading, re-indexing and removing need the admin role (``assistant.auth``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd
import streamlit as st

from assistant import auth
from assistant.app import login, state
from assistant.app.i18n import language, t, value_label
from assistant.app.render import escape_markdown
from assistant.documents import number_label, unconfirmed_fields
from assistant.engine import IngestBusy
from assistant.library import (
    UploadError,
    ingest_upload,
    library_entries,
    reindex_uploads,
    remove_upload,
    timeline,
)

if TYPE_CHECKING:
    from assistant.engine import Engine

UPLOAD_TYPES = ["pdf", "docx", "md", "markdown", "txt", "html", "htm"]


def render() -> None:
    engine = state.ready_engine()
    _search(engine)
    entries = library_entries(engine)
    _documents(entries)
    _timeline(engine)
    _index(engine, entries)


def _search(engine: Engine) -> None:
    st.subheader(t("library_search"))
    query = st.text_input(t("library_search"), key="lib-query", label_visibility="collapsed")
    if not query:
        return
    hits = engine.search(query, k=8)
    if not hits:
        st.caption(t("no_results"))
    for number, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        with st.container(border=True):
            st.markdown(f"**\\[{number}\\] {escape_markdown(chunk.title)}**")
            number = number_label(chunk.metadata.get("doc_number"),
                                  unconfirmed_fields(chunk.metadata.get("unconfirmed")), language())
            st.caption(escape_markdown(" · ".join(str(x) for x in (
                chunk.doc_id, number, chunk.metadata.get("date"),
                chunk.article or chunk.section) if x)))
            st.text(chunk.text[:800])


def _documents(entries) -> None:
    st.subheader(t("library_documents"))
    types = sorted({e.doc_type for e in entries if e.doc_type})
    shown = st.multiselect(t("library_filter_type"), types, format_func=value_label, key="lib-types")
    zh = language() == "zh"
    rows = [{t("col_id"): e.doc_id, t("col_title"): (e.title_zh if zh and e.title_zh else e.title),
             t("col_type"): value_label(e.doc_type), t("col_level"): value_label(e.level),
             t("col_region"): e.region, t("col_date"): e.date, t("col_number"): e.number_label(language()),
             t("col_origin"): value_label(e.origin), t("col_chunks"): e.chunks,
             t("col_file"): e.source_name}
            for e in entries if not shown or e.doc_type in shown]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _timeline(engine: Engine) -> None:
    st.subheader(t("library_timeline"))
    points = pd.DataFrame(timeline(engine))
    if points.empty:
        return
    points["date"] = pd.to_datetime(points["date"].str.slice(0, 7), format="mixed", errors="coerce")
    points["type"] = points["doc_type"].map(value_label)
    chart = alt.Chart(points.dropna(subset=["date"])).mark_circle(size=90).encode(
        x=alt.X("date:T", title=None), y=alt.Y("type:N", title=None),
        color=alt.Color("type:N", legend=None), tooltip=["title", "date", "type"])
    st.altair_chart(chart, width="stretch")


def _index(engine: Engine, entries) -> None:
    settings = state.settings()
    st.subheader(t("library_index"))
    status = engine.status()
    st.caption(f"{t('library_status')}: {status.documents} {t('documents')}, {status.chunks} "
               f"{t('chunks')} · {t('model')}: {escape_markdown(status.model)} · "
               f"{t('store')}: {escape_markdown(status.store)}")
    role = login.role()
    if not auth.allowed(role, "upload"):
        st.info(t("admin_only"))
        return

    st.subheader(t("library_upload"))
    st.caption(t("library_upload_help", mb=settings.max_upload_mb))
    files = st.file_uploader(t("library_upload"), type=UPLOAD_TYPES, accept_multiple_files=True,
                             max_upload_size=settings.max_upload_mb, key="lib-upload",
                             label_visibility="collapsed")
    changed = [_ingest_once(engine, role, file) for file in files or []]
    if any(changed):
        st.rerun()  # the table, timeline and status above now include the new documents

    if st.button(t("library_reindex"), key="lib-reindex"):
        auth.require(role, "reindex")
        bar, update = state.progress_bar(t("indexing"))
        try:
            report = reindex_uploads(engine, progress=update)
        finally:
            bar.empty()
        st.success(t("library_reindexed", **{k: report.count(k) for k in
                                              ("indexed", "unchanged", "failed", "removed")}))
        for failure in report.failures:
            st.error(t("library_failed", name=escape_markdown(failure.path),
                       reason=escape_markdown(failure.reason)))

    st.subheader(t("library_remove"))
    if flash := st.session_state.pop("lib-flash", None):
        st.success(flash)
    uploads = [e for e in entries if e.origin == "upload"]
    if not uploads:
        st.caption(t("library_no_uploads"))
        return
    names = {e.doc_id: f"{e.title} ({e.source_name})" for e in uploads}
    doomed = st.selectbox(t("library_remove"), list(names), format_func=names.get,
                          key="lib-remove", label_visibility="collapsed")
    if st.button(t("library_remove_button"), key="lib-remove-button"):
        auth.require(role, "remove")
        try:
            remove_upload(engine, doomed)
        except UploadError as exc:
            st.error(escape_markdown(str(exc)))
            return
        st.session_state["lib-flash"] = t("library_removed", doc_id=escape_markdown(doomed))
        st.rerun()


def _ingest_once(engine: Engine, role, file) -> bool:
    """Index an uploaded file once per upload (the uploader keeps it across reruns); the
    outcome stays on screen. True when the index changed."""
    marker = f"lib-done-{file.file_id}"
    if marker not in st.session_state:
        auth.require(role, "upload")
        st.session_state[marker] = _ingest(engine, file)
        changed = st.session_state[marker][0] == "success"
    else:
        changed = False
    kind, message = st.session_state[marker]
    getattr(st, kind)(message)
    return changed


def _ingest(engine: Engine, file) -> tuple[str, str]:
    name = escape_markdown(file.name)
    bar, update = state.progress_bar(t("indexing"))
    try:
        _, report = ingest_upload(engine, file.name, file.getvalue(), progress=update)
    except (UploadError, IngestBusy) as exc:
        return "error", t("library_failed", name=name, reason=escape_markdown(str(exc)))
    finally:
        bar.empty()
    for result in report.results:
        if result.status == "failed":
            return "error", t("library_failed", name=name, reason=escape_markdown(result.reason))
        if result.status == "indexed":
            return "success", t("library_uploaded", name=name, chunks=result.chunks)
    return "info", t("library_unchanged", name=name)


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
