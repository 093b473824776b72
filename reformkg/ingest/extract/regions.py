"""Regions component: administrative areas from the gazetteer (full names, short forms gated by
the tagger, ambiguity settled by the document's province/city) and named zones/parks; plus
contextual forms (该市, 全区, 我省 …) resolved to the region the paragraph is about.

Writes layer "regions" (every region span, also those later found inside organisation names),
layer "region_context" (one span: the document's province and main city) and Region mentions.
`context_place(doc, pos, kind)` is the resolver other components use for 省/市/县/区 prefixes.
"""

from __future__ import annotations

import bisect

import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from reformkg.ingest import lexicons as lx
from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, add_mentions, is_cjk, paragraph_of, word_list

_CONTEXTUAL = re.compile(r"(该|全|我|本)(省|市|县|区)")
_ZONE_RE = re.compile("(" + "|".join(sorted(lx.ZONE_SUFFIXES + ("园",), key=len, reverse=True)) + ")")


def _generic_zone_words() -> tuple[str, ...]:
    """Words that make a zone name generic (ingest/data/zone_generic_words.txt)."""
    return word_list("zone_generic_words.txt")


def _zone_body_heads() -> tuple[str, ...]:
    """Bodies named after a zone: X高新区总工会 / 党工委 / 管委会 (ingest/data/zone_body_heads.txt)."""
    return word_list("zone_body_heads.txt")


# zone kinds a city has one of: the bare kind names the place (综保区, 自贸区)
_UNIQUE_ZONES = ("综保区", "综合保税区", "自贸区", "保税区")
_ZONE_WORD_TAGS = frozenset({"n", "nz", "LOC", "ORG", "vn", "an", "j", "s", "nw", "v"})
_NOT_ZONE_START = set("该全我本各每此其这那一个")
_DATELINE_RE = re.compile(r"\d{1,2}月\d{1,2}日电")
_ROUTE_RE = re.compile(r"[\u4e00-\u9fff]{0,2}(高速公路|高速|铁路|高铁|公路|国道|省道|航线|城际|段|线)")
_KIND_SUFFIX = {"省": ("province",), "市": ("city", "county"), "县": ("county",), "区": ("district",)}


def _accept_kind(place: lx.Place, kind: str) -> bool:
    if kind == "省":
        return place.level == lx.LEVEL_PROVINCE
    if kind == "市":
        return place.name.endswith("市") and place.level in (lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_PROVINCE)
    if kind == "县":
        return place.name.endswith(("县", "旗"))
    if kind == "区":
        return place.level == lx.LEVEL_DISTRICT or (place.level == lx.LEVEL_ZONE)
    if kind == "州":
        return place.level == lx.LEVEL_CITY and place.name.endswith("州") and not place.name.endswith("市")
    if kind == "旗":
        return place.name.endswith("旗")
    if kind == "镇":
        return place.level == lx.LEVEL_TOWN and place.name.endswith("镇")
    return False


def _in_quoted_slogan(text: str, s: int, e: int) -> bool:
    q = text.rfind("“", max(0, s - 20), s)
    if q < 0 or "”" in text[q:s]:
        return False
    c = text.find("”", e, e + 20)
    if c < 0:
        return False
    inner = text[q + 1:c]
    return bool(re.search(r"[、，,]", inner)) and len(inner) <= 24


def _county_city_ok(doc: Document, sp, pos: int, spans: list) -> bool:
    """A county-level city (县级市) is what a later bare 市 refers to only when the passage is
    about it: named in the same sentence outside a list, or the document's most-named place
    below its prefecture city."""
    text = doc.text
    place = sp.attrs["place"]
    if doc.sentence_of(sp.start) == doc.sentence_of(pos) and text[sp.end:sp.end + 1] not in "、和与及" and \
            text[sp.start - 1:sp.start] not in ("、",):
        return True
    if text[sp.end:sp.end + 1] in "、和与及" or text[sp.start - 1:sp.start] == "、":
        in_list = True
    else:
        in_list = False
    if not in_list and doc.paragraphs:
        if paragraph_of(doc, pos) - paragraph_of(doc, sp.start) <= 1:
            subject = sp.start == 0 or text[sp.start - 1] in "。，；：\n ！？”（(" or \
                text.startswith(("市委", "市政府", "市人民政府", "市总工会", "市人大", "市政协", "总工会"), sp.end) or \
                text.startswith(("在", "据"), sp.start - 1)
            if subject:
                return True
    counts: dict[int, int] = {}
    for o in spans:
        pl = o.attrs.get("place", -1)
        if pl is not None and pl >= 0:
            counts[pl] = counts.get(pl, 0) + 1
    gz = lx.gazetteer()
    mine = counts.get(place, 0)
    parent = gz.get(place).city
    return mine >= 2 and mine >= counts.get(parent, 0) and all(
        n <= mine for pl, n in counts.items() if pl != place and gz.get(pl).level == lx.LEVEL_COUNTY)


def context_place(doc: Document, pos: int, kind: str) -> int:
    """The place that a bare 省/市/县/区 at `pos` refers to: the latest explicit region of that
    kind named before pos (for 市 in a paragraph about a county or district: its city), else the
    document's default (its province; its most-mentioned city, county, district). -1 if none."""
    if kind == "省":
        return _context_province(doc, pos)
    best = _latest_place_of_kind(doc, pos, kind)
    if best >= 0:
        # prefer one within the current paragraph, else the latest before
        return best
    return _default_place(doc, kind)


def _context_province(doc: Document, pos: int) -> int:
    """The province the passage is about: the latest province named (also inside a body's
    name: 福建省总工会…全省各级工会) in this or the three paragraphs before, else the
    document's province."""
    gz = lx.gazetteer()
    ctx = doc.layers.get("region_context")
    default = ctx[0].attrs.get("province", -1) if ctx else -1
    if not doc.paragraphs:
        return default
    lo = doc.paragraphs[max(0, paragraph_of(doc, pos) - 3)][0]
    best = -1
    for sp in doc.layers.get("regions", []):
        if sp.start >= pos:
            break
        place = sp.attrs.get("place", -1)
        if sp.start >= lo and not sp.attrs.get("contextual") and place is not None and place >= 0 and \
                gz.get(place).level == lx.LEVEL_PROVINCE:
            best = place
    return best if best >= 0 else default


def _explicit_places_before(layer: list, i: int):
    """(index, span, place, gazetteer place) of the explicit regions in layer[:i + 1], latest first
    (contextual and in-name spans skipped)."""
    while i >= 0:
        sp = layer[i]
        place = sp.attrs.get("place", -1)
        if not (sp.attrs.get("contextual") or sp.attrs.get("in_name") or place is None or place < 0):
            yield i, sp, place, lx.gazetteer().get(place)
        i -= 1


def _latest_place_of_kind(doc: Document, pos: int, kind: str) -> int:
    """The latest explicit region before pos that a bare `kind` (市/县/区/州/旗) can mean; -1 if none.

    Read backwards from pos: the latest region that decides wins — one of the kind, or (for 市)
    a county or district, whose 市 is the city above it (沛县 → 徐州市); a county-level city named
    only in passing (a list, another sentence) gives way to the latest prefecture-level place of
    the kind before it, else to what the text before it decides."""
    layer = doc.layers.get("regions", [])
    explicit: list | None = None
    for i, sp, place, p in _explicit_places_before(layer, bisect.bisect_left(layer, pos, key=lambda s: s.start) - 1):
        if not _accept_kind(p, kind):
            if kind == "市" and p.level in (lx.LEVEL_DISTRICT, lx.LEVEL_COUNTY) and p.city >= 0 and p.city != place:
                return p.city
            continue
        if kind == "市" and p.level == lx.LEVEL_COUNTY:
            if explicit is None:
                explicit = [s for s in layer if not s.attrs.get("contextual") and not s.attrs.get("in_name")]
            if not _county_city_ok(doc, sp, pos, explicit):
                city = next((pl for _, _, pl, q in _explicit_places_before(layer, i - 1)
                             if _accept_kind(q, kind) and q.level != lx.LEVEL_COUNTY), -1)
                if city >= 0:
                    return city
                continue
        return place
    return -1


# the document default a bare kind falls back to (attribute of the region_context span); for
# 旗 and 州 only when that default is of the kind
_DEFAULT_OF_KIND = {"市": "city", "县": "county", "区": "district"}
_CHECKED_DEFAULT_OF_KIND = {"旗": "county", "州": "city"}


def _default_place(doc: Document, kind: str) -> int:
    """The document's default place for a bare `kind` (region_context), -1 if none."""
    ctx = doc.layers.get("region_context")
    if not ctx:
        return -1
    if kind in _DEFAULT_OF_KIND:
        return ctx[0].attrs.get(_DEFAULT_OF_KIND[kind], -1)
    if kind in _CHECKED_DEFAULT_OF_KIND:
        place = ctx[0].attrs.get(_CHECKED_DEFAULT_OF_KIND[kind], -1)
        if place >= 0 and _accept_kind(lx.gazetteer().get(place), kind):
            return place
    return -1


class _Hit(NamedTuple):
    """A gazetteer match kept as a place: its span, the written form and the candidate places."""

    start: int
    end: int
    surface: str
    is_short: bool
    cands: list[int]


@dataclass
class _PlaceCounts:
    """How often the document names each province, city, county and district unambiguously."""

    province: Counter[int] = field(default_factory=Counter)
    city: Counter[int] = field(default_factory=Counter)
    county: Counter[int] = field(default_factory=Counter)
    district: Counter[int] = field(default_factory=Counter)
    province_named: Counter[int] = field(default_factory=Counter)   # the province itself written


def _count_places(chosen: list[_Hit], gz: lx.Gazetteer) -> _PlaceCounts:
    """Document context from unambiguous hits."""
    counts = _PlaceCounts()
    for h in chosen:
        cands = h.cands
        if len({gz.get(c).province for c in cands}) == 1:
            # provinces and cities speak for the document's province far more than a
            # county name (会同县 may be 会同 + 县…)
            lv = gz.get(cands[0]).level
            counts.province[gz.get(cands[0]).province] += 3 if lv in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) else 1
        if len(cands) == 1:
            p = gz.get(cands[0])
            if p.level == lx.LEVEL_PROVINCE:
                counts.province_named[p.idx] += 1
            if p.level == lx.LEVEL_CITY or (p.level == lx.LEVEL_COUNTY and p.name.endswith("市")):
                counts.city[p.idx] += 1
            if p.name.endswith(("县", "旗")):
                counts.county[p.idx] += 1
            if p.level == lx.LEVEL_DISTRICT:
                counts.district[p.idx] += 1
    return counts


def _first_province_in(hint: str | None, gz: lx.Gazetteer) -> int:
    """The province of the first place in a source or title line that names one province: a
    short form must name a province or city (not a county's short form that spells a word:
    大通, 会同). -1 if none."""
    for _end, (surface, is_short) in (gz.automaton.iter(hint) if hint and gz.automaton else []):
        cands = gz.candidates(surface)
        if cands and len({gz.get(c).province for c in cands}) == 1 and \
                (not is_short or gz.get(cands[0]).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY)):
            return gz.get(cands[0]).province
    return -1


def _province_from_hints(doc: Document, gz: lx.Gazetteer) -> int:
    """The province named by the document's source, then its title (the title has the last word)."""
    province = -1
    for hint in (doc.source, doc.title):
        found = _first_province_in(hint, gz)
        if found >= 0:
            province = found
    return province


def _is_dateline(text: str, h: _Hit) -> bool:
    """A dateline (本报X9月13日电, 新华社X电) names no place the text speaks of."""
    return bool(_DATELINE_RE.match(text, h.end)) or bool(
        text[max(0, h.start - 3):h.start].endswith(("本报", "新华社", "中新社", "社")) and
        re.match(r"\d{1,2}月\d{1,2}日|电", text[h.end:h.end + 6]))


def _drop_route_ends(text: str, chosen: list[_Hit]) -> list[_Hit]:
    """The ends of a route (A至B高速公路) are not places the text speaks of."""
    route_ends: set[int] = set()
    for a, b in zip(chosen, chosen[1:]):
        if text[a.end:b.start] in ("至", "到", "—", "-", "－") and _ROUTE_RE.match(text, b.end):
            route_ends.update((a.start, b.start))
    return [h for h in chosen if h.start not in route_ends]


def _drop_figures_of_speech(text: str, chosen: list[_Hit]) -> list[_Hit]:
    """A region inside a quoted slogan list (“生态滨湖区、现代智造城”), a dateline, a route's ends."""
    chosen = [h for h in chosen if not _in_quoted_slogan(text, h.start, h.end)]
    chosen = [h for h in chosen if not _is_dateline(text, h)]
    return _drop_route_ends(text, chosen)


def _foreign_minor_place(p: lx.Place, province: int, chained: bool, tagged: bool) -> bool:
    """A county/district/town outside the document's province, not written after its own city
    or province: usually a word that happens to spell one (会同, 惠民)."""
    return province >= 0 and p.province != province and p.level not in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) \
        and not chained and not tagged


def _mark_in_name(text: str, spans: list[Span], lac_ent: dict[int, Span]) -> None:
    """A region that only starts the name of a university or company (武汉理工大学) does not
    say where the paragraph is."""
    for sp in spans:
        tok = lac_ent.get(sp.start)
        if tok is not None and tok.label == "ORG" and tok.end > sp.end and \
                lx.org_label_of(text[tok.start:tok.end]) in (Label.INSTITUTION, Label.ENTERPRISE):
            sp.attrs["in_name"] = True


_MENTION_KEYS = ("level", "adcode", "place", "contextual", "parent")
_CHAIN_MENTION_KEYS = ("level", "adcode", "place", "parent")
# a newspaper or station's name (X日报讯) right after a region: not the region acting
_MEDIA_AFTER = ("日报", "晚报", "报讯", "工人报", "电视台", "广播电视台")


# a site's navigation line (首页 新闻中心 某市新闻 本网专稿 / 当前位置：首页 > …)
_NAVIGATION_LINE_RE = re.compile(r"\s*(?:首页|当前位置|您的位置|您现在的位置|位置[：:])")
_NAVIGATION_LINE_MAX = 60
_QUOTED_NAME_MAX = 40


def _in_navigation_line(text: str, pos: int) -> bool:
    """Is pos on a short line of site navigation (a breadcrumb)?"""
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    line = text[ls:le if le >= 0 else len(text)]
    return len(line) <= _NAVIGATION_LINE_MAX and bool(_NAVIGATION_LINE_RE.match(line))


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """“江苏省示范性…工作室” / “南通工匠”: a region opening a longer quoted name is part of that name
    (of an award, programme or body), not a place the text speaks of."""
    if text[start - 1:start] != "“":
        return False
    close = text.find("”", end, end + _QUOTED_NAME_MAX)
    return close > end and not any(c in text[end:close] for c in "，,。；;：:、！？\n“")


@lru_cache(maxsize=1)
def _named_areas() -> dict[str, tuple[str, ...]]:
    """Named areas (ingest/data/named_areas.tsv) → their short forms."""
    return {row[0]: tuple(x for x in (row[1].split(",") if len(row) > 1 else []) if x)
            for row in lx.read_tsv("named_areas.tsv")}


@lru_cache(maxsize=1)
def _one_char_cities() -> dict[str, str]:
    """One-character city names (ingest/data/city_one_char.tsv) → their full names."""
    return {row[0]: row[1] for row in lx.read_tsv("city_one_char.tsv") if len(row) >= 2}


def _one_char_city_place(gz: lx.Gazetteer, char: str) -> int:
    full = _one_char_cities().get(char, "")
    return next((i for i in gz.candidates(full) if gz.get(i).name == full), -1)


_ONE_CHAR_CITY_VERBS = "召开|举行|举办|开幕|闭幕|发布|出席|调研|参加|参会|成立|启动|落幕|开展|考察|培训|集训|比赛|参赛|领奖"


@lru_cache(maxsize=1)
def _one_char_city_re() -> re.Pattern[str]:
    chars = "|".join(map(re.escape, _one_char_cities()))
    return re.compile(f"(?<=[在来赴进抵返离])({chars})(?={_ONE_CHAR_CITY_VERBS})")


def _region_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """A Region mention for each span, except a newspaper or station's name (X日报讯), a region on
    a navigation line and one that only opens a quoted name (the spans stay as context)."""
    return [Mention(sp, Label.REGION, text[sp.start:sp.end], sp.attrs["name"],
                    {k: v for k, v in sp.attrs.items() if k in _MENTION_KEYS})
            for sp in spans if not text.startswith(_MEDIA_AFTER, sp.end)
            and not _in_navigation_line(text, sp.start) and not _in_quoted_name(text, sp.start, sp.end)]


def _after_parent(text: str, s: int, cands: list[int], gz: lx.Gazetteer) -> bool:
    """A place's parent (its full or short name) is written right before it."""
    for c in cands:
        parent = gz.get(c).parent
        if parent >= 0:
            pp = gz.get(parent)
            if any(n and len(n) >= 2 and text.endswith(n, 0, s) for n in (pp.name, pp.short)):
                return True
    return False


def _clear_main_city(counts, city: int, province: int) -> bool:
    """The main city is what the text is about: named more often than any other city (not one
    of a tie or a list) and at least as often as the province (not a province's report)."""
    if city < 0:
        return False
    top = counts.city.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        return False
    return province < 0 or counts.city[city] >= counts.province_named.get(province, 0)


class Regions:
    name = "regions"
    requires: tuple[str, ...] = ("lac_words",)
    assigns: tuple[str, ...] = ("regions", "region_context", "mentions")

    def __call__(self, doc: Document) -> Document:
        gz = lx.gazetteer()
        text = doc.text
        words = Words(doc)
        lac_ent = {(s.start): s for s in doc.layers.get("lac", []) if s.label in ("LOC", "ORG", "nz", "PER")}
        chosen = _drop_figures_of_speech(text, self._choose_hits(text, gz, words, lac_ent))
        counts = _count_places(chosen, gz)
        province = counts.province.most_common(1)[0][0] if counts.province else -1
        if province < 0:
            province = _province_from_hints(doc, gz)
        city = counts.city.most_common(1)[0][0] if counts.city else -1
        context = [c for c, _ in counts.city.most_common(3)] + ([province] if province >= 0 else [])
        spans = self._merge_chains(doc, self._place_spans(doc, chosen, gz, province, context, lac_ent), gz)
        spans = sorted(spans + self._one_char_cities(doc, gz, spans), key=lambda sp: sp.start)
        # the county/district a bare 县/区 defaults to: only from places kept above (a word that
        # spells an out-of-province county, 会同县…, says nothing)
        kept = {sp.attrs["place"] for sp in spans}
        county_count = Counter({k: v for k, v in counts.county.items() if k in kept})
        district_count = Counter({k: v for k, v in counts.district.items() if k in kept})
        _mark_in_name(text, spans, lac_ent)
        spans.extend(self._zones(doc, words, spans))
        spans.extend(self._named_areas(doc, spans))
        spans.sort(key=lambda sp: sp.start)
        ctx_span = Span(0, 0, "context", -1, self.name,
                        {"province": province, "city": city,
                         "city_clear": _clear_main_city(counts, city, province),
                         "county": county_count.most_common(1)[0][0] if county_count else -1,
                         "district": district_count.most_common(1)[0][0] if district_count else -1})
        doc.layers["region_context"] = [ctx_span]
        doc.layers["regions"] = spans
        contextual = self._contextual_spans(doc, gz)
        mentions = _region_mentions(text, spans + contextual)
        doc.layers["regions"] = sorted(spans + contextual, key=lambda sp: sp.start)
        add_mentions(doc, mentions)
        doc.mentions.extend(self._chain_parent_mentions(doc, spans))
        return doc

    # ------------------------------------------------------------------------------------------
    def _choose_hits(self, text: str, gz: lx.Gazetteer, words: Words, lac_ent: dict[int, Span]) -> list[_Hit]:
        """Gazetteer matches, longest first and non-overlapping, that are plausibly places; in text order."""
        hits: list[tuple[int, int, str, bool]] = []
        if gz.automaton is not None:
            for end, (surface, is_short) in gz.automaton.iter(text):
                start = end - len(surface) + 1
                hits.append((start, end + 1, surface, is_short))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken = bytearray(len(text) + 1)
        chosen: list[_Hit] = []
        for s, e, surface, is_short in hits:
            if any(taken[s:e]):
                continue
            cands = gz.by_short.get(surface, []) if is_short else gz.by_name.get(surface, [])
            if not cands:
                continue
            if not self._plausible(text, s, e, surface, is_short, cands, gz, words, lac_ent):
                continue
            for i in range(s, e):
                taken[i] = 1
            chosen.append(_Hit(s, e, surface, is_short, cands))
        chosen.sort()
        return chosen

    def _place_spans(self, doc: Document, chosen: list[_Hit], gz: lx.Gazetteer, province: int,
                     context: list[int], lac_ent: dict[int, Span]) -> list[Span]:
        """A span for each chosen hit, its place settled by the document's context; minor places
        outside the province are dropped unless chained to their parent or tagged as a place."""
        spans: list[Span] = []
        prev_end, prev_place = -1, -1
        for s, e, surface, is_short, cands in chosen:
            place = gz.choose(cands, context) if len(cands) > 1 else cands[0]
            p = gz.get(place)
            chained = prev_end == s and prev_place >= 0 and gz.is_within(place, prev_place)
            tok = lac_ent.get(s)
            tagged = not is_short and tok is not None and tok.label == "LOC" and tok.end == e and len(surface) >= 3
            if _foreign_minor_place(p, province, chained, tagged):
                continue
            spans.append(self._span(doc, s, e, p, surface))
            prev_end, prev_place = e, place
        return spans

    def _contextual_spans(self, doc: Document, gz: lx.Gazetteer) -> list[Span]:
        """Contextual forms (该市, 全区, 我省 …) resolved by context_place; not 市委, 区级, 省内 …"""
        text = doc.text
        contextual: list[Span] = []
        for m in _CONTEXTUAL.finditer(text):
            s, e = m.span()
            if e < len(text) and text[e] in "委级内外属直":
                continue
            place = context_place(doc, s, m.group(2))
            if place < 0:
                continue
            p = gz.get(place)
            contextual.append(Span(s, e, Label.REGION, doc.sentence_of(s), self.name,
                                   {"place": place, "name": p.name, "level": p.level, "adcode": p.adcode,
                                    "contextual": True}))
        return contextual

    def _chain_parent_mentions(self, doc: Document, spans: list[Span]) -> list[Mention]:
        """安吉县天荒坪镇: the county that locates a town is a region the text speaks of too (a
        body's name covering the chain later drops it again)."""
        out: list[Mention] = []
        for sp in spans:
            cp = sp.attrs.get("chain_parent")
            if cp and sp.attrs.get("level") == lx.LEVEL_TOWN and cp[2].get("level") in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT):
                ps, pe, pattrs = cp
                psp = Span(ps, pe, Label.REGION, doc.sentence_of(ps), self.name, pattrs)
                out.append(Mention(psp, Label.REGION, doc.text[ps:pe], pattrs["name"],
                                   {k: v for k, v in pattrs.items() if k in _CHAIN_MENTION_KEYS}))
        return out

    # ------------------------------------------------------------------------------------------
    def _named_areas(self, doc: Document, spans: list[Span]) -> list[Span]:
        """Named multi-region areas (粤港澳大湾区; ingest/data/named_areas.tsv), and their short forms
        where the full name is written too; not where a region already stands."""
        text = doc.text
        taken = [(sp.start, sp.end) for sp in spans]
        out: list[Span] = []
        for name, shorts in _named_areas().items():
            if name not in text:
                continue
            for form in sorted({name, *shorts}, key=len, reverse=True):
                for m in re.finditer(re.escape(form), text):
                    s, e = m.span()
                    if any(a < e and s < b for a, b in taken):
                        continue
                    taken.append((s, e))
                    out.append(Span(s, e, Label.REGION, doc.sentence_of(s), self.name,
                                    {"place": -1, "name": name, "level": lx.LEVEL_ZONE, "adcode": "", "parent": -1,
                                     "zone": True, "short": form != name}))
        return out

    def _one_char_cities(self, doc: Document, gz: lx.Gazetteer, spans: list[Span]) -> list[Span]:
        """在京召开 / 来沪参加 / 赴渝调研: a city written with its one-character name, as the place
        of a verb of meeting or travel."""
        taken = {sp.start for sp in spans}
        out = []
        for m in _one_char_city_re().finditer(doc.text):
            idx = _one_char_city_place(gz, m.group(1))
            if idx >= 0 and m.start(1) not in taken:
                out.append(self._span(doc, m.start(1), m.end(1), gz.get(idx), m.group(1)))
        return out

    def _span(self, doc: Document, s: int, e: int, p: lx.Place, surface: str) -> Span:
        return Span(s, e, Label.REGION, doc.sentence_of(s), self.name,
                    {"place": p.idx, "name": p.name, "level": p.level, "adcode": p.adcode,
                     "parent": p.parent, "short": surface != p.name})

    @staticmethod
    def _plausible(text: str, s: int, e: int, surface: str, is_short: bool, cands: list[int],
                   gz: lx.Gazetteer, words: Words, lac_ent: dict) -> bool:
        levels = {gz.get(c).level for c in cands}
        if not is_short:
            if len(surface) <= 2 and not (levels & {lx.LEVEL_PROVINCE, lx.LEVEL_CITY}) and not surface.endswith(("县", "旗")):
                return False      # 城区, 郊区, 矿区 …; but 沛县, 歙县 are names
            if levels <= {lx.LEVEL_TOWN, lx.LEVEL_ZONE}:
                # towns: full names of ≥3 characters at a word start, or right after the county
                # or district they lie in (播州区鸭溪镇, read by the tagger as one word)
                return len(surface) >= 3 and (words.is_start(s) or _after_parent(text, s, cands, gz))
            return True
        # 江苏省仪征|枣林湾…: the tagger spanned the province and the county's short form as one place
        if text[max(0, s - 1):s] in ("省", "市") and any(
                t.label == "LOC" and t.start < s and t.end == e for t in lac_ent.values()):
            return True
        # short forms: provinces and cities need a word start; counties need the tagger's say
        if s > 0 and is_cjk(text[s - 1]) and not words.is_start(s):
            return False
        tok = lac_ent.get(s)
        if levels & {lx.LEVEL_PROVINCE, lx.LEVEL_CITY}:
            # the tagger must not read it as part of another word (白银 in 金银白银)
            w = words.at(s)
            return (tok is not None and tok.label in ("LOC", "ORG", "nz")) or text[e:e + 1] in "市省人" or w is None
        return tok is not None and tok.label in ("LOC", "ORG") and tok.end >= e

    @staticmethod
    def _merge_chains(doc: Document, spans: list[Span], gz: lx.Gazetteer) -> list[Span]:
        """镇江市京口区: a region written right after its parent is one mention of the child."""
        out: list[Span] = []
        for sp in spans:
            if out:
                prev = out[-1]
                if prev.end == sp.start and gz.is_within(sp.attrs["place"], prev.attrs["place"]) and \
                        sp.attrs["place"] != prev.attrs["place"]:
                    merged = Span(prev.start, sp.end, Label.REGION, prev.sentence, sp.component, dict(sp.attrs))
                    merged.attrs["short"] = False
                    merged.attrs["prefixed"] = doc.text[prev.start:sp.end]
                    merged.attrs["chain_parent"] = (prev.start, prev.end, dict(prev.attrs))
                    out[-1] = merged
                    continue
            out.append(sp)
        return out

    @staticmethod
    def _zone_body_follows(text: str, words: Words, he: int) -> bool:
        """The tagger spanned a zone and its body as one name (X高新区党工委, X开发区总工会): the
        rest of that token is an organisation head."""
        w = words.at(he)
        if w is None or w.end <= he or w.start >= he or w.end - he > 8:
            return False
        rest = text[he:w.end]
        return any(rest == h or (rest.endswith(h) and len(h) >= 2) for h in _zone_body_heads()) or \
            (w.label == "ORG" and lx.org_label_of(rest) in (Label.AGENCY, Label.UNION))

    def _zones(self, doc: Document, words: Words, regions: list[Span]) -> list[Span]:
        """Named zones/parks. The name needs a proper part: a region written first (无锡高新区,
        沛县经济开发区), a quoted name (“长三角新就业产业园”), the tagger reading the whole as a
        place (LOC), or a short name listed as one of several units (微纳园、综保区等). Bare or
        generic ones (园区, 特色产业园区, 实施园区) are not entities."""
        text = doc.text
        out: list[Span] = []
        zr = _ZoneRegions.of(regions)
        for m in _ZONE_RE.finditer(text):
            hs, he = m.span()
            if hs in zr.covered:
                continue
            if he < len(text) and is_cjk(text[he]) and not words.is_end(he) and \
                    not self._zone_body_follows(text, words, he):
                continue
            z = _zone_start(text, words, zr, hs, he, m.group(1))
            if z.start < 0 or (hs - z.start < 1 and not z.bare_kind):
                continue
            if any(rule(text, words, zr, z) for rule in _NOT_A_ZONE_NAME):
                continue
            out.append(Span(z.start, he, Label.REGION, doc.sentence_of(z.start), self.name,
                            {"place": -1, "name": text[z.start:he], "level": lx.LEVEL_ZONE, "adcode": "",
                             "parent": z.parent, "zone": True}))
        return out


@dataclass
class _ZoneRegions:
    """The regions already found, indexed for the zone rules."""

    by_start: dict[int, Span]
    by_end: dict[int, Span]
    covered: set[int]
    last_chars: set[int]

    @classmethod
    def of(cls, regions: list[Span]) -> _ZoneRegions:
        covered: set[int] = set()
        for sp in regions:
            covered.update(range(sp.start, sp.end))
        return cls({sp.start: sp for sp in regions}, {sp.end: sp for sp in regions}, covered,
                   {r.end - 1 for r in regions})


@dataclass(frozen=True)
class _Zone:
    """A zone name found before the suffix text[hs:he]: where it starts (-1: none), the region it
    is in (-1: none), and whether it is named by its kind alone (综保区)."""

    hs: int
    he: int
    suffix: str
    start: int
    parent: int = -1
    bare_kind: bool = False


def _zone_start(text: str, words: Words, zr: _ZoneRegions, hs: int, he: int, suffix: str) -> _Zone:
    """Where the zone name ending in the suffix at hs:he starts: (b) a quoted name, else a name
    extended left over words ((a) a region first, (c)–(e) see _unregioned_zone_start), else a
    city's one zone of a unique kind named bare."""
    start = _quoted_zone_start(text, hs, he)
    if start >= 0:
        return _Zone(hs, he, suffix, start)
    start, parent = _named_zone_start(text, words, zr, hs, he, suffix)
    if start < 0 and _bare_unique_zone(text, hs, he, suffix):
        return _Zone(hs, he, suffix, hs, parent, True)
    return _Zone(hs, he, suffix, start, parent)


def _quoted_zone_start(text: str, hs: int, he: int) -> int:
    """(b) a quoted name (“X产业园”), or a quoted name before the suffix (“两湖”创新区); -1 if not."""
    if he < len(text) and text[he] in "”\"":
        q = text.rfind("“", max(0, hs - 16), hs)
        return q + 1 if q >= 0 and "”" not in text[q:hs] else -1
    if hs > 0 and text[hs - 1] == "”":
        q = text.rfind("“", max(0, hs - 12), hs - 1)
        return q if q >= 0 else -1
    return -1


def _extend_left(text: str, words: Words, i: int, first: int, he: int, region_by_start: dict[int, Span]) -> int:
    """Extend a zone name left from `first` over name-like words (from word i back), at most 14
    characters, stopping after a region's start."""
    while i >= 0:
        w = words.spans[i]
        if w.end != first or w.label not in _ZONE_WORD_TAGS or text[w.start] in _NOT_ZONE_START:
            break
        if he - w.start > 14:
            break
        first = w.start
        i -= 1
        if first in region_by_start:
            break
    return first


def _named_zone_start(text: str, words: Words, zr: _ZoneRegions, hs: int, he: int, suffix: str) -> tuple[int, int]:
    """(start, parent region) of a zone name extended left over name-like words: (a) from a region
    written first, else see _unregioned_zone_start (parent -1). (-1, -1) if none."""
    w_here = words.at(hs)
    cur = w_here.start if (w_here is not None and w_here.start < hs) else hs
    i = words.index_at(cur - 1) if cur > 0 else -1
    if w_here is not None and w_here.label == "LOC" and w_here.end == he and w_here.start < hs and \
            cur - 1 not in zr.last_chars:
        i = -1      # the tagger read the whole park name as a place (X园): no verb before it
    first = _extend_left(text, words, i, cur, he, zr.by_start)
    # (a) a region first
    for k in range(first, hs):
        if k in zr.by_start and zr.by_start[k].attrs.get("place", -1) >= 0:
            return k, zr.by_start[k].attrs["place"]
    if hs in zr.by_end and zr.by_end[hs].attrs.get("place", -1) >= 0:
        r = zr.by_end[hs]
        return r.start, r.attrs["place"]
    return _unregioned_zone_start(text, words, hs, he, suffix, cur, first), -1


def _unregioned_zone_start(text: str, words: Words, hs: int, he: int, suffix: str, cur: int, first: int) -> int:
    """(c) the tagger reads the name as a place or organisation, (e) a specific name of several
    words (台资集聚示范区), (d) a short unit in a list; -1 if none."""
    w_here = words.at(hs)
    tok = words.at(hs - 1) if hs > 0 else None
    if tok is not None and tok.label in ("LOC", "ORG") and words.at(he - 1) is tok:
        return tok.start
    if w_here is not None and w_here.label == "LOC" and w_here.end == he and w_here.start < hs:
        return w_here.start
    if suffix != "园" and hs - first >= 4 and words.at(first) is not None and \
            words.at(first).label in ("n", "nz", "j") and \
            not any(g in text[first:hs] for g in _generic_zone_words()):
        return first       # (e) a specific name of several words (台资集聚示范区)
    return _listed_unit_start(text, hs, he, cur, first)


def _listed_unit_start(text: str, hs: int, he: int, cur: int, first: int) -> int:
    """(d) a short name listed as one of several units (微纳园、综保区等); -1 if not."""
    if 1 <= hs - cur <= 3 or (cur == hs and hs - first <= 3 and first < hs):
        st = cur if cur < hs else first
        before = text[st - 1:st] if st > 0 else ""
        after = text[he:he + 1]
        if (before in ("、", "，", ",") or after in ("、",) or text[he:he + 1] == "等") and \
                (after in ("、", "等") or before == "、"):
            return st
    return -1


def _bare_unique_zone(text: str, hs: int, he: int, suffix: str) -> bool:
    """微纳园、综保区等 / 在综保区: a city's one bonded zone, named by its kind."""
    return suffix in _UNIQUE_ZONES and (hs == 0 or text[hs - 1] in "、，,在于和与及“\n") and \
        (text[hs - 1:hs] in ("、", "在", "于") or text[he:he + 1] in ("、", "等"))


# ---- rules that a found zone name is no zone: each (text, words, regions, zone) -> True to drop

def _generic_zone_name(text: str, words: Words, zr: _ZoneRegions, z: _Zone) -> bool:
    """A generic word in the name (特色产业园区, 实施园区), unless quoted or after a region."""
    return any(g in text[z.start:z.he] for g in _generic_zone_words()) and not text[z.start - 1:z.start] == "“" and \
        not (z.start in zr.by_start)


def _amenity_name(text: str, words: Words, zr: _ZoneRegions, z: _Zone) -> bool:
    """家园, 校园, 公园 …: no zone."""
    return text[z.start:z.he].endswith(_AMENITY_ENDINGS)


def _quoted_slogan_park(text: str, words: Words, zr: _ZoneRegions, z: _Zone) -> bool:
    """“一主一副”园区: a slogan, not a named park."""
    return text[z.start:z.start + 1] == "“" and z.suffix in ("园区", "园", "产业园区", "科技园区")


def _untagged_garden(text: str, words: Words, zr: _ZoneRegions, z: _Zone) -> bool:
    """A bare 园 needs a name of ≥3 characters the tagger starts with a place."""
    return z.suffix == "园" and not (z.he - z.start >= 3 and (words.at(z.start) is not None and
                                                               words.at(z.start).label == "LOC"))


_NOT_A_ZONE_NAME = (_generic_zone_name, _amenity_name, _quoted_slogan_park, _untagged_garden)
_AMENITY_ENDINGS = ("家园", "校园", "公园", "花园", "乐园", "庄园", "田园")
