"""Hand-built Documents with hand-placed mentions, for testing components that run after the
entity components (outcomes, relations) without the tagger."""

from __future__ import annotations

from typing import Any

from reformkg.ingest.document import Document, Mention, OffsetMap, Span
from reformkg.ingest.segment import segment


def make_doc(text: str, mentions: list[tuple] = (), date: str | None = None, title: str = "") -> Document:
    """`mentions`: (surface, label[, normalised[, attrs[, nth occurrence]]]) placed at the nth
    occurrence of `surface` in `text`."""
    doc = Document(doc_id="test", source_key="test", path="test.txt", source_text=text, text=text,
                   offsets=OffsetMap.identity(len(text)), title=title, date=date)
    segment(doc)
    for spec in mentions:
        surface, label = spec[0], spec[1]
        normalised = spec[2] if len(spec) > 2 and spec[2] else surface
        attrs: dict[str, Any] = dict(spec[3]) if len(spec) > 3 and spec[3] else {}
        nth = spec[4] if len(spec) > 4 else 0
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(surface, pos + 1)
        span = Span(pos, pos + len(surface), label, doc.sentence_of(pos), "test", {})
        doc.mentions.append(Mention(span=span, label=label, surface=surface, normalised=normalised, attrs=attrs))
    doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    return doc


def find(doc: Document, surface: str, label: str | None = None, nth: int = 0) -> Mention:
    hits = [m for m in doc.mentions if m.surface == surface and (label is None or m.label == label)]
    return hits[nth]
