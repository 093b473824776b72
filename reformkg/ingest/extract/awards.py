"""Awards component: honours by level (全国/省/市 + 劳动模范/五一劳动奖章/工匠/技术能手 …).

A level word (全国, 国家级, 省/省级, 市/市级) or a region name before the honour decides its
level and canonical name: 省劳模 in a Jiangsu document → 江苏省劳动模范; 市级“五一劳动奖章” in a
镇江 document → 镇江市五一劳动奖章; 全国劳模 → 全国劳动模范. 劳模 is 劳动模范. Honours that are
too generic alone (工匠, 技能大师, 首席技师) need a level or region.

The rules run in order (RULES), each seeing the awards of the rules before it: honours by level
(awards_levels), named prizes and quoted honours (awards_named), vanguard titles of occupations,
an enterprise's own craftsman title, and bare honours coordinated with accepted ones. Word lists
are in ingest/data/award_*.

This is the last mention component: it also turns person→organisation references into
indices into doc.mentions (persons.finalise_indices).
"""

from __future__ import annotations

import re
from typing import Callable

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.awards_common import (
    award_mention, coordinated_cores, core_canon, enterprise_suffixes, not_after,
)
from reformkg.ingest.extract.awards_levels import level_awards
from reformkg.ingest.extract.awards_named import named_prizes
from reformkg.ingest.extract.common import add_mentions, is_cjk
from reformkg.ingest.extract.persons import finalise_indices

# 先锋骑手 / 先锋司机: a vanguard title of a (new-employment-form) occupation
_VANGUARD_RE = re.compile(r"(?<![工人])先锋(骑手|司机|快递员|外卖员|配送员|网约车司机|货车司机|家政员|护工|职工)")
_CRAFTSMAN_RE = re.compile(r"(大?工匠)")
_COORD_SEP = re.compile(r"[、和及与]?")
_NATIONAL_STARTS = ("中国", "中华", "国家", "全国")
# characters before a brand that let it start the title (设立某某工匠, 评为某某工匠)
_BRAND_MAY_FOLLOW = "设立评选为获和与及了首名位"


def _vanguards(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """先锋骑手 / 先锋司机: the vanguard title of an occupation (not 先锋骑手精神, 先锋司机们)."""
    out = []
    for m in _VANGUARD_RE.finditer(text):
        s, e = m.span()
        if text[e:e + 2] in ("精神", "作用", "队伍") or text[e:e + 1] in "的们":
            continue
        out.append(award_mention(doc, s, e, text[s:e], span_attrs={}, attrs={}))
    return out


def _enterprise_names(doc: Document) -> tuple[set[str], set[str]]:
    """(short names, brands) of the document's enterprises: 新华 of 新华有限公司 (a name of 2-4
    characters before a company suffix), and the first two characters of a name that are no
    place and no national word (福耀 of 福耀玻璃…有限公司)."""
    shorts: set[str] = set()
    brands: set[str] = set()
    gz = lx.gazetteer()
    suffixes = enterprise_suffixes()
    for m in doc.mentions:
        if m.label != Label.ENTERPRISE:
            continue
        brand = m.normalised[:2]
        if all(is_cjk(ch) for ch in brand) and not gz.candidates(brand) and \
                not m.normalised.startswith(_NATIONAL_STARTS):
            brands.add(brand)
        for form in (m.surface, m.normalised):
            for suf in suffixes:
                if form.endswith(suf) and 2 <= len(form) - len(suf) <= 4:
                    shorts.add(form[: -len(suf)])
                    break
    return shorts, brands


def _enterprise_craftsman(text: str, hs: int, he: int, names: list[str], shorts: set[str], brands: set[str],
                          have: set[tuple[int, int]]) -> int:
    """The start of X工匠 ending at he, X the first fitting enterprise name; -1 when none. A
    brand only (no short name) must not follow another character of a word."""
    for short in names:
        s = hs - len(short)
        if short in brands and short not in shorts and s > 0 and is_cjk(text[s - 1]) and \
                text[s - 1] not in _BRAND_MAY_FOLLOW:
            continue
        if s >= 0 and text[s:hs] == short and (s, he) not in have and \
                not text[he:he + 2].startswith(("精神", "文化", "工作室", "学院")):
            return s
    return -1


def _enterprise_craftsmen(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """X工匠 where X is the short name of an enterprise of the document (新华公司 → 新华工匠):
    the enterprise's own craftsman title."""
    shorts, brands = _enterprise_names(doc)
    if not shorts and not brands:
        return []
    have = {(m.span.start, m.span.end) for m in found}
    names = sorted(shorts, key=len, reverse=True) + sorted(brands)
    out = []
    for m in _CRAFTSMAN_RE.finditer(text):
        hs, he = m.span()
        s = _enterprise_craftsman(text, hs, he, names, shorts, brands, have)
        if s >= 0:
            out.append(award_mention(doc, s, he, text[s:he], "enterprise"))
    return out


def _near(spans: list[tuple[int, int]], text: str, s: int, e: int) -> bool:
    """An accepted honour right before s (with at most a conjunction between) or right after e
    (after one conjunction)."""
    return any((b <= s and s - b <= 1 and _COORD_SEP.fullmatch(text[b:s])) or
               (a >= e and a - e == 1 and text[e] in "、和及与") for a, b in spans)


def _coordinated_bare(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """A bare honour coordinated with an accepted one (劳模、先进工作者和五一劳动奖章获得者):
    the list shares the conferral cue."""
    spans = [(m.span.start, m.span.end) for m in found]
    out: list[Mention] = []
    for core in coordinated_cores():
        for m in re.finditer(core, text):
            s, e = m.span()
            if any(a <= s < b or a < e <= b for a, b in spans):
                continue
            if text[e:e + 5].startswith(not_after()) or not _near(spans, text, s, e):
                continue
            out.append(award_mention(doc, s, e, core_canon().get(core, core), span_attrs={}, attrs={}))
            spans.append((s, e))
    return out


AwardRule = Callable[[Document, str, list[Mention]], list[Mention]]
# in this order: each rule sees the awards of the rules before it
RULES: tuple[AwardRule, ...] = (level_awards, named_prizes, _vanguards, _enterprise_craftsmen, _coordinated_bare)


class Awards:
    """Award mentions (the awards layer) by the rules in RULES."""

    name = "awards"
    requires: tuple[str, ...] = ("regions",)
    assigns: tuple[str, ...] = ("awards", "mentions")

    def __call__(self, doc: Document) -> Document:
        out: list[Mention] = []
        for rule in RULES:
            out.extend(rule(doc, doc.text, out))
        doc.layers["awards"] = [m.span for m in out]
        added = add_mentions(doc, out)
        doc.mentions.extend(_conferred_by_selections(doc, [m for m in out if m not in added]))
        finalise_indices(doc)
        return doc


_SELECTION_RULE = "quoted-selection"


def _conferred_by_selections(doc: Document, left_out: list[Mention]) -> list[Mention]:
    """The honours named inside a selection activity (“X工匠”选树活动): the activity is a
    programme and the honour it confers an award of its own, nested in the programme's name."""
    selections = [m for m in doc.mentions if m.label == Label.PROGRAMME and m.span.attrs.get("rule") == _SELECTION_RULE]
    out: dict[tuple[int, int], Mention] = {}
    for a in left_out:
        if any(p.span.start <= a.span.start and a.span.end < p.span.end for p in selections):
            out.setdefault((a.span.start, a.span.end), a)
    return list(out.values())
