"""What the index keeps between reads, and when it reads again: the catalog version read once
per block (``Catalog.one_version``: one answer, one script run), the documents' front matter
kept per index version (``Engine.document``), and the dense ranking's languages taken from the
catalog's chunks instead of Chroma's metadata (``VectorStore.query(known_languages=...)``)."""

from __future__ import annotations

import threading

from assistant.index.catalog import Catalog


def _bump_elsewhere(engine) -> int:
    """Change the catalog through another connection, as another replica (process) would."""
    other = Catalog(engine.stores.catalog.path)
    try:
        version = other.version() + 1
        other.set_state("version", str(version))
        return version
    finally:
        other.close()


def test_one_version_reads_the_version_once_and_the_next_block_sees_changes(mini_engine):
    mini_engine.ingest()
    catalog = mini_engine.stores.catalog
    before = mini_engine.version()
    with mini_engine.one_version():
        assert mini_engine.version() == before
        changed = _bump_elsewhere(mini_engine)
        assert changed == before + 1
        assert mini_engine.version() == before  # the block keeps the version it read
        with mini_engine.one_version():  # a nested block shares it
            assert catalog.version() == before
    assert mini_engine.version() == changed  # outside a block: read every time
    with mini_engine.one_version():
        assert mini_engine.version() == changed


def test_one_version_is_per_thread_and_ended_by_this_threads_own_write(mini_engine):
    mini_engine.ingest()
    catalog = mini_engine.stores.catalog
    before = catalog.version()
    seen: list[int] = []
    with catalog.one_version():
        assert catalog.version() == before
        # another thread is not in the block: it reads the database
        catalog.set_state("version", str(before + 5))  # this thread writes: the pin ends
        thread = threading.Thread(target=lambda: seen.append(catalog.version()))
        thread.start()
        thread.join()
        assert catalog.version() == before + 5
    assert seen == [before + 5]


def test_an_ingest_in_the_block_is_seen_by_the_search_after_it(mini_engine, mini_corpus):
    mini_engine.ingest()
    case = mini_corpus / "cases" / "mini-case.md"
    with mini_engine.one_version():
        assert not any("twenty percent" in h.chunk.text
                       for h in mini_engine.search("county pool rural percent", k=10))
        case.write_text(case.read_text().replace("fifteen percent", "twenty percent"))
        mini_engine.ingest()
        assert any("twenty percent" in h.chunk.text
                   for h in mini_engine.search("county pool rural percent", k=10))


def test_documents_are_kept_per_index_version_and_each_caller_gets_its_own_copy(
        mini_engine, mini_corpus):
    mini_engine.ingest()
    row = mini_engine.document("mini-case")
    assert row is not None and row.metadata["region"] == "Zhejiang"
    row.metadata["region"] = "changed by a caller"
    assert mini_engine.document("mini-case").metadata["region"] == "Zhejiang"
    assert mini_engine.document("no-such-document") is None

    case = mini_corpus / "cases" / "mini-case.md"
    case.write_text(case.read_text().replace("region: Zhejiang", "region: Jiangsu"))
    assert mini_engine.ingest().count("indexed") == 1
    assert mini_engine.document("mini-case").metadata["region"] == "Jiangsu"  # version moved
    case.unlink()
    mini_engine.ingest()
    assert mini_engine.document("mini-case") is None


def test_dense_results_filtered_by_the_catalogs_languages_equal_chromas_metadata(mini_engine):
    mini_engine.ingest()
    vectors = mini_engine.stores.vectors
    query = mini_engine.encode_query("teachers rotate between urban and rural schools")
    chunks = {c.chunk_id: c for d in mini_engine.documents()
              for c in mini_engine.document_chunks(d.doc_id)}
    languages = {cid: chunk.language for cid, chunk in chunks.items()}
    assert set(languages.values()) >= {"en"}
    for wanted in (["en"], ["zh"], ["en", "zh"]):
        from_metadata = vectors.query(query, 5, languages=wanted)
        assert vectors.query(query, 5, languages=wanted, known_languages=languages) == \
            from_metadata
        # chunks the catalog does not name are looked up in Chroma's metadata
        partial = dict(list(languages.items())[: len(languages) // 2])
        assert vectors.query(query, 5, languages=wanted, known_languages=partial) == \
            from_metadata
    # a language the catalog gives is the one used (here: deliberately wrong, to show it is read)
    everything_zh = {cid: "zh" for cid in languages}
    assert vectors.query(query, 5, languages=["en"], known_languages=everything_zh) == []
    assert [cid for cid, _ in vectors.query(query, 5, languages=["zh"],
                                            known_languages=everything_zh)] == \
        [cid for cid, _ in vectors.query(query, 5)]
