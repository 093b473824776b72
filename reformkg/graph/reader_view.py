"""The document reader: a stored document's text with every mention of its entities located
(by name and alias, longest first, no overlaps) and the facts read from it with their
character offsets, so that the UI can highlight mentions by label, link them to their cards
and jump from a fact to its sentence.

The graph keeps a document's path and text length, not its text: the text is loaded again from
the path with the ingest loader (the same `source_text` the offsets point into). When the file
is gone or changed (its length differs), `text` is None or `stale` is set.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from reformkg.graph.queries import MENTIONED_IN, Reader, document_summary, node_id, node_labels, node_props, primary_labels

log = logging.getLogger(__name__)

MAX_MENTIONS = 20_000


def _load_text(path: str | None) -> str | None:
    if not path:
        return None
    try:
        from reformkg.ingest.loaders import load

        return load(Path(path)).source_text
    except Exception as exc:  # the file moved, or cannot be read any more: the reader says so
        log.info("document text not available from %s: %s", path, exc)
        return None


def locate_mentions(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spans {start, end, id, name, label} of every entity name or alias in `text`, longest
    names first, never overlapping (offsets in Python characters)."""
    names: list[tuple[str, dict[str, Any]]] = []
    for e in entities:
        for n in dict.fromkeys([e["name"], *e.get("aliases", [])]):
            if n and len(n) >= 2:
                names.append((n, e))
    names.sort(key=lambda x: -len(x[0]))
    taken = bytearray(len(text))
    out = []
    for name, e in names:
        i = text.find(name)
        while i >= 0 and len(out) < MAX_MENTIONS:
            j = i + len(name)
            if not any(taken[i:j]):
                taken[i:j] = b"\x01" * (j - i)
                out.append({"start": i, "end": j, "id": e["id"], "name": e["name"], "label": e["label"]})
            i = text.find(name, j)
    out.sort(key=lambda m: m["start"])
    return out


def _document_entities(reader: Reader, doc_id: str) -> list[dict[str, Any]]:
    """The nodes mentioned in the document: id, name, primary label and aliases."""
    ents = []
    for n, in reader._rows(f"MATCH (d:Document {{doc_id: $doc}})<-[:{MENTIONED_IN}]-(n) RETURN n", {"doc": doc_id}):
        p = node_props(n)
        labels = primary_labels(node_labels(n), reader.ontology)
        ents.append({"id": node_id(n), "name": p.get("name") or p.get("title") or "", "label": labels[0] if labels else "",
                     "aliases": [a for a in (p.get("aliases") or []) if isinstance(a, str)]})
    return ents


def _offset(values: list[Any] | None, i: int) -> int:
    """The i-th stored offset as an int; -1 when there is none."""
    return int(values[i]) if values and i < len(values) and values[i] is not None else -1


def _document_facts(reader: Reader, doc_id: str) -> list[dict[str, Any]]:
    """Every evidence entry this document gave a fact: the fact, its ends, span and sentence."""
    facts = []
    for rid, rtype, aid, aname, bid, bname, docs, starts, ends, sents in reader._rows(
            f"MATCH (d:Document {{doc_id: $doc}})<-[:{MENTIONED_IN}]-(a)-[r]->(b) "
            f"WHERE type(r) <> '{MENTIONED_IN}' AND $doc IN r.ev_doc "
            "RETURN DISTINCT r.id, type(r), a.id, coalesce(a.name, a.title), b.id, coalesce(b.name, b.title), "
            "r.ev_doc, r.ev_start, r.ev_end, r.ev_sentence", {"doc": doc_id}):
        for i, d in enumerate(docs or []):
            if d != doc_id:
                continue
            facts.append({"id": rid, "type": rtype, "source": aid, "source_name": aname, "target": bid,
                          "target_name": bname, "start": _offset(starts, i), "end": _offset(ends, i),
                          "sentence": sents[i] if sents and i < len(sents) else None})
    return facts


def _locate_sentences(text: str | None, facts: list[dict[str, Any]]) -> int:
    """Set each fact's `sentence_start`/`sentence_end` in the text; the number of facts with a
    stored span whose sentence was not found."""
    missing = 0
    for f in facts:  # the sentence around the stored span (the span covers the mentions)
        f["sentence_start"], f["sentence_end"] = _sentence_span(text, f)
        missing += f["sentence_start"] < 0 and f["start"] >= 0
    return missing


def document_view(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """A stored document for the reader: summary, text (None when the file is gone), whether
    the text changed since it was read, its entities, their mentions and its facts."""
    rows = reader._rows("MATCH (d:Document {doc_id: $doc}) RETURN d LIMIT 1", {"doc": doc_id})
    if not rows:
        return None
    doc = document_summary(rows[0][0])
    length = node_props(rows[0][0]).get("text_length")
    ents = _document_entities(reader, doc_id)
    facts = _document_facts(reader, doc_id)
    text = _load_text(doc.get("path"))
    missing = _locate_sentences(text, facts)
    facts.sort(key=lambda f: (f["start"], f["type"], f["id"]))
    # the file changed since it was read when its stored spans no longer fall in their sentences
    stale = text is None or (bool(facts) and missing > len(facts) // 2)
    return {"document": doc, "text": text, "stale": stale, "text_length": length, "entities": ents,
            "mentions": locate_mentions(text, ents) if text else [], "facts": facts}


def _sentence_span(text: str | None, fact: dict[str, Any]) -> tuple[int, int]:
    """(start, end) of the fact's sentence in the text, found around its stored span; (-1, -1)."""
    sentence, start, end = (fact.get("sentence") or "").strip(), fact["start"], fact["end"]
    if not text or start < 0:
        return -1, -1
    if sentence:
        i = text.find(sentence, max(0, start - len(sentence)))
        if 0 <= i <= start and i + len(sentence) >= min(end, len(text)):
            return i, i + len(sentence)
        i = text.find(sentence)
        if i >= 0:
            return i, i + len(sentence)
    return (start, end) if end <= len(text) else (-1, -1)
