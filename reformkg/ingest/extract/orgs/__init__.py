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

Package layout: lexicon (word lists, automata), grammar (candidate spans), places (region
context), filters (rejections), lists (enumerations, shared heads, short unions), mention
(candidate → Mention), derived (set-up groups, short and parent firm names), component (Orgs).
"""

from __future__ import annotations

from reformkg.ingest.extract.orgs.component import Orgs
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, PARTY_DEPTS
from reformkg.ingest.extract.orgs.places import display_name

# persons imports display_name from here
__all__ = ["Orgs", "COMPONENT_NAME", "PARTY_DEPTS", "display_name"]
