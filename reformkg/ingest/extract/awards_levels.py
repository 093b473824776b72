"""Awards by level: an honour core (劳动模范, 五一劳动奖章, 工匠 …) with the level word or the
region written before it (省劳模, 某市五一劳动奖章, 全国劳模, 国家和省、市级五一劳动奖章).

Each match of the honour pattern goes through small rules in order: the region or level word
before it settles its region, level and start; gates drop what is no award (a generic core
without a level, 劳模精神, a bare core without a cue of conferral); coordinated level words
give one award each; the quotes are balanced and the award's mention is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.awards_common import (
    NATIONAL, STUDIO_AFTER, TITLE_HONOURS, award_mention, award_re, core_canon, honours, level_of, not_after,
    regions_by_end,
)
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.regions import context_place

# a bare honour (no level, no region) is an award only with a cue of conferral around it
_BARE_CUE_BEFORE = re.compile(r"(获得|荣获|获评|评为|评选为|授予|当选|荣膺|获|\d+名|\d+位|\d+人|[一二三四五六七八九十]+名)[“\"]?$")
_BARE_CUE_AFTER = ("获得者", "称号", "荣誉")
_COORD_LEVELS = re.compile(r"((?:(?:国家|全国|省|市|县|区)级?[和、及与]))+$")
_COORD_LEVEL = re.compile(r"(国家|全国|省|市|县|区)(级)?")
_PLACE_LEVEL = {lx.LEVEL_PROVINCE: "provincial", lx.LEVEL_CITY: "municipal"}    # else district
_SHORT_FORM_CORES = ("工匠", "大工匠")        # written with a region's short form: 某地工匠
_PROVINCIAL_AND_BELOW = ("省", "省级", "市", "市级", "区", "区级", "县", "县级")
_ONE_CHAR_LEVELS = ("省", "市", "区", "县")
# characters before a one-character level word that let it stand alone (获省劳模, 等市级…)
_LEVEL_MAY_FOLLOW = "获为被等和、及与个名位首评选授荐批些的了是届"
_QUOTES = ("“", '"')


@dataclass
class Hit:
    """One match of an honour core, with the region, level and extent the rules settle."""

    m: re.Match[str]
    core: str
    level_word: str
    s: int
    e: int
    start: int
    name_core: str
    region_name: str = ""
    level: str = ""


def before_person(doc: Document, pos: int) -> bool:
    """A Person mention starts at pos (the honour stands as the person's title)."""
    return any(m.label == Label.PERSON and m.span.start == pos for m in doc.mentions)


def after_firm(doc: Document, text: str, pos: int) -> bool:
    """A firm (named, or 公司/集团/厂 for the document's firm) right before pos: 集团首席技师
    is a post inside the firm, not an honour."""
    if text[max(0, pos - 2):pos].endswith(("公司", "集团", "厂", "企业")):
        return True
    return any(m.label == Label.ENTERPRISE and m.span.end == pos for m in doc.mentions)


def _region_before(hit: Hit, text: str, by_end: dict[int, Span]) -> bool:
    """A named region right before the honour (某省五一劳动奖章, 某地工匠, 某市技术能手) gives
    its region (the full name, unless the honour is written with the short form: 某地工匠)
    and level; the award starts at the region."""
    m = hit.m
    rs = m.start("core")
    if m.group("q"):
        rs = m.start("q")
    if m.group("pre"):
        rs = m.start("pre")
    r = by_end.get(rs)
    if r is None:
        return False
    hit.level_word = ""
    pl = lx.gazetteer().get(r.attrs["place"])
    hit.level = _PLACE_LEVEL.get(pl.level, "district")
    hit.start = r.start
    hit.region_name = text[r.start:r.end] if hit.core in _SHORT_FORM_CORES else pl.name
    return True


def _level_word(doc: Document, hit: Hit, text: str) -> None:
    """A level word before the honour (全国劳模, 省级技术能手, 市五一劳动奖章): its level, and the
    region it stands for (全国, or the document's province/city/county in context). A one-char
    level word that ends a longer word (城市技术能手) is no level: the award starts after it."""
    lw, s = hit.level_word, hit.s
    hit.level = level_of()[lw]
    if lw in ("全国", "国家级"):
        hit.region_name = NATIONAL
    elif lw in _PROVINCIAL_AND_BELOW:
        if lw in _ONE_CHAR_LEVELS and s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _LEVEL_MAY_FOLLOW:
            hit.region_name = ""
            hit.level = ""
            hit.start = s + len(lw)
        else:
            place = context_place(doc, s, lw[0])
            hit.region_name = lx.gazetteer().get(place).name if place >= 0 else ""


def _as_title(doc: Document, hit: Hit, text: str) -> bool:
    """特级技师张某: a rank held as an honour, named bare right before the person (not a post in
    a firm: 集团首席技师)."""
    return hit.core in TITLE_HONOURS and not hit.region_name and before_person(doc, hit.e) and \
        not (hit.core == "首席技师" and (after_firm(doc, text, hit.s) or _in_firm_title_list(doc, text, hit.s)))


_TITLE_LIST_RE = re.compile(r"[\u4e00-\u9fff、]{1,20}、$")


def _in_firm_title_list(doc: Document, text: str, pos: int) -> bool:
    """甲集团副总裁、首席技师张某: the rank is one of the posts listed after a firm."""
    firms = [m for m in doc.mentions if m.label == Label.ENTERPRISE and m.span.end < pos]
    return bool(firms) and bool(_TITLE_LIST_RE.fullmatch(text, firms[-1].span.end, pos))


def _has_bare_cue(hit: Hit, text: str) -> bool:
    """A cue of conferral around a bare honour: 荣获劳模, 3名劳模, 劳模称号."""
    start, e = hit.start, hit.e
    return bool(_BARE_CUE_BEFORE.search(text[max(0, start - 6):start])) or text[e:e + 3].startswith(_BARE_CUE_AFTER)


def _accepted(doc: Document, hit: Hit, text: str) -> bool:
    """The gates: a generic core (工匠) needs a region or stands as a title; no word after it
    that makes it something else (劳模精神, 劳模创新工作室); a bare honour needs a cue."""
    as_title = _as_title(doc, hit, text)
    if honours()[hit.core] and not hit.region_name and not as_title:
        return False
    e = hit.e
    if text[e:e + 5].startswith(not_after()) or STUDIO_AFTER.match(text, e):
        return False
    return bool(hit.region_name or hit.level or as_title or _has_bare_cue(hit, text))


def _coordinated_level(doc: Document, text: str, lm: re.Match[str], base: int, name_core: str) -> Mention | None:
    """One level word of a coordination (国家和省、市级…) as an award of its own level."""
    lw = lm.group(1)
    ls = base + lm.start()
    levels = level_of()
    lvl = levels[lw + "级"] if lw + "级" in levels else levels.get(lw, "national")
    if lw in ("国家", "全国"):
        rn = NATIONAL
        lvl = "national"
    else:
        pl = context_place(doc, ls, lw)
        if pl < 0:
            return None
        rn = lx.gazetteer().get(pl).name
    le = base + lm.end()
    return award_mention(doc, ls, le, rn + name_core, lvl, surface=text[ls:le] + name_core)


def _coordinated_levels(doc: Document, hit: Hit, text: str) -> list[Mention]:
    """Coordinated levels before a level word (国家和省、市级五一劳动奖章): one award per level."""
    if not hit.level_word:
        return []
    s = hit.s
    co = _COORD_LEVELS.search(text[max(0, s - 12):s])
    if not co:
        return []
    base = s - len(co.group(0))
    out = []
    for lm in _COORD_LEVEL.finditer(co.group(0)):
        mention = _coordinated_level(doc, text, lm, base, hit.name_core)
        if mention is not None:
            out.append(mention)
    return out


def _balance_quotes(hit: Hit, text: str) -> None:
    """“某地工匠”: a closing quote with the opening one before the region: take the opening
    quote in, else leave the closing one out (keep the pair balanced)."""
    m = hit.m
    if m.group("q2") and not m.group("q") and text[hit.start:hit.start + 1] not in _QUOTES:
        if hit.start > 0 and text[hit.start - 1] in _QUOTES:
            hit.start -= 1
        else:
            hit.e -= 1


def _level_award(doc: Document, text: str, m: re.Match[str], by_end: dict[int, Span]) -> list[Mention]:
    """The awards of one match of the honour pattern (none, or the coordinated levels and it)."""
    if m.group("q") and not m.group("q2"):
        return []
    core = m.group("core")
    s, e = m.span()
    hit = Hit(m, core, m.group("level") or "", s, e, s, core_canon().get(core, core))
    if not _region_before(hit, text, by_end) and hit.level_word:
        _level_word(doc, hit, text)
    if not _accepted(doc, hit, text):
        return []
    out = _coordinated_levels(doc, hit, text)
    _balance_quotes(hit, text)
    name = (hit.region_name + hit.name_core) if hit.region_name else hit.name_core
    out.append(award_mention(doc, hit.start, hit.e, name, hit.level))
    return out


def level_awards(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """Honours by level word or region before them (省劳模, 某市技术能手, 全国五一劳动奖章)."""
    by_end = regions_by_end(doc)
    out: list[Mention] = []
    for m in award_re().finditer(text):
        out.extend(_level_award(doc, text, m, by_end))
    return out
