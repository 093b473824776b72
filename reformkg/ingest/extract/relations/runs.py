"""RUNS reader of the `relations` component: 开展/实施/推出/打造… PROGRAMME, 以P为载体, 把/将P…,
ACTOR+PROGRAMME, 由X负责实施, and RUNS of the reform from plans and offices named after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reformkg.ingest.document import Mention
from reformkg.ingest.extract import relations_reform as rr
from reformkg.ingest.extract.context import ACTOR_LABELS, is_reform
from reformkg.ingest.extract.relations.builder import (Builder, NOSTOP, STOP, actors_for, adjacent_actor,
                                                       earlier_subjects, is_policy, programmes, reform_programme, rule_part,
                                                       semicolon_chain_subjects)
from reformkg.graph.vocab import Label, Rel


_RUN_VERBS = ("用好|抓好|办好|做到|凭借|组织开展|创新开展|深入开展|广泛开展|持续开展|开展|深入实施|组织实施|实施|推出|推行|打造|创新建立|建立健全|建立|"
              "深化|创建|推进|推动|落实|实行|全面铺开|铺开|设立|设置|构建|探索|采用|依托|借助|聚力|提出|发起|开设|创办|启动|组织|"
              "高标准建设|建设|搭建|开启|开办|擦亮|做优|做实|做强|做精")
_RUN_BEFORE_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了|过|的|好)?({NOSTOP}{{0,16}})$")
_RUN_LIST_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了)?(?:[^{STOP}、]{{1,24}}、)+$")
_RUN_LONG_MOD_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了)?{NOSTOP}{{17,40}}的$")
_YI_VERB_AFTER_RE = re.compile(r"(?:活动|项目|工作|模式)?(?:打造|推动|推进|带动|促进|引领|助推|提升|构建|建设|服务|激发|赋能)")
_CARRY_OUT_RE = re.compile(r"(?:落实|实施|推行|执行)(?:好|了)?$")
_YI_AFTER_RE = re.compile(r"^(?:活动|项目|建设|工作|品牌|行动)?为(?:载体|基底|抓手|牵引|平台|依托|突破口|引领|主线|重点)")
_BA_BEFORE_RE = re.compile(r"(?:把|将)$")
_BA_AFTER_RE = re.compile(rf"^(?:工作)?{NOSTOP}{{0,12}}?(?:纳入|融入|与|作为|列入|摆在|贯穿|搬到|推广到|延伸到|覆盖到|送到|带到|引入)")
_VERB_DE_RE = re.compile(rf"(?:{_RUN_VERBS})的")
_GUIDE_RE = re.compile(r"(?:指导|引导|鼓励|支持|帮助|督促|动员|号召|倡导)(?!开展|实施|推进|建立|推出|打造)"
                       r"[\u4e00-\u9fff]{1,10}$")
_RESULT_AFTER_RE = re.compile(rf"^(?:“[^”]{{1,20}}”)*(?:等{NOSTOP}{{0,12}}?)?(?:已|均|都|也)?"
                              r"(?:初显成效|初见成效|取得(?:了)?(?:明显|显著|积极|良好)?(?:的)?成效|成效(?:明显|显著|突出)|"
                              r"效果(?:明显|显著|良好)|深受(?:职工)?(?:欢迎|好评)|广受(?:好评|欢迎)|反响(?:良好|热烈))")
_PASSIVE_RUN_RE = re.compile(r"^(?:已|均|也|还)?(?:被|已被)(?:纳入|列入|写入|融入)")
# P(日前)顺利启动 / P正式实施: a named action launched with no written actor (the piece's body launched it)
_LAUNCHED_RE = re.compile(r"^[”\"]?(?:日前|近日|今天|今日|已|也|于\d{1,2}月\d{1,2}日)?(?:顺利|正式|全面)(?:启动|开启|实施|铺开)")
_RUN_BY = r"(?:牵头)?(?:组织实施|负责实施|实施|负责|推进|组织|开展|牵头)"
_RUN_BY_AFTER_RE = re.compile(rf"(?:工作|项目|活动)?由({NOSTOP}{{2,40}}?){_RUN_BY}")
_RUN_BY_BEFORE_RE = re.compile(rf"由({NOSTOP}{{2,40}}?){_RUN_BY}的$")
# 将X作为“P”活动的宣讲内容 / 把X作为产改的重要抓手: X is a part of P, whose runner is the subject
_AS_PART_BEFORE_RE = re.compile(rf"(?:把|将)(?!{NOSTOP}*[把将]){NOSTOP}{{1,24}}?(?:作为|当作|当成)$")
_AS_PART_AFTER_RE = re.compile(rf"^(?:活动|行动|工作|项目|工程)?的{NOSTOP}{{0,6}}?"
                               r"(?:内容|重点|抓手|载体|主题|课程|突破口|切入点|着力点|主线|牵引)")
# 形成(了)“1+N”政策体系: a named system or mechanism the subject has built
_FORM_BEFORE_RE = re.compile(r"(?:初步|逐步|已经|已|基本|最终)?形成(?:了)?$")
_SYSTEM_NAME_RE = re.compile(r"(?:体系|机制|制度|格局|模式)$")
# 我们…: a speaker's own body, in a quote
_WE_RE = re.compile(r"我们(?:也|还|一直|始终|坚持|正|已经|已)?")
_SAY_RE = re.compile(r"说|表示|介绍|谈到|坦言|告诉记者|感慨")
_REFORM_IN_NAME_RE = re.compile(r"产改|产业工人队伍建设改革")
# the topic of a directive: X关于P(的)(工作)部署/要求/精神…
_DIRECTIVE_BEFORE_RE = re.compile(r"关于(?:新时代|新形势下|进一步|深化|推进|做好)?$")
_DIRECTIVE_AFTER_RE = re.compile(r"^(?:的)?(?:工作)?(?:的)?(?:决策部署|重要部署|重大部署|部署|要求|精神|决定|指示|批示|安排)")
_REFORM_OFFICE_RE = re.compile(r"(?:产改|产业工人队伍建设改革)(?:办|办公室|领导小组|工作领导小组|工作专班)$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# 为(了)(切实/进一步)推进…: a purpose clause before the main clause
_PURPOSE_RE = re.compile(r"为了?(?:切实|进一步|更好地?|全面|深入|扎实|有效)?(?:推进|推动|深化|落实|做好|抓好|加快|加强)")
_YI_BEFORE_RE = re.compile(r"以(?:第\S{1,4}届)?$")
_DUI_BEFORE_RE = re.compile(r"(?:对|就|围绕)(?:做好|推进|推动|深化)?$")
_DUI_AFTER_RE = re.compile(r"^(?:工作)?(?:进行|作出|开展|召开|作|提出)")
# 区总工会围绕产改试点工作，重点…探索 / 聚焦产改，持续发力 / 全力助推产改: the body whose work
# the reform is the topic of runs it
_REFORM_PUSH_VERBS = ("助推",)
_REFORM_TOPIC_BEFORE_RE = re.compile(r"(?:紧紧|始终|全力|持续)?(围绕|聚焦|紧扣|助推)(?:做好|推进|推动|深化)?$")
_REFORM_TOPIC_AFTER_RE = re.compile(r"^(?:试点)?(?:工作)?(?:$|[，,]|这一|这个|主线|中心|目标)")
_MODIFIER_AFTER_RE = re.compile(r"^的")
_COMPOUND_AFTER_RE = re.compile(r"^(?:库|池|名录|名单|清单|榜单|档案|数据库)")
# 某区产改新模式/产改企业/产改试点: the reform qualifying another noun names no runner
# 市委常委会专题研究产改工作: a body studying or deploying the reform runs it
_REFORM_STUDY_RE = re.compile(r"(?:专题研究|研究部署|专门研究|专题部署|安排部署|周密部署|统筹部署|谋划部署|部署|谋划|研究)(?:了)?$")
# 靖江产改 runs the reform; 某市产改示范点 / 某市产改工作指导员 only names a thing or a role after it
_REFORM_AS_MODIFIER_RE = re.compile(r"(?:工作)?(?:试|新|模式|经验|企业|样本|示范|品牌|典型|指导|服务|阵地|基地|项目|专栏|栏目|成果|"
                                    r"联络|宣讲|督查|观察|专干|专员|方案|思路|举措|政策|文件|亮点|做法)")


@dataclass
class _RunSite:
    """One programme mention with its clause and the text around it."""

    p: Mention
    cs: int
    ce: int
    before: str
    after: str
    reform: bool
    as_part: bool


@dataclass
class _RunTrigger:
    """What a run shape found: the trigger span, the run verb before the programme (when it
    governs it) and the actors the shape itself fixes (形成“X”体系), if any."""

    span: tuple[int, int]
    vm: re.Match | None
    actors: list[Mention] | None = None
    long_object: bool = False


def runs(b: Builder) -> None:
    """RUNS: every named programme not already sponsored, read through the shapes below."""
    sponsored = set(b.sponsors)
    for p in programmes(b.ctx):
        if (p.attrs or {}).get("derived") or b.key(p) in sponsored:
            continue
        _run_programme(b, p)


@rule_part
def _run_programme(b: Builder, p: Mention) -> None:
    """One programme: guards, 由X实施, a region's own plan, then a run trigger and its actors."""
    ctx, text = b.ctx, b.doc.text
    cs, ce = ctx.clause_bounds(p.span.start)
    if _issued_not_run(b, p, cs):
        return
    reform = is_reform(p)
    if _run_by_named(b, p, cs, ce) or (not reform and _regions_own_plan(b, p, cs)):
        return
    before, after = text[cs:p.span.start], text[p.span.end:ce]
    as_part = bool(_AS_PART_BEFORE_RE.search(before) and _AS_PART_AFTER_RE.match(after))
    site = _RunSite(p, cs, ce, before, after, reform, as_part)
    if _names_no_run(b, site):
        return
    t = _run_trigger(b, site)
    if t is not None:
        _credit_runners(b, site, t)


def _issued_not_run(b: Builder, p: Mention, cs: int) -> bool:
    """A policy system formed by issued plans, or a titled policy: issued, not run (落实…10条措施,
    measures without a title, are carried out)."""
    from reformkg.ingest.extract.relations.issued import policy_system_issue_at  # issued imports this module
    if policy_system_issue_at(b, p) is not None:
        return True  # 制定出台…，形成“1+4”制度体系: issued (relations.issued), not run
    text = b.doc.text
    return is_policy(p) and (p.attrs or {}).get("kind") == "policy" \
        and ((p.surface or "").startswith("《") or not _CARRY_OUT_RE.search(text, max(cs, p.span.start - 4), p.span.start))


@rule_part
def _run_by_named(b: Builder, p: Mention, cs: int, ce: int) -> bool:
    """P由X牵头实施 / 由X牵头实施的P: the named body runs it."""
    ctx, text = b.ctx, b.doc.text
    bym = _RUN_BY_AFTER_RE.match(text, p.span.end, ce) or _RUN_BY_BEFORE_RE.search(text, cs, p.span.start)
    if not bym:
        return False
    names = [a for a in ctx.mentions_between(bym.start(1), bym.end(1))
             if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
    for a in names:
        b.add(Rel.RUNS, a, p, (min(bym.start(), p.span.start), max(bym.end(), p.span.end)))
    return bool(names)


@rule_part
def _regions_own_plan(b: Builder, p: Mention, cs: int) -> bool:
    """我市“某某”三年行动计划: a region's own named plan or campaign."""
    ctx = b.ctx
    if not (p.surface or "").startswith("“") or is_policy(p):
        return False
    prev = ctx.mentions_between(max(cs, p.span.start - 12), p.span.start)
    if prev and prev[-1].span.end == p.span.start and prev[-1].label == Label.REGION \
            and id(prev[-1]) not in ctx.title_orgs and not (prev[-1].surface or "").startswith("全"):
        b.add(Rel.RUNS, prev[-1], p, (prev[-1].span.start, p.span.end))
        return True
    return False


def _names_no_run(b: Builder, s: _RunSite) -> bool:
    """The name modifies another noun (打造“…”的目标定位, 建立“…”项目库, 产改新模式), or a pilot
    is meant (handled as PILOTS)."""
    p = s.p
    if s.reform and _REFORM_TOPIC_BEFORE_RE.search(s.before) and _REFORM_TOPIC_AFTER_RE.match(s.after):
        return False  # 围绕产改试点工作，…探索: the body works on the reform (its pilot included)
    if not s.reform and not s.as_part and (_MODIFIER_AFTER_RE.match(s.after) or _COMPOUND_AFTER_RE.match(s.after)):
        return True  # 打造“…”的目标定位 / 建立“…”项目库: the name modifies another noun
    if s.reform and not s.as_part and _REFORM_AS_MODIFIER_RE.match(s.after):
        return True  # 探索的产改新模式 / 推进产改服务中心建设: the reform qualifies another noun
    if _DIRECTIVE_BEFORE_RE.search(s.before) and _DIRECTIVE_AFTER_RE.match(s.after):
        return True  # 中央和省委关于产改工作部署以来: the topic of others' directive, no one runs it here
    return (p.normalised or p.surface).endswith("试点") or b.doc.text[p.span.end:p.span.end + 2] == "试点"


@rule_part
def _run_trigger(b: Builder, s: _RunSite) -> _RunTrigger | None:
    """The verb shapes before the programme: 开展P, 专题研究产改, 以P为载体, 把P纳入…; else the
    marked shapes (see _marked_trigger)."""
    p, before, after = s.p, s.before, s.after
    vm = _RUN_BEFORE_RE.search(before)
    dm = _REFORM_STUDY_RE.search(before) if s.reform else None
    if vm and (not s.reform or len(vm.group(1)) <= 2):
        return _RunTrigger((s.cs + vm.start(), p.span.end), vm)
    if dm:
        return _RunTrigger((s.cs + dm.start(), p.span.end), None)
    if _YI_BEFORE_RE.search(before) and _YI_AFTER_RE.match(after):
        return _RunTrigger((p.span.start - 1, p.span.end + 3), vm)
    if _BA_BEFORE_RE.search(before) and _BA_AFTER_RE.match(after):
        return _RunTrigger((p.span.start - 1, p.span.end), vm)
    return _marked_trigger(b, s, vm)


@rule_part
def _marked_trigger(b: Builder, s: _RunSite, vm: re.Match | None) -> _RunTrigger | None:
    """形成“X”体系, 将X作为P的内容, 对P进行…, 开展A、B、P等活动 / 构建基于…的P, 以P打造…; with
    none of them, the verbless shapes (_verbless_runs) and no trigger."""
    p, before, after = s.p, s.before, s.after
    if _FORM_BEFORE_RE.search(before) and _SYSTEM_NAME_RE.search(p.normalised or p.surface or "") \
            and (p.surface or "").startswith("“") and not s.reform:
        return _formed_system_trigger(b, s, vm)
    if s.as_part:
        return _as_part_trigger(b, s, vm)
    if _DUI_BEFORE_RE.search(before) and _DUI_AFTER_RE.match(after):
        return _RunTrigger((s.cs + _DUI_BEFORE_RE.search(before).start(), p.span.end + 2), vm)
    tm = _REFORM_TOPIC_BEFORE_RE.search(before) if s.reform else None
    if tm and (tm.group(1) in _REFORM_PUSH_VERBS or _REFORM_TOPIC_AFTER_RE.match(after)):
        return _RunTrigger((s.cs + tm.start(), p.span.end), vm)   # 围绕产改试点工作，… / 助推产改
    if not s.reform and (_RUN_LIST_RE.search(before) or _RUN_LONG_MOD_RE.search(before)):
        # 开展A、B、P等活动 (P later in the verb's object list) / 构建基于…的P (a long modifier)
        lm = _RUN_LIST_RE.search(before) or _RUN_LONG_MOD_RE.search(before)
        return _RunTrigger((s.cs + lm.start(), p.span.end), vm, long_object=True)
    if not s.reform and _YI_BEFORE_RE.search(before) and _YI_VERB_AFTER_RE.match(after):
        return _RunTrigger((p.span.start - 1, p.span.end + 2), vm)  # 以P打造…: P is the means the actor uses
    _verbless_runs(b, s)
    return None


def _formed_system_trigger(b: Builder, s: _RunSite, vm: re.Match | None) -> _RunTrigger | None:
    """形成(了)“1+N”政策体系: the subject that formed the named system (or that of an earlier
    clause of the sentence); none: a zone's work, see relations_reform.zone_work_runs."""
    ctx = b.ctx
    trig = (s.cs + _FORM_BEFORE_RE.search(s.before).start(), s.p.span.end)
    form_actors = actors_for(b, trig[0], exclude=s.p, fallback=False)
    if not form_actors:
        # …X积极作为，形成“X”体系: the subject of an earlier clause of the sentence
        si = b.doc.sentence_of(trig[0])
        form_actors = [m for c_s, _, m in ctx.subjects(si) if c_s < s.cs and m.label in ACTOR_LABELS][-1:] \
            if si >= 0 else []
    if not form_actors:
        return None
    return _RunTrigger(trig, vm, form_actors)


@rule_part
def _as_part_trigger(b: Builder, s: _RunSite, vm: re.Match | None) -> _RunTrigger | None:
    """将X作为P的内容: X is a part of P, run by the subject; 我们…把X作为产改的抓手 in a quote: the
    speaker's body runs the reform."""
    ctx, text = b.ctx, b.doc.text
    trig = (s.cs + _AS_PART_BEFORE_RE.search(s.before).start(), s.p.span.end)
    if s.reform and _WE_RE.fullmatch(text, ctx.subject_start(s.cs, s.ce), trig[0]):
        body = _speaker_body(b, trig[0])
        if body is not None:
            b.add(Rel.RUNS, body, s.p, trig)
        return None
    return _RunTrigger(trig, vm)


@rule_part
def _verbless_runs(b: Builder, s: _RunSite) -> None:
    """No run verb: ACTOR directly followed by the reform (靖江产改), named programmes showing
    results, a programme put into a system passively (P被纳入…)."""
    ctx, text, p = b.ctx, b.doc.text, s.p
    prev = ctx.mentions_between(max(s.cs, p.span.start - 12), p.span.start)
    if s.reform and prev and prev[-1].span.end == p.span.start and prev[-1].label in ACTOR_LABELS \
            and id(prev[-1]) not in ctx.title_orgs and not _REFORM_AS_MODIFIER_RE.match(text, p.span.end):
        # ACTOR directly followed by the reform (靖江产改, 淮安产业工人队伍建设改革向纵深推进)
        b.add(Rel.RUNS, prev[-1], p, (prev[-1].span.start, p.span.end))
    elif not s.reform and _RESULT_AFTER_RE.match(s.after) and _programme_subject(b, p, s.cs, s.ce):
        # “甲班”“乙计划”等培养项目初显成效: the body the passage is about runs them
        for a in actors_for(b, s.cs, exclude=p):
            b.add(Rel.RUNS, a, p, (p.span.start, p.span.end))
    elif not s.reform and _LAUNCHED_RE.match(s.after) and _opens_clause(b, p) \
            and not _EVENT_NAME_RE.search(p.normalised or p.surface or ""):
        # “职工赋能提质行动”顺利启动: the union the piece speaks for launched it, else the body it is about
        voice = ctx.voice_union()
        launchers = [voice] if voice is not None else [a for a in actors_for(b, p.span.start, exclude=p)
                                                       if a.label != Label.REGION]
        for a in launchers:
            b.add(Rel.RUNS, a, p, (p.span.start, p.span.end + 4))
    elif not s.reform and _PASSIVE_RUN_RE.match(s.after):
        # P被纳入…体系 / P被列入…: the body the passage speaks of puts P in place
        for a in actors_for(b, p.span.start, exclude=p):
            b.add(Rel.RUNS, a, p, (p.span.start, p.span.end + 3))


def _no_runner(b: Builder, s: _RunSite, trig: tuple[int, int], long_object: bool) -> bool:
    """工会系统组织的P (a relative clause whose agent is an unnamed noun) / 指导企业开展P (the
    guided party carries P out): no actor to credit."""
    ctx, text, p = b.ctx, b.doc.text, s.p
    vtext = text[trig[0]:p.span.start]
    rel_verb = (vtext.endswith("的") and not long_object) or _VERB_DE_RE.match(vtext)
    if rel_verb and trig[0] > s.cs and _CJK_RE.match(text[trig[0] - 1]) \
            and adjacent_actor(b, trig[0]) is None:
        return True
    gm = _GUIDE_RE.search(text, max(s.cs, trig[0] - 14), trig[0])
    return bool(gm and not any(a.label in ACTOR_LABELS for a in ctx.mentions_between(gm.end(), trig[0])))


@rule_part
def _credit_runners(b: Builder, s: _RunSite, t: _RunTrigger) -> None:
    """The trigger's actors run the programme (the reform only when the clause or sentence names
    them, see _reform_runners)."""
    trig = t.span
    if _no_runner(b, s, trig, t.long_object):
        return
    # the reform is only credited to an actor the clause names, never by context
    actors = t.actors if t.actors is not None else actors_for(b, trig[0], exclude=s.p, fallback=not s.reform)
    if s.reform and not actors:
        actors = _reform_runners(b, s, t)
    for a in actors:
        b.add(Rel.RUNS, a, s.p, trig)
        runs_reform_by_name(b, a, s.p, trig)


def _reform_runners(b: Builder, s: _RunSite, t: _RunTrigger) -> list[Mention]:
    """The reform with no subject in its clause: an earlier clause's subject, a leader's body,
    else (要系统推进产改) the body the article or section is about."""
    ctx, trig = b.ctx, t.span
    # …X坚持…，有力推动产改工作…: the subject of an earlier clause of the same sentence
    si = b.doc.sentence_of(trig[0])
    earlier = earlier_subjects(b, si, s.cs) if si >= 0 else []
    actors = earlier[-1:] or _purpose_clause_subject(b, si, s.cs)
    if not actors:
        # …某区加强组织领导；落实产改方案；围绕大局，推进产改进程: the ；-chain's subject
        actors = semicolon_chain_subjects(b, si, s.p)[-1:]
    if not actors:
        # 市委主要领导/某某副市长 对产改工作作出部署: the leader's body
        body = rr.leader_body(b, s.cs, trig[0])
        actors = [body] if body is not None else []
    if not actors and t.vm is not None and trig[1] == s.p.span.end and not t.vm.group(1):
        # 要系统推进产改 in a subject-less clause: the body the article or section is about
        topic = ctx.section_topic(s.p.span.start)
        if topic is not None and topic.label in ACTOR_LABELS:
            actors = [topic]
    return actors


def _purpose_clause_subject(b: Builder, si: int, cs: int) -> list[Mention]:
    """为切实推进产改工作有序开展，某区不断加强组织领导: the reform in a purpose clause is run by
    the subject of the main clause after it (the next clause of the sentence that names one)."""
    if si < 0 or not _PURPOSE_RE.match(b.doc.text, cs):
        return []
    for c_s, _, m in b.ctx.subjects(si):
        if c_s > cs and m.label in ACTOR_LABELS and id(m) not in b.ctx.title_orgs:
            return [m]
    return []


def _speaker_body(b: Builder, pos: int) -> Mention | None:
    """The body of the person quoted at pos (某公司党委书记张三说：“我们…” / “我们…”张三说): the
    organisation of that speaker's post, when the quote names one speaker."""
    text, ctx = b.doc.text, b.ctx
    q0 = text.rfind("“", max(0, pos - 200), pos)
    if q0 < 0 or "”" in text[q0:pos]:
        return None
    q1 = text.find("”", pos, pos + 400)
    speakers = []
    lead = text[max(0, q0 - 40):q0]
    sm = list(_SAY_RE.finditer(lead))
    if sm and len(lead) - sm[-1].end() <= 2:
        speakers = [m for m in ctx.mentions_between(max(0, q0 - 40), q0) if m.label == Label.PERSON][-1:]
    if not speakers and q1 > 0:
        tail_end = min(len(text), q1 + 40)
        stop = re.search(r"[。！？\n“]", text[q1 + 1:tail_end])
        tail_end = q1 + 1 + stop.start() if stop else tail_end
        if _SAY_RE.search(text, q1 + 1, tail_end):
            speakers = [m for m in ctx.mentions_between(q1 + 1, tail_end) if m.label == Label.PERSON][:1]
    if len(speakers) != 1:
        return None
    key = b.key(speakers[0])
    bodies = [r.tail for r in b.out if r.type == Rel.HOLDS_POSITION and b.key(r.head) == key
              and r.tail.label in (Label.ENTERPRISE, Label.UNION, Label.INSTITUTION, Label.AGENCY)]
    return bodies[0] if bodies else None


def _programme_subject(b: Builder, p: Mention, cs: int, ce: int) -> bool:
    """Whether p opens its clause (after adverbials), alone or after other named programmes."""
    ctx, text = b.ctx, b.doc.text
    start = ctx.subject_start(cs, ce)
    ms = ctx.mentions_between(cs, p.span.end)
    if not ms or not cs <= ms[0].span.start <= start:
        return False
    pos = ms[0].span.start
    for m in ms:
        if m.span.start != pos or m.label != Label.PROGRAMME:
            return False
        if m is p:
            return True
        pos = m.span.end
        while pos < p.span.start and text[pos] in "、和及与":
            pos += 1
    return False


def runs_reform_by_name(b: Builder, actor: Mention, prog: Mention, trig: tuple[int, int]) -> None:
    """出台“市级产改方案”: a programme or policy of the reform, launched by an actor, means the
    actor runs the reform."""
    if is_reform(prog) or not _REFORM_IN_NAME_RE.search(prog.normalised or prog.surface or ""):
        return
    b.add(Rel.RUNS, actor, reform_programme(b, trig), trig)


def reform_offices(b: Builder) -> None:
    """An office of the reform (X产改办, 产改领导小组) acting as a clause subject runs the reform."""
    ctx = b.ctx
    for m in ctx.mentions:
        if m.label != Label.AGENCY or not _REFORM_OFFICE_RE.search(m.normalised or m.surface or ""):
            continue
        cs, ce = ctx.clause_bounds(m.span.start)
        p = ctx.subject_start(cs, ce)
        if m in ctx.subject_group(cs, ce) or re.fullmatch(r"[该本我][省市县区]?", b.doc.text[p:m.span.start]):
            b.add(Rel.RUNS, m, reform_programme(b, (m.span.start, m.span.end)), (m.span.start, m.span.end))


_EVENT_NAME_RE = re.compile(r"(?:赛|会|会议|论坛|仪式|节|展|峰会)[”\"]?$")


def _opens_clause(b: Builder, p: Mention) -> bool:
    """Does p open its clause (after opening adverbials such as 日前，)?"""
    cs, ce = b.ctx.clause_bounds(p.span.start)
    return p.span.start in (cs, b.ctx.subject_start(cs, ce))


_OWNER_LABELS = frozenset({Label.UNION, Label.AGENCY, Label.ENTERPRISE, Label.INSTITUTION})
_QUOTE_RUN_GAP = ("", "、")


def owned_programmes(b: Builder) -> None:
    """X总工会“A”“B”等制度 / 学习市总“A”: a body written right before a quoted programme (no verb,
    no 的) owns it and runs it; so does each quoted name of the run that follows."""
    ctx, text = b.ctx, b.doc.text
    progs = [m for m in ctx.mentions if m.label == Label.PROGRAMME and (m.surface or "").startswith("“")
             and not is_reform(m)]
    for i, p in enumerate(progs):
        before = [m for m in ctx.mentions_between(max(0, p.span.start - 30), p.span.start)
                  if m.span.end == p.span.start and m.label in _OWNER_LABELS]
        owner = before[-1] if before else None
        if owner is None or id(owner) in ctx.title_orgs:
            continue
        run = [p]
        for q in progs[i + 1:]:
            if text[run[-1].span.end:q.span.start] not in _QUOTE_RUN_GAP:
                break
            run.append(q)
        for q in run:
            b.add(Rel.RUNS, owner, q, (owner.span.start, q.span.end))
