"""Position indexes of DocContext: quoted spans, paragraphs, clause bounds, the mentions of a
sentence or a stretch of text, the previous mention of a label.
"""

from __future__ import annotations

from bisect import bisect_right

from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context.patterns import CLAUSE_PUNCT_RE



class PositionsMixin:
    """DocContext's positions (mixed into DocContext; uses its fields)."""

    def in_quotes(self, start: int, end: int) -> bool:
        i = bisect_right(self.quoted_starts, start) - 1
        return i >= 0 and self.quoted[i][0] < start and end <= self.quoted[i][1]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.quoted_starts, pos) - 1
        if i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]:
            return self.quoted[i]
        return None

    def paragraph_of(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        """Clause (between ，；： or sentence bounds) around `pos`."""
        si = self.doc.sentence_of(pos)
        if si < 0:
            return pos, pos
        ss, se = self.doc.sentences[si]
        text = self.doc.text
        cs = ss
        for m in CLAUSE_PUNCT_RE.finditer(text, ss, pos):
            cs = m.end()
        m = CLAUSE_PUNCT_RE.search(text, pos, se)
        ce = m.start() if m else se
        return cs, ce

    def clauses(self, si: int) -> list[tuple[int, int]]:
        ss, se = self.doc.sentences[si]
        out = []
        cs = ss
        for m in CLAUSE_PUNCT_RE.finditer(self.doc.text, ss, se):
            out.append((cs, m.start()))
            cs = m.end()
        out.append((cs, se))
        return out

    def sentence_mentions(self, si: int) -> list[Mention]:
        return [self.mentions[i] for i in self.by_sentence.get(si, ())]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_right(self.starts, start - 1)
        out = []
        for i in range(lo, len(self.mentions)):
            m = self.mentions[i]
            if m.span.start >= end:
                break
            if m.span.end <= end:
                out.append(m)
        return out

    def mention_at(self, pos: int, labels: frozenset[str] | set[str]) -> Mention | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.starts[i] == pos:
            if self.mentions[i].label in labels:
                return self.mentions[i]
            i -= 1
        return None

    def previous_mention(self, pos: int, label: str, suffix: str = "") -> Mention | None:
        i = bisect_right(self.starts, pos - 1) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.label == label and (not suffix or (m.normalised or m.surface).endswith(suffix)) \
                    and m.span.end <= pos:
                return m
            i -= 1
        return None
