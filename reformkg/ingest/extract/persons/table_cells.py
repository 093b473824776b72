"""Names in table cells (公示 lists from DOCX/HTML tables, cells separated by tabs): the cell of
the name column (its header reads 姓名/获奖者/人选 …), or, in a table without such a header, the
cell right after a row number. The tagger reads table rows poorly (a name alone in a cell is
often labelled ORG), so the layout decides; the name must start with a surname."""

from __future__ import annotations

import re

from reformkg.ingest.document import Document
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.persons.lexicon import surname_ok

_NAME_HEADER_RE = re.compile(r"\s*(?:姓\s*名|名\s*字|获奖者|获得者|人选|候选人|推荐人选|表彰对象)\s*")
_ROW_NUMBER_RE = re.compile(r"\s*\d{1,4}\s*")


def _cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """(start, end) of each tab-separated cell of the line text[ls:le], spaces trimmed."""
    out, s = [], ls
    for k in range(ls, le + 1):
        if k == le or text[k] == "\t":
            a, b = s, k
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            out.append((a, b))
            s = k + 1
    return out


def _is_name(name: str) -> bool:
    core = name.replace("·", "")
    return 2 <= len(name) <= 4 and all(is_cjk(ch) for ch in core) and surname_ok(name) or \
        (len(core) >= 4 and "·" in name and all(is_cjk(ch) for ch in core))


def table_names(doc: Document) -> list[tuple[int, int]]:
    """The spans of names in the name column of the document's tab-separated tables."""
    text = doc.text
    out: list[tuple[int, int]] = []
    column: int | None = None
    ls = 0
    for line in text.split("\n"):
        le = ls + len(line)
        if "\t" not in line:
            column = None
        else:
            cells = _cells(text, ls, le)
            header = next((i for i, (a, b) in enumerate(cells) if _NAME_HEADER_RE.fullmatch(text, a, b)), None)
            if header is not None:
                column = header
            else:
                idx = column
                if idx is None and len(cells) >= 3 and _ROW_NUMBER_RE.fullmatch(text, *cells[0]):
                    idx = 1      # 1<tab>某某<tab>某公司…: the cell after the row number
                if idx is not None and idx < len(cells) and _is_name(text[cells[idx][0]:cells[idx][1]]):
                    out.append(cells[idx])
        ls = le + 1
    return out
