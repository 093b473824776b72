"""Region context for the `orgs` component: the region written inside a name, the region a
bare 省/市/县/区 prefix or department resolves to (paragraph, nearby text, document focus), and the
fullest written form of a region for composing body names.
"""

from __future__ import annotations

import bisect

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document


def region_in_org_name(name: str, doc: Document) -> int:
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
        # official zones with a code of their own (苏州工业园区) count like districts, and win over them
        cands = [c for c in cands if gz.get(c).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT)
                 or (gz.get(c).level == lx.LEVEL_ZONE and gz.get(c).adcode and not is_short)]
        if not cands or (is_short and gz.get(cands[0]).level not in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY)):
            continue
        rank = {lx.LEVEL_PROVINCE: 0, lx.LEVEL_CITY: 1, lx.LEVEL_ZONE: 3}.get(gz.get(cands[0]).level, 2)
        # the most specific region named (无锡市新吴区总工会 → 新吴区), then the earliest
        if best is None or rank > best[3] or (rank == best[3] and start < best[0]):
            best = (start, len(surface), gz.choose(cands, context), rank)
    return best[2] if best else -1


def mentioned_town_in_name(doc: Document, start: int, end: int, place: int) -> int:
    """A town written inside the body's name at start..end (诸暨市某某镇总工会, 某某镇袜业协会) that
    the text also names as a region of its own, and that lies within `place` when one is known;
    -1 if none. Town names repeat across the country, so only a town the text speaks of counts."""
    gz = lx.gazetteer()
    name = doc.text[start:end]
    best = (len(name), -1)
    for town in doc.derived_index("towns_on_their_own", "regions", _towns_named_on_their_own):
        at = name.find(gz.get(town).name)
        if 0 <= at < best[0] and at + len(gz.get(town).name) < len(name) and (place < 0 or gz.is_within(town, place)):
            best = (at, town)
    return best[1]


def _towns_named_on_their_own(layer: list) -> list[int]:
    """The towns a regions layer holds outside names and contextual forms (in text order, once)."""
    gz = lx.gazetteer()
    out: dict[int, None] = {}
    for sp in layer:
        town = sp.attrs.get("place", -1)
        if town is not None and town >= 0 and not sp.attrs.get("in_name") and not sp.attrs.get("contextual") and \
                gz.get(town).level == lx.LEVEL_TOWN:
            out[town] = None
    return list(out)


def spans_starting_at(layer: list, start: int) -> list:
    """The spans of a layer sorted by start that start at `start` (bisected, not scanned)."""
    i = bisect.bisect_left(layer, start, key=lambda sp: sp.start)
    j = i
    while j < len(layer) and layer[j].start == start:
        j += 1
    return layer[i:j]


def display_name(doc: Document, place: int) -> str:
    """The fullest way the document writes a region (无锡市新吴区 rather than 新吴区), for composing
    the names of its bodies (全区产改工作联席会 → 无锡市新吴区产改工作联席会)."""
    gz = lx.gazetteer()
    best = gz.get(place).name
    if gz.get(place).level not in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT):
        return best           # a city keeps its own name (not 广西壮族自治区柳州市)
    for form in doc.derived_index("prefixed_forms", "regions", _prefixed_forms).get(place, ()):
        if len(form) > len(best) and form.endswith(best):
            best = form
    return best


def _prefixed_forms(spans: list) -> dict[int, list[str]]:
    """place → the prefixed forms (江苏省仪征) the regions layer writes it with, in text order."""
    out: dict[int, list[str]] = {}
    for sp in spans:
        if not sp.attrs.get("contextual") and sp.attrs.get("place") is not None:
            out.setdefault(sp.attrs.get("place"), []).append(sp.attrs.get("prefixed") or "")
    return out


_LIST_JOINS = ("、", "和", "及", "与", ",", "，")


def in_region_list(doc: Document, spans: list, i: int) -> bool:
    """Region span i is an item of a list of regions (在甲市、乙市、丙市开展…): no one of them is
    what the paragraph is about."""
    text, sp = doc.text, spans[i]
    nxt = spans[i + 1] if i + 1 < len(spans) else None
    prv = spans[i - 1] if i > 0 else None
    return bool((nxt is not None and text[sp.end:nxt.start] in _LIST_JOINS)
                or (prv is not None and text[prv.end:sp.start] in _LIST_JOINS))


def paragraph_region(doc: Document, pos: int, lookback: int = 0) -> int:
    """The most specific, then latest, region named (on its own or inside an organisation name,
    not as an item of a list of regions) before pos in the same paragraph, else in the nearest
    of up to `lookback` paragraphs before it; -1 if none."""
    from reformkg.ingest.extract.common import paragraph_of

    if not doc.paragraphs:
        return -1
    pi = paragraph_of(doc, pos)
    for back in range(0, lookback + 1):      # the paragraph itself first, then the ones before
        if pi - back < 0:
            break
        ps, pe = doc.paragraphs[pi - back]
        best = _most_specific_region(doc, ps, min(pe, pos))
        if best >= 0:
            return best
    return -1


def _most_specific_region(doc: Document, ps: int, pe: int) -> int:
    """The most specific, then the latest, region named in [ps, pe) that is no list item."""
    gz = lx.gazetteer()
    rank = {lx.LEVEL_PROVINCE: 0, lx.LEVEL_CITY: 1, lx.LEVEL_COUNTY: 2, lx.LEVEL_DISTRICT: 2}
    best, best_rank = -1, -1
    spans = doc.layers.get("regions", [])
    for i, sp in enumerate(spans):
        if sp.start >= pe:
            break
        place = sp.attrs.get("place", -1)
        if sp.start >= ps and place is not None and place >= 0 and not in_region_list(doc, spans, i):
            r = rank.get(gz.get(place).level, -1)
            if r >= best_rank:
                best, best_rank = place, r
    return best


def focus_below(doc: Document, city: int) -> int:
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


def nearest_zone(doc: Document, pos: int) -> str:
    """The zone as written (松山湖高新区) when it is the latest place named before pos in the
    same paragraph (a bare department then belongs to the zone: X高新区经济发展局), else ""."""
    from reformkg.ingest.extract.common import paragraph_of

    lo = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
    best = None
    for sp in doc.layers.get("regions", []):
        if sp.start >= pos:
            break
        if sp.attrs.get("contextual") or sp.end > pos or sp.start < lo:
            continue
        if best is None or sp.end > best.end or (sp.end == best.end and sp.start < best.start):
            best = sp
    if best is None or not best.attrs.get("zone"):
        return ""
    return doc.text[best.start:best.end]


def nearest_region(doc: Document, pos: int) -> int:
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
