"""Ask page (AppTest): a question gets an answer with markers; a marker opens its passage
highlighted in its document; filters reach the search; the conversation exports."""

from __future__ import annotations

import html
import re
from pathlib import Path

from assistant.answer import answer
from assistant.app.render import escape_markdown
from assistant.conversation import conversation_markdown

CV_QUESTION = "How is the between-school coefficient of variation calculated?"


def _assistant_turns(at) -> list[dict]:
    return [turn for turn in at.session_state["chat"] if turn["role"] == "assistant"]


def test_first_page_shows_mode_notice_examples_and_chat_input(app):
    at = app.run()
    assert not at.exception
    assert at.title[0].value == "EduBalance Advisor"
    assert any("Offline mode" in info.value for info in at.info)
    examples = [b.label for b in at.button if b.key and b.key.startswith("example-")]
    assert any(re.search(r"[\u4e00-\u9fff]", label) for label in examples)  # Chinese examples too
    assert any(label.isascii() for label in examples)
    assert len(at.chat_input) == 1


def test_question_gets_markers_and_a_marker_opens_the_highlighted_passage(app, app_engine):
    at = app.run()
    at.chat_input[0].set_value(CV_QUESTION).run()
    assert not at.exception
    messages = at.chat_message
    assert [m.name for m in messages] == ["user", "assistant"]
    reply = messages[1]
    text = reply.markdown[0].value
    markers = sorted({int(n) for n in re.findall(r"\[(\d+)\]", text)})
    assert markers and markers[0] == 1

    # The app shows the same citations the library gives for this question.
    expected = answer(CV_QUESTION, engine=app_engine)
    turn = _assistant_turns(at)[-1]
    assert [c.chunk_id for c in turn["citations"]] == [c.chunk_id for c in expected.citations]
    pills = reply.button_group[0]
    assert len(pills.options) == len(expected.citations)
    assert pills.options[0].startswith("\\[1\\]")

    pills.set_value(1).run()
    assert not at.exception
    cited = expected.citations[0]
    panel = at.get("html")
    assert len(panel) == 1
    body = panel[0].proto.body
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", body, re.DOTALL)
    assert marked and marked.group(1) == html.escape(cited.text, quote=True)
    assert "eb-passage" in body
    # the header gives title, number, date and article/section
    captions = " ".join(c.value for c in at.caption)
    for value in (cited.doc_number, cited.date, cited.article or cited.section):
        if value:
            assert escape_markdown(str(value)) in captions
    assert any(m.value == f"**{escape_markdown(cited.title)}**" for m in at.markdown)


def test_filters_reach_the_search(app):
    at = app.run()
    at.multiselect(key="f-types").set_value(["case"]).run()
    at.chat_input[0].set_value("Which measures have counties used to keep good teachers in "
                               "rural schools?").run()
    assert not at.exception
    turn = _assistant_turns(at)[-1]
    cited = turn["citations"] or turn["nearest"]
    assert cited, "expected citations from cases"
    assert {c.doc_type for c in cited} == {"case"}
    assert any("Filters on" in c.value for c in at.caption)


def test_chinese_example_follow_up_and_export(app, app_engine):
    at = app.run()
    example = next(b for b in at.button if b.key == "example-义务教育优质均衡的资源配置指标有哪些？")
    example.click().run()
    assert not at.exception
    at.chat_input[0].set_value("乡村小规模学校的公用经费如何核定？").run()
    assert not at.exception
    turns = _assistant_turns(at)
    assert len(turns) == 2 and all(t["citations"] or t["nearest"] for t in turns)
    assert re.search(r"[\u4e00-\u9fff]", turns[0]["text"])
    download = at.get("download_button")
    assert download and download[0].proto.label == "Export conversation (Markdown)"
    exported = conversation_markdown([(t["question"], t["text"], t["citations"]) for t in turns])
    assert "## References" in exported and "义务教育优质均衡的资源配置指标有哪些" in exported

    at.button(key="clear-chat").click().run()
    assert at.session_state["chat"] == [] and not at.chat_message


def test_empty_or_too_long_question_is_refused_with_a_reason(app, app_engine):
    at = app.run()
    limit = app_engine.settings.max_question_chars
    assert at.chat_input[0].proto.max_chars == limit  # the browser stops typing at the limit
    at.chat_input[0].set_value("   ").run()
    assert "empty" in at.error[0].value
    assert at.session_state["chat"] == []
    at.chat_input[0].set_value("teacher rotation " * (limit // 10)).run()
    assert not at.exception
    assert len(at.session_state["chat"][0]["text"]) == limit  # cut at the limit, not beyond


def test_a_question_shared_as_a_link_is_asked_once(app):
    app.query_params["q"] = CV_QUESTION
    at = app.run()
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[0].markdown[0].value == escape_markdown(CV_QUESTION)
    at.run()  # a rerun (any widget) does not ask it again
    assert len(_assistant_turns(at)) == 1


def test_the_address_names_the_latest_question(app):
    at = app.run()
    at.chat_input[0].set_value(CV_QUESTION).run()
    assert at.query_params["q"] == CV_QUESTION
    at.run()
    assert len(_assistant_turns(at)) == 1  # the address's question was the one just asked


def test_an_answer_is_composed_once_and_later_runs_draw_it_from_the_stored_turn(app, monkeypatch):
    import assistant.answer as answer_package

    asked: list[str] = []
    real = answer_package.answer

    def counting(question, *args, **kwargs):
        asked.append(question)
        return real(question, *args, **kwargs)

    monkeypatch.setattr(answer_package, "answer", counting)
    at = app.run()
    at.chat_input[0].set_value(CV_QUESTION).run()
    at.chat_message[1].button_group[0].set_value(1).run()  # open a source: another run
    at.run()
    assert asked == [CV_QUESTION]
    assert len(at.get("html")) == 1  # the source panel, drawn from the stored citation


def test_one_sessions_document_read_serves_the_next(app_env, app_engine, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from assistant.app import state

    app_path = str(Path(__file__).resolve().parents[2] / "assistant" / "app" / "main.py")
    state._document_text.clear()
    reads: list[str] = []
    real = type(app_engine).document_text

    def counting(self, doc_id):
        reads.append(doc_id)
        return real(self, doc_id)

    monkeypatch.setattr(type(app_engine), "document_text", counting)
    for _ in range(2):  # two visitors open the first source of the same answer
        at = AppTest.from_file(app_path, default_timeout=120).run()
        at.chat_input[0].set_value(CV_QUESTION).run()
        at.chat_message[1].button_group[0].set_value(1).run()
        assert len(at.get("html")) == 1
    assert len(reads) == 1
