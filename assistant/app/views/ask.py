"""Ask: chat with cited answers; each marker opens its passage highlighted in the document."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from assistant import vocabulary
from assistant.app import state
from assistant.app.i18n import language, t, value_label
from assistant.app.render import escape_markdown, safe_markdown, source_panel
from assistant.citations import label
from assistant.conversation import conversation_markdown
from assistant.documents import Citation
from assistant.retrieval import SearchFilters

if TYPE_CHECKING:
    from assistant.engine import Engine

# From ../shared/PRODUCT.md (the evaluation set is separate); the session's language first.
EXAMPLES = {
    "en": ["What does the Compulsory Education Law require county governments to do about weak schools?",
           "How is the between-school coefficient of variation calculated?",
           "Which measures have counties used to keep good teachers in rural schools?"],
    "zh": ["义务教育优质均衡的资源配置指标有哪些？", "乡村小规模学校的公用经费如何核定？"],
}
DOC_TYPES = [*vocabulary.DOC_TYPES, vocabulary.UPLOAD]
FIRST_YEAR, LAST_YEAR = 1986, 2026  # the 1986 Compulsory Education Law to now


def render() -> None:
    settings = state.settings()
    if settings.llm_enabled:
        st.info(t("mode_llm", model=settings.llm_model, url=settings.llm_base_url), icon=":material/smart_toy:")
    else:
        st.info(t("mode_offline"), icon=":material/cloud_off:")
    history: list[dict] = st.session_state.setdefault("chat", [])
    asked = _examples(expanded=not history)
    typed = st.chat_input(t("ask_placeholder"), max_chars=settings.max_question_chars, key="ask-input")
    question = typed or asked or _shared_question()

    # Everything above drew without the index; from here on the engine is needed.
    engine = state.ready_engine()
    with engine.one_version():  # regions, source panels and the answer: one version read
        _conversation(engine, question, history)


def _conversation(engine: Engine, question: str | None, history: list[dict]) -> None:
    """The filters, the conversation so far, the new question's answer and the chat's
    buttons."""
    filters = _filters(engine)
    # Earlier turns are drawn from their stored results: nothing is composed again.
    for number, turn in enumerate(history):
        _show_turn(engine, number, turn)

    if question:
        _ask(engine, question, history, filters)
    if history:
        left, right = st.columns(2)
        turns = [(turn["question"], turn["text"], turn["citations"])
                 for turn in history if turn["role"] == "assistant"]
        # built when the button is pressed, not on every run
        left.download_button(t("export_chat"), lambda: conversation_markdown(turns),
                             file_name="edubalance-conversation.md", mime="text/markdown",
                             key="export-chat")
        if right.button(t("clear_chat"), key="clear-chat"):
            st.session_state["chat"] = []
            st.rerun()


def _shared_question() -> str | None:
    """A question shared as a link (``/?q=…`` or ``/ask?q=…``): asked once per session and link.
    The address then names the latest question asked, so it can be copied and shared."""
    shared = " ".join(st.query_params.get("q", "").split())
    if not shared or st.session_state.get("shared-question") == shared:
        return None
    st.session_state["shared-question"] = shared
    return shared


def _examples(expanded: bool) -> str | None:
    ordered = EXAMPLES[language()] + [q for lang, qs in EXAMPLES.items() if lang != language()
                                      for q in qs]
    with st.expander(t("examples"), expanded=expanded):
        for example in ordered:
            if st.button(example, key=f"example-{example}"):
                return example
    return None


def _filters(engine: Engine) -> SearchFilters:
    with st.sidebar.expander(t("filters"), expanded=False):
        types = st.multiselect(t("doc_types"), DOC_TYPES, key="f-types", format_func=value_label)
        levels = st.multiselect(t("levels"), list(vocabulary.GOVERNMENT_LEVELS), key="f-levels", format_func=value_label)
        chosen_regions = st.multiselect(t("regions"), state.regions(engine), key="f-regions")
        year_min, year_max = st.slider(t("years"), FIRST_YEAR, LAST_YEAR, (FIRST_YEAR, LAST_YEAR),
                                       key="f-years")
    filters = SearchFilters(doc_types=types, levels=levels, regions=chosen_regions,
                            year_min=None if year_min == FIRST_YEAR else year_min,
                            year_max=None if year_max == LAST_YEAR else year_max)
    summary = [*map(value_label, types), *map(value_label, levels), *chosen_regions]
    if filters.year_min or filters.year_max:
        summary.append(f"{year_min}–{year_max}")
    if summary:
        st.caption(t("filters_active", summary=escape_markdown(", ".join(summary))))
    return filters


def _ask(engine: Engine, question: str, history: list[dict], filters: SearchFilters) -> None:
    from assistant.answer import QuestionError, answer  # the answer pipeline loads on first use

    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    pairs = [(turn["role"], turn["text"]) for turn in history]
    with st.chat_message("assistant"):
        with st.spinner(t("thinking")):
            try:
                result = answer(question, history=pairs, filters=filters, engine=engine)
            except QuestionError as exc:
                st.error(str(exc))
                return
        from assistant.commands.outage import with_keyword_only_notice

        notice = with_keyword_only_notice(result.notice, engine, result.language)  # Chroma down
        history.append({"role": "user", "text": question})
        history.append(_stored_turn(question, result, notice))
        # Drawn in this run, the way later runs draw it from the stored turn (same widget keys),
        # instead of a second script run just to show it.
        _answer_body(engine, len(history) - 1, history[-1])
    st.session_state["shared-question"] = question
    st.query_params["q"] = question  # the address is now a link to this question


def _stored_turn(question: str, result, notice: str | None) -> dict:
    """What later runs need to draw an answer without composing it again: its text already
    made safe, and its source pills' labels."""
    citations: list[Citation] = result.citations or result.nearest or []
    return {"role": "assistant", "text": result.text, "citations": result.citations,
            "nearest": result.nearest, "abstained": result.abstained, "notice": notice,
            "route": result.route, "question": question,
            "markdown": safe_markdown(result.text),
            "labels": [_pill_label(marker, citation)
                       for marker, citation in enumerate(citations, start=1)]}


def _show_turn(engine: Engine, number: int, turn: dict) -> None:
    with st.chat_message(turn["role"]):
        if turn["role"] == "user":
            st.markdown(escape_markdown(turn["text"]))
            return
        _answer_body(engine, number, turn)


def _answer_body(engine: Engine, number: int, turn: dict) -> None:
    """An answer inside its chat message: notice, text, route, source pills; the source panel
    only for the pill chosen, and its document read through the shared cache."""
    if turn.get("notice"):
        st.warning(turn["notice"])
    st.markdown(turn.get("markdown") or safe_markdown(turn["text"]))
    st.caption(t("route", route=value_label(turn.get("route") or "")))
    citations: list[Citation] = turn["citations"] or turn.get("nearest") or []
    if not citations:
        return
    stored = turn.get("labels") or [_pill_label(marker, citation)
                                    for marker, citation in enumerate(citations, start=1)]
    labels = dict(enumerate(stored, start=1))
    chosen = st.pills(t("nearest_sources") if turn.get("abstained") else t("sources"),
                      list(labels), format_func=labels.get, key=f"sources-{number}")
    if chosen:
        citation = citations[chosen - 1]
        with st.container(border=True, key=f"source-panel-{number}"):
            source_panel(citation, state.document_text(engine, citation.doc_id))
    if turn["citations"] and not turn.get("abstained"):
        _add_to_memo(engine, number, turn)


def _add_to_memo(engine: Engine, number: int, turn: dict) -> None:
    from assistant.app.add_to_memo import add_to_memo
    from assistant.memo.collect import answer_excerpt, chinese_titles

    add_to_memo(f"ask-add-{number}",
                lambda lang: answer_excerpt(turn["question"], turn["text"], turn["citations"],
                                            lang),
                prefer=("findings", "responsibilities"),
                titles_zh=lambda: chinese_titles(engine))


def _pill_label(marker: int, citation: Citation) -> str:
    title = " ".join(citation.title.split())
    title = title if len(title) <= 48 else title[:47] + "…"
    pill = f"[{marker}] {label(replace(citation, title=title))}"
    return escape_markdown(pill)  # pill labels are Markdown; titles come from documents


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
