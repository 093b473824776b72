"""Extraction components: each takes a Document, adds spans/mentions/candidates, returns it."""
