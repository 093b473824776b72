"""Evidence of resolved entities and facts: the sentence a span was read from and its offsets in
the stored source text."""

from __future__ import annotations

from reformkg.graph.model import Evidence
from reformkg.ingest.document import Document, RelationCandidate


def relation_span(doc: Document, rc: RelationCandidate) -> tuple[int, int, int]:
    """(sentence, start, end) of a relation's evidence: the sentence it was read from — the
    trigger's, else the tail's — and, within it, the parts of the relation that stand there.
    A head taken from context (a headline or paragraph topic) does not stretch the span
    across the document."""
    anchor = rc.trigger if rc.trigger is not None else rc.tail.span
    sid = anchor.sentence if anchor.sentence >= 0 else doc.sentence_of(anchor.start)
    parts = [p for p in (rc.head.span, rc.tail.span, rc.trigger) if p is not None]
    if 0 <= sid < len(doc.sentences):
        ss, se = doc.sentences[sid]
        inside = [p for p in parts if ss <= p.start and p.end <= se] or [anchor]
    else:
        inside = parts
    return sid, min(p.start for p in inside), max(p.end for p in inside)


def evidence(doc: Document, start: int, end: int, sentence: int | None = None) -> Evidence:
    """Evidence for doc.text[start:end]: its sentence (else 40 characters around it) and the
    span's offsets in the source text."""
    sid = sentence if sentence is not None and sentence >= 0 else doc.sentence_of(start)
    if 0 <= sid < len(doc.sentences):
        s, e = doc.sentences[sid]
        sent = doc.text[s:e]
    else:
        sent = doc.text[max(0, start - 40):end + 40]
    a, b = doc.offsets.to_source(start, end)
    return Evidence(doc.doc_id, sent, a, b)
