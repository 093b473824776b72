"""The voice of a document (DocContext.voice_union): the union an article speaks for — the body
a reporter heard the news from (记者从X获悉/了解到), the union whose own report the document is
(a first line 某省总工会2024年工作报告/工作总结), else the first written subject of the lead (the
first body paragraph: 市总工会团结带领… / X总工会进一步强化…) when that is a union.
ANNOTATION.md credits results stated without a subject to that union.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context.patterns import ITEM_TAG_RE

_HEARD_FROM_RE = re.compile(r"从$")
_HEARD_VERB_RE = re.compile(r"^[^，,。；;]{0,6}?(?:获悉|了解到|得悉|获知|得到消息)")
_SENT_END_RE = re.compile(r"[。！？!?；;]")
# a union's own report or summary: its first line names the union and the genre
_OWN_REPORT_RE = re.compile(r"[^。！？!?\n]{0,16}?(?:工作报告|工作总结|工作要点|工作情况|情况汇报|工作汇报|工作简报|工作动态|述职报告)")


class VoiceMixin:
    """DocContext's voice (mixed into DocContext; uses its fields)."""

    def voice_union(self) -> Mention | None:
        cache = self.__dict__.setdefault("_voice_cache", [])
        if not cache:
            cache.append(self._compute_voice())
        return cache[0]

    def _compute_voice(self) -> Mention | None:
        text = self.doc.text
        for m in self.mentions:
            if m.label == Label.UNION and _HEARD_FROM_RE.search(text, max(0, m.span.start - 1), m.span.start) \
                    and _HEARD_VERB_RE.match(text[m.span.end:m.span.end + 12]):
                return m
        own = self._own_report_union()
        if own is not None:
            return own
        if self._brief_of_items():
            return None       # 【南昌】…【九江】…: items of several bodies, no one voice
        for ps, pe in self.doc.paragraphs:
            line = text[ps:pe].strip()
            if len(line) <= 32 and not _SENT_END_RE.search(line):
                continue  # a headline, column marker or byline: not the lead
            si = self.doc.sentence_of(ps)
            for j in range(si, min(si + 2, len(self.doc.sentences))):
                if self.doc.sentences[j][0] >= pe:
                    break
                for cs, ce in self.clauses(j):
                    m, _ = self.clause_subject(cs, ce, allow_programme=False)
                    if m is None or (m.label == Label.REGION and (m.surface or "").startswith("全")):
                        continue
                    return m if m.label == Label.UNION else None
            return None
        return None

    def _brief_of_items(self) -> bool:
        """Two or more paragraphs open with a brief's tag followed by text (【南昌】某某…)."""
        text = self.doc.text
        tagged = 0
        for ps, pe in self.doc.paragraphs:
            m = ITEM_TAG_RE.match(text, ps, pe)
            if m is not None and text[m.end():pe].strip():
                tagged += 1
        return tagged >= 2

    def _own_report_union(self) -> Mention | None:
        """The union a report's first line opens with (某省总工会2024年工作报告)."""
        if not self.doc.paragraphs:
            return None
        ps, pe = self.doc.paragraphs[0]
        first = [m for m in self.mentions if ps <= m.span.start < pe]
        if first and first[0].label == Label.UNION and first[0].span.start - ps <= 1 \
                and _OWN_REPORT_RE.match(self.doc.text, first[0].span.end, pe):
            return first[0]
        return None
