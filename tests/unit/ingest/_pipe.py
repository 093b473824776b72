"""Run the extraction components over a composed text (helpers for the component tests)."""

from __future__ import annotations

from reformkg.ingest.document import Document, Mention, RawDocument
from reformkg.ingest.normalise import normalise
from reformkg.ingest.segment import segment


def extract(text: str, upto: str = "awards") -> Document:
    """Normalise, segment and run the default components up to and including `upto`."""
    from reformkg.ingest.pipeline import default_components

    doc = segment(normalise(RawDocument(path="t.txt", media_type="text/plain", encoding="utf-8", source_text=text)))
    for c in default_components():
        doc = c(doc) or doc
        if c.name == upto:
            break
    return doc


def mentions(doc: Document, label: str | None = None) -> list[Mention]:
    return [m for m in doc.mentions if label is None or m.label == label]


def names(doc: Document, label: str | None = None) -> set[str]:
    return {m.normalised for m in mentions(doc, label)}
