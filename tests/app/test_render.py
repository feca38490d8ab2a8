"""Nothing from a document or a user reaches the page as HTML, links, images or scripts."""

from __future__ import annotations

import random
import string

from assistant.app.render import escape_markdown, highlighted_document, safe_markdown
from assistant.documents import Citation
from assistant.library import ingest_upload

HOSTILE = ("<script>alert('x')</script> <img src=x onerror=alert(1)> "
           "[click](javascript:alert(1)) ![pixel](http://tracker.example/p.png) "
           "$x^2$ :red[alarm] https://phish.example/login")


def test_safe_markdown_disarms_html_links_images_latex_and_directives():
    out = safe_markdown("Counties must act [1].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" + HOSTILE)
    assert "<script" not in out and "<img" not in out
    assert "](" not in out  # no link or image syntax survives
    assert "\\$x^2\\$" in out and "\\:red[" in out
    assert "https://" not in out
    # the composer's own Markdown is kept: markers, tables
    assert "Counties must act [1]." in out and "| a | b |" in out


def test_escape_markdown_neutralises_every_construct():
    out = escape_markdown("**bold** [x](y) <b>t</b> # h `c` $m$")
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "\\*\\*bold\\*\\*" in out and "\\[x\\]\\(y\\)" in out and "\\$m\\$" in out


def test_highlighted_document_escapes_text_and_marks_exactly_the_passage():
    text = "Before <b>bold</b>. " + HOSTILE + " After & more."
    start = text.index("<script>")
    end = start + len("<script>alert('x')</script>")
    out = highlighted_document(text, start, end)
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "<mark id='eb-passage'" in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</mark>" in out


def test_hostile_document_is_shown_escaped_in_the_source_panel(app, app_engine):
    word = "zantrove" + "".join(random.choices(string.ascii_lowercase, k=5))
    body = f"# The {word} notice\n\nThe {word} rule applies. {HOSTILE}\n"
    path, report = ingest_upload(app_engine, f"{word}.md", body.encode())
    doc_id = report.results[0].doc_id
    try:
        chunk = next(c for c in app_engine.document_chunks(doc_id) if "<script>" in c.text)
        citation = Citation.from_chunk(chunk)
        at = app.run()
        at.session_state["chat"] = [
            {"role": "user", "text": f"What is the {word} rule? <img src=x onerror=alert(2)>"},
            {"role": "assistant", "text": f"{chunk.text} [1]", "citations": [citation],
             "nearest": [], "abstained": False, "notice": None, "route": "extractive",
             "question": f"What is the {word} rule?"}]
        at.run()
        at.button_group[0].set_value(1).run()
        assert not at.exception
        shown = [m.value for message in at.chat_message for m in message.markdown]
        assert not any("<script" in v or "<img" in v or "](" in v for v in shown)
        body_html = at.get("html")[0].proto.body
        assert "<script" not in body_html and "<img" not in body_html
        assert "&lt;script&gt;" in body_html and "&lt;img src=x onerror=alert(1)&gt;" in body_html
    finally:
        app_engine.remove_document(doc_id)
        path.unlink(missing_ok=True)
