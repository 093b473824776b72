"""Sentence and paragraph spans over Document.text (Chinese end punctuation, paragraph breaks)."""

from __future__ import annotations

import re

from reformkg.ingest.document import Document

_PARA = re.compile(r"[^\n]+")
_SENT = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


def segment(doc: Document) -> Document:
    text = doc.text
    doc.paragraphs = [(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]
    sentences: list[tuple[int, int]] = []
    for ps, pe in doc.paragraphs:
        for m in _SENT.finditer(text, ps, pe):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                sentences.append((s, e))
    doc.sentences = sentences
    return doc
