"""Bodies the `orgs` component derives from mentions already found: groups a body sets up
(某总工会成立某某领导小组), firms' short names, parent firms of a subsidiary's name, and
associations written short (省家协).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import is_cjk, word_list
from reformkg.ingest.extract.orgs.filters import is_generic_body
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, GENERIC_BODY, GENERIC_PLACE_WORDS, industry_head_words


_SET_UP_RE = re.compile(r"(成立了?|组建了?|设立了?)([\u4e00-\u9fff]{2,14}?(领导小组|工作小组|工作专班|专班|指导组))"
                        r"(?![\u4e00-\u9fff]{0,2}(成员|组长|办公室))")


_SET_UP_BY = re.compile(r"(牵头|专门|还|又|先后|率先|已|已经|及时|随即|联合)*")
_BODY_LABELS = frozenset({Label.UNION, Label.AGENCY, Label.ENTERPRISE, Label.INSTITUTION})
_LOCATION_KEYS = ("place", "region")


def _setting_parent(text: str, by_end: dict[int, Mention], gap_s: int) -> Mention | None:
    """The body that ends at most 4 characters before 成立 with only adverbs between (某总工会
    牵头成立…)."""
    for k in range(gap_s, max(-1, gap_s - 5), -1):
        if k in by_end and _SET_UP_BY.fullmatch(text[k:gap_s]):
            return by_end[k]
    return None


def _not_a_group_name(core: str, head: str) -> bool:
    """领导小组 / 工作专班 with a generic or one-character name part, or a phrase (的, 和, 、)."""
    if is_generic_body(core[: -len(head)]) and len(core) - len(head) < 2:
        return True
    return any(ch in core for ch in "的了和与及、")


def _rename_set_up(o: Mention, parent: Mention, core: str, name: str, label: str) -> None:
    """A mention found with exactly the group's span takes the parent-prefixed name and label,
    keeps its bare name as an alias and the parent's location."""
    o.normalised, o.label = name, label
    o.span.label = label
    o.attrs.setdefault("aliases", []).append(core)
    for key in _LOCATION_KEYS:
        if key in parent.attrs:
            o.attrs[key] = parent.attrs[key]


def _set_up_at(doc: Document, text: str, mentions: list[Mention], parent: Mention, bs: int, be: int) -> Mention | None:
    """The group spanning bs..be, set up by parent: a mention found with exactly that span is
    renamed (None); a new mention when no mention lies inside the span; else None."""
    core = text[bs:be]
    label = Label.UNION if parent.label == Label.UNION else Label.AGENCY
    name = parent.normalised + core
    existing = [o for o in mentions if o.span.start >= bs and o.span.end <= be]
    same = next((o for o in existing if o.span.start == bs and o.span.end == be), None)
    if same is not None:
        _rename_set_up(same, parent, core, name, label)
        return None
    if existing:
        return None
    sp = Span(bs, be, label, doc.sentence_of(bs), COMPONENT_NAME, {"kind": "set-up"})
    attrs = {k: v for k, v in parent.attrs.items() if k in _LOCATION_KEYS}
    attrs["aliases"] = [core]
    return Mention(sp, label, core, name, attrs)


def set_up_bodies(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A body that an organisation sets up (某总工会成立某某领导小组; 某市人社局牵头成立某某工作专班)
    is named with its parent: 某总工会某某领导小组 (a union's group is a Union, others Agencies);
    the bare name is an alias."""
    out: list[Mention] = []
    by_end = {m.span.end: m for m in mentions if m.label in _BODY_LABELS}
    for m in _SET_UP_RE.finditer(text):
        parent = _setting_parent(text, by_end, m.start())
        if parent is None or _not_a_group_name(m.group(2), m.group(3)):
            continue
        body = _set_up_at(doc, text, mentions, parent, m.start(2), m.end(2))
        if body is not None:
            out.append(body)
    return out


# ---------------------------------------------------------------------------------------------
# firms' short names

_SHORT_NAME_BEFORE = "的在和与及、了是为由对向到从将把被"
_COMPANY_NEXT = ("有限", "公司", "集团", "股份")


@lru_cache(maxsize=1)
def _company_tails() -> tuple[str, ...]:
    """Company tails, the first that ends a name cut (data/org_component_firm_tails.txt)."""
    return word_list("org_component_firm_tails.txt")


def _taken_mask(text: str, mentions: list[Mention]) -> bytearray:
    """1 at every character a mention covers."""
    taken = bytearray(len(text) + 1)
    for m in mentions:
        _mark(taken, m.span.start, m.span.end)
    return taken


def _mark(taken: bytearray, start: int, end: int) -> None:
    if end > start:
        taken[start:end] = b"\x01" * (end - start)


def _without_region(name: str) -> str:
    """某市某某精密机械有限公司 → 某某精密机械有限公司: the regions the name starts with, when
    at least 6 characters remain."""
    gz = lx.gazetteer()
    if gz.automaton is None:
        return name
    core = name
    while True:
        # the longest place the rest starts with (宁波市, not 宁波 and then 市…)
        lead = max((len(surface) for end, (surface, _is_short) in gz.automaton.iter(core[:6])
                    if end + 1 == len(surface)), default=0)
        if not lead or len(core) - lead < 6:
            return core
        core = core[lead:]


def _without_company_tail(core: str) -> str:
    """某某精密机械有限公司 → 某某精密机械."""
    for tail in _company_tails():
        if core.endswith(tail):
            return core[: -len(tail)]
    return core


def _without_trade(core: str) -> str:
    """某某精密机械 → 某某: up to three industry heads cut from the end."""
    part = core
    for _ in range(3):
        h = next((h for h in industry_head_words() if part.endswith(h) and len(part) > len(h)), None)
        if h is None:
            break
        part = part[: -len(h)]
    return part


def _is_short_name(core: str, name: str) -> bool:
    """A short name worth looking for: 4+ Chinese characters, not the full name, not a generic
    body, not another kind of body (X集团 aside), with a proper part before its trade (精密机械
    alone is a trade, not a name)."""
    if len(core) < 4 or core == name or not all(is_cjk(ch) for ch in core) or core in GENERIC_BODY:
        return False
    label = lx.org_label_of(core)
    if label is not None and core.endswith(("集团",)) is False and label != Label.ENTERPRISE:
        return False
    part = _without_trade(core)
    return not (len(part) < 2 or part in GENERIC_BODY or part in GENERIC_PLACE_WORDS)


def _free_occurrence(text: str, taken: bytearray, k: int, e: int) -> bool:
    """An occurrence no mention covers, starting a word (after a non-name or a function
    character) and not followed by a company word (the full name written again)."""
    return not any(taken[k:e]) and (k == 0 or not is_cjk(text[k - 1]) or text[k - 1] in _SHORT_NAME_BEFORE) \
        and not text.startswith(_COMPANY_NEXT, e)


def _short_name_mentions(doc: Document, text: str, m: Mention, core: str, taken: bytearray) -> list[Mention]:
    """The free occurrences of core after the firm's full name, as mentions of the firm."""
    out: list[Mention] = []
    k = text.find(core, m.span.end)
    while k >= 0:
        e = k + len(core)
        if _free_occurrence(text, taken, k, e):
            sp = Span(k, e, Label.ENTERPRISE, doc.sentence_of(k), COMPONENT_NAME, {"kind": "short-name"})
            out.append(Mention(sp, Label.ENTERPRISE, core, m.normalised, dict(m.attrs)))
            _mark(taken, k, e)
        k = text.find(core, e)
    return out


def firm_short_names(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named in full is written later without its region and company tail
    (某市某某精密机械有限公司 → 某某精密机械): those short names are mentions of it."""
    taken = _taken_mask(text, mentions)
    out: list[Mention] = []
    seen: set[str] = set()
    for m in mentions:
        name = m.normalised
        if m.label != Label.ENTERPRISE or len(name) < 8 or name in seen:
            continue
        seen.add(name)
        core = _without_company_tail(_without_region(name))
        if _is_short_name(core, name):
            out.extend(_short_name_mentions(doc, text, m, core, taken))
    return out


_FIRM_TAILS = ("有限公司", "集团公司", "公司", "集团")


def parent_firms(doc: Document, text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm named only as the owner of a body (某集团公司产改领导小组, 某有限公司工会): a
    derived Enterprise mention, an entity of its own only when the text also names the firm
    otherwise (resolve merges it with a shorter form, 市某集团, and keeps the fuller name)."""
    out: list[Mention] = []
    for m in mentions:
        if m.label not in (Label.AGENCY, Label.UNION):
            continue
        name = m.normalised
        k = max(name.rfind(t) + len(t) if name.rfind(t) >= 0 else -1 for t in _FIRM_TAILS)
        if k < 5 or k >= len(name) or lx.org_label_of(name[:k]) != Label.ENTERPRISE:
            continue
        if text[m.span.start:m.span.start + k] != name[:k] or "等" in name[:k]:
            continue          # only a name written out in full
        sp = Span(m.span.start, m.span.start + k, Label.ENTERPRISE, m.span.sentence, COMPONENT_NAME, {"kind": "parent"})
        attrs = {"derived_from": name}
        for key in _LOCATION_KEYS:
            if key in m.attrs:
                attrs[key] = m.attrs[key]
        out.append(Mention(sp, Label.ENTERPRISE, name[:k], name[:k], attrs))
    return out


# ---------------------------------------------------------------------------------------------
# associations written short

_SHORT_ASSOC_RE = re.compile(r"([省市县区])([\u4e00-\u9fff]{1,2})协(?![调议作同助商办]|会(?!长))")
_LEVEL_CHAR = {"省": "province", "市": "city", "县": "county", "区": "district"}
_SHORT_ASSOC_BEFORE = "、和与及由在对向将把"


def _located_associations(found: list[Mention]) -> list[Mention]:
    """The associations (…协会) found with a place."""
    return [m for m in found if m.label == Label.INSTITUTION and (m.normalised or "").endswith("协会")
            and m.attrs.get("place", -1) is not None and m.attrs.get("place", -1) >= 0]


def _not_short_association(text: str, s: int, found: list[Mention]) -> bool:
    """After a name character (a longer word) or inside a mention found already."""
    if s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _SHORT_ASSOC_BEFORE:
        return True
    return any(o.span.start <= s < o.span.end for o in found)


def _associations_written_short(full: list[Mention], s: int, level_char: str, trade: str) -> list[Mention]:
    """The associations named before s whose place has the level of the prefix (省 → province)
    and whose name, after the place, starts with the short form's trade characters."""
    gz = lx.gazetteer()
    hits = []
    for f in full:
        p = gz.get(f.attrs["place"])
        rest = f.normalised[len(p.name):] if f.normalised.startswith(p.name) else ""
        if f.span.start < s and p.level == _LEVEL_CHAR[level_char] and rest.startswith(trade):
            hits.append(f)
    return hits


def short_associations(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """省家协 after 某省家政服务行业协会: an association written short (level prefix, the first
    character(s) of its trade, 协) is the association of that level the text names in full."""
    full = _located_associations(found)
    out: list[Mention] = []
    for m in _SHORT_ASSOC_RE.finditer(text):
        s, e = m.span()
        if _not_short_association(text, s, found):
            continue
        hits = _associations_written_short(full, s, m.group(1), m.group(2))
        if len({f.normalised for f in hits}) != 1:
            continue
        f = hits[0]
        sp = Span(s, e, Label.INSTITUTION, doc.sentence_of(s), COMPONENT_NAME, {"kind": "short-association"})
        out.append(Mention(sp, Label.INSTITUTION, text[s:e], f.normalised,
                           {k: v for k, v in f.attrs.items() if k in _LOCATION_KEYS}))
    return out


# 县委、政府 / 镇党委、政府: the government written bare right after its place's party committee
_COMMITTEE_RE = re.compile(r"^(.+?[省市县区州旗镇乡])(党委|委)$")
_GOVERNMENT_AFTER_RE = re.compile(r"[、和与及]政府(?![\u4e00-\u9fff]?(办公|工作报告|采购|部门|机关|投资|补贴|主导|购买|引导))")


def governments_after_committees(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """在县委、政府的领导下 / 镇党委、政府和上级工会: a bare 政府 coordinated right after a place's
    party committee is that place's government (某县人民政府, written 某县政府)."""
    out: list[Mention] = []
    taken = {(o.span.start, o.span.end) for o in found}
    for c in found:
        m = _COMMITTEE_RE.match(c.normalised or "")
        if c.label != Label.AGENCY or m is None or c.attrs.get("place", -1) is None or c.attrs.get("place", -1) < 0:
            continue
        g = _GOVERNMENT_AFTER_RE.match(text, c.span.end)
        if g is None or (g.end() - 2, g.end()) in taken:
            continue
        s, e = g.end() - 2, g.end()
        sp = Span(s, e, Label.AGENCY, doc.sentence_of(s), COMPONENT_NAME, {"kind": "coordinated-government"})
        attrs = {k: v for k, v in c.attrs.items() if k in _LOCATION_KEYS}
        attrs["written"] = m.group(1) + "政府"
        out.append(Mention(sp, Label.AGENCY, text[s:e], m.group(1) + "人民政府", attrs))
    return out


# 福清市、长乐区总工会 / 甲县和乙县人社局: regions listed before one body's name share its head
_HEAD_SHARED_JOIN = ("、", "和", "及")
_SHARING_LABELS = frozenset({Label.UNION, Label.AGENCY})


def regions_sharing_a_head(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """福清市、长乐区总工会: each region listed right before a body whose name starts with a region
    names that region's body of the same head (福清市总工会)."""
    gz = lx.gazetteer()
    spans = [sp for sp in doc.layers.get("regions", []) if lx.is_place(sp.attrs.get("place"))
             and not sp.attrs.get("contextual")]
    by_end = {sp.end: sp for sp in spans}
    by_start = {sp.start: sp for sp in spans}
    taken = {(o.span.start, o.span.end) for o in found}
    out: list[Mention] = []
    for c in found:
        first = by_start.get(c.span.start)
        if c.label not in _SHARING_LABELS or first is None:
            continue
        chain_end = first.end
        while chain_end in by_start:
            chain_end = by_start[chain_end].end
        head = text[chain_end:c.span.end]
        if len(head) < 2:
            continue
        level = gz.get(first.attrs["place"]).level
        pos = c.span.start
        while text[pos - 1:pos] in _HEAD_SHARED_JOIN and (pos - 1) in by_end:
            r = by_end[pos - 1]
            if gz.get(r.attrs["place"]).level not in (level, lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) \
                    or (r.start, r.end) in taken:
                break
            place = r.attrs["place"]
            sp = Span(r.start, r.end, c.label, doc.sentence_of(r.start), COMPONENT_NAME, {"kind": "shared-head"})
            name = gz.get(place).name + head
            out.append(Mention(sp, c.label, text[r.start:r.end] + head, name,
                               {"place": place, "region": gz.get(place).name}))
            pos = r.start
    return out


# 某市建立…联席会议制度 / 某省成立…领导小组: the body the region sets up is that region's
_REGION_SETS_UP_RE = re.compile(r"(?:建立|成立|设立|组建|建立健全|健全)了?$")
_JOINT_BODY_RE = re.compile(r"(?:联席会议|领导小组|工作小组|协调小组|工作专班|委员会)$")


def regional_joint_bodies(doc: Document, text: str, found: list[Mention]) -> None:
    """某市建立产改工作联席会议制度: a joint body without a place, set up by the region written
    as the clause's subject right before the verb, is named after that region (in place)."""
    gz = lx.gazetteer()
    regions = {sp.end: sp for sp in doc.layers.get("regions", []) if lx.is_place(sp.attrs.get("place"))}
    for m in found:
        name = m.normalised or ""
        if m.label != Label.AGENCY or lx.is_place(m.attrs.get("place")) or not _JOINT_BODY_RE.search(name):
            continue
        vm = _REGION_SETS_UP_RE.search(text, max(0, m.span.start - 6), m.span.start)
        sp = regions.get(vm.start()) if vm else None
        if sp is None:
            continue
        place = sp.attrs["place"]
        region = gz.get(place).name
        if not name.startswith(region):
            m.attrs.setdefault("aliases", []).append(name)
            m.normalised = region + name
        m.attrs["place"], m.attrs["region"] = place, region

