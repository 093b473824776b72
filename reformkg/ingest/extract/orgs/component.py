"""The `Orgs` component: collects organisation candidates (committees, departments, strong heads,
national bodies, enumerations, tagger ORG spans, industry names), turns them into Mentions and
adds the derived bodies; the parts live in the sibling modules of this package.
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, add_mentions, is_cjk
from reformkg.ingest.extract.orgs.derived import firm_short_names, parent_firms, set_up_bodies
from reformkg.ingest.extract.orgs.grammar import Cand, combine, extend_left, industry_candidates, parenthesised_candidates, prefixed_candidate
from reformkg.ingest.extract.orgs.lexicon import (COMPONENT_NAME, PARTY_DEPTS, BAD_START, LEAD_VERBS, STRONG_HEADS,
                                                  dept_automaton, dept_set, national_bodies)
from reformkg.ingest.extract.orgs.lists import enumerated_candidates, shared_head, short_unions
from reformkg.ingest.extract.orgs.mention import mention_of_candidate

# first characters of verbs ending in 办 (主办, 承办, 协办, 举办, 创办, 督办 …)
_BAN_VERB_CHARS = frozenset("主承协举创开兴督筹代会交查包领帮试合联操经申")


_COMMITTEE = re.compile(r"(委员会|委|人民政府|政府|人大常委会|人大|政协|党委)")
_NOT_AFTER_WEI = set("托员屈婉曲派任")
_LAC_ORG_BAD_END = ("班", "代会", "时代", "后", "讲堂", "夜校", "活动", "工程", "计划", "大赛", "竞赛")
_GLUED_TAILS = ("合作", "签约", "联合", "共同", "电", "的", "在", "与", "和", "开展", "举办", "召开", "等")
_QUOTED_INST = re.compile(r"[“\"]([\u4e00-\u9fff]{2,14}(?:产业工人学院|学院|联合实验室|实验室|研究院|研究所|创新工作室))[”\"]")
_TAIL_ONLY = ("党委", "党组", "政府", "政协", "常委会", "人民政府", "法院", "检察院", "人民法院", "人大常委会")


# 市财政 / 县人社: a department written by its stem after a contextual 省/市/县/区; an actor only
# before a list separator, a conjunction or a verb of acting (市财政资金 is an adjective use)
_ABBR_STEMS = ("财政", "人社", "发改", "工信", "经信", "住建", "教育", "科技", "民政", "商务", "文旅", "卫健", "应急",
               "税务", "统计", "国资", "司法", "农业农村", "交通运输", "市场监管")
_ABBR_DEPT_RE = re.compile(r"([省市县区])(" + "|".join(sorted(_ABBR_STEMS, key=len, reverse=True)) + r")"
                           r"(?=[、，。；）)]|和|与|及|等|联合|牵头|会同|共同|分别|负责|安排|拨付|投入|出资|给予|下达|"
                           r"统筹|印发|出台|设立|落实|也|还|将|已|均)")
# 中央 alone is the party centre when it decides, deploys or is coordinated with the province
_PARTY_CENTRE_RE = re.compile(r"(?:部署|决策|精神|要求|和省|和国务院|、国务院|、省|关于|印发|出台|提出|强调|文件|统一|号召|"
                              r"重大|决定|指示|批准|一号文件|全面深化改革委员会)")
_CENTRE_BEFORE = set("、，。；：（(“ 和与及由按照落实贯彻遵照根据把对将在党")
_ABBR_BEFORE = set("、，。；：（(“\n 和与及由同对向经")


def _abbreviated_departments(text: str) -> list[Cand]:
    out = []
    for m in _ABBR_DEPT_RE.finditer(text):
        s = m.start()
        if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _ABBR_BEFORE and \
                text[s - 2:s] not in ("联合", "会同", "协同"):
            continue      # 城市财政 / 本市财政…: the character belongs to a longer word
        if text[m.end():m.end() + 1] in ("局", "厅", "委", "部", "所", "资", "收", "支"):
            continue
        out.append(Cand(s, m.end(), "abbr_dept", prefix_char=m.group(1)))
    return out


_ZONE_ANAPHOR_RE = re.compile(r"(园区|高新区|开发区|经开区)(党工委|管委会|管理委员会|党群工作部|总工会|工会)"
                              r"(?:[、和及与](党工委|管委会|管理委员会))?")


def _zone_anaphor_bodies(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """园区党工委、管委会 in a document about one zone: the zone's bodies, named with the zone as
    the text writes it nearest before (X高新区党工委); none when the text names two zones."""
    from reformkg.ingest.resolve import zone_key

    zones = [sp for sp in doc.layers.get("regions", []) if sp.attrs.get("zone")]
    keys = {zone_key(text[sp.start:sp.end]) for sp in zones}
    # a zone written with and without its city (东莞X高新区 / X高新区) is one zone
    if len([k for k in keys if not any(o != k and o.endswith(k) for o in keys)]) != 1:
        return []
    out: list[Mention] = []
    for m in _ZONE_ANAPHOR_RE.finditer(text):
        s = m.start()
        host = next((o for o in found + out if o.span.start <= s < o.span.end), None)
        if host is not None and host.span.start == s and host.span.end == m.end(2) and not host.attrs.get("zone") \
                and host.surface == m.group(1) + m.group(2) and m.group(1) == "园区":
            # 园区总工会 read as a name of its own: the zone's body
            before = [sp for sp in zones if sp.end <= s]
            zsp = before[-1] if before else zones[0]
            host.normalised = text[zsp.start:zsp.end] + m.group(2)
            host.attrs = {"zone": text[zsp.start:zsp.end]}
            host.label = host.span.label = "Union" if m.group(2).endswith("工会") else "Agency"
        if host is not None and not (host.attrs.get("zone") and host.span.end == m.end(2) and m.group(3)):
            continue
        if host is None and s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in "、，。；：和与及由在的对向经":
            continue      # X工业园区党工委: a named zone's body, not the anaphor
        before = [sp for sp in zones if sp.end <= s]
        zsp = before[-1] if before else zones[0]
        zone = host.attrs["zone"] if host is not None else text[zsp.start:zsp.end]
        for g in (2, 3):
            if m.group(g) is None or (g == 2 and host is not None):
                continue      # X高新区党工委、管委会: the second body shares the written zone
            body = m.group(g)
            bs, be = (s, m.end(2)) if g == 2 else (m.start(3), m.end(3))
            label = "Union" if body.endswith("工会") else "Agency"
            sp = Span(bs, be, label, doc.sentence_of(bs), COMPONENT_NAME, {"kind": "zone-anaphor"})
            out.append(Mention(sp, label, text[bs:be], zone + body, {"zone": zone}))
    return out


def _zone_mentions(doc: Document, orgs: list[Mention]) -> list[Mention]:
    """Region mentions (level zone) for the zones that start bodies' names (X高新区总工会):
    resolve places the body in that zone."""
    zones = {sp.start: sp for sp in doc.layers.get("regions", []) if sp.attrs.get("zone")}
    have = {(m.span.start, m.span.end) for m in doc.mentions if m.label == "Region"}
    out: list[Mention] = []
    for m in orgs:
        zname = m.attrs.get("zone")
        sp = zones.get(m.span.start)
        if not zname or sp is None or sp.end >= m.span.end or (sp.start, sp.end) in have:
            continue
        have.add((sp.start, sp.end))
        out.append(Mention(sp, "Region", doc.text[sp.start:sp.end], sp.attrs.get("name", zname),
                           {k: v for k, v in sp.attrs.items() if k in ("level", "adcode", "place", "parent")}))
    return out


_NTH_TEAM_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}$")
_HEAD_STARTS_WORD = frozenset(("部署", "部门", "部分", "部位", "局面", "局势", "局部", "委托", "委屈", "办理", "办法", "办好",
                               "办实", "办事", "署名", "厅堂", "院校", "院士", "所得", "所在", "所有", "所属", "会议", "会上",
                               "会员", "会同"))
_GROUP_HEADS = ("协调小组", "领导小组", "工作小组", "联席会议")
# 国家推进产改协调小组 / 全国产改协调小组: the lead words belong to the group's name
_GROUP_LEAD_RE = re.compile(r"(?:(?:国家|全国|中央)(?:推进)?|推进)$")


def _group_lead(text: str, c: Cand) -> Cand:
    """Extend a coordinating group's name over the 国家/全国/推进 that starts it."""
    if not any(h in text[c.start:c.end + 4] for h in _GROUP_HEADS):
        return c
    m = _GROUP_LEAD_RE.search(text, max(0, c.start - 6), c.start)
    if m is None or m.start() == c.start:
        return c
    return Cand(m.start(), c.end, "strong" if c.kind == "generic" else c.kind, c.place, c.prefix_char)


_SHORT_ASSOC_RE = re.compile(r"([省市县区])([\u4e00-\u9fff]{1,2})协(?![调议作同助商办]|会(?!长))")
_LEVEL_CHAR = {"省": "province", "市": "city", "县": "county", "区": "district"}


def _short_associations(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """省家协 after 江苏省家政服务行业协会: an association written short (level prefix, the first
    character(s) of its trade, 协) is the association of that level the text names in full."""
    gz = lx.gazetteer()
    full = [m for m in found if m.label == "Institution" and (m.normalised or "").endswith("协会")
            and m.attrs.get("place", -1) is not None and m.attrs.get("place", -1) >= 0]
    out: list[Mention] = []
    for m in _SHORT_ASSOC_RE.finditer(text):
        s, e = m.span()
        if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in "、和与及由在对向将把":
            continue
        if any(o.span.start <= s < o.span.end for o in found):
            continue
        hits = []
        for f in full:
            p = gz.get(f.attrs["place"])
            rest = f.normalised[len(p.name):] if f.normalised.startswith(p.name) else ""
            if f.span.start < s and p.level == _LEVEL_CHAR[m.group(1)] and rest.startswith(m.group(2)):
                hits.append(f)
        if len({f.normalised for f in hits}) != 1:
            continue
        f = hits[0]
        sp = Span(s, e, "Institution", doc.sentence_of(s), COMPONENT_NAME, {"kind": "short-association"})
        out.append(Mention(sp, "Institution", text[s:e], f.normalised,
                           {k: v for k, v in f.attrs.items() if k in ("place", "region")}))
    return out


class Orgs:
    name = COMPONENT_NAME
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
        cands: list[Cand] = []
        # (b) committees: region + 委/政府/…, or a contextual 省/市/县/区 + 委
        for m in _COMMITTEE.finditer(text):
            s, e = m.span()
            head = m.group(1)
            if head == "委" and e < len(text) and text[e] in _NOT_AFTER_WEI:
                continue
            if head == "委" and e < len(text) and text[e] == "员":
                continue
            c = prefixed_candidate(doc, text, s, e, reg_by_end, head)
            if c is not None:
                c.committee = True
                cands.append(c)
        # (a) departments and strong heads
        for end, body in dept_automaton().iter(text):
            s, e = end - len(body) + 1, end + 1
            if body == "办" and s > 0 and text[s - 1] in _BAN_VERB_CHARS:
                continue      # 主办/承办/协办/举办…: a verb, not an office (市人社局协办)
            if not words.is_end(e) and e < len(text) and is_cjk(text[e]) and body not in ("总工会", "工会") \
                    and body not in STRONG_HEADS and text[e] not in "长副主书党召成部" and \
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
            if body in STRONG_HEADS and body not in dept_set():
                nth = _NTH_TEAM_RE.search(text, max(0, s - 5), s) if body.endswith("组") else None
                # X第二督查组: the ordinal belongs to the team's name
                c = extend_left(doc, text, words, nth.start() if nth else s, e, reg_by_end, body)
                if c is not None:
                    cands.append(c)
                continue
            c = prefixed_candidate(doc, text, s, e, reg_by_end, body)
            if c is None:
                if s > 0 and is_cjk(text[s - 1]) and not words.is_start(s) and body not in ("总工会",) and \
                        text[max(0, s - 2):s] not in LEAD_VERBS:
                    continue      # (联合经济发展局: the tagger glued the joint verb to the body)
                if body in _TAIL_ONLY:
                    if body in ("党委", "党组") and text[e:e + 3].startswith(("书记", "副书记", "成员", "委员")):
                        continue
                    cands.append(Cand(s, e, "tail"))
                    continue
                if re.search(r"(各|各级|各[省市县区]|县区|市县|县市区|乡镇|镇街)$", text[max(0, s - 3):s]):
                    continue      # 各县区总工会 / 各级人社局: the bodies of every place, not one
                c = Cand(s, e, "dept")
            cands.append(c)
        # national bodies (党中央, 全总, 国务院 …)
        table, nat = national_bodies()
        for end, key in nat.iter(text):
            if text[end + 1:end + 2] == "电":
                continue
            if key.endswith("部") and text[end + 1:end + 2] == "门":
                continue      # 人社部门: the departments in general, not the ministry
            if key == "中央" and not _PARTY_CENTRE_RE.match(text, end + 1) or key == "中央" and \
                    end >= 2 and is_cjk(text[end - 2]) and text[end - 2] not in _CENTRE_BEFORE:
                continue      # 中央企业 / 中央财政 / 党中央: not the party centre on its own
            cands.append(Cand(end - len(key) + 1, end + 1, "national"))
        # (f) enumerations: A、B等…企业 → enterprises; 人社、财政等部门 → the region's departments
        cands.extend(enumerated_candidates(doc, text))
        # names with a parenthesised region (华虹半导体(无锡)有限公司)
        cands.extend(parenthesised_candidates(text, words))
        # a quoted institution's name (“X学院”, “X联合实验室”, “X创新工作室”)
        for m in _QUOTED_INST.finditer(text):
            cands.append(Cand(m.start(1), m.end(1), "strong", -1))
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
            for verb in LEAD_VERBS:
                # 联合市总工会: the tagger glued the verb of a joint action to the name
                if surface.startswith(verb) and len(surface) - len(verb) >= 3:
                    surface = surface[len(verb):]
                    start += len(verb)
                    break
            if len(surface) >= 4 and surface[-1] == "办" and surface[-2] in _BAN_VERB_CHARS:
                surface = surface[:-2]          # 市人社局协办: the tagger glued the verb 协办
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
            if surface[0] in BAD_START or surface.endswith(_LAC_ORG_BAD_END):
                continue
            if text[sp.end:sp.end + 1] in ("城", "园", "区"):
                continue
            if sp.start > 0 and text[sp.start - 1] in "“\"《":
                continue
            end = start + len(surface)     # = sp.end unless a glued verb was cut off
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
            cands.append(Cand(start, end, "lac"))
        # abbreviated departments standing as actors (市财政、市人社联合…; 县财政安排…)
        cands.extend(_abbreviated_departments(text))
        # (e) short proper name + industry head (X药业, X化纤) in lists
        cands.extend(industry_candidates(text, words))
        shared = shared_head(doc, text, words) + short_unions(doc, text, words)
        # 市政府决策部署: a head character that starts the next word (部署, 部门) ends no body
        cands = [c for c in cands if text[c.end - 1:c.end + 1] not in _HEAD_STARTS_WORD]
        cands = [_group_lead(text, c) for c in cands]
        cands = combine(text, cands)
        mentions: list[Mention] = []
        spans: list[Span] = []
        last_committee: Mention | None = None
        for c in cands:
            m = mention_of_candidate(doc, text, c, mentions)
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
        set_up = set_up_bodies(doc, text, mentions)
        mentions.extend(set_up)
        spans.extend(m.span for m in set_up)
        parents = parent_firms(doc, text, mentions)
        mentions.extend(firm_short_names(doc, text, mentions))
        mentions.extend(_short_associations(doc, text, mentions))
        anaphoric = _zone_anaphor_bodies(doc, text, mentions)
        mentions.extend(anaphoric)
        spans.extend(m.span for m in anaphoric)
        doc.layers["orgs"] = spans
        add_mentions(doc, mentions)
        # a zone named at the start of a body's name (X高新区党工委) is a region of the text too
        doc.mentions.extend(_zone_mentions(doc, mentions))
        # derived parents lie inside their body's mention: added past the overlap rule
        doc.mentions.extend(m for m in parents if any(o is not m and o.span.start == m.span.start and
                                                        o.span.end > m.span.end for o in doc.mentions))
        return doc
