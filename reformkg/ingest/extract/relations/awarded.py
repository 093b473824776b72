"""AWARDED reader of the `relations` component: a named recipient + 荣获/获评/授予/入选… + award,
AWARD(、title)*PERSON, PERSON等N名AWARD; NAME(正)是…的AWARD, 成长为/成为 AWARD, a later clause
continuing the sentence's person(s) (…，并获得/被授予AWARD, also after 2022年，她…), and 这项成果获得
AWARD credited to the paragraph's person (profile) or else the context's body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.relations.builder import Builder, NOSTOP, STOP, rule_part
from reformkg.ingest.extract.relations.structure import EMPLOYERS, is_worker_role, worker_roles
from reformkg.graph.vocab import Label, Rel


_AWARD_VERBS_RE = re.compile(rf"(成长为|成为|荣获|获得(?!者)|获评|被评为|被授予|被命名为|被{NOSTOP}{{1,14}}?(?:命名为|评为|授予|认定为)|荣膺|当选|摘得|夺得|入选|获颁|喜获|拿到|捧得|斩获|获(?![得者]))(?!者)(?:了)?(?:{NOSTOP}{{0,12}}?)$")
_HOLDER_RE = re.compile(r"(?:荣誉)?(?:称号)?获得者(?=、|$)")
_PRONOUN_RE = re.compile(r"(?:他|她)(?:也|还|又|先后|曾|已|曾经|已经|再次|还曾)?")
_PERSON_LIST_GAP_RE = re.compile(r"、[^，,。；;、“”]{1,12}的")
_OF_GAP_RE = re.compile(r"的|、")
_AWARD_REL_AFTER_RE = re.compile(r"[”」’]?(?:荣誉)?(?:称号|奖)?的(?:职工|员工|工人|女工|师傅|青年|技师|高级技师|工程师|焊工|电工|钳工)?")
# 授予她“Y”称号: a pronoun recipient is one character
_GRANT_RE = re.compile(rf"(?<!被)(?:授予|颁授|评选)(?={NOSTOP}{{1,40}}$)|(?<!被)命名(?=[^，,。；;：:]{{1,80}}为[^，,。；;：:]{{0,10}}$)")
# 先后获得A、B、“C”、D等荣誉: earlier items of the award list the verb governs
_LIST_ITEM_QUOTED_RE = re.compile(r"“[^”“]{1,20}”(?:称号|荣誉称号)?$")
_WORK_TITLE_RE = re.compile(r"[“《「‘][^”》」’]{2,60}[”》」’][^“《，,。]{0,8}$")
# 这项成果/该技术/其发明 获得…奖: an achievement with no entity of its own; its owner is credited
_ACHIEVEMENT_RE = re.compile(r"(?:这项|该项|此项|这一|这些|上述|该|其|此)(?:技术)?(?:创新)?"
                             r"(?:成果|发明|专利|技术|项目|工法|操作法|课题|作品|产品)"
                             r"(?:也|还|又|先后|已|均|都|更|再次)*")
_NAMED_AMONG_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百千]+)(?:名|位|个|人|家)[\u4e00-\u9fff]{0,4}")
# 3名员工 / 十余名职工: an unnamed group; 一名普通焊工 (从一名…成长为) describes one person
_COUNT_RE = re.compile(r"\d+\s*(?:名|人|位|家|个)|(?!一[名人位])[一二两三四五六七八九十百]+(?:名|人|位)")
# 并获得/被授予/还荣获…: a clause that continues the sentence's subject
_TIME_WORD = r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|今年|去年|前年|同年|当年|次年|近年来|近年|多年来|此后|随后|后来)"
_CONTINUE_RE = re.compile(rf"{_TIME_WORD}?(?:并且|并|还|又|也|同时|随后|此后|后|最终|先后|再次|更是|更)*(?:被)?")
# 2022年，她…: a leading time clause before the sentence's subject
_LEAD_TIME_RE = re.compile(rf"{_TIME_WORD}(?:以来|初|底|中|后)?[，,]")
# NAME(正)是…的AWARD: the award stands in apposition to the subject
_APPOS_END_RE = re.compile(r"(?:荣誉)?(?:称号)?(?:之一)?(?:[，,。；;！!、）)\n]|$)")
_APPOS_RE = re.compile(rf"(?:正|就|也|便|更|还)?是(?:{NOSTOP}{{0,16}}的)?(?:第[一二三四五六七八九十百\d]+届|(?:19|20)\d{{2}}年度)?$")


_YEAR_RE = re.compile(r"((?:19|20)\d{2})年(?!以来|来|起|开始|至|到|底前|前)")
_CLAUSE_BREAK = "，,；;。！？!?\n"
_LEAD_DATE_RE = re.compile(r"\s*((?:19|20)\d{2})年(?:度|初|底|末)?(?:\d{1,2}月(?:\d{1,2}日)?)?[，,]")


def _year_in(doc: Document, si: int, pos: int | None = None) -> int | None:
    """The year that dates what is said at `pos`: the last 19xx/20xx年 written in the clause
    before it (a year that opens a span, 2019年以来, dates nothing); without `pos`, the
    sentence's only year."""
    if si < 0:
        return None
    ss, se = doc.sentences[si]
    if pos is None:
        years = {m.group(1) for m in _YEAR_RE.finditer(doc.text, ss, se)}
        return int(years.pop()) if len(years) == 1 else None
    cs = max((doc.text.rfind(c, ss, pos) for c in _CLAUSE_BREAK), default=-1)
    found = list(_YEAR_RE.finditer(doc.text, max(ss, cs + 1), pos))
    if found:
        return int(found[-1].group(1))
    lead = _LEAD_DATE_RE.match(doc.text, ss)  # 2023年，张某荣获…: a date opening the sentence dates it
    return int(lead.group(1)) if lead and lead.end() <= pos else None


def _profile_person(b: Builder, si: int, pos: int):
    """The person a sentence opens with (NAME，… / 她…), when no other person is named before pos."""
    if si < 0:
        return None
    ss = b.doc.sentences[si][0]
    persons = [x for x in b.ctx.mentions_between(ss, pos) if x.label == Label.PERSON]
    if not persons or len({x.normalised or x.surface for x in persons}) != 1:
        return None
    first = persons[0]
    if b.doc.text[ss:first.span.start].strip() or b.doc.text[first.span.end:first.span.end + 1] not in ("，", ","):
        return None
    return first


# 张三所在的班组 / 张三带领的团队 / 张三创新工作室: the subject is a group named after the person
_GROUP_AFTER_RE = re.compile(r"(?:所在|带领|领衔|牵头|组建)?的|所在|(?:劳模|技能大师|工匠|职工|技师)?(?:创新)?工作室|班组|团队|车间")
_GROUP_GAP_RE = re.compile(r"(?:所在|带领|领衔|牵头|组建)|(?:的)?(?:劳模|技能大师|工匠|职工|技师)?(?:创新)?工作室|(?:的)?(?:班组|团队|车间)")
_COLLECTIVE_AWARD_RE = re.compile(r"先锋号|集体|示范岗|工作室|班组|车间|单位|企业|团队|标兵岗")


# a lead adverbial of scene before the subject: 在第十届…大赛中，
# a discourse opener before the subject: 据了解，/ 此外，
_LEAD_DISCOURSE_RE = re.compile(r"(?:据了解|据悉|据介绍|记者了解到|另外|此外|同时|其中)[，,]")
_LEAD_SCENE_RE = re.compile(r"在[^，,。；;“”]{2,40}?(?:中|上|期间|之际)[，,]")


def _employer_qualifies(b: Builder, ss: int, person: Mention) -> bool:
    """甲公司(的)(数控)车工张三…: the sentence opens with the person's employer and role, which
    only qualify the person who is its subject."""
    before = b.ctx.mentions_between(ss, person.span.start)
    if len(before) != 1 or before[0].span.start != ss or before[0].label not in EMPLOYERS:
        return False
    gap = b.doc.text[before[0].span.end:person.span.start].removeprefix("的")
    return gap == "" or is_worker_role(gap, worker_roles())


def _sentence_subject(b: Builder, si: int, pos: int):
    """The person a sentence opens with (NAME… or 她/他… after the paragraph named her), when no
    other person is named before pos."""
    if si < 0:
        return None
    text, ctx = b.doc.text, b.ctx
    ss = b.doc.sentences[si][0]
    while ss < pos and text[ss] in " \u3000\t“\"":
        ss += 1
    lt = _LEAD_TIME_RE.match(text, ss, pos) or _LEAD_SCENE_RE.match(text, ss, pos) or _LEAD_DISCOURSE_RE.match(text, ss, pos)
    if lt:
        ss = lt.end()
    persons = [x for x in ctx.mentions_between(ss, pos) if x.label == Label.PERSON]
    if len({x.normalised or x.surface for x in persons}) > 1:
        return None
    if persons:
        if (persons[0].span.start != ss and not _employer_qualifies(b, ss, persons[0])) \
                or _GROUP_AFTER_RE.match(text, persons[0].span.end):
            return None
        return persons[0]
    if text[ss:ss + 1] in ("他", "她") and text[ss + 1:ss + 2] != "们":
        ante = ctx.previous_mention(ss, Label.PERSON)
        pi = ctx.paragraph_of(ss)
        if ante is not None and pi >= 0 and ante.span.start >= b.doc.paragraphs[max(0, pi - 1)][0]:
            return ante
    return None


def _sentence_subjects(b: Builder, si: int, pos: int) -> list:
    """The person(s) a sentence opens with: one (see _sentence_subject), or a coordinated group at
    its start (王刚和李红…，并获得…) when no other person is named before pos."""
    one = _sentence_subject(b, si, pos)
    if one is not None:
        return [one]
    if si < 0:
        return []
    text, ctx = b.doc.text, b.ctx
    ss = b.doc.sentences[si][0]
    while ss < pos and text[ss] in " \u3000\t“\"":
        ss += 1
    persons = [x for x in ctx.mentions_between(ss, pos) if x.label == Label.PERSON]
    if len(persons) < 2 or persons[0].span.start != ss:
        return []
    for a, c in zip(persons, persons[1:]):
        if text[a.span.end:c.span.start] not in ("、", "和", "与", "及"):
            return []
    if _GROUP_AFTER_RE.match(text, persons[-1].span.end):
        return []
    return persons


def _paragraph_person(b: Builder, pos: int):
    """The person a paragraph opens with (a profile: NAME是…。/ 她…。), when no other person is
    named in the paragraph before pos."""
    pi = b.ctx.paragraph_of(pos)
    if pi < 0:
        return None
    ps = b.doc.paragraphs[pi][0]
    first = b.doc.sentence_of(ps)
    while first >= 0 and b.doc.sentences[first][1] <= ps:
        first += 1
    if first < 0 or first >= len(b.doc.sentences):
        return None
    subj = _sentence_subject(b, first, b.doc.sentences[first][1])
    if subj is None:
        return None
    names = {x.normalised or x.surface for x in b.ctx.mentions_between(ps, pos) if x.label == Label.PERSON}
    if names - {subj.normalised or subj.surface}:
        return None
    return subj


def _list_start(b: Builder, cs: int, aw) -> int:
    """Start of the award list aw closes (A、B、“C”和aw → A's start), else aw's start."""
    text, pos = b.doc.text, aw.span.start
    awards = {m.span.end: m for m in b.ctx.mentions_between(cs, aw.span.start) if m.label == Label.AWARD}
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


@dataclass
class _AwardSite:
    """One Award mention with what every shape reads around it."""

    aw: Mention
    si: int
    cs: int
    ce: int
    level: str | None
    year: int | None


def awarded(b: Builder) -> None:
    """AWARDED: each Award mention, read through the shapes below in a fixed order; the first
    shape that takes the award decides it."""
    doc, ctx = b.doc, b.ctx
    for aw in [m for m in ctx.mentions if m.label == Label.AWARD]:
        si = doc.sentence_of(aw.span.start)
        cs, ce = ctx.clause_bounds(aw.span.start)
        site = _AwardSite(aw, si, cs, ce, aw.attrs.get("level") if aw.attrs else None,
                          _year_in(doc, si, aw.span.start))
        _award(b, site)


@rule_part
def _award(b: Builder, s: _AwardSite) -> None:
    """The shapes of one award, in order: (1) recipient + verb, (0) apposition, (1a) relative
    clause, (1b) 授予, (2) AWARD PERSON, (3) PERSON等N名AWARD."""
    # (1) recipient … 荣获/获得/被评为 … AWARD
    vm = _AWARD_VERBS_RE.search(b.doc.text[s.cs:_list_start(b, s.cs, s.aw)])
    vpos = s.cs + vm.start() if vm else -1
    # X为获得AWARD称号的A、B颁发证书: X presents; the recipients follow the relative clause
    if vm and _presenter_before(b.doc.text, s, vpos):
        _relative_recipient(b, s, vpos)
        return
    if vm and _LISTED_AFTER_RE.match(b.doc.text, s.aw.span.end):
        return       # 我市荣获AWARD的有：A、B: the list after the colon names them (see LIST_INTRO)
    if vm and _verb_recipient(b, s, vpos):
        return
    # (0) NAME(正)是(…的)AWARD: 他正是从赛场走出来的全国技术能手
    if not vm and _appositive_recipient(b, s):
        return
    # (1a) 荣获AWARD(称号)的RECIPIENT / 被评为AWARD的X: the recipient the relative clause describes
    if vm and not b.ctx.mentions_between(s.cs, vpos) and _relative_recipient(b, s, vpos):
        return
    if _granted_recipients(b, s) or _title_before_person(b, s):
        return
    _counted_person(b, s)


@rule_part
def _add(b: Builder, recipient: Mention, s: _AwardSite, trig: tuple[int, int]) -> None:
    """AWARDED recipient → the site's award, with its level and year."""
    b.add(Rel.AWARDED, recipient, s.aw, trig, level=s.level, year=s.year)


@rule_part
def _verb_recipient(b: Builder, s: _AwardSite, vpos: int) -> bool:
    """RECIPIENT … 荣获/获评 … AWARD: the named recipients, else the person or body an unnamed
    subject stands for; True when the award is decided."""
    ctx = b.ctx
    recips = [m for m in ctx.mentions_between(s.cs, vpos)
              if m.label in (Label.PERSON, Label.ENTERPRISE, Label.UNION, Label.INSTITUTION, Label.REGION, Label.PROGRAMME)
              and id(m) not in ctx.title_orgs]
    # 一汽某某有限公司工会获评…: the union, not the company its name contains
    recips = [m for m in recips if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                           and (o.span.end - o.span.start) > (m.span.end - m.span.start) for o in recips)]
    origins = [m for m in recips if _is_origin(b.doc.text, m, vpos)]
    if origins and len(origins) == len(recips):
        return True  # 来自X的某某获得…: the recipient is the one X qualifies, not X
    recips = [m for m in recips if m not in origins]
    if recips:
        return _named_recipients(b, s, vpos, recips)
    return _unnamed_recipient(b, s, vpos)


_ORIGIN_BEFORE = ("来自", "出自", "代表")
# …荣获AWARD(称号)的(个人)有/是/分别是：the recipients follow the colon, the subject is a scope
_LISTED_AFTER_RE = re.compile(r"[”」’]?(?:称号|荣誉称号)?的(?:个人|集体|单位|同志|职工|人员|选手)?"
                              r"(?:有|是|分别是|分别为|为|包括)\s*[：:]")


def _is_origin(text: str, m: Mention, vpos: int) -> bool:
    """来自X的N获得…: X only says where the recipient N comes from (something follows 的)."""
    return text[max(0, m.span.start - 2):m.span.start] in _ORIGIN_BEFORE and text.startswith("的", m.span.end) \
        and m.span.end + 1 < vpos


@rule_part
def _unnamed_recipient(b: Builder, s: _AwardSite, vpos: int) -> bool:
    """No recipient before the verb: a pronoun, a profile sentence, a continued subject, an
    achievement or a work stands for the person or body credited."""
    ctx, text = b.ctx, b.doc.text
    subj_start = ctx.subject_start(s.cs, s.ce)
    if _PRONOUN_RE.fullmatch(text, subj_start, vpos):
        _pronoun_recipient(b, s, vpos)
        return True
    prof = _profile_person(b, s.si, vpos)
    if prof is not None:
        # 李某，男，现任…，曾获…称号: the person a profile sentence opens with
        _add(b, prof, s, (vpos, s.aw.span.end))
        return True
    if _CONTINUE_RE.fullmatch(text, subj_start, vpos) and _continued_subjects(b, s, vpos):
        return True
    if _ACHIEVEMENT_RE.fullmatch(text, subj_start, vpos):
        holder = _paragraph_person(b, vpos) or ctx.actor_for(vpos, main=False)
        if holder is not None and holder.label in (Label.PERSON, Label.ENTERPRISE, Label.INSTITUTION, Label.UNION):
            # 这项成果获得…奖: the person (profile) or body (enterprise piece) it belongs to
            _add(b, holder, s, (vpos, s.aw.span.end))
        return True
    if _WORK_TITLE_RE.search(text, s.cs, vpos):
        # “一种…装置”获得…奖: a work that is no entity; its maker (the context actor) is credited
        holder = b.ctx.actor_for(vpos)
        if holder is not None and holder.label != Label.REGION:
            _add(b, holder, s, (vpos, s.aw.span.end))
        return True
    return False


@rule_part
def _pronoun_recipient(b: Builder, s: _AwardSite, vpos: int) -> None:
    """她拿到了…奖章: the person the paragraph has just named."""
    ctx = b.ctx
    ante = ctx.previous_mention(s.cs, Label.PERSON)
    pi = ctx.paragraph_of(s.cs)
    if ante is not None and pi >= 0 and ante.span.start >= b.doc.paragraphs[max(0, pi - 1)][0]:
        _add(b, ante, s, (vpos, s.aw.span.end))


@rule_part
def _continued_subjects(b: Builder, s: _AwardSite, vpos: int) -> bool:
    """张三在…中夺得第一名，(并)被授予“Y”: the sentence's subject carries on (not for a
    collective award)."""
    subjs = _sentence_subjects(b, s.si, vpos)
    if not subjs or _COLLECTIVE_AWARD_RE.search(s.aw.normalised or s.aw.surface or ""):
        return False
    for subj in subjs:
        _add(b, subj, s, (vpos, s.aw.span.end))
    return True


def _recipient_is_named(b: Builder, s: _AwardSite, vpos: int, last: Mention) -> bool:
    """Whether the last recipient before the verb is the one awarded: not an unnamed group
    (3名员工获得…, but 张三等100名职工获得…), nor a long gap, nor a group named after a person
    (unless a long adverbial follows the sentence's own subject)."""
    text, ctx = b.doc.text, b.ctx
    gap = text[last.span.end:vpos]
    if not ((_COUNT_RE.search(gap) and not _NAMED_AMONG_RE.fullmatch(gap)) or len(gap) > 12
            or (last.label == Label.PERSON and _GROUP_GAP_RE.match(gap))):
        return True
    # 张三在全省…大赛中夺得第一名被授予…: a long adverbial
    return last.label == Label.PERSON and len(gap) > 12 and not _COUNT_RE.search(gap) \
        and not _GROUP_GAP_RE.match(gap) and _sentence_subject(b, s.si, vpos) is last \
        and all(m.label in (Label.PROGRAMME, Label.REGION, Label.AWARD) for m in ctx.mentions_between(last.span.end, vpos)) \
        and not _COLLECTIVE_AWARD_RE.search(s.aw.normalised or s.aw.surface or "")


_SHORT_TITLE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}")


def _qualified_item_gap(text: str, m: Mention, nxt: Mention, recips: list[Mention]) -> bool:
    """Between two listed persons: 、 + the next one's body and title (、B集团桥吊司机)."""
    gap = text[m.span.end:nxt.span.start]
    if not gap.startswith("、"):
        return False
    bodies = [r for r in recips if m.span.end < r.span.start and r.span.end <= nxt.span.start and r.label != Label.PERSON]
    if len(bodies) != 1:
        return False
    before, after = text[m.span.end + 1:bodies[0].span.start], text[bodies[0].span.end:nxt.span.start]
    return before == "" and bool(_SHORT_TITLE_RE.fullmatch(after) or after == "")


def _coordinated_with_last(text: str, recips: list[Mention]) -> list[Mention]:
    """The last recipient and those coordinated with it (A、B和C; A公司的张三、B公司的李四)."""
    last = recips[-1]
    group = [last]
    for m in reversed(recips[:-1]):
        g = text[m.span.end:group[-1].span.start]
        if g in ("、", "和", "与", "及", "以及"):
            group.append(m)
        elif m.label == Label.PERSON and last.label == Label.PERSON and (
                _PERSON_LIST_GAP_RE.fullmatch(g) or _qualified_item_gap(text, m, group[-1], recips)):
            group.append(m)  # A公司的张三、B公司的李四均获评… / A公司技师张三、B集团司机李四荣获…
        elif m.label != Label.PERSON and last.label == Label.PERSON and (
                _OF_GAP_RE.fullmatch(g) or _SHORT_TITLE_RE.fullmatch(g)):
            continue  # the body in 「B公司的李四」/「B集团司机李四」 qualifies the next person
        else:
            break
    return group


@rule_part
def _named_recipients(b: Builder, s: _AwardSite, vpos: int, recips: list[Mention]) -> bool:
    """A、B和C荣获AWARD: the last named recipient and those coordinated with it (persons first)."""
    if not _recipient_is_named(b, s, vpos, recips[-1]):
        return False
    group = _coordinated_with_last(b.doc.text, recips)
    persons = [m for m in group if m.label == Label.PERSON]
    for r in (persons or group):
        _add(b, r, s, (r.span.start, s.aw.span.end))
    return True


@rule_part
def _appositive_recipient(b: Builder, s: _AwardSite) -> bool:
    """NAME(正)是(…的)AWARD: the award stands in apposition to the clause's person."""
    ctx, text = b.ctx, b.doc.text
    am = _APPOS_RE.search(text, s.cs, _list_start(b, s.cs, s.aw))
    if not am:
        return False
    prev = [m for m in ctx.mentions_between(s.cs, am.start()) if m.label == Label.PERSON]
    if prev and len(text[prev[-1].span.end:am.start()]) <= 2 \
            and ctx.subject_start(s.cs, s.ce) >= prev[-1].span.start - 1 \
            and _APPOS_END_RE.match(text, s.aw.span.end):
        _add(b, prev[-1], s, (prev[-1].span.start, s.aw.span.end))
        return True
    return False


# the presenter's preposition right before the relative clause: 为/向/给(获得…的)
_PRESENTER_PREP_RE = re.compile(r"(?:为|向|给)(?:了)?$")
_COORD_GAPS = ("、", "和", "与", "及", "以及")


def _presenter_before(text: str, s: _AwardSite, vpos: int) -> bool:
    """X为(向/给)获得AWARD称号的Y颁发…: the verb opens a relative clause after a benefactive
    preposition, so whoever stands before the verb presents the honour and does not receive it."""
    return bool(_PRESENTER_PREP_RE.search(text, s.cs, vpos))


@rule_part
def _relative_recipient(b: Builder, s: _AwardSite, vpos: int) -> bool:
    """荣获AWARD(称号)的RECIPIENT(、RECIPIENT…): the persons or bodies right after the relative
    clause, the first and those coordinated with it."""
    ctx, text = b.ctx, b.doc.text
    rm = _AWARD_REL_AFTER_RE.match(text, s.aw.span.end, s.ce)
    if not rm:
        return False
    kinds = {Label.PERSON, Label.ENTERPRISE, Label.UNION, Label.INSTITUTION}
    nxt = ctx.mention_at(rm.end(), kinds)
    if nxt is None or nxt.span.start != rm.end() or id(nxt) in ctx.title_orgs:
        return False
    group = [nxt]
    for m in ctx.mentions_between(nxt.span.end, s.ce):
        if m.label == nxt.label and text[group[-1].span.end:m.span.start] in _COORD_GAPS:
            group.append(m)
        elif m.span.start >= group[-1].span.end:
            break
    for r in group:
        _add(b, r, s, (vpos, r.span.end))
    return True


@rule_part
def _granted_recipients(b: Builder, s: _AwardSite) -> bool:
    """(1b) 授予 RECIPIENT(、RECIPIENT) “AWARD”: the recipients between the verb and the award."""
    ctx = b.ctx
    gm = _GRANT_RE.search(b.doc.text, s.cs, s.aw.span.start)
    if not gm:
        return False
    recips = [m for m in ctx.mentions_between(gm.end(), s.aw.span.start)
              if m.label in (Label.PERSON, Label.ENTERPRISE, Label.UNION, Label.INSTITUTION)]
    persons = [m for m in recips if m.label == Label.PERSON]
    if persons and gm.group(0) == "命名":
        recips = persons  # 命名张三（甲公司）、李四（乙公司）为…: the bodies only say where they work
    for r in recips:
        _add(b, r, s, (gm.start(), s.aw.span.end))
    return bool(recips)


@rule_part
def _title_before_person(b: Builder, s: _AwardSite) -> bool:
    """(2) AWARD(、title)* PERSON: 全国劳动模范张三, 全国技能大师、…、淮钢职工杨庚豹, and
    AWARD获得者、title PERSON."""
    ctx, text, aw = b.ctx, b.doc.text, s.aw
    nxt = [m for m in ctx.mentions_between(aw.span.end, min(s.ce, aw.span.end + 30)) if m.label == Label.PERSON]
    if not nxt:
        return False
    p = nxt[0]
    gap = text[aw.span.end:p.span.start]
    mid = ctx.mentions_between(aw.span.end, p.span.start)
    hm = _HOLDER_RE.match(gap)
    if hm and not re.search(r"[的与和对为向在由把将被从给说]", gap[hm.end():]):
        gap = gap[hm.end():]  # 全国五一劳动奖章获得者、集团首席技师张三: the holder is named
        if len(gap) <= 16 and not any(c in STOP + "“”《》" for c in gap) \
                and all(m.label != Label.PERSON for m in mid):
            _add(b, p, s, (aw.span.start, p.span.end))
            return True
    if len(gap) <= 24 and not any(c in STOP + "“”《》" for c in gap) \
            and not re.search(r"[的与和对为向在由把将被从给获评说]|称号|获得者", gap) \
            and all(m.label != Label.PERSON for m in mid) \
            and (not gap or gap.startswith("、") or len(gap) <= 8):
        if not re.search(r"称号$|获得者$", text[aw.span.end:aw.span.end + 3]):
            _add(b, p, s, (aw.span.start, p.span.end))
            return True
    return False


@rule_part
def _counted_person(b: Builder, s: _AwardSite) -> None:
    """(3) PERSON等N名AWARD: the named person heading a counted group of holders."""
    ctx, text, aw = b.ctx, b.doc.text, s.aw
    prev = [m for m in ctx.mentions_between(max(s.cs, aw.span.start - 16), aw.span.start) if m.label == Label.PERSON]
    if prev:
        p = prev[-1]
        gap = text[p.span.end:aw.span.start]
        if re.fullmatch(r"等(?:\d+|[一二两三四五六七八九十百]+)(?:名|位|个|人)", gap):
            _add(b, p, s, (p.span.start, aw.span.end))


# 享受国务院(政府)特殊津贴: a personal honour of the national level, written as a verb phrase
_ALLOWANCE_RE = re.compile(r"(?:享受|获得|荣获|被批准享受|获批享受)(国务院(?:政府)?特殊津贴)")
_ALLOWANCE_NAME = "国务院政府特殊津贴"


def special_allowance(b: Builder) -> None:
    """PERSON …，享受国务院政府特殊津贴: the person the sentence is about (the last one named before
    it in the sentence, no other person in between; or her pronoun) receives the allowance."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for m in _ALLOWANCE_RE.finditer(text):
        si = doc.sentence_of(m.start())
        if si < 0:
            continue
        ss = doc.sentences[si][0]
        persons = [x for x in ctx.mentions_between(ss, m.start()) if x.label == Label.PERSON]
        if not persons or len({x.normalised or x.surface for x in persons}) != 1:
            continue  # none, or several people named: whose allowance is unclear
        s, e = m.start(1), m.end(1)
        # the body named inside the honour (国务院) is part of its name, not an actor of the text
        doc.mentions[:] = [x for x in doc.mentions if not (x.label != Label.AWARD and s <= x.span.start and x.span.end <= e)]
        aw = Mention(span=Span(s, e, Label.AWARD, si, "relations", {}), label=Label.AWARD, surface=text[s:e],
                     normalised=_ALLOWANCE_NAME, attrs={"level": "national", "derived": True})
        doc.mentions.append(aw)
        b.add(Rel.AWARDED, persons[-1], aw, (persons[-1].span.start, e), level="national", year=_year_in(doc, si))
