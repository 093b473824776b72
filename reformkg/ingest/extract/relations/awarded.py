"""AWARDED reader of the `relations` component: a named recipient + 荣获/获评/授予/入选… + award,
AWARD(、title)*PERSON, PERSON等N名AWARD.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.relations.builder import _Builder, _NOSTOP, _STOP


_AWARD_VERBS_RE = re.compile(rf"(荣获|获得(?!者)|获评|被评为|被授予|被命名为|荣膺|当选|摘得|夺得|入选|获颁|喜获|拿到|捧得|斩获|获(?![得者]))(?!者)(?:了)?(?:{_NOSTOP}{{0,12}}?)$")
_HOLDER_RE = re.compile(r"(?:荣誉)?(?:称号)?获得者(?=、|$)")
_PRONOUN_RE = re.compile(r"(?:他|她)(?:也|还|又|先后|曾|已|曾经|已经|再次|还曾)?")
_PERSON_LIST_GAP_RE = re.compile(r"、[^，,。；;、“”]{1,12}的")
_OF_GAP_RE = re.compile(r"的|、")
_AWARD_REL_AFTER_RE = re.compile(r"(?:荣誉)?(?:称号|奖)?的(?:职工|员工|工人|女工|师傅|青年|技师|高级技师|工程师|焊工|电工|钳工)?")
# 授予她“Y”称号: a pronoun recipient is one character
_GRANT_RE = re.compile(rf"(?<!被)(?:授予|颁授|评选)(?={_NOSTOP}{{1,40}}$)")
# 先后获得A、B、“C”、D等荣誉: earlier items of the award list the verb governs
_LIST_ITEM_QUOTED_RE = re.compile(r"“[^”“]{1,20}”(?:称号|荣誉称号)?$")
_WORK_TITLE_RE = re.compile(r"[“《「‘][^”》」’]{2,60}[”》」’][^“《，,。]{0,8}$")
_NAMED_AMONG_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百千]+)(?:名|位|个|人|家)[\u4e00-\u9fff]{0,4}")
_COUNT_RE = re.compile(r"\d+\s*(?:名|人|位|家|个)|[一二两三四五六七八九十百]+(?:名|人|位)")


def _year_in(doc: Document, si: int) -> int | None:
    if si < 0:
        return None
    ss, se = doc.sentences[si]
    m = re.search(r"((?:19|20)\d{2})年", doc.text[ss:se])
    return int(m.group(1)) if m else None


def _profile_person(b: _Builder, si: int, pos: int):
    """The person a sentence opens with (NAME，… / 她…), when no other person is named before pos."""
    if si < 0:
        return None
    ss = b.doc.sentences[si][0]
    persons = [x for x in b.ctx.mentions_between(ss, pos) if x.label == "Person"]
    if not persons or len({x.normalised or x.surface for x in persons}) != 1:
        return None
    first = persons[0]
    if b.doc.text[ss:first.span.start].strip() or b.doc.text[first.span.end:first.span.end + 1] not in ("，", ","):
        return None
    return first


def _list_start(b: _Builder, cs: int, aw) -> int:
    """Start of the award list aw closes (A、B、“C”和aw → A's start), else aw's start."""
    text, pos = b.doc.text, aw.span.start
    awards = {m.span.end: m for m in b.ctx.mentions_between(cs, aw.span.start) if m.label == "Award"}
    while pos > cs and text[pos - 1] in "、和及":
        end = pos - 1
        prev = awards.get(end)
        if prev is not None:
            pos = prev.span.start
            continue
        qm = _LIST_ITEM_QUOTED_RE.search(text, max(cs, end - 26), end)
        if qm is None:
            break
        pos = qm.start()
    return pos


def _awarded(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    for aw in [m for m in ctx.mentions if m.label == "Award"]:
        si = doc.sentence_of(aw.span.start)
        level = aw.attrs.get("level") if aw.attrs else None
        year = _year_in(doc, si)
        cs, ce = ctx.clause_bounds(aw.span.start)
        # (1) recipient … 荣获/获得/被评为 … AWARD
        before = text[cs:_list_start(b, cs, aw)]
        vm = _AWARD_VERBS_RE.search(before)
        if vm:
            vpos = cs + vm.start()
            between_ok = True
            recips = [m for m in ctx.mentions_between(cs, vpos)
                      if m.label in ("Person", "Enterprise", "Union", "Institution", "Region", "Programme")
                      and id(m) not in ctx.title_orgs]
            if not recips and _PRONOUN_RE.fullmatch(text, ctx.subject_start(cs, ce), vpos):
                # 她拿到了…奖章: the person the paragraph has just named
                ante = ctx.previous_mention(cs, "Person")
                pi = ctx.paragraph_of(cs)
                if ante is not None and pi >= 0 and ante.span.start >= b.doc.paragraphs[max(0, pi - 1)][0]:
                    b.add("AWARDED", ante, aw, (vpos, aw.span.end), level=level, year=year)
                continue
            if not recips:
                prof = _profile_person(b, si, vpos)
                if prof is not None:
                    # 李某，男，现任…，曾获…称号: the person a profile sentence opens with
                    b.add("AWARDED", prof, aw, (vpos, aw.span.end), level=level, year=year)
                    continue
            if not recips and _WORK_TITLE_RE.search(text, cs, vpos):
                # “一种…装置”获得…奖: a work that is no entity; its maker (the context actor) is credited
                holder = b.ctx.actor_for(vpos)
                if holder is not None and holder.label != "Region":
                    b.add("AWARDED", holder, aw, (vpos, aw.span.end), level=level, year=year)
                continue
            if recips:
                last = recips[-1]
                gap = text[last.span.end:vpos]
                if (_COUNT_RE.search(gap) and not _NAMED_AMONG_RE.fullmatch(gap)) or len(gap) > 12:
                    between_ok = False  # 3名员工获得…: unnamed; but 张三等100名职工获得…: 张三 is named
                if between_ok:
                    # the last recipient and those coordinated with it
                    group = [last]
                    for m in reversed(recips[:-1]):
                        g = text[m.span.end:group[-1].span.start]
                        if g in ("、", "和", "与", "及", "以及"):
                            group.append(m)
                        elif m.label == "Person" and last.label == "Person" and _PERSON_LIST_GAP_RE.fullmatch(g):
                            group.append(m)  # A公司的张三、B公司的李四均获评…
                        elif m.label != "Person" and last.label == "Person" and _OF_GAP_RE.fullmatch(g):
                            continue  # the body in 「B公司的李四」 qualifies the next person
                        else:
                            break
                    persons = [m for m in group if m.label == "Person"]
                    for r in (persons or group):
                        b.add("AWARDED", r, aw, (r.span.start, aw.span.end), level=level, year=year)
                    continue
        # (1a) 荣获AWARD(称号)的RECIPIENT / 被评为AWARD的X: the recipient the relative clause describes
        if vm and not ctx.mentions_between(cs, vpos):
            rm = _AWARD_REL_AFTER_RE.match(text, aw.span.end, ce)
            if rm:
                nxt = ctx.mention_at(rm.end(), {"Person", "Enterprise", "Union", "Institution"})
                if nxt is not None and nxt.span.start == rm.end() and id(nxt) not in ctx.title_orgs:
                    b.add("AWARDED", nxt, aw, (vpos, nxt.span.end), level=level, year=year)
                    continue
        # (1b) 授予 RECIPIENT(、RECIPIENT) “AWARD”
        gm = _GRANT_RE.search(text, cs, aw.span.start)
        if gm:
            recips = [m for m in ctx.mentions_between(gm.end(), aw.span.start)
                      if m.label in ("Person", "Enterprise", "Union", "Institution")]
            if recips:
                for r in recips:
                    b.add("AWARDED", r, aw, (gm.start(), aw.span.end), level=level, year=year)
                continue
        # (2) AWARD(、title)* PERSON: 全国劳动模范张三, 全国技能大师、…、淮钢职工杨庚豹
        nxt = [m for m in ctx.mentions_between(aw.span.end, min(ce, aw.span.end + 30)) if m.label == "Person"]
        if nxt:
            p = nxt[0]
            gap = text[aw.span.end:p.span.start]
            mid = ctx.mentions_between(aw.span.end, p.span.start)
            hm = _HOLDER_RE.match(gap)
            if hm and not re.search(r"[的与和对为向在由把将被从给说]", gap[hm.end():]):
                gap = gap[hm.end():]  # 全国五一劳动奖章获得者、集团首席技师张三: the holder is named
                if len(gap) <= 16 and not any(c in _STOP + "“”《》" for c in gap) \
                        and all(m.label != "Person" for m in mid):
                    b.add("AWARDED", p, aw, (aw.span.start, p.span.end), level=level, year=year)
                    continue
            if len(gap) <= 24 and not any(c in _STOP + "“”《》" for c in gap) \
                    and not re.search(r"[的与和对为向在由把将被从给获评说]|称号|获得者", gap) \
                    and all(m.label != "Person" for m in mid) \
                    and (not gap or gap.startswith("、") or len(gap) <= 8):
                if not re.search(r"称号$|获得者$", text[aw.span.end:aw.span.end + 3]):
                    b.add("AWARDED", p, aw, (aw.span.start, p.span.end), level=level, year=year)
                    continue
        # (3) PERSON等N名AWARD
        prev = [m for m in ctx.mentions_between(max(cs, aw.span.start - 16), aw.span.start) if m.label == "Person"]
        if prev:
            p = prev[-1]
            gap = text[p.span.end:aw.span.start]
            if re.fullmatch(r"等(?:\d+|[一二两三四五六七八九十百]+)(?:名|位|个|人)", gap):
                b.add("AWARDED", p, aw, (p.span.start, aw.span.end), level=level, year=year)


# 享受国务院(政府)特殊津贴: a personal honour of the national level, written as a verb phrase
_ALLOWANCE_RE = re.compile(r"(?:享受|获得|荣获|被批准享受|获批享受)(国务院(?:政府)?特殊津贴)")
_ALLOWANCE_NAME = "国务院政府特殊津贴"


def _special_allowance(b: _Builder) -> None:
    """PERSON …，享受国务院政府特殊津贴: the person the sentence is about (the last one named before
    it in the sentence, no other person in between; or her pronoun) receives the allowance."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for m in _ALLOWANCE_RE.finditer(text):
        si = doc.sentence_of(m.start())
        if si < 0:
            continue
        ss = doc.sentences[si][0]
        persons = [x for x in ctx.mentions_between(ss, m.start()) if x.label == "Person"]
        if not persons or len({x.normalised or x.surface for x in persons}) != 1:
            continue  # none, or several people named: whose allowance is unclear
        s, e = m.start(1), m.end(1)
        # the body named inside the honour (国务院) is part of its name, not an actor of the text
        doc.mentions[:] = [x for x in doc.mentions if not (x.label != "Award" and s <= x.span.start and x.span.end <= e)]
        aw = Mention(span=Span(s, e, "Award", si, "relations", {}), label="Award", surface=text[s:e],
                     normalised=_ALLOWANCE_NAME, attrs={"level": "national", "derived": True})
        doc.mentions.append(aw)
        b.add("AWARDED", persons[-1], aw, (persons[-1].span.start, e), level="national", year=_year_in(doc, si))
