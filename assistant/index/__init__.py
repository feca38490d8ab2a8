"""Indexing: the embedder, the catalog (source of truth), the Chroma store and the BM25 index."""
