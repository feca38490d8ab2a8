"""Library page (AppTest): the listing, search, timeline, upload (through the library function
and through the page's uploader), re-index and removal."""

from __future__ import annotations

import random
import string

from assistant.library import ingest_upload, library_entries, timeline


def _unique(prefix: str) -> str:
    """A made-up word (letters only, so the tokenizer keeps it whole)."""
    return prefix + "".join(random.choices(string.ascii_lowercase, k=6))


def _note(word: str) -> bytes:
    return (f"# The {word} notice\n\nCounty {word} rotates rural teachers every three years and "
            "reports the rotation rate to the provincial bureau.\n").encode()


def _library(app):
    at = app.run()
    at.switch_page("views/library.py").run()
    assert not at.exception
    return at


def test_listing_timeline_and_status(app, app_engine):
    at = _library(app)
    table = at.dataframe[0].value
    entries = library_entries(app_engine)
    assert list(table["ID"]) == [e.doc_id for e in entries]
    assert len(at.get("vega_lite_chart")) == 1 and timeline(app_engine)
    status = app_engine.status()
    assert any(f"{status.documents} documents, {status.chunks} passages" in c.value
               for c in at.caption)

    at.multiselect(key="lib-types").set_value(["law"]).run()
    shown = at.dataframe[0].value
    assert set(shown["Type"]) == {"Law"}
    assert len(shown) == sum(1 for e in entries if e.doc_type == "law")


def test_document_uploaded_through_the_library_is_listed_searchable_and_removable(app, app_engine):
    word = _unique("quillowmere")
    path, report = ingest_upload(app_engine, f"{word}-notice.md", _note(word))
    assert report.ok
    doc_id = report.results[0].doc_id
    try:
        at = _library(app)
        assert doc_id in list(at.dataframe[0].value["ID"])
        at.text_input(key="lib-query").set_value(word).run()
        assert any(word in text.value for text in at.text)

        at.selectbox(key="lib-remove").set_value(doc_id).run()
        at.button(key="lib-remove-button").click().run()
        assert not at.exception
        assert app_engine.document(doc_id) is None
        assert not path.exists()
        assert any(f"Removed {doc_id}" in s.value.replace("\\", "") for s in at.success)
        assert doc_id not in list(at.dataframe[0].value["ID"])
    finally:
        if app_engine.document(doc_id):
            app_engine.remove_document(doc_id)
        path.unlink(missing_ok=True)


def test_upload_through_the_page_sanitises_the_name_and_indexes_the_file(app, app_engine):
    word = _unique("brellicott")
    at = _library(app)
    at.file_uploader(key="lib-upload").upload(f"../../etc/{word}.md", _note(word),
                                              "text/markdown").run()
    assert not at.exception
    assert any("Indexed" in s.value for s in at.success), [e.value for e in at.error]
    uploads = app_engine.settings.uploads_dir
    saved = [p for p in uploads.iterdir() if word in p.name]
    try:
        assert len(saved) == 1 and saved[0].parent == uploads
        assert ".." not in saved[0].name and "/" not in saved[0].name
        entry = next(e for e in library_entries(app_engine) if word in e.title.lower()
                     or word in e.source_name)
        assert entry.origin == "upload"
        assert entry.doc_id in [hit.chunk.doc_id for hit in app_engine.search(word, k=3)]
        assert entry.doc_id in list(at.dataframe[0].value["ID"])  # listed after the rerun
    finally:
        for p in saved:
            row = app_engine.stores.catalog.document_by_source(str(p.resolve()))
            if row:
                app_engine.remove_document(row.doc_id)
            p.unlink(missing_ok=True)


def test_bad_upload_is_refused_with_a_reason_naming_the_file(app):
    at = _library(app)
    at.file_uploader(key="lib-upload").upload("empty-notice.txt", b"", "text/plain").run()
    assert not at.exception
    assert not any("Indexed" in s.value for s in at.success)
    message = at.error[0].value.replace("\\", "")
    assert "empty-notice.txt" in message and "empty" in message.split("empty-notice.txt", 1)[1]


def test_reindex_reports_what_it_did(app):
    at = _library(app)
    at.button(key="lib-reindex").click().run()
    assert not at.exception
    assert any("Re-indexed" in s.value for s in at.success)
