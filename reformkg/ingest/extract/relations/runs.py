"""RUNS reader of the `relations` component: 开展/实施/推出/打造… PROGRAMME, 以P为载体, 把/将P…,
ACTOR+PROGRAMME, 由X负责实施, and RUNS of the reform from plans and offices named after it.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention
from reformkg.ingest.extract import relations_reform as rr
from reformkg.ingest.extract._context import ACTOR_LABELS, is_reform
from reformkg.ingest.extract.relations.builder import (Builder, NOSTOP, STOP, actors_for, adjacent_actor,
                                                       is_policy, programmes, reform_programme)


_RUN_VERBS = ("用好|抓好|办好|做到|凭借|组织开展|创新开展|深入开展|广泛开展|持续开展|开展|深入实施|组织实施|实施|推出|推行|打造|创新建立|建立健全|建立|"
              "深化|创建|推进|推动|落实|实行|设立|设置|构建|探索|采用|依托|借助|聚力|提出|发起|开设|创办|启动|组织|"
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
_REFORM_OFFICE_RE = re.compile(r"(?:产改|产业工人队伍建设改革)(?:办|办公室|领导小组|工作领导小组|工作专班)$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_YI_BEFORE_RE = re.compile(r"以(?:第\S{1,4}届)?$")
_DUI_BEFORE_RE = re.compile(r"(?:对|就|围绕)(?:做好|推进|推动|深化)?$")
_DUI_AFTER_RE = re.compile(r"^(?:工作)?(?:进行|作出|开展|召开|作|提出)")
_MODIFIER_AFTER_RE = re.compile(r"^的")
_COMPOUND_AFTER_RE = re.compile(r"^(?:库|池|名录|名单|清单|榜单|档案|数据库)")
# 某区产改新模式/产改企业/产改试点: the reform qualifying another noun names no runner
# 市委常委会专题研究产改工作: a body studying or deploying the reform runs it
_REFORM_STUDY_RE = re.compile(r"(?:专题研究|研究部署|专门研究|专题部署|安排部署|周密部署|统筹部署|谋划部署|部署|谋划|研究)(?:了)?$")
_REFORM_AS_MODIFIER_RE = re.compile(r"试|新|模式|经验|企业|样本|示范|品牌|典型|指导|服务|阵地|基地|项目|专栏|栏目|成果")


def runs(b: Builder) -> None:
    from reformkg.ingest.extract.relations.issued import policy_system_issue_at  # issued imports this module
    doc, ctx = b.doc, b.ctx
    text = doc.text
    sponsored = set(b.sponsors)
    for p in programmes(ctx):
        if (p.attrs or {}).get("derived") or b.key(p) in sponsored:
            continue
        cs, ce = ctx.clause_bounds(p.span.start)
        if policy_system_issue_at(b, p) is not None:
            continue  # 制定出台…，形成“1+4”制度体系: issued (relations.issued), not run
        if is_policy(p) and (p.attrs or {}).get("kind") == "policy" \
                and ((p.surface or "").startswith("《") or not _CARRY_OUT_RE.search(text, max(cs, p.span.start - 4), p.span.start)):
            continue  # a policy is issued, not run; 落实…10条措施 (measures without a title) are carried out
        before = text[cs:p.span.start]
        after = text[p.span.end:ce]
        reform = is_reform(p)
        # P由X牵头实施 / 由X牵头实施的P: the named body runs it
        bym = _RUN_BY_AFTER_RE.match(text, p.span.end, ce) or _RUN_BY_BEFORE_RE.search(text, cs, p.span.start)
        if bym:
            names = [a for a in ctx.mentions_between(bym.start(1), bym.end(1))
                     if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
            for a in names:
                b.add("RUNS", a, p, (min(bym.start(), p.span.start), max(bym.end(), p.span.end)))
            if names:
                continue
        if not reform and (p.surface or "").startswith("“") and not is_policy(p):
            prev = ctx.mentions_between(max(cs, p.span.start - 12), p.span.start)
            if prev and prev[-1].span.end == p.span.start and prev[-1].label == "Region" \
                    and id(prev[-1]) not in ctx.title_orgs and not (prev[-1].surface or "").startswith("全"):
                # 我市“某某”三年行动计划: a region's own named plan or campaign
                b.add("RUNS", prev[-1], p, (prev[-1].span.start, p.span.end))
                continue
        as_part = _AS_PART_BEFORE_RE.search(before) and _AS_PART_AFTER_RE.match(after)
        if not reform and not as_part and (_MODIFIER_AFTER_RE.match(after) or _COMPOUND_AFTER_RE.match(after)):
            continue  # 打造“…”的目标定位 / 建立“…”项目库: the name modifies another noun
        if reform and not as_part and _REFORM_AS_MODIFIER_RE.match(after):
            continue  # 探索的产改新模式 / 推进产改服务中心建设: the reform qualifies another noun
        if (p.normalised or p.surface).endswith("试点") or text[p.span.end:p.span.end + 2] == "试点":
            continue  # handled as PILOTS
        trig = None
        form_actors = None
        long_object = False
        vm = _RUN_BEFORE_RE.search(before)
        dm = _REFORM_STUDY_RE.search(before) if reform else None
        if vm and (not reform or len(vm.group(1)) <= 2):
            trig = (cs + vm.start(), p.span.end)
        elif dm:
            vm = None
            trig = (cs + dm.start(), p.span.end)
        elif _YI_BEFORE_RE.search(before) and _YI_AFTER_RE.match(after):
            trig = (p.span.start - 1, p.span.end + 3)
        elif _BA_BEFORE_RE.search(before) and _BA_AFTER_RE.match(after):
            trig = (p.span.start - 1, p.span.end)
        elif _FORM_BEFORE_RE.search(before) and _SYSTEM_NAME_RE.search(p.normalised or p.surface or "") \
                and (p.surface or "").startswith("“") and not reform:
            trig = (cs + _FORM_BEFORE_RE.search(before).start(), p.span.end)
            form_actors = actors_for(b, trig[0], exclude=p, fallback=False)
            if not form_actors:
                # …X积极作为，形成“X”体系: the subject of an earlier clause of the sentence (none:
                # a zone's work, see relations_reform.zone_work_runs)
                si = doc.sentence_of(trig[0])
                form_actors = [m for c_s, _, m in ctx.subjects(si) if c_s < cs and m.label in ACTOR_LABELS][-1:] \
                    if si >= 0 else []
            if not form_actors:
                continue
        elif as_part:
            trig = (cs + _AS_PART_BEFORE_RE.search(before).start(), p.span.end)
            if reform and _WE_RE.fullmatch(text, ctx.subject_start(cs, ce), trig[0]):
                body = _speaker_body(b, trig[0])
                if body is not None:
                    b.add("RUNS", body, p, trig)
                continue
        elif _DUI_BEFORE_RE.search(before) and _DUI_AFTER_RE.match(after):
            trig = (cs + _DUI_BEFORE_RE.search(before).start(), p.span.end + 2)
        elif not reform and (_RUN_LIST_RE.search(before) or _RUN_LONG_MOD_RE.search(before)):
            # 开展A、B、P等活动 (P later in the verb's object list) / 构建基于…的P (a long modifier)
            lm = _RUN_LIST_RE.search(before) or _RUN_LONG_MOD_RE.search(before)
            trig = (cs + lm.start(), p.span.end)
            long_object = True
        elif not reform and _YI_BEFORE_RE.search(before) and _YI_VERB_AFTER_RE.match(after):
            trig = (p.span.start - 1, p.span.end + 2)  # 以P打造…: P is the means the actor uses
        else:
            # ACTOR directly followed by the reform (靖江产改, 淮安产业工人队伍建设改革向纵深推进)
            prev = ctx.mentions_between(max(cs, p.span.start - 12), p.span.start)
            if reform and prev and prev[-1].span.end == p.span.start and prev[-1].label in ACTOR_LABELS \
                    and id(prev[-1]) not in ctx.title_orgs and not _REFORM_AS_MODIFIER_RE.match(text, p.span.end):
                b.add("RUNS", prev[-1], p, (prev[-1].span.start, p.span.end))
            elif not reform and _RESULT_AFTER_RE.match(after) and _programme_subject(b, p, cs, ce):
                # “甲班”“乙计划”等培养项目初显成效: the body the passage is about runs them
                for a in actors_for(b, cs, exclude=p):
                    b.add("RUNS", a, p, (p.span.start, p.span.end))
            elif not reform and _PASSIVE_RUN_RE.match(after):
                # P被纳入…体系 / P被列入…: the body the passage speaks of puts P in place
                for a in actors_for(b, p.span.start, exclude=p):
                    b.add("RUNS", a, p, (p.span.start, p.span.end + 3))
            continue
        # 工会系统组织的P: a relative clause whose agent is an unnamed noun → no actor to credit
        vtext = text[trig[0]:p.span.start]
        rel_verb = (vtext.endswith("的") and not long_object) or _VERB_DE_RE.match(vtext)
        if rel_verb and trig[0] > cs and _CJK_RE.match(text[trig[0] - 1]) \
                and adjacent_actor(b, trig[0]) is None:
            continue
        # 指导家政行业开展P / 引导企业开展P: the guided party carries P out, not the subject
        gm = _GUIDE_RE.search(text, max(cs, trig[0] - 14), trig[0])
        if gm and not any(a.label in ACTOR_LABELS for a in ctx.mentions_between(gm.end(), trig[0])):
            continue
        # the reform is only credited to an actor the clause names, never by context
        actors = form_actors if form_actors is not None else actors_for(b, trig[0], exclude=p, fallback=not reform)
        if reform and not actors:
            # …X坚持…，有力推动产改工作…: the subject of an earlier clause of the same sentence
            si = doc.sentence_of(trig[0])
            earlier = [m for c_s, _, m in ctx.subjects(si) if c_s < cs and m.label in ACTOR_LABELS] if si >= 0 else []
            actors = earlier[-1:]
        if reform and not actors:
            # 市委主要领导/某某副市长 对产改工作作出部署: the leader's body
            body = rr.leader_body(b, cs, trig[0])
            actors = [body] if body is not None else []
        if reform and not actors and vm is not None and trig[1] == p.span.end and not vm.group(1):
            # 要系统推进产改 in a subject-less clause: the body the article or section is about
            topic = ctx.section_topic(p.span.start)
            if topic is not None and topic.label in ACTOR_LABELS:
                actors = [topic]
        for a in actors:
            b.add("RUNS", a, p, trig)
            runs_reform_by_name(b, a, p, trig)


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
        speakers = [m for m in ctx.mentions_between(max(0, q0 - 40), q0) if m.label == "Person"][-1:]
    if not speakers and q1 > 0:
        tail_end = min(len(text), q1 + 40)
        stop = re.search(r"[。！？\n“]", text[q1 + 1:tail_end])
        tail_end = q1 + 1 + stop.start() if stop else tail_end
        if _SAY_RE.search(text, q1 + 1, tail_end):
            speakers = [m for m in ctx.mentions_between(q1 + 1, tail_end) if m.label == "Person"][:1]
    if len(speakers) != 1:
        return None
    key = b.key(speakers[0])
    bodies = [r.tail for r in b.out if r.type == "HOLDS_POSITION" and b.key(r.head) == key
              and r.tail.label in ("Enterprise", "Union", "Institution", "Agency")]
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
        if m.span.start != pos or m.label != "Programme":
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
    b.add("RUNS", actor, reform_programme(b, trig), trig)


def reform_offices(b: Builder) -> None:
    """An office of the reform (X产改办, 产改领导小组) acting as a clause subject runs the reform."""
    ctx = b.ctx
    for m in ctx.mentions:
        if m.label != "Agency" or not _REFORM_OFFICE_RE.search(m.normalised or m.surface or ""):
            continue
        cs, ce = ctx.clause_bounds(m.span.start)
        p = ctx.subject_start(cs, ce)
        if m in ctx.subject_group(cs, ce) or re.fullmatch(r"[该本我][省市县区]?", b.doc.text[p:m.span.start]):
            b.add("RUNS", m, reform_programme(b, (m.span.start, m.span.end)), (m.span.start, m.span.end))
