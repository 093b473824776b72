"""Shared machinery of the `relations` component: the candidate builder (dedup, ontology
endpoint check, evidence span), the clause-pattern vocabulary (STOP/NOSTOP), and the helpers
every relation reader uses to find a verb's actor, the document's programmes, an enumeration
before a position and the (possibly derived) mention of the reform itself.
"""

from __future__ import annotations

from collections import Counter

import re
import sys
from types import CodeType
from typing import Callable, TypeVar

from reformkg.graph.ontology import get_ontology
from reformkg.ingest.document import Document, Mention, RelationCandidate, Span
from reformkg.ingest.extract.context import ACTOR_LABELS, REFORM_NAME, DocContext
from reformkg.graph.vocab import Label


STOP = "，,。；;：:！？!?\n"
NOSTOP = rf"[^{STOP}]"
_NOT_RUN_KIND = frozenset({"policy"})
_MAIN_FALLBACK = False  # never credit a relation to the document's main region by default alone
# the head word of a policy or plan title (…实施意见, …方案, 《…》): read by ISSUED and relations_reform
POLICY_NAME_RE = re.compile(r"(?:意见|通知|办法|方案|规划|规定|条例|细则|标准|规范|措施|决定|纲要|指引|指南|》)[”\"]?$")
_ADJ_GAP_RE = re.compile(r"(?:也|已|还|又|将|已经|正在|着力|全力|大力|积极|率先|持续|不断|先后|首先|共同|联合|在全省|在全国|在全市)?")


_F = TypeVar("_F", bound=Callable)
_RULE_PARTS: set[CodeType] = set()


def rule_part(fn: _F) -> _F:
    """Mark fn as one shape read by the rule that calls it: the facts it adds are credited to
    that rule (Builder.add names the nearest caller that is no rule part as the producer)."""
    _RULE_PARTS.add(fn.__code__)
    return fn


def _producer(frame) -> str:
    """'rule:' + the name of the rule function at or above frame (rule parts are skipped)."""
    while frame.f_code in _RULE_PARTS and frame.f_back is not None:
        frame = frame.f_back
    return "rule:" + frame.f_code.co_name.lstrip("_")


_RULE_MODULES = ("reformkg.ingest.extract.relations", "reformkg.ingest.extract.relations_reform")


def _rule_stack(frame) -> list[str]:
    """Names of the relation-rule functions from frame up the call stack (for coverage)."""
    out = []
    while frame is not None and frame.f_globals.get("__name__", "").startswith(_RULE_MODULES):
        out.append(frame.f_code.co_name.lstrip("_"))
        frame = frame.f_back
    return out


class Builder:
    """Collects the relation candidates of one document: dedup, ontology endpoint check,
    evidence span, and the producer (the rule that added each)."""

    def __init__(self, doc: Document, ctx: DocContext):
        self.doc = doc
        self.ctx = ctx
        self.onto = get_ontology()
        self.out: list[RelationCandidate] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.sponsors: dict[str, list[tuple[Mention, str, Span]]] = {}  # programme key → sponsors
        self.joint: dict[str, list[tuple[Mention, str, Span]]] = {}  # programme key → joint runners
        self.reform: Mention | None = None
        self.known: dict[str, Mention] | None = None
        self.fired: Counter[str] = Counter()  # producer → facts it proposed, a duplicate of an earlier one too
        self.fired_parts: set[str] = set()  # names of the rule functions on the call stack of a proposal

    @staticmethod
    def key(m: Mention) -> str:
        """Identity of a mention's entity: label and name."""
        return f"{m.label}:{m.normalised or m.surface}"

    def add(self, rtype: str, head: Mention | None, tail: Mention | None, trigger: tuple[int, int] | None,
            **props) -> bool:
        """Add a candidate unless a dup, a self-relation or outside the ontology's endpoint rules;
        True when added."""
        if head is None or tail is None or head is tail:
            return False
        if self.key(head) == self.key(tail):
            return False
        if not self.onto.allows(rtype, head.label, tail.label):
            return False
        k = (rtype, self.key(head), self.key(tail))
        if rtype in self.onto.symmetric_types and k[1] > k[2]:
            k = (rtype, k[2], k[1])
        caller = sys._getframe(1)
        producer = _producer(caller)
        self.fired[producer] += 1
        self.fired_parts.update(_rule_stack(caller))
        if k in self.seen:
            return False
        self.seen.add(k)
        span = None
        if trigger is not None:
            s, e = trigger
            span = Span(s, e, rtype, self.doc.sentence_of(s), "relations", {})
        if isinstance(props.get("title"), str):
            props["title"] = props["title"].strip(" \u3000\t、，,")
        self.out.append(RelationCandidate(rtype, head, tail, span,
                                          {k2: v for k2, v in props.items() if v not in (None, "")},
                                          producer=producer))
        return True




def programmes(ctx: DocContext) -> list[Mention]:
    """The document's Programme mentions."""
    return [m for m in ctx.mentions if m.label == Label.PROGRAMME]


def adjacent_actor(b: Builder, pos: int) -> Mention | None:
    """An actor written right before the verb at pos (该市推进…, 泰州深化…)."""
    ctx = b.ctx
    cs, _ = ctx.clause_bounds(pos)
    prev = ctx.mentions_between(max(cs, pos - 16), pos)
    if not prev:
        return None
    m = prev[-1]
    gap = b.doc.text[m.span.end:pos]
    if m.label in ACTOR_LABELS and id(m) not in ctx.title_orgs and _ADJ_GAP_RE.fullmatch(gap):
        before = b.doc.text[max(cs, m.span.start - 1):m.span.start]
        if before not in ("与", "和", "对", "为", "向", "由", "被", "把", "将", "给", "从", "同", "跟", "在"):
            return m
    return None


_UNION_SYSTEM_RE = re.compile(r"(?:各级|全体|基层)?工会")
_COMPANY_SUBJECT_RE = re.compile(r"(?:本|该|我)?(?:公司|集团|企业|厂)(?!工会|党委|团委)")
# An unnamed (plural or generic) group written as the clause's subject, optionally after a
# speaker's verb (强调各地工会要…): the verb's actor is that group, not the context's body.
_UNNAMED_SUBJECT_RE = re.compile(
    r"(?:(?:他|她|其|会议|文件|通知|意见|方案)?(?:指出|强调|要求|提出|表示|希望|号召|倡议)[，,：:]?)?"
    r"(?:各地|各单位|各部门|各企业|各行业|各系统|各园区|各乡镇|各街道|各县|各市|各区|各成员单位|各类|各基层|各产业|"
    r"广大|基层工会|用人单位|企业工会|各级工会|各级党委|各级政府)")


def actors_for(b: Builder, pos: int, exclude: Mention | None = None, fallback: bool = True) -> list[Mention]:
    """Subject group of the clause before pos (or the actor right before the verb), else the
    context's credited actor when `fallback`. A region's union system (某省各级工会…) stands for
    the union the piece is about, when it is that region's union; else it names no actor."""
    if b.ctx._reader_question(pos):
        return []  # 问：我企业准备开展…: a reader's question names no actor
    out = []
    for a in _actors_for_raw(b, pos, exclude, fallback):
        if a.label == Label.REGION and _UNION_SYSTEM_RE.match(b.doc.text, a.span.end):
            topic = b.ctx.section_topic(a.span.start)
            if topic is not None and topic.label == Label.UNION and b.ctx._same_region(topic, a):
                a = topic
            else:
                continue
        out.append(a)
    return out


def _actors_for_raw(b: Builder, pos: int, exclude: Mention | None = None, fallback: bool = True) -> list[Mention]:
    """The subject group of the clause, the actor right before the verb, else (with `fallback`)
    an earlier clause's subject or the context's credited actor."""
    ctx = b.ctx
    cs, ce = ctx.clause_bounds(pos)
    group = [m for m in ctx.subject_group(cs, pos) if m is not exclude and m.label in ACTOR_LABELS]
    if group:
        return group
    adj = adjacent_actor(b, pos)
    if adj is not None and adj is not exclude:
        return [adj]
    if not fallback:
        return []
    if _UNNAMED_SUBJECT_RE.match(b.doc.text, ctx.subject_start(cs, ce), pos):
        return []  # 各地工会要开展P / 各企业积极推行P: an unnamed group acts, not the section's body
    earlier = _chained_subjects(b, pos, cs, ce, exclude)
    found = earlier[-1:] if earlier else _context_actor(b, pos, cs, ce, exclude)
    return _in_voice(b, found, exclude)


def _in_voice(b: Builder, found: list[Mention], exclude: Mention | None) -> list[Mention]:
    """A subject-less clause in a piece written in a union's voice is the union's doing rather than
    that of an enterprise named earlier in passing (a region stays: 我市…, a leader's speech)."""
    voice = b.ctx.voice_union()
    if voice is None or voice is exclude or not found or found[0].label != Label.ENTERPRISE:
        return found
    return [voice]


# 中央…关于P的部署以来，X…: a time clause's subject does not carry on to later clauses
_TIME_CLAUSE_END_RE = re.compile(r"(?:以来|之后|以后|期间|之际|之时|的时候)[，,]?$")


def earlier_subjects(b: Builder, si: int, cs: int) -> list[Mention]:
    """The actor subjects of the clauses of sentence si before cs, but for time clauses (…以来)."""
    text = b.doc.text
    return [m for c_s, c_e, m in b.ctx.subjects(si) if c_s < cs and m.label in ACTOR_LABELS
            and not _TIME_CLAUSE_END_RE.search(text, c_s, c_e)]


def _chained_subjects(b: Builder, pos: int, cs: int, ce: int, exclude: Mention | None) -> list[Mention]:
    """全市共开展…，发放…；组织P: the subjects of earlier clauses a topic chain carries to pos."""
    ctx = b.ctx
    si = b.doc.sentence_of(pos)
    if si < 0:
        return []
    earlier = [m for m in earlier_subjects(b, si, cs) if m is not exclude and id(m) not in ctx.title_orgs]
    if not earlier and ctx.subject_start(cs, ce) == b.doc.sentences[si][0]:
        # …全市共开展培训4.6万人次；组织P等赛事38场次: a ；-chained sentence keeps its subject
        earlier = semicolon_chain_subjects(b, si, exclude)
    return earlier


def semicolon_chain_subjects(b: Builder, si: int, exclude: Mention | None = None) -> list[Mention]:
    """The actor subjects of the nearest earlier sentence that names one in the ；-chain sentence
    si continues (每句以；结束, in one paragraph): 某区加强组织领导；落实产改方案；推进产改进程."""
    ctx, doc = b.ctx, b.doc
    para = ctx.paragraph_of(doc.sentences[si][0]) if si >= 0 else -1
    k = si - 1
    while k >= 0 and doc.text[doc.sentences[k][1] - 1:doc.sentences[k][1]] in ("；", ";") \
            and ctx.paragraph_of(doc.sentences[k][0]) == para:
        found = [m for _, _, m in ctx.subjects(k) if m.label in ACTOR_LABELS
                 and m is not exclude and id(m) not in ctx.title_orgs]
        if found:
            return found
        k -= 1
    return []


def _context_actor(b: Builder, pos: int, cs: int, ce: int, exclude: Mention | None) -> list[Mention]:
    """The actor the context credits at pos (DocContext.actor_for), unless an unnamed company is
    the clause's subject."""
    ctx = b.ctx
    a = ctx.actor_for(pos, main=_MAIN_FALLBACK)
    if a is not None and a.label != Label.ENTERPRISE and _COMPANY_SUBJECT_RE.match(b.doc.text, ctx.subject_start(cs, ce), pos):
        return []  # 公司与X大学签约 where no enterprise is named: not the union or region of the piece
    return [a] if a is not None and a.label in ACTOR_LABELS and a is not exclude else []


def reform_programme(b: Builder, at: tuple[int, int]) -> Mention:
    """The mention of 产业工人队伍建设改革 (any in the document), else a derived one at `at`."""
    if b.reform is not None:
        return b.reform
    for m in b.ctx.mentions:
        if m.label == Label.PROGRAMME and (m.normalised or m.surface) == REFORM_NAME:
            b.reform = m
            return m
    s, e = at
    span = Span(s, e, Label.PROGRAMME, b.doc.sentence_of(s), "relations", {})
    m = Mention(span=span, label=Label.PROGRAMME, surface=b.doc.text[s:e], normalised=REFORM_NAME,
                attrs={"kind": "initiative", "derived": True, "implied": True})
    b.doc.mentions.append(m)
    b.reform = m
    return m


def enumeration_before(b: Builder, pos: int) -> list[Mention]:
    """Actors enumerated right before pos (A、B和C|等…), in text order."""
    ctx, text = b.ctx, b.doc.text
    prev = ctx.mentions_between(max(0, pos - 200), pos)
    items: list[Mention] = []
    end = pos
    for m in reversed(prev):
        if m.span.end > end:
            continue
        gap = text[m.span.end:end]
        if items and gap not in ("、", "和", "及", "与"):
            break
        if not items and gap != "":
            break
        if m.label not in ACTOR_LABELS or id(m) in ctx.title_orgs:
            break
        items.append(m)
        end = m.span.start
    return list(reversed(items))


def is_policy(p: Mention) -> bool:
    """Whether p is a policy (kind policy, or a 《titled》 document): issued, not run."""
    return (p.attrs or {}).get("kind") in _NOT_RUN_KIND or (p.surface or "").startswith("《")
