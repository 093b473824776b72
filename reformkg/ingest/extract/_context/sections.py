"""Sections of DocContext: the articles and sections a bulletin is made of (column markers,
markdown headings, headlines, author lines) and the body each is about (section_topic).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reformkg.ingest.document import Mention
from reformkg.ingest.extract._context.patterns import ACTOR_LABELS, ORG_LABELS, _TITLE_END_RE

_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]")
_COLUMN_RE = re.compile(r"[【\[〖][^】\]〗]{2,10}[】\]〗]")
_AUTHOR_TAIL_RE = re.compile(r"[ \u3000]+[\u4e00-\u9fff·]{2,4}$")
_MEDIA_RE = re.compile(r"(?:报|报社|电视台|广播电台|网|杂志社?|融媒体中心?|新闻中心|传媒|出版社|通讯社|频道)$")
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|编辑|校对|摄影?|来源|供稿|整理|撰稿")
_SENT_END_RE = re.compile(r"[。！？!?；;]")
_SUMMARY_TITLE_RE = re.compile(r"工作(?:总结|报告|汇报)|年度总结|述职报告")
# 一、加强思想引领 / （二）…: a numbered section heading of a work summary
_NUMBERED_HEAD_RE = re.compile(r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)])")


class _SectionsMixin:
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
        events: list[tuple[int, Mention | None, bool]] = []  # (start, actor, opens an article)
        self._summary_starts = set()
        text = self.doc.text
        pending = -1  # index of an event still looking for its actor in the lead
        article_level: int | None = None  # markdown level of the article heading; 0 = column marker
        article_event = -1
        article_body = False  # a body paragraph seen since the article opened
        prev_heading: int | None = None  # level of the heading right before (9: a plain line)
        check_lead = False  # the pending event only checks whether its lead changes the piece
        for ps, pe in self.doc.paragraphs:
            line = text[ps:pe].strip()
            if _COLUMN_RE.fullmatch(line):
                events.append((ps, None, True))
                article_level, article_event, article_body, pending = 0, len(events) - 1, False, len(events) - 1
                prev_heading = None
                continue
            author = self._author_line(ps, pe, line)
            if author is not None:
                if article_event >= 0 and not article_body:
                    events[article_event] = (events[article_event][0], author, True)
                elif prev_heading is not None:
                    # the headline right before the author line opens a new article
                    events[-1] = (events[-1][0], author, True)
                    article_event, article_level = len(events) - 1, prev_heading
                else:
                    events.append((ps, author, True))
                    article_event, article_level = len(events) - 1, 9
                article_body, pending, prev_heading = False, -1, None
                continue
            level = self._md_level(ps)
            if level is not None or (len(line) <= 32 and not _SENT_END_RE.search(line)):
                prev_heading = level if level is not None else 9
                actor = None
                for m in self.mentions_between(ps, pe):
                    if m.label in ACTOR_LABELS and id(m) not in self.title_orgs:
                        actor = m
                        break
                if actor is None and level is None and _NUMBERED_HEAD_RE.match(line) and events \
                        and events[0][0] == self.doc.paragraphs[0][0] and events[0][1] is not None \
                        and events[0][1].label == "Union" \
                        and (article_event < 0 or events[article_event][1] is events[0][1]):
                    # XX总工会2023年工作总结 … 一、…: the union of the headline speaks in every
                    # numbered section; an enterprise only where it is the written subject
                    events.append((ps, events[0][1], False))
                    self._summary_starts.add(ps)
                    pending, check_lead = -1, False
                    continue
                topic = events[article_event][1] if article_event >= 0 else None
                opens = level is not None and (article_level is None or level <= article_level + 1
                                               or (article_level == 0 and not article_body))
                if opens:
                    events.append((ps, actor, True))
                    article_level, article_event, article_body = level, len(events) - 1, False
                    pending = len(events) - 1 if actor is None or actor.label == "Region" else -1
                    continue
                if topic is not None:
                    if actor is not None and actor.label == "Region" and not self._same_region(topic, actor) \
                            and self._other_place(topic, actor):
                        # a headline about another place: a new piece (its lead's body may speak)
                        events.append((ps, actor, True))
                        article_event, article_body = len(events) - 1, False
                        pending, check_lead = len(events) - 1, False
                        continue
                    if actor is not None and actor.label == "Region" and self._same_region(topic, actor):
                        actor = topic
                    events.append((ps, actor or topic, False))
                    pending, check_lead = (len(events) - 1, True) if actor is None else (-1, False)
                    continue
                events.append((ps, actor, False))
                pending = len(events) - 1 if actor is None else -1
                continue
            article_body = True
            prev_heading = None
            if pending < 0 or check_lead:
                # a lead whose written subject is a body of another place starts another piece
                topic = events[article_event][1] if article_event >= 0 else None
                lead = self._lead_subject(ps, pe)
                if topic is not None and lead is not None and lead.label in ("Union", "Agency") \
                        and self._other_place(topic, lead):
                    if check_lead and pending >= 0:
                        events[pending] = (events[pending][0], lead, True)
                        article_event = pending
                    else:
                        events.append((ps, lead, True))
                        article_event = len(events) - 1
                elif check_lead and pending >= 0 and topic is not None and lead is not None \
                        and lead.label in ORG_LABELS and self._key(lead) != self._key(topic):
                    # a section led by another body of the same place is about that body
                    events[pending] = (events[pending][0], lead, False)
                pending, check_lead = -1, False
                continue
            si = self.doc.sentence_of(ps)
            # only the lead's first two sentences: a subject further down is an example, not the topic
            last = si + 2
            start, head, opens = events[pending]
            while pending >= 0 and 0 <= si < min(last, len(self.doc.sentences)) and self.doc.sentences[si][0] < pe:
                for cs, ce in self.clauses(si):
                    group = self.subject_group(cs, ce)
                    if group:
                        lead = group[0]
                        if head is None:
                            events[pending] = (start, lead, opens)
                        elif lead.label in ORG_LABELS and self._same_region(lead, head):
                            events[pending] = (start, lead, opens)
                        pending = -1
                        break
                si += 1
            pending = -1  # only the first body paragraph leads
        if events and events[0][1] is not None and events[0][1].label == "Union" and self.doc.paragraphs \
                and events[0][0] == self.doc.paragraphs[0][0] \
                and _SUMMARY_TITLE_RE.search(text[self.doc.paragraphs[0][0]:self.doc.paragraphs[0][1]]):
            self._summary_starts.add(events[0][0])  # XX总工会2023年工作总结: the whole report is the union's
        # a section without an actor continues the one before it; an article without one stops it
        self._sections = [(s, a) for s, a, opens in events if a is not None or opens]
        self._section_starts = [e[0] for e in self._sections]

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
        if org.label == "Agency":
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
        if gap and not _TITLE_END_RE.search(gap):
            return None
        name_s = ps + lead + m.end() - len(m.group().strip())
        person = None
        for x in self.mentions_between(name_s, ps + lead + m.end()):
            if x.label == "Person" and x.span.start == name_s:
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
