"""Extraction quality: scoring against gold records (eval/FORMAT.md), reports with every error and
its sentence, and document-level cross-validation of anything learned."""
