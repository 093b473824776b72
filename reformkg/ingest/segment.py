"""Sentence and paragraph spans over Document.text.

- Paragraphs: every non-blank line of the normalised text (the normaliser has already joined
  lines broken mid-sentence, so a line is a paragraph, heading, byline or list item).
- Sentences: a paragraph is cut after end punctuation 。！？!?；;… (a run of them), together
  with any closing quotes/brackets that follow (。” ends the sentence after the ”).
- Quotes: end punctuation inside a short quotation (“…”, 「…」, 『…』 of at most
  QUOTE_MAX characters) does not cut, so a short quoted saying stays one sentence with the
  words around it; inside a longer quotation (a quoted speech) sentences are cut as usual.
  An unclosed quote counts as running to the end of the paragraph.
- Sentence spans never include leading/trailing whitespace and never cross a paragraph.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Document

QUOTE_MAX = 80

_PARA = re.compile(r"[^\n]+")
_OPEN = "“「『"
_CLOSE = "”」』"
_TOKEN = re.compile(r"[“”「」『』]|[。！？!?；;…]+[”’」』）)]*")
_END = set("。！？!?；;…")


def _quote_ranges(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Outermost quotation ranges [open, close] in text[ps:pe]."""
    ranges: list[tuple[int, int]] = []
    depth = 0
    start = -1
    for m in re.finditer(r"[“”「」『』]", text[ps:pe]):
        ch = m.group()
        pos = ps + m.start()
        if ch in _OPEN:
            if depth == 0:
                start = pos
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                ranges.append((start, pos))
    if depth > 0:
        ranges.append((start, pe - 1))
    return ranges


def split_sentences(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph text[ps:pe]."""
    quotes = [(a, b) for a, b in _quote_ranges(text, ps, pe) if b - a + 1 <= QUOTE_MAX]
    cuts: list[int] = []
    qi = 0
    for m in _TOKEN.finditer(text, ps, pe):
        tok = m.group()
        if tok[0] not in _END:
            continue
        pos = m.start()
        while qi < len(quotes) and quotes[qi][1] < pos:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] < pos <= quotes[qi][1] and m.end() - 1 < quotes[qi][1]:
            continue  # inside a short quotation that does not close with this punctuation
        cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    s = ps
    for c in cuts + [pe]:
        a, b = s, c
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        s = c
    return spans


def segment(doc: Document) -> Document:
    text = doc.text
    doc.paragraphs = []
    for m in _PARA.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            doc.paragraphs.append((a, b))
    sentences: list[tuple[int, int]] = []
    for ps, pe in doc.paragraphs:
        sentences.extend(split_sentences(text, ps, pe))
    doc.sentences = sentences
    return doc
