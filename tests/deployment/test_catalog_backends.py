"""The catalog on SQLite and on PostgreSQL: every public method, through the one SQLAlchemy Core
code path, gives the same results on both backends."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa

from assistant.config import Settings
from assistant.documents import Chunk
from assistant.index.catalog import Catalog


def make_chunks(doc_id: str, n: int, word: str) -> list[Chunk]:
    return [Chunk(chunk_id=f"{doc_id}-{i:03d}", doc_id=doc_id, ordinal=i,
                  text=f"{word} passage {i} 中文 ‘quoted’", start=0, end=10,
                  metadata={"title": doc_id})
            for i in range(n)]


def store(catalog: Catalog, doc_id: str, n: int = 3, word: str = "alpha", key: str | None = None,
          origin: str = "corpus") -> list[str]:
    chunks = make_chunks(doc_id, n, word)
    vectors = np.arange(n * 4, dtype=np.float32).reshape(n, 4) / 7.0
    return catalog.replace_document(
        doc_id=doc_id, source_key=key or f"/corpus/{doc_id}.md",
        source_path=key or f"/corpus/{doc_id}.md", content_hash=f"hash-{doc_id}-{n}",
        origin=origin, metadata={"title": f"Title of {doc_id}", "title_zh": "标题", "year": 2012},
        text=f"full text of {doc_id} 全文", chunks=chunks,
        tokens=[[word, "passage", str(i), "中文"] for i in range(n)], embeddings=vectors)


@pytest.fixture
def catalog(database_url, tmp_path):
    catalog = Catalog(tmp_path / "unused.sqlite", database_url)
    yield catalog
    catalog.close()


def test_a_new_database_is_empty_at_version_zero(catalog):
    assert catalog.version() == 0 and catalog.counts() == (0, 0)
    assert catalog.documents() == [] and catalog.chunk_ids() == []
    assert catalog.get_state("missing", "fallback") == "fallback"


def test_documents_chunks_tokens_and_embeddings_round_trip(catalog):
    assert store(catalog, "doc-b", 3, "beta") == []
    assert store(catalog, "doc-a", 2, "alpha", origin="upload") == []

    assert catalog.version() == 2 and catalog.counts() == (2, 5)
    assert [d.doc_id for d in catalog.documents()] == ["doc-a", "doc-b"]
    assert [d.doc_id for d in catalog.documents(origin="upload")] == ["doc-a"]
    row = catalog.document("doc-b")
    assert row.metadata == {"title": "Title of doc-b", "title_zh": "标题", "year": 2012}
    assert row.title == "Title of doc-b" and row.n_chunks == 3 and row.origin == "corpus"
    assert catalog.document_by_source("/corpus/doc-a.md").doc_id == "doc-a"
    assert catalog.document("nope") is None and catalog.document_by_source("/nope") is None
    assert catalog.document_text("doc-b") == "full text of doc-b 全文"
    assert catalog.document_text("nope") is None

    ids = catalog.chunk_ids()
    assert ids == ["doc-a-000", "doc-a-001", "doc-b-000", "doc-b-001", "doc-b-002"]
    assert [cid for cid, _ in catalog.iter_tokens()] == ids
    chunks = catalog.chunks(["doc-b-001", "doc-a-000", "missing"])
    assert set(chunks) == {"doc-b-001", "doc-a-000"}
    assert chunks["doc-b-001"].text == "beta passage 1 中文 ‘quoted’"
    assert chunks["doc-b-001"].metadata["title_zh"] == "标题"  # the document's metadata attached
    assert [c.ordinal for c in catalog.document_chunks("doc-b")] == [0, 1, 2]
    assert catalog.tokens(["doc-b-002"]) == {"doc-b-002": ["beta", "passage", "2", "中文"]}
    vectors = catalog.embeddings(["doc-b-001"])
    assert vectors["doc-b-001"].dtype == np.float32
    assert np.allclose(vectors["doc-b-001"], np.arange(4, 8, dtype=np.float32) / 7.0)


def test_replacing_a_document_returns_the_chunks_it_no_longer_has(catalog):
    store(catalog, "doc-a", 4)
    stale = store(catalog, "doc-a", 2)
    assert stale == ["doc-a-002", "doc-a-003"]
    assert catalog.counts() == (1, 2) and catalog.version() == 2
    # a new id for the same source replaces the old document as well
    store(catalog, "doc-renamed", 1, key="/corpus/doc-a.md")
    assert [d.doc_id for d in catalog.documents()] == ["doc-renamed"]
    assert catalog.chunk_ids() == ["doc-renamed-000"]


def test_removal_deletes_chunks_and_bumps_the_version(catalog):
    store(catalog, "doc-a", 2)
    store(catalog, "doc-b", 1)
    assert catalog.remove_document("doc-a") == ["doc-a-000", "doc-a-001"]
    assert catalog.counts() == (1, 1) and catalog.version() == 3
    assert catalog.remove_document("doc-a") == []


def test_lookups_of_many_ids_are_batched(catalog):
    store(catalog, "doc-big", 1200)
    ids = catalog.chunk_ids()
    assert len(catalog.chunks(ids)) == len(catalog.tokens(ids)) == len(catalog.embeddings(ids)) \
        == 1200


def test_state_values_are_replaced(catalog):
    catalog.set_state("model", "a")
    catalog.set_state("model", "b")
    assert catalog.get_state("model") == "b"


def test_a_failed_write_leaves_nothing_behind(catalog):
    store(catalog, "doc-a", 2)
    chunks = make_chunks("doc-b", 2, "beta")
    with pytest.raises(sa.exc.IntegrityError):  # the second chunk repeats the first's id
        catalog.replace_document(
            doc_id="doc-b", source_key="/b", source_path="/b", content_hash="h", origin="corpus",
            metadata={}, text="", chunks=[chunks[0], chunks[0]], tokens=[["a"], ["b"]],
            embeddings=np.zeros((2, 4), dtype=np.float32))
    assert catalog.counts() == (1, 2) and catalog.version() == 1
    assert catalog.document("doc-b") is None


def test_writers_in_many_threads_each_get_their_own_version(catalog):
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            store(catalog, f"doc-{number:02d}", 2)
        except BaseException as exc:  # noqa: BLE001 - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert catalog.version() == 8 and catalog.counts() == (8, 16)


def test_the_engine_ingests_searches_and_removes_on_either_backend(database_url, tmp_path,
                                                                   library):
    from assistant.engine import Engine

    settings = Settings(data_dir=tmp_path / "data", corpus_dirs=[library],
                        database_url=database_url)
    engine = Engine(settings)
    assert engine.ingest().count("indexed") == 2
    assert engine.stores.catalog.url == database_url
    if database_url.startswith("postgresql"):
        assert not (settings.index_dir / "catalog.sqlite").exists()
    hits = engine.search("which department allocates teaching staff evenly across schools", k=3)
    assert hits[0].chunk.doc_id == "mini-law" and hits[0].chunk.article == "Article 32"
    assert hits[0].dense_rank is not None and hits[0].keyword_rank is not None
    assert engine.ingest().count("unchanged") == 2
    assert engine.remove_document("mini-case")
    status = engine.status()
    assert status.documents == 1 and status.vectors == status.chunks == status.keyword_chunks
    engine.stores.catalog.close()


def test_a_path_without_url_is_the_sqlite_file(tmp_path: Path):
    catalog = Catalog(tmp_path / "index" / "catalog.sqlite")
    assert catalog.url == f"sqlite:///{tmp_path / 'index' / 'catalog.sqlite'}"
    store(catalog, "doc-a", 1)
    assert (tmp_path / "index" / "catalog.sqlite").is_file()
    catalog.close()
