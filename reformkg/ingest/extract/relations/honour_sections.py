"""Honour lists laid out under a heading line that names the award (a notice or a 公示):

    一、某省五一劳动奖状（2个）
    甲重工股份有限公司
    二、某省五一劳动奖章（2名）
    赵甲  乙钢铁集团有限公司轧钢厂主任工程师

A sentence that confers the award and ends with it (决定命名…等20个工作室为某省劳模创新工作室。/
授予下列同志某省五一劳动奖章：) heads the lines after it the same way.

Each line under the heading, up to the next heading, the first line that is a sentence or (in a
list of persons) the first line without a person, is one recipient (after its enumerator: 1. 2、): its persons (AWARDED, and HOLDS_POSITION to the
body written after the person, with the rest of the line as the title), else the bodies the
line lists.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label, Rel
from reformkg.ingest.document import Mention
from reformkg.ingest.extract.relations.builder import Builder, rule_part

# enumerators before a heading: 一、 （一） 1. 1、 (1)
_ENUMERATOR_RE = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|\d+(?=\t))?\s*")
# an attachment's label before the heading: 附件：… / 附件2：…
_ATTACHMENT_RE = re.compile(r"附件\s*\d*\s*[:：]?\s*")
# a year before the award on a heading line: 2023年度“某某工匠”拟推荐人选公示
_HEADING_YEAR_RE = re.compile(r"(?:19|20)\d{2}年度?")
# what may follow the award on a heading line: 获得者/获奖者/拟表彰对象, 名单, a count in brackets, a colon
_HEADING_TAIL_RE = re.compile(r"\s*(?:称号)?(?:获得者|获奖者|拟表彰对象|拟推荐对象|推荐对象|表彰对象|拟?推荐人选|拟表彰人选|候选人)?"
                              r"(?:名单)?(?:公示|的公示)?\s*(?:[（(][^）)]{0,12}[）)])?\s*[:：]?\s*")
_MAX_ITEM_CHARS = 60
_SENTENCE_END = "。！？!?；;"
_BODY_LABELS = frozenset({Label.ENTERPRISE, Label.UNION, Label.INSTITUTION, Label.AGENCY})
_GAP_BEFORE_BODY_RE = re.compile(r"(?:[（(][男女][）)])?[\s，,、:：]*")
_TITLE_RE = re.compile(r"[\u4e00-\u9fff]{1,16}")
_LIST_GAP_RE = re.compile(r"[\s、，,]*")
# a conferring sentence that ends with the award: 命名…为X。 / 授予…X称号： / 评为X，名单如下：
_CONFERRING_RE = re.compile(r"命名|授予|评为|认定为|表彰为|表彰")
_SENTENCE_TAIL_RE = re.compile(r"\s*(?:称号|荣誉称号)?[，,]?\s*(?:(?:具体)?名单如下|现予(?:以)?公示|特此公示|现将名单公布如下)?"
                               r"\s*[。：:]\s*")
# a region's sub-heading inside a list (南京市（3个）): the list goes on under it
_REGION_SUBHEAD_RE = re.compile(r"\s*[\u4e00-\u9fff]{2,10}?[省市县区州盟旗]\s*(?:[（(]\s*\d+\s*[个名家人项]?\s*[）)])?\s*[:：]?\s*")


def _heading_award(b: Builder, ps: int, pe: int) -> Mention | None:
    """The award a line consists of (after an enumerator, before a count or 名单), else None."""
    text = b.doc.text
    em = _ENUMERATOR_RE.match(text, ps, pe)
    start = em.end() if em else ps
    am = _ATTACHMENT_RE.match(text, start, pe)
    start = am.end() if am else start
    ym = _HEADING_YEAR_RE.match(text, start, pe)
    start = ym.end() if ym else start
    for m in b.ctx.mentions_between(start, pe):
        if m.span.start != start:
            return None
        if m.label == Label.AWARD and _HEADING_TAIL_RE.fullmatch(text, m.span.end, pe):
            return m
    return None


def _sentence_award(b: Builder, ps: int, pe: int) -> Mention | None:
    """The award a conferring sentence ends with (决定命名…为某省劳模创新工作室。), else None."""
    text = b.doc.text
    awards = [m for m in b.ctx.mentions_between(ps, pe) if m.label == Label.AWARD]
    if not awards:
        return None
    last = awards[-1]
    if _SENTENCE_TAIL_RE.fullmatch(text, last.span.end, pe) and _CONFERRING_RE.search(text, ps, last.span.start):
        return last
    return None


def _introduces(b: Builder, award: Mention, ps: int, pe: int) -> bool:
    """A sentence right under the heading that names the same award again introduces the list;
    so does a table's header row (序号<tab>姓名<tab>工作单位)."""
    if "\t" in b.doc.text[ps:pe] and not b.ctx.mentions_between(ps, pe):
        return True
    return any(m.label == Label.AWARD and b.key(m) == b.key(award) for m in b.ctx.mentions_between(ps, pe))


def _is_region_line(b: Builder, ps: int, pe: int) -> bool:
    """The line starts with a region mention and names nothing else."""
    ms = b.ctx.mentions_between(ps, pe)
    return len(ms) == 1 and ms[0].label == Label.REGION and b.doc.text[ps:pe].lstrip().startswith(ms[0].surface or "")


def _is_item_line(text: str, ps: int, pe: int) -> bool:
    line = text[ps:pe].strip()
    return 0 < len(line) <= _MAX_ITEM_CHARS and not any(c in _SENTENCE_END for c in line)


def _outermost(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                     for o in ms)]


@rule_part
def _person_item(b: Builder, award: Mention, persons: list[Mention], ms: list[Mention], pe: int) -> None:
    """赵甲 乙公司车间主任: the person is honoured and holds a post at the body written after her."""
    text = b.doc.text
    for p in persons:
        b.add(Rel.AWARDED, p, award, (award.span.start, p.span.end))
    if len(persons) != 1:
        return
    p = persons[0]
    bodies = [m for m in ms if m.label in _BODY_LABELS and m.span.start >= p.span.end]
    if bodies and _GAP_BEFORE_BODY_RE.fullmatch(text, p.span.end, bodies[0].span.start):
        rest = text[bodies[0].span.end:pe].strip()
        title = rest if _TITLE_RE.fullmatch(rest) else None
        b.add(Rel.HOLDS_POSITION, p, bodies[0], (p.span.start, pe), title=title)


@rule_part
def _body_item(b: Builder, award: Mention, ms: list[Mention], ps: int) -> None:
    """甲重工股份有限公司(、乙集团): the bodies the line lists, from its start (a body written right
    after its owner, 某公司某某工作室, is the one listed)."""
    text = b.doc.text
    pos = _ENUMERATOR_RE.match(text, ps).end()
    bodies: list[Mention] = []
    for m in _outermost([m for m in ms if m.label in _BODY_LABELS]):
        if not _LIST_GAP_RE.fullmatch(text, pos, m.span.start):
            break
        if bodies and bodies[-1].span.end == m.span.start:
            bodies.pop()      # 某某有限公司王某劳模创新工作室: the firm owns the body after it
        bodies.append(m)
        pos = m.span.end
    for m in bodies:
        b.add(Rel.AWARDED, m, award, (award.span.start, m.span.end))


def honour_sections(b: Builder) -> None:
    """AWARDED for each line listed under a heading that names the award."""
    doc, ctx = b.doc, b.ctx
    award: Mention | None = None
    numbered: bool | None = None     # whether the list's first line is numbered (then all are)
    of_persons = False               # whether the list's lines name persons (then all do)
    for ps, pe in doc.paragraphs:
        heading = _heading_award(b, ps, pe) or _sentence_award(b, ps, pe)
        if heading is not None:
            award, numbered, of_persons = heading, None, False
            continue
        if award is None:
            continue
        if numbered is None and _introduces(b, award, ps, pe):
            continue      # 现将2023年度“某某工匠”拟推荐人选予以公示。: the list follows
        if _REGION_SUBHEAD_RE.fullmatch(doc.text, ps, pe) and _is_region_line(b, ps, pe):
            numbered = None
            continue      # 南京市（3个）: a sub-heading of the list
        has_number = _ENUMERATOR_RE.match(doc.text, ps).group().strip() != ""
        if numbered is None:
            numbered = has_number
        if not _is_item_line(doc.text, ps, pe) or (numbered and not has_number):
            award = None
            continue
        ms = ctx.mentions_between(ps, pe)
        persons = [m for m in ms if m.label == Label.PERSON]
        if persons:
            _person_item(b, award, persons, ms, pe)
            of_persons = True
        elif of_persons:
            award = None     # a list of persons ends at a line without one (the signature block)
        else:
            _body_item(b, award, ms, ps)
