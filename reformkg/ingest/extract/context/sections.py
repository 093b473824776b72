"""Sections of DocContext: the articles and sections a bulletin is made of (column markers,
markdown headings, headlines, author lines) and the body each is about (section_topic).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context.patterns import ACTOR_LABELS, ORG_LABELS, TITLE_END_RE

_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]")
_COLUMN_RE = re.compile(r"[【\[〖][^】\]〗]{2,10}[】\]〗]")
_AUTHOR_TAIL_RE = re.compile(r"[ \u3000]+[\u4e00-\u9fff·]{2,4}$")
_MEDIA_RE = re.compile(r"(?:报|报社|电视台|广播电台|网|杂志社?|融媒体中心?|新闻中心|传媒|出版社|通讯社|频道)$")
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|编辑|校对|摄影?|来源|供稿|整理|撰稿")
_SENT_END_RE = re.compile(r"[。！？!?；;]")
# a line that is no heading: a picture's file name or label (微信图片_2020…, IMG_0123.jpg, 图1),
# or a line without a Chinese character (a date and time, a URL, a page number)
_NOT_A_HEADING_RE = re.compile(r"(?:微信图片|图片|照片|图|IMG|DSC|image|photo)[_\-\s]?[\w\-.]*"
                               r"|[^\u4e00-\u9fff]*", re.IGNORECASE)
_SUMMARY_TITLE_RE = re.compile(r"工作(?:总结|报告|汇报)|年度总结|述职报告")
# 一、加强思想引领 / （二）…: a numbered section heading of a work summary
_NUMBERED_HEAD_RE = re.compile(r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])")


@dataclass
class _SectionScan:
    """The state of one pass over the paragraphs: the events found so far (start, actor, opens
    an article) and where the current article stands."""

    events: list[tuple[int, Mention | None, bool]] = field(default_factory=list)
    pending: int = -1  # index of an event still looking for its actor in the lead
    article_level: int | None = None  # markdown level of the article heading; 0 = column marker
    article_event: int = -1
    article_body: bool = False  # a body paragraph seen since the article opened
    prev_heading: int | None = None  # level of the heading right before (9: a plain line)
    check_lead: bool = False  # the pending event only checks whether its lead changes the piece

    def topic(self) -> Mention | None:
        """The current article's actor."""
        return self.events[self.article_event][1] if self.article_event >= 0 else None

    def open_column(self, ps: int) -> None:
        """A column marker (【主席之声】) opens an article whose actor the lead gives."""
        self.events.append((ps, None, True))
        self.article_level, self.article_event, self.article_body = 0, len(self.events) - 1, False
        self.pending = len(self.events) - 1
        self.prev_heading = None

    def signed(self, ps: int, author: Mention) -> None:
        """An author line: the body it signs for is the actor of the article it opens or ends
        the heading of."""
        if self.article_event >= 0 and not self.article_body:
            self.events[self.article_event] = (self.events[self.article_event][0], author, True)
        elif self.prev_heading is not None:
            # the headline right before the author line opens a new article
            self.events[-1] = (self.events[-1][0], author, True)
            self.article_event, self.article_level = len(self.events) - 1, self.prev_heading
        else:
            self.events.append((ps, author, True))
            self.article_event, self.article_level = len(self.events) - 1, 9
        self.article_body, self.pending, self.prev_heading = False, -1, None


class SectionsMixin:
    """DocContext's sections (mixed into DocContext; uses its fields)."""

    def _build_sections(self) -> None:
        self._building = True
        try:
            self._build_sections_()
        finally:
            self._building = False

    def _build_sections_(self) -> None:
        """Articles and sections, and the actor each is about.

        A column marker (【主席之声】) or a markdown heading no more than one level below the
        current article's heading opens a new article; its topic is the body an author line
        right after the heading signs for (X区总工会党组书记 某某 → X区总工会; a party or
        government body stands for its region: 某区委书记 某某 → 某区), else the actor the
        headline names (a region named in the headline gives way to an organisation of that
        region that is the lead's subject: 某省工会… / 某省总工会在…), else the first subject of
        the lead paragraph. A deeper heading or a short unpunctuated line inside an article is a
        section of it: it takes the actor its heading names (a region that is the article
        body's own region keeps the article's body), else it keeps the article's topic; outside
        any article such a line is a headline whose topic is the actor it names or the lead's
        first subject."""
        st = _SectionScan()
        self._summary_starts = set()
        text = self.doc.text
        for ps, pe in self.doc.paragraphs:
            line = text[ps:pe].strip()
            if _COLUMN_RE.fullmatch(line):
                st.open_column(ps)
                continue
            author = self._author_line(ps, pe, line)
            if author is not None:
                st.signed(ps, author)
                continue
            level = self._md_level(ps)
            if level is None and _NOT_A_HEADING_RE.fullmatch(line):
                continue
            if level is not None or (len(line) <= 32 and not _SENT_END_RE.search(line)):
                self._heading(st, ps, pe, line, level)
                continue
            st.article_body = True
            st.prev_heading = None
            if st.pending < 0 or st.check_lead:
                self._check_lead(st, ps, pe)
            else:
                self._lead_actor(st, ps, pe)
        events = st.events
        if events and events[0][1] is not None and events[0][1].label == Label.UNION and self.doc.paragraphs \
                and events[0][0] == self.doc.paragraphs[0][0] \
                and _SUMMARY_TITLE_RE.search(text[self.doc.paragraphs[0][0]:self.doc.paragraphs[0][1]]):
            self._summary_starts.add(events[0][0])  # XX总工会2023年工作总结: the whole report is the union's
        # a section without an actor continues the one before it; an article without one stops it
        self._sections = [(s, a) for s, a, opens in events if a is not None or opens]
        self._section_starts = [e[0] for e in self._sections]

    def _heading_actor(self, ps: int, pe: int) -> Mention | None:
        """The first actor a heading line names (not an organisation that only titles a person)."""
        for m in self.mentions_between(ps, pe):
            if m.label in ACTOR_LABELS and id(m) not in self.title_orgs:
                return m
        return None

    def _summary_section(self, st: _SectionScan, line: str) -> bool:
        """XX总工会2023年工作总结 … 一、…: a numbered heading in the report of the union the
        document's headline names (and still the current article's topic)."""
        ev = st.events
        return bool(_NUMBERED_HEAD_RE.match(line)) and bool(ev) and ev[0][0] == self.doc.paragraphs[0][0] \
            and ev[0][1] is not None and ev[0][1].label == Label.UNION \
            and (st.article_event < 0 or ev[st.article_event][1] is ev[0][1])

    def _heading(self, st: _SectionScan, ps: int, pe: int, line: str, level: int | None) -> None:
        """A markdown heading or a short unpunctuated line: a new article, a section of the
        current one, or a headline."""
        st.prev_heading = level if level is not None else 9
        actor = self._heading_actor(ps, pe)
        if actor is None and level is None and self._summary_section(st, line):
            # the union of the headline speaks in every numbered section; an enterprise only
            # where it is the written subject
            st.events.append((ps, st.events[0][1], False))
            self._summary_starts.add(ps)
            st.pending, st.check_lead = -1, False
            return
        topic = st.topic()
        if level is not None and (st.article_level is None or level <= st.article_level + 1
                                  or (st.article_level == 0 and not st.article_body)):
            st.events.append((ps, actor, True))
            st.article_level, st.article_event, st.article_body = level, len(st.events) - 1, False
            st.pending = len(st.events) - 1 if actor is None or actor.label == Label.REGION else -1
            return
        if topic is not None:
            self._article_section(st, ps, actor, topic)
            return
        st.events.append((ps, actor, False))
        st.pending = len(st.events) - 1 if actor is None else -1

    def _article_section(self, st: _SectionScan, ps: int, actor: Mention | None, topic: Mention) -> None:
        """A section heading inside an article about `topic`."""
        if actor is not None and actor.label == Label.REGION and not self._same_region(topic, actor) \
                and self._other_place(topic, actor):
            # a headline about another place: a new piece (its lead's body may speak)
            st.events.append((ps, actor, True))
            st.article_event, st.article_body = len(st.events) - 1, False
            st.pending, st.check_lead = len(st.events) - 1, False
            return
        if actor is not None and actor.label == Label.REGION and self._same_region(topic, actor):
            actor = topic
        st.events.append((ps, actor or topic, False))
        st.pending, st.check_lead = (len(st.events) - 1, True) if actor is None else (-1, False)

    def _check_lead(self, st: _SectionScan, ps: int, pe: int) -> None:
        """A lead whose written subject is a body of another place starts another piece; a
        section led by another body of the same place is about that body."""
        topic = st.topic()
        lead = self._lead_subject(ps, pe)
        if topic is not None and lead is not None and lead.label in (Label.UNION, Label.AGENCY) \
                and self._other_place(topic, lead):
            if st.check_lead and st.pending >= 0:
                st.events[st.pending] = (st.events[st.pending][0], lead, True)
                st.article_event = st.pending
            else:
                st.events.append((ps, lead, True))
                st.article_event = len(st.events) - 1
        elif st.check_lead and st.pending >= 0 and topic is not None and lead is not None \
                and lead.label in ORG_LABELS and self._key(lead) != self._key(topic):
            st.events[st.pending] = (st.events[st.pending][0], lead, False)
        st.pending, st.check_lead = -1, False

    def _lead_actor(self, st: _SectionScan, ps: int, pe: int) -> None:
        """The pending event's actor from the lead's first two sentences (a subject further down
        is an example, not the topic); only the first body paragraph leads."""
        si = self.doc.sentence_of(ps)
        last = si + 2
        start, head, opens = st.events[st.pending]
        while st.pending >= 0 and 0 <= si < min(last, len(self.doc.sentences)) and self.doc.sentences[si][0] < pe:
            for cs, ce in self.clauses(si):
                group = self.subject_group(cs, ce)
                if group:
                    lead = group[0]
                    if head is None:
                        st.events[st.pending] = (start, lead, opens)
                    elif lead.label in ORG_LABELS and self._same_region(lead, head):
                        st.events[st.pending] = (start, lead, opens)
                    st.pending = -1
                    break
            si += 1
        st.pending = -1

    @staticmethod
    def _key(m: Mention) -> str:
        return f"{m.label}:{m.normalised or m.surface}"

    def _lead_subject(self, ps: int, pe: int) -> Mention | None:
        """The written subject of the first clause with one in the paragraph's first sentence."""
        si = self.doc.sentence_of(ps)
        if si < 0:
            return None
        for cs, ce in self.clauses(si):
            if cs >= pe:
                break
            m, _ = self.clause_subject(cs, ce, allow_programme=False)
            if m is not None:
                return m if m.span.start >= ps else None
        return None

    def _md_level(self, ps: int) -> int | None:
        """Markdown heading level of the source line of the paragraph at ps (None if none)."""
        src = self.doc.source_text
        try:
            s, _ = self.doc.offsets.to_source(ps, ps + 1)
        except (IndexError, ValueError):
            return None
        ls = src.rfind("\n", 0, s) + 1
        m = _MD_HEADING_RE.match(src, ls, s + 1)
        return len(m.group(1)) if m else None

    def _author_line(self, ps: int, pe: int, line: str) -> Mention | None:
        """The body a signed article's author line names (see author_line); a party or
        government body stands for its region."""
        parts = self.author_line(ps, pe, line)
        if parts is None:
            return None
        org = parts[0]
        if org.label == Label.AGENCY:
            return self.region_of(org) or org
        return org

    def author_line(self, ps: int, pe: int, line: str | None = None) -> tuple[Mention, Mention | None, str] | None:
        """(body, person or None, title) of an author line: `<org>[<title>] <name>` alone on a
        short line (X区总工会党组书记、副主席 某某, X县总工会 某某). None for bylines (记者,
        通讯员, 摄 …) and anything else."""
        text = self.doc.text
        if line is None:
            line = text[ps:pe].strip()
        if len(line) > 48 or _SENT_END_RE.search(line) or _BYLINE_WORD_RE.search(line):
            return None
        m = _AUTHOR_TAIL_RE.search(line)
        if not m:
            return None
        lead = len(text[ps:pe]) - len(text[ps:pe].lstrip())
        body_end = ps + lead + m.start()
        org = None
        for x in self.mentions_between(ps, body_end + 1):
            if x.label in ORG_LABELS:
                org = x
        if org is None or _MEDIA_RE.search(org.normalised or org.surface or ""):
            return None  # 某某日报 张三: a reporter's byline, not a body's author
        gap = text[org.span.end:body_end].strip()
        if gap and not TITLE_END_RE.search(gap):
            return None
        name_s = ps + lead + m.end() - len(m.group().strip())
        person = None
        for x in self.mentions_between(name_s, ps + lead + m.end()):
            if x.label == Label.PERSON and x.span.start == name_s:
                person = x
        if person is None and self.word_tag(name_s) != "PER":
            return None  # `某某总工会 宣教部`: the tail is no name
        return org, person, gap

    def in_summary_section(self, pos: int) -> bool:
        """Whether pos lies in a numbered section of a union's work summary (see _build_sections)."""
        if self._building:
            return False
        if self._sections is None:
            self._build_sections()
        k = bisect_right(self._section_starts, pos) - 1
        return k >= 0 and self._section_starts[k] in self._summary_starts

    def section_topic(self, pos: int) -> Mention | None:
        """The actor of the section around pos (see _build_sections), None if none."""
        if self._sections is None:
            self._build_sections()
        k = bisect_right(self._section_starts, pos) - 1
        return self._sections[k][1] if k >= 0 else None
