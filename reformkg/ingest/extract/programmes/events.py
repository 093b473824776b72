"""Unquoted named events, meetings and regional policies: from a head noun (竞赛, 工程, 推进会,
实施办法 …) the name extends left over name-like words; it must carry a year, an edition
(第N届), a region or scope, or be 4+ characters of non-generic nouns.

Each head found is run through EVENT_RULES in order. A rule either decides — names the event
(a mention) or rejects the head (nothing) — or passes on (None), possibly after moving the
name's start (the extent rules):

    “X”竞赛 / 三年行动|计划 / X技师                       → rejected (another rule's or a longer name)
    A工程、B工程: a whole item of a list of same-headed names  → named
    extent: over the words before the head; not from a verb; after a copula; over 、-joined
            items; the year, edition and zone before; a 全市/全省 scope
    the head of a quoted name, a core under two characters    → rejected
    named meetings (X推进会, X座谈会)                          → named or rejected
    generic cores (职工技能竞赛), 各类/每年 X                  → rejected
    工程/行动/计划 heads, regional policies, events: own checks, then the event's name
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words, is_cjk
from reformkg.ingest.extract.programmes.lexicon import (BAD_START, COPULA_RE, EVENT_HEADS, GENERIC_CORE,
                                                        GENERIC_TOPIC, MEETING_HEADS, MODALS, NAME_TAGS,
                                                        REGIONAL_POLICY_HEADS, STOP_VERBS, UNQUOTED_HEADS,
                                                        WORLD_SCOPES)
from reformkg.ingest.extract.programmes.names import convening_place, make_mention, only_generic, region_prefix, scope_place

EVENT_HEAD_RE = re.compile("(" + "|".join(sorted(EVENT_HEADS + UNQUOTED_HEADS + MEETING_HEADS + REGIONAL_POLICY_HEADS,
                                                  key=len, reverse=True)) + ")")
_SCOPES = ("全市", "全县", "全区", "全省")
_CONTEXT_PLACES = ("省", "市", "县", "区")
# a number word that may stand inside a name: a year, an edition, 十大/十佳/百强
_NUMBER_IN_NAME_RE = re.compile(r"\d{4}年|第[一二三四五六七八九十\d]+届|[一二三四五六七八九十百千]+[大佳强]")
_YEAR_RE = re.compile(r"\d{4}年")
_QUOTED_BEFORE_RE = re.compile(r"”(等系列|等一系列|等|系列)?$")
_YEAR_EDITION_BEFORE_RE = re.compile(r"((?:\d{4}年)?(?:第[一二三四五六七八九十\d]+届)?)$")
_NUMBERED_RE = re.compile(r"(\d{4}年|第)")
_LIST_ITEM_VERB_RE = re.compile(r"(制定|发放|开展|实施|推进|组织|建立|举办|落实|完善|加强)")
_LIST_ITEM_LEAD_RE = re.compile(r"(突出|聚焦|立足|强化|加快|推动|围绕|坚持|着力|做好|提升|深化|打造|抓好|抓住|重点|主要|各类|一批|促进)")
_PLAN_VERB_STARTS = ("实施", "开展", "推进", "推动", "加强", "加快", "启动", "打造", "提升")

Decision = tuple[Mention, ...] | None


@dataclass
class EventHead:
    """A head noun at [hs, he) and the name being built before it: start (moved by the extent
    rules), core_start (where the name proper begins, after a year/edition/zone), whether a
    region is written in it, and its 全市/全省 scope (the scoped text, "" when none)."""

    doc: Document
    words: Words
    hs: int
    he: int
    head: str
    regions: dict[int, Span]
    regions_by_end: dict[int, Span]
    start: int = 0
    n: int = 0
    has_region: bool = False
    core_start: int = 0
    scoped: str = ""
    name: str = ""
    inner_scope: int = -1      # where a 全省/全市 scope after the year or edition starts

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def core(self) -> str:
        """The name proper before the head (after the year, edition and zone)."""
        return self.doc.text[self.core_start:self.hs]

    @property
    def numbered(self) -> bool:
        """The name starts with a year or an edition (2024年…, 第三届…)."""
        return bool(_NUMBERED_RE.match(self.name))


# ---- heads that are no event's end -------------------------------------------------------------
def _closed_head(c: EventHead) -> Decision:
    """X竞赛” / X竞赛》 / X工程师: the head ends a quoted or titled name, or is part of a trade."""
    return () if c.he < len(c.text) and c.text[c.he] in "”》师" else None


def _longer_head_follows(c: EventHead) -> Decision:
    """三年行动|计划, X工程|规划: a longer name ends later."""
    return () if c.head in UNQUOTED_HEADS and c.text.startswith(("计划", "方案", "规划"), c.he) else None


def list_item(text: str, hs: int, he: int) -> int | None:
    """Start of a name that is a whole item of a 、-list of same-headed names (A工程、B工程)."""
    k = hs
    while k > 0 and is_cjk(text[k - 1]) and hs - k < 10:
        k -= 1
    if hs - k < 2 or (k > 0 and text[k - 1] not in "、，,：:；“"):
        return None
    if re.search(r"[了的和与及是在]", text[k:hs]) or _LIST_ITEM_VERB_RE.search(text[k:hs]):
        return None
    if _LIST_ITEM_LEAD_RE.match(text[k:hs]):
        return None       # 突出民生工程、重大项目: a verb phrase, not a name
    if only_generic(text[k:hs], GENERIC_CORE):
        return None       # 高效管理、民生工程、优质服务: a goal in a list, not a name
    if not (text[he:he + 1] == "、" or (k > 0 and text[k - 1] == "、")):
        return None
    return k


def _list_item_name(c: EventHead) -> Decision:
    """甲乙工程、丙丁工程: a 工程/行动/计划 name that is a whole item of a list."""
    if c.head not in UNQUOTED_HEADS:
        return None
    item = list_item(c.text, c.hs, c.he)
    if item is None:
        return None
    return (make_mention(c.doc, item, c.he, c.text[item:c.he], "list-item"),)


# ---- the extent of the name ---------------------------------------------------------------------
def _glued_start(c: EventHead) -> int:
    """Set the start at the head, or at the word the head is glued into; the index of the word
    before it (-1 when none)."""
    words, hs = c.words, c.hs
    w_here = words.at(hs)
    if w_here is not None and w_here.start < hs:
        # head glued into the previous word: start from that word
        c.start = w_here.start
        return words.index_at(w_here.start - 1) if w_here.start > 0 else -1
    c.start = hs
    return words.index_at(hs - 1) if hs > 0 else -1


def _paren_qualifier(c: EventHead, w: Span) -> int | None:
    """五大行业(岗位)技能竞赛: where a short parenthesised qualifier inside the name opens (the
    word w is its closing bracket); None when it is no such qualifier."""
    text = c.text
    op = max(text.rfind("(", max(0, w.start - 7), w.start), text.rfind("（", max(0, w.start - 7), w.start))
    inner = text[op + 1:w.start] if op >= 0 else ""
    if op > 0 and 1 <= len(inner) <= 5 and all(is_cjk(ch) or ch in "、" for ch in inner) and \
            is_cjk(text[op - 1]) and c.n + len(inner) + 2 <= 16:
        return op
    return None


def _name_word(text: str, w: Span, frag: str) -> bool:
    """Whether the word may stand inside a name: a noun-like word, a short verb inside a
    compound (设备维修员), or the short first word of a list item (、安全生产知识竞赛)."""
    if w.label in ("v", "vd", "TIME") and len(frag) <= 2 and frag not in STOP_VERBS and not _YEAR_RE.fullmatch(frag):
        return True
    if w.label in ("ad", "a") and len(frag) <= 2 and text[w.start - 1:w.start] == "、":
        return True
    return w.label in NAME_TAGS and frag[0] not in BAD_START


def _word_joins_name(c: EventHead, w: Span, frag: str) -> bool:
    """Whether the word before the name extends it: no stop verb, bare 省/市, modal; a name
    word; a number only as a year, edition or 十大; within 14 characters (18 for meetings)."""
    if frag in STOP_VERBS or frag in _CONTEXT_PLACES or frag in MODALS:
        return False
    if not _name_word(c.text, w, frag):
        return False
    if w.label == "m" and not _NUMBER_IN_NAME_RE.fullmatch(frag):
        return False
    return c.n + len(frag) <= (18 if c.head in MEETING_HEADS else 14)


def _extend_over_words(c: EventHead) -> Decision:
    """某市设备维修员职业技能竞赛: extend left from the head over the name-like words (and
    parenthesised qualifiers) right before it, noting a region among them."""
    words, text = c.words, c.text
    i = _glued_start(c)
    c.n = c.hs - c.start
    while i >= 0:
        w = words.spans[i]
        if w.end != c.start:
            break
        frag = text[w.start:w.end]
        if frag in (")", "）"):
            op = _paren_qualifier(c, w)
            if op is None:
                break
            c.n += w.end - op
            c.start = op
            i = words.index_at(op - 1) if op > 0 else -1
            continue
        if not _word_joins_name(c, w, frag):
            break
        c.n += len(frag)
        c.start = w.start
        if w.start in c.regions or w.label == "LOC":
            c.has_region = True
        i -= 1
    return None


def _verb_may_start(c: EventHead, w0: Span) -> bool:
    """A verb may start the name after a scope, a year or a region (全市设备维修员…竞赛), or as
    the first word of a list item (、安全生产知识竞赛)."""
    text, start = c.text, c.start
    before2 = text[max(0, start - 2):start]
    if before2 in _SCOPES or re.search(r"\d年$", text[max(0, start - 5):start]) or start in c.regions:
        return True
    return before2[-1:] == "、" and w0.label in ("ad", "a", "vd") and text[w0.start:w0.end] not in STOP_VERBS


def _drop_leading_verbs(c: EventHead) -> Decision:
    """发放职业技能提升行动, 制定培训计划: a verb cannot start the name (unless _verb_may_start)."""
    while c.start < c.hs:
        w0 = c.words.at(c.start)
        if w0 is None or w0.label not in ("v", "vd", "d", "ad") or w0.end > c.hs:
            break
        if _verb_may_start(c, w0):
            break
        c.start = w0.end
    return None


def _after_copula(c: EventHead) -> Decision:
    """本次竞赛是X年度重点工程: the name follows the copula."""
    cop = COPULA_RE.search(c.text, c.start, c.hs)
    if cop is not None:
        c.start = cop.end()
    return None


def coordinated_items(text: str, words: Words, start: int, hs: int) -> int:
    """A name whose modifier is a list (电工、焊工、车工技能竞赛; X年度重点工程、重大项目劳动竞赛):
    extend over the short noun items joined by 、 before `start`."""
    while start > 1 and text[start - 1] == "、":
        k = start - 1
        i = words.index_at(k - 1)
        item_start = k
        while i >= 0:
            w = words.spans[i]
            frag = text[w.start:w.end]
            if w.end != item_start or w.label not in NAME_TAGS or frag in STOP_VERBS or frag[0] in BAD_START \
                    or k - w.start > 10:
                break
            item_start = w.start
            i -= 1
        if item_start == k:
            break
        start = item_start
    return start


def _over_coordinated_items(c: EventHead) -> Decision:
    """电工、焊工、车工技能竞赛: the name proper starts before the 、-joined modifiers."""
    c.start = coordinated_items(c.text, c.words, c.start, c.hs)
    c.core_start = c.start
    return None


def _quoted_name_head(c: EventHead) -> Decision:
    """“A”等主题竞赛: the head of a quoted name (see quoted)."""
    return () if _QUOTED_BEFORE_RE.search(c.text[max(0, c.start - 4):c.start]) else None


def _year_edition_scope(c: EventHead) -> Decision:
    """2024年第三届X大赛, 某园区第三届X大赛, 全市X竞赛: a year / edition (and the zone whose
    edition it is) before the name join it; a 全市/全县/全国 scope before that is noted."""
    text = c.text
    pre = _YEAR_EDITION_BEFORE_RE.search(text[max(0, c.start - 10):c.start])
    if pre and pre.group(1):
        c.start -= len(pre.group(1))
    zone = c.regions_by_end.get(c.start)
    if zone is not None and text.startswith("第", c.start):
        c.start, c.has_region = zone.start, True   # X园区第三届…大赛: the place names the edition
    if text[max(0, c.start - 2):c.start] in _SCOPES + ("全国",):
        c.scoped = text[c.start - 2:c.he]
        # 第十届全国职工职业技能大赛 / 2024年全省…大赛: a year or edition before the scope numbers
        # the event, the scope is part of its name
        edition = _YEAR_EDITION_BEFORE_RE.search(text[max(0, c.start - 12):c.start - 2])
        if not (pre and pre.group(1)) and edition and edition.group(1):
            c.inner_scope = c.start - 2
            c.start -= 2 + len(edition.group(1))
            c.scoped = ""
    c.name = text[c.start:c.he]
    return None


def _short_core(c: EventHead) -> Decision:
    """X竞赛 with under two characters of name: no name."""
    return () if len(c.core) < 2 else None


# ---- named meetings ------------------------------------------------------------------------------
def _meeting_aliases(aliases: list[str], name: str) -> tuple[str, ...]:
    """The aliases with the forms with and without 议 (推进会 / 推进会议), the name left out."""
    for a in list(aliases) + [name]:
        if a.endswith("会议"):
            aliases.append(a[:-1])
        elif a.endswith("会"):
            aliases.append(a + "议")
    return tuple(a for a in dict.fromkeys(aliases) if a != name)


def _meeting_topic_ok(c: EventHead) -> bool:
    """A meeting's topic: 4+ characters (2+ with a scope or region), not only generic words, no
    clause words, not a programme's own name (X研究班座谈会: the programme is the name)."""
    core = c.core
    if len(core) < 2 or only_generic(core, GENERIC_TOPIC) or core[0] in BAD_START:
        return False
    if len(core) < 4 and not (c.scoped or c.has_region):
        return False
    return not (re.search(r"[的了在和与及是为]", core) or core.endswith(EVENT_HEADS + ("班", "活动", "工程")))


def meeting(c: EventHead) -> Mention | None:
    """A named meeting: its topic and head. A 全市/全省 scope resolves to the region (全市X推进会
    → 某市X推进会 in a paragraph about 某市); the forms with and without 议 are aliases."""
    from reformkg.ingest.extract.regions import context_place

    if not _meeting_topic_ok(c):
        return None
    text, start, he = c.text, c.start, c.he
    name = text[start:he]
    aliases = [text[c.core_start:he]]
    s = start
    if c.scoped:
        s = start - 2
        place = context_place(c.doc, s, text[s + 1])
        aliases.append(text[s:he])
        name = lx.gazetteer().get(place).name + text[start:he] if place >= 0 else text[s:he]
    else:
        prefix, pstart = region_prefix(c.doc, start)
        if prefix and pstart < start:
            aliases.append(text[pstart:he])
            name, s = prefix + text[start:he], pstart
        elif not c.has_region:
            name = _convener_prefixed(c, name, aliases)
    mm = make_mention(c.doc, s, he, name, "meeting", _meeting_aliases(aliases, name))
    mm.attrs["kind"] = "meeting"
    return mm


_CONVENE_BEFORE_RE = re.compile(r"(?:召开|举行|举办|组织召开)了?$")


def _convener_prefixed(c: EventHead, name: str, aliases: list[str]) -> str:
    """某区召开产改工作推进会: a meeting a region convenes is named after it (the name as written
    stays an alias)."""
    vm = _CONVENE_BEFORE_RE.search(c.text, max(0, c.start - 6), c.start)
    place = convening_place(c.doc, vm.start()) if vm else -1
    if place < 0:
        return name
    from reformkg.ingest.extract.orgs.places import display_name

    full = display_name(c.doc, place) + name
    aliases.extend([name, lx.gazetteer().get(place).name + name])
    return full


def _meeting_name(c: EventHead) -> Decision:
    """全市技能人才工作推进会, X经验交流会: a meeting head names the meeting (or nothing)."""
    if c.head not in MEETING_HEADS:
        return None
    mm = meeting(c)
    return (mm,) if mm is not None else ()


# ---- what no event's name is ---------------------------------------------------------------------
def _generic_core(c: EventHead) -> Decision:
    """全县职工技能竞赛, 全国行业职业技能竞赛: a scope before generic words names no one event
    (unless a year, edition or region is written)."""
    if not (c.numbered or c.has_region) and only_generic(c.core.replace("、", ""), GENERIC_CORE):
        return ()
    return None


# 集团公司技能竞赛 / 公司职工运动会: the firm written as a common noun names no one event
_FIRM_WORD_START_RE = re.compile(r"(?:集团公司|总公司|分公司|子公司|公司|企业|单位|厂内|全厂|全公司)")


def _kind_of_event(c: EventHead) -> Decision:
    """每年省级竞赛, 各类竞赛, 集团公司技能竞赛: a kind of event, not one."""
    return () if c.core[0] in "每各该本这此" or _FIRM_WORD_START_RE.match(c.core) else None


def _unquoted_head(c: EventHead) -> Decision:
    """X工程/X行动/X计划 without quotes: a core of 4-10 Chinese characters (3+ for 计划) that
    does not start with a verb (实施X工程, 加强X行动)."""
    if c.head not in UNQUOTED_HEADS:
        return None
    core = c.core
    if c.head == "计划" and len(core) < 3:
        return ()
    if not (4 <= len(core) <= 10) or any(not is_cjk(ch) for ch in core):
        return ()
    return () if core.startswith(_PLAN_VERB_STARTS) else None


def _regional_policy(c: EventHead) -> Decision:
    """某区技能人才引进实施办法, 市X发展规划: a regional policy or plan needs its region (a
    contextual 市 resolves to the region's name, the written form an alias)."""
    if c.head not in REGIONAL_POLICY_HEADS:
        return None
    prefix, pstart = region_prefix(c.doc, c.start)
    if not c.has_region and not prefix:
        return ()
    if prefix and pstart < c.start:
        return (make_mention(c.doc, pstart, c.he, prefix + c.name, "event", (c.text[pstart:c.he],)),)
    return None


def _event_scope(c: EventHead) -> Decision:
    """A competition/event needs a year, edition, region, scope (全县青年职工技能大赛, 世界技能大赛,
    全国职业技能大赛) or a core of 4+ characters."""
    if c.head in UNQUOTED_HEADS or c.head in REGIONAL_POLICY_HEADS:
        return None
    if c.numbered or c.has_region or c.scoped or len(c.core) >= 4 or c.core.startswith(WORLD_SCOPES):
        return None
    return ()


def _event_name(c: EventHead) -> Decision:
    """The event's name: 全市设备维修员职业技能竞赛 keeps its scope, resolved to the region
    (全县青年职工技能大赛 in a text about 某县 → 某县青年职工技能大赛, the written form an alias)."""
    text, start, name, scoped = c.text, c.start, c.name, c.scoped
    aliases = tuple(a for a in (scoped, text[c.core_start:c.he]) if a and a != name)
    if c.inner_scope >= 0 and not text.startswith("全国", c.inner_scope):
        # 第二届全省X大赛 in a text about 某省 → 第二届某省X大赛, the written form an alias
        place = scope_place(c.doc, c.inner_scope)
        if place >= 0:
            resolved = text[start:c.inner_scope] + lx.gazetteer().get(place).name + text[c.inner_scope + 2:c.he]
            return (make_mention(c.doc, start, c.he, resolved, "event", tuple(dict.fromkeys((name, *aliases)))),)
    if scoped and c.core_start == start:
        name = scoped        # the scope is part of the name
        start -= 2
        place = scope_place(c.doc, start) if not scoped.startswith("全国") else -1
        if place >= 0:
            name = lx.gazetteer().get(place).name + scoped[2:]
            aliases = tuple(dict.fromkeys(a for a in aliases + (scoped,) if a != name))
    return (make_mention(c.doc, start, c.he, name, "event", aliases),)


EVENT_RULES: tuple[Callable[[EventHead], Decision], ...] = (
    _closed_head, _longer_head_follows, _list_item_name,
    _extend_over_words, _drop_leading_verbs, _after_copula, _over_coordinated_items,
    _quoted_name_head, _year_edition_scope, _short_core,
    _meeting_name, _generic_core, _kind_of_event,
    _unquoted_head, _regional_policy, _event_scope, _event_name)


def events(doc: Document, words: Words) -> list[Mention]:
    """Unquoted named events/policies: extend left from a head over name-like words; the
    name must carry a year, an edition (第N届), a region or be 4+ characters of nouns."""
    out: list[Mention] = []
    regions = {sp.start: sp for sp in doc.layers.get("regions", []) if not sp.attrs.get("contextual")}
    regions_by_end = {sp.end: sp for sp in regions.values()}
    for m in EVENT_HEAD_RE.finditer(doc.text):
        c = EventHead(doc, words, m.start(), m.end(), m.group(1), regions, regions_by_end)
        for rule in EVENT_RULES:
            got = rule(c)
            if got is not None:
                out.extend(got)
                break
    return out
