"""Candidate → Mention for the `orgs` component: the label from the head, the context-resolved
`normalised` name (prefix 省/市/县/区 → the region, departments attached to their committee or
region) and the `region`/`place`/`prefix_region` attrs.
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import is_designation_workroom
from reformkg.ingest.extract.orgs.filters import is_fragment
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import (COMPONENT_NAME, PARTY_DEPTS, BAD_START, DISCOURSE_WORDS,
                                                  GENERIC_BODY, dept_set, national_bodies)
from reformkg.ingest.extract.orgs.places import (display_name, focus_below, nearest_region, nearest_zone,
                                                 paragraph_region,
                                                 region_in_org_name)
from reformkg.ingest.extract.regions import context_place


_PUBLICATION_WORDS = ("简报", "通讯", "快讯", "动态", "周刊", "月刊", "杂志", "公众号", "网站", "工作简报", "信息")
# a category written before an enterprise name (试点企业X有限公司, 规上企业X集团)
_GENERIC_ENT_PREFIX = re.compile(r"(?:(?:国家|省|市|区|县)级?)?(?:产改)?(?:试点|龙头|重点|规上|规模以上|骨干|示范|链主|领军|"
                                 r"民营|国有|外资|外商投资|中小|高新技术|专精特新|头部|优秀|先进)企业(?![管服])")
_PLURAL_PLACES = re.compile(r"(各级|各[省市县区]?|县区|市县|县市区|乡镇|镇街)$")
_ORG_ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "开发区", "综保区", "综合保税区",
                      "自贸区", "新区", "工业园区")
# 省政府办公厅 / 市政府 inside a longer name: the government's full name
_GOV_RE = re.compile(r"^([\u4e00-\u9fff]{1,12}?[省市县区州旗])政府(?=办公厅|办公室|研究室|参事室|$)")


def mention_of_candidate(doc: Document, text: str, c: Cand, pending: list[Mention]) -> Mention | None:
    gz = lx.gazetteer()
    gp = _GENERIC_ENT_PREFIX.match(text, c.start, c.end)
    if gp is None and text.startswith("企业", c.start) and not text.startswith(("企业管", "企业服"), c.start):
        q = _GENERIC_ENT_PREFIX.search(text, max(0, c.start - 8), c.start + 2)
        gp = q if q is not None and q.end() == c.start + 2 else None
    if gp is None and c.kind not in ("national", "contextual", "dept", "dept_stem", "abbr_dept"):
        # 在X县Y街道产改试点企业Z有限公司: the places and the category before the firm's name
        inner = _GENERIC_ENT_PREFIX.search(text, c.start + 1, c.end)
        gp = inner if inner is not None and _only_places(doc, c.start, inner.start()) else None
    if gp is not None and c.end - gp.end() >= 4 and \
            c.kind not in ("national", "contextual", "dept", "dept_stem", "abbr_dept"):
        # 试点企业X有限公司 / 龙头企业X集团: the category is not part of the name
        c = Cand(gp.end(), c.end, c.kind, c.place if c.place >= 0 and c.kind != "strong" else -1, c.prefix_char)
    surface = text[c.start:c.end]
    if c.kind != "national" and _PLURAL_PLACES.search(text, max(0, c.start - 3), c.start) and \
            lx.org_label_of(surface) in ("Union", "Agency") and not gz.candidates(surface[:2]):
        return None       # 各市总工会 / 县区人社局: the bodies of every place, not one
    if text[c.end:c.end + 4].startswith(_PUBLICATION_WORDS) or text[c.end:c.end + 1] == "讯":
        return None       # a masthead (X工会简报) or a dateline (X日报讯), not the body acting
    for dw in DISCOURSE_WORDS:
        if surface.startswith(dw) and len(surface) - len(dw) >= 2:
            if lx.org_label_of(surface[len(dw):]) is None or surface[len(dw):] in lx.org_heads():
                return None   # 下一步集团将…: a discourse word before a bare head
            c = Cand(c.start + len(dw), c.end, c.kind, c.place, c.prefix_char)
            surface = surface[len(dw):]
            break
    k = surface.find("政协")
    if 0 < k and k + 2 < len(surface) and text.startswith("界别", c.end):
        # 省政协总工会界别委员: a sector of the political consultative conference, not a union
        return mention_of_candidate(doc, text, Cand(c.start, c.start + k + 2, c.kind, c.place, c.prefix_char), pending)
    if surface.endswith(("人大", "政协")) and re.match(r"(代表|委员)(中|比|占|人数|里|共|\d|名)", text[c.end:c.end + 4]):
        return None           # 市人大代表中…: a status of unnamed people, not the body acting
    if surface.endswith("工作室") and is_designation_workroom(surface.strip("“”")):
        return None       # 省级示范性劳模创新工作室: an honour conferred on workrooms (see awards)
    if surface.endswith("工作室"):
        core = re.sub(r"(劳模和工匠人才|劳模和工匠|工匠人才|劳模|工匠|技能大师|大师|职工|技术|技能|创新)*工作室$", "", surface)
        if len(core) < 2 or core in GENERIC_BODY or core[0] in BAD_START:
            return None       # 劳模创新工作室 / 工匠人才创新工作室: a kind of studio, not a named one
    if surface.endswith("分公司") and not gz.candidates(surface[:2]) and c.place < 0 and (
            surface.startswith(("集团", "公司", "总公司", "该", "本")) or len(surface) <= 6):
        return None       # 集团X分公司 / 隧道分公司: a branch named by its trade only, not a name
    if surface.endswith(("联席会议办公室", "领导小组办公室")) and surface[:2] in ("联席", "领导"):
        return None       # 联席会议办公室: the office of a body not named here
    if c.kind == "national":
        table, _ = national_bodies()
        canon, label = table.get(surface, (lx.expand_abbreviation(surface), lx.org_label_of(surface) or "Agency"))
        if surface.startswith("全国") and surface not in table:
            canon = lx.expand_abbreviation(surface)
        span = Span(c.start, c.end, label, doc.sentence_of(c.start), COMPONENT_NAME, {"kind": c.kind})
        return Mention(span, label, surface, canon, {})
    if surface in ("公司工会", "集团工会", "企业工会", "该公司工会", "该企业工会", "厂工会"):
        # the union of the enterprise named last in the paragraph
        ent = _last_enterprise(doc, c.start, pending)
        if ent is None:
            return None
        span = Span(c.start, c.end, "Union", doc.sentence_of(c.start), COMPONENT_NAME, {"kind": "derived"})
        return Mention(span, "Union", surface, ent.normalised + "工会",
                       {k: v for k, v in ent.attrs.items() if k in ("place", "region")})
    label = "Agency" if c.kind in ("dept_stem", "abbr_dept") else lx.org_label_of(surface)
    if label in ("Enterprise", None) and c.kind in ("lac", "strong", "industry"):
        cut = _locator_before_firm(doc, c.start, c.end)
        if cut > c.start:
            # 丹徒区江苏X有限公司: the district locates a firm registered under its province's name
            return mention_of_candidate(doc, text, Cand(cut, c.end, c.kind, -1, c.prefix_char), pending)
    if is_fragment(surface):
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
        return mention_of_candidate(doc, text, Cand(c.start, c.start + joint.start(), c.kind, c.place, c.prefix_char), pending)
    if label == "Institution" and c.place < 0 and not region_in_org_name(surface, doc) >= 0 and \
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
        c = Cand(c.start, c.end, "contextual", prefix_char=surface[0])
    if label == "Agency" and c.kind in ("lac", "strong") and c.place < 0 and not any(
            surface.endswith(h) and len(h) >= 2 for h in lx.org_heads_sorted()) and not any(
            surface.endswith(d) for d in dept_set()):
        return None
    if c.kind == "contextual":
        place = context_place(doc, c.start, c.prefix_char)
        plen = 3 if surface.startswith("自治区") else 2 if surface[:2] in ("全省", "全市", "全县", "全区") else 1
        if place >= 0:
            rest = surface[plen:]
            if rest.startswith("总") and not rest.startswith("总工会"):
                rest = "总工会" + rest[1:]      # 省总职工… = 省总工会职工…
            normalised = display_name(doc, place) + rest
    elif c.kind == "abbr_dept":
        # 市财政 → <city>财政局; 省人社 → <province>人力资源和社会保障厅 (see component)
        place = context_place(doc, c.start, c.prefix_char)
        if place < 0:
            return None
        p = gz.get(place)
        stem = surface[1:]
        head = "委" if stem in ("发改", "卫健", "国资") else "厅" if p.level == lx.LEVEL_PROVINCE else "局"
        label = "Agency"
        normalised = display_name(doc, place) + stem + head
        attrs["aliases"] = [surface]
    elif c.kind == "dept_stem":
        place = nearest_region(doc, c.start)
        if place < 0:
            return None
        p = gz.get(place)
        head = "厅" if p.level == lx.LEVEL_PROVINCE else "局"
        label = "Agency"
        normalised = display_name(doc, place) + surface + head
    elif c.kind == "dept":
        # a bare department: belongs to the paragraph's region (its party committee for
        # party departments)
        zone = nearest_zone(doc, c.start) if surface not in PARTY_DEPTS else ""
        place = nearest_region(doc, c.start) if not zone else -1
        if zone:
            normalised = zone + surface
            attrs["zone"] = zone
        elif place >= 0:
            rname = display_name(doc, place)
            normalised = rname + ("委" if surface in PARTY_DEPTS else "") + surface
        elif surface in PARTY_DEPTS:
            # 省委深刻把握…，深改委专门审议: the party committee named last in the paragraph
            committee = _last_committee(doc, c.start, pending)
            if committee is not None:
                normalised = committee.normalised + surface
                for k in ("place", "region"):
                    if k in committee.attrs:
                        attrs[k] = committee.attrs[k]
                place = committee.attrs.get("place", -1)
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
        inner = region_in_org_name(surface, doc)
        if inner >= 0 and label in ("Enterprise", "Institution") and \
                gz.get(inner).level == lx.LEVEL_CITY:
            # a firm or institute named after its city, in a paragraph about one of that
            # city's districts or counties, stands in that district
            near = paragraph_region(doc, c.start, lookback=1)
            if near < 0 or near == inner:
                near = focus_below(doc, inner)
            if near >= 0 and near != inner and gz.get(near).level in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and \
                    gz.is_within(near, inner):
                inner = near
                attrs["region_from_context"] = True
        if inner >= 0 and label == "Enterprise" and gz.get(inner).level == lx.LEVEL_PROVINCE:
            # a firm registered under its province's name (江苏X有限公司) in a passage about
            # one of that province's cities stands in that city
            near = paragraph_region(doc, c.start, lookback=1)
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
            ctx_place = -1 if surface.endswith("大学") else paragraph_region(
                doc, c.start, lookback=1 if label == "Enterprise" else 0)
            if ctx_place >= 0 and label == "Enterprise" and gz.get(ctx_place).level == lx.LEVEL_CITY:
                ctx_place = focus_below(doc, ctx_place)
            if ctx_place >= 0:
                attrs["place"] = ctx_place
                attrs["region"] = gz.get(ctx_place).name
                attrs["region_from_context"] = True
    # the official full form resolves; the written (region-qualified) form is kept in attrs
    # "written" and named canonical by the resolver (连云港市人大常委会, alias the full form)
    expanded = _GOV_RE.sub(r"\1人民政府", lx.expand_abbreviation(normalised))
    if expanded != normalised:
        attrs["written"] = normalised
        normalised = expanded
    for short, full in (("女工委", "女职工委员会"),):
        if short in normalised and not normalised.endswith(short):
            normalised = normalised.replace(short, full)
    if normalised.endswith("办公室") and lx.org_label_of(normalised[:-3]) is not None and len(normalised) > 7 and \
            not normalised[:-3].endswith(("政府", "委", "党组")):
        normalised = normalised[:-3]      # X领导小组办公室 acts for the group; 政府办公室 is a body
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
    span = Span(c.start, c.end, label, sid, COMPONENT_NAME, {"kind": c.kind})
    return Mention(span, label, surface, normalised, attrs)


def _locator_before_firm(doc: Document, start: int, end: int) -> int:
    """Where a firm's own name starts when a place is written before a name that begins with a
    wider place containing it (丹徒区 + 江苏X有限公司); `start` when not."""
    gz = lx.gazetteer()
    spans = {sp.start: sp for sp in doc.layers.get("regions", []) if sp.attrs.get("place", -1) is not None
             and sp.attrs.get("place", -1) >= 0}
    first = spans.get(start)
    if first is None:
        return start
    a = first.attrs["place"]
    head = doc.text[first.end:min(end, first.end + 8)]
    for e, (surface, _short) in (gz.automaton.iter(head) if gz.automaton is not None else ()):
        if e + 1 != len(surface) or first.end + len(surface) >= end - 4:
            continue
        for b in gz.candidates(surface):
            if b != a and gz.get(b).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) and gz.is_within(a, b):
                return first.end
    return start


def _only_places(doc: Document, start: int, end: int) -> bool:
    """Whether text[start:end] is made only of region spans (a locating chain of places)."""
    pos = start
    for sp in sorted(doc.layers.get("regions", []), key=lambda sp: sp.start):
        if sp.start == pos and sp.end <= end:
            pos = sp.end
    return pos == end and end > start


def _last_committee(doc: Document, pos: int, pending: list[Mention]) -> Mention | None:
    """The last party committee (X省委/X市委/X县委/X区委) named before pos in its paragraph."""
    from reformkg.ingest.extract.common import paragraph_of

    ps = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
    best = None
    for m in pending:
        if m.label == "Agency" and ps <= m.span.start and m.span.end <= pos and \
                (m.normalised or "").endswith(("省委", "市委", "县委", "区委", "州委", "旗委")):
            best = m
    return best


def _last_enterprise(doc: Document, pos: int, pending: list[Mention]) -> Mention | None:
    from reformkg.ingest.extract.common import paragraph_of

    ps = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
    best = None
    for m in pending:
        if m.label == "Enterprise" and ps <= m.span.start and m.span.end <= pos:
            best = m
    return best
