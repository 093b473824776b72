"""Deictic references for DocContext: 公司/集团 → the enterprise the piece is about, 该市/本区 →
the region named before, 本届大赛 → the event named before, and a reader's question (问：…)
that refers to no named body.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context.patterns import ORG_LABELS, is_reform

_DEICTIC_REGION_RE = re.compile(r"[该本](省|市|县|区|镇)")
_QUESTION_RE = re.compile(r"\s*(?:问|提问|读者问|网友问|Q)\s*[:：]")
_EVENT_HEAD_RE = re.compile(r"(?:赛|会|活动|论坛|培训班?|展)”?$")
# an interview answer: 王华（某省总工会党组书记）：… / 王华：…
_ANSWER_GAP_RE = re.compile(r"\s*(?:[（(][^）)\n]{2,40}[）)])?\s*[:：]")
_BRACKET_BODY_RE = re.compile(r"\s*[（(]")


def _post_body(person: Mention) -> Mention | None:
    """The last body a person was introduced with (市人力社保局副局长王芳 → 市人力社保局)."""
    orgs = (person.attrs or {}).get("org_mentions") or []
    bodies = [m for m, _title in orgs if m.label in ORG_LABELS]
    return bodies[-1] if bodies else None


class DeixisMixin:
    """DocContext's deixis (mixed into DocContext; uses its fields)."""

    def _company_antecedent(self, pos: int, word: str, nearest: Mention | None) -> Mention | None:
        """公司/集团/该企业: in a piece about one enterprise (its headline or lead names it) that
        enterprise, not whichever company was named last (a client, a partner); else the nearest
        enterprise of that kind (集团 → a group) in the same piece."""
        kind = "集团" if "集团" in word else ""
        topic = None if self._building else self.section_topic(pos)  # not while the sections are built
        if topic is not None and topic.label == Label.ENTERPRISE and kind in (topic.normalised or topic.surface or ""):
            return topic
        if nearest is None:
            return None
        if kind and kind not in (nearest.normalised or nearest.surface or ""):
            i = bisect_right(self.starts, pos - 1) - 1
            while i >= 0 and self.starts[i] >= nearest.span.start - 2000:
                m = self.mentions[i]
                if m.label == Label.ENTERPRISE and kind in (m.normalised or m.surface or "") and m.span.end <= pos:
                    return m
                i -= 1
        return nearest

    def _firm_union_antecedent(self, pos: int, word: str) -> Mention | None:
        """集团公司工会 / 公司工会: the union of a firm (…集团…工会, …公司工会) named last before pos
        in the same piece (a group's for 集团), not a regional union named since."""
        kind = "集团" if "集团" in word else "公司"
        floor = 0 if self._building else (self._section_floor(pos))
        i = bisect_right(self.starts, pos - 1) - 1
        while i >= 0 and self.starts[i] >= floor:
            m = self.mentions[i]
            name = m.normalised or m.surface or ""
            if m.label == Label.UNION and m.span.end <= pos and name.endswith("工会") and kind in name[:-2]:
                return m
            i -= 1
        return None

    def _section_floor(self, pos: int) -> int:
        if self._sections is None:
            self._build_sections()
        k = bisect_right(self._section_starts, pos) - 1
        return self._section_starts[k] if k >= 0 else 0

    def _deictic_antecedent(self, mm: Mention) -> Mention | None:
        """该市/该县 tagged as a contextual region: the nearest region of that kind named before
        it in the same or the previous paragraph (该市 after a county-level 高邮 is 高邮市, not the
        prefecture the document is about)."""
        sm = _DEICTIC_REGION_RE.fullmatch(mm.surface or "")
        if not sm:
            return None
        ante = self.previous_mention(mm.span.start, Label.REGION, sm.group(1))
        if ante is None or (ante.attrs or {}).get("contextual") or ante.normalised == mm.normalised:
            return None
        pi = self.paragraph_of(mm.span.start)
        floor = self.doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
        return ante if ante.span.start >= floor else None

    def interviewee_body(self, pos: int) -> Mention | None:
        """The body of the person answering in the paragraph around pos (王华（某省总工会党组书记、
        常务副主席）：我们…; a later 王华：… takes the body given at the first answer, or the body
        the person was introduced with: 出席的有某局副局长王华 … 王华：我们…), None when the
        paragraph is no answer line or the person's body is not written."""
        pi = self.paragraph_of(pos)
        if pi < 0:
            return None
        ps = self.doc.paragraphs[pi][0]
        first = next(iter(self.mentions_between(ps, pos)), None)
        if first is None or first.label != Label.PERSON or first.span.start != ps or \
                not _ANSWER_GAP_RE.match(self.doc.text, first.span.end):
            return None
        posted = None
        for m in self.mentions:
            if m.span.start > first.span.start:
                break
            if m.label == Label.PERSON and m.normalised == first.normalised:
                body = self._bracketed_body(m)
                if body is not None:
                    return body
                posted = posted or _post_body(m)
        return posted

    def _bracketed_body(self, person: Mention) -> Mention | None:
        """The organisation opening the brackets right after a person's name (王华（某省总工会…）)."""
        bm = _BRACKET_BODY_RE.match(self.doc.text, person.span.end)
        if bm is None:
            return None
        for m in self.mentions_between(bm.end(), bm.end() + 30):
            if m.span.start == bm.end() and m.label in ORG_LABELS:
                return m
        return None

    def _reader_question(self, pos: int) -> bool:
        """Whether pos lies in a reader's question of a Q&A column (问：…)."""
        pi = self.paragraph_of(pos)
        if pi < 0:
            return False
        ps = self.doc.paragraphs[pi][0]
        return bool(_QUESTION_RE.match(self.doc.text, ps, pos))

    def _previous_event(self, pos: int) -> Mention | None:
        """The latest named event (…大赛/竞赛/活动…) before pos in the same section."""
        floor = 0
        if self._sections is None:
            self._build_sections()
        k = bisect_right(self._section_starts, pos) - 1
        if k >= 0:
            floor = self._section_starts[k]
        i = bisect_right(self.starts, pos - 1) - 1
        while i >= 0 and self.starts[i] >= floor:
            m = self.mentions[i]
            if m.label == Label.PROGRAMME and not is_reform(m) and _EVENT_HEAD_RE.search(m.normalised or m.surface or ""):
                return m
            i -= 1
        return None
