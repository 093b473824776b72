"""Shared sentence-level helpers for the outcomes and relations components: mentions indexed by
sentence, clause boundaries, quoted spans, clause subjects, deictic references (该市, 全区,
集团, 本届大赛 …), the pieces a bulletin is made of (column markers, headlines, author lines,
sections) with the body each is about, and the document's main region.

Deixis: 公司/集团 in a piece about one enterprise is that enterprise; 该市 tagged as a context
region yields to the nearer region of that kind named just before (a county-level city); 我企业
in a reader's question (问：…) refers to no named body.

Everything here works on positions into `Document.text` and the mentions other components
put into `doc.mentions`; nothing is copied or re-tagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from reformkg.ingest.document import Document, Mention, Span

ORG_LABELS = frozenset({"Union", "Enterprise", "Agency", "Institution"})
ACTOR_LABELS = frozenset({"Region"}) | ORG_LABELS

QUOTED_RE = re.compile(r"“[^”\n]{1,80}”|‘[^’\n]{1,60}’|《[^》\n]{1,100}》|「[^」\n]{1,60}」|\"[^\"\n]{1,60}\"|〈[^〉\n]{1,60}〉")
CLAUSE_PUNCT_RE = re.compile(r"[，,；;：:]")
# Sentence/clause-initial material that does not stop the next actor from being the subject:
# time adverbials, discourse markers, list bullets, opening brackets/quotes.
_ADVERBIAL = (
    r"(?:\s|[“”‘’\"'(（\[【—\-•·●■▲◆*#>]|\d{1,2}[.、．]|[一二三四五六七八九十]+[是、]"
    r"|目前|当前|现在|如今|今年以来|去年以来|今年|去年|前年|近年来|近年|近\S?年来?|近期|年内|全年"
    r"|同时|此外|另外|其中|截至目前|截至\d{4}年(?:\d{1,2}月)?(?:底|末)?|据了解|据悉|据统计|统计显示|数据显示"
    r"|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|至今|起|底|末)?|\d{1,2}月(?:\d{1,2}日)?(?:以来)?"
    r"|日前|近日|随后|最终|为此|对此|因此|而且|而|并且|并|也|还|已经|已|又|更|均|都|先后|累计|一年来|多年来|期间"
    r"|在此基础上|与此同时|此外|首先|其次|最后|特别是|尤其是)"
)
ADVERBIAL_PREFIX_RE = re.compile(rf"(?:{_ADVERBIAL}[,，]?)*")

# Deictic references to an earlier actor: (regex, label, required name suffix).
DEIXIS = (
    (re.compile(r"^(?:该|本|我|全)(省)"), "Region", "省"),
    (re.compile(r"^(?:该|本|我|全)(市)"), "Region", "市"),
    (re.compile(r"^(?:该|本|我|全)(县)"), "Region", "县"),
    (re.compile(r"^(?:该|本|我|全)(区)"), "Region", "区"),
    (re.compile(r"^(?:该|本|我|全)(镇)"), "Region", "镇"),
    (re.compile(r"^(?:(?:该|本|我)?(集团|公司)|(?:该|本|我)(企业|厂))(?!工会|职工|员工|党委|领导)"), "Enterprise", ""),
)
_REGION_PREFIX_RE = re.compile(r"^(.{1,10}?(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道))")


def sentence_of_mention(doc: Document, m: Mention) -> int:
    s = m.span.sentence
    if s is not None and s >= 0 and s < len(doc.sentences):
        ss, se = doc.sentences[s]
        if ss <= m.span.start < se:
            return s
    return doc.sentence_of(m.span.start)


@dataclass
class DocContext:
    """Indexes over one document, built once per component call."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)  # sorted by start
    starts: list[int] = field(default_factory=list)
    by_sentence: dict[int, list[int]] = field(default_factory=dict)  # sentence → indexes into mentions
    quoted: list[tuple[int, int]] = field(default_factory=list)
    quoted_starts: list[int] = field(default_factory=list)
    title_orgs: set[int] = field(default_factory=set)  # ids (id()) of org mentions that only title a person
    paragraph_starts: list[int] = field(default_factory=list)
    _subj_cache: dict[int, list[tuple[int, int, Mention]]] = field(default_factory=dict)
    _word_tags: dict[int, str] | None = None
    _sections: list[tuple[int, Mention | None]] | None = None
    _building: bool = False
    _section_starts: list[int] = field(default_factory=list)
    _regions: dict[str, Mention] | None = None
    _region_of_cache: dict[str, Mention | None] = field(default_factory=dict)
    _main_region: list[Mention | None] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document) -> "DocContext":
        ctx = cls(doc=doc)
        ctx.mentions = sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end))
        ctx.starts = [m.span.start for m in ctx.mentions]
        for i, m in enumerate(ctx.mentions):
            ctx.by_sentence.setdefault(sentence_of_mention(doc, m), []).append(i)
        ctx.quoted = [(m.start(), m.end()) for m in QUOTED_RE.finditer(doc.text)]
        ctx.quoted_starts = [s for s, _ in ctx.quoted]
        ctx.paragraph_starts = [s for s, _ in doc.paragraphs]
        # organisations that only qualify a person's title (无锡市总工会党组书记吴涛)
        for m in doc.mentions:
            if m.label != "Person":
                continue
            for o, _t in (m.attrs or {}).get("org_mentions") or ():
                ctx.title_orgs.add(id(o))
            for oi in _title_org_indexes(m):
                if 0 <= oi < len(doc.mentions):
                    ctx.title_orgs.add(id(doc.mentions[oi]))
        # without title attrs: an organisation followed by a title and a person name
        ms = ctx.mentions
        for i, m in enumerate(ms):
            if m.label not in ORG_LABELS:
                continue
            for j in range(i + 1, min(i + 4, len(ms))):
                n = ms[j]
                gap = doc.text[m.span.end:n.span.start]
                if len(gap) > 16 or _GAP_BREAK_RE.search(gap):
                    break
                if n.label == "Person":
                    if _TITLE_END_RE.search(gap):
                        ctx.title_orgs.add(id(m))
                    break
        return ctx

    # ---- positions -----------------------------------------------------------------------
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

    # ---- subjects --------------------------------------------------------------------------
    def subject_start(self, cs: int, ce: int) -> int:
        """Where a clause's subject may start: after adverbials (今年以来，目前 …), unless a
        mention starts before them (a name beginning with 都/并/还 … is not an adverb)."""
        text = self.doc.text
        p0 = cs
        while p0 < ce and text[p0] in _OPENERS:
            p0 += 1
        i = bisect_right(self.starts, p0) - 1
        if i >= 0 and self.starts[i] == p0:
            return p0
        m = ADVERBIAL_PREFIX_RE.match(text, cs, ce)
        return m.end() if m else cs

    def clause_subject(self, cs: int, ce: int, labels: frozenset[str] = ACTOR_LABELS,
                       allow_programme: bool = True) -> tuple[Mention | None, int]:
        """The actor naming the subject at the start of clause [cs, ce): a mention (or deictic
        reference such as 该市/集团) preceded only by adverbials. Returns (mention, end of it)."""
        text = self.doc.text
        p = self.subject_start(cs, ce)
        # 由A、B主办的 <X> …: the subject is X
        rel = _REL_CLAUSE_RE.match(text, p, ce)
        if rel:
            p = rel.end()
        ok = set(labels) | ({"Programme"} if allow_programme else set())
        for mm in self.mentions_between(p, ce):
            if mm.span.start != p:
                break
            if mm.label == "Programme" and is_reform(mm):
                continue
            if mm.label in ok and id(mm) not in self.title_orgs and not self._enumerated(mm):
                if mm.label == "Region" and (mm.attrs or {}).get("contextual"):
                    ante = self._deictic_antecedent(mm)
                    if ante is not None:
                        return ante, mm.span.end
                return mm, mm.span.end
        if text[p:p + 1] == "在":
            # 在<actor><verb>… (在省劳动关系三方委员会总结…): the actor is the agent
            for mm in self.mentions_between(p + 1, ce):
                if mm.span.start != p + 1:
                    break
                if mm.label in labels and mm.label in ("Agency", "Union") and id(mm) not in self.title_orgs \
                        and self.word_tag(mm.span.end).startswith("v") \
                        and text[mm.span.end:mm.span.end + 1] not in ("中", "上", "下", "内", "里"):
                    return mm, mm.span.end
        # deixis
        seg = text[p:min(ce, p + 6)]
        if allow_programme:
            em = _EVENT_DEIXIS_RE.match(seg)
            if em:
                ante = self._previous_event(p)
                if ante is not None:
                    return ante, p + em.end()
        for rx, label, suffix in DEIXIS:
            dm = rx.match(seg)
            if dm and seg.startswith("我") and self._reader_question(p):
                continue  # 问：我企业准备…: the asker's own body, not one the text names
            if dm:
                ante = self.previous_mention(p, label, suffix)
                if label == "Enterprise":
                    ante = self._company_antecedent(p, dm.group(), ante)
                if ante is not None:
                    return ante, p + dm.end()
        return None, p

    def _company_antecedent(self, pos: int, word: str, nearest: Mention | None) -> Mention | None:
        """公司/集团/该企业: in a piece about one enterprise (its headline or lead names it) that
        enterprise, not whichever company was named last (a client, a partner); else the nearest
        enterprise of that kind (集团 → a group) in the same piece."""
        kind = "集团" if "集团" in word else ""
        topic = None if self._building else self.section_topic(pos)  # not while the sections are built
        if topic is not None and topic.label == "Enterprise" and kind in (topic.normalised or topic.surface or ""):
            return topic
        if nearest is None:
            return None
        if kind and kind not in (nearest.normalised or nearest.surface or ""):
            i = bisect_right(self.starts, pos - 1) - 1
            while i >= 0 and self.starts[i] >= nearest.span.start - 2000:
                m = self.mentions[i]
                if m.label == "Enterprise" and kind in (m.normalised or m.surface or "") and m.span.end <= pos:
                    return m
                i -= 1
        return nearest

    def _deictic_antecedent(self, mm: Mention) -> Mention | None:
        """该市/该县 tagged as a contextual region: the nearest region of that kind named before
        it in the same or the previous paragraph (该市 after a county-level 高邮 is 高邮市, not the
        prefecture the document is about)."""
        sm = _DEICTIC_REGION_RE.fullmatch(mm.surface or "")
        if not sm:
            return None
        ante = self.previous_mention(mm.span.start, "Region", sm.group(1))
        if ante is None or (ante.attrs or {}).get("contextual") or ante.normalised == mm.normalised:
            return None
        pi = self.paragraph_of(mm.span.start)
        floor = self.doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
        return ante if ante.span.start >= floor else None

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
            if m.label == "Programme" and not is_reform(m) and _EVENT_HEAD_RE.search(m.normalised or m.surface or ""):
                return m
            i -= 1
        return None

    def subject_group(self, cs: int, ce: int, labels: frozenset[str] = ACTOR_LABELS,
                      allow_programme: bool = False) -> list[Mention]:
        """The clause subject plus actors coordinated with it (A、B和C …) at the clause start."""
        text = self.doc.text
        p = self.subject_start(cs, ce)
        ok = set(labels) | ({"Programme"} if allow_programme else set())
        group: list[Mention] = []
        for mm in self.mentions_between(p, ce):
            if mm.span.start < p:
                continue
            if mm.span.start > p or mm.label not in ok or id(mm) in self.title_orgs:
                break
            group.append(mm)
            c = _COORD_RE.match(text, mm.span.end, ce)
            if not c:
                break
            p = c.end()
        if not group:
            first, _ = self.clause_subject(cs, ce, labels, allow_programme)
            if first is not None:
                group = [first]
        return group

    def subjects(self, si: int) -> list[tuple[int, int, Mention]]:
        """(clause start, clause end, subject) for every clause of sentence si that has one."""
        cache = self._subj_cache
        if si not in cache:
            res = []
            for cs, ce in self.clauses(si):
                m, _ = self.clause_subject(cs, ce)
                if m is not None:
                    res.append((cs, ce, m))
            cache[si] = res
        return cache[si]

    def actor_for(self, pos: int, back_paragraphs: int = 0, main: bool = True) -> Mention | None:
        """The actor credited with what is said at `pos`: the subject of its clause (if it
        precedes pos), else of the nearest earlier clause, else of a later clause of the
        sentence, else of the nearest earlier sentence in the paragraph (and up to
        `back_paragraphs` paragraphs before), else the document's main region."""
        doc = self.doc
        si = doc.sentence_of(pos)
        if si < 0:
            return self.main_region() if main else None
        subj = self.subjects(si)
        best = None
        for c_s, c_e, m in subj:
            if c_s <= pos and m.span.start < pos:
                best = m
        if best is not None:
            return best
        for c_s, c_e, m in subj:
            if c_s > pos:
                return m
        pi = self.paragraph_of(pos)
        floor_pi = max(0, pi - back_paragraphs)
        ps = doc.paragraphs[floor_pi][0] if doc.paragraphs and pi >= 0 else 0
        j = si - 1
        while j >= 0 and doc.sentences[j][0] >= ps:
            sj = [x for x in self.subjects(j) if not self._scope_subject(*x)]
            if sj:
                return sj[0][2]
            j -= 1
        topic = self.section_topic(pos)
        if topic is not None:
            return topic
        return self.main_region() if main else None

    def _scope_subject(self, cs: int, ce: int, m: Mention) -> bool:
        """全区/全市… as a subject (resolved to the region by deixis) states the scope of a
        figure, not an agent: it does not carry over to the next subject-less sentence."""
        if cs <= m.span.start < ce:
            if _RECIPIENT_AFTER_RE.match(self.doc.text, m.span.end, ce):
                return True  # X被命名为…/X荣获…: a recipient, not the agent of what follows
            return m.label == "Region" and (m.surface or "").startswith("全")
        return self.doc.text[self.subject_start(cs, ce):][:1] == "全"

    def _enumerated(self, m: Mention) -> bool:
        """X、Y等N家… / 《A》《B》等: enumerated items are counted objects, not the subject;
        X委员/X代表 and X“…” use the actor as a modifier."""
        nxt = self.doc.text[m.span.end:m.span.end + 2]
        return bool(_NOT_SUBJECT_AFTER_RE.match(nxt))

    def word_tag(self, pos: int) -> str:
        """POS tag of the tagger word starting at pos ("" if none)."""
        if self._word_tags is None:
            self._word_tags = {sp.start: sp.label for sp in self.doc.layers.get("lac_words", ())}
        return self._word_tags.get(pos, "")

    # ---- sections --------------------------------------------------------------------------
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

    def _place(self, m: Mention) -> str | None:
        if m.label == "Region":
            return m.normalised or m.surface
        r = self.region_of(m)
        if r is not None:
            return r.normalised or r.surface
        reg = (m.attrs or {}).get("region")
        return reg if isinstance(reg, str) and reg else None

    def _other_place(self, a: Mention, b: Mention) -> bool:
        """Whether a and b are known to belong to different places (neither inside the other's name)."""
        pa, pb = self._place(a), self._place(b)
        if not pa or not pb or pa == pb:
            return False
        return not (pa.startswith(pb) or pb.startswith(pa) or pa.endswith(pb) or pb.endswith(pa))

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

    def _same_region(self, a: Mention, b: Mention) -> bool:
        """Whether b (a Region) is a's own region (a is b, or a body of b)."""
        if b.label != "Region":
            return False
        kb = b.normalised or b.surface
        if a.label == "Region":
            return (a.normalised or a.surface) == kb
        r = self.region_of(a)
        if r is not None and (r.normalised or r.surface) == kb:
            return True
        name = a.normalised or a.surface or ""
        short = kb[:-1] if len(kb) > 2 and kb[-1] in "省市县区" else kb
        return name.startswith(kb) or (len(short) >= 2 and name.startswith(short))

    def section_topic(self, pos: int) -> Mention | None:
        """The actor of the section around pos (see _build_sections), None if none."""
        if self._sections is None:
            self._build_sections()
        k = bisect_right(self._section_starts, pos) - 1
        return self._sections[k][1] if k >= 0 else None

    def main_region(self) -> Mention | None:
        if not self._main_region:
            self._main_region.append(self._compute_main_region())
        return self._main_region[0]

    def _compute_main_region(self) -> Mention | None:
        regions = [m for m in self.mentions if m.label == "Region"]
        if not regions:
            return None
        counts = Counter(m.normalised or m.surface for m in regions)
        title = self.doc.title or ""
        first_para = self.doc.text[: self.doc.paragraphs[0][1]] if self.doc.paragraphs else ""
        for name in list(counts):
            if name and (name in title or name[:2] in title):
                counts[name] += 3
            if name and name[:2] in first_para:
                counts[name] += 1
        best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        best_m = next((m for m in regions if (m.normalised or m.surface) == best), regions[0])
        # a district/county article names its city too: prefer the most specific region the
        # title or lead names, when it lies inside the best one
        head = title + self.doc.text[:300]
        place = (best_m.attrs or {}).get("place")
        if place is not None:
            for m in regions:
                name = m.normalised or m.surface
                if name != best and (m.attrs or {}).get("parent") == place and counts[name] >= 2 \
                        and (name in head or (len(name) > 2 and name[:-1] in head)):
                    return m
        return best_m

    def region_of(self, m: Mention) -> Mention | None:
        """The Region whose body a regional agency is (武进区委 → 武进区, 泰州市人社局 → 泰州市)."""
        name = m.normalised or m.surface
        if name in self._region_of_cache:
            return self._region_of_cache[name]
        res = self._region_of(m, name)
        self._region_of_cache[name] = res
        return res

    def _region_of(self, m: Mention, name: str) -> Mention | None:
        if self._regions is None:
            self._regions = {}
            for x in self.mentions:
                if x.label == "Region":
                    self._regions.setdefault(x.normalised or x.surface, x)
        regions = self._regions
        reg = m.attrs.get("region") if m.attrs else None
        if isinstance(reg, str) and reg in regions:
            return regions[reg]
        best = None
        for rn, x in regions.items():
            if rn and name.startswith(rn) and len(name) > len(rn) and (best is None or len(rn) > len(best[0])):
                best = (rn, x)
        if best is not None:
            return best[1]
        pm = _REGION_PREFIX_RE.match(name)
        if pm and len(pm.group(1)) >= 2 and len(name) > len(pm.group(1)):
            rn = pm.group(1)
            for xn, x in regions.items():
                if xn.startswith(rn) or rn.startswith(xn):
                    return x
            if not (isinstance(reg, str) and reg):
                return None
            # a derived Region mention inside the agency's name
            span = Span(m.span.start, m.span.start + min(len(rn), m.span.end - m.span.start), "Region",
                        m.span.sentence, "outcomes", {})
            new = Mention(span=span, label="Region", surface=self.doc.text[span.start:span.end],
                          normalised=reg, attrs={"derived_from": name, "place": (m.attrs or {}).get("place", -1)})
            self.doc.mentions.append(new)
            regions[reg] = new
            return new
        return None


_DEICTIC_REGION_RE = re.compile(r"[该本](省|市|县|区|镇)")
_QUESTION_RE = re.compile(r"\s*(?:问|提问|读者问|网友问|Q)\s*[:：]")
_RECIPIENT_AFTER_RE = re.compile(r"(?:[、和与及][^，,。；;]{2,40}?)?(?:也|还|均|都|先后|分别|已|再次|成功)?"
                                 r"(?:被|荣获|获评|获得|入选|当选|喜获|荣膺)")
_EVENT_DEIXIS_RE = re.compile(r"(?:本届|本次|此次|该项?|这次|这项)(?:大赛|竞赛|比赛|赛事|活动|招聘会|培训班?|论坛|展会)")
_EVENT_HEAD_RE = re.compile(r"(?:赛|会|活动|论坛|培训班?|展)”?$")
_MD_HEADING_RE = re.compile(r"(#{1,6})[ \t]")
_COLUMN_RE = re.compile(r"[【\[〖][^】\]〗]{2,10}[】\]〗]")
_AUTHOR_TAIL_RE = re.compile(r"[ \u3000]+[\u4e00-\u9fff·]{2,4}$")
_MEDIA_RE = re.compile(r"(?:报|报社|电视台|广播电台|网|杂志社?|融媒体中心?|新闻中心|传媒|出版社|通讯社|频道)$")
_BYLINE_WORD_RE = re.compile(r"记者|通讯员|编辑|校对|摄影?|来源|供稿|整理|撰稿")
_SENT_END_RE = re.compile(r"[。！？!?；;]")
REFORM_NAME = "产业工人队伍建设改革"


def is_reform(m: Mention) -> bool:
    return bool((m.attrs or {}).get("reform")) or (m.normalised or m.surface) == REFORM_NAME


_NOT_SUBJECT_AFTER_RE = re.compile(r"[》”]?[、等《“‘]|委员|代表|(?:日报|晚报|报|电视台|网|社)?讯")
_COORD_RE = re.compile(r"(?:、|和|与|及|以及|同)")
_TITLE_END_RE = re.compile(r"(?:书记|主席|部长|局长|厅长|主任|委员|常委|院长|校长|经理|董事长|总裁|会长|秘书长|"
                           r"市长|县长|区长|省长|镇长|组长|队长|召集人|教授|研究员|专家|工程师|技师|职工|员工|"
                           r"工人|班长|站长|所长|处长|科长|干事|代表|负责人|理事长|总监|主管|行长|社长)\s*$")
_GAP_BREAK_RE = re.compile(r"[，,。；;：:！？!?\n“”《》]|[与和及对为向在由把将被从给同]")
_OPENERS = frozenset(" \t\u3000“”‘’\"'(（[【")
_REL_CLAUSE_RE = re.compile(r"由[^，,。；;]{1,40}?(?:主办|承办|协办|组织|举办|发起|牵头|开展|实施|推出)的")


def _title_org_indexes(person: Mention) -> list[int]:
    """Indexes into doc.mentions of the bodies a person's title attrs name (H2's conventions:
    attrs["org"] an int, or attrs["titles"]/attrs["org"] a list of (org_index, title))."""
    out: list[int] = []
    a = person.attrs or {}
    for key in ("org", "titles", "positions"):
        v = a.get(key)
        if isinstance(v, int):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            for item in v:
                if isinstance(item, int):
                    out.append(item)
                elif isinstance(item, (list, tuple)) and item and isinstance(item[0], int):
                    out.append(item[0])
                elif isinstance(item, dict) and isinstance(item.get("org"), int):
                    out.append(item["org"])
    return out
