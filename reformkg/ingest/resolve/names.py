"""Name-string tests of resolution: normalised keys, zone keys, the region chain written at the
start of a name, company cores and Chinese word contractions (工业投资 → 工投)."""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx

_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）\[\]【】·•]")
COMPANY_TAILS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司")
_ZONE_ABBR = (("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("经济技术开发区", "经开区"),
              ("经济开发区", "开发区"), ("综合保税区", "综保区"))


def norm_key(name: str) -> str:
    """The name without spaces, quotes, brackets and dots."""
    return _STRIP.sub("", name or "")


_EDITION_RE = re.compile(r"(?:(?:19|20)\d{2}年度?)?(?:第[一二三四五六七八九十百\d]+届|首届)|(?:19|20)\d{2}年度?")


def event_key(name: str) -> str:
    """某省第三届X大赛 and 第三届某省X大赛 are one event: the edition (or year) written after the
    region moves before it."""
    k = norm_key(name)
    chain = region_chain(k)
    if chain:
        m = _EDITION_RE.match(k, len(chain))
        if m and m.end() < len(k):
            return m.group() + chain + k[m.end():]
    return k


def zone_key(name: str) -> str:
    """Zones written long and short are one (无锡国家高新技术产业开发区 = 无锡高新区)."""
    k = norm_key(name).replace("国家", "")
    for long, short in _ZONE_ABBR:
        if k.endswith(long):
            k = k[: -len(long)] + short
    return k


def leading_regions(name: str, gz: lx.Gazetteer) -> list[str]:
    """Full region names the name starts with (among its first 12 characters), longest first."""
    out = []
    if gz.automaton is None:
        return out
    for end, (surface, is_short) in gz.automaton.iter(name[:12]):
        if end - len(surface) + 1 == 0 and not is_short:
            out.append(surface)
    return sorted(out, key=len, reverse=True)


def drop_parent_regions(name: str) -> str:
    """盐城市亭湖区总工会 and 亭湖区总工会 are one body: keep only the last of a chain of regions
    at the start of an organisation name."""
    gz = lx.gazetteer()
    while True:
        lead = [n for n in leading_regions(name, gz)]
        if not lead:
            return name
        rest = name[len(lead[0]):]
        if rest and leading_regions(rest, gz):
            name = rest
            continue
        return name


def region_chain(name: str) -> str:
    """The regions written at the start of a name (无锡市新吴区 of 无锡市新吴区总工会)."""
    gz = lx.gazetteer()
    chain = ""
    rest = name
    while True:
        lead = leading_regions(rest, gz)
        if not lead:
            return chain
        chain += lead[0]
        rest = rest[len(lead[0]):]


def strip_region(name: str) -> str:
    """The name without the provinces/cities it starts with (广东美的集团 → 美的集团)."""
    gz = lx.gazetteer()
    if gz.automaton is None:
        return name
    # the longest place the name starts with (重庆市, not 重庆 leaving 市…), again while one
    # follows (四川宜宾五粮液集团 → 五粮液集团)
    while True:
        lead = max((len(surface) for end, (surface, _short) in gz.automaton.iter(name[:12])
                    if end + 1 == len(surface) and len(name) - len(surface) >= 3), default=0)
        if not lead:
            return name
        name = name[lead:]


def subsequence(short: str, long: str) -> bool:
    """Every character of short appears in long, in order."""
    it = iter(long)
    return all(ch in it for ch in short)


def heads_alike(a: str, b: str) -> bool:
    """Two heads of one programme (行动/工程, 人才战略/人才制度体系, 职工技能大赛/劳动技能竞赛)
    rather than two different things built on one slogan (评价体系 / 创建工作): a short
    head, one within the other, or a shared two-character word."""
    if len(a) < 4 or len(b) < 4 or a.endswith(b) or b.endswith(a):
        return True
    return bool({a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)})


def _short_place_prefix(core: str, gz: lx.Gazetteer) -> str:
    """A province/city written short before a firm's name (四川 of 四川X交通建设集团), else ""."""
    for end, (surface, is_short) in (gz.automaton.iter(core[:4]) if gz.automaton is not None else []):
        if is_short and end + 1 == len(surface) and len(core) - len(surface) >= 4 and any(
                gz.get(i).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) for i in gz.by_short.get(surface, [])):
            return surface
    return ""


def company_core(name: str) -> tuple[str, str]:
    """(leading region chain, name without it and without company tails)."""
    chain = region_chain(name)
    core = name[len(chain):]
    if not chain:
        # a province/city written short before the firm's name (四川X交通建设集团)
        short = _short_place_prefix(core, lx.gazetteer())
        if short:
            chain, core = short, core[len(short):]
    changed = True
    while changed:
        changed = False
        for tail in COMPANY_TAILS:
            if core.endswith(tail) and len(core) > len(tail) + 1:
                core = core[: -len(tail)]
                changed = True
                break
    return chain, core


def contraction_of(short: str, full: str) -> bool:
    """Chinese contraction by the first character of each two-character word (工业投资 → 工投,
    交通控股 → 交控); a word may also be kept whole (城市建设投资 → 城建投资 is not needed, but
    港务 + 集团 stays 港务)."""
    if not short or not full or len(short) >= len(full):
        return False
    if not short:
        return True
    if short[0] != full[0]:
        return False
    # keep the first character of this 2-char word, or the whole word
    if len(full) >= 2 and contraction_of(short[1:], full[2:]) if len(short) > 1 else len(full) <= 2:
        return True
    if len(short) >= 2 and len(full) >= 2 and short[:2] == full[:2]:
        rest_s, rest_f = short[2:], full[2:]
        return (not rest_s and not rest_f) or (bool(rest_s) and contraction_of(rest_s, rest_f)) or rest_s == rest_f
    return False


def _same_place(sc: str, fc: str, gz: lx.Gazetteer) -> bool:
    """Two region chains that name one place (厦门 ↔ 厦门市: short and full forms of it)."""
    a = {gz.get(i).idx for i in gz.candidates(sc)}
    b = {gz.get(i).idx for i in gz.candidates(fc)}
    if a & b:
        return True
    a2 = {i for n in (sc, sc.rstrip("省市县区")) for i in gz.candidates(n)}
    b2 = {i for n in (fc, fc.rstrip("省市县区")) for i in gz.candidates(n)}
    return bool(a2 & b2)


def contracted(full: str, short: str) -> bool:
    """An enterprise written with its words contracted (市工投集团 / 工投集团公司 ↔ 连云港市工业投资
    集团公司): the same region (or none written), the short core a contraction of the full one."""
    fc, fcore = company_core(full)
    sc, score = company_core(short)
    if fc and not sc:
        gz = lx.gazetteer()
        for i in gz.candidates(fc):
            sh = gz.get(i).short
            if sh and score.startswith(sh) and len(score) > len(sh):
                sc, score = fc, score[len(sh):]      # 厦门工投 ↔ 厦门市工业投资
                break
    if sc and fc and sc != fc and not _same_place(sc, fc, lx.gazetteer()):
        return False
    if len(score) < 2 or len(fcore) < 4 or len(fcore) % 2:
        return False
    return contraction_of(score, fcore)
