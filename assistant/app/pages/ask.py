"""Ask: chat with cited answers; each marker opens its passage highlighted in the document."""

from __future__ import annotations

import streamlit as st

from assistant.app import state
from assistant.app.i18n import language, t
from assistant.app.render import citation_header, escape_markdown, highlighted_document
from assistant.conversation import conversation_markdown
from assistant.documents import Citation
from assistant.retrieval import SearchFilters

EXAMPLES = {
    "en": ["What does the Compulsory Education Law require county governments to do about weak schools?",
           "How is the between-school coefficient of variation calculated?",
           "Which measures have counties used to keep good teachers in rural schools?"],
    "zh": ["义务教育优质均衡的资源配置指标有哪些？", "乡村小规模学校的公用经费如何核定？", "什么是县管校聘？"],
}
DOC_TYPES = ["law", "regulation", "policy", "standard", "case", "analysis", "upload"]
LEVELS = ["national", "provincial", "municipal", "county"]


def render() -> None:
    engine = state.ready_engine()
    settings = state.settings()
    if settings.llm_enabled:
        st.info(t("mode_llm", model=settings.llm_model, url=settings.llm_base_url), icon="🤖")
    else:
        st.info(t("mode_offline"), icon="📴")
    filters = _filters(engine)
    history: list[dict] = st.session_state.setdefault("chat", [])

    st.caption(t("examples"))
    columns = st.columns(3)
    asked = None
    for column, example in zip(columns, EXAMPLES[language()]):
        if column.button(example, key=f"example-{example}", use_container_width=True):
            asked = example

    for number, turn in enumerate(history):
        _show_turn(engine, number, turn)

    question = st.chat_input(t("ask_placeholder")) or asked
    if question:
        from assistant.answer import answer

        pairs = [(turn["role"], turn["text"]) for turn in history]
        with st.spinner(t("thinking")):
            result = answer(question[: settings.max_question_chars], history=pairs,
                            filters=filters, engine=engine)
        history.append({"role": "user", "text": question})
        history.append({"role": "assistant", "text": result.text, "citations": result.citations,
                        "nearest": result.nearest, "abstained": result.abstained,
                        "notice": result.notice, "route": result.route, "question": question})
        st.rerun()

    if history:
        left, right = st.columns(2)
        turns = [(turn["question"], turn["text"], turn["citations"])
                 for turn in history if turn["role"] == "assistant"]
        left.download_button(t("export_chat"), conversation_markdown(turns),
                             file_name="edubalance-conversation.md", mime="text/markdown")
        if right.button(t("clear_chat")):
            st.session_state["chat"] = []
            st.rerun()


def _filters(engine) -> SearchFilters:
    with st.sidebar.expander(t("filters"), expanded=False):
        types = st.multiselect(t("doc_types"), DOC_TYPES, key="f-types")
        levels = st.multiselect(t("levels"), LEVELS, key="f-levels")
        regions = sorted({str(d.metadata.get("region")) for d in engine.catalog.documents()
                          if d.metadata.get("region")})
        chosen_regions = st.multiselect(t("regions"), regions, key="f-regions")
        years = st.slider(t("years"), 1986, 2026, (1986, 2026), key="f-years")
    year_min, year_max = years
    return SearchFilters(doc_types=types, levels=levels, regions=chosen_regions,
                         year_min=None if year_min == 1986 else year_min,
                         year_max=None if year_max == 2026 else year_max)


def _show_turn(engine, number: int, turn: dict) -> None:
    with st.chat_message(turn["role"]):
        if turn["role"] == "user":
            st.markdown(escape_markdown(turn["text"]))
            return
        if turn.get("notice"):
            st.warning(turn["notice"])
        st.markdown(turn["text"])
        citations: list[Citation] = turn["citations"] or turn.get("nearest") or []
        if citations:
            st.caption(t("nearest_sources") if turn.get("abstained") else t("sources"))
        for marker, citation in enumerate(citations, start=1):
            label = f"[{marker}] {citation.title}" + (f" · {citation.locator}" if citation.locator else "")
            with st.expander(label, expanded=False):
                _source_panel(engine, citation)


def _source_panel(engine, citation: Citation) -> None:
    citation_header(citation)
    text = engine.catalog.document_text(citation.doc_id)
    st.caption(t("passage_in_document"))
    if text and text[citation.start:citation.end] == citation.text:
        st.html(highlighted_document(text, citation.start, citation.end))
    else:  # the document changed since the answer was given: show the passage alone
        st.text(citation.text)
