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
from reformkg.ingest.extract.common import add_mentions
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
}
_CORE_RE = "|".join(sorted((re.escape(h) for h in HONOURS), key=len, reverse=True))
_LEVEL_RE = r"全国|国家级|省部级|省级|市级|区级|县级|省|市|区|县"
_AWARD_RE = re.compile(rf"(?P<level>{_LEVEL_RE})?(?P<pre>首批)?(?P<q>[“\"])?(?P<core>{_CORE_RE})(?P<q2>[”\"])?")
_LEVEL_OF = {"全国": "national", "国家级": "national", "省级": "provincial", "省": "provincial", "省部级": "provincial",
             "市级": "municipal", "市": "municipal", "区级": "district", "区": "district", "县级": "district",
             "县": "district"}
_NOT_AFTER = ("获得者", "创新工作室", "工作室", "评选", "推荐", "候选", "事迹", "精神", "宣讲", "论坛", "协会",
              "大会", "表彰大会", "座谈会", "管理", "队伍")


class Awards:
    name = "awards"
    requires: tuple[str, ...] = ("regions",)
    assigns: tuple[str, ...] = ("awards", "mentions")

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
            name_core = "劳动模范" if core == "劳模" else core
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
                if core not in ("工匠",):
                    region_name = pl.name
            elif level_word:
                level = _LEVEL_OF[level_word]
                if level_word in ("全国", "国家级"):
                    region_name = "全国"
                elif level_word in ("省", "省级", "市", "市级", "区", "区级", "县", "县级"):
                    # 省/市 before the honour: must not be the end of a longer word (城市技术能手?)
                    if level_word in ("省", "市", "区", "县") and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" \
                            and text[s - 1] not in "获为被等和、及与个名位首评":
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
            if HONOURS[core] and not region_name:
                continue
            if text[e:e + 5].startswith(_NOT_AFTER[:0]):
                pass
            surface = text[start:e]
            name = (region_name + name_core) if region_name else name_core
            sp = Span(start, e, "Award", doc.sentence_of(start), self.name, {"level": level})
            attrs = {"level": level} if level else {}
            out.append(Mention(sp, "Award", surface, name, attrs))
        doc.layers["awards"] = [m.span for m in out]
        add_mentions(doc, out)
        finalise_indices(doc)
        return doc
