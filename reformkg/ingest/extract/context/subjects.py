"""Clause subjects of DocContext: where a clause's subject starts, its subject (group), the
subjects of a sentence, and the actor a verb is credited to (actor_for) when none is written.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context.patterns import ACTOR_LABELS, ADVERBIAL_PREFIX_RE, DEIXIS, ITEM_TAG_RE, is_reform

_RECIPIENT_AFTER_RE = re.compile(r"(?:[、和与及][^，,。；;]{2,40}?)?(?:也|还|均|都|先后|分别|已|再次|成功)?"
                                 r"(?:被|荣获|获评|获得|入选|当选|喜获|荣膺)")
_EVENT_DEIXIS_RE = re.compile(r"(?:本届|本次|此次|该项?|这次|这项)(?:大赛|竞赛|比赛|赛事|比武|活动|招聘会|培训班?|论坛|展会)")
_NOT_SUBJECT_AFTER_RE = re.compile(r"[》”]?[、等《“‘]|委员|代表|(?:日报|晚报|报|电视台|网|社)?讯")
_COORD_RE = re.compile(r"(?:、|和|与|及|以及|同)")
_WE_RE = re.compile(r"我们(?:也|还|一直|始终|坚持|正|已经|已|将)?")
# between the honours and posts before a name: 、 and titles (董事长, 高级技师 …)
_APPOSITION_GAP_RE = re.compile(r"(?:[、]|[\u4e00-\u9fff]{0,8}?(?:书记|主席|部长|局长|主任|委员|院长|校长|经理|董事长|总裁|"
                                r"会长|总经理|厂长|工程师|技师|班长|组长|队长|站长|负责人|理事长|总监|主管|代表|能手|工匠|"
                                r"劳模|职工|员工|工人))+")
# the person acts (率先建起…, 带领…): not a name used as a modifier (某某的…, 某某工作室)
_PERSON_VERB_AFTER_RE = re.compile(r"(?!的|等|工作室|创新工作室|同志的)[\u4e00-\u9fff]")
_OPENERS = frozenset(" \t\u3000“”‘’\"'(（[【")
_REL_CLAUSE_RE = re.compile(r"由[^，,。；;]{1,40}?(?:主办|承办|协办|组织|举办|发起|牵头|开展|实施|推出)的")


class SubjectsMixin:
    """DocContext's subjects (mixed into DocContext; uses its fields)."""

    def subject_start(self, cs: int, ce: int) -> int:
        """Where a clause's subject may start: after adverbials (今年以来，目前 …), unless a
        mention starts before them (a name beginning with 都/并/还 … is not an adverb)."""
        text = self.doc.text
        p0 = cs
        tag = ITEM_TAG_RE.match(text, p0, ce)
        if tag is not None and tag.end() < ce:
            p0 = tag.end()      # 【南昌】南昌市总工会举办…: a brief's place tag opens no subject
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
        for rule in _SUBJECT_RULES:
            found = rule(self, p, ce, labels, allow_programme)
            if found is not None:
                return found
        return None, p

    def _written_subject(self, p: int, ce: int, labels: frozenset[str],
                         allow_programme: bool) -> tuple[Mention, int] | None:
        """A mention starting at p (not the reform, an organisation that only titles a person
        or an enumerated item); a contextual region (该市) stands for its antecedent."""
        ok = set(labels) | ({Label.PROGRAMME} if allow_programme else set())
        for mm in self.mentions_between(p, ce):
            if mm.span.start != p:
                break
            if mm.label == Label.PROGRAMME and is_reform(mm):
                continue
            if mm.label in ok and id(mm) not in self.title_orgs and not self._enumerated(mm):
                if mm.label == Label.REGION and (mm.attrs or {}).get("contextual"):
                    ante = self._deictic_antecedent(mm)
                    if ante is not None:
                        return ante, mm.span.end
                return mm, mm.span.end
        return None

    def _located_agent(self, p: int, ce: int, labels: frozenset[str],
                       allow_programme: bool) -> tuple[Mention, int] | None:
        """在<actor><verb>… (在省劳动关系三方委员会总结…): the actor is the agent."""
        text = self.doc.text
        if text[p:p + 1] != "在":
            return None
        for mm in self.mentions_between(p + 1, ce):
            if mm.span.start != p + 1:
                break
            if mm.label in labels and mm.label in (Label.AGENCY, Label.UNION) and id(mm) not in self.title_orgs \
                    and self.word_tag(mm.span.end).startswith("v") \
                    and text[mm.span.end:mm.span.end + 1] not in ("中", "上", "下", "内", "里"):
                return mm, mm.span.end
        return None

    def _event_reference(self, p: int, ce: int, labels: frozenset[str],
                         allow_programme: bool) -> tuple[Mention, int] | None:
        """本届大赛/此次活动 …: the event named before (when programmes may be subjects)."""
        if not allow_programme:
            return None
        em = _EVENT_DEIXIS_RE.match(self.doc.text[p:min(ce, p + 6)])
        if em:
            ante = self._previous_event(p)
            if ante is not None:
                return ante, p + em.end()
        return None

    def _deictic_reference(self, p: int, ce: int, labels: frozenset[str],
                           allow_programme: bool) -> tuple[Mention, int] | None:
        """该市/集团/我企业 … (patterns.DEIXIS): the mention referred to."""
        seg = self.doc.text[p:min(ce, p + 6)]
        for rx, label, suffix in DEIXIS:
            dm = rx.match(seg)
            if dm and seg.startswith("我") and self._reader_question(p):
                continue  # 问：我企业准备…: the asker's own body, not one the text names
            if dm:
                ante = self.previous_mention(p, label, suffix)
                if label == Label.ENTERPRISE:
                    ante = self._company_antecedent(p, dm.group(), ante)
                elif label == Label.UNION:
                    ante = self._firm_union_antecedent(p, dm.group())
                if ante is not None:
                    return ante, p + dm.end()
        return None

    def _interviewee_we(self, p: int, ce: int, labels: frozenset[str],
                        allow_programme: bool) -> tuple[Mention, int] | None:
        """我们… in an interview answer (王华（某省总工会党组书记）：我们联合…): the answering
        person's body."""
        wm = _WE_RE.match(self.doc.text, p, ce)
        if wm is None:
            return None
        body = self.interviewee_body(p)
        return (body, wm.end()) if body is not None and body.label in labels else None

    def appositive_person(self, p: int, ce: int) -> Mention | None:
        """A person named after honours and posts at the clause start (江苏省劳动模范、X公司董事长
        某某率先…): the person is the subject, the rest describes him."""
        text = self.doc.text
        q = p
        for mm in self.mentions_between(p, min(ce, p + 48)):
            if mm.span.start < q:
                continue
            gap = text[q:mm.span.start]
            if gap and not _APPOSITION_GAP_RE.fullmatch(gap):
                return None
            if mm.label == Label.PERSON:
                return mm if q > p and _PERSON_VERB_AFTER_RE.match(text, mm.span.end) else None
            if mm.label not in (Label.AWARD, Label.REGION) and id(mm) not in self.title_orgs and mm.label not in ACTOR_LABELS:
                return None
            q = mm.span.end
        return None

    def subject_group(self, cs: int, ce: int, labels: frozenset[str] = ACTOR_LABELS,
                      allow_programme: bool = False) -> list[Mention]:
        """The clause subject plus actors coordinated with it (A、B和C …) at the clause start."""
        text = self.doc.text
        p = self.subject_start(cs, ce)
        ok = set(labels) | ({Label.PROGRAMME} if allow_programme else set())
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
        summary = self.in_summary_section(pos)
        while j >= 0 and doc.sentences[j][0] >= ps:
            sj = [x for x in self.subjects(j) if not self._scope_subject(*x)]
            if sj and summary and sj[0][2].label == Label.ENTERPRISE:
                sj = []  # a union's work summary: an enterprise named in passing does not carry over
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
            return m.label == Label.REGION and (m.surface or "").startswith("全")
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


# the rules clause_subject tries in order, each (context, subject start, clause end, labels,
# allow_programme) -> (mention, end) or None
_SUBJECT_RULES = (SubjectsMixin._written_subject, SubjectsMixin._located_agent, SubjectsMixin._event_reference,
                  SubjectsMixin._deictic_reference, SubjectsMixin._interviewee_we)
