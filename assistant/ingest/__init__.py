"""Ingestion: loaders turn files into text, chunking splits text into passages."""
