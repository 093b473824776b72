"""PARTNERS_WITH readers of the `relations` component: A与B合作/签约/结对/共建, stations a union
sets up in other bodies (在B、C设立…工作站), and interns taken from named schools.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context import ACTOR_LABELS
from reformkg.ingest.extract.relations.builder import Builder, NOSTOP, actors_for, rule_part
from reformkg.ingest.extract.relscore.triggers import alternation
from reformkg.graph.vocab import Label, Rel


_PARTNER_RE = re.compile(rf"^(?:{NOSTOP}{{0,12}}?)({alternation(Rel.PARTNERS_WITH)})")  # ingest/data/triggers
_HAND_IN_HAND_RE = re.compile(rf"^(?:{NOSTOP}{{0,6}}?)(打造|建立|成立|开展|推进|共建|搭建|创建)")
_WITH_GAP_RE = re.compile(r"(?:与|同|跟|和|携手|联手)(?:[\u4e00-\u9fff]{0,5}?(?:重点|骨干|龙头|知名|项目|企业|高校|单位))?$")
_LIST_TAIL_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)?(?:所|家|个)?[\u4e00-\u9fff]{0,6}?(?:高校|院校|学校|大学|企业|单位|机构)")
_CLASS_HOLDERS = frozenset({Label.ENTERPRISE, Label.INSTITUTION, Label.AGENCY})
_PARTY_COUNT_RE = re.compile(r"(?:[三四五六七八九十多]|\d+)方")
_STATION_RE = re.compile(rf"在((?:(?!在){NOSTOP}){{2,40}}?)(?:分别)?(?:设立|建立|设置|成立|开设|共建)(?:了)?"
                         rf"{NOSTOP}{{0,20}}?(?:工作站|工作室|服务站|调解室|联络站|服务窗口|调解中心|(订单班|冠名班|学徒班|定向班|"
                         rf"实训基地|培训基地|产业学院))")
_UNNAMED_PARTY_RE = re.compile(r"(?:指导|鼓励|推动|引导|组织|支持|帮助|促进|协调|动员|推进|带动)(?:各类|广大|更多|重点|相关|辖区)?"
                               r"(?:企业|单位|学校|院校|高校|职工|工人|员工|会员|基层工会|基层)$")


def partners(b: Builder) -> None:
    """PARTNERS_WITH: A与B(、C等N家单位)合作/签约/结对/共建 for every actor written after 与/同/和/携手."""
    ctx = b.ctx
    for other in ctx.mentions:
        if other.label not in ACTOR_LABELS or id(other) in ctx.title_orgs:
            continue
        _partners_with(b, other)


# A、B(、C)结对共建… / A、B签订合作协议: the listed parties partner each other
_AMONG_RE = re.compile(r"(?:双方|两家|三方|共同|相互)?(结对|共建|联建|签约|签订|签署|合作)")


def listed_partners(b: Builder) -> None:
    """A、B结对共建X (推动A、B结对共建…): a 、-list of actors right before a partnership verb
    partners among itself (A与B… is read by `partners`)."""
    ctx, text = b.ctx, b.doc.text
    ms = [m for m in ctx.mentions if m.label in ACTOR_LABELS and id(m) not in ctx.title_orgs]
    i = 0
    while i < len(ms):
        run = [ms[i]]
        while i + len(run) < len(ms) and text[run[-1].span.end:ms[i + len(run)].span.start] == "、":
            run.append(ms[i + len(run)])
        i += len(run)
        if len(run) < 2 or text[max(0, run[0].span.start - 1):run[0].span.start] in ("与", "同", "和", "、"):
            continue
        am = _AMONG_RE.match(text, run[-1].span.end)
        if am is None:
            continue
        for x, y in ((x, y) for k, x in enumerate(run) for y in run[k + 1:]):
            b.add(Rel.PARTNERS_WITH, x, y, (run[0].span.start, am.end()))


@rule_part
def _partners_with(b: Builder, other: Mention) -> None:
    """与OTHER(、…)+ a partnership verb: the actor before 与 partners each listed actor."""
    ctx, text = b.ctx, b.doc.text
    ws = max(0, other.span.start - 8)
    wm = _WITH_GAP_RE.search(text, ws, other.span.start)
    if not wm or wm.start() == 0:
        return
    w = wm.start()  # position of 与/同/和
    cs, ce = ctx.clause_bounds(other.span.start)
    coordinated = _coordinated_partners(b, other, ce)
    list_end = coordinated[-1].span.end
    lm = _LIST_TAIL_RE.match(text, list_end, ce) if len(coordinated) > 1 else None
    if lm:
        list_end = lm.end()
    parties = _PARTY_COUNT_RE.match(text, list_end, ce) if len(coordinated) > 1 else None
    if parties:
        list_end = parties.end()     # A与B、C三方签订…: every party with every other
    pm = _PARTNER_RE.match(text[list_end:ce])
    if not pm and text[w:w + 2] in ("携手", "联手"):
        pm = _HAND_IN_HAND_RE.match(text[list_end:ce])
    if not pm:
        return
    if re.search(r"联合开展|共同开展|联合举办|联合主办", text[list_end:list_end + pm.end() + 2]):
        return
    for h in _partner_heads(b, other, w, cs):
        for o in coordinated:
            b.add(Rel.PARTNERS_WITH, h, o, (w, list_end + pm.end()))
    if parties:
        for i, x in enumerate(coordinated):
            for y in coordinated[i + 1:]:
                b.add(Rel.PARTNERS_WITH, x, y, (w, list_end + pm.end()))


def _coordinated_partners(b: Builder, other: Mention, ce: int) -> list[Mention]:
    """Actors coordinated with `other` (与A、B、C等5所高校合作): the list ends before the verb."""
    ctx, text = b.ctx, b.doc.text
    out = [other]
    for m in ctx.mentions_between(other.span.end, ce):
        if m.span.start < out[-1].span.end:
            continue
        if m.label in ACTOR_LABELS and id(m) not in ctx.title_orgs \
                and text[out[-1].span.end:m.span.start] in ("、", "和", "及", "以及"):
            out.append(m)
        else:
            break
    return out


def _partner_heads(b: Builder, other: Mention, w: int, cs: int) -> list[Mention]:
    """The actor before 与 (at w): a mention ending right there, else the clause subject, else the
    context's actor; none when no partnership is meant (与A和B签约, a bare 和, 指导企业与X合作)."""
    ctx, text = b.ctx, b.doc.text
    prev = ctx.mentions_between(cs, w)
    if prev and prev[-1].span.end == w and prev[-1].label in ACTOR_LABELS:
        if text[w] in "和及" and re.search(r"[与同跟]$", text[max(cs, prev[-1].span.start - 1):prev[-1].span.start]):
            return []  # 与A和B签约: B is A's fellow partner, not A's
        return [prev[-1]]
    if text[w] == "和":
        return []  # 和 only coordinates two written names
    if _UNNAMED_PARTY_RE.search(text, max(cs, w - 10), w):
        return []  # 指导企业与X合作: the other party is an unnamed noun
    return actors_for(b, w, exclude=other)


_INTERNS_RE = re.compile(rf"(?:吸纳|接收|接纳|引进|招收|接待|吸引)(?:了)?((?:(?!吸纳|接收){NOSTOP}){{2,80}}?)"
                         r"(?:等)?(?:\d+所|[一二两三四五六七八九十]+所)?(?:高校|院校|大学|学校|职校|技校)?的?"
                         r"(?:实习生|毕业生|学生|学员|实训生)")


def school_interns(b: Builder) -> None:
    """(企业)吸纳/接收 A大学、B学院等高校的实习生: the enterprise takes in the named schools'
    interns, a school-enterprise cooperation with each school."""
    ctx, text = b.ctx, b.doc.text
    for m in _INTERNS_RE.finditer(text):
        schools = [x for x in ctx.mentions_between(m.start(1), m.end(1))
                   if x.label == Label.INSTITUTION and id(x) not in ctx.title_orgs]
        if not schools:
            continue
        for e in actors_for(b, m.start()):
            if e.label != Label.ENTERPRISE:
                continue
            for sch in schools:
                b.add(Rel.PARTNERS_WITH, e, sch, (m.start(), m.end()))


def stations_in_bodies(b: Builder) -> None:
    """(X工会)在A、B(分别)设立…工作站/调解室: a union that sets up a joint station inside other
    bodies partners with them; so does a firm or school that opens a class or training base in
    another (X公司在Y学院设立“X订单班”)."""
    ctx, text = b.ctx, b.doc.text
    for m in _STATION_RE.finditer(text):
        hosts = [a for a in ctx.mentions_between(m.start(1), m.end(1))
                 if a.label in (Label.AGENCY, Label.INSTITUTION, Label.ENTERPRISE) and id(a) not in ctx.title_orgs]
        if not hosts:
            continue
        for u in actors_for(b, m.start()):
            # a union's station in a body; anyone's class or training base at a school or firm
            if u.label != Label.UNION and not (m.group(2) and u.label in _CLASS_HOLDERS):
                continue
            for h in hosts:
                b.add(Rel.PARTNERS_WITH, u, h, (m.start(), m.end()))
