"""Uploads: stored under the data directory, searchable at once, still there after a restart,
removable; corpus documents cannot be removed through the upload path."""

import pytest

from assistant.engine import Engine
from assistant.library import UploadError, ingest_upload, library_entries, remove_upload, timeline


def test_an_upload_survives_a_restart_and_can_be_removed(mini_settings):
    engine = Engine(mini_settings)
    engine.ingest()
    path, report = ingest_upload(engine, "provincial-notice.md",
                                 b"# Provincial notice\n\nCounties shall publish quinquennial audits.")
    assert report.ok and path.parent == mini_settings.uploads_dir and path.is_file()
    engine.stores.catalog.close()

    restarted = Engine(mini_settings)  # a new process would build exactly this
    uploads = [e for e in library_entries(restarted) if e.origin == "upload"]
    assert [e.source_name for e in uploads] == ["provincial-notice.md"]
    hits = restarted.search("quinquennial audits", k=3)
    assert hits and hits[0].chunk.doc_id == uploads[0].doc_id
    assert restarted.ingest().count("removed") == 0  # re-indexing the corpus keeps uploads

    with pytest.raises(UploadError):
        remove_upload(restarted, "mini-law")
    assert remove_upload(restarted, uploads[0].doc_id)
    assert not path.exists()
    assert all(h.chunk.doc_id != uploads[0].doc_id for h in restarted.search("quinquennial audits"))


def test_a_file_that_fails_to_index_is_not_kept(mini_settings):
    engine = Engine(mini_settings)
    path, report = ingest_upload(engine, "scan.pdf", b"%PDF-1.4 nothing readable")
    assert not report.ok and not path.exists()


def test_timeline_lists_dated_documents_oldest_first(mini_settings):
    engine = Engine(mini_settings)
    engine.ingest()
    rows = timeline(engine)
    assert [r["doc_id"] for r in rows] == ["mini-law", "mini-case"]
