"""Lists and coordination for the `orgs` component: A、B等…企业 / 人社、财政等部门 enumerations,
one body per listed name before a shared head (A、B产业链党建联盟), and 省总/市总/县总 short unions.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, is_cjk
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, dept_set
from reformkg.ingest.extract.orgs.lists_enum import ENUM_DEPT, ENUM_ENT, listed_depts, listed_firms
from reformkg.ingest.extract.orgs.places import display_name, nearest_region
from reformkg.ingest.extract.regions import context_place


_SHORT_UNION_RE = re.compile(r"(省|市|县|区)总")
_SHARED_ORG_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,6})([0-9一二三四五六七八九十两]+个)?"
                            r"(产业链党建联盟|党建联盟|产业联盟|产业链联盟|人才联盟|技能联盟)")


_ACTS_AFTER = ("联合", "牵头", "召开", "组织", "印发", "出台", "开展", "举办", "党组", "主席", "副主席", "领导", "指导",
               "会同", "携手", "发布", "制定", "推出", "表彰", "命名")


# a clause going on after a named region's 总 (某县总通过探索…, 某县总深入基层…)
_NAMED_SHORT_ACTS = ("通过", "深入", "积极", "坚持", "持续", "围绕", "聚焦", "不断", "进一步", "大力", "着力", "扎实",
                     "全面", "主动", "充分", "创新", "探索", "推动", "推进", "始终", "率先", "先后", "还", "将", "已")


def named_short_unions(doc: Document, text: str) -> list[Mention]:
    """某县总/某市总 right after the region's full name, going on with an act (某县总通过探索…,
    某县总、某县人社局联合…): the region's federation of trade unions, written short."""
    out = []
    for sp in doc.layers.get("regions", []):
        place = sp.attrs.get("place", -1)
        e = sp.end
        if sp.attrs.get("contextual") or place is None or place < 0 or text[e:e + 1] != "总" or text[e + 1:e + 2] == "工":
            continue
        rest = text[e + 1:e + 4]
        if not (rest[:1] in "、，。；：," or rest.startswith(_ACTS_AFTER) or rest.startswith(_NAMED_SHORT_ACTS)):
            continue
        span = Span(sp.start, e + 1, Label.UNION, doc.sentence_of(sp.start), "orgs", {"kind": "short-union"})
        out.append(Mention(span, Label.UNION, text[sp.start:e + 1], display_name(doc, place) + "总工会",
                           {"place": place, "region": lx.gazetteer().get(place).name}))
    return out


def short_unions(doc: Document, text: str, words: Words) -> list[Mention]:
    """省总/市总/县总/区总 standing alone (县总成立…, 省总、市总和县总): the federation of
    trade unions of the context region; and 某县总 written after the region's name."""
    out = named_short_unions(doc, text)
    for m in _SHORT_UNION_RE.finditer(text):
        s = m.start()
        e = s + 2
        if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in "和与及由在将对向把从是为、" \
                and text[e:e + 1] != "“":
            continue      # (学习市总“X”: a quoted name right after it makes it the body)
        w = words.at(s + 1)
        if not ((w is not None and w.start == s + 1 and w.end == e) or text[e:e + 1] in "、，。；：," or
                (text[e:e + 1] in "和与及" and _SHORT_UNION_RE.match(text, e + 1)) or text.startswith(_ACTS_AFTER, e)):
            continue      # (省总和市总联合…: the tagger reads 总和 as "sum")
        if text[e:e + 1] and text[e] in "工":
            continue
        place = context_place(doc, s, m.group(1))
        if place < 0:
            continue
        span = Span(s, e, Label.UNION, doc.sentence_of(s), "orgs", {"kind": "short-union"})
        out.append(Mention(span, Label.UNION, text[s:e], display_name(doc, place) + "总工会",
                           {"place": place, "region": lx.gazetteer().get(place).name}))
    return out


def shared_head(doc: Document, text: str, words: Words) -> list[Mention]:
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
            if sp.end == base and not sp.attrs.get("contextual") and lx.is_place(sp.attrs.get("place")):
                place = sp.attrs["place"]
        if place < 0:
            place = nearest_region(doc, base)
        label = lx.org_label_of(items[-1] + head) or Label.INSTITUTION
        pos = base
        for it in items:
            s_, e_ = pos, pos + len(it)
            pos = e_ + 1
            name = it + head
            attrs: dict = {"aliases": [name]}
            if place >= 0:
                attrs["place"] = place
                attrs["region"] = gz.get(place).name
                name = display_name(doc, place) + name
            span = Span(s_, e_, label, doc.sentence_of(s_), COMPONENT_NAME, {"kind": "shared-head"})
            out.append(Mention(span, label, it, name, attrs))
    return out


def enumerated_candidates(doc: Document, text: str) -> list[Cand]:
    """Enumerations: the firms of 甲、乙等企业 (`enum_ent`), then the department stems of
    人社、财政等部门 (`dept_stem`)."""
    out = []
    words = Words(doc)
    for m in ENUM_ENT.finditer(text):
        out.extend(listed_firms(doc, text, words, m))
    dset = dept_set()
    for m in ENUM_DEPT.finditer(text):
        out.extend(listed_depts(m, dset))
    return out
