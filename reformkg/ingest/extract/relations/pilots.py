"""PILOTS reader of the `relations` component: designations as pilot units/cities/parks
(作为/列为…试点单位, 确定A、B为试点, 在…试点中, 经过A、B等的试点), with the designating level.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context import ACTOR_LABELS, ADVERBIAL_PREFIX_RE, ORG_LABELS, is_reform
from reformkg.ingest.extract.relations.builder import (Builder, NOSTOP, actors_for, enumeration_before,
                                                       reform_programme, rule_part)
from reformkg.ingest.extract.relations.structure import coordinated
from reformkg.graph.vocab import Label, Rel


_AS_PILOT_RE = re.compile(rf"(?:作为|是|成为|列为|被列为|确定为|被确定为|入选|获批)({NOSTOP}{{0,30}}?)试点(?:的)?(?:单位|企业|省份|省|城市|市|县|区|园区|地区|工会|学校|院校|基地)")
# 被确定为全国产业工人队伍建设改革试点 / 被列为全省产改试点 (no unit noun after 试点)
_AS_PILOT_BARE_RE = re.compile(rf"(?:被列为|列为|被确定为|确定为|入选|获批|被选为|被批准为|成为)((?:(?!试点){NOSTOP}){{0,30}}?)"
                               r"试点(?=之一|以来|后|[，,。；;、]|$)")
_DESIGNATE_RE = re.compile(r"(?:遴选|确定|选取|选定|评选|推荐|命名|批准|择优|选树|培育|选择)(?:了|出)?")
_CHOSEN_PILOT_RE = re.compile(rf"(?:确定|选取|选定|遴选|命名|批准)({NOSTOP}{{2,80}}?)(?:等\S{{0,6}}?)?为({NOSTOP}{{0,30}}?)试点(?:单位|企业|省份|城市|园区|地区|县|区|工会|学校|院校|基地)")
_LISTED_PILOT_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)(?:家|个|所)?([\u4e00-\u9fff]{0,8}?)试点(?:单位|企业|园区|城市|县|区|学校|院校|基地)")
# (省级)产改试点(巩固)企业(——)X: the designation written as a title in front of the named actor
_TITLED_PILOT_RE = re.compile(r"((?:(?!试点)[^，,。；;：:！？!?\n、“”《》]){0,12}?)试点(?:巩固|示范|培育)?"
                              r"(?:单位|企业|园区|学校|院校|基地)(?:——|—|：|:)?")
_PILOT_AT_RE = re.compile(rf"在((?:(?!在){NOSTOP}){{2,40}}?)(?:率先|先行)?试点(?:推行|实施|推广|开展|探索|运行)(?:了)?")
# 推动A、B开展省级产改试点 / X积极承担产改试点工作: the named actors right before the verb
_CARRY_OUT_PILOT_RE = re.compile(r"(?:率先|先行|积极|全面|深入|扎实)?(?:开展|承担|推进|实施|探索)(?:了)?"
                                 r"((?:国家级|省级|市级|县级|区级|全国|全省|全市)?)(?:的)?(?:产改|产业工人队伍建设改革)(?:工作|综合|改革)?试点")
# 确定A、B等5个省份开展…试点 / A、B等省开展…试点: the count or kind of the list between its last item and the verb
_ETC_COUNT_RE = re.compile(r"等(?:(?:\d+|[一二两三四五六七八九十]+)(?:个|家|所)?)?(?:省份|省|城市|市|县|区|地区|企业|单位|园区|"
                           r"学校|院校|工会)?")
_JOINT_BEFORE_RE = re.compile(r"(?:联合|会同|携手|协同|联手|和|与|同)$")
_IN_PILOT_RE = re.compile(rf"在({NOSTOP}{{0,20}}?)试点(?:中|工作中|过程中|期间)")
_VIA_PILOT_RE = re.compile(rf"(?:经过|通过)({NOSTOP}{{0,60}}?)等?{NOSTOP}{{0,8}}?的试点")
_LEVEL_WORDS = (("全国", "national"), ("国家级", "national"), ("国家", "national"), ("全省", "provincial"),
                ("省级", "provincial"), ("省", "provincial"), ("全市", "municipal"), ("市级", "municipal"),
                ("市", "municipal"), ("全区", "district"), ("全县", "district"), ("区级", "district"),
                ("县级", "district"))


def level_of(text: str) -> str | None:
    """The level (national/provincial/municipal/district) a level word in text names, if any."""
    for w, lvl in _LEVEL_WORDS:
        if w in text:
            return lvl
    return None


def _target_programme(b: Builder, s: int, e: int) -> Mention | None:
    """The last Programme mention in [s, e), if any."""
    progs = [m for m in b.ctx.mentions_between(s, e) if m.label == Label.PROGRAMME]
    return progs[-1] if progs else None


def _loose_enumeration_before(b: Builder, pos: int) -> list[Mention]:
    """A、B、C right before pos where some items are no mention (微纳园、某某区等8家): the
    actors among the 、-separated items of the clause, when the item right before pos is short."""
    ctx, text = b.ctx, b.doc.text
    cs, _ = ctx.clause_bounds(pos - 1)
    seg = text[cs:pos]
    parts = seg.split("、")
    if len(parts) < 2 or any(not p or len(p) > 16 for p in parts[1:]) or len(parts[0]) > 40:
        return []
    items: list[Mention] = []
    for x in ctx.mentions_between(cs, pos):
        if x.label in ACTOR_LABELS and id(x) not in ctx.title_orgs and text[x.span.end:x.span.end + 1] in ("、", "等") \
                and (x.span.start == cs or text[x.span.start - 1] == "、" or x.span.start >= pos - len(parts[-1])
                     or x.span.start == cs + len(parts[0]) - (x.span.end - x.span.start)):
            items.append(x)
    # an item the entity components left untagged here but found elsewhere in the text
    # (微纳园 named as a place earlier): the known actor of that exact name
    known = _known_actors(b)
    off = cs
    for part in parts:
        ps_, pe_ = off, off + len(part)
        off = pe_ + 1
        name = part.strip()
        if not name or any(ps_ <= x.span.start < pe_ for x in items):
            continue
        x = known.get(name)
        if x is not None and all(b.key(x) != b.key(y) for y in items):
            items.append(x)
    return items


def _known_actors(b: Builder) -> dict[str, Mention]:
    """Surface forms and names of the document's organisation and region mentions → a mention."""
    if b.known is None:
        b.known = {}
        for m in b.ctx.mentions:
            if m.label in ACTOR_LABELS and id(m) not in b.ctx.title_orgs and not (m.attrs or {}).get("derived") \
                    and len(m.surface or "") >= 2 and not (m.surface or "").startswith(("全", "我", "本", "该")):
                for n in (m.surface, m.normalised):
                    if n:
                        b.known.setdefault(n, m)
    return b.known


def mark_pilot(m: Mention) -> None:
    """Mark m as a pilot (attrs["pilot"])."""
    if m.attrs is None:
        m.attrs = {}
    m.attrs["pilot"] = True


def pilots(b: Builder) -> None:
    """PILOTS: the designation shapes of each sentence that speaks of 试点, in order."""
    doc, text = b.doc, b.doc.text
    for si, (ss, se) in enumerate(doc.sentences):
        if "试点" not in text[ss:se]:
            continue
        _designated_as(b, ss, se)
        _chosen_as(b, ss, se)
        _in_pilot(b, ss, se)
        _programme_pilots(b, si)
        _pilot_at(b, ss, se)
        _listed_pilots(b, ss, se)
        _via_pilot(b, ss, se)
        _titled_pilots(b, ss, se)
        _carrying_out_pilots(b, ss, se)


@rule_part
def _add_pilot(b: Builder, a: Mention, target: Mention, trig: tuple[int, int], **props) -> None:
    """PILOTS a → target; a newly credited pilot is marked as one."""
    if b.add(Rel.PILOTS, a, target, trig, **props):
        mark_pilot(a)


@rule_part
def _designated_as(b: Builder, ss: int, se: int) -> None:
    """(1) X 作为/是/列为 … 试点单位/企业/省份, X被列为全省产改试点."""
    text = b.doc.text
    for m in list(_AS_PILOT_RE.finditer(text, ss, se)) + list(_AS_PILOT_BARE_RE.finditer(text, ss, se)):
        _designated(b, m)


@rule_part
def _designated(b: Builder, m: re.Match) -> None:
    """One designation: its programme (the reform when the description names it, a level or
    nothing), its pilots and the designating level."""
    desc_s, desc_e = m.span(1)
    desc = m.group(1)
    target = _target_programme(b, desc_s, desc_e)
    if target is None:
        if re.search(r"改革|产改", desc) or not desc.strip() or level_of(desc) or "全面" in desc:
            target = reform_programme(b, (m.start(), m.end()))
        else:
            return
    actors = _designated_actors(b, m)
    if actors is None:
        return
    level = _designation_level(b, m, desc)
    for a in actors:
        _add_pilot(b, a, target, (m.start(), m.end()), level=level)


def _designated_actors(b: Builder, m: re.Match) -> list[Mention] | None:
    """Who is designated: the clause's subject group; the designated objects of 遴选/确定了A、B
    作为… (None when there are none); the next clause's subject (作为…试点单位，集团将…); else the
    nearest actor before 作为."""
    ctx, text = b.ctx, b.doc.text
    cs, ce = ctx.clause_bounds(m.start())
    actors = [a for a in ctx.subject_group(cs, m.start()) if a.label in ACTOR_LABELS]
    dv = _DESIGNATE_RE.search(text, cs, m.start())
    if dv is not None and m.group().startswith("作为"):
        # X遴选/确定了A、B等N家企业作为…试点企业: A and B are the pilots, X designates them
        actors = [a for a in ctx.mentions_between(dv.end(), m.start())
                  if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
        if not actors:
            return None
    if not actors:
        # 作为…试点单位，集团将… : the subject of the next clause
        gap_end = ADVERBIAL_PREFIX_RE.match(text, cs, m.start()).end()
        if text[ce:ce + 1] in ("，", ",") and gap_end == m.start():
            ncs, nce = ctx.clause_bounds(ce + 1)
            actors = [a for a in ctx.subject_group(ncs, nce) if a.label in ACTOR_LABELS]
    if not actors:
        # before 作为 in the same clause: the nearest actor (江苏作为全国…试点省份)
        prior = [a for a in ctx.mentions_between(cs, m.start()) if a.label in ACTOR_LABELS
                 and id(a) not in ctx.title_orgs]
        if prior:
            actors = [prior[-1]]
    return actors


def _designation_level(b: Builder, m: re.Match, desc: str) -> str | None:
    """The level the description states, else that of the designating body (X被省总工会确定为…)."""
    level = level_of(desc)
    if level is None:
        # X被省总工会确定为试点单位: the designating body's level
        cs, _ = b.ctx.clause_bounds(m.start())
        bm = re.search(rf"被({NOSTOP}{{2,20}}?)$", b.doc.text[cs:m.start()])
        if bm:
            level = level_of(bm.group(1))
    return level


@rule_part
def _chosen_as(b: Builder, ss: int, se: int) -> None:
    """(1b) 确定/选取 A、B、C 为(…)试点单位."""
    ctx, text = b.ctx, b.doc.text
    for m in _CHOSEN_PILOT_RE.finditer(text, ss, se):
        desc = m.group(2)
        target = _target_programme(b, m.start(2), m.end(2))
        if target is None:
            if re.search(r"改革|产改", desc) or not desc.strip() or level_of(desc):
                target = reform_programme(b, (m.start(), m.end()))
            else:
                continue
        for a in ctx.mentions_between(m.start(1), m.end(1)):
            if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs:
                _add_pilot(b, a, target, (m.start(), m.end()), level=level_of(desc))


@rule_part
def _in_pilot(b: Builder, ss: int, se: int) -> None:
    """(2) X 在(产改)试点中: X pilots it (and, for the reform, carries it out)."""
    ctx, text = b.ctx, b.doc.text
    for m in _IN_PILOT_RE.finditer(text, ss, se):
        desc_s, desc_e = m.span(1)
        target = _target_programme(b, desc_s, desc_e)
        if target is None:
            if not re.search(r"改革|产改", m.group(1)):
                continue
            target = reform_programme(b, (m.start(), m.end()))
        cs, ce = ctx.clause_bounds(m.start())
        actors = [a for a in ctx.subject_group(cs, m.start()) if a.label in ACTOR_LABELS]
        for a in actors:
            _add_pilot(b, a, target, (m.start(), m.end()), level=level_of(m.group(1)))
            if is_reform(target) and a.label != Label.PERSON:
                b.add(Rel.RUNS, a, target, (m.start(), m.end()))  # X在产改试点中…: it carries the reform out


@rule_part
def _programme_pilots(b: Builder, si: int) -> None:
    """(3) PROGRAMME 试点 (落实“…”制度试点): the clause's credited actor."""
    ctx, text = b.ctx, b.doc.text
    for p in [x for x in ctx.sentence_mentions(si) if x.label == Label.PROGRAMME]:
        if text[p.span.end:p.span.end + 2] == "试点" and text[p.span.end + 2:p.span.end + 3] not in ("单", "企"):
            if is_reform(p):
                continue  # 园区产改试点: the generic phrase names no pilot
            cs, _ = ctx.clause_bounds(p.span.start)
            actors = [a for a in ctx.subject_group(cs, p.span.start) if a.label in ACTOR_LABELS]
            if not actors:
                a = ctx.actor_for(p.span.start, main=False)
                actors = [a] if a is not None and a.label in ACTOR_LABELS else []
            for a in actors[:1]:
                _add_pilot(b, a, p, (p.span.start, p.span.end + 2))


@rule_part
def _carrying_out_pilots(b: Builder, ss: int, se: int) -> None:
    """(3b) 推动A、B开展省级产改试点 / 某县积极承担产改试点工作 / 确定A、B等5个省份开展产改试点:
    the actor (or 、-list of actors) written right before the verb (or its 等N个 count) pilots
    the reform, at the level written."""
    ctx, text = b.ctx, b.doc.text
    for m in _CARRY_OUT_PILOT_RE.finditer(text, ss, se):
        last = next((x for x in ctx.mentions_between(max(ss, m.start() - 24), m.start())
                     if (x.span.end == m.start() or _ETC_COUNT_RE.fullmatch(text, x.span.end, m.start()))
                     and x.label in ACTOR_LABELS and x.label != Label.PERSON
                     and id(x) not in ctx.title_orgs), None)
        if last is None:
            continue
        actors = [a for a in _loose_enumeration_before(b, m.start()) if a.label != Label.PERSON] or [last]
        if last not in actors:
            actors.append(last)
        first = min(a.span.start for a in actors)
        if _JOINT_BEFORE_RE.search(text, max(ss, first - 3), first):
            continue     # 甲联合乙开展产改试点工作: a joint action on the reform, not a pilot unit
        target = reform_programme(b, (m.start(), m.end()))
        for a in actors:
            _add_pilot(b, a, target, (a.span.start, m.end()), level=level_of(m.group(1)))


@rule_part
def _pilot_at(b: Builder, ss: int, se: int) -> None:
    """(2b) X在Y试点推行/实施P: Y pilots P (X carries it out)."""
    ctx, text = b.ctx, b.doc.text
    for m in _PILOT_AT_RE.finditer(text, ss, se):
        p = ctx.mention_at(m.end(), {Label.PROGRAMME})
        if p is None or is_reform(p):
            continue
        for a in ctx.mentions_between(m.start(1), m.end(1)):
            if a.label in ORG_LABELS and id(a) not in ctx.title_orgs:
                _add_pilot(b, a, p, (m.start(), p.span.end))
        for a in actors_for(b, m.start(), exclude=p):
            b.add(Rel.RUNS, a, p, (m.start(), p.span.end))


@rule_part
def _listed_pilots(b: Builder, ss: int, se: int) -> None:
    """(3b) A、B、C等N家(省级)(产改)试点单位: an enumerated list of pilots."""
    for m in _LISTED_PILOT_RE.finditer(b.doc.text, ss, se):
        _listed(b, m)


@rule_part
def _listed(b: Builder, m: re.Match) -> None:
    """One pilot list: its items (loosely enumerated ones too), its programme and level."""
    ctx, text = b.ctx, b.doc.text
    items = enumeration_before(b, m.start())
    for x in _loose_enumeration_before(b, m.start()):
        if all(b.key(x) != b.key(y) for y in items):
            items.append(x)
    if not items:
        return
    desc = m.group(1)
    target = _target_programme(b, m.start(), m.end()) or reform_programme(b, (m.start(), m.end()))
    if not level_of(desc):
        # 全省确定了A、B等10个试点县: the level the designating clause states
        lcs, _ = ctx.clause_bounds(items[0].span.start)
        lead = text[lcs:items[0].span.start]
        if re.search(r"确定|遴选|选定|选取|批准|命名|公布", lead):
            desc = lead
    for a in items:
        _add_pilot(b, a, target, (items[0].span.start, m.end()), level=level_of(desc))


@rule_part
def _via_pilot(b: Builder, ss: int, se: int) -> None:
    """(4) 经过/通过 A、B等N家企业的试点 — only with a named programme in the sentence."""
    ctx, text = b.ctx, b.doc.text
    for m in _VIA_PILOT_RE.finditer(text, ss, se):
        target = _target_programme(b, ss, se)
        if target is None:
            continue
        for a in ctx.mentions_between(m.start(1), m.end(1)):
            if a.label in ORG_LABELS and id(a) not in ctx.title_orgs:
                _add_pilot(b, a, target, (m.start(), m.end()))


@rule_part
def _titled_pilots(b: Builder, ss: int, se: int) -> None:
    """(产改)试点企业X / 省级产改试点巩固单位——X: the actor named right after a pilot title (and
    the items coordinated with it) pilots what the title names, the reform by default."""
    ctx = b.ctx
    for m in _TITLED_PILOT_RE.finditer(b.doc.text, ss, se):
        first = ctx.mention_at(m.end(), ORG_LABELS)
        if first is None or first.span.start != m.end() or id(first) in ctx.title_orgs:
            continue
        desc = m.group(1)
        target = _target_programme(b, m.start(1), m.end(1))
        if target is None:
            if not (re.search(r"改革|产改", desc) or level_of(desc) or not desc.strip()):
                continue
            target = reform_programme(b, (m.start(), first.span.end))
        for a in [first, *coordinated(b, first)]:
            if a.span.start >= first.span.start:
                _add_pilot(b, a, target, (m.start(), a.span.end), level=level_of(desc))
