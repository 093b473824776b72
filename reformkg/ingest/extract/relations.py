"""The `relations` component: RelationCandidates between the mentions the entity components
found, from title attributes and trigger words around them.

HOLDS_POSITION  person title attrs (one per person/body) or ORG+title+PERSON adjacency (a quoted group
                may sit in the title: X总工会“某宣讲团”团长某某), an article's author line
                `<org>[<title>] <name>`, <name>当选(第N届)全国人大代表 → that congress
AWARDED         named recipient + 荣获/获得/获评/被评为/授予/入选 + award, or AWARD(、title)*PERSON,
                or PERSON等N名AWARD
PILOTS          作为/是/列为 … 试点单位/企业/省份/城市/园区, X在…试点中, PROGRAMME试点, 经过A、B等N家企业的试点
RUNS            开展/实施/推出/推行/打造/建立/深化/推进 … PROGRAMME, 以PROGRAMME为载体, 把/将PROGRAMME…,
                ACTOR+PROGRAMME (靖江产改)
SPONSORS        由A、B主办的P, A主办/承办/协办P, 承办该赛事的X, A与B联合开展P, A联合B开展P,
                A在…召开/举办/举行P (events only), (先后)举办/承办/召开 P1、P2等… with the clause
                subject or the context's actor as host (a region only 举办s; 召开/举行 in a region
                is where, not who), A会同/联合B、C等部门，深化/开展P
CO_SPONSORS     every pair of sponsors of one programme
PARTNERS_WITH   A与B…合作/签约/签署/结对/共建/共同建立 (not when A is an unnamed 企业/单位 guided by
                the subject), a union that 在B、C设立…工作站/调解室
MEMBER_OF       …成员单位/成员由…: the org mentions of that clause → the committee/joint meeting
ISSUED          出台/印发/发布/制定/修订/颁布 a policy or plan (with 会同/联合 allies)

A plan or office named after the reform (出台“市级产改方案”, X产改办 as subject) also gives
RUNS → 产业工人队伍建设改革; a Programme mention for it is derived when the text has none.
Round 4: a region's own quoted plan (我市“…”三年行动计划), 用好/做到/把P搬到…, P被纳入…, named
programmes opening a clause that reports results (“甲班”“乙计划”等…初显成效) are run by the body the
passage is about; nobody runs what a guided party (指导企业开展P) or an unnamed organiser
(工会系统组织的P、Q) carries out, nor what a reader's question (问：我企业…) mentions. Pilot lists
reach items tagged only elsewhere in the text; 试点的省份之一 designates; interns from named
schools (吸纳A大学、B学院等高校的实习生) make a school-enterprise partnership; <name>总书记 holds
office in 中共中央 when the text names the party centre; a city-wide meeting (召开全市…会) with no
written host has no sponsor.
RUNS also reaches later items of a run verb's object list (开展A、B、P等活动), objects after a long
modifier (构建基于…的P), 以P打造…, 落实 untitled measures (…10条措施), and a leader's body for the
reform (某某副市长对产改工作作出部署); 专题研究/部署 产改工作 runs the reform. A region's union
system (某省各级工会) stands for the union the piece is about. PILOTS also from designations
without a unit noun (被列为全省产改试点), with the level of the designating body (被省总工会确定为…)
or clause (全省确定了A、B等10个试点县), and from 、-lists whose items are partly unrecognised.
Designation, leadership and policy-following language about the reform itself (我市产改试点工作,
…作出批示, 贯彻中央和省关于…的《意见》, 产改办（市总工会）要…, P，X负责考核) is read in
relations_reform.py; 产改工作 phrases get reform mentions there first (add_reform_work_anchors).

The actor of a verb is the subject of its clause (with coordinated actors), else the actor the
context credits (DocContext.actor_for: the paragraph's subject, else the section's or article's
body — see DocContext._build_sections). The reform itself is credited only to an actor the
sentence names, or to the section's body when a run verb directly governs it. Candidates respect the ontology's endpoint rules.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from itertools import combinations

from reformkg.graph.ontology import get_ontology
from reformkg.ingest.document import Document, Mention, RelationCandidate, Span
from reformkg.ingest.extract import relations_reform as rr
from reformkg.ingest.extract._context import (ACTOR_LABELS, ADVERBIAL_PREFIX_RE, ORG_LABELS, REFORM_NAME, DocContext,
                                              is_reform)

log = logging.getLogger(__name__)


_STOP = "，,。；;：:！？!?\n"
_NOSTOP = rf"[^{_STOP}]"

# --- RUNS -----------------------------------------------------------------------------------
_RUN_VERBS = ("用好|抓好|办好|做到|凭借|组织开展|创新开展|深入开展|广泛开展|持续开展|开展|深入实施|组织实施|实施|推出|推行|打造|创新建立|建立健全|建立|"
              "深化|创建|推进|推动|落实|实行|设立|设置|构建|探索|采用|依托|借助|聚力|提出|发起|开设|创办|启动|组织|"
              "高标准建设|建设|搭建|开启|开办|擦亮|做优|做实|做强|做精")
_RUN_BEFORE_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了|过|的|好)?({_NOSTOP}{{0,16}})$")
_RUN_LIST_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了)?(?:[^{_STOP}、]{{1,24}}、)+$")
_RUN_LONG_MOD_RE = re.compile(rf"(?:{_RUN_VERBS})(?:了)?{_NOSTOP}{{17,40}}的$")
_YI_VERB_AFTER_RE = re.compile(r"(?:活动|项目|工作|模式)?(?:打造|推动|推进|带动|促进|引领|助推|提升|构建|建设|服务|激发|赋能)")
_CARRY_OUT_RE = re.compile(r"(?:落实|实施|推行|执行)(?:好|了)?$")
_YI_AFTER_RE = re.compile(r"^(?:活动|项目|建设|工作|品牌|行动)?为(?:载体|基底|抓手|牵引|平台|依托|突破口|引领|主线|重点)")
_BA_BEFORE_RE = re.compile(r"(?:把|将)$")
_BA_AFTER_RE = re.compile(rf"^(?:工作)?{_NOSTOP}{{0,12}}?(?:纳入|融入|与|作为|列入|摆在|贯穿|搬到|推广到|延伸到|覆盖到|送到|带到|引入)")
_VERB_DE_RE = re.compile(rf"(?:{_RUN_VERBS})的")
_GUIDE_RE = re.compile(r"(?:指导|引导|鼓励|支持|帮助|督促|动员|号召|倡导)(?!开展|实施|推进|建立|推出|打造)"
                       r"[\u4e00-\u9fff]{1,10}$")
_RESULT_AFTER_RE = re.compile(rf"^(?:“[^”]{{1,20}}”)*(?:等{_NOSTOP}{{0,12}}?)?(?:已|均|都|也)?"
                              r"(?:初显成效|初见成效|取得(?:了)?(?:明显|显著|积极|良好)?(?:的)?成效|成效(?:明显|显著|突出)|"
                              r"效果(?:明显|显著|良好)|深受(?:职工)?(?:欢迎|好评)|广受(?:好评|欢迎)|反响(?:良好|热烈))")
_PASSIVE_RUN_RE = re.compile(r"^(?:已|均|也|还)?(?:被|已被)(?:纳入|列入|写入|融入)")
_NOT_RUN_KIND = frozenset({"policy"})
_RUN_BY = r"(?:牵头)?(?:组织实施|负责实施|实施|负责|推进|组织|开展|牵头)"
_RUN_BY_AFTER_RE = re.compile(rf"(?:工作|项目|活动)?由({_NOSTOP}{{2,40}}?){_RUN_BY}")
_RUN_BY_BEFORE_RE = re.compile(rf"由({_NOSTOP}{{2,40}}?){_RUN_BY}的$")
_REFORM_IN_NAME_RE = re.compile(r"产改|产业工人队伍建设改革")
_REFORM_OFFICE_RE = re.compile(r"(?:产改|产业工人队伍建设改革)(?:办|办公室|领导小组|工作领导小组|工作专班)$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_MAIN_FALLBACK = False  # never credit a relation to the document's main region by default alone
_ADJ_GAP_RE = re.compile(r"(?:也|已|还|又|将|已经|正在|着力|全力|大力|积极|率先|持续|不断|先后|首先|共同|联合|在全省|在全国|在全市)?")
_YI_BEFORE_RE = re.compile(r"以(?:第\S{1,4}届)?$")
_DUI_BEFORE_RE = re.compile(r"(?:对|就|围绕)(?:做好|推进|推动|深化)?$")
_DUI_AFTER_RE = re.compile(r"^(?:工作)?(?:进行|作出|开展|召开|作|提出)")
_MODIFIER_AFTER_RE = re.compile(r"^的")
_COMPOUND_AFTER_RE = re.compile(r"^(?:库|池|名录|名单|清单|榜单|档案|数据库)")
# 某区产改新模式/产改企业/产改试点: the reform qualifying another noun names no runner
# 市委常委会专题研究产改工作: a body studying or deploying the reform runs it
_REFORM_STUDY_RE = re.compile(r"(?:专题研究|研究部署|专门研究|专题部署|安排部署|周密部署|统筹部署|谋划部署|部署|谋划|研究)(?:了)?$")
_REFORM_AS_MODIFIER_RE = re.compile(r"试|新|模式|经验|企业|样本|示范|品牌|典型|指导|服务|阵地|基地|项目|专栏|栏目|成果")

# --- ISSUED ---------------------------------------------------------------------------------
_ISSUE_VERBS = "制定出台|研究出台|出台|印发|发布|制定|修订完善|修订|颁布|下发|编制|起草"
_ISSUE_BEFORE_RE = re.compile(rf"(?:{_ISSUE_VERBS})(?:了)?{_NOSTOP}{{0,12}}$")
_ISSUED_BY_RE = re.compile(rf"(?:已|于{_NOSTOP}{{1,8}}?)?由({_NOSTOP}{{2,60}}?)(?:联合|共同)?(?:{_ISSUE_VERBS})")
_ALLY_ISSUE_RE = re.compile(rf"(?:会同|联合|协同)({_NOSTOP}{{2,40}}?)(?:共同|联合)?$")
_POLICY_NAME_RE = re.compile(r"(?:意见|通知|办法|方案|规划|规定|条例|细则|标准|规范|措施|决定|纲要|指引|指南|》)[”\"]?$")

# --- SPONSORS -------------------------------------------------------------------------------
_SPONSOR_VERBS = "联合主办|共同主办|主办|承办|协办|联办"
_BY_SPONSOR_RE = re.compile(rf"由({_NOSTOP}{{1,60}}?)(?:联合|共同)?({_SPONSOR_VERBS})(?:的|，|,)?")
_SPONSOR_AFTER_SUBJ_RE = re.compile(rf"^{_NOSTOP}{{0,8}}?({_SPONSOR_VERBS}|召开|举办|举行)(?:了)?(?:的)?")
_CHAIN_VERB_RE = re.compile(r"(主办|承办|协办|联办)$")
_CHAIN_VERB_REL_RE = re.compile(r"(主办|承办|协办|联办|举办)$")  # A、B联合举办的P: only right before 的P
_ORDINAL_BEFORE_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+届|(?:19|20)\d{2}年度?)+$")
_P_BY_RE = re.compile(rf"[，,]?由(?:{_NOSTOP}{{1,30}}?(?:主办|承办|协办|联办)[、，,]?)+")
_CHAIN_SEG_RE = re.compile(r"((?:(?!主办|承办|协办|联办)[^，,])+?)(主办|承办|协办|联办)")
_THIS_EVENT_RE = re.compile(rf"({_SPONSOR_VERBS})(?:了)?(?:该|此|本次|本届|这次|这项)(?:赛事|活动|比赛|竞赛|大赛|会议|论坛|展会|项目)的")
_JOINT_RE = re.compile(rf"^{_NOSTOP}{{0,8}}?(联合开展|共同开展|联合举办|共同举办|联合发起|共同发起|联合推出|联合组织|共同组织|联合实施|共同实施|"
                       rf"联合开设|共同开设|联合开办|共同开办|合作开办|合作开设)(?:了)?")
_ALLY_RE = re.compile(rf"(?:联合|会同|携手|协同)({_NOSTOP}{{2,40}}?)(?:共同|一起|联合)?(开展|举办|主办|实施|推出|组织|启动|发起|开设|开办|创办)(?:了)?")
# 与B合作开办P / 同B联合实施P: the subject and B organise P together
_WITH_JOINT_RE = re.compile(rf"(?:与|同|跟)({_NOSTOP}{{2,40}}?)(?:合作|联合|共同)(开办|开设|创办|合办|举办|开展|主办|实施)(?:了)?")
# 联合实施 a plan (not an event) is running it together: RUNS for each, and they co-sponsor
_JOINT_RUN_VERB_RE = re.compile(r"(?:实施|推进|推行)")
_EVENT_BY_RE = re.compile(r"(?:(?:本届|本次|此次|该项?|这次|这项)|(?:(?<=[。！？；;\n])|^)\s*)"
                          r"(大赛|竞赛|比赛|赛事|活动|招聘会|论坛|展会|评选)(?:由)", re.M)
_EVENT_NAME_RE = re.compile(r"(?:赛|会|论坛|活动|仪式|节|展|峰会|调研|讲座)$")
# (先后)举办/承办/召开 P1、P2和P3 — verb with no written subject before its object list
_HOST_RE = re.compile(r"(?:先后|相继|成功|组织|联合|共同|连续|定期|积极|精心|还|并|又|分别)?"
                      r"(举办|主办|承办|协办|召开|举行|组织举办|联合举办|共同举办)(?:了|过)?(?!的)")
_HOST_FIRST_GAP_RE = re.compile(r"(?:全市|全县|全区|全省|全国|首届|第[一二三四五六七八九十百\d]+届|\d{4}年度?|年度|一年一度的)*")
_QUOTED_ITEM_RE = re.compile(r"^(?:“[^”]{1,40}”[、，,]?)+")
_HOST_GAP_RE = re.compile(r"(?:[、，,和及与暨]|以及)?(?:等)?(?:\d{4}年度?|第[一二三四五六七八九十百\d]+届)?")
# (A)会同/联合B、C等部门(单位)，(共同)开展/深化 P
_ALLY_WIDE_RE = re.compile(rf"(?:联合|会同|携手|协同)({_NOSTOP}{{2,60}}?)(?:等{_NOSTOP}{{0,10}})?[，,]?(?:在{_NOSTOP}{{1,16}}?)?"
                           rf"(?:共同|一起|联合)?(?:开展|举办|主办|实施|推出|组织|启动|发起|深化|推进|打造|开设|开办|创办)(?:了)?"
                           rf"{_NOSTOP}{{0,6}}$")

# --- PARTNERS_WITH --------------------------------------------------------------------------
_PARTNER_RE = re.compile(rf"^(?:{_NOSTOP}{{0,12}}?)(合作|签约|签订|签署|结对|共建|共同建立|联合建立|携手|联建|共育|共同打造)")
_HAND_IN_HAND_RE = re.compile(rf"^(?:{_NOSTOP}{{0,6}}?)(打造|建立|成立|开展|推进|共建|搭建|创建)")
_WITH_GAP_RE = re.compile(r"(?:与|同|跟|和|携手|联手)(?:[\u4e00-\u9fff]{0,5}?(?:重点|骨干|龙头|知名|项目|企业|高校|单位))?$")

_LIST_TAIL_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)?(?:所|家|个)?[\u4e00-\u9fff]{0,6}?(?:高校|院校|学校|大学|企业|单位|机构)")
_STATION_RE = re.compile(rf"在((?:(?!在){_NOSTOP}){{2,40}}?)(?:分别)?(?:设立|建立|设置|成立|开设|共建)(?:了)?"
                         rf"{_NOSTOP}{{0,20}}?(?:工作站|工作室|服务站|调解室|联络站|服务窗口|调解中心)")
_UNNAMED_PARTY_RE = re.compile(r"(?:指导|鼓励|推动|引导|组织|支持|帮助|促进|协调|动员|推进|带动)(?:各类|广大|更多|重点|相关|辖区)?"
                               r"(?:企业|单位|学校|院校|高校|职工|工人|员工|会员|基层工会|基层)$")

# --- MEMBER_OF ------------------------------------------------------------------------------
_COMPOSED_RE = re.compile(rf"由({_NOSTOP}{{2,120}}?)(?:等{_NOSTOP}{{0,10}}?)?(?:共同)?组成")
_MEMBER_RE = re.compile(r"成员单位|成员由|成员包括|成员为|成员有|成员涵盖|成员是")
_COMMITTEE_WORD_RE = re.compile(r"(联席会议|委员会|联盟|领导小组|工作小组|协调小组|协会|理事会|工作专班)(?:的)?$")
_COMMITTEE_RE = re.compile(r"(?:联席会议|委员会|联盟|领导小组|工作小组|协调小组|协会|理事会|工作专班|议事协调机构)$")
# A、B、C等N个部门为成员单位 / …等15家成员单位: a member list whose body was named before
_MEMBER_LIST_TAIL_RE = re.compile(r"(?:等(?:(?:\d+|[一二两三四五六七八九十百]+)(?:个|家)?)?(?:部门|单位|机构)?)?(?:为|作为|是|均为)?$")

# --- AWARDED --------------------------------------------------------------------------------
_AWARD_VERBS_RE = re.compile(rf"(荣获|获得(?!者)|获评|被评为|被授予|被命名为|荣膺|当选|摘得|夺得|入选|获颁|喜获|拿到|捧得|斩获|获(?![得者]))(?!者)(?:了)?(?:{_NOSTOP}{{0,12}}?)$")
_HOLDER_RE = re.compile(r"(?:荣誉)?(?:称号)?获得者(?=、|$)")
_PRONOUN_RE = re.compile(r"(?:他|她)(?:也|还|又|先后|曾|已|曾经|已经|再次|还曾)?")
_PERSON_LIST_GAP_RE = re.compile(r"、[^，,。；;、“”]{1,12}的")
_OF_GAP_RE = re.compile(r"的|、")
_AWARD_REL_AFTER_RE = re.compile(r"(?:荣誉)?(?:称号|奖)?的(?:职工|员工|工人|女工|师傅|青年|技师|高级技师|工程师|焊工|电工|钳工)?")
_GRANT_RE = re.compile(rf"(?<!被)(?:授予|颁授|评选)(?={_NOSTOP}{{2,40}}$)")
_WORK_TITLE_RE = re.compile(r"[“《「‘][^”》」’]{2,60}[”》」’][^“《，,。]{0,8}$")
_NAMED_AMONG_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百千]+)(?:名|位|个|人|家)[\u4e00-\u9fff]{0,4}")
_COUNT_RE = re.compile(r"\d+\s*(?:名|人|位|家|个)|[一二两三四五六七八九十百]+(?:名|人|位)")

# --- PILOTS ---------------------------------------------------------------------------------
_AS_PILOT_RE = re.compile(rf"(?:作为|是|成为|列为|被列为|确定为|被确定为|入选|获批)({_NOSTOP}{{0,30}}?)试点(?:的)?(?:单位|企业|省份|省|城市|市|县|区|园区|地区|工会|学校|院校|基地)")
# 被确定为全国产业工人队伍建设改革试点 / 被列为全省产改试点 (no unit noun after 试点)
_AS_PILOT_BARE_RE = re.compile(rf"(?:被列为|列为|被确定为|确定为|入选|获批|被选为|被批准为|成为)((?:(?!试点){_NOSTOP}){{0,30}}?)"
                               r"试点(?=之一|以来|后|[，,。；;、]|$)")
_DESIGNATE_RE = re.compile(r"(?:遴选|确定|选取|选定|评选|推荐|命名|批准|择优|选树|培育|选择)(?:了|出)?")
_CHOSEN_PILOT_RE = re.compile(rf"(?:确定|选取|选定|遴选|命名|批准)({_NOSTOP}{{2,80}}?)(?:等\S{{0,6}}?)?为({_NOSTOP}{{0,30}}?)试点(?:单位|企业|省份|城市|园区|地区|县|区|工会|学校|院校|基地)")
_LISTED_PILOT_RE = re.compile(r"等(?:\d+|[一二两三四五六七八九十百]+)(?:家|个|所)?([\u4e00-\u9fff]{0,8}?)试点(?:单位|企业|园区|城市|县|区|学校|院校|基地)")
_PILOT_AT_RE = re.compile(rf"在((?:(?!在){_NOSTOP}){{2,40}}?)(?:率先|先行)?试点(?:推行|实施|推广|开展|探索|运行)(?:了)?")
_IN_PILOT_RE = re.compile(rf"在({_NOSTOP}{{0,20}}?)试点(?:中|工作中|过程中|期间)")
_VIA_PILOT_RE = re.compile(rf"(?:经过|通过)({_NOSTOP}{{0,60}}?)等?{_NOSTOP}{{0,8}}?的试点")
_LEVEL_WORDS = (("全国", "national"), ("国家级", "national"), ("国家", "national"), ("全省", "provincial"),
                ("省级", "provincial"), ("省", "provincial"), ("全市", "municipal"), ("市级", "municipal"),
                ("市", "municipal"), ("全区", "district"), ("全县", "district"), ("区级", "district"),
                ("县级", "district"))


class RelationsComponent:
    """Relation candidates into doc.relations (runs after the entity components)."""

    name = "relations"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("relations",)

    def __call__(self, doc: Document) -> Document:
        doc.relations = extract_relations(doc)
        return doc


def component() -> RelationsComponent:
    return RelationsComponent()


class _Builder:
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

    @staticmethod
    def key(m: Mention) -> str:
        return f"{m.label}:{m.normalised or m.surface}"

    def add(self, rtype: str, head: Mention | None, tail: Mention | None, trigger: tuple[int, int] | None,
            **props) -> bool:
        if head is None or tail is None or head is tail:
            return False
        if self.key(head) == self.key(tail):
            return False
        if not self.onto.allows(rtype, head.label, tail.label):
            return False
        k = (rtype, self.key(head), self.key(tail))
        if rtype in self.onto.symmetric_types and k[1] > k[2]:
            k = (rtype, k[2], k[1])
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
                                          {k2: v for k2, v in props.items() if v not in (None, "")}))
        return True


def extract_relations(doc: Document, ctx: DocContext | None = None) -> list[RelationCandidate]:
    if ctx is None:
        rr.add_reform_work_anchors(doc)
        ctx = DocContext.build(doc)
    b = _Builder(doc, ctx)
    _holds_position(b)
    _author_positions(b)
    _congress_deputies(b)
    _party_centre(b)
    _awarded(b)
    _pilots(b)
    _sponsors(b)
    _hosted_events(b)
    _allied_events(b)
    _runs(b)
    _issued(b)
    rr.followed_policies(b)
    rr.followed_decisions(b)
    _reform_offices(b)
    rr.office_runs(b)
    rr.leadership_runs(b)
    rr.region_work_runs(b)
    rr.region_pilots(b)
    rr.example_pilots(b)
    rr.charged_runs(b)
    rr.lead_runs(b)
    rr.bare_office_runs(b)
    _partners(b)
    _stations_in_bodies(b)
    _school_interns(b)
    _members(b)
    _co_sponsors(b)
    return b.out


# ---- helpers ---------------------------------------------------------------------------------

def _programmes(ctx: DocContext) -> list[Mention]:
    return [m for m in ctx.mentions if m.label == "Programme"]


def _adjacent_actor(b: _Builder, pos: int) -> Mention | None:
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


def _actors_for(b: _Builder, pos: int, exclude: Mention | None = None, fallback: bool = True) -> list[Mention]:
    """Subject group of the clause before pos (or the actor right before the verb), else the
    context's credited actor when `fallback`. A region's union system (某省各级工会…) stands for
    the union the piece is about, when it is that region's union; else it names no actor."""
    if b.ctx._reader_question(pos):
        return []  # 问：我企业准备开展…: a reader's question names no actor
    out = []
    for a in _actors_for_raw(b, pos, exclude, fallback):
        if a.label == "Region" and _UNION_SYSTEM_RE.match(b.doc.text, a.span.end):
            topic = b.ctx.section_topic(a.span.start)
            if topic is not None and topic.label == "Union" and b.ctx._same_region(topic, a):
                a = topic
            else:
                continue
        out.append(a)
    return out


def _actors_for_raw(b: _Builder, pos: int, exclude: Mention | None = None, fallback: bool = True) -> list[Mention]:
    ctx = b.ctx
    cs, ce = ctx.clause_bounds(pos)
    group = [m for m in ctx.subject_group(cs, pos) if m is not exclude and m.label in ACTOR_LABELS]
    if group:
        return group
    adj = _adjacent_actor(b, pos)
    if adj is not None and adj is not exclude:
        return [adj]
    if not fallback:
        return []
    if _UNNAMED_SUBJECT_RE.match(b.doc.text, ctx.subject_start(cs, ce), pos):
        return []  # 各地工会要开展P / 各企业积极推行P: an unnamed group acts, not the section's body
    si = b.doc.sentence_of(pos)
    if si >= 0:
        # 全市共开展…，发放…；组织P: a topic chain keeps the subject of an earlier clause
        earlier = [m for c_s, _, m in ctx.subjects(si) if c_s < cs and m.label in ACTOR_LABELS
                   and m is not exclude and id(m) not in ctx.title_orgs]
        if not earlier and si > 0 and ctx.subject_start(cs, ce) == b.doc.sentences[si][0] \
                and b.doc.text[b.doc.sentences[si - 1][1] - 1:b.doc.sentences[si - 1][1]] in ("；", ";") \
                and ctx.paragraph_of(b.doc.sentences[si - 1][0]) == ctx.paragraph_of(pos):
            # …全市共开展培训4.6万人次；组织P等赛事38场次: a 、；-chained sentence keeps its subject
            earlier = [m for _, _, m in ctx.subjects(si - 1) if m.label in ACTOR_LABELS
                       and m is not exclude and id(m) not in ctx.title_orgs]
        if earlier:
            return earlier[-1:]
    a = ctx.actor_for(pos, main=_MAIN_FALLBACK)
    if a is not None and a.label != "Enterprise" and _COMPANY_SUBJECT_RE.match(b.doc.text, ctx.subject_start(cs, ce), pos):
        return []  # 公司与X大学签约 where no enterprise is named: not the union or region of the piece
    return [a] if a is not None and a.label in ACTOR_LABELS and a is not exclude else []


def _level_of(text: str) -> str | None:
    for w, lvl in _LEVEL_WORDS:
        if w in text:
            return lvl
    return None


def _year_in(doc: Document, si: int) -> int | None:
    if si < 0:
        return None
    ss, se = doc.sentences[si]
    m = re.search(r"((?:19|20)\d{2})年", doc.text[ss:se])
    return int(m.group(1)) if m else None


def _reform_programme(b: _Builder, at: tuple[int, int]) -> Mention:
    """The mention of 产业工人队伍建设改革 (any in the document), else a derived one at `at`."""
    if b.reform is not None:
        return b.reform
    for m in b.ctx.mentions:
        if m.label == "Programme" and (m.normalised or m.surface) == REFORM_NAME:
            b.reform = m
            return m
    s, e = at
    span = Span(s, e, "Programme", b.doc.sentence_of(s), "relations", {})
    m = Mention(span=span, label="Programme", surface=b.doc.text[s:e], normalised=REFORM_NAME,
                attrs={"kind": "initiative", "derived": True, "implied": True})
    b.doc.mentions.append(m)
    b.reform = m
    return m


# ---- HOLDS_POSITION --------------------------------------------------------------------------

_TITLE_DEIXIS_RE = re.compile(r"(?:该|本)?(?:企业|公司|集团)")
_SUBUNIT_RE = re.compile(r"^(?:女工委|女职工委员会|经审会|经费审查委员会|办公室|工会委员会|团委|妇委会|党委|党支部|党总支)")
_CORE_RE = re.compile(r"以(\S{2,4})同志为核心的(党中央)")
_TITLE_AFTER_RE = re.compile(r"^\s?(教授|副教授|研究员|博士|讲师|高级工程师|工程师|技师|高级技师|院士|"
                             r"(?:常务)?副?(?:书记|主席|省长|市长|县长|区长|部长|局长|厅长|主任|院长|校长|董事长|总经理|会长))")
# 某公司装配工/焊工/职工/首席技师张三: a worker's trade or grade is the position held there
_TRADE_TITLE_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:装配|焊|钳|电|车|铣|磨|维修|检修|操作|锅炉|管道|起重|叉车|数控)工|"
                             r"(?:首席|高级|资深)?(?:技师|技术员|工程师|操作手|操作员)|职工|员工|一线工人|班组长|班长|机长)")
_QUOTED_GROUP_RE = re.compile(r"^“[^”]{2,20}”")
_GROUP_TITLE_RE = re.compile(r"(?:副)?(?:团长|队长|组长|会长|主任|负责人|领队|召集人|站长|室长)")
_NPC_BEFORE_RE = re.compile(r"(?:光荣|成功|顺利|再次|连续)?(?:当选为?|成为|是|作为|担任)(?:第[一二三四五六七八九十]+届)?$")
_TITLE_TRIM = re.compile(r"^[\s、，,]+|[\s、，,]+$")


def _position_pairs(doc: Document, person: Mention) -> list[tuple[Mention, str]]:
    """(organisation mention, title) pairs from the person component's attrs: the Mention
    objects in attrs["org_mentions"], else indices in attrs["positions"]/["org"]."""
    a = person.attrs or {}
    om = a.get("org_mentions")
    if isinstance(om, (list, tuple)) and om:
        res = [(o, str(t or "")) for o, t in om if isinstance(o, Mention)]
        if res:
            return res
    pairs: list[tuple[int, str]] = []
    for key in ("positions", "titles", "org"):
        v = a.get(key)
        if isinstance(v, (list, tuple)):
            for item in v:
                if isinstance(item, (list, tuple)) and len(item) >= 2 and isinstance(item[0], int):
                    pairs.append((item[0], str(item[1] or "")))
                elif isinstance(item, dict) and isinstance(item.get("org"), int):
                    pairs.append((item["org"], str(item.get("title") or "")))
    if not pairs and isinstance(a.get("org"), int):
        pairs.append((a["org"], str(a.get("title") or "")))
    return [(doc.mentions[i], t) for i, t in pairs if 0 <= i < len(doc.mentions)]


def _holds_position(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    for person in list(doc.mentions):
        if person.label != "Person":
            continue
        pairs = _merge_subunits(doc, ctx, _position_pairs(doc, person))
        if pairs:
            for org, title in pairs:
                s = min(org.span.start, person.span.start)
                e = max(org.span.end, person.span.end)
                b.add("HOLDS_POSITION", person, org, (s, e), title=title or person.attrs.get("title"))
            continue
        title = (person.attrs or {}).get("title") or ""
        dm = _TITLE_DEIXIS_RE.match(title)
        if dm:
            # 企业党委副书记、工会主席张忠波: 企业/公司/集团 is the enterprise named before
            ante = ctx.previous_mention(person.span.start, "Enterprise")
            if ante is not None and person.span.start - ante.span.end < 200:
                first = re.split(r"[、，,]", title[dm.end():])[0]
                b.add("HOLDS_POSITION", person, ante, (person.span.start - len(title), person.span.end),
                      title=first)
            continue
        if person.attrs.get("title") and not person.attrs.get("org"):
            pass  # a title without a body: nothing to link
        _holds_position_fallback(b, person)


def _merge_subunits(doc: Document, ctx: DocContext, pairs: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """常州市总工会女工委部长: a sub-unit (女工委, 办公室) written right after its parent body is
    part of the title; the position is held in the parent body."""
    out = []
    for org, title in pairs:
        i = bisect_left(ctx.starts, org.span.start) - 1
        parent = None
        while i >= 0:
            m = ctx.mentions[i]
            if m.span.end == org.span.start and m.label in ORG_LABELS:
                parent = m
                break
            if m.span.end < org.span.start:
                break
            i -= 1
        if parent is not None and _SUBUNIT_RE.search(org.surface or ""):
            out.append((parent, (org.surface or "") + title))
        else:
            out.append((org, title))
    return out


def _looks_like_title(title: str) -> bool:
    try:
        from reformkg.ingest import lexicons as lx
        words = lx.titles()
    except Exception:  # lexicon unavailable: a minimal list
        words = ("书记", "主席", "部长", "局长", "主任", "委员", "常委", "院长", "校长", "经理", "董事长", "教授",
                 "召集人", "会长", "秘书长", "厅长", "市长", "县长", "区长", "省长", "组长", "队长")
    last = re.split(r"[、，,]", title)[-1]
    return 0 < len(last) <= 12 and any(last.endswith(w) for w in words)


def _party_centre(b: _Builder) -> None:
    """以X同志为核心的党中央: X holds the office of general secretary of the party centre."""
    doc, ctx = b.doc, b.ctx
    for m in _CORE_RE.finditer(doc.text):
        person = ctx.mention_at(m.start(1), {"Person"})
        centre = ctx.mention_at(m.start(2), {"Agency"})
        if person is not None and centre is not None:
            b.add("HOLDS_POSITION", person, centre, (m.start(), m.end()), title="总书记")
    # <name>总书记 in a text that names the party centre (党中央/中共中央) itself
    centre = next((x for x in ctx.mentions if x.label == "Agency" and (x.normalised or x.surface) == "中共中央"), None)
    if centre is None:
        return
    for person in ctx.mentions:
        if person.label == "Person" and doc.text.startswith("总书记", person.span.end):
            b.add("HOLDS_POSITION", person, centre, (person.span.start, person.span.end + 3), title="总书记")


def _holds_position_fallback(b: _Builder, person: Mention) -> None:
    """ORG title、ORG title PERSON (or ORG PERSON 教授) without title attrs from the person component."""
    doc, ctx = b.doc, b.ctx
    text = doc.text
    # organisations right before the person, chained through title words
    chain: list[tuple[Mention, str]] = []
    pos = person.span.start
    i = bisect_left(ctx.starts, pos) - 1
    nxt_start = pos
    while i >= 0:
        m = ctx.mentions[i]
        i -= 1
        if m.span.end > nxt_start:
            continue
        if m.label == "Programme" and not chain and (m.surface or "").startswith("“") \
                and _GROUP_TITLE_RE.fullmatch(text[m.span.end:nxt_start]):
            continue  # X总工会“某某宣讲团”团长某某: the group is part of the title
        if m.label not in ORG_LABELS:
            break
        gap = text[m.span.end:nxt_start]
        core = _QUOTED_GROUP_RE.sub("", gap, count=1)  # X总工会“某某宣讲团”团长: a named group in the title
        if core != gap and not _GROUP_TITLE_RE.fullmatch(core):
            break
        if len(core) > 14 or any(c in _STOP + "“”《》（）()" for c in core):
            break
        if re.search(r"[与和及对为向在由把将被从给同是说]", gap):
            break
        chain.append((m, _TITLE_TRIM.sub("", gap)))
        nxt_start = m.span.start
        if text[max(0, m.span.start - 1):m.span.start] != "、":
            break
    after = _TITLE_AFTER_RE.match(text[person.span.end:person.span.end + 6])
    if after and not chain:
        # ORG PERSON 教授
        j = bisect_left(ctx.starts, person.span.start) - 1
        if j >= 0:
            m = ctx.mentions[j]
            gap = text[m.span.end:person.span.start]
            if m.label in ORG_LABELS and len(gap.strip()) == 0:
                b.add("HOLDS_POSITION", person, m, (m.span.start, person.span.end + after.end()),
                      title=after.group(1))
        return
    for org, title in chain:
        if not title and after:
            title = after.group(1)
        if not title or not (_looks_like_title(title) or _GROUP_TITLE_RE.fullmatch(_QUOTED_GROUP_RE.sub("", title))
                             or _TRADE_TITLE_RE.fullmatch(title)):
            continue
        b.add("HOLDS_POSITION", person, org, (org.span.start, person.span.end), title=title)


def _author_positions(b: _Builder) -> None:
    """An article's author line `<org>[<title>] <name>`: the author holds a post in the body
    they sign for (title when written)."""
    ctx = b.ctx
    for ps, pe in b.doc.paragraphs:
        if pe - ps > 60:
            continue
        parts = ctx.author_line(ps, pe)
        if parts is None or parts[1] is None:
            continue
        org, person, title = parts
        b.add("HOLDS_POSITION", person, org, (org.span.start, person.span.end), title=title or None)


def _congress_deputies(b: _Builder) -> None:
    """<name>(光荣)当选(第N届)全国人大代表: a deputy holds a seat in that people's congress."""
    ctx, text = b.ctx, b.doc.text
    for cong in ctx.mentions:
        if cong.label != "Agency" or text[cong.span.end:cong.span.end + 2] != "代表":
            continue
        name = cong.normalised or cong.surface or ""
        if not (name.endswith("人民代表大会") or name.endswith("人大")):
            continue
        cs, _ = ctx.clause_bounds(cong.span.start)
        prev = [m for m in ctx.mentions_between(cs, cong.span.start) if m.label == "Person"]
        if not prev:
            continue
        person = prev[-1]
        gap = text[person.span.end:cong.span.start]
        if not _NPC_BEFORE_RE.fullmatch(gap):
            continue
        title = text[cong.span.start:cong.span.end + 2]
        pm = re.search(r"第[一二三四五六七八九十]+届$", gap)
        if pm:
            title = pm.group() + title
        b.add("HOLDS_POSITION", person, cong, (person.span.start, cong.span.end + 2), title=title)


# ---- AWARDED ---------------------------------------------------------------------------------

def _awarded(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    for aw in [m for m in ctx.mentions if m.label == "Award"]:
        si = doc.sentence_of(aw.span.start)
        level = aw.attrs.get("level") if aw.attrs else None
        year = _year_in(doc, si)
        cs, ce = ctx.clause_bounds(aw.span.start)
        # (1) recipient … 荣获/获得/被评为 … AWARD
        before = text[cs:aw.span.start]
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


# ---- PILOTS ----------------------------------------------------------------------------------

def _target_programme(b: _Builder, s: int, e: int) -> Mention | None:
    progs = [m for m in b.ctx.mentions_between(s, e) if m.label == "Programme"]
    return progs[-1] if progs else None


def _enumeration_before(b: _Builder, pos: int) -> list[Mention]:
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


def _loose_enumeration_before(b: _Builder, pos: int) -> list[Mention]:
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


def _known_actors(b: _Builder) -> dict[str, Mention]:
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


def _mark_pilot(m: Mention) -> None:
    if m.attrs is None:
        m.attrs = {}
    m.attrs["pilot"] = True


def _pilots(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    for si, (ss, se) in enumerate(doc.sentences):
        if "试点" not in text[ss:se]:
            continue
        # (1) X 作为/是/列为 … 试点单位/企业/省份
        for m in list(_AS_PILOT_RE.finditer(text, ss, se)) + list(_AS_PILOT_BARE_RE.finditer(text, ss, se)):
            desc_s, desc_e = m.span(1)
            desc = m.group(1)
            target = _target_programme(b, desc_s, desc_e)
            if target is None:
                if re.search(r"改革|产改", desc) or not desc.strip() or _level_of(desc) or "全面" in desc:
                    target = _reform_programme(b, (m.start(), m.end()))
                else:
                    continue
            cs, ce = ctx.clause_bounds(m.start())
            actors = [a for a in ctx.subject_group(cs, m.start()) if a.label in ACTOR_LABELS]
            dv = _DESIGNATE_RE.search(text, cs, m.start())
            if dv is not None and m.group().startswith("作为"):
                # X遴选/确定了A、B等N家企业作为…试点企业: A and B are the pilots, X designates them
                actors = [a for a in ctx.mentions_between(dv.end(), m.start())
                          if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != "Region"]
                if not actors:
                    continue
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
            level = _level_of(desc)
            if level is None:
                # X被省总工会确定为试点单位: the designating body's level
                bm = re.search(rf"被({_NOSTOP}{{2,20}}?)$", text[cs:m.start()])
                if bm:
                    level = _level_of(bm.group(1))
            for a in actors:
                if b.add("PILOTS", a, target, (m.start(), m.end()), level=level):
                    _mark_pilot(a)
        # (1b) 确定/选取 A、B、C 为(…)试点单位
        for m in _CHOSEN_PILOT_RE.finditer(text, ss, se):
            desc = m.group(2)
            target = _target_programme(b, m.start(2), m.end(2))
            if target is None:
                if re.search(r"改革|产改", desc) or not desc.strip() or _level_of(desc):
                    target = _reform_programme(b, (m.start(), m.end()))
                else:
                    continue
            for a in ctx.mentions_between(m.start(1), m.end(1)):
                if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs:
                    if b.add("PILOTS", a, target, (m.start(), m.end()), level=_level_of(desc)):
                        _mark_pilot(a)
        # (2) X 在(产改)试点中
        for m in _IN_PILOT_RE.finditer(text, ss, se):
            desc_s, desc_e = m.span(1)
            target = _target_programme(b, desc_s, desc_e)
            if target is None:
                if not re.search(r"改革|产改", m.group(1)):
                    continue
                target = _reform_programme(b, (m.start(), m.end()))
            cs, ce = ctx.clause_bounds(m.start())
            actors = [a for a in ctx.subject_group(cs, m.start()) if a.label in ACTOR_LABELS]
            for a in actors:
                if b.add("PILOTS", a, target, (m.start(), m.end()), level=_level_of(m.group(1))):
                    _mark_pilot(a)
                if is_reform(target) and a.label != "Person":
                    b.add("RUNS", a, target, (m.start(), m.end()))  # X在产改试点中…: it carries the reform out
        # (3) PROGRAMME 试点 (落实“…”制度试点): the clause's credited actor
        for p in [x for x in ctx.sentence_mentions(si) if x.label == "Programme"]:
            if text[p.span.end:p.span.end + 2] == "试点" and text[p.span.end + 2:p.span.end + 3] not in ("单", "企"):
                if is_reform(p):
                    continue  # 园区产改试点: the generic phrase names no pilot
                cs, _ = ctx.clause_bounds(p.span.start)
                actors = [a for a in ctx.subject_group(cs, p.span.start) if a.label in ACTOR_LABELS]
                if not actors:
                    a = ctx.actor_for(p.span.start, main=False)
                    actors = [a] if a is not None and a.label in ACTOR_LABELS else []
                for a in actors[:1]:
                    if b.add("PILOTS", a, p, (p.span.start, p.span.end + 2)):
                        _mark_pilot(a)
        # (2b) X在Y试点推行/实施P: Y pilots P (X carries it out)
        for m in _PILOT_AT_RE.finditer(text, ss, se):
            p = ctx.mention_at(m.end(), {"Programme"})
            if p is None or is_reform(p):
                continue
            for a in ctx.mentions_between(m.start(1), m.end(1)):
                if a.label in ORG_LABELS and id(a) not in ctx.title_orgs:
                    if b.add("PILOTS", a, p, (m.start(), p.span.end)):
                        _mark_pilot(a)
            for a in _actors_for(b, m.start(), exclude=p):
                b.add("RUNS", a, p, (m.start(), p.span.end))
        # (3b) A、B、C等N家(省级)(产改)试点单位: an enumerated list of pilots
        for m in _LISTED_PILOT_RE.finditer(text, ss, se):
            items = _enumeration_before(b, m.start())
            for x in _loose_enumeration_before(b, m.start()):
                if all(b.key(x) != b.key(y) for y in items):
                    items.append(x)
            if not items:
                continue
            desc = m.group(1)
            target = _target_programme(b, m.start(), m.end()) or _reform_programme(b, (m.start(), m.end()))
            if not _level_of(desc):
                # 全省确定了A、B等10个试点县: the level the designating clause states
                lcs, _ = ctx.clause_bounds(items[0].span.start)
                lead = text[lcs:items[0].span.start]
                if re.search(r"确定|遴选|选定|选取|批准|命名|公布", lead):
                    desc = lead
            for a in items:
                if b.add("PILOTS", a, target, (items[0].span.start, m.end()), level=_level_of(desc)):
                    _mark_pilot(a)
        # (4) 经过/通过 A、B等N家企业的试点 — only with a named programme in the sentence
        for m in _VIA_PILOT_RE.finditer(text, ss, se):
            target = _target_programme(b, ss, se)
            if target is None:
                continue
            for a in ctx.mentions_between(m.start(1), m.end(1)):
                if a.label in ORG_LABELS and id(a) not in ctx.title_orgs:
                    if b.add("PILOTS", a, target, (m.start(), m.end())):
                        _mark_pilot(a)


# ---- SPONSORS / CO_SPONSORS ------------------------------------------------------------------

def _add_sponsor(b: _Builder, actor: Mention, prog: Mention, role: str, trig: tuple[int, int]) -> None:
    if b.add("SPONSORS", actor, prog, trig, role=role):
        b.sponsors.setdefault(b.key(prog), []).append((actor, role, Span(trig[0], trig[1], "SPONSORS")))


def _add_joint(b: _Builder, actor: Mention, prog: Mention, verb: str, trig: tuple[int, int]) -> None:
    """A jointly organised programme: 联合实施 a plan (no event) is RUNS by each of them (they
    still co-sponsor it); 联合开展/举办/开设 anything is SPONSORS."""
    if _JOINT_RUN_VERB_RE.search(verb) and not _EVENT_NAME_RE.search(prog.normalised or prog.surface or ""):
        b.add("RUNS", actor, prog, trig)
        b.joint.setdefault(b.key(prog), []).append((actor, "联合实施", Span(trig[0], trig[1], "RUNS")))
    else:
        _add_sponsor(b, actor, prog, "联合开展", trig)


def _sponsors(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    progs = _programmes(ctx)
    for p in progs:
        cs, ce = ctx.clause_bounds(p.span.start)
        # 由A、B主办的P
        for m in _BY_SPONSOR_RE.finditer(text, cs, p.span.start):
            if m.end() < p.span.start - 2:
                continue
            role = m.group(2).replace("联合", "").replace("共同", "")
            actors = [a for a in ctx.mentions_between(m.start(1), m.end(1))
                      if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
            for a in actors:
                _add_sponsor(b, a, p, role, (m.start(), p.span.end))
        # A主办、B承办的P / A、B主办，C承办的P: each verb with the names written right before it
        _sponsor_chain(b, p)
        # P由A主办、B承办: the sponsors follow the event's name
        m = _P_BY_RE.match(text, p.span.end, min(len(text), p.span.end + 80))
        if m:
            for seg in _CHAIN_SEG_RE.finditer(text, m.start(), m.end()):
                names = [a for a in ctx.mentions_between(seg.start(1), seg.end(1))
                         if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
                for a in names:
                    _add_sponsor(b, a, p, seg.group(2), (p.span.start, m.end()))
        # A(、B)主办/承办/召开P  — subject group directly before the verb
        group = ctx.subject_group(cs, p.span.start)
        if group:
            rest = text[group[-1].span.end:p.span.start]
            sm = _SPONSOR_AFTER_SUBJ_RE.match(rest)
            if sm and sm.end() >= len(rest) - 2:
                verb = sm.group(1)
                if verb in ("召开", "举办", "举行"):
                    if not _EVENT_NAME_RE.search(p.normalised or p.surface):
                        continue
                    role = "主办"
                    if verb != "举办":
                        group = [a for a in group if a.label != "Region"]  # 某县召开…: where, not who
                else:
                    role = verb.replace("联合", "").replace("共同", "")
                for a in group:
                    _add_sponsor(b, a, p, role, (group[0].span.start, p.span.end))
                continue
            jm = _JOINT_RE.match(rest)
            if jm and len(group) >= 2 and jm.end() >= len(rest) - 2:
                for a in group:
                    _add_joint(b, a, p, jm.group(1), (group[0].span.start, p.span.end))
                continue
        # (A)联合/会同B(共同)开展P, (A)与B合作开办P: A (subject or context) and B jointly organise P
        for rx in (_ALLY_RE, _WITH_JOINT_RE):
            lm = rx.search(text, cs, p.span.start)
            if lm and lm.end() >= p.span.start - 2:
                allies = [a for a in ctx.mentions_between(lm.start(1), lm.end(1))
                          if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
                if allies:
                    leads = [a for a in _actors_for(b, lm.start(), exclude=p) if a not in allies]
                    if rx is _WITH_JOINT_RE and not leads:
                        continue
                    for a in leads + allies:
                        _add_joint(b, a, p, lm.group(2), (lm.start(), p.span.end))
                    break
    # 本届大赛由A、B联合主办，C承办: the event named before, with each verb's names
    for m in _EVENT_BY_RE.finditer(text):
        target = ctx._previous_event(m.start())
        if target is None:
            continue
        noun = m.group(1)
        if not m.group().lstrip().startswith(("本", "此", "该", "这")):
            # bare 大赛由…: the event of the same paragraph whose name has that head noun
            tname = target.normalised or target.surface or ""
            head = "赛" if noun.endswith("赛") else noun
            if ctx.paragraph_of(target.span.start) != ctx.paragraph_of(m.start(1)) or head not in tname:
                continue
        si = doc.sentence_of(m.start())
        se = doc.sentences[si][1] if si >= 0 else len(text)
        pos = m.end() - 1  # at 由
        for seg in _CHAIN_SEG_RE.finditer(text, pos, se):
            if seg.start() > pos + 1 and not re.fullmatch(r"[，,、]?", text[pos:seg.start()]):
                break
            names = [a for a in ctx.mentions_between(seg.start(1), seg.end(1))
                     if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != "Region"]
            if not names:
                break
            for a in names:
                _add_sponsor(b, a, target, seg.group(2), (m.start(), seg.end()))
            pos = seg.end()
    # 承办该赛事的X
    for m in _THIS_EVENT_RE.finditer(text):
        x = ctx.mention_at(m.end(), ACTOR_LABELS)
        if x is None:
            continue
        prev = [q for q in progs if q.span.end <= m.start() and _EVENT_NAME_RE.search(q.normalised or q.surface)]
        if prev:
            # 该赛事 is the event the passage is about: the latest one with sponsors, else the latest
            sponsored = [q for q in prev if b.key(q) in b.sponsors and m.start() - q.span.end < 1500]
            target = sponsored[-1] if sponsored else prev[-1]
            _add_sponsor(b, x, target, m.group(1), (m.start(), x.span.end))


def _hosted_events(b: _Builder) -> None:
    """(先后)举办/承办/召开 P1、P2和P3: a hosting verb with its object list; the host is the
    clause's subject, else the actor the context credits (the paragraph's or article's body).
    举办/主办/承办/协办 take any named programme but a policy; 召开/举行 only named events."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for vm in _HOST_RE.finditer(text):
        verb = vm.group(1)
        si = doc.sentence_of(vm.start())
        if si < 0:
            continue
        se = doc.sentences[si][1]
        if text[max(0, vm.start() - 1):vm.start()] in ("由", "的") or ctx.in_quotes(vm.start(), vm.end()):
            continue
        events: list[Mention] = []
        pos = vm.end()
        first = True
        for m in ctx.mentions_between(vm.end(), min(se, vm.end() + 200)):
            if m.span.start < pos:
                continue
            gap = text[pos:m.span.start]
            if first:
                g = gap
                for r in ctx.mentions_between(pos, m.span.start):
                    if r.label == "Region":
                        g = g.replace(text[r.span.start:r.span.end], "")
                g = _QUOTED_ITEM_RE.sub("", g)  # an unrecognised quoted item before this one
                if not _HOST_FIRST_GAP_RE.fullmatch(g):
                    break
            else:
                region_gap = ctx.mentions_between(pos, m.span.start)
                g = gap
                for r in region_gap:
                    if r.label == "Region":
                        g = g.replace(text[r.span.start:r.span.end], "")
                if not _HOST_GAP_RE.fullmatch(g):
                    break
            if m.label == "Region":
                continue  # 举办沛县2023年“…”: a region qualifying the event (checked with the gap)
            if m.label != "Programme":
                break
            if is_reform(m) or _is_policy(m):
                break
            if verb in ("召开", "举行") and not _EVENT_NAME_RE.search(m.normalised or m.surface):
                break
            events.append(m)
            pos = m.span.end
            first = False
        if not events:
            continue
        tail = text[events[-1].span.end:events[-1].span.end + 1]
        if tail and tail not in _STOP + "、等及和与暨（(":
            continue  # 举行P1和P2启动仪式: the names qualify another head noun
        role = verb.replace("组织", "").replace("联合", "").replace("共同", "") or verb
        if verb in ("召开", "举行"):
            role = "主办"
        hcs, _ = ctx.clause_bounds(vm.start())
        # 我们召开…会 in a speech: the speaker's body is not the topic a later sentence names
        speaker = bool(re.search(r"我们|我(?=[\u4e00-\u9fff]{0,4}$)", text[hcs:vm.start()]))
        # 召开了全市…推进会 with no written host: a city-wide meeting is convened by whoever the
        # report does not say (the section's body only hosts what it 举办s/承办s)
        citywide = verb in ("召开", "举行") and _CITYWIDE_RE.match(events[0].surface or "")
        actors = _actors_for(b, vm.start(), exclude=events[0], fallback=not speaker and not citywide)
        if verb in ("召开", "举行"):
            actors = [a for a in actors if a.label != "Region"]  # 某市举行…: where, not who
        for a in actors:
            for ev in events:
                _add_sponsor(b, a, ev, role, (vm.start(), ev.span.end))


_CITYWIDE_RE = re.compile(r"[“]?(?:全省|全市|全县|全区|全国)")


def _allied_events(b: _Builder) -> None:
    """A会同/联合B、C等部门，(共同)开展/深化P: A (subject or context) and its allies sponsor P."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for p in _programmes(ctx):
        if is_reform(p) or _is_policy(p) or (p.attrs or {}).get("derived"):
            continue
        si = doc.sentence_of(p.span.start)
        if si < 0:
            continue
        ss = doc.sentences[si][0]
        lm = _ALLY_WIDE_RE.search(text, max(ss, p.span.start - 120), p.span.start)
        if not lm:
            continue
        allies = [a for a in ctx.mentions_between(lm.start(1), lm.end(1))
                  if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != "Region"]
        if not allies:
            continue
        leads = [a for a in _actors_for(b, lm.start(), exclude=p) if all(b.key(a) != b.key(x) for x in allies)]
        if not leads:
            continue
        for a in leads + allies:
            _add_sponsor(b, a, p, "联合开展", (lm.start(), p.span.end))


def _sponsor_chain(b: _Builder, p: Mention) -> None:
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    si = doc.sentence_of(p.span.start)
    if si < 0:
        return
    ss = doc.sentences[si][0]
    pos = p.span.start
    om = _ORDINAL_BEFORE_RE.search(text, max(ss, pos - 10), pos)
    if om and text[om.start() - 1:om.start()] == "的":
        pos = om.start()  # …承办的第四届“P” / …举办的2023年P
    relative = text[pos - 1:pos] == "的"
    if relative:
        pos -= 1
    found: list[tuple[list[Mention], str, int]] = []
    while pos > ss:
        vm = (_CHAIN_VERB_RE if found or not relative else _CHAIN_VERB_REL_RE).search(text, max(ss, pos - 6), pos)
        if not vm:
            break
        vstart = vm.start()
        jm = re.search(r"(?:联合|共同)$", text[max(ss, vstart - 2):vstart])
        if jm:
            vstart -= 2  # A、B联合主办
        names = _enumeration_before(b, vstart)
        if not names:
            break
        found.append((names, "主办" if vm.group(1) == "举办" else vm.group(1), names[0].span.start))
        pos = names[0].span.start
        while pos > ss and text[pos - 1] in "、，,和及":
            pos -= 1
    for names, verb, start in found:
        for a in names:
            _add_sponsor(b, a, p, verb, (start, p.span.end))


def _co_sponsors(b: _Builder) -> None:
    groups = dict(b.sponsors)
    for pid, lst in b.joint.items():
        groups[pid] = groups.get(pid, []) + lst
    for pid, lst in groups.items():
        actors: list[Mention] = []
        for a, _, _ in lst:
            if all(b.key(a) != b.key(x) for x in actors):
                actors.append(a)
        prog = next((r.tail for r in b.out if r.type in ("SPONSORS", "RUNS") and b.key(r.tail) == pid), None)
        for x, y in combinations(actors, 2):
            trig = lst[0][2]
            b.add("CO_SPONSORS", x, y, (trig.start, trig.end),
                  programme=(prog.normalised or prog.surface) if prog else None)


# ---- RUNS ------------------------------------------------------------------------------------

def _is_policy(p: Mention) -> bool:
    return (p.attrs or {}).get("kind") in _NOT_RUN_KIND or (p.surface or "").startswith("《")


def _runs(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    sponsored = set(b.sponsors)
    for p in _programmes(ctx):
        if (p.attrs or {}).get("derived") or b.key(p) in sponsored:
            continue
        cs, ce = ctx.clause_bounds(p.span.start)
        if _is_policy(p) and (p.attrs or {}).get("kind") == "policy" \
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
        if not reform and (p.surface or "").startswith("“") and not _is_policy(p):
            prev = ctx.mentions_between(max(cs, p.span.start - 12), p.span.start)
            if prev and prev[-1].span.end == p.span.start and prev[-1].label == "Region" \
                    and id(prev[-1]) not in ctx.title_orgs and not (prev[-1].surface or "").startswith("全"):
                # 我市“某某”三年行动计划: a region's own named plan or campaign
                b.add("RUNS", prev[-1], p, (prev[-1].span.start, p.span.end))
                continue
        if not reform and (_MODIFIER_AFTER_RE.match(after) or _COMPOUND_AFTER_RE.match(after)):
            continue  # 打造“…”的目标定位 / 建立“…”项目库: the name modifies another noun
        if reform and _REFORM_AS_MODIFIER_RE.match(after):
            continue  # 探索的产改新模式 / 推进产改服务中心建设: the reform qualifies another noun
        if (p.normalised or p.surface).endswith("试点") or text[p.span.end:p.span.end + 2] == "试点":
            continue  # handled as PILOTS
        trig = None
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
                for a in _actors_for(b, cs, exclude=p):
                    b.add("RUNS", a, p, (p.span.start, p.span.end))
            elif not reform and _PASSIVE_RUN_RE.match(after):
                # P被纳入…体系 / P被列入…: the body the passage speaks of puts P in place
                for a in _actors_for(b, p.span.start, exclude=p):
                    b.add("RUNS", a, p, (p.span.start, p.span.end + 3))
            continue
        # 工会系统组织的P: a relative clause whose agent is an unnamed noun → no actor to credit
        vtext = text[trig[0]:p.span.start]
        rel_verb = (vtext.endswith("的") and not long_object) or _VERB_DE_RE.match(vtext)
        if rel_verb and trig[0] > cs and _CJK_RE.match(text[trig[0] - 1]) \
                and _adjacent_actor(b, trig[0]) is None:
            continue
        # 指导家政行业开展P / 引导企业开展P: the guided party carries P out, not the subject
        gm = _GUIDE_RE.search(text, max(cs, trig[0] - 14), trig[0])
        if gm and not any(a.label in ACTOR_LABELS for a in ctx.mentions_between(gm.end(), trig[0])):
            continue
        # the reform is only credited to an actor the clause names, never by context
        actors = _actors_for(b, trig[0], exclude=p, fallback=not reform)
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
            _runs_reform_by_name(b, a, p, trig)


def _programme_subject(b: _Builder, p: Mention, cs: int, ce: int) -> bool:
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


def _runs_reform_by_name(b: _Builder, actor: Mention, prog: Mention, trig: tuple[int, int]) -> None:
    """出台“市级产改方案”: a programme or policy of the reform, launched by an actor, means the
    actor runs the reform."""
    if is_reform(prog) or not _REFORM_IN_NAME_RE.search(prog.normalised or prog.surface or ""):
        return
    b.add("RUNS", actor, _reform_programme(b, trig), trig)


def _reform_offices(b: _Builder) -> None:
    """An office of the reform (X产改办, 产改领导小组) acting as a clause subject runs the reform."""
    ctx = b.ctx
    for m in ctx.mentions:
        if m.label != "Agency" or not _REFORM_OFFICE_RE.search(m.normalised or m.surface or ""):
            continue
        cs, ce = ctx.clause_bounds(m.span.start)
        p = ctx.subject_start(cs, ce)
        if m in ctx.subject_group(cs, ce) or re.fullmatch(r"[该本我][省市县区]?", b.doc.text[p:m.span.start]):
            b.add("RUNS", m, _reform_programme(b, (m.span.start, m.span.end)), (m.span.start, m.span.end))


# ---- ISSUED ----------------------------------------------------------------------------------

def _issued(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    for p in _programmes(ctx):
        if (p.attrs or {}).get("derived"):
            continue
        name = p.surface or ""
        kind = (p.attrs or {}).get("kind")
        if not (kind in ("policy", "plan") or name.startswith("《") or _POLICY_NAME_RE.search(p.normalised or name)):
            continue
        cs, ce = ctx.clause_bounds(p.span.start)
        bm = _ISSUED_BY_RE.match(text, p.span.end, ce)
        if bm:
            # 《P》由A、B(联合)印发: the agents of the passive
            for a in ctx.mentions_between(bm.start(1), bm.end(1)):
                if a.label in ACTOR_LABELS and a.label != "Region" and id(a) not in ctx.title_orgs:
                    b.add("ISSUED", a, p, (p.span.start, bm.end()))
            continue
        before = text[cs:p.span.start]
        vm = _ISSUE_BEFORE_RE.search(before)
        if not vm:
            continue
        vpos = cs + vm.start()
        actors = _actors_for(b, vpos, exclude=p)
        # A会同/联合B、C出台…: the allies issue it too
        am = _ALLY_ISSUE_RE.search(text, cs, vpos)
        if am and am.end() >= vpos - 2:
            actors = actors + [a for a in ctx.mentions_between(am.start(1), am.end(1))
                               if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a not in actors]
        for a in actors:
            b.add("ISSUED", a, p, (vpos, p.span.end))
            if not name.startswith("《"):
                # 出台“市级产改方案”: launching the reform's own plan runs the reform; issuing a
                # titled document (印发《…产业工人队伍建设改革…方案》) does not by itself
                _runs_reform_by_name(b, a, p, (vpos, p.span.end))


# ---- PARTNERS_WITH ---------------------------------------------------------------------------

def _partners(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    for other in ctx.mentions:
        if other.label not in ACTOR_LABELS or id(other) in ctx.title_orgs:
            continue
        ws = max(0, other.span.start - 8)
        wm = _WITH_GAP_RE.search(text, ws, other.span.start)
        if not wm or wm.start() == 0:
            continue
        w = wm.start()  # position of 与/同/和
        cs, ce = ctx.clause_bounds(other.span.start)
        # actors coordinated with `other` (与A、B、C等5所高校合作): the list ends before the verb
        partners = [other]
        for m in ctx.mentions_between(other.span.end, ce):
            if m.span.start < partners[-1].span.end:
                continue
            if m.label in ACTOR_LABELS and id(m) not in ctx.title_orgs \
                    and text[partners[-1].span.end:m.span.start] in ("、", "和", "及", "以及"):
                partners.append(m)
            else:
                break
        list_end = partners[-1].span.end
        lm = _LIST_TAIL_RE.match(text, list_end, ce) if len(partners) > 1 else None
        if lm:
            list_end = lm.end()
        pm = _PARTNER_RE.match(text[list_end:ce])
        if not pm and text[w:w + 2] in ("携手", "联手"):
            pm = _HAND_IN_HAND_RE.match(text[list_end:ce])
        if not pm:
            continue
        if re.search(r"联合开展|共同开展|联合举办|联合主办", text[list_end:list_end + pm.end() + 2]):
            continue
        # the actor before 与: a mention ending right there, else the clause subject, else context
        heads: list[Mention] = []
        prev = ctx.mentions_between(cs, w)
        if prev and prev[-1].span.end == w and prev[-1].label in ACTOR_LABELS:
            if text[w] in "和及" and re.search(r"[与同跟]$", text[max(cs, prev[-1].span.start - 1):prev[-1].span.start]):
                continue  # 与A和B签约: B is A's fellow partner, not A's
            heads = [prev[-1]]
        elif text[w] == "和":
            continue  # 和 only coordinates two written names
        elif _UNNAMED_PARTY_RE.search(text, max(cs, w - 10), w):
            continue  # 指导企业与X合作: the other party is an unnamed noun
        else:
            heads = _actors_for(b, w, exclude=other)
        for h in heads:
            for o in partners:
                b.add("PARTNERS_WITH", h, o, (w, list_end + pm.end()))


_INTERNS_RE = re.compile(rf"(?:吸纳|接收|接纳|引进|招收|接待|吸引)(?:了)?((?:(?!吸纳|接收){_NOSTOP}){{2,80}}?)"
                         r"(?:等)?(?:\d+所|[一二两三四五六七八九十]+所)?(?:高校|院校|大学|学校|职校|技校)?的?"
                         r"(?:实习生|毕业生|学生|学员|实训生)")


def _school_interns(b: _Builder) -> None:
    """(企业)吸纳/接收 A大学、B学院等高校的实习生: the enterprise takes in the named schools'
    interns, a school-enterprise cooperation with each school."""
    ctx, text = b.ctx, b.doc.text
    for m in _INTERNS_RE.finditer(text):
        schools = [x for x in ctx.mentions_between(m.start(1), m.end(1))
                   if x.label == "Institution" and id(x) not in ctx.title_orgs]
        if not schools:
            continue
        for e in _actors_for(b, m.start()):
            if e.label != "Enterprise":
                continue
            for sch in schools:
                b.add("PARTNERS_WITH", e, sch, (m.start(), m.end()))


def _stations_in_bodies(b: _Builder) -> None:
    """(X工会)在A、B(分别)设立…工作站/调解室: a union that sets up a joint station inside other
    bodies partners with them."""
    ctx, text = b.ctx, b.doc.text
    for m in _STATION_RE.finditer(text):
        hosts = [a for a in ctx.mentions_between(m.start(1), m.end(1))
                 if a.label in ("Agency", "Institution", "Enterprise") and id(a) not in ctx.title_orgs]
        if not hosts:
            continue
        for u in _actors_for(b, m.start()):
            if u.label != "Union":
                continue
            for h in hosts:
                b.add("PARTNERS_WITH", u, h, (m.start(), m.end()))


# ---- MEMBER_OF -------------------------------------------------------------------------------

def _members(b: _Builder) -> None:
    doc, ctx = b.doc, b.ctx
    text = doc.text
    # <committee>由A、B、C(等N家单位)组成
    for m in _COMPOSED_RE.finditer(text):
        committee = None
        for x in reversed(ctx.mentions_between(max(0, m.start() - 40), m.start())):
            if x.span.end == m.start() and x.label in ("Agency", "Institution") \
                    and _COMMITTEE_RE.search(x.normalised or x.surface):
                committee = x
            break
        if committee is None:
            continue
        for x in ctx.mentions_between(m.start(1), m.end(1)):
            if x.label in ACTOR_LABELS and x.label != "Region" and id(x) not in ctx.title_orgs:
                b.add("MEMBER_OF", x, committee, (committee.span.start, m.end()))
    for m in _MEMBER_RE.finditer(text):
        cs, ce = ctx.clause_bounds(m.start())
        if doc.sentence_of(m.start()) < 0:
            continue
        cands = [x for x in ctx.mentions_between(cs, ce) if x.label in ACTOR_LABELS and id(x) not in ctx.title_orgs]
        committee = None
        # (a) the committee named right before 成员 (三方委员会成员由…)
        for x in cands:
            if x.span.end == m.start() and x.label in ("Agency", "Institution"):
                committee = x
        if committee is None:
            # (b) the committee word before 成员 (…为联席会议成员单位) → the nearest earlier
            # mention with that head, outside this clause's member list
            wm = _COMMITTEE_WORD_RE.search(text, max(cs, m.start() - 12), m.start())
            if wm is not None:
                head = wm.group(1)
                pi = ctx.paragraph_of(m.start())
                floor = doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
                for x in reversed(ctx.mentions_between(floor, cs)):
                    if x.label in ("Agency", "Institution") and (x.normalised or x.surface).endswith(head):
                        committee = x
                        break
        listed = None
        if committee is None:
            # (c) A、B、C等N个部门为成员单位: the joint body named last before, in this sentence
            # or the current/previous paragraph
            items = _enumeration_before(b, _list_end(b, cs, m.start()))
            if len(items) >= 2 and not m.group().startswith("成员由"):
                pi = ctx.paragraph_of(m.start())
                floor = doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
                for x in reversed(ctx.mentions_between(floor, items[0].span.start)):
                    if x.label in ("Agency", "Institution") and _COMMITTEE_RE.search(x.normalised or x.surface or "") \
                            and id(x) not in ctx.title_orgs:
                        committee = x
                        listed = items
                        break
        if committee is None:
            continue
        for x in (listed or cands):
            if x is committee or b.key(x) == b.key(committee) or x.label == "Region":
                continue
            if x.span.end == m.start():
                continue
            b.add("MEMBER_OF", x, committee, (cs, ce))


def _list_end(b: _Builder, cs: int, pos: int) -> int:
    """End of a name list written right before pos (…、C等19个部门为 → after C), else pos."""
    lm = _MEMBER_LIST_TAIL_RE.search(b.doc.text, max(cs, pos - 16), pos)
    return lm.start() if lm and lm.group() else pos
