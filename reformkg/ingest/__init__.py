"""Ingest: load files, clean text, extract mentions and facts, resolve them into a DocumentResult."""
