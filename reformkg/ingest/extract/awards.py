"""Awards component: honours by level (全国/省/市 + 劳动模范/五一劳动奖章/工匠/技术能手 …).

A level word (全国, 国家级, 省/省级, 市/市级) or a region name before the honour decides its
level and canonical name: 省劳模 in a Jiangsu document → 江苏省劳动模范; 市级“五一劳动奖章” in a
镇江 document → 镇江市五一劳动奖章; 全国劳模 → 全国劳动模范. 劳模 is 劳动模范. Honours that are
too generic alone (工匠, 技能大师, 首席技师) need a level or region.

This is the last mention component: it also turns person→organisation references into
indices into doc.mentions (persons.finalise_indices).
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import add_mentions, is_cjk, is_designation_workroom
from reformkg.ingest.extract.persons import finalise_indices
from reformkg.ingest.extract.regions import context_place

# honour core -> needs a level/region prefix to count
HONOURS = {
    "五一劳动奖章": False, "劳动模范": False, "劳模": False, "先进工作者": False, "工人先锋号": False,
    "五一巾帼标兵": False, "巾帼建功标兵": False, "五一技术标兵": False, "技术标兵": True, "技术能手": False,
    "技能状元": True, "行业技能状元": False, "技能大师": True, "首席技师": True, "特级技师": True,
    "工匠": True, "大国工匠": False, "三八红旗手": False, "五四青年奖章": False, "青年五四奖章": False,
    "最美职工": False, "劳动奖状": False, "五一劳动奖状": False, "技能人才": True, "十佳": True,
    "先进集体": True, "模范职工之家": False, "优秀发明专利": True, "科学技术进步奖": True,
    "五一奖章": False, "大工匠": True,
}
# ranks that are honours (ANNOTATION: 特级技师) and may stand bare right before a person's name
_TITLE_HONOURS = ("特级技师", "首席技师")
_CORE_CANON = {"劳模": "劳动模范", "五一奖章": "五一劳动奖章"}
_CORE_RE = "|".join(sorted((re.escape(h) for h in HONOURS), key=len, reverse=True))
_LEVEL_RE = r"全国|国家级|省部级|省级|市级|区级|县级|省|市|区|县"
_AWARD_RE = re.compile(rf"(?P<level>{_LEVEL_RE})?(?P<pre>首批)?(?P<q>[“\"])?(?P<core>{_CORE_RE})(?P<q2>[”\"])?")
_LEVEL_OF = {"全国": "national", "国家级": "national", "省级": "provincial", "省": "provincial", "省部级": "provincial",
             "市级": "municipal", "市": "municipal", "区级": "district", "区": "district", "县级": "district",
             "县": "district"}
_NOT_AFTER = ("创新工作室", "工作室", "工作站", "评选", "推荐", "候选", "事迹", "精神", "文化", "宣讲", "论坛", "协会",
              "大会", "表彰大会", "座谈会", "管理", "队伍", "工匠", "示范", "作用", "学院", "讲师团", "志愿",
              # a statistic of a workforce (全国技能人才总量), not an honour
              "总量", "总数", "规模", "占", "比例", "数量")
# 劳模和工匠人才创新工作室: the honour names a studio's designation, not a person's award
_STUDIO_AFTER = re.compile(r"[和及与、]?[\u4e00-\u9fff]{0,6}(创新工作室|工作室)")
# a bare honour (no level, no region) is an award only with a cue of conferral around it
_BARE_CUE_BEFORE = re.compile(r"(获得|荣获|获评|评为|评选为|授予|当选|荣膺|获|\d+名|\d+位|\d+人|[一二三四五六七八九十]+名)[“\"]?$")
_BARE_CUE_AFTER = ("获得者", "称号", "荣誉")
_PRIZE_RE = re.compile(r"(全国|国家|省部级|省级|市级|省|市)?([\u4e00-\u9fff]{2,14}?(?:特等奖|一等奖|二等奖|三等奖|金奖|银奖|铜奖|优秀奖))")
_QUOTE_RUN = r"(“[^“”\n]{2,20}”(?:[、和及]?“[^“”\n]{2,20}”)*)"
_QUOTED_HONOUR_RE = re.compile(r"(?:获得|荣获|获评|评为|授予|荣膺|入选|表彰|表彰奖励|命名为|被命名为|评选出|"
                               r"命名[^，。；：“”\n]{1,10}?为|授予[^，。；：“”\n]{1,10}?)了?"
                               r"[^，。；：“”\n]{0,8}?" + _QUOTE_RUN)
_QUOTED_CONTEST_RE = re.compile(_QUOTE_RUN + r"等?(?:先进典型|优秀|先进)?(?:评选|评比|选树|推选)")
# “X”称号 / “X”等表彰项目: a quoted title named as an honour by the word after it
_QUOTED_TITLE_RE = re.compile(_QUOTE_RUN + r"等?(?:荣誉称号|光荣称号|称号|表彰项目|荣誉)")
# 先锋骑手 / 先锋司机: a vanguard title of a (new-employment-form) occupation
_VANGUARD_RE = re.compile(r"(?<![工人])先锋(骑手|司机|快递员|外卖员|配送员|网约车司机|货车司机|家政员|护工|职工)")
_ENT_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司")
_NOT_HONOUR_END = ("证书", "资格", "认证", "项目", "计划", "工程", "活动", "补贴", "资金", "支持", "工作室", "工作站",
                   "基地", "中心", "学院", "驿站", "服务站")
_COORD_LEVELS = re.compile(r"((?:(?:国家|全国|省|市|县|区)级?[和、及与]))+$")


def _level_prefix(doc: Document, pos: int, word: str) -> tuple[str, str]:
    """(region name, level) for a level word before an honour at pos."""
    gz = lx.gazetteer()
    if not word:
        return "", ""
    if word in ("全国", "国家"):
        return "全国", "national"
    kind = word[0]
    place = context_place(doc, pos, kind) if kind in "省市县区" else -1
    return (gz.get(place).name if place >= 0 else ""), _LEVEL_OF.get(word, _LEVEL_OF.get(kind, ""))


def gz_name(span: Span) -> str:
    return lx.gazetteer().get(span.attrs["place"]).name


class Awards:
    name = "awards"
    requires: tuple[str, ...] = ("regions",)
    assigns: tuple[str, ...] = ("awards", "mentions")

    def _named_prizes(self, doc: Document, text: str) -> list[Mention]:
        """Named prizes (X科学技术进步二等奖) and quoted honours after a conferral verb."""
        out = []
        for m in _PRIZE_RE.finditer(text):
            core = m.group(2)
            s = m.start()
            word = m.group(1) or ""
            cut = re.match(r"^.*?(荣获|获得|获评|获|荣膺|夺得)", core) if not word else None
            if cut:
                rest = core[cut.end():]
                s = m.start(2) + cut.end()
                lm = re.match(r"(全国|国家|省部级|省级|市级|省|市)", rest)
                word = lm.group(1) if lm else ""
                core = rest[len(word):]
            if len(core) < 4 or re.search(r"[的了和与及在为获得]", core):
                continue
            if re.match(r"(?:此次|本次|本届|该|这次|各)", core):
                continue      # 此次大赛一等奖: a tier of the event at hand, not a named honour
            region, level = _level_prefix(doc, s, word)
            sp = Span(s, m.end(), "Award", doc.sentence_of(s), self.name, {"level": level})
            out.append(Mention(sp, "Award", text[s:m.end()], region + core if region and m.group(1) not in ("全国", "国家") else
                               ("全国" + core if region == "全国" else core), {"level": level} if level else {}))
        regions_by_end = {sp.end: sp for sp in doc.layers.get("regions", [])
                          if not sp.attrs.get("contextual") and sp.attrs.get("place", -1) >= 0}
        for rx in (_QUOTED_HONOUR_RE, _QUOTED_CONTEST_RE, _QUOTED_TITLE_RE):
            for m in rx.finditer(text):
                run_start = m.start(1)
                if rx is _QUOTED_HONOUR_RE and "的" in text[m.start():run_start]:
                    continue      # 获得者X领衔的“Y工作室”: the quote is not what was conferred
                # a region written before the run names the honours (沛县“十大工匠”)
                prefix = ""
                if run_start in regions_by_end:
                    prefix = gz_name(regions_by_end[run_start])
                for q in re.finditer(r"“([^“”\n]{2,20})”", m.group(1)):
                    inner = q.group(1)
                    if (inner.endswith(_NOT_HONOUR_END) and not is_designation_workroom(inner)) or \
                            re.search(r"[，。、]", inner):
                        continue      # (a designation workroom title is conferred: an honour)
                    if _AWARD_RE.fullmatch(inner):
                        continue      # handled by the level rules
                    s, e = run_start + q.start(), run_start + q.end()
                    sp = Span(s, e, "Award", doc.sentence_of(s), self.name, {})
                    name = inner if (not prefix or inner.startswith(prefix[:2])) else prefix + inner
                    out.append(Mention(sp, "Award", text[s:e], name, {"aliases": [inner]}))
        return out

    @staticmethod
    def _before_person(doc: Document, pos: int) -> bool:
        """A Person mention starts at pos (the honour stands as the person's title)."""
        return any(m.label == "Person" and m.span.start == pos for m in doc.mentions)

    @staticmethod
    def _after_firm(doc: Document, text: str, pos: int) -> bool:
        """A firm (named, or 公司/集团/厂 for the document's firm) right before pos: 集团首席技师
        is a post inside the firm, not an honour."""
        if text[max(0, pos - 2):pos].endswith(("公司", "集团", "厂", "企业")):
            return True
        return any(m.label == "Enterprise" and m.span.end == pos for m in doc.mentions)

    def _vanguards(self, doc: Document, text: str) -> list[Mention]:
        out = []
        for m in _VANGUARD_RE.finditer(text):
            s, e = m.span()
            if text[e:e + 2] in ("精神", "作用", "队伍") or text[e:e + 1] in "的们":
                continue
            sp = Span(s, e, "Award", doc.sentence_of(s), self.name, {})
            out.append(Mention(sp, "Award", text[s:e], text[s:e], {}))
        return out

    def _enterprise_craftsmen(self, doc: Document, text: str, found: list[Mention]) -> list[Mention]:
        """X工匠 where X is the short name of an enterprise of the document (新华公司 → 新华工匠):
        the enterprise's own craftsman title."""
        shorts: set[str] = set()
        brands: set[str] = set()
        gz = lx.gazetteer()
        for m in doc.mentions:
            if m.label != "Enterprise":
                continue
            brand = m.normalised[:2]
            if all(is_cjk(ch) for ch in brand) and not gz.candidates(brand) and \
                    not m.normalised.startswith(("中国", "中华", "国家", "全国")):
                brands.add(brand)     # 福耀工匠 of 福耀玻璃…有限公司: the brand's first characters
            for form in (m.surface, m.normalised):
                for suf in _ENT_SUFFIXES:
                    if form.endswith(suf) and 2 <= len(form) - len(suf) <= 4:
                        shorts.add(form[: -len(suf)])
                        break
        if not shorts and not brands:
            return []
        have = {(m.span.start, m.span.end) for m in found}
        out = []
        for m in re.finditer(r"(大?工匠)", text):
            hs, he = m.span()
            for short in sorted(shorts, key=len, reverse=True) + sorted(brands):
                s = hs - len(short)
                if short in brands and short not in shorts and s > 0 and is_cjk(text[s - 1]) and \
                        text[s - 1] not in "设立评选为获和与及了首名位":
                    continue
                if s >= 0 and text[s:hs] == short and (s, he) not in have and \
                        not text[he:he + 2].startswith(("精神", "文化", "工作室", "学院")):
                    sp = Span(s, he, "Award", doc.sentence_of(s), self.name, {"level": "enterprise"})
                    out.append(Mention(sp, "Award", text[s:he], text[s:he], {"level": "enterprise"}))
                    break
        return out

    def _coordinated_bare(self, doc: Document, text: str, found: list[Mention]) -> list[Mention]:
        """A bare honour coordinated with an accepted one (劳模、先进工作者和五一劳动奖章获得者):
        the list shares the conferral cue."""
        spans = [(m.span.start, m.span.end) for m in found]
        out: list[Mention] = []
        for core in ("先进工作者", "劳动模范", "劳模", "三八红旗手", "五一劳动奖章", "技术能手"):
            for m in re.finditer(core, text):
                s, e = m.span()
                if any(a <= s < b or a < e <= b for a, b in spans):
                    continue
                if text[e:e + 5].startswith(_NOT_AFTER):
                    continue
                near = any((b <= s and s - b <= 1 and re.fullmatch(r"[、和及与]?", text[b:s])) or
                           (a >= e and a - e == 1 and text[e] in "、和及与") for a, b in spans)
                if not near:
                    continue
                sp = Span(s, e, "Award", doc.sentence_of(s), self.name, {})
                out.append(Mention(sp, "Award", text[s:e], _CORE_CANON.get(core, core), {}))
                spans.append((s, e))
        return out

    def __call__(self, doc: Document) -> Document:
        gz = lx.gazetteer()
        text = doc.text
        regions_by_end = {sp.end: sp for sp in doc.layers.get("regions", [])
                          if not sp.attrs.get("contextual") and sp.attrs.get("place", -1) >= 0}
        out: list[Mention] = []
        for m in _AWARD_RE.finditer(text):
            core = m.group("core")
            level_word = m.group("level") or ""
            s, e = m.span()
            if m.group("q") and not m.group("q2"):
                continue
            name_core = _CORE_CANON.get(core, core)
            region_name = ""
            level = ""
            start = s
            # a region written before (江苏省五一劳动奖章, 淮安工匠, 镇江市技术能手)
            rs = m.start("q") if m.group("q") else m.start("core")
            if m.group("pre"):
                rs = m.start("pre")
            if rs in regions_by_end and (not level_word or regions_by_end[rs].end == rs):
                level_word = ""
                r = regions_by_end[rs]
                region_name = text[r.start:r.end]
                pl = gz.get(r.attrs["place"])
                level = {"province": "provincial", "city": "municipal"}.get(pl.level, "district")
                start = r.start
                # full name unless the honour is written with the short form (江苏工匠)
                if core not in ("工匠", "大工匠"):
                    region_name = pl.name
            elif level_word:
                level = _LEVEL_OF[level_word]
                if level_word in ("全国", "国家级"):
                    region_name = "全国"
                elif level_word in ("省", "省级", "市", "市级", "区", "区级", "县", "县级"):
                    # 省/市 before the honour: must not be the end of a longer word (城市技术能手?)
                    if level_word in ("省", "市", "区", "县") and s > 0 and is_cjk(text[s - 1]) \
                            and text[s - 1] not in "获为被等和、及与个名位首评选授荐批些的了是届":
                        region_name = ""
                        level = ""
                        start = s + len(level_word)
                    else:
                        kind = level_word[0]
                        place = context_place(doc, s, kind)
                        if place >= 0:
                            region_name = gz.get(place).name
                        else:
                            region_name = ""
            as_title = core in _TITLE_HONOURS and not region_name and self._before_person(doc, e) and \
                not (core == "首席技师" and self._after_firm(doc, text, s))
            if HONOURS[core] and not region_name:
                if not as_title:
                    continue
                # 特级技师张某: a rank held as an honour, named bare when no level is written
            if text[e:e + 5].startswith(_NOT_AFTER) or _STUDIO_AFTER.match(text, e):
                continue
            if not region_name and not level and not as_title:
                if not (_BARE_CUE_BEFORE.search(text[max(0, start - 6):start]) or text[e:e + 3].startswith(_BARE_CUE_AFTER)):
                    continue
            # coordinated levels (国家和省、市级五一劳动奖章): one award per level
            if level_word:
                co = _COORD_LEVELS.search(text[max(0, s - 12):s])
                if co:
                    base = s - len(co.group(0))
                    for lm in re.finditer(r"(国家|全国|省|市|县|区)(级)?", co.group(0)):
                        lw = lm.group(1)
                        ls = base + lm.start()
                        lvl = _LEVEL_OF[lw + "级"] if lw + "级" in _LEVEL_OF else _LEVEL_OF.get(lw, "national")
                        if lw in ("国家", "全国"):
                            rn = "全国"
                            lvl = "national"
                        else:
                            pl = context_place(doc, ls, lw)
                            if pl < 0:
                                continue
                            rn = gz.get(pl).name
                        csp = Span(ls, base + lm.end(), "Award", doc.sentence_of(ls), self.name, {"level": lvl})
                        out.append(Mention(csp, "Award", text[ls:base + lm.end()] + name_core, rn + name_core, {"level": lvl}))
            if m.group("q2") and not m.group("q") and text[start:start + 1] not in ("“", '"'):
                # “顺德工匠”: the opening quote stands before the region, keep the pair balanced
                if start > 0 and text[start - 1] in ("“", '"'):
                    start -= 1
                else:
                    e -= 1
            surface = text[start:e]
            name = (region_name + name_core) if region_name else name_core
            sp = Span(start, e, "Award", doc.sentence_of(start), self.name, {"level": level})
            attrs = {"level": level} if level else {}
            out.append(Mention(sp, "Award", surface, name, attrs))
        out.extend(self._named_prizes(doc, text))
        out.extend(self._vanguards(doc, text))
        out.extend(self._enterprise_craftsmen(doc, text, out))
        out.extend(self._coordinated_bare(doc, text, out))
        doc.layers["awards"] = [m.span for m in out]
        add_mentions(doc, out)
        finalise_indices(doc)
        return doc
