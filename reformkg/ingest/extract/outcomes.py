"""The `outcomes` component: quantified results of the reform (培训5000余人次, 发放补贴1000余万元,
完成目标244.9%) as OutcomeCandidates with value in base units, unit, qualifier, metric, year and
the credited actor.

Rules (ANNOTATION.md): a count needs a counting unit (numbers.py); numbers inside quotes, titles
and names, dates, ages, ranks, rates, ranges, thresholds and meeting counts are not outcomes;
neither are targets (力争/预计/到<future year>), survey findings (调查显示：…), a workforce's
size (在岗职工143人), the input of a refinement (将24项细化为86项), the base of a share (22名代表中)
or a count inside a policy's name (落实…10条措施), the origin of participants (来自11个地市的选手), per-head quotas (每人奖励2万元), the starting value of a change (由21%提升至…), a designation (全国2个试点城市之一), a planned floor
(将培训5000人次以上, also when 期间…将 opens the sentence), a meeting's agenda, speakers or a
bulletin's layout (4家单位作交流发言, 议程共3项), or any figure of a news brief on the page that speaks of nothing the reform
is about (a plant's overhaul, foreign investment: no worker, union, skill or reform word in the
piece between two headlines). A reached rate keeps 以上 (签订率98%以上), so does a count after
a result verb (表彰百名以上…).
The actor credited is the agent of 由X颁发…, else the subject of the clause, else of an
earlier/later clause of the sentence, else the subject of the nearest earlier sentence of the
paragraph, else the section's actor (heading, author line or lead subject; see
DocContext._build_sections), else the document's main region. A region's union system
(某省工会…) is credited to the union the piece is about.
A regional party/government body is credited to its region (武进区委 → 武进区), as the
annotation does.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention, OutcomeCandidate, Span
from reformkg.ingest.extract.context import ACTOR_LABELS, ADVERBIAL_PREFIX_RE, DocContext, is_reform
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.numbers import Quantity, find_quantities
from reformkg.ingest.extract.outcome_cues import not_a_result

log = logging.getLogger(__name__)

# Nouns after a count that make it a structure of the text, not a result (4个方面, 6个关键词).
_STRUCTURAL_AFTER = re.compile(r"^(?:个)?(?:方面|部分|环节|阶段|维度|层次|层级|步骤|方向|领域|板块|主题|关键词|要点|原则|特点|问题|大类|类别|篇章|章节|条款|字|赛项|组别)")
# 每人给予奖励2万元 / 每对师徒每月发放津贴300元: a per-head quota of a scheme, not a result
_PER_UNIT_GRANT_RE = re.compile(r"每(?:人|名|位|户|对|个|家|组)[\u4e00-\u9fff]{0,4}?(?:每月|每年|每季度)?(?:一次性)?"
                                r"(?:给予|奖励|发放|补贴|补助|享受|资助|奖补)[\u4e00-\u9fff]{0,6}$")
# 比例由21%提升至29.6%: the starting value is no result, only the value reached
_FROM_VALUE_BEFORE_RE = re.compile(r"(?:由|从)$")
_FROM_VALUE_AFTER_RE = re.compile(r"(?:提升|提高|增长|增加|上升|下降|降低|减少|扩大|缩短)(?:至|到)")
_MEASURES_AFTER = re.compile(r"(?:措施|举措|意见|规定|政策|硬招|实招)")
_ISSUE_BEFORE = re.compile(r"(?:出台|制定|推出|提出|印发|发布|形成|梳理|细化|明确|新增|共|了)$")
_AMONG_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}(?:之)?中[，,：:]")
_MEETING_RE = re.compile(r"会议|座谈|会上|召开|出席|参加会|研讨会|现场会|办公会|专题研究|研究部署|批示|调研|视察|督查|调度")
# A meeting's programme or a bulletin's layout: speakers, agenda items, attendance, pages.
_AGENDA_RE = re.compile(r"发言|讲话|致辞|议程|议题|主持|出席|参会|与会|列席|宣读|点评|畅谈|作报告|版面|刊发|简报|会议精神")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(?!\s*[至到—\-~～]|代)")
_REL_YEAR_RE = re.compile(r"今年|去年|前年|上一年|本年度")
_AGENT_RE = re.compile(r"由$")
_AGENT_VERB_RE = re.compile(r"^[^，,。；;]{0,14}?(?:颁发|授予|发放|认定|评选|表彰|命名|组织|举办|培训)")
# 今年将新命名…30个 / 还将培训…: a planned figure (将近 is "nearly", 将其 "puts it")
_FUTURE_RE = re.compile(r"力争|争取|确保|计划(?:到|在|于|用)|预计|拟|目标(?:是|为)|下一步|今后|未来\S{0,3}年|"
                        r"(?:今年|明年|年内|年底前|下半年|下一阶段|近期|后续|还|并|也)将(?!近|其|之|此)")
_STRONG_FUTURE_RE = re.compile(r"力争|争取|计划(?:到|在|于|用)|预计|目标(?:是|为)|下一步")
_BY_YEAR_RE = re.compile(r"到(20\d{2})年")
# a plan's title in the document's first lines, and what marks a figure in it as done
_PLAN_TITLE_RE = re.compile(r"(?:工作要点|实施方案|工作方案|行动方案|工作计划|行动计划|实施计划|规划)》?(?:的通知)?\s*(?:\n|$)")
_DONE_RE = re.compile(r"已|累计|共计?|完成|实现了|达到了|去年|上年|过去")
# 关于开展2023年“X”选树活动的通知: a notice launching an activity sets out what it will do
_LAUNCH_TITLE_RE = re.compile(r"关于(?:开展|举办|组织开展|启动)[^。；]{2,60}?的通知\s*(?:\n|$)")
_LAUNCH_DONE_RE = re.compile(r"已|累计|共计|完成|实现了|达到了|去年|上年|过去")
_SET_BY_YEAR_RE = re.compile(r"(?:明确|提出|确定|要求|目标是?|计划|规划)[，,：:]?[^。；;，,]{0,6}?到(?:20\d{2})年(?:底|末)?")
_REFINED_INTO_RE = re.compile(r"[^，,。；;]{0,12}?(?:细化为|细化成|分解为|分解成|整合为|精简为|归并为|压缩为)")
_HEADCOUNT_RE = re.compile(r"(?:^|[，,。；;：:]|公司|企业|集团|单位|工厂|全厂|全市|全区|全县|全省)(?:现有|共有)?"
                           r"(?:(?:在岗|在职|在册)(?:职工|员工|人员)|(?:职工|员工)(?:总数)?)(?:共|有|为|达|约|计)?\d")
_SURVEY_RE = re.compile(r"(?:调查|调研|问卷|报告|抽样)(?:结果)?显示[：:，,]")
_UNION_SYSTEM_RE = re.compile(r"(?:各级|全体|基层|各)?工会")
_FUTURE_PLAN_RE = re.compile(r"(?:期间|年内|今后|未来)[^。；;]{0,6}?将|计划|力争|争取|预计")
_PARTICIPATION_RE = re.compile(r"参赛|初赛|复赛|进入决赛|报名|参与比赛|参加比赛|参加竞赛|同台竞技")
_CONTEST_RE = re.compile(r"(?:大赛|竞赛|比赛|技能赛|擂台赛|挑战赛|运动会|比武|练兵)[”\"]?$")
# a count a finished contest itself produced: its field or the people it honoured
_CONTEST_COUNT_RE = re.compile(r"(?:本届|此次|本次|该)(?:大赛|竞赛|比赛|赛事|比武)|(?:活动|竞赛|大赛|比赛|赛事|比武)中[^，,。；;]{0,10}"
                               r"(?:突出|优秀|表现|获奖)")
_ATTEND_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:参加|出席|列席|参与)(?:了)?(?:本次|此次)?(?:会议|大会|座谈会|推进会|现场会|交流会|启动仪式|仪式|开幕式|闭幕式|颁奖典礼|典礼|表彰会)")
# an organiser in a relative clause before the event it qualifies (A主办、B承办的X大赛)
_ORGANISER_OF_RE = re.compile(r"(?:主办|承办|协办|举办|组织|发起)(?:的)[^，,。；;]{0,8}$")
# A举办/联合B举行/组织开展 X大赛: the organiser's verb right before the event it names
_HOLDS_EVENT_RE = re.compile(r"(?:举办|举行|组织|开展|主办|承办|启动)(?:了)?[^，,。；;]{0,10}$")
_ORIGIN_RE = re.compile(r"来自[^，,。；;：:的]{0,40}$")  # 来自A、B等15家企业的…选手
_ONE_OF_RE = re.compile(r"[^，,。；;：:]{0,24}?之一")
_PLAN_BEFORE_RE = re.compile(r"将|要|计划|力争|争取|预计|期间|目标")
# a news brief about something else on the same page (a plant's overhaul, foreign investment)
_RELEVANT_RE = re.compile(r"产改|产业工人|工会|职工|员工|工人|劳模|劳动|工匠|技能|技工|技师|人才|培训|就业|师徒|职业|"
                          r"岗位|集体协商|农民工|骑手|快递员|新就业|匠|学徒|薪酬|工资")
_SUBHEAD_RE = re.compile(r"^\s*(?:#+\s*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
_LINE_END_RE = re.compile(r"[。！？!?；;]")
_HAS_RE = re.compile(r"(?:下设|下辖|设有|拥有|下属)")
_AFTER_NOUN_RE = re.compile(r"[^，,。；;：:、（(]{1,16}")
_METRIC_TRIM = re.compile(r"^[\s，,、：:；;”\"）)·\-—的]+|[\s，,、：:；;“\"（(·\-—。！？]+$")


class OutcomesComponent:
    """Outcome candidates into doc.outcomes (runs after the entity components)."""

    name = "outcomes"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("outcomes",)

    def __call__(self, doc: Document) -> Document:
        doc.outcomes = extract_outcomes(doc)
        return doc


def _enumeration_start(ctx: DocContext, cs: int, pos: int) -> int | None:
    """Start of the first name of an enumeration (A、B等) in [cs, pos), None if none."""
    for m in ctx.mentions_between(cs, pos):
        if ctx.doc.text[m.span.end:m.span.end + 1] in ("、", "等"):
            return m.span.start
    return None


def _is_target(doc: Document, ctx: DocContext, ss: int, cs: int, pos: int) -> bool:
    """A planned figure: 力争/预计/下一步… in the clause, or 到<future year>年 in the sentence."""
    fm = _FUTURE_RE.search(doc.text, cs, pos) or _STRONG_FUTURE_RE.search(doc.text, ss, pos)
    if fm and not ctx.quote_at(fm.start()):
        return True
    if _SET_BY_YEAR_RE.search(doc.text, ss, pos):
        return True   # 明确到2025年培训…: a goal a plan sets, whatever the document's year
    dy = _doc_year(doc)
    for m in _BY_YEAR_RE.finditer(doc.text, ss, pos):
        year = int(m.group(1))
        if (dy is not None and year > dy) or (dy is None and "将" in doc.text[m.end():pos]):
            return True
        if dy is None and 0 < _latest_reported_year(doc) < year \
                and not re.search(r"已|累计|共计?|先后", doc.text[m.end():pos]):
            return True  # undated text: 到<a year after every other year it names>
    return False


def _latest_reported_year(doc: Document) -> int:
    """The latest year the text names outside 到<year> phrases (0 if none); cached per doc."""
    cached = doc.meta.get("_latest_reported_year") if isinstance(doc.meta, dict) else None
    if cached is not None:
        return cached
    years = [int(m.group(1)) for m in _YEAR_RE.finditer(doc.text)
             if doc.text[max(0, m.start() - 1):m.start()] not in ("到", "至")]
    latest = max(years) if years else 0
    if isinstance(doc.meta, dict):
        doc.meta["_latest_reported_year"] = latest
    return latest


def _pieces(doc: Document) -> list[tuple[int, int, bool]]:
    """(start, end, relevant) for the pieces a page is made of: text between headline-like lines
    (short, unpunctuated, not an enumerated sub-heading); relevant when it speaks of workers,
    unions, skills or the reform. Only a page with some relevant piece has irrelevant ones."""
    text = doc.text
    bounds = [0]
    for ps, pe in doc.paragraphs:
        line = text[ps:pe].strip()
        if line and len(line) <= 32 and not _LINE_END_RE.search(line) and not _SUBHEAD_RE.match(line):
            bounds.append(ps)
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if b > a:
            out.append((a, b, bool(_RELEVANT_RE.search(text, a, b))))
    if not any(r for _, _, r in out):
        return [(0, len(text), True)]  # a text about something else altogether: not a page of briefs
    return out


def _paragraph_end(doc: Document, ctx: DocContext, pos: int) -> int:
    pi = ctx.paragraph_of(pos)
    return doc.paragraphs[pi][1] if pi >= 0 else pos


def _doc_year(doc: Document) -> int | None:
    if doc.date and len(doc.date) >= 4 and doc.date[:4].isdigit():
        return int(doc.date[:4])
    return None


def _year_for(doc: Document, ss: int, q: Quantity) -> int | None:
    text = doc.text
    best = None
    for m in _YEAR_RE.finditer(text, ss, q.start):
        best = int(m.group(1))
    if best is not None:
        return best
    rel = None
    for m in _REL_YEAR_RE.finditer(text, ss, q.start):
        rel = m.group()
    dy = _doc_year(doc)
    if rel and dy:
        return dy - (1 if rel in ("去年", "上一年") else 2 if rel == "前年" else 0)
    return None


def _metric(doc: Document, cs: int, ce: int, q: Quantity, subject_end: int, prev_end: int = -1,
            enum_start: int | None = None) -> str:
    """What was counted: the clause's verb phrase before the number (without its subject,
    adverbials and enumerated names: 培育A、B等6家 → 培育) plus the counted noun after the unit."""
    text = doc.text
    start = max(cs, subject_end) if subject_end <= q.start else cs
    if cs <= prev_end <= q.start:  # 创设党组织104个、工会组织226个: the second counts 工会组织
        start = max(start, prev_end)
        sep = text.rfind("、", start, q.start)
        if sep >= 0:
            start = sep + 1      # 3个基地、18个驿站落成: the second counts 驿站
    m = ADVERBIAL_PREFIX_RE.match(text, start, q.start)
    if m:
        start = m.end()
    before = text[start:q.start]
    if enum_start is not None and start <= enum_start < q.start:
        # 培育A、B等6家 → 培育: drop the enumerated names up to 等
        k = text.find("等", enum_start, q.start)
        if k >= 0:
            lead = text[start:enum_start]
            # 选手从A、B等…: a preposition left dangling would garble the phrase; keep what follows 等
            before = text[k + 1:q.start] if lead[-1:] in _DANGLING else lead + text[k + 1:q.start]
    before = _last_list_item(before, q.value)
    after = _AFTER_NOUN_RE.match(text, q.end + (2 if q.qualifier == "以上" else 0), ce)
    if after is not None and after.group().startswith(("及", "和", "与", "以及", "并", "同时")):
        after = None    # “某某工匠”10人及…: the next item of a list, not the counted noun
    phrase = before + (after.group() if after else "")
    phrase = _METRIC_TRIM.sub("", phrase)
    return phrase[:40]


_DANGLING = frozenset("从在由对向为给与和跟把被将的及")
_NOT_AN_ITEM_RE = re.compile(r"[，,；;：:等和及与向为给对]|发放|开展|进行|组织")
_LIST_VERB_RE = re.compile(r"^(?:表彰|授予|评选出?|命名|培育|选树|获评|荣获|评为|认定|建成|创建|新增|培训)(?:了|出)?")


def _last_list_item(before: str, value: float) -> str:
    """A count right after a list of things (授予技术能手、五一技术标兵170名) counts the last item
    only: keep the list's verb and that item. A count equal to the number of items sums the list
    (家纺、建筑两个行业) and keeps it whole."""
    k = before.rfind("、")
    verb = _LIST_VERB_RE.match(before)
    tail = before[k + 1:]
    if k < 0 or verb is None or verb.end() > k or len(tail) > 10 or _NOT_AN_ITEM_RE.search(tail):
        return before
    if before.count("、") + 1 == value:
        return before
    return verb.group() + tail


@dataclass
class _Scan:
    """What one document's scan for outcomes looks up: the names (a number inside one is no
    result), the survey passages, and the pieces of a page of briefs."""

    doc: Document
    ctx: DocContext
    name_spans: list[tuple[int, int]]
    name_starts: list[int]
    surveys: list[tuple[int, int]]
    pieces: list[tuple[int, int, bool]]
    piece_starts: list[int]

    @classmethod
    def of(cls, doc: Document, ctx: DocContext) -> _Scan:
        name_spans = sorted((m.span.start, m.span.end) for m in doc.mentions
                            if m.label in (Label.PROGRAMME, Label.AWARD) or m.label in ACTOR_LABELS)
        surveys = [(m.end(), _paragraph_end(doc, ctx, m.start())) for m in _SURVEY_RE.finditer(doc.text)]
        pieces = _pieces(doc)
        return cls(doc, ctx, name_spans, [s for s, _ in name_spans], surveys, pieces, [a for a, _, _ in pieces])

    def in_survey(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.surveys)


@dataclass(slots=True)
class _Site:
    """A quantity with its sentence (index si, bounds ss:se) and clause (cs:ce)."""

    q: Quantity
    si: int
    ss: int
    se: int
    cs: int
    ce: int


# ---- rules that a quantity is no result, by its own position: each (scan, q) -> True to drop

def _in_unrelated_brief(scan: _Scan, q: Quantity) -> bool:
    """A figure of an unrelated news brief on the page."""
    k = bisect_right(scan.piece_starts, q.start) - 1
    return k >= 0 and not scan.pieces[k][2]


def _in_quotes(scan: _Scan, q: Quantity) -> bool:
    """A number inside quotes or a title."""
    return scan.ctx.in_quotes(q.num_start, q.end) or scan.ctx.quote_at(q.num_start) is not None


def _inside_a_name(scan: _Scan, q: Quantity) -> bool:
    """A number inside a name (of an actor, programme or award starting up to 80 characters before)."""
    k = bisect_right(scan.name_starts, q.num_start) - 1
    while k >= 0 and scan.name_spans[k][0] >= q.num_start - 80:
        if scan.name_spans[k][1] >= q.end:
            return True
        k -= 1
    return False


def _structure_count(scan: _Scan, q: Quantity) -> bool:
    """4个方面, 6个关键词: a structure of the text."""
    return bool(_STRUCTURAL_AFTER.match(scan.doc.text[q.end:q.end + 4]))


def _policy_name_count(scan: _Scan, q: Quantity) -> bool:
    """落实促进就业10条措施: the count belongs to a policy's name."""
    text = scan.doc.text
    return q.unit == "条" and bool(_MEASURES_AFTER.match(text, q.end)) and q.start > 0 \
        and is_cjk(text[q.start - 1]) and not _ISSUE_BEFORE.search(text, max(0, q.start - 4), q.start)


def _base_of_share(scan: _Scan, q: Quantity) -> bool:
    """22名代表中，产业工人代表8名: the base of a share, not a result."""
    return bool(_AMONG_AFTER.match(scan.doc.text, q.end))


_NOT_RESULT_AT = (_in_unrelated_brief, _in_quotes, _inside_a_name, _structure_count, _policy_name_count,
                  _base_of_share)


# ---- rules that a quantity is no result, by its clause and sentence: each (scan, site) -> True to drop

def _meeting_count(scan: _Scan, s: _Site) -> bool:
    """次/场 in a clause about a meeting."""
    return s.q.unit in ("次", "场") and bool(_MEETING_RE.search(scan.doc.text, s.cs, s.ce))


def _agenda_item(scan: _Scan, s: _Site) -> bool:
    """4家单位作交流发言 / 议程共3项 / 简报共4个版面: a meeting's or bulletin's make-up."""
    return bool(_AGENDA_RE.search(scan.doc.text, s.cs, s.ce))


def _target(scan: _Scan, s: _Site) -> bool:
    """力争到2025年新增…5万人: a target, not a result."""
    return _is_target(scan.doc, scan.ctx, s.ss, s.cs, s.q.start)


def _planned_floor(scan: _Scan, s: _Site) -> bool:
    """将组织实施培训7500万人次以上 / “十四五”期间将面向…，培训…以上: a planned floor."""
    text, q = scan.doc.text, s.q
    return q.qualifier == "以上" and q.unit != "%" and bool(_PLAN_BEFORE_RE.search(text, s.cs, q.start)
                                                            or _FUTURE_PLAN_RE.search(text, s.ss, q.start))


def _per_unit_grant(scan: _Scan, s: _Site) -> bool:
    """每人给予一次性奖励2万元: a quota, not a result."""
    return bool(_PER_UNIT_GRANT_RE.search(scan.doc.text, max(s.cs, s.q.start - 16), s.q.start))


def _starting_value(scan: _Scan, s: _Site) -> bool:
    """由21%提升至29.6%: only the value reached is a result."""
    text, q = scan.doc.text, s.q
    return bool(_FROM_VALUE_BEFORE_RE.search(text, max(s.cs, q.start - 1), q.start)) and \
        bool(_FROM_VALUE_AFTER_RE.match(text, q.end))


def _attendance(scan: _Scan, s: _Site) -> bool:
    """共160余人参加会议: a meeting's attendance."""
    return s.q.unit in ("人", "名", "位") and bool(_ATTEND_AFTER_RE.match(scan.doc.text, s.q.end))


def _origin(scan: _Scan, s: _Site) -> bool:
    """来自全省11个地市的选手: where participants come from, not a result."""
    return bool(_ORIGIN_RE.search(scan.doc.text, max(s.cs, s.q.start - 42), s.q.start))


def _designation(scan: _Scan, s: _Site) -> bool:
    """被确定为全国2个试点城市之一: a designation, not a result."""
    return bool(_ONE_OF_RE.match(scan.doc.text, s.q.end, s.ce))


def _refinement_input(scan: _Scan, s: _Site) -> bool:
    """将24项内容细化为86项措施: the first count is the input, not a result."""
    return bool(_REFINED_INTO_RE.match(scan.doc.text, s.q.end, s.ce))


def _headcount(scan: _Scan, s: _Site) -> bool:
    """在岗职工143人，高级职称21人: a workforce's size is a state, not a result."""
    return s.q.unit in ("人", "名") and bool(_HEADCOUNT_RE.search(scan.doc.text[s.ss:s.se]))


def _survey_finding(scan: _Scan, s: _Site) -> bool:
    """调查显示：…3万多家: findings of a survey describe the situation."""
    return bool(scan.surveys) and scan.in_survey(s.q.start)


def _data_table_cue(scan: _Scan, s: _Site) -> bool:
    """Background, plan content, set-up, per-unit, a set already counted … (outcome_cues' data table)."""
    return bool(not_a_result(scan.doc.text, s.q.unit, s.q.num_start, s.q.end, (s.cs, s.ce), (s.ss, s.se)))


def _plan_document(scan: _Scan, s: _Site) -> bool:
    """关于印发《某省…2023年工作要点》的通知 … 全年培训职工10万人次以上: the figures of a plan are
    what it sets out to do, unless the clause reports them as done (已, 累计, 完成 …); so are
    those of a notice launching an activity (关于开展2023年“X”选树活动的通知: 全省共选树X100名),
    unless they are done or of a year before the notice's."""
    doc = scan.doc
    head = doc.text[:doc.paragraphs[min(3, len(doc.paragraphs)) - 1][1]] if doc.paragraphs else ""
    if _PLAN_TITLE_RE.search(head):
        return not _DONE_RE.search(doc.text, s.cs, s.ce)
    title = _LAUNCH_TITLE_RE.search(head)
    if title is None:
        return False
    # a figure of an earlier year (2022年，全省共开展…) reports what was done before the notice
    ty = _YEAR_RE.search(title.group())
    years = [int(m.group(1)) for m in _YEAR_RE.finditer(doc.text, s.ss, s.q.start)]
    earlier = ty is not None and any(y < int(ty.group(1)) for y in years)
    return not (earlier or _LAUNCH_DONE_RE.search(doc.text, s.cs, s.ce))


_NOT_RESULT_IN_CLAUSE = (_meeting_count, _agenda_item, _target, _planned_floor, _per_unit_grant, _starting_value,
                         _attendance, _origin, _designation, _refinement_input, _headcount, _survey_finding,
                         _data_table_cue, _plan_document)


# ---- rules that revise the credited actor, in order: each (scan, site, actor, subject end) -> actor

def _profile_subject(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """In a profile of one person (——记…NAME), a result whose clause names no subject of its own
    is the profiled person's (她的工作室累计攻克难题37项, 为企业创造效益…)."""
    if subj_end < 0 and (actor is None or actor.label != Label.PERSON):
        return _profiled_person(scan.doc, s.q.start) or actor
    return actor


# X主席张三介绍，企业已建成…: what the speaker reports about a body, not her own deeds
_SPEECH_RE = re.compile(r"[^，,。；;]{0,6}?(?:介绍|表示|说|指出|透露|谈到|坦言)(?:道)?[，,：:]")
_REPORTED_BODY_RE = re.compile(r"(?:企业|公司|集团|厂里|单位|我们|工会|全市|全省|全县|全区|目前|截至|近年来|今年|去年|\d{4}年)")
_BODY_BEFORE_SPEAKER_RE = re.compile(r"(?:的)?[\u4e00-\u9fff、]{0,12}")


def _speaker_body(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """甲公司工会主席张三介绍，企业已建成工作室12个: a speaker reporting about her body (the
    report opens with 企业/我们/全市/今年…) is not the actor; the body named before her is (the
    company itself when the report speaks of the 企业/公司 and the body is its union)."""
    if actor is None or actor.label != Label.PERSON:
        return actor
    text = scan.doc.text
    sm = _SPEECH_RE.match(text, actor.span.end)
    if sm is None or sm.end() > s.q.start or not _REPORTED_BODY_RE.match(text, sm.end()):
        return actor
    bodies = [m for m in scan.ctx.mentions_between(max(s.ss, actor.span.start - 30), actor.span.start)
              if m.label in ACTOR_LABELS and m.label not in (Label.PERSON, Label.REGION)
              and _BODY_BEFORE_SPEAKER_RE.fullmatch(text, m.span.end, actor.span.start)]
    if not bodies:
        return actor
    body = bodies[-1]
    if text.startswith(("企业", "公司", "集团"), sm.end()) and body.label == Label.UNION:
        firms = [m for m in scan.ctx.mentions_between(body.span.start, body.span.end)
                 if m.label == Label.ENTERPRISE and m is not body]
        body = firms[0] if firms else body
    return body


def _union_system(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """某省工会…: the region's union system speaks; credit the union the article is about."""
    if actor is not None and actor.label == Label.REGION and _UNION_SYSTEM_RE.match(scan.doc.text, actor.span.end):
        topic = scan.ctx.section_topic(actor.span.start)
        if topic is not None and topic.label == Label.UNION and scan.ctx._same_region(topic, actor):
            return topic
    return actor


def _policy_content(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """《实施意见》提出…22条举措: a policy's content is credited to the body the text is about."""
    if actor is not None and actor.label == Label.PROGRAMME and ((actor.surface or "").startswith("《")
                                                                 or (actor.attrs or {}).get("kind") == "policy"):
        alt = scan.ctx.actor_for(s.q.start)
        return alt if alt is not None and alt.label in ACTOR_LABELS else (scan.ctx.main_region() or actor)
    return actor


def _event_field(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """全省1.2万名职工参与初赛 / 186人进入决赛: an event's field is credited to the event; so is
    由A主办、B承办的X大赛…，共有N名职工参赛 (the organisers only qualify the event), and
    A举办X大赛，吸引参赛职工N人 (a subject-less clause after the organiser's verb)."""
    if not _PARTICIPATION_RE.search(scan.doc.text, s.cs, s.ce):
        return actor
    if actor is None or actor.label == Label.REGION:  # 全省/甲市N名选手参赛: the field, not the place
        ev = _paragraph_event(scan.doc, scan.ctx, s.q.start)
        return ev if ev is not None else actor
    if actor.label != Label.PERSON:
        ev = _paragraph_event(scan.doc, scan.ctx, s.q.start)
        if ev is not None and ev.span.start >= max(s.ss, actor.span.end) \
                and (_ORGANISER_OF_RE.search(scan.doc.text, actor.span.end, ev.span.start)
                     or (subj_end < 0 and _HOLDS_EVENT_RE.search(scan.doc.text, actor.span.end, ev.span.start))):
            return ev
    return actor


def _contest_count(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """本届大赛汇聚…108名选手 / 对竞赛中表现突出的30名先进个人进行表彰: the contest's own count."""
    if (actor is None or actor.label != Label.PERSON) and _CONTEST_COUNT_RE.search(scan.doc.text, s.cs, s.ce):
        ev = _document_event(scan.ctx, s.q.start)
        if ev is not None:
            return ev
    return actor


def _voice_of_union(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """The union the article speaks for, where the clause gives no better actor (see _voice)."""
    return _voice(scan.ctx, s.q, actor, subj_end) or actor


def _nation(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """截至X年底，全国技能人才总量已超过2亿人，…: the nation's figures are the reform's."""
    if _national_statistic(scan.ctx, s.si, s.cs, s.q, subj_end):
        return _reform_mention(scan.ctx) or actor
    return actor


def _agency_region(scan: _Scan, s: _Site, actor: Mention | None, subj_end: int) -> Mention | None:
    """A regional party/government body is credited to its region (武进区委 → 武进区)."""
    if actor is not None and actor.label == Label.AGENCY:
        return scan.ctx.region_of(actor) or actor
    return actor


_ACTOR_RULES = (_profile_subject, _speaker_body, _union_system, _policy_content, _event_field, _contest_count, _voice_of_union,
                _nation, _agency_region)


def _rejected(rules: tuple, scan: _Scan, where: Quantity | _Site) -> bool:
    """Whether any of the rules says the quantity is no result."""
    for rule in rules:
        if rule(scan, where):
            return True
    return False


def _site_of(doc: Document, ctx: DocContext, q: Quantity) -> _Site | None:
    """The sentence and clause of q; None outside every sentence."""
    si = doc.sentence_of(q.start)
    if si < 0:
        return None
    ss, se = doc.sentences[si]
    cs, ce = ctx.clause_bounds(q.start)
    return _Site(q, si, ss, se, cs, ce)


def extract_outcomes(doc: Document, ctx: DocContext | None = None) -> list[OutcomeCandidate]:
    """The outcome candidates of doc: every quantity that no rule rejects, with its credited actor."""
    ctx = ctx or DocContext.build(doc)
    scan = _Scan.of(doc, ctx)
    out: list[OutcomeCandidate] = []
    prev_end = -1
    for q in find_quantities(doc.text):
        if _rejected(_NOT_RESULT_AT, scan, q):
            continue
        s = _site_of(doc, ctx, q)
        if s is None or _rejected(_NOT_RESULT_IN_CLAUSE, scan, s):
            continue
        actor, subj_end = _credit(doc, ctx, s.si, s.cs, q, ctx.subjects)
        for revise in _ACTOR_RULES:
            actor = revise(scan, s, actor, subj_end)
        span = Span(q.start, q.end, Label.OUTCOME, s.si, "outcomes",
                    {"raw": q.raw, "clause": (s.cs, s.ce)})
        out.append(OutcomeCandidate(
            value=q.value, unit=q.unit, qualifier=q.qualifier,
            metric=_metric(doc, s.cs, s.ce, q, subj_end, prev_end, _enumeration_start(ctx, s.cs, q.start)),
            year=_year_for(doc, s.ss, q),
            span=span, actor=actor))
        prev_end = q.end
    return out


def _voice(ctx: DocContext, q: Quantity, actor, subj_end: int):
    """The union the article speaks for (DocContext.voice_union), for a result whose clause writes
    no subject and whose fallback actor is no better (none, a region, a programme, or a body named
    only after the figure), or whose subject is the union's own place as a scope (全市…)."""
    voice = ctx.voice_union()
    if voice is None or actor is voice:
        return None
    if actor is not None and actor.label == Label.PROGRAMME and _CONTEST_RE.search(actor.normalised or actor.surface or ""):
        return None       # a contest's own count stays the contest's
    if subj_end < 0:
        if actor is None or actor.label in (Label.REGION, Label.PROGRAMME) or actor.span.start > q.start:
            return voice
        if actor.label == Label.PERSON and ctx.doc.sentence_of(actor.span.start) != ctx.doc.sentence_of(q.start) \
                and ctx.doc.layers.get("profile") is None:
            return voice      # a person's deeds end with her sentence; the next one is the union's again
        return None
    if actor is not None and actor.label == Label.REGION and (actor.surface or "").startswith("全") \
            and ctx._same_region(voice, actor):
        return voice
    return None


def _profiled_person(doc: Document, pos: int):
    """The latest mention, before pos, of the person a subtitled profile is about (None outside
    a profile, or before the person is first named)."""
    spans = doc.layers.get("profile") or []
    if not spans or pos < spans[0].attrs.get("first", spans[0].start) or pos < spans[0].start:
        return None
    name = spans[0].attrs.get("name")
    best = None
    for m in doc.mentions:
        if m.label == Label.PERSON and m.normalised == name and m.span.start < pos:
            if best is None or m.span.start > best.span.start:
                best = m
    return best


_NATIONAL_SCOPE_RE = re.compile(r"全国(?!总工会|人大|政协|妇联|工商联)")


def _national_statistic(ctx: DocContext, si: int, cs: int, q: Quantity, subj_end: int) -> bool:
    """A figure of the whole nation (a clause of its sentence opens with 全国…, and the figure's
    own clause names no body): a national statistic."""
    if subj_end >= 0:
        return False
    text = ctx.doc.text
    for c_s, c_e in ctx.clauses(si):
        if c_s > q.start:
            break
        p = ctx.subject_start(c_s, c_e)
        if _NATIONAL_SCOPE_RE.match(text, p) and c_s <= q.start:
            return True
    return False


def _reform_mention(ctx: DocContext):
    """The first mention of 产业工人队伍建设改革 in the document (None if the text names none)."""
    return next((m for m in ctx.mentions if m.label == Label.PROGRAMME and is_reform(m)), None)


def _document_event(ctx: DocContext, pos: int):
    """The contest the document is about, among the named contests (…大赛/竞赛/比赛) mentioned
    before pos: the one the title names, else the one mentioned most often, else the first (the
    lead's: 本次竞赛是X竞赛的项目之一 names a parent after it)."""
    found = [m for m in ctx.mentions_between(0, pos)
             if m.label == Label.PROGRAMME and _CONTEST_RE.search(m.normalised or m.surface or "")]
    if not found:
        return None
    title = ctx.doc.title or ""
    key = lambda m: (m.normalised or m.surface or "").strip("“”《》")   # noqa: E731
    for m in reversed(found):
        inner = re.sub(r"[“”《》]", "", m.surface or "")
        if len(inner) >= 4 and (inner in title or key(m) in title):
            return m
    counts: dict[str, int] = {}
    for m in ctx.mentions:
        if m.label == Label.PROGRAMME:
            counts[key(m)] = counts.get(key(m), 0) + 1
    best = max(counts.get(key(m), 0) for m in found)
    return [m for m in found if counts.get(key(m), 0) == best][0]


def _paragraph_event(doc: Document, ctx: DocContext, pos: int):
    """The latest named contest (…大赛/竞赛/比赛/技能赛) before pos in the same paragraph."""
    pi = ctx.paragraph_of(pos)
    if pi < 0:
        return None
    ps = doc.paragraphs[pi][0]
    for m in reversed(ctx.mentions_between(ps, pos)):
        if m.label == Label.PROGRAMME and _CONTEST_RE.search(m.normalised or m.surface or ""):
            return m
    return None


_PERSON_ACTS_RE = re.compile(r"(?:还|又|也|已|先后|累计|共|个人|本人)?(?:的(?:工作室|创新工作室|团队|班组)|带领|领衔|牵头|主持|"
                             r"完成|培养|带出|带徒|研发|攻克|解决|提出|发明|创造|取得|获得|授课|培训)")


@dataclass(slots=True)
class _CreditSite:
    """What the crediting rules look at: the quantity q in clause cs of sentence si (ss:se)."""

    doc: Document
    ctx: DocContext
    si: int
    ss: int
    se: int
    cs: int
    q: Quantity
    subjects: Callable[[int], list[tuple[int, int, Mention]]]


_Credit = tuple[Mention | None, int]


def _awarding_agent(c: _CreditSite) -> _Credit | None:
    """由<actor>颁发的…: the agent of the awarding/paying verb is credited."""
    text = c.doc.text
    for m in c.ctx.sentence_mentions(c.si):
        if m.label in ACTOR_LABELS and _AGENT_RE.search(text, max(c.ss, m.span.start - 1), m.span.start) \
                and _AGENT_VERB_RE.match(text[m.span.end:m.span.end + 16]):
            return m, -1
    return None


def _acting_person(c: _CreditSite) -> _Credit | None:
    """她带领团队完成技术革新32项 / 她的工作室培养徒弟120名: a person (or her pronoun) who is the
    clause's written subject is credited with her own results."""
    p0 = c.ctx.subject_start(c.cs, c.q.start)
    for m in c.ctx.mentions_between(p0, c.q.start):
        if m.span.start != p0 or m.label != Label.PERSON:
            continue
        if _PERSON_ACTS_RE.match(c.doc.text, m.span.end) and not any(
                x.label in ACTOR_LABELS for x in c.ctx.mentions_between(m.span.end, c.q.start)):
            return m, m.span.end
    return None


def _appositive_subject(c: _CreditSite) -> _Credit | None:
    """江苏省劳动模范、X公司董事长某某率先…，先后获得10项专利: the person named after her honours
    and posts is the subject of her clause and of the subject-less clauses after it."""
    ap = None
    for c_s, c_e in c.ctx.clauses(c.si):
        if c_s > c.q.start:
            break
        p = c.ctx.appositive_person(c.ctx.subject_start(c_s, c_e), c_e)
        if p is not None:
            ap = (p, p.span.end if c_s == c.cs else -1)
        elif c.ctx.clause_subject(c_s, c_e)[0] is not None:
            ap = None
    return ap


def _clause_or_earlier_subject(c: _CreditSite) -> _Credit | None:
    """The subject of this clause (before the number), else of the nearest earlier clause."""
    best = None
    for c_s, c_e, m in c.subjects(c.si):
        if c_s <= c.q.start and (c_s < c.cs or m.span.start < c.q.start):
            best = (m, m.span.end if c_s == c.cs else -1)
    return best


def _owner_of_units(c: _CreditSite) -> _Credit | None:
    """成立X，下设8个分院: a clause opening with 下设/设有 describes the last named organisation."""
    text = c.doc.text
    if _HAS_RE.match(text, c.cs) or _HAS_RE.match(text, ADVERBIAL_PREFIX_RE.match(text, c.cs).end()):
        prior = [m for m in c.ctx.mentions_between(c.ss, c.cs) if m.label in ACTOR_LABELS and m.label != Label.REGION]
        if prior:
            return prior[-1], -1
    return None


def _described_actor(c: _CreditSite) -> _Credit | None:
    """被评为…的X，今年培训…: an earlier clause that is a described actor (…的X) is the topic."""
    text = c.doc.text
    best = None
    for c_s, c_e in c.ctx.clauses(c.si):
        if c_e > c.cs or c_s >= c.q.start:
            break
        last = [m for m in c.ctx.mentions_between(c_s, c_e) if m.label in ACTOR_LABELS]
        if last and last[-1].span.end == c_e and text[last[-1].span.start - 1:last[-1].span.start] == "的" \
                and c_e < c.cs:
            best = (last[-1], -1)
    return best


def _later_clause_subject(c: _CreditSite) -> _Credit | None:
    """A later clause of the same sentence (经过…18家企业的试点，目前泰州已有…)."""
    for c_s, _c_e, m in c.subjects(c.si):
        if c_s > c.q.start:
            return m, -1
    return None


def _respective_subject(c: _CreditSite) -> _Credit | None:
    """甲、乙总工会分别组织竞赛45场、32场: the listed actors before 分别, one figure each in order."""
    text = c.doc.text
    k = text.rfind("分别", c.ss, c.q.start)
    if k < 0:
        return None
    actors: list[Mention] = []
    end = k
    for m in reversed([m for m in c.ctx.mentions_between(c.ss, k) if m.label in ACTOR_LABELS]):
        if m.span.end != end:
            break
        actors.insert(0, m)
        if text[m.span.start - 1:m.span.start] not in ("、", "和", "与", "及"):
            break
        end = m.span.start - 1
    if len(actors) < 2:
        return None
    qs = [q.start + k for q in find_quantities(text[k:c.se])]
    if len(qs) != len(actors) or c.q.start not in qs:
        return None
    return actors[qs.index(c.q.start)], k + 2


_CREDIT_RULES = (_respective_subject, _awarding_agent, _acting_person, _appositive_subject, _clause_or_earlier_subject, _owner_of_units,
                 _described_actor, _later_clause_subject)


def _credit(doc: Document, ctx: DocContext, si: int, cs: int, q: Quantity, subjects) -> _Credit:
    """(actor, end of the subject in the clause or -1): the first crediting rule that finds one,
    else the nearest earlier sentence of the paragraph with a subject, the section's topic, the
    main region (DocContext.actor_for)."""
    ss, se = doc.sentences[si]
    site = _CreditSite(doc, ctx, si, ss, se, cs, q, subjects)
    for rule in _CREDIT_RULES:
        found = rule(site)
        if found is not None:
            return found
    return ctx.actor_for(q.start), -1


def component() -> OutcomesComponent:
    return OutcomesComponent()
