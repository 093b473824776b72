"""The last `orgs` mention steps (see orgs/mention.py), which never reject: the `place`/`region`
attrs (from the candidate, the name itself or the paragraph) and the adjustments of the
normalised name (official full forms, 女工委, a group's 办公室, the zone attr, 联席会议).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.extract.orgs.mention_state import MentionState
from reformkg.ingest.extract.orgs.places import (focus_below, mentioned_town_in_name, paragraph_region, region_in_org_name,
                                                 spans_starting_at)

# 省政府办公厅 / 市政府 inside a longer name: the government's full name
_GOV_RE = re.compile(r"^([\u4e00-\u9fff]{1,12}?[省市县区州旗])政府(?=办公厅|办公室|研究室|参事室|$)")
# candidate kinds whose name may carry its own region (无锡物联网研究院) or take the paragraph's
_NAMED_KINDS = frozenset({"lac", "strong", "industry", "enum_ent", "paren"})
_PLACED_LABELS = frozenset({Label.ENTERPRISE, Label.INSTITUTION})
_NATIONAL_STARTS = ("中央", "中国", "全国", "国家", "中华")
_LOCAL_LEVELS = frozenset({lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT})
_BELOW_PROVINCE = frozenset({lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT})
_SHORT_FORMS = (("女工委", "女职工委员会"),)
_OFFICE_BODIES = ("政府", "委", "党组")


@lru_cache(maxsize=1)
def org_zone_suffixes() -> tuple[str, ...]:
    """Zone words after a region inside a name (某某高新区工会), in the order they are tried."""
    return tuple(lx.read_lines("org_mention_zone_suffixes.txt"))


def _set_place(st: MentionState, place: int) -> None:
    st.attrs["place"] = place
    st.attrs["region"] = lx.gazetteer().get(place).name


def _city_firm_in_district(st: MentionState, inner: int) -> int:
    """A firm or institute named after its city (某市某某研究院), in a paragraph about one of that
    city's districts or counties, stands in that district."""
    gz = lx.gazetteer()
    if inner < 0 or st.label not in _PLACED_LABELS or gz.get(inner).level != lx.LEVEL_CITY:
        return inner
    near = paragraph_region(st.doc, st.c.start, lookback=1)
    if near < 0 or near == inner:
        near = focus_below(st.doc, inner)
    if near >= 0 and near != inner and gz.get(near).level in _LOCAL_LEVELS and gz.is_within(near, inner):
        st.attrs["region_from_context"] = True
        return near
    return inner


def _province_firm_in_city(st: MentionState, inner: int) -> int:
    """A firm registered under its province's name (某省某某有限公司) in a passage about one of that
    province's cities (or in a text about one city more than any other) stands in that city."""
    gz = lx.gazetteer()
    if inner < 0 or st.label != Label.ENTERPRISE or gz.get(inner).level != lx.LEVEL_PROVINCE:
        return inner
    near = paragraph_region(st.doc, st.c.start, lookback=1)
    if near < 0:
        ctx = st.doc.layers.get("region_context")
        near = ctx[0].attrs.get("city", -1) if ctx and ctx[0].attrs.get("city_clear", True) else -1
    if near >= 0 and near != inner and gz.get(near).level in _BELOW_PROVINCE and gz.is_within(near, inner):
        st.attrs["region_from_context"] = True
        return near
    return inner


def _paragraph_place(st: MentionState) -> None:
    """An enterprise or school named in a paragraph about a region is in that region; universities
    stand on their own names; a firm in a city paragraph goes to the city's focus below it."""
    surface, label = st.surface, st.label
    if label not in _PLACED_LABELS or surface.startswith(_NATIONAL_STARTS):
        return
    ctx_place = -1 if surface.endswith("大学") else paragraph_region(
        st.doc, st.c.start, lookback=1 if label == Label.ENTERPRISE else 0)
    if ctx_place >= 0 and label == Label.ENTERPRISE and lx.gazetteer().get(ctx_place).level == lx.LEVEL_CITY:
        ctx_place = focus_below(st.doc, ctx_place)
    if ctx_place >= 0:
        _set_place(st, ctx_place)
        st.attrs["region_from_context"] = True


def region_attrs(st: MentionState) -> None:
    """`place`/`region`: the candidate's place, else a region written inside the name (无锡物联网
    研究院, possibly narrowed by the paragraph), else the paragraph's region for firms and schools;
    narrowed to a town written in the name that the text names on its own (某县某某镇总工会)."""
    if st.place >= 0:
        _set_place(st, _town_or(st, st.place))
        return
    if st.c.kind not in _NAMED_KINDS:
        return
    inner = region_in_org_name(st.surface, st.doc)
    inner = _city_firm_in_district(st, inner)
    inner = _province_firm_in_city(st, inner)
    inner = _town_or(st, inner)
    if inner >= 0:
        _set_place(st, inner)
    else:
        _paragraph_place(st)


def _town_or(st: MentionState, place: int) -> int:
    town = mentioned_town_in_name(st.doc, st.c.start, st.c.end, place)
    return town if town >= 0 else place


# 该|公司盾构工程公司: the tagger glued the 公司 of a deixis for the firm named before to a unit's name
_GLUED_DEIXIS_RE = re.compile(r"(?:集团公司|公司|集团|企业)(?=[\u4e00-\u9fff]{3})")
_UNIT_END_RE = re.compile(r"(?:分公司|子公司|公司|厂|车间|项目部|研究院|研究所|工会)$")


def strip_glued_deixis(st: MentionState) -> None:
    """该公司盾构工程公司 read as one name: the unit's name starts after the deixis's 公司 (the
    glued form stays an alias)."""
    c, text, name = st.c, st.text, st.normalised
    if c.start == 0 or text[c.start - 1] not in "该本其此" or not _UNIT_END_RE.search(name):
        return
    gm = _GLUED_DEIXIS_RE.match(name)
    if gm is not None:
        st.attrs.setdefault("aliases", []).append(name)
        st.normalised = name[gm.end():]


def official_full_name(st: MentionState) -> None:
    """The official full form resolves (市政府办公室 → 市人民政府办公室); the written
    (region-qualified) form is kept in attrs "written" and named canonical by the resolver."""
    expanded = _GOV_RE.sub(r"\1人民政府", lx.expand_abbreviation(st.normalised))
    if expanded != st.normalised:
        st.attrs["written"] = st.normalised
        st.normalised = expanded


def expand_short_forms(st: MentionState) -> None:
    """某市女工委主任…: 女工委 inside a longer name is the 女职工委员会."""
    for short, full in _SHORT_FORMS:
        if short in st.normalised and not st.normalised.endswith(short):
            st.normalised = st.normalised.replace(short, full)


def drop_group_office(st: MentionState) -> None:
    """某某工作领导小组办公室 acts for the group; 政府办公室 is a body of its own."""
    n = st.normalised
    if n.endswith("办公室") and lx.org_label_of(n[:-3]) is not None and len(n) > 7 and \
            not n[:-3].endswith(_OFFICE_BODIES):
        st.normalised = n[:-3]


def zone_attr(st: MentionState) -> None:
    """某某高新区工会: the body is in the zone written (or found) at its start."""
    c, text = st.c, st.text
    for zsp in spans_starting_at(st.doc.layers.get("regions", []), c.start):
        if zsp.attrs.get("contextual"):
            continue
        if zsp.attrs.get("zone") and zsp.end < c.end and text[zsp.end:zsp.end + 1] not in "(（":
            st.attrs["zone"] = zsp.attrs.get("name", text[zsp.start:zsp.end])
            break
        suf = next((z for z in org_zone_suffixes() if text.startswith(z, zsp.end)), None)
        if suf and zsp.end + len(suf) < c.end and text[zsp.end + len(suf):zsp.end + len(suf) + 1] not in "(（":
            st.attrs["zone"] = text[zsp.start:zsp.end + len(suf)]
            break


def joint_meeting_name(st: MentionState) -> None:
    """某某联席会 in a text that calls the body 联席会议: its standard name."""
    if st.normalised.endswith("联席会") and st.text.count("联席会议") >= 2:
        st.normalised += "议"
