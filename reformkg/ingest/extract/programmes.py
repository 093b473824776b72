"""Programmes component: named initiatives, competitions, trainings, mechanisms, plans, policies.

Rules (generic, no names):
- a quoted name “…” with the head noun written after it (“X”培训工程 → canonical keeps the
  head, the bare quoted form is an alias); a quoted name that itself ends with a head noun; a
  bare quoted name right after a programme verb (实施/开展/推出 …).
- 《…》 titles: policies when they end with 意见/通知/办法/规定/方案 …; newspapers (日报/报) are
  Institutions; others keep the head noun written after them.
- numbered or regional events: [年份][第N届][region] name 竞赛/大赛/研究班 …; regional policy
  names (X区职业技能培训补贴实施办法); unquoted name + 工程/行动/计划 heads.
- 产业工人队伍建设改革 and its short forms (产改) are one Programme.
- “A”等/“A”“B”等 + head: each quoted name keeps the head; a quoted name holding 、/·/， is one
  name when a head follows; a generic head alone (三年行动计划, 主题劳动技能竞赛) is never a name.
- named meetings (…推进会/部署会/座谈会/现场会/电视电话会议 …) with a specific topic, 全市/全省
  resolved to the region (kind "meeting", forms with and without 议 as aliases).
- 关于X的《意见》 (中央和省关于X的《意见》) is the policy 《关于X的意见》; a bare 《意见》 refers
  back to the nearest full title; counted slogans after 做到/实施… (“三突出三提升”).
`attrs["kind"]` ∈ initiative, competition, training, mechanism, policy, plan, meeting.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, add_mentions, is_cjk, only_words

REFORM = "产业工人队伍建设改革"
_REFORM_RE = re.compile(r"(新时代)?产业工人队伍建设(和|与)?改革|产改(?![办工委])")
HEADS = ("技能竞赛", "劳动竞赛", "竞赛", "技能大赛", "大赛", "比赛", "练兵", "大练兵", "运动会", "读书节", "文化节", "节",
         "研究班", "培训班", "精品班", "订单班", "班", "夜校", "讲堂", "课堂", "学堂", "培训工程", "工程", "行动计划",
         "行动", "计划", "活动", "系列活动", "主题教育活动", "主题宣传教育活动", "宣传教育活动", "访谈活动", "专项行动",
         "项目", "机制", "长效机制", "制度", "体系", "模式", "通道", "战略", "方案", "规划", "工作法", "集体协商",
         "协商", "平台", "品牌", "品牌栏目", "栏目", "调研", "服务集市活动", "集市", "杯", "论坛", "行动方案",
         "发明创造", "专场招聘会", "招聘会", "服务站", "驿站", "工作模式", "宣讲", "大舞台", "创建工作", "试点工作",
         "工作方案", "考评制", "成果评选", "案例评选", "作品评选", "成果评比", "诵读", "专题培训", "系列专题培训", "宣讲团", "书屋", "课堂")
_HEADS_SORTED = tuple(sorted(HEADS, key=len, reverse=True))
_POLICY_END = ("意见", "通知", "办法", "规定", "条例", "决定", "纲要", "细则", "规范", "标准", "规则", "实施方案",
               "方案", "规划", "计划", "法", "指引", "指南", "决议", "措施", "考核", "清单", "制度", "目录", "章程")
_PROG_VERBS = ("实施", "开展", "推出", "推行", "启动", "举办", "打造", "建立", "构建", "创新", "探索", "落实", "推进",
               "组织", "深化", "发起", "创建", "出台", "设立", "开设", "创设", "持续", "围绕", "依托", "通过", "以",
               "结合", "聚焦", "打响", "擦亮", "叫响", "参加", "参与", "举行", "承办", "主办")
_PROG_VERBS_STRICT = ("实施", "开展", "推出", "推行", "启动", "举办", "深化", "组织开展", "聚力", "打响", "创建", "发起",
                      # issue 9: short quoted names introduced by 打造/打好/建立 (打好“三手牌”, 建立“一企一策”台账)
                      "打造", "打好", "建立", "推广")
_NOT_PROG_END = ("产业", "组织", "理念", "精神", "制", "徒", "岗", "城")
_SHORT_REFS = ("通知", "意见", "办法", "规定", "方案", "决定", "纲要", "细则", "条例", "规划", "标准", "实施意见",
               "指导意见", "实施方案", "工作方案", "行动方案", "若干措施", "若干意见", "实施细则", "行动计划", "三年行动计划")
_QUOTE_RE = re.compile(r"“([^“”\n]{2,24})”|‘([^‘’\n]{2,24})’")
_STOP_VERBS = frozenset(("举办", "开展", "组织", "举行", "参加", "参与", "召开", "实施", "推进", "落实", "打造", "深化",
                         "启动", "承办", "主办", "协办", "推出", "成立", "建立", "通过", "围绕", "依托", "先后", "持续",
                         "组织开展", "积极", "认真", "全面", "广泛", "深入", "获得", "荣获", "参赛", "暨", "制定", "发放",
                         "完善", "加强", "提升", "推动", "做好", "抓好", "出台", "印发", "制订", "修订", "执行", "贯彻",
                         # appointment verbs (被X聘为Y大赛裁判): the clause's verb, never inside a name
                         "聘为", "聘请", "聘任", "受聘", "聘", "担任", "当选", "选为", "评为", "入选"))
_MEASURES_RE = re.compile(r"([\u4e00-\u9fff]{4,18}?)(\d+|[一二三四五六七八九十]+)条(措施|举措|意见)")
_SHARED_RE = re.compile(r"([\u4e00-\u9fff]{4,6}(?:、[\u4e00-\u9fff]{4}){1,6})(工程|行动)")
_EVENT_HEADS = ("职业技能竞赛", "技能竞赛", "劳动竞赛", "竞赛", "技能大赛", "大赛", "比赛", "运动会", "研究班", "读书节",
                "技能状元大赛")
_UNQUOTED_HEADS = ("工程", "行动", "计划")
# named meetings (全市产改工作推进会, X座谈会): a Programme when the text names their topic
MEETING_HEADS = ("部署推进会议", "部署推进会", "现场推进会议", "现场推进会", "推进会议", "推进会", "推进大会", "部署会议",
                 "部署会", "动员部署会", "动员大会", "动员会", "座谈会", "现场会", "电视电话会议", "视频会议", "经验交流会",
                 "交流会", "观摩会", "观摩交流会", "研讨会", "调度会")
_GENERIC_TOPIC = ("职工", "代表", "企业", "企业家", "工作", "劳模", "工匠", "专题", "主题", "经验", "相关", "有关", "部门",
                  "单位", "青年", "会员", "各", "有关部门", "专家", "学者", "座谈", "现场", "会议", "代表性", "新闻",
                  "媒体", "记者", "专场", "线上", "线下", "小型", "全体", "首次", "本次", "此次", "一次", "集体")
# a head alone, or a head with only generic modifiers, names nothing (三年行动计划, 主题劳动技能竞赛)
_LISTED_EVENTS_RE = re.compile(r"(举办|开展|组织|承办|主办|组织开展|参加)((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等"
                               r"(职业技能大赛|职业技能竞赛|技能大赛|技能竞赛|劳动竞赛|知识竞赛|竞赛|大赛|比赛|运动会)")
_VERB_NAMED_RE = re.compile(r"(开展|实施|举办|参加|参与|组织开展|组织|推进|深化)([\u4e00-\u9fff]{2,12}?)"
                            r"(创建活动|项目|战略|培训|诵读)(?![班师员中基工会])")
_GENERIC_TRAINING = ("补贴性", "就业前", "再就业", "岗前", "在岗", "转岗", "技能", "职业", "业务", "安全", "岗位", "技术",
                     "理论", "实操", "学历", "线上", "集中", "轮训", "专业", "管理", "培训")
# national campaigns commonly written without quotes (generic knowledge, like award names)
_NATIONAL_RE = re.compile(r"职业技能提升(?:三年)?行动|党史学习教育|技能中国行动|大国工匠人才培育工程|"
                          r"农民工职业技能提升计划|新型学徒制")
_LIST_ACTIVITY_RE = re.compile(r"[^。；！？，\n]{0,48}?等[^，。；“”、\n]{0,10}?活动(?![中室站])")
# public holidays are not programmes (“五一”国际劳动节, 三八妇女节)
_HOLIDAYS = ("劳动节", "妇女节", "青年节", "儿童节", "建军节", "国庆节", "春节", "中秋节", "端午节", "元宵节", "重阳节",
             "教师节", "护士节", "记者节", "元旦")
_MODALS = ("要", "应", "需", "将", "可", "须", "应当", "需要", "必须", "对照", "按照", "根据", "结合")
_GENERIC_CORE = ("行动", "主题", "劳动", "技能", "职业", "专项", "系列", "三年", "五年", "年度", "专题", "职工", "岗位", "提升",
                 "各类", "各项", "相关", "有关", "重点", "一系列", "多项", "多场", "线上", "线下",
                 # issue 9: generic activity words (岗位创新竞赛, 院校职业技能比赛, 产改工作计划)
                 "创新", "院校", "企业", "行业", "产改", "工作", "省级", "市级", "县级", "区级", "国家级", "群众性",
                 "重大", "精品", "示范", "品牌", "安全生产", "整治", "探索", "外资", "民营", "基层", "项目", "工程")


def _only_generic(core: str, words: tuple[str, ...]) -> bool:
    return only_words(core, words)
_NAME_TAGS = frozenset({"n", "nz", "vn", "LOC", "ORG", "j", "an", "nw", "m", "a"})
_BAD_START = set("该全我本各每此其这那等和与及或的了在为对向将把从到以由是")


_EDITION_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:\d{4}年)?第[一二三四五六七八九十\d]{1,3}届")
_WORLD_SCOPES = ("世界", "全国", "国际")
_COPULA_RE = re.compile(r"(?:是|作为|成为|列为)(?=[\u4e00-\u9fff])")
_ABOUT_RE = re.compile(r"关于[^，。；：！？《》“”\n]{2,48}?的$")
# the issuers written before 关于 (中央和省关于…, 省委省政府关于…)
_ISSUER_RE = re.compile(r"(?:中央|国务院|中共中央|省委|省政府|市委|市政府|县委|县政府|区委|区政府|国家|省|市|县|区)"
                        r"(?:(?:和|与|、)?(?:中央|国务院|省委|省政府|市委|市政府|县委|县政府|区委|区政府|省|市|县|区))*$")
_ETC_RE = re.compile(r"(等系列|等一系列|等)")
_COUNTED_SLOGAN_RE = re.compile(r"[一二三四五六七八九十两双][\u4e00-\u9fff]{1,3}[一二三四五六七八九十两双][\u4e00-\u9fff]{1,3}")
_SLOGAN_VERBS = ("做到", "实施", "开展", "推进", "围绕", "聚力", "落实", "深化", "推行")


_ABBREV_RE = re.compile(r"[一二三四五六七八九十两双多][\u4e00-\u9fff]{1,3}")
_RUN_SEP_RE = re.compile(r"[、和及与]?(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区))?(?:\d{4}年度?)?(?=[“‘])")
_YEAR_BEFORE_RE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区))?\d{4}年度?$")
_HEAD_MODIFIERS = ("线上线下", "线上", "线下")


_PAREN_IN_HEAD_RE = re.compile(r"([\u4e00-\u9fff]{0,4})[(（][^()（）“”，。；\n]{1,16}[)）]")


_VERB_AFTER_QUOTE = ("建立", "成立", "设立", "开展", "推出", "纳入", "列入", "写入", "融入", "进入", "走进", "走入", "覆盖", "成为", "作为", "落地", "助力",
                     "推动", "实现", "延伸", "扩展", "拓展", "深入", "引领", "带动", "惠及", "形成", "取得")


def _bare_head(head: str) -> str:
    """The head without a modality modifier (线上线下专场招聘会 → 专场招聘会)."""
    for mod in _HEAD_MODIFIERS:
        if head.startswith(mod) and len(head) - len(mod) >= 2:
            return head[len(mod):]
    return head


def _after_etc(tail: str) -> tuple[str, str]:
    """('等', rest) when the text after a quoted name starts with a coordinating 等(系列)."""
    m = _ETC_RE.match(tail)
    return (m.group(1), tail[m.end():]) if m else ("", tail)


def _first_head(tail: str) -> str:
    """The head noun phrase right after a quoted name: the longest run of plain CJK text within
    12 characters that ends with a head noun; a trailing 品牌/栏目 after another head is cut
    (“X”竞赛品牌 → “X”竞赛)."""
    head = ""
    ed = _EDITION_RE.match(tail)
    if ed is not None:
        # “X”粤港澳大湾区第四届职业技能大赛: a place and an edition before the head
        rest = _first_head(tail[ed.end():])
        return tail[:ed.end()] + rest if rest else ""
    if tail.startswith(_VERB_AFTER_QUOTE):
        return ""          # 推动“X”纳入集体协商: a verb follows the quoted name, no head
    for h in _HEADS_SORTED:
        k = tail.find(h)
        if k < 0 or k + len(h) > 12 or not all(is_cjk(ch) for ch in tail[:k + len(h)]):
            continue
        if re.search(r"[的和与及是在等暨]", tail[:k]) or re.match(r"[一二三四五六七八九十两\d]+[项个大类条]", tail):
            continue
        if k + len(h) > len(head):
            head = tail[:k + len(h)]
    for brand in ("品牌栏目", "品牌", "栏目"):
        if head.endswith(brand) and len(head) > len(brand):
            core = head[: -len(brand)]
            if core.endswith(_HEADS_SORTED):
                head = core
            break
    if head.endswith(("产业体系", "产业集群", "产业链")):
        return ""          # “2+3”现代产业体系: an economic structure, not a programme
    if re.search(r"(评选|评比|选树)", head) and not re.fullmatch(r"[\u4e00-\u9fff]{2,6}(成果|案例|作品|项目)(评选|评比)(活动)?", head):
        return ""          # “X”评选: X is an honour (see awards), not a programme; but “五小”创新成果评选
                           # judges results (an event)
    return head


def _scope_place(doc: Document, pos: int) -> int:
    """The region a 全市/全县/全区/全省 scope at pos stands for (-1 if none is resolvable)."""
    from reformkg.ingest.extract.regions import context_place

    return context_place(doc, pos, doc.text[pos + 1])


def _in_heading(doc: Document, pos: int) -> bool:
    """Whether pos lies in a short unpunctuated line (a section heading: 打好“X牌”): its quoted
    words are a section slogan, not a programme's name."""
    for ps, pe in doc.paragraphs:
        if ps <= pos < pe:
            line = doc.text[ps:pe].strip()
            return len(line) <= 20 and not re.search(r"[。！？；]", line)
    return False


def kind_of(name: str) -> str:
    core = name.rstrip("》”\"")
    if name.startswith("《") and core.endswith(_POLICY_END):
        return "policy"
    if re.search(r"(竞赛|大赛|比赛|练兵|运动会|评选|杯)", core[-6:]):
        return "competition"
    if re.search(r"(培训|班|夜校|讲堂|课堂|学堂)", core[-6:]):
        return "training"
    if re.search(r"(机制|制度|体系|模式|通道|协商|工作法)", core[-6:]):
        return "mechanism"
    if re.search(r"(规划|计划|方案|战略)$", core):
        return "plan"
    if core.endswith(_POLICY_END[:12]):
        return "policy"
    return "initiative"


class Programmes:
    name = "programmes"
    requires: tuple[str, ...] = ("lac_words", "regions")
    assigns: tuple[str, ...] = ("programmes", "mentions")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        words = Words(doc)
        out: list[Mention] = []
        out += self._quoted(doc, text)
        out += self._titled(doc, text)
        out += self._events(doc, text, words)
        out += self._shared_head(doc, text, words)
        out += self._measures(doc, text, words)
        out += self._listed_events(doc, text)
        out += self._verb_named(doc, text)
        out += self._national(doc, text)
        for m in _REFORM_RE.finditer(text):
            s, e = m.span()
            sp = Span(s, e, "Programme", doc.sentence_of(s), self.name, {"rule": "reform"})
            out.append(Mention(sp, "Programme", text[s:e], REFORM, {"kind": "initiative", "reform": True}))
        out = [m for m in out if not m.normalised.rstrip("”》").endswith(_HOLIDAYS)]
        doc.layers["programmes"] = [m.span for m in out]
        add_mentions(doc, out)
        return doc

    # ------------------------------------------------------------------------------------------
    def _mk(self, doc: Document, s: int, e: int, name: str, rule: str, aliases: tuple[str, ...] = ()) -> Mention:
        sp = Span(s, e, "Programme", doc.sentence_of(s), self.name, {"rule": rule})
        attrs: dict = {"kind": kind_of(name)}
        aliases = tuple(aliases)
        if "，" in name:
            # the normaliser widened the source's ASCII commas: names are written as the source
            # writes them (the widened form stays an alias)
            a, b = doc.offsets.to_source(s, e)
            src = doc.source_text[a:b] if 0 <= a < b <= len(doc.source_text) else ""
            if "," in src and "，" not in src:
                aliases = aliases + (name,)
                name = name.replace("，", ",")
        if aliases:
            attrs["aliases"] = list(aliases)
        return Mention(sp, "Programme", doc.text[s:e], name, attrs)

    def _quoted(self, doc: Document, text: str) -> list[Mention]:
        out = []
        abbrev_done: set[int] = set()
        for m in _QUOTE_RE.finditer(text):
            s, e = m.span()
            inner = m.group(1) or m.group(2)
            if _REFORM_RE.fullmatch(inner):
                continue
            if not any(is_cjk(ch) for ch in inner) and not re.search(r"\d|[+＋]", inner):
                continue
            # head noun written right after the quote, or after a run of quoted names
            # (“A”“B”等系列主题活动, “A”、沛县2023年“B”等专场招聘会: each gets the head)
            if s in abbrev_done:
                continue
            abbr = _QUOTE_RE.match(text, e)
            if abbr is not None and _ABBREV_RE.fullmatch(abbr.group(1) or abbr.group(2) or "") and \
                    len(inner) > len(abbr.group(1) or abbr.group(2)) + 3:
                head = _first_head(text[abbr.end():abbr.end() + 10])
                if head:
                    # “劳模进校园、教师进企业”“双进”宣讲: the second quote abbreviates the first
                    ab = abbr.group(1) or abbr.group(2)
                    abbrev_done.add(abbr.start())
                    out.append(self._mk(doc, s, abbr.end() + len(head), text[s:abbr.end()] + _bare_head(head),
                                        "quoted-abbrev", (inner, ab, text[s:e] + head, text[abbr.start():abbr.end()] + head)))
                    continue
            run_end = e
            while True:
                sep = _RUN_SEP_RE.match(text, run_end)
                nxt = _QUOTE_RE.match(text, sep.end()) if sep is not None else None
                if nxt is None:
                    break
                if sep.end() > run_end and not re.fullmatch(r"[、和及与]?", sep.group(0)) and \
                        not self._region_year(doc, run_end, sep.end()):
                    break
                run_end = nxt.end()
            if re.search(r"[，。！？；：、,;!?]", inner):
                # a quoted name that itself holds a list (“甲乙、丙丁”三年行动计划) is one name,
                # but only with a head noun written right after it (or its run); otherwise it
                # is a quotation
                if re.search(r"[。！？；：;!?]", inner) or not _first_head(_after_etc(text[run_end:run_end + 14])[1]):
                    continue
            tail = text[run_end:run_end + 12]
            if re.match(r"等?(先进典型|优秀|先进)?(评选|评比|选树|推选)", tail):
                continue      # “X”“Y”评选: honours (see awards)
            skip = re.match(r"(等系列|系列|等)", tail)
            in_run = run_end > e or text[max(0, s - 1):s] in ("”", "’") or text[max(0, s - 2):s] in ("”、", "”和")
            if in_run and skip:
                tail = tail[skip.end():]
            if in_run and not inner.endswith(_HEADS_SORTED):
                head = _first_head(tail)
                if head:
                    ps = s
                    ry = _YEAR_BEFORE_RE.search(text, max(0, s - 12), s)
                    if ry is not None and self._region_year(doc, ry.start(), s):
                        ps = ry.start()      # 沛县2023年“B”: the region and year belong to the name
                    head = _bare_head(head)
                    al = (inner, text[s:e]) + ((text[s:e] + head,) if ps < s else ())
                    out.append(self._mk(doc, ps, e, text[ps:e] + head, "quoted-run", al))
                    continue
            tail = text[e:e + 24]
            head = _first_head(tail)
            if head and text[e + len(head):e + len(head) + 1] == "师":
                head = ""
            prefix, pstart = self._prefix(doc, s)
            pm = None if head else _PAREN_IN_HEAD_RE.match(text, e)
            if pm is not None:
                # “1+X”书证(毕业证书+…)融通项目: an explanation in brackets inside the head; the
                # name is written without it, the full form is an alias
                h2 = _first_head(pm.group(1) + text[pm.end():pm.end() + 10])
                if len(h2) > len(pm.group(1)) and text[pm.end():pm.end() + len(h2) - len(pm.group(1))] == h2[len(pm.group(1)):]:
                    end = pm.end() + len(h2) - len(pm.group(1))
                    out.append(self._mk(doc, pstart, end, prefix + text[s:e] + _bare_head(h2), "quoted+paren-head",
                                        (inner, text[pstart:end])))
                    continue
            if head:
                name = text[s:e] + _bare_head(head)
                out.append(self._mk(doc, pstart, e + len(head), prefix + name, "quoted+head", (inner, text[pstart:e + len(head)])))
                continue
            etc, rest = _after_etc(text[e:e + 14])
            if etc and not (inner.endswith(_HEADS_SORTED) and len(inner) >= 3):
                # (“A计划”等…培养项目: a name with its own head is an item of the category
                # after 等, not a name carrying it)
                # “A”等主题劳动技能竞赛: the head after a coordinating 等 belongs to the quoted name
                head = _first_head(rest)
                if head and re.search(r"(表彰|荣誉|称号|评选|奖励)", head):
                    continue      # “十佳X”等表彰项目: honours (see awards)
                if head and text[e + len(etc) + len(head):e + len(etc) + len(head) + 1] != "师":
                    he = e + len(etc) + len(head)
                    out.append(self._mk(doc, pstart, he, prefix + text[s:e] + _bare_head(head), "quoted+etc+head",
                                        (inner, text[s:e])))
                    continue
            if not any(is_cjk(ch) for ch in inner):
                continue
            if inner.endswith(_HEADS_SORTED) and len(inner) >= 3:
                out.append(self._mk(doc, pstart, e, prefix + text[s:e], "quoted-head", (inner,)))
                continue
            if text[e:e + 1] == "、" or text[max(0, s - 1):s] == "、":
                # an item of a list that ends with 等…活动 (“A”竞赛、“B”、C等群众性活动): the
                # list's head names it
                lm = _LIST_ACTIVITY_RE.match(text, e)
                if lm is not None and 2 <= len(inner) <= 12 and not re.search(r"[的了吗呢，。]", inner):
                    out.append(self._mk(doc, s, e, text[s:e] + "活动", "quoted-list-activity", (inner, text[s:e])))
                    continue
            before = text[max(0, s - 4):s]
            defined = text[e:e + 3].startswith(("(即", "（即", "，即", ",即", "：即"))
            if (defined or any(before.endswith(v) for v in _PROG_VERBS_STRICT)) and 3 <= len(inner) <= 12 and \
                    not re.search(r"[的了吗呢]", inner) and not inner.endswith(_NOT_PROG_END) and \
                    not _in_heading(doc, s):
                out.append(self._mk(doc, s, e, text[s:e], "quoted-verb", (inner,)))
            elif _COUNTED_SLOGAN_RE.fullmatch(inner) and any(before.endswith(v) for v in _SLOGAN_VERBS):
                # 做到“三突出三提升”: a counted slogan introduced as a programme
                out.append(self._mk(doc, s, e, text[s:e], "quoted-slogan", (inner,)))
        return out

    @staticmethod
    def _region_year(doc: Document, a: int, b: int) -> bool:
        """text[a:b] is a year, optionally after a region named there (沛县2023年, 2024年)."""
        text = doc.text
        frag = re.sub(r"^[、和及与]", "", text[a:b])
        y = re.search(r"\d{4}年度?$", frag)
        if y is None:
            return False
        lead = frag[: y.start()]
        if not lead:
            return True
        a2 = b - len(frag)
        return any(sp.start == a2 and sp.end == a2 + len(lead) for sp in doc.layers.get("regions", []))

    @staticmethod
    def _prefix(doc: Document, s: int) -> tuple[str, int]:
        """A region (or a contextual 省/市/县/区) written right before a name belongs to it:
        市“十四五”发展规划 in a 淮安 document → 淮安市“十四五”发展规划."""
        from reformkg.ingest import lexicons as lx
        from reformkg.ingest.extract.regions import context_place

        text = doc.text
        for sp in doc.layers.get("regions", []):
            if sp.end == s and not sp.attrs.get("contextual") and sp.attrs.get("place", -1) >= 0:
                return lx.gazetteer().get(sp.attrs["place"]).name, sp.start
        if s > 0 and text[s - 1] in "省市县区" and (s < 2 or not is_cjk(text[s - 2]) or text[s - 2] in "的在和与及、被入将把为全"):
            place = context_place(doc, s - 1, text[s - 1])
            if place >= 0:
                return lx.gazetteer().get(place).name, s - 1
        return "", s

    def _titled(self, doc: Document, text: str) -> list[Mention]:
        out = []
        last_policy: dict[str, Mention] = {}
        for m in re.finditer(r"《([^《》\n]{2,60})》", text):
            s, e = m.span()
            inner = m.group(1)
            if inner in _SHORT_REFS:
                k = text.rfind("关于", max(0, s - 50), s)
                about = _ABOUT_RE.fullmatch(text, k, s) if k >= 0 else None
                if about is not None:
                    # 关于提高X待遇的《意见》 (中央和省关于…的《意见》): one policy, titled in full
                    title = "《" + about.group(0) + inner + "》"
                    al = [text[k:e], about.group(0) + inner]
                    issuer = _ISSUER_RE.search(text, max(0, k - 10), k)
                    if issuer is not None and issuer.end() == k:
                        al.append(text[issuer.start():e])
                    mm = self._mk(doc, k, e, title, "titled-split", tuple(al))
                    mm.attrs["kind"] = "policy"
                    out.append(mm)
                    last_policy[inner] = mm
                    continue
                ref = last_policy.get(inner)
                if ref is not None:
                    mm = self._mk(doc, s, e, ref.normalised, "titled-ref", (inner,))
                    out.append(mm)
                continue
            if re.search(r"(来源|来源于|摘自|转自|原载|刊于)[:：]?\s*$", text[max(0, s - 6):s]):
                continue      # a source credit, not an actor or programme
            if text[e:e + 1] == "讯":
                continue      # 《X报》讯: a dateline
            if inner.endswith(("日报", "晚报", "报", "杂志", "周刊")):
                sp = Span(s, e, "Institution", doc.sentence_of(s), self.name, {"rule": "newspaper"})
                out.append(Mention(sp, "Institution", text[s:e], inner, {}))
                continue
            bare = re.sub(r"[(（][^()（）]{1,12}[)）]$", "", inner)
            if bare.endswith(_POLICY_END):
                name = "《" + bare + "》"
                end = e
                # 《…(征求意见稿)》 keeps the bare title as the name
                mm = self._mk(doc, s, end, name, "titled", (inner, bare) if bare != inner else (inner,))
                out.append(mm)
                for ref in _SHORT_REFS:
                    if re.sub(r"[(（][^()（）]*[)）]$", "", inner).endswith(ref):
                        last_policy[ref] = mm
                continue
            tail = text[e:e + 8]
            head = ""
            for h in _HEADS_SORTED:
                k = tail.find(h)
                if 0 <= k <= 4 and all(is_cjk(ch) for ch in tail[:k + len(h)]) and \
                        not re.search(r"[的和与及是在等]", tail[:k + 1]):
                    if k + len(h) > len(head):
                        head = tail[:k + len(h)]
            if head:
                out.append(self._mk(doc, s, e + len(head), text[s:e + len(head)], "titled+head", (inner,)))
        return out

    def _shared_head(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """A、B、C工程: a list of four-character names sharing one head noun."""
        out = []
        for m in _SHARED_RE.finditer(text):
            items = m.group(1).split("、")
            head = m.group(2)
            base = m.start(1)
            first = items[0]
            if len(first) > 4:
                # drop a leading verb from the first item
                items[0] = first[-4:]
                base += len(first) - 4
            if any(len(it) != 4 for it in items):
                continue
            pos = base
            for k, it in enumerate(items):
                s = pos
                e = s + len(it)
                pos = e + 1
                if k == len(items) - 1:
                    out.append(self._mk(doc, s, e + len(head), it + head, "shared-head"))
                else:
                    out.append(self._mk(doc, s, e, it + head, "shared-head", (it,)))
        return out

    def _verb_named(self, doc: Document, text: str) -> list[Mention]:
        """Unquoted names that a programme verb introduces and whose head says they are one
        named thing: X创建活动 (开展模范职工之家创建活动), a workers' X项目 (开展职工医疗互助项目),
        a local X强市/兴区 战略, a training one takes part in (参加X培训, 6+ characters), a
        recital held (举办X诵读)."""
        out = []
        for m in _VERB_NAMED_RE.finditer(text):
            verb, core, head = m.group(1), m.group(2), m.group(3)
            s, e = m.start(2), m.end()
            if re.search(r"[的了与及或是在等各该]|和(?!谐)", core) or _only_generic(core, _GENERIC_CORE + _GENERIC_TRAINING):
                continue
            if core.startswith(("各类", "各项", "各种", "相关", "有关", "重点", "一系列", "多项", "多场", "专项", "一批", "系列", "多种")):
                continue
            if head == "创建活动":
                ok = len(core) >= 4
            elif head == "项目":
                ok = len(core) >= 5 and re.search(r"(职工|员工|工人|农民工|劳动者|劳模|工匠)", core) is not None
            elif head == "战略":
                ok = re.search(r"[强兴立](省|市|县|区|企)$", core) is not None
            elif head == "培训":
                ok = verb in ("参加", "参与") and len(core) >= 6
            else:   # 诵读
                ok = verb in ("举办", "开展", "组织", "组织开展") and len(core) >= 4
            if not ok:
                continue
            out.append(self._mk(doc, s, e, text[s:e], "verb-named"))
        return out

    def _national(self, doc: Document, text: str) -> list[Mention]:
        """Named national campaigns written without quotes (a generic lexicon, not document names)."""
        out = []
        for m in _NATIONAL_RE.finditer(text):
            s, e = m.span()
            out.append(self._mk(doc, s, e, text[s:e], "national"))
        return out

    def _listed_events(self, doc: Document, text: str) -> list[Mention]:
        """举办A、B等职业技能大赛: each listed name with the shared event head."""
        out = []
        for m in _LISTED_EVENTS_RE.finditer(text):
            items = m.group(2).split("、")
            if any(re.search(r"[的和与及了在]", it) or len(it) < 2 for it in items):
                continue
            head = m.group(3)
            pos = m.start(2)
            for it in items:
                s, e = pos, pos + len(it)
                pos = e + 1
                if _only_generic(it, _GENERIC_CORE):
                    continue
                out.append(self._mk(doc, s, e, it + head, "listed-event", (it,)))
        return out

    def _measures(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """X10条措施: a numbered set of measures is a named policy."""
        out = []
        for m in _MEASURES_RE.finditer(text):
            s = m.start(1)
            # start after a leading verb (落实X10条措施)
            w = words.at(s)
            while w is not None and w.end < m.end(1) and (text[w.start:w.end] in _STOP_VERBS or
                                                           w.label in ("d", "p", "u", "c") or w.start < s):
                nw = words.at(w.end)
                if nw is None:
                    break
                s, w = nw.start, nw
                if text[w.start:w.end] not in _STOP_VERBS and w.label not in ("d", "p", "u", "c"):
                    break
            if m.end(1) - s < 4:
                continue
            ws = [w for w in words.spans[max(0, words.index_at(s)):] if w.start < m.end(1)] if words.index_at(s) >= 0 else []
            if ws and not any(w.label in ("n", "nz", "vn", "ORG", "LOC", "j", "nw", "an", "s") for w in ws):
                continue      # 《意见》明确提出十条举措: a clause, not a name
            sp_name = text[s:m.end()]
            mm = self._mk(doc, s, m.end(), sp_name, "measures")
            mm.attrs["kind"] = "policy"
            out.append(mm)
        return out

    def _meeting(self, doc: Document, start: int, core_start: int, hs: int, he: int, scoped: str,
                 has_region: bool) -> Mention | None:
        """A named meeting: its topic (4+ characters, not only generic words; 2+ with a scope
        or region) and head. A 全市/全省 scope resolves to the region (全市X推进会 → 宿迁市X推进会
        in a Suqian paragraph); the forms with and without 议 are aliases."""
        from reformkg.ingest import lexicons as lx
        from reformkg.ingest.extract.regions import context_place

        text = doc.text
        core = text[core_start:hs]
        if len(core) < 2 or _only_generic(core, _GENERIC_TOPIC) or core[0] in _BAD_START:
            return None
        if len(core) < 4 and not (scoped or has_region):
            return None
        if re.search(r"[的了在和与及是为]", core) or core.endswith(_EVENT_HEADS + ("班", "活动", "工程")):
            return None       # X研究班座谈会: a meeting of a programme, which is the name
        name = text[start:he]
        aliases = [text[core_start:he]]
        s = start
        if scoped:
            s = start - 2
            place = context_place(doc, s, text[s + 1])
            aliases.append(text[s:he])
            if place >= 0:
                name = lx.gazetteer().get(place).name + text[start:he]
            else:
                name = text[s:he]
        else:
            prefix, pstart = self._prefix(doc, start)
            if prefix and pstart < start:
                aliases.append(text[pstart:he])
                name, s = prefix + text[start:he], pstart
        for a in list(aliases) + [name]:
            if a.endswith("会议"):
                aliases.append(a[:-1])
            elif a.endswith("会"):
                aliases.append(a + "议")
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        mm = self._mk(doc, s, he, name, "meeting", tuple(aliases))
        mm.attrs["kind"] = "meeting"
        return mm

    @staticmethod
    def _coordinated_items(text: str, words: Words, start: int, hs: int) -> int:
        """A name whose modifier is a list (数控、钳工、叉车工技能竞赛; X年度重点工程、重大项目劳动竞赛):
        extend over the short noun items joined by 、 before `start`."""
        while start > 1 and text[start - 1] == "、":
            k = start - 1
            i = words.index_at(k - 1)
            item_start = k
            while i >= 0:
                w = words.spans[i]
                frag = text[w.start:w.end]
                if w.end != item_start or w.label not in _NAME_TAGS or frag in _STOP_VERBS or frag[0] in _BAD_START \
                        or k - w.start > 10:
                    break
                item_start = w.start
                i -= 1
            if item_start == k:
                break
            start = item_start
        return start

    @staticmethod
    def _list_item(text: str, hs: int, he: int) -> int | None:
        """Start of a name that is a whole item of a 、-list of same-headed names (A工程、B工程)."""
        k = hs
        while k > 0 and is_cjk(text[k - 1]) and hs - k < 10:
            k -= 1
        if hs - k < 2 or (k > 0 and text[k - 1] not in "、，,：:；“"):
            return None
        if re.search(r"[了的和与及是在]", text[k:hs]) or re.search(r"(制定|发放|开展|实施|推进|组织|建立|举办|落实|完善|加强)", text[k:hs]):
            return None
        if re.match(r"(突出|聚焦|立足|强化|加快|推动|围绕|坚持|着力|做好|提升|深化|打造|抓好|抓住|重点|主要|各类|一批|促进)", text[k:hs]):
            return None       # 突出重点工程、重大项目: a verb phrase, not a name
        if _only_generic(text[k:hs], _GENERIC_CORE):
            return None       # 高效管理、精品工程、优质服务: a goal in a list, not a name
        if not (text[he:he + 1] == "、" or (k > 0 and text[k - 1] == "、")):
            return None
        return k

    def _events(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """Unquoted named events/policies: extend left from a head over name-like words; the
        name must carry a year, an edition (第N届), a region or be 4+ characters of nouns."""
        out = []
        heads = _EVENT_HEADS + _UNQUOTED_HEADS + MEETING_HEADS + ("实施办法", "管理办法", "发展规划", "规划")
        pat = re.compile("(" + "|".join(sorted(heads, key=len, reverse=True)) + ")")
        regions = {sp.start: sp for sp in doc.layers.get("regions", []) if not sp.attrs.get("contextual")}
        regions_by_end = {sp.end: sp for sp in regions.values()}
        for m in pat.finditer(text):
            hs, he = m.span()
            head = m.group(1)
            if he < len(text) and text[he] in "”》师":
                continue
            if head in _UNQUOTED_HEADS and text.startswith(("计划", "方案", "规划"), he):
                continue      # 三年行动|计划: the longer name ends later
            item = self._list_item(text, hs, he)
            if item is not None and head in _UNQUOTED_HEADS:
                out.append(self._mk(doc, item, he, text[item:he], "list-item"))
                continue
            i = words.index_at(hs - 1) if hs > 0 else -1
            w_here = words.at(hs)
            if w_here is not None and w_here.start < hs:
                # head glued into the previous word: start from that word
                i = words.index_at(w_here.start - 1) if w_here.start > 0 else -1
                start = w_here.start
            else:
                start = hs
            n = hs - start
            has_region = False
            while i >= 0:
                w = words.spans[i]
                if w.end != start:
                    break
                frag = text[w.start:w.end]
                if frag in (")", "）"):
                    # a parenthesised qualifier inside the name (十大职业(工种)技能竞赛)
                    op = max(text.rfind("(", max(0, w.start - 7), w.start), text.rfind("（", max(0, w.start - 7), w.start))
                    inner = text[op + 1:w.start] if op >= 0 else ""
                    if op > 0 and 1 <= len(inner) <= 5 and all(is_cjk(ch) or ch in "、" for ch in inner) and \
                            is_cjk(text[op - 1]) and n + len(inner) + 2 <= 16:
                        n += w.end - op
                        start = op
                        i = words.index_at(op - 1) if op > 0 else -1
                        continue
                    break
                if frag in _STOP_VERBS or frag in ("省", "市", "县", "区") or frag in _MODALS:
                    break
                if w.label in ("v", "vd", "TIME") and len(frag) <= 2 and frag not in _STOP_VERBS \
                        and not re.fullmatch(r"\d{4}年", frag):
                    pass          # a verb inside a compound name (驾驶教练员, 集中要约)
                elif w.label in ("ad", "a") and len(frag) <= 2 and text[w.start - 1:w.start] == "、":
                    pass          # 、安全生产知识竞赛: the first word of a list item
                elif w.label not in _NAME_TAGS or frag[0] in _BAD_START:
                    break
                if w.label == "m" and not re.fullmatch(r"\d{4}年|第[一二三四五六七八九十\d]+届|[一二三四五六七八九十百千]+[大佳强]", frag):
                    break
                if n + len(frag) > (18 if head in MEETING_HEADS else 14):
                    break
                n += len(frag)
                start = w.start
                if w.start in regions or w.label == "LOC":
                    has_region = True
                i -= 1
            # a verb cannot start the name unless a scope, year or region stands before it
            # (全市驾驶教练员…竞赛 yes; 发放职业技能提升行动, 制定培训计划 no)
            while start < hs:
                w0 = words.at(start)
                if w0 is None or w0.label not in ("v", "vd", "d", "ad") or w0.end > hs:
                    break
                before2 = text[max(0, start - 2):start]
                if before2 in ("全市", "全县", "全区", "全省") or re.search(r"\d年$", text[max(0, start - 5):start]) \
                        or start in regions:
                    break
                if before2[-1:] == "、" and w0.label in ("ad", "a", "vd") and text[w0.start:w0.end] not in _STOP_VERBS:
                    break     # 、安全生产知识竞赛: a list item keeps its first word
                start = w0.end
            cop = _COPULA_RE.search(text, start, hs)
            if cop is not None:
                start = cop.end()       # 本次竞赛是X年度重点工程: the name follows the copula
            start = self._coordinated_items(text, words, start, hs)
            core_start = start
            if re.search(r"”(等系列|等一系列|等|系列)?$", text[max(0, start - 4):start]):
                continue      # the head of a quoted name (“A”等主题竞赛): see _quoted
            # a year / edition right before the name, and a 全市/全县 scope before that
            pre = re.search(r"((?:\d{4}年)?(?:第[一二三四五六七八九十\d]+届)?)$", text[max(0, start - 10):start])
            if pre and pre.group(1):
                start -= len(pre.group(1))
            zone = regions_by_end.get(start)
            if zone is not None and text.startswith("第", start):
                start, has_region = zone.start, True   # X园区第五届…大赛: the place names the edition
            scoped = ""
            if text[max(0, start - 2):start] in ("全市", "全县", "全区", "全省", "全国"):
                scoped = text[start - 2:he]
            name = text[start:he]
            core = text[core_start:hs]
            if len(core) < 2:
                continue
            numbered = bool(re.match(r"(\d{4}年|第)", name))
            if head in MEETING_HEADS:
                mm = self._meeting(doc, start, core_start, hs, he, scoped, has_region)
                if mm is not None:
                    out.append(mm)
                continue
            if not (numbered or has_region) and _only_generic(core.replace("、", ""), _GENERIC_CORE):
                continue      # (全县职工技能竞赛 / 全国行业职业技能竞赛: a scope before generic words)
            if core[0] in "每各该本这此":
                continue      # 每年省级竞赛 / 各类竞赛: a kind of event, not one
            if head in _UNQUOTED_HEADS:
                if head == "计划" and len(core) < 3:
                    continue
                if not (4 <= len(core) <= 10) or any(not is_cjk(ch) for ch in core):
                    continue
                if core.startswith(("实施", "开展", "推进", "推动", "加强", "加快", "启动", "打造", "提升")):
                    continue
            elif head in ("实施办法", "管理办法", "发展规划", "规划"):
                prefix, pstart = self._prefix(doc, start)
                if not has_region and not prefix:
                    continue
                if prefix and pstart < start:
                    out.append(self._mk(doc, pstart, he, prefix + name, "event", (text[pstart:he],)))
                    continue
            else:
                if not (numbered or has_region or scoped or len(core) >= 4 or core.startswith(_WORLD_SCOPES)):
                    continue      # (全县女职工技能大赛, 世界技能大赛, 全国职业技能大赛: scoped names)
            aliases = tuple(a for a in (scoped, text[core_start:he]) if a and a != name)
            if scoped and core_start == start:
                name = scoped        # 全市驾驶教练员职业技能竞赛: the scope is part of the name
                start -= 2
                place = _scope_place(doc, start) if not scoped.startswith("全国") else -1
                if place >= 0:
                    # 全县女职工技能大赛 in a 阜宁县 text → 阜宁县女职工技能大赛 (the written form an alias)
                    from reformkg.ingest import lexicons as lx

                    name = lx.gazetteer().get(place).name + scoped[2:]
                    aliases = tuple(dict.fromkeys(a for a in aliases + (scoped,) if a != name))
            out.append(self._mk(doc, start, he, name, "event", aliases))
        return out
