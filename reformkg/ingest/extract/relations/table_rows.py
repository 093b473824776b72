"""HOLDS_POSITION from table rows (公示 lists from DOCX/HTML tables, cells separated by tabs): a
row with one person whose employer opens a later cell holds a post there, the rest of that cell
being the title (韦某<tab>某某集团有限公司高级技师)."""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label, Rel
from reformkg.ingest.extract.context import ORG_LABELS
from reformkg.ingest.extract.relations.builder import Builder, rule_part

_TITLE_RE = re.compile(r"[\u4e00-\u9fff、]{1,16}")


def table_row_positions(b: Builder) -> None:
    """HOLDS_POSITION for each tab-separated row naming one person and, in a later cell, a body."""
    text = b.doc.text
    ls = 0
    for line in text.split("\n"):
        le = ls + len(line)
        if "\t" in line:
            _row(b, ls, le)
        ls = le + 1


@rule_part
def _row(b: Builder, ls: int, le: int) -> None:
    """One row: its person, and the body that opens a cell after the person's cell."""
    text, ctx = b.doc.text, b.ctx
    ms = ctx.mentions_between(ls, le)
    persons = [m for m in ms if m.label == Label.PERSON]
    if len(persons) != 1:
        return
    p = persons[0]
    for m in ms:
        if m.label not in ORG_LABELS or m.span.start <= p.span.end or text[m.span.start - 1] != "\t":
            continue
        cell_end = text.find("\t", m.span.end, le)
        cell_end = le if cell_end < 0 else cell_end
        rest = text[m.span.end:cell_end].strip()
        b.add(Rel.HOLDS_POSITION, p, m, (p.span.start, cell_end),
              title=rest if rest and _TITLE_RE.fullmatch(rest) else None)
        return
