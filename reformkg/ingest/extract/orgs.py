"""Organisations component: a small grammar over the region layer, generic body/suffix lexicons
and the tagger's ORG spans.

    org      := [中共] region? prefix? body head | org sub-body | LAC-ORG
    prefix   := 省 | 市 | 县 | 区            (contextual: resolved to the paragraph's region)
    committee:= region 委 | region 政府 …   (泗洪县委, 省委)
    dept     := a generic department (组织部, 人社局, 总工会 …), attached to the committee or
                region before it, else to the paragraph's region (组织部 → 常州市委组织部)

Mentions are typed by head (工会 → Union; 委/局/厅/部/办/政府/法院/委员会/联席会议 → Agency;
大学/学院/学校/协会/研究院/报/社/电视台 → Institution; 公司/集团/厂/药业 … → Enterprise).
Also: A、B(N个)产业链党建联盟 → one body per listed name (in the region written before the
list); 省总/市总/县总 standing alone → the context region's 总工会; generic heads without a
name part (企业工会, 试点企业工会, 单位工会) are not bodies.
`normalised` holds the context-resolved name; attrs: `region` (full name), `place`
(gazetteer index) when the organisation belongs to a region, `prefix_region` when the region is
written in the name.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, add_mentions, is_cjk
from reformkg.ingest.extract.regions import context_place

PARTY_DEPTS = ("组织部", "宣传部", "统战部", "政法委", "纪委", "编办", "网信办", "常委会")
_NAME_TAGS = frozenset({"n", "nz", "LOC", "ORG", "vn", "an", "j", "nw", "s"})
_BAD_START = set("该全我本各每此其这那等和与及或的了在为对向将把从到以由")
_STRONG_HEADS = ("联席会议", "领导小组", "委员会", "大学", "学院", "学校", "中专", "技校", "职校", "中学", "协会",
                 "学会", "商会", "研究院", "研究所", "研究中心", "有限责任公司", "股份有限公司", "有限公司", "公司",
                 "集团", "日报", "晚报", "报社", "通讯社", "电视台", "总台", "科学院", "人民政府", "中级人民法院",
                 "人民法院", "人民检察院", "办公厅", "工会", "融媒体中心", "活动中心", "服务中心", "研究中心", "培训中心",
                 "联盟", "仲裁院", "联席会", "干部学校", "干校", "管委会", "管理委员会", "工作室", "协调小组",
                 "工作小组", "办公室", "产业工人学院")
_SUB_BODIES = ("工会委员会", "女职工委员会", "工会", "女工委", "办公室", "党委", "分公司", "学院", "研究院")
_COMMITTEE = re.compile(r"(委员会|委|人民政府|政府|人大常委会|人大|政协|党委)")
_NOT_AFTER_WEI = set("托员屈婉曲派任")
_LAC_ORG_BAD_END = ("班", "代会", "时代", "后", "讲堂", "夜校", "活动", "工程", "计划", "大赛", "竞赛")


@lru_cache(maxsize=1)
def _dept_automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for d in lx._read_lines("dept_bodies.txt"):
        a.add_word(d, d)
    for h in _STRONG_HEADS:
        a.add_word(h, h)
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def _national() -> tuple[dict[str, tuple[str, str]], ahocorasick.Automaton]:
    table = {row[0]: (row[1], row[2]) for row in lx._read_tsv("national_bodies.tsv") if len(row) >= 3}
    a = ahocorasick.Automaton()
    for k in table:
        a.add_word(k, k)
    a.make_automaton()
    return table, a


_GENERIC_BODY = ("基层", "企业", "各级", "干部", "产业", "中职", "高职", "职业", "技工", "相关", "有关", "地方", "行业",
                 "群体", "社会", "民营", "非公", "国有", "司机", "车", "职工", "劳动争议调解", "调解", "劳动", "工人",
                 "专业", "重点", "新", "骨干", "示范", "优秀", "先进", "一线", "所在", "会员", "本", "产改", "工作",
                 "服务", "产业链", "党建", "集体协商", "职工", "技能", "人才", "试点", "单位", "用人单位", "所属", "下属",
                 "车间", "班组", "部门", "机关", "各", "全体", "联合", "区域", "新就业形态", "新业态", "园区", "楼宇",
                 "村", "社区", "会员单位", "成员单位", "各类", "广大", "全市", "全省", "全县", "全区", "该", "本单位",
                 "小微", "中小", "中小企业", "外资", "外企", "私营", "规上", "龙头", "头部", "平台", "网约", "货车",
                 "快递", "外卖", "物流", "家政", "建筑", "制造业", "乡镇", "街道", "村级", "镇", "县级", "市级", "省级",
                 "两新", "非公企业", "新经济组织")
_GLUED_BIGRAMS = frozenset(("其中", "之中", "当中", "从中", "其他", "以及", "并由", "还有", "包括", "如"))
_PUBLICATION_WORDS = ("简报", "通讯", "快讯", "动态", "周刊", "月刊", "杂志", "公众号", "网站", "工作简报", "信息")
_PAREN_RE = re.compile(r"([A-Za-z\u4e00-\u9fff]{2,14})[(（]([\u4e00-\u9fff]{2,8})[)）]"
                       r"(股份有限公司|有限责任公司|有限公司|公司|集团|产业工人学院|学院|研究院)(工会)?")
_GLUED_TAILS = ("合作", "签约", "联合", "共同", "电", "的", "在", "与", "和", "开展", "举办", "召开", "等")
# a category written before an enterprise name (试点企业X有限公司, 规上企业X集团)
_GENERIC_ENT_PREFIX = re.compile(r"(?:(?:国家|省|市|区|县)级?)?(?:产改)?(?:试点|龙头|重点|规上|规模以上|骨干|示范|链主|领军|"
                                 r"民营|国有|外资|外商投资|中小|高新技术|专精特新|头部|优秀|先进)企业(?![管服])")
_SET_UP_RE = re.compile(r"(成立了?|组建了?|设立了?)([\u4e00-\u9fff]{2,14}?(领导小组|工作小组|工作专班|专班|指导组))"
                        r"(?![\u4e00-\u9fff]{0,2}(成员|组长|办公室))")
_PLURAL_PLACES = re.compile(r"(各级|各[省市县区]?|县区|市县|县市区|乡镇|镇街)$")
# place words that never start a firm's name (国内能源, 当地企业)
_GENERIC_PLACE_WORDS = frozenset(("国内", "国外", "海外", "境内", "境外", "本地", "当地", "省内", "省外", "市内", "市外",
                                  "区内", "县内", "各地", "城乡", "农村", "城市", "全球", "世界", "周边", "沿海", "内地",
                                  "地方", "基层", "一线", "现场", "本市", "本省", "本区", "本县"))
_SHORT_UNION_RE = re.compile(r"(省|市|县|区)总")
_SHARED_ORG_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,6})([0-9一二三四五六七八九十两]+个)?"
                            r"(产业链党建联盟|党建联盟|产业联盟|产业链联盟|人才联盟|技能联盟)")
_ORG_ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "开发区", "综保区", "综合保税区",
                      "自贸区", "新区", "工业园区")
# 省政府办公厅 / 市政府 inside a longer name: the government's full name
_GOV_RE = re.compile(r"^([\u4e00-\u9fff]{1,12}?[省市县区州旗])政府(?=办公厅|办公室|研究室|参事室|$)")
_QUOTED_INST = re.compile(r"[“\"]([\u4e00-\u9fff]{2,14}(?:产业工人学院|学院|联合实验室|实验室|研究院|研究所|创新工作室))[”\"]")
# discourse words the tagger may read as a name (下一步集团将…): never part of a body's name
_DISCOURSE_WORDS = frozenset(("下一步", "下步", "今后", "目前", "此外", "同时", "近年来", "近年", "今年", "去年", "当前",
                              "未来", "接下来", "随后", "此前", "为此", "对此", "其中", "另外", "首先", "其次", "最后"))
_LEAD_VERBS = ("联合", "会同", "携手", "协同", "联手", "牵头", "指导", "组织", "依托", "邀请", "通过")
_TAIL_ONLY = ("党委", "党组", "政府", "政协", "常委会", "人民政府", "法院", "检察院", "人民法院", "人大常委会")
_ENUM_ENT = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)*[\u4e00-\u9fff]{2,6})等[^，。；,;]{0,10}?(企业|公司|厂家|家政企业)")
_ENUM_DEPT = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4})等(?:相关|有关)?(?:职能)?部门")


def _joint_verb_cut(text: str, start: int, end: int) -> int:
    """Where a name glued behind a joint-action verb begins (A联合B / A会同B …): the position
    after the last such verb in text[start:end] that has a body before it, else start."""
    best = start
    for v in ("联合", "会同", "携手", "协同", "联手"):
        k = text.rfind(v, start, end)
        while k >= 0:
            after = text[k + 2:k + 3]
            if k - start >= 2 and after and after not in "会体国社":
                before = text[start:k]
                if lx.org_label_of(before) is not None or before.endswith(("局", "厅", "委", "部", "办", "会", "司", "团")):
                    best = max(best, k + 2)
                    break
            k = text.rfind(v, start, k)
    return best


def _region_in_name(name: str, doc: Document) -> int:
    """The first province/city/county named inside an organisation name (full or short form),
    chosen with the document's context; -1 if none."""
    gz = lx.gazetteer()
    if gz.automaton is None:
        return -1
    ctx = doc.layers.get("region_context")
    context = [x for x in ((ctx[0].attrs.get("city", -1), ctx[0].attrs.get("province", -1)) if ctx else ()) if x >= 0]
    best = None
    for end, (surface, is_short) in gz.automaton.iter(name):
        start = end - len(surface) + 1
        cands = gz.by_short.get(surface, []) if is_short else gz.by_name.get(surface, [])
        cands = [c for c in cands if gz.get(c).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT)]
        if not cands or (is_short and gz.get(cands[0]).level not in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY)):
            continue
        rank = {lx.LEVEL_PROVINCE: 0, lx.LEVEL_CITY: 1}.get(gz.get(cands[0]).level, 2)
        # the most specific region named (无锡市新吴区总工会 → 新吴区), then the earliest
        if best is None or rank > best[3] or (rank == best[3] and start < best[0]):
            best = (start, len(surface), gz.choose(cands, context), rank)
    return best[2] if best else -1


def _display_name(doc: Document, place: int) -> str:
    """The fullest way the document writes a region (无锡市新吴区 rather than 新吴区), for composing
    the names of its bodies (全区产改工作联席会 → 无锡市新吴区产改工作联席会)."""
    gz = lx.gazetteer()
    best = gz.get(place).name
    if gz.get(place).level not in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT):
        return best           # a city keeps its own name (not 广西壮族自治区柳州市)
    for sp in doc.layers.get("regions", []):
        if sp.attrs.get("place") == place and not sp.attrs.get("contextual"):
            form = sp.attrs.get("prefixed") or ""
            if len(form) > len(best) and form.endswith(best):
                best = form
    return best


def _paragraph_region(doc: Document, pos: int, lookback: int = 0) -> int:
    """The latest region named (on its own or inside an organisation name) before pos in the
    same paragraph (or up to `lookback` paragraphs before it); -1 if none."""
    from reformkg.ingest.extract.common import paragraph_of

    if not doc.paragraphs:
        return -1
    ps = doc.paragraphs[max(0, paragraph_of(doc, pos) - lookback)][0]
    gz = lx.gazetteer()
    rank = {lx.LEVEL_PROVINCE: 0, lx.LEVEL_CITY: 1, lx.LEVEL_COUNTY: 2, lx.LEVEL_DISTRICT: 2}
    best, best_rank = -1, -1
    for sp in doc.layers.get("regions", []):
        if sp.start >= pos:
            break
        place = sp.attrs.get("place", -1)
        if sp.start >= ps and place is not None and place >= 0:
            r = rank.get(gz.get(place).level, -1)
            if r >= best_rank:          # the most specific, then the latest
                best, best_rank = place, r
    return best


def _focus_below(doc: Document, city: int) -> int:
    """The district or county of `city` that the document is about (named at least as often as
    the city itself, 全区/全县 included), else the city."""
    gz = lx.gazetteer()
    counts: dict[int, int] = {}
    for sp in doc.layers.get("regions", []):
        place = sp.attrs.get("place", -1)
        if place is not None and place >= 0:
            counts[place] = counts.get(place, 0) + 1
    below = [(n, p) for p, n in counts.items() if p != city and
             gz.get(p).level in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and gz.is_within(p, city)]
    if not below:
        return city
    n, p = max(below)
    return p if n >= counts.get(city, 0) and n >= 3 else city


def _fragment(name: str) -> bool:
    """A head without a name part (有限公司, 有限公司工会), or a union named only by a place or a
    collective (全省工会, 中国工会, 福建工会): not one body."""
    rest = name
    for _ in range(3):
        for h in ("工会", "股份有限公司", "有限责任公司", "有限公司", "公司", "集团"):
            if rest.endswith(h):
                rest = rest[: -len(h)]
                break
    if not rest or rest in ("有限", "股份", "责任"):
        return True
    if re.match(r"(各级|各|县区|市县|县市区|乡镇|镇街)", name) and not lx.gazetteer().candidates(name[:2]):
        return True       # 县区总工会 / 各市总工会: the bodies of every place, not one
    if name.endswith("工会") and not name.endswith("总工会"):
        body = name[:-2]
        if body in ("全省", "全市", "全县", "全区", "中国", "各级", "基层", "全国", "本级") or \
                lx.gazetteer().candidates(body):
            return True
    return False


def _generic(body: str) -> bool:
    """A name made only of generic words (企业工会, 基层工会, 中职学校): not a named body."""
    rest = body
    changed = True
    while rest and changed:
        changed = False
        for g in sorted(_GENERIC_BODY, key=len, reverse=True):
            if rest.startswith(g):
                rest = rest[len(g):]
                changed = True
                break
    return rest == ""


@lru_cache(maxsize=1)
def _industry_heads() -> tuple[str, ...]:
    return tuple(sorted(lx._read_lines("industry_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _dept_set() -> frozenset[str]:
    return frozenset(lx._read_lines("dept_bodies.txt"))


class _Cand:
    __slots__ = ("start", "end", "kind", "place", "prefix_char", "committee")

    def __init__(self, start: int, end: int, kind: str, place: int = -1, prefix_char: str = "",
                 committee: bool = False):
        self.start, self.end, self.kind, self.place = start, end, kind, place
        self.prefix_char = prefix_char
        self.committee = committee


class Orgs:
    name = "orgs"
    requires: tuple[str, ...] = ("lac", "lac_words", "regions")
    assigns: tuple[str, ...] = ("orgs", "mentions")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        words = Words(doc)
        regions = [sp for sp in doc.layers.get("regions", []) if not sp.attrs.get("contextual")]
        reg_by_end = {}
        for sp in regions:
            if sp.attrs.get("place", -1) >= 0 or sp.attrs.get("zone"):
                reg_by_end[sp.end] = sp
        cands: list[_Cand] = []
        # (b) committees: region + 委/政府/…, or a contextual 省/市/县/区 + 委
        for m in _COMMITTEE.finditer(text):
            s, e = m.span()
            head = m.group(1)
            if head == "委" and e < len(text) and text[e] in _NOT_AFTER_WEI:
                continue
            if head == "委" and e < len(text) and text[e] == "员":
                continue
            c = self._prefixed(doc, text, s, e, reg_by_end, head)
            if c is not None:
                c.committee = True
                cands.append(c)
        # (a) departments and strong heads
        for end, body in _dept_automaton().iter(text):
            s, e = end - len(body) + 1, end + 1
            if not words.is_end(e) and e < len(text) and is_cjk(text[e]) and body not in ("总工会", "工会") \
                    and body not in _STRONG_HEADS and text[e] not in "长副主书党召成部" and \
                    not text.startswith(("联合", "会同", "携手", "协同", "联手"), e):
                # the head must end a word (组织部门 is not 组织部)
                w = words.at(e - 1)
                if w is not None and w.end > e:
                    continue
            w_end = words.at(e - 1)
            if w_end is not None and w_end.end > e and w_end.start > s - 1 and body not in ("工会", "总工会"):
                continue      # the head's last character starts a longer word (学校 in 大学校企)
            w_st = words.at(s)
            if w_st is not None and w_st.start < s and s < w_st.end < e and len(body) <= 3:
                continue      # the head straddles a word boundary (河海大|学校)
            if body in _STRONG_HEADS and body not in _dept_set():
                c = self._extend_left(doc, text, words, s, e, reg_by_end, body)
                if c is not None:
                    cands.append(c)
                continue
            c = self._prefixed(doc, text, s, e, reg_by_end, body)
            if c is None:
                if s > 0 and is_cjk(text[s - 1]) and not words.is_start(s) and body not in ("总工会",):
                    continue
                if body in _TAIL_ONLY:
                    if body in ("党委", "党组") and text[e:e + 3].startswith(("书记", "副书记", "成员", "委员")):
                        continue
                    cands.append(_Cand(s, e, "tail"))
                    continue
                if re.search(r"(各|各级|各[省市县区]|县区|市县|县市区|乡镇|镇街)$", text[max(0, s - 3):s]):
                    continue      # 各县区总工会 / 各级人社局: the bodies of every place, not one
                c = _Cand(s, e, "dept")
            cands.append(c)
        # national bodies (党中央, 全总, 国务院 …)
        table, nat = _national()
        for end, key in nat.iter(text):
            if text[end + 1:end + 2] == "电":
                continue
            if key.endswith("部") and text[end + 1:end + 2] == "门":
                continue      # 人社部门: the departments in general, not the ministry
            cands.append(_Cand(end - len(key) + 1, end + 1, "national"))
        # (f) enumerations: A、B等…企业 → enterprises; 人社、财政等部门 → the region's departments
        cands.extend(self._enumerations(doc, text))
        # names with a parenthesised region (华虹半导体(无锡)有限公司)
        cands.extend(self._parenthesised(text, words))
        # a quoted institution's name (“X学院”, “X联合实验室”, “X创新工作室”)
        for m in _QUOTED_INST.finditer(text):
            cands.append(_Cand(m.start(1), m.end(1), "strong", -1))
        # (c) tagger ORG spans
        for sp in doc.layers.get("lac", []):
            if sp.label != "ORG":
                continue
            surface = text[sp.start:sp.end]
            start = sp.start
            # the tagger sometimes glues coordinated names (A与B大学): keep the last conjunct
            k = max(surface.rfind(ch) for ch in "与和及、")
            if k >= 0:
                surface = surface[k + 1:]
                start = sp.start + k + 1
            k = max(surface.rfind(v) for v in ("联合", "会同", "携手", "协同"))
            if 2 <= k and len(surface) - k - 2 >= 3:
                # A联合B: the tagger glued two bodies and the verb (B is the one spanned here)
                surface = surface[k + 2:]
                start += k + 2
            for verb in _LEAD_VERBS:
                # 联合市总工会: the tagger glued the verb of a joint action to the name
                if surface.startswith(verb) and len(surface) - len(verb) >= 3:
                    surface = surface[len(verb):]
                    start += len(verb)
                    break
            if len(surface) < 2 or not all(is_cjk(ch) for ch in surface):
                continue
            lead = [n for n in lx.gazetteer().automaton.iter(surface[:6]) if n[0] - len(n[1][0]) + 1 == 0] \
                if lx.gazetteer().automaton is not None else []
            if lead and not any(r.start == start for r in regions):
                # 会同县经发局: the regions component refused 会同县 (会同 = "together with"),
                # so the name starts at its 县
                full = max((n[1][0] for n in lead), key=len)
                if full[-1] in "省市县区" and len(full) < len(surface):
                    start += len(full) - 1
                    surface = surface[len(full) - 1:]
            if surface[0] in _BAD_START or surface.endswith(_LAC_ORG_BAD_END):
                continue
            if text[sp.end:sp.end + 1] in ("城", "园", "区"):
                continue
            if sp.start > 0 and text[sp.start - 1] in "“\"《":
                continue
            end = sp.end
            # cut a trailing non-name word glued by the tagger (长城汽车合作, 新华社电)
            label = lx.org_label_of(surface)
            if label is None:
                for k in range(len(surface) - 1, 1, -1):
                    if surface[k:] not in _GLUED_TAILS:
                        continue
                    if lx.org_label_of(surface[:k]) is not None and \
                            any(surface[:k].endswith(h) and len(h) >= 2 for h in lx.org_heads_sorted()):
                        end = start + k
                        label = lx.org_label_of(surface[:k])
                        break
            if label is None and start + len(surface) == end:
                # a bare name: only as an employer (X职工) or followed by a company word
                if not text[end:end + 2] in ("职工", "员工", "工人", "公司", "集团", "企业"):
                    continue
            for sub in ("女工委", "女职工委员会"):
                if text[start:end].endswith(sub) and end - start > len(sub) + 2 and text[end:end + 3].startswith(
                        ("主任", "副主任", "部长", "副部长", "主席", "副主席", "委员")):
                    end -= len(sub)       # 女工委部长 is a title of the body before it
            if text[start:end] in lx.org_heads() or text[start:end] in _TAIL_ONLY:
                continue
            if text[end - 1:end] == "社" and text[end:end + 1] == "电":
                continue
            cands.append(_Cand(start, end, "lac"))
        # (e) short proper name + industry head (X药业, X化纤) in lists
        cands.extend(self._industry(text, words))
        shared = self._shared_head(doc, text, words) + self._short_unions(doc, text, words)
        cands = self._combine(text, cands)
        mentions: list[Mention] = []
        spans: list[Span] = []
        last_committee: Mention | None = None
        self._pending = mentions
        for c in cands:
            m = self._mention(doc, text, c)
            if m is None:
                continue
            if c.kind == "dept" and last_committee is not None and m.span.start - last_committee.span.end <= 10 and \
                    re.fullmatch(r"[\u4e00-\u9fff]{0,8}、", text[last_committee.span.end:m.span.start]):
                # 市委常委、组织部部长: the department of the committee just named
                base = last_committee.normalised
                m.normalised = lx.expand_abbreviation(base + m.surface if m.surface in PARTY_DEPTS
                                                      else base[:-1] + m.surface if base.endswith("委") else m.normalised)
                for k in ("place", "region"):
                    if k in last_committee.attrs:
                        m.attrs[k] = last_committee.attrs[k]
            if m.surface.endswith("委") and m.label == "Agency":
                last_committee = m
            mentions.append(m)
            spans.append(m.span)
        for m in shared:
            if not any(o.span.start < m.span.end and m.span.start < o.span.end for o in mentions):
                mentions.append(m)
                spans.append(m.span)
        set_up = self._set_up_bodies(doc, text, mentions)
        mentions.extend(set_up)
        spans.extend(m.span for m in set_up)
        parents = self._parent_firms(doc, text, mentions)
        mentions.extend(self._firm_short_names(doc, text, mentions))
        doc.layers["orgs"] = spans
        add_mentions(doc, mentions)
        # derived parents lie inside their body's mention: added past the overlap rule
        doc.mentions.extend(m for m in parents if any(o is not m and o.span.start == m.span.start and
                                                        o.span.end > m.span.end for o in doc.mentions))
        return doc

    def _set_up_bodies(self, doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
        """A body that an organisation sets up (X总工会成立Y领导小组; 市人社局牵头成立Y工作专班) is
        named with its parent: X总工会Y领导小组 (a union's group is a Union, others Agencies);
        the bare name is an alias."""
        out: list[Mention] = []
        by_end = {}
        for m in mentions:
            if m.label in ("Union", "Agency", "Enterprise", "Institution"):
                by_end[m.span.end] = m
        for m in _SET_UP_RE.finditer(text):
            gap_s = m.start()
            parent = None
            for k in range(gap_s, max(-1, gap_s - 5), -1):
                if k in by_end and re.fullmatch(r"(牵头|专门|还|又|先后|率先|已|已经|及时|随即|联合)*", text[k:gap_s]):
                    parent = by_end[k]
                    break
            if parent is None:
                continue
            bs, be = m.start(2), m.end(2)
            core = text[bs:be]
            if _generic(core[: -len(m.group(3))]) and len(core) - len(m.group(3)) < 2:
                continue
            if any(ch in core for ch in "的了和与及、"):
                continue
            label = "Union" if parent.label == "Union" else "Agency"
            name = parent.normalised + core
            existing = [o for o in mentions if o.span.start >= bs and o.span.end <= be]
            for o in existing:
                if o.span.start == bs and o.span.end == be:
                    o.normalised, o.label = name, label
                    o.span.label = label
                    o.attrs.setdefault("aliases", []).append(core)
                    for key in ("place", "region"):
                        if key in parent.attrs:
                            o.attrs[key] = parent.attrs[key]
                    break
            else:
                if existing:
                    continue
                sp = Span(bs, be, label, doc.sentence_of(bs), self.name, {"kind": "set-up"})
                attrs = {k: v for k, v in parent.attrs.items() if k in ("place", "region")}
                attrs["aliases"] = [core]
                out.append(Mention(sp, label, core, name, attrs))
        return out

    @staticmethod
    def _short_unions(doc: Document, text: str, words: Words) -> list[Mention]:
        """省总/市总/县总/区总 standing alone (县总成立…, 省总、市总和县总): the federation of
        trade unions of the context region."""
        out = []
        for m in _SHORT_UNION_RE.finditer(text):
            s = m.start()
            e = s + 2
            if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in "和与及由在将对向把从是为、":
                continue
            w = words.at(s + 1)
            if not ((w is not None and w.start == s + 1 and w.end == e) or text[e:e + 1] in "、，。；：,"):
                continue
            if text[e:e + 1] and text[e] in "工":
                continue
            place = context_place(doc, s, m.group(1))
            if place < 0:
                continue
            span = Span(s, e, "Union", doc.sentence_of(s), "orgs", {"kind": "short-union"})
            out.append(Mention(span, "Union", text[s:e], _display_name(doc, place) + "总工会",
                               {"place": place, "region": lx.gazetteer().get(place).name}))
        return out

    def _shared_head(self, doc: Document, text: str, words: Words) -> list[Mention]:
        """A、B、C(3个)产业链党建联盟: each listed name with the shared head, in the region
        written before the list or the paragraph's region (沛县A产业链党建联盟)."""
        gz = lx.gazetteer()
        out = []
        for m in _SHARED_ORG_RE.finditer(text):
            items = m.group(1).split("、")
            head = m.group(3)
            base = m.start(1)
            # the first item may carry the verb before it (成立A): keep its name words
            w = words.at(base)
            while w is not None and w.label in ("v", "vd", "d", "p", "ad") and w.end < base + len(items[0]):
                items[0] = text[w.end:base + len(items[0])]
                base = w.end
                w = words.at(base)
            if any(len(it) < 2 or re.search(r"[的和与及了在等]", it) for it in items):
                continue
            place = -1
            for sp in doc.layers.get("regions", []):
                if sp.end == base and not sp.attrs.get("contextual") and (sp.attrs.get("place", -1) or -1) >= 0:
                    place = sp.attrs["place"]
            if place < 0:
                place = self._nearest_region(doc, base)
            label = lx.org_label_of(items[-1] + head) or "Institution"
            pos = base
            for it in items:
                s_, e_ = pos, pos + len(it)
                pos = e_ + 1
                name = it + head
                attrs: dict = {"aliases": [name]}
                if place >= 0:
                    attrs["place"] = place
                    attrs["region"] = gz.get(place).name
                    name = _display_name(doc, place) + name
                span = Span(s_, e_, label, doc.sentence_of(s_), self.name, {"kind": "shared-head"})
                out.append(Mention(span, label, it, name, attrs))
        return out

    # ------------------------------------------------------------------------------------------
    @staticmethod
    def _firm_short_names(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
        """A firm named in full is written later without its region and company tail
        (宁波X精密机械有限公司 → X精密机械): those short names are mentions of it."""
        gz = lx.gazetteer()
        taken = bytearray(len(text) + 1)
        for m in mentions:
            for i in range(m.span.start, m.span.end):
                taken[i] = 1
        out: list[Mention] = []
        seen: set[str] = set()
        for m in mentions:
            name = m.normalised
            if m.label != "Enterprise" or len(name) < 8 or name in seen:
                continue
            seen.add(name)
            core = name
            for end, (surface, _is_short) in (gz.automaton.iter(core[:6]) if gz.automaton is not None else []):
                if end + 1 == len(surface) and len(core) - len(surface) >= 6:
                    core = core[len(surface):]
            for tail in ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "公司"):
                if core.endswith(tail):
                    core = core[: -len(tail)]
                    break
            if len(core) < 4 or core == name or not all(is_cjk(ch) for ch in core) or core in _GENERIC_BODY:
                continue
            if lx.org_label_of(core) is not None and core.endswith(("集团",)) is False and lx.org_label_of(core) != "Enterprise":
                continue
            part = core
            for _ in range(3):
                h = next((h for h in _industry_heads() if part.endswith(h) and len(part) > len(h)), None)
                if h is None:
                    break
                part = part[: -len(h)]
            if len(part) < 2 or part in _GENERIC_BODY or part in _GENERIC_PLACE_WORDS:
                continue          # 精密机械 alone is a trade, not a name
            k = text.find(core, m.span.end)
            while k >= 0:
                e = k + len(core)
                if not any(taken[k:e]) and (k == 0 or not is_cjk(text[k - 1]) or text[k - 1] in "的在和与及、了是为由对向到从将把被") \
                        and not text.startswith(("有限", "公司", "集团", "股份"), e):
                    sp = Span(k, e, "Enterprise", doc.sentence_of(k), "orgs", {"kind": "short-name"})
                    out.append(Mention(sp, "Enterprise", core, name, dict(m.attrs)))
                    for i in range(k, e):
                        taken[i] = 1
                k = text.find(core, e)
        return out

    @staticmethod
    def _parent_firms(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
        """A firm named only as the owner of a body (X集团公司产改领导小组, X有限公司工会): a
        derived Enterprise mention, an entity of its own only when the text also names the firm
        otherwise (resolve merges it with a shorter form, 市X集团, and keeps the fuller name)."""
        out: list[Mention] = []
        for m in mentions:
            if m.label not in ("Agency", "Union"):
                continue
            name = m.normalised
            k = max(name.rfind(t) + len(t) if name.rfind(t) >= 0 else -1 for t in ("有限公司", "集团公司", "公司", "集团"))
            if k < 5 or k >= len(name) or lx.org_label_of(name[:k]) != "Enterprise":
                continue
            if text[m.span.start:m.span.start + k] != name[:k] or "等" in name[:k]:
                continue          # only a name written out in full
            sp = Span(m.span.start, m.span.start + k, "Enterprise", m.span.sentence, "orgs", {"kind": "parent"})
            attrs = {"derived_from": name}
            for key in ("place", "region"):
                if key in m.attrs:
                    attrs[key] = m.attrs[key]
            out.append(Mention(sp, "Enterprise", name[:k], name[:k], attrs))
        return out

    @staticmethod
    def _prefixed(doc: Document, text: str, s: int, e: int, reg_by_end: dict, body: str) -> _Cand | None:
        """A body preceded by a region (泗洪县+委) or a contextual prefix char (省+总工会)."""
        if s in reg_by_end:
            r = reg_by_end[s]
            start = r.start
            if start >= 2 and text[start - 2:start] == "中共":
                start -= 2
            return _Cand(start, e, "prefixed", r.attrs.get("place", -1))
        if s >= 2 and text[s - 2:s] == "全国" and body in ("人大", "政协", "总工会", "妇联", "工商联", "人大常委会"):
            return _Cand(s - 2, e, "national")
        if s >= 3 and text[s - 3:s] == "自治区" and (s < 4 or not is_cjk(text[s - 4]) or text[s - 4] in "、，在由和与及的为对"):
            return _Cand(s - 3, e, "contextual", prefix_char="省")
        if s > 0 and text[s - 1] in "省市县区州旗":
            ch = text[s - 1]
            # 区区委: OCR-doubled suffix after a region name
            if s - 1 in reg_by_end and reg_by_end[s - 1].attrs.get("name", "").endswith(ch):
                r = reg_by_end[s - 1]
                return _Cand(r.start, e, "prefixed", r.attrs.get("place", -1))
            if s >= 2 and is_cjk(text[s - 2]) and text[s - 2] not in "、，。：；（(“在由和与及的为对向将把从到是等" and \
                    not text[s - 2:s] in ("全省", "全市", "全县", "全区", "我省", "我市", "我县", "我区"):
                # the char belongs to a longer word (城市总工会?): only when it is not a region end
                if s - 1 not in reg_by_end:
                    return None
            return _Cand(s - 1, e, "contextual", prefix_char=ch)
        if body in ("委",):
            return None
        return None

    @staticmethod
    def _extend_left(doc: Document, text: str, words: Words, s: int, e: int, reg_by_end: dict, head: str) -> _Cand | None:
        """Strong head: extend left over name-like words (≤ 12 characters), through a region."""
        start = s
        w_here = words.at(s)
        if w_here is not None and w_here.start < s:
            k = s
            while k > w_here.start and is_cjk(text[k - 1]):
                k -= 1
            start = k                 # head glued to the word before it (三方委员会, 。智能研究院)
            if text[k:k + 2] in _LEAD_VERBS:
                return None           # 联合市总工会: a verb glued to the name (see the tagger spans)
            j = _joint_verb_cut(text, k, s)
            if j > k:
                # A联合B总工会: the tagger glued two bodies and the verb; B starts after it
                start = k = j
                if s - start < 1:
                    return None
                if text[start] in "省市县区" and start + 1 < s + 1:
                    return _Cand(start, e, "contextual", prefix_char=text[start]) if start + 1 == s else \
                        _Cand(start, e, "strong", -1)
                return _Cand(start, e, "strong", -1)
            if k > w_here.start:
                if s - start < 2:
                    return None
                return _Cand(start, e, "strong", -1) if not _generic(text[start:s]) else _Cand(start, e, "generic")
        if start == s and s >= 2 and text[s - 1] == " " and text[s - 2] != " ":
            # a heading or credit line that spaces its parts (X总工会 干部学校): the body before
            # the space is the parent of the head
            w_prev = words.at(s - 2)
            if w_prev is not None and w_prev.label == "ORG" and lx.org_label_of(text[w_prev.start:w_prev.end]) and \
                    head in ("干部学校", "学校", "学院", "研究院", "培训中心", "活动中心", "服务中心", "研究中心"):
                return _Cand(w_prev.start, e, "strong", -1)
        i = words.index_at(start - 1) if start > 0 else -1
        n = s - start
        place = -1
        before_verb = -1          # where the name stood before a verb word was crossed
        while i >= 0:
            w = words.spans[i]
            if w.end != start:
                break
            if start in reg_by_end:
                r = reg_by_end[start]
                start = r.start
                place = r.attrs.get("place", -1)
                if start >= 2 and text[start - 2:start] == "中共":
                    start -= 2
                break
            frag = text[w.start:w.end]
            if w.label == "v" and len(frag) == 2 and frag not in _LEAD_VERBS and \
                    before_verb < 0 and n + 2 <= 10 and head in ("委员会", "联席会议", "领导小组", "协会", "联合会"):
                # a verb inside a long body name (江苏省家政行业协调劳动关系三方委员会): kept only
                # when the name reaches a region further left
                before_verb = start
                n += 2
                start = w.start
                i -= 1
                continue
            if text[max(0, start - 2):start] == "产改":
                n += 2
                start -= 2
                i = words.index_at(start - 1) if start > 0 else -1
                continue
            if w.label not in _NAME_TAGS or text[w.start] in _BAD_START or frag in _DISCOURSE_WORDS:
                break
            if text[w.end - 1] in "与和及" and w.label in ("ORG", "nz", "n"):
                break        # a name glued to a conjunction (长虹与|电子科技大学)
            if any(not is_cjk(ch) and ch not in "()（）" for ch in text[w.start:w.end]):
                break
            if n == 0 and head in _SUB_BODIES and w.label == "ORG" and w.end - w.start <= 24 and \
                    lx.org_label_of(frag) in ("Enterprise", "Institution") and frag[0] not in _BAD_START:
                start = w.start       # X有限公司 + 工会: the union of the firm the tagger spanned
                break
            if n + (w.end - w.start) > 12:
                break
            n += w.end - w.start
            start = w.start
            i -= 1
        if before_verb >= 0 and place < 0 and not (start < s and start in reg_by_end):
            start = before_verb       # no region reached: the verb is not part of the name
        if place < 0 and start < s and start in reg_by_end:
            # the region right before the name words (姜堰区|产改联席会议 when the tagger glued
            # the region to the next word)
            r = reg_by_end[start]
            start, place = r.start, r.attrs.get("place", -1)
        if start == s and s > 0 and text[s - 1] == "”":
            q = text.rfind("“", max(0, s - 16), s - 1)
            if q >= 0 and "”" not in text[q:s - 1]:
                start = q             # “红蜻蜓”产业工人学院
        if start < s and text[start - 1:start + 1] in _GLUED_BIGRAMS:
            start += 1                # 其中|正泰集团: the tagger glued 中 to the name
        if start >= 2 and text[start - 2:start] in ("全省", "全市", "全县", "全区") and place < 0 and \
                head in ("联席会议", "联席会", "领导小组", "委员会"):
            return _Cand(start - 2, e, "contextual", prefix_char=text[start - 1])
        if start > 0 and text[start - 1] in "省市县区州旗" and start - 1 not in reg_by_end:
            ch = text[start - 1]
            if start < 2 or not is_cjk(text[start - 2]) or text[start - 2] in "、，。在由和与及的为对向将把从是等":
                return _Cand(start - 1, e, "contextual", prefix_char=ch)
        if start == s:
            return None
        if place < 0 and _generic(text[start:s]):
            return _Cand(start, e, "generic")
        return _Cand(start, e, "strong", place)

    @staticmethod
    def _industry(text: str, words: Words) -> list[_Cand]:
        out = []
        heads = _industry_heads()
        for i, w in enumerate(words.spans):
            if w.label not in ("n", "nz", "ORG", "LOC", "PER", "j", "vn", "s"):
                continue
            frag = text[w.start:w.end]
            if w.label == "s" and (frag in _GENERIC_PLACE_WORDS or not (
                    i + 1 < len(words.spans) and text[words.spans[i + 1].start:words.spans[i + 1].end] in heads)):
                continue      # a place word (南方) only before an industry head (南方光纤)
            for h in heads:
                if frag.endswith(h) and len(frag) > len(h):
                    break
            else:
                h = None
            # a name word followed by an industry head word
            nxt = words.spans[i + 1] if i + 1 < len(words.spans) else None
            if h is None and nxt is not None and text[nxt.start:nxt.end] in heads and 2 <= (w.end - w.start) <= 4:
                s, e = w.start, nxt.end
            elif h is not None and 4 <= len(frag) <= 8:
                s, e = w.start, w.end
            else:
                continue
            prev = text[s - 1] if s > 0 else "。"
            after = text[e:e + 2]
            if prev not in "、，,。：:；（(“\n 与和及树" and not (i > 0 and words.spans[i - 1].label in ("v",)):
                continue
            nxt_w = words.at(e) if e < len(text) else None
            if not (after[:1] in ("、", "，", ",", "。", "等", "和", "与", "(", "（", "；", "在", "：", ":") or
                    after in ("公司", "集团", "有限") or
                    (prev in "。\n，,：:" and nxt_w is not None and nxt_w.label in ("v", "vd", "d", "p", "ad"))):
                continue
            name = text[s:e]
            if not all(is_cjk(ch) for ch in name) or name[0] in _BAD_START:
                continue
            if name.startswith(("企业", "行业", "产业", "公司", "职工", "文化", "品牌", "基础", "项目")):
                continue      # 企业文化建设: a generic activity, not a named firm
            out.append(_Cand(s, e, "industry"))
        return out

    @staticmethod
    def _combine(text: str, cands: list[_Cand]) -> list[_Cand]:
        """Join an organisation and the sub-body or department written right after it
        (泗洪县委 + 组织部, 镇江港务集团有限公司 + 工会), then keep the longest non-overlapping."""
        by_start: dict[int, list[_Cand]] = {}
        for c in cands:
            by_start.setdefault(c.start, []).append(c)
        changed = True
        rounds = 0
        while changed and rounds < 4:
            changed = False
            rounds += 1
            new = []
            for c in cands:
                for d in by_start.get(c.end, []):
                    if d.kind in ("dept", "lac", "strong", "industry", "tail", "generic") and d.end > c.end and \
                            c.kind not in ("tail", "generic"):
                        body = text[d.start:d.end]
                        if body in ("女工委", "女职工委员会") and text[d.end:d.end + 3].startswith(
                                ("主任", "副主任", "部长", "副部长", "主席", "副主席", "委员")):
                            continue        # 女工委部长: part of the title, not a separate body
                        if body in _dept_set() or body.endswith(_SUB_BODIES) or d.kind in ("dept", "tail", "generic") or \
                                (d.kind == "strong" and d.place < 0 and lx.org_label_of(text[c.start:c.end]) is not None
                                 and text[c.start:c.end].endswith(("工会", "委", "局", "厅", "政府"))):
                            nc = _Cand(c.start, d.end, c.kind, c.place, c.prefix_char, False)
                            key = (nc.start, nc.end)
                            if not any((x.start, x.end) == key for x in cands + new):
                                new.append(nc)
            if new:
                changed = True
                cands = cands + new
                for c in new:
                    by_start.setdefault(c.start, []).append(c)
        cands = [c for c in cands if c.kind not in ("tail", "generic")]
        cands.sort(key=lambda c: (-(c.end - c.start), c.start))
        taken = bytearray(len(text) + 1)
        out = []
        for c in cands:
            if any(taken[c.start:c.end]):
                continue
            for i in range(c.start, c.end):
                taken[i] = 1
            out.append(c)
        out.sort(key=lambda c: c.start)
        return out

    def _mention(self, doc: Document, text: str, c: _Cand) -> Mention | None:
        gz = lx.gazetteer()
        gp = _GENERIC_ENT_PREFIX.match(text, c.start, c.end)
        if gp is None and text.startswith("企业", c.start) and not text.startswith(("企业管", "企业服"), c.start):
            q = _GENERIC_ENT_PREFIX.search(text, max(0, c.start - 8), c.start + 2)
            gp = q if q is not None and q.end() == c.start + 2 else None
        if gp is not None and c.end - gp.end() >= 4 and c.kind not in ("national", "contextual", "dept", "dept_stem"):
            # 试点企业X有限公司 / 龙头企业X集团: the category is not part of the name
            c = _Cand(gp.end(), c.end, c.kind, c.place if c.place >= 0 and c.kind != "strong" else -1, c.prefix_char)
        surface = text[c.start:c.end]
        if c.kind != "national" and _PLURAL_PLACES.search(text, max(0, c.start - 3), c.start) and \
                lx.org_label_of(surface) in ("Union", "Agency") and not gz.candidates(surface[:2]):
            return None       # 各市总工会 / 县区人社局: the bodies of every place, not one
        if text[c.end:c.end + 4].startswith(_PUBLICATION_WORDS) or text[c.end:c.end + 1] == "讯":
            return None       # a masthead (X工会简报) or a dateline (X日报讯), not the body acting
        for dw in _DISCOURSE_WORDS:
            if surface.startswith(dw) and len(surface) - len(dw) >= 2:
                if lx.org_label_of(surface[len(dw):]) is None or surface[len(dw):] in lx.org_heads():
                    return None   # 下一步集团将…: a discourse word before a bare head
                c = _Cand(c.start + len(dw), c.end, c.kind, c.place, c.prefix_char)
                surface = surface[len(dw):]
                break
        if surface.endswith(("人大", "政协")) and re.match(r"(代表|委员)(中|比|占|人数|里|共|\d|名)", text[c.end:c.end + 4]):
            return None           # 市人大代表中…: a status of unnamed people, not the body acting
        if surface.endswith("工作室"):
            core = re.sub(r"(劳模和工匠人才|劳模和工匠|工匠人才|劳模|工匠|技能大师|大师|职工|技术|技能|创新)*工作室$", "", surface)
            if len(core) < 2 or core in _GENERIC_BODY or core[0] in _BAD_START:
                return None       # 劳模创新工作室 / 工匠人才创新工作室: a kind of studio, not a named one
        if surface.endswith("分公司") and not gz.candidates(surface[:2]) and c.place < 0 and (
                surface.startswith(("集团", "公司", "总公司", "该", "本")) or len(surface) <= 6):
            return None       # 集团X分公司 / 隧道分公司: a branch named by its trade only, not a name
        if surface.endswith(("联席会议办公室", "领导小组办公室")) and surface[:2] in ("联席", "领导"):
            return None       # 联席会议办公室: the office of a body not named here
        if c.kind == "national":
            table, _ = _national()
            canon, label = table.get(surface, (lx.expand_abbreviation(surface), lx.org_label_of(surface) or "Agency"))
            if surface.startswith("全国") and surface not in table:
                canon = lx.expand_abbreviation(surface)
            span = Span(c.start, c.end, label, doc.sentence_of(c.start), self.name, {"kind": c.kind})
            return Mention(span, label, surface, canon, {})
        if surface in ("公司工会", "集团工会", "企业工会", "该公司工会", "该企业工会", "厂工会"):
            # the union of the enterprise named last in the paragraph
            ent = self._last_enterprise(doc, c.start)
            if ent is None:
                return None
            span = Span(c.start, c.end, "Union", doc.sentence_of(c.start), self.name, {"kind": "derived"})
            return Mention(span, "Union", surface, ent.normalised + "工会",
                           {k: v for k, v in ent.attrs.items() if k in ("place", "region")})
        label = "Agency" if c.kind == "dept_stem" else lx.org_label_of(surface)
        if _fragment(surface):
            return None
        if c.kind == "enum_ent":
            label = "Enterprise"
        if label is None:
            if c.kind in ("lac", "industry"):
                label = "Enterprise"
            else:
                return None
        if c.kind == "lac" and label == "Enterprise" and len(surface) > 10:
            return None
        joint = re.search(r"(?<=.{2})(共建|共办|合办|联办|携手|合作建立|合作共建)(?=..)", surface) \
            if label == "Institution" else None
        if joint is not None:
            # 与X学院共建产业学院: a joint action, not one body's name; the partner named before
            # the verb is the body
            head = surface[: joint.start()]
            if lx.org_label_of(head) is None:
                return None
            return self._mention(doc, text, _Cand(c.start, c.start + joint.start(), c.kind, c.place, c.prefix_char))
        if label == "Institution" and c.place < 0 and not _region_in_name(surface, doc) >= 0 and \
                re.match(r"等?(特色|创新|典型|先进|有效|好的)?(做法|经验|模式|举措)", text[c.end:c.end + 8]):
            return None       # 形成了X联盟等特色做法: a practice, not an actor
        normalised = surface.replace(" ", "")
        place = c.place
        attrs: dict = {}
        if c.kind in ("lac", "strong", "industry", "contextual") and surface[0] in "省市县区" and c.place < 0 and \
                re.search(r"(各|[省市县区]|乡镇|镇街)$", text[max(0, c.start - 2):c.start]) and \
                c.start - 1 not in {sp.end - 1 for sp in doc.layers.get("regions", []) if sp.end == c.start}:
            return None       # 各县区产改联席会 / 市县总工会: bodies of every county, not one
        if c.kind in ("lac", "strong", "industry") and surface[0] in "省市县区州旗" and c.place < 0 and \
                not gz.candidates(surface[:2]) and not any(surface.startswith(n) for n in ("市场", "区域", "县域", "省级", "市级")):
            c = _Cand(c.start, c.end, "contextual", prefix_char=surface[0])
        if label == "Agency" and c.kind in ("lac", "strong") and c.place < 0 and not any(
                surface.endswith(h) and len(h) >= 2 for h in lx.org_heads_sorted()) and not any(
                surface.endswith(d) for d in _dept_set()):
            return None
        if c.kind == "contextual":
            place = context_place(doc, c.start, c.prefix_char)
            plen = 3 if surface.startswith("自治区") else 2 if surface[:2] in ("全省", "全市", "全县", "全区") else 1
            if place >= 0:
                rest = surface[plen:]
                if rest.startswith("总") and not rest.startswith("总工会"):
                    rest = "总工会" + rest[1:]      # 省总职工… = 省总工会职工…
                normalised = _display_name(doc, place) + rest
        elif c.kind == "dept_stem":
            place = self._nearest_region(doc, c.start)
            if place < 0:
                return None
            p = gz.get(place)
            head = "厅" if p.level == lx.LEVEL_PROVINCE else "局"
            label = "Agency"
            normalised = _display_name(doc, place) + surface + head
        elif c.kind == "dept":
            # a bare department: belongs to the paragraph's region (its party committee for
            # party departments)
            place = self._nearest_region(doc, c.start)
            if place >= 0:
                rname = _display_name(doc, place)
                normalised = rname + ("委" if surface in PARTY_DEPTS else "") + surface
        elif c.kind in ("prefixed", "strong") and place >= 0:
            p = gz.get(place)
            # 区区委 (doubled) and short forms (无锡 + 市总工会 is already prefixed)
            rest = surface
            for sp in doc.layers.get("regions", []):
                if sp.start == c.start or (c.start + 2 == sp.start and surface.startswith("中共")):
                    rest = text[sp.end:c.end]
                    rs = text[sp.start:sp.end]
                    if rest.startswith(p.name[-1]) and rest[1:2] == "委" and p.name.endswith(rest[0]):
                        rest = rest[1:]
                    if rs != p.name and p.name.endswith("自治州") and rs.endswith("州"):
                        rs = p.name       # 延边州人社局: the prefecture's full name
                    normalised = (surface[:2] if surface.startswith("中共") else "") + rs + rest
                    break
            if normalised.startswith("中共") and label == "Agency":
                normalised = normalised[2:]
        if place >= 0:
            attrs["place"] = place
            attrs["region"] = gz.get(place).name
        elif c.kind in ("lac", "strong", "industry", "enum_ent", "paren"):
            # a region written inside the name (无锡物联网研究院, 中国石化南京化学工业有限公司)
            inner = _region_in_name(surface, doc)
            if inner >= 0 and label in ("Enterprise", "Institution") and \
                    gz.get(inner).level == lx.LEVEL_CITY:
                # a firm or institute named after its city, in a paragraph about one of that
                # city's districts or counties, stands in that district
                near = _paragraph_region(doc, c.start, lookback=1)
                if near < 0 or near == inner:
                    near = _focus_below(doc, inner)
                if near >= 0 and near != inner and gz.get(near).level in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and \
                        gz.is_within(near, inner):
                    inner = near
                    attrs["region_from_context"] = True
            if inner >= 0 and label == "Enterprise" and gz.get(inner).level == lx.LEVEL_PROVINCE:
                # a firm registered under its province's name (江苏X有限公司) in a passage about
                # one of that province's cities stands in that city
                near = _paragraph_region(doc, c.start, lookback=1)
                if near < 0:
                    ctx = doc.layers.get("region_context")
                    near = ctx[0].attrs.get("city", -1) if ctx else -1
                if near >= 0 and near != inner and gz.get(near).level in (lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) \
                        and gz.is_within(near, inner):
                    inner = near
                    attrs["region_from_context"] = True
            if inner >= 0:
                attrs["place"] = inner
                attrs["region"] = gz.get(inner).name
            elif label in ("Enterprise", "Institution") and not surface.startswith(("中央", "中国", "全国", "国家", "中华")):
                # an enterprise or school named in a paragraph about a region is in that region
                # universities stand on their own names; schools and firms belong to the place
                ctx_place = -1 if surface.endswith("大学") else _paragraph_region(
                    doc, c.start, lookback=1 if label == "Enterprise" else 0)
                if ctx_place >= 0 and label == "Enterprise" and gz.get(ctx_place).level == lx.LEVEL_CITY:
                    ctx_place = _focus_below(doc, ctx_place)
                if ctx_place >= 0:
                    attrs["place"] = ctx_place
                    attrs["region"] = gz.get(ctx_place).name
                    attrs["region_from_context"] = True
        normalised = lx.expand_abbreviation(normalised)
        for short, full in (("女工委", "女职工委员会"),):
            if short in normalised and not normalised.endswith(short):
                normalised = normalised.replace(short, full)
        if normalised.endswith("办公室") and lx.org_label_of(normalised[:-3]) is not None and len(normalised) > 7 and \
                not normalised[:-3].endswith(("政府", "委", "党组")):
            normalised = normalised[:-3]      # X领导小组办公室 acts for the group; 政府办公室 is a body
        normalised = _GOV_RE.sub(r"\1人民政府", normalised)
        for zsp in doc.layers.get("regions", []):
            if zsp.start != c.start or zsp.attrs.get("contextual"):
                continue
            if zsp.attrs.get("zone") and zsp.end < c.end and text[zsp.end:zsp.end + 1] not in "(（":
                attrs["zone"] = zsp.attrs.get("name", text[zsp.start:zsp.end])   # 襄阳高新区工会: in the zone
                break
            suf = next((z for z in _ORG_ZONE_SUFFIXES if text.startswith(z, zsp.end)), None)
            if suf and zsp.end + len(suf) < c.end and text[zsp.end + len(suf):zsp.end + len(suf) + 1] not in "(（":
                attrs["zone"] = text[zsp.start:zsp.end + len(suf)]
                break
        if normalised.endswith("联席会") and text.count("联席会议") >= 2:
            normalised += "议"    # X联席会 in a text that calls the body 联席会议: its standard name
        sid = doc.sentence_of(c.start)
        span = Span(c.start, c.end, label, sid, self.name, {"kind": c.kind})
        return Mention(span, label, surface, normalised, attrs)

    @staticmethod
    def _parenthesised(text: str, words: Words) -> list[_Cand]:
        out = []
        for m in _PAREN_RE.finditer(text):
            a = m.start(1)
            first_end = m.end(1)
            # keep the name words at the end of the first group
            j = words.index_at(first_end - 1)
            start = first_end
            while j >= 0 and words.spans[j].start >= a and \
                    words.spans[j].label in ("ORG", "nz", "n", "j", "nw", "LOC", "PER", "eng", "vn", "m"):
                start = words.spans[j].start
                j -= 1
            if text[start] in "和与及" and first_end - start > 3:
                start += 1          # 和信达半导体: the tagger glued the conjunction
            if first_end - start < 2 or text[start] in _BAD_START:
                continue
            out.append(_Cand(start, m.end(), "paren"))
        return out

    def _last_enterprise(self, doc: Document, pos: int) -> Mention | None:
        from reformkg.ingest.extract.common import paragraph_of

        ps = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
        best = None
        for m in self._pending:
            if m.label == "Enterprise" and ps <= m.span.start and m.span.end <= pos:
                best = m
        return best

    def _enumerations(self, doc: Document, text: str) -> list[_Cand]:
        out = []
        words = Words(doc)
        for m in _ENUM_ENT.finditer(text):
            items = m.group(1)
            base = m.start(1)
            # the first item: the name words at its end (the match may start inside a verb)
            first_end = base + len(items.split("、")[0])
            j = words.index_at(first_end - 1)
            start = first_end
            while j >= 0 and words.spans[j].start >= base and words.spans[j].end <= first_end and \
                    words.spans[j].label in ("ORG", "nz", "n", "j", "nw", "PER") and first_end - words.spans[j].start <= 6:
                start = words.spans[j].start
                j -= 1
            if start == first_end:
                continue
            items = text[start:m.end(1)]
            base = start
            pos = 0
            for item in items.split("、"):
                s = base + pos
                pos += len(item) + 1
                if item[0] in _BAD_START or _generic(item) or lx.gazetteer().candidates(item):
                    continue
                ws = [w for w in words.spans[max(0, words.index_at(s)):] if w.start < s + len(item)] \
                    if words.index_at(s) >= 0 else []
                if not ws or ws[0].start != s or ws[-1].end != s + len(item):
                    continue
                if len(ws) > 1 and not any(w.label in ("ORG", "nz", "LOC", "PER") for w in ws) and len(item) > 3:
                    continue
                if len(ws) > 2:
                    continue
                if len(items.split("、")) == 1 and not doc.layers.get("lac"):
                    continue
                out.append(_Cand(s, s + len(item), "enum_ent"))
        dset = _dept_set()
        for m in _ENUM_DEPT.finditer(text):
            items = m.group(1)
            base = m.start(1)
            pos = 0
            for n, item in enumerate(items.split("、")):
                s = base + pos
                pos += len(item) + 1
                if n == 0:
                    # the first item may carry the verb before it (会同人社): keep a known stem
                    for k in range(len(item) - 2, -1, -1):
                        if any(item[k:] + h in dset for h in ("局", "厅", "委")):
                            s, item = s + k, item[k:]
                            break
                if any(item + h in dset for h in ("局", "厅", "委")):
                    out.append(_Cand(s, s + len(item), "dept_stem"))
        return out

    @staticmethod
    def _nearest_region(doc: Document, pos: int) -> int:
        """The latest explicit city/county/district named before pos (in the same paragraph or
        the two before), else the latest one named earlier that is not an item of a list, else
        the document's main city."""
        from reformkg.ingest.extract.common import paragraph_of

        gz = lx.gazetteer()
        best = -1
        fallback = -1
        text = doc.text
        lo = doc.paragraphs[max(0, paragraph_of(doc, pos) - 2)][0] if doc.paragraphs else 0
        for sp in doc.layers.get("regions", []):
            if sp.start >= pos:
                break
            if sp.attrs.get("contextual"):
                continue
            place = sp.attrs.get("place", -1)
            if place >= 0 and gz.get(place).level in (lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and \
                    not sp.attrs.get("in_name"):
                if sp.start >= lo:
                    best = place
                elif text[sp.start - 1:sp.start] != "、" and not re.match(r"[\u4e00-\u9fff]{0,6}、", text[sp.end:sp.end + 7]):
                    fallback = place      # named earlier as the subject, not as one item of a list
        if best < 0:
            best = fallback
        if best < 0:
            ctx = doc.layers.get("region_context")
            if ctx:
                best = ctx[0].attrs.get("city", -1)
        return best
