"""Number and unit parsing for outcomes: finds quantities such as 1000余万元, 5.6万名, 近百人,
244.9%, 十家 in Chinese text and normalises them to base units (10000000 元 qualifier 余).

A count with 以上 is a threshold (300人以上的企业) unless a result verb governs it (表彰百名以上工匠,
qualifier 以上). Only the syntax of a quantity is decided here (what is a number with a counting unit, and what
is plainly not a count: ordinals, ranks, rates, ranges, thresholds, durations, codes). Whether a
quantity is a reform outcome is decided by `outcomes.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reformkg.ingest.extract.common import word_list

# Counting units, longest first. Units of time/age/length are deliberately absent (年, 月, 岁, 米).
UNITS: tuple[str, ...] = (
    "个百分点", "人次", "场次", "批次", "%", "％", "人", "名", "位", "家", "项", "个", "元", "场", "篇", "所",
    "户", "期", "次", "套", "台", "件", "份", "对", "张", "座", "条", "批", "支",
)

@lru_cache(maxsize=1)
def unit_word_starts() -> dict[str, str]:
    """Unit → the characters after it that turn it into another word (个月 is a duration, 人民 a
    name …), from ingest/data/unit_word_starts.tsv."""
    out: dict[str, str] = {}
    for i, line in enumerate(word_list(_UNIT_WORD_STARTS)):
        row = line.split("\t")
        if len(row) != 2 or not row[0] or not row[1]:
            raise ValueError(f"{_UNIT_WORD_STARTS}: row {i + 1} must be unit<TAB>characters; got {line!r}")
        out[row[0]] = row[1]
    return out


_UNIT_WORD_STARTS = "unit_word_starts.tsv"

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
QUANTITY_RE = re.compile(
    r"(?P<pre>超过|达到|近|超|逾|达|约)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[一二两三四五六七八九十百千万][零〇一二两三四五六七八九十百千万亿]*)"
    r"(?P<a1>余|多)?"
    r"(?P<mult>[十百千万亿]{0,2})"
    r"(?P<a2>余|多)?"
    rf"(?P<unit>{_UNIT_RE})"
)
_RANGE_CHARS = "—–-－~～至到"
_RANGE_BEFORE = re.compile(r"\d[十百千万亿]*(?:" + _UNIT_RE + r")?\s*[—–\-－~～至到]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[—–\-－~～至到]\s*(?:近|超过|约)?\d")
_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下|以内|左右以上)")
_REACHED_RATE_BEFORE = re.compile(r"(?:率|比例|占比|比重)(?:已|均|始终)?(?:达到|达|保持在|稳定在|在|为|超过)?$")
_CODE_BEFORE = re.compile(r"[\dA-Za-z.．\-－_/#№]$")
_ORDINAL_BEFORE = re.compile(r"第\s*$")
_RATE_BEFORE = re.compile(r"(?:每|人均|户均|平均每|每年每)[人名户个家位月年天次场期]?$")
_APPROX_BEFORE = re.compile(r"(?:数|几|若干|好几)$")
_RANK_BEFORE = re.compile(r"(?:前|后|排名|位列|位居|名列)$")
# a count with 以上 right after a result verb states a result (表彰百名以上…), not a threshold
_RESULT_VERB_BEFORE = re.compile(r"(?:表彰|奖励|培养|培训|培育|选树|评选|命名|吸纳|带动|惠及|覆盖|帮扶|新增|建成|创建|"
                                 r"组建|认定|输送|招聘|安置|资助|慰问|救助)(?:了|出)?[^，,。；;：:\d的]{0,8}$")


_LIST_BEFORE = re.compile(r"((?:[\u4e00-\u9fff]{1,6}、)+[\u4e00-\u9fff]{1,6})$")
_HONOURED_AFTER = re.compile(r"(?:获评|荣获|被评为|入选|当选|获得)")


def _small_count_is_result(text: str, ps: int, unit_end: int, value: float) -> bool:
    """一/两/三… are mostly rhetorical (两个维护, 三项机制); they count when they sum the list
    written right before them (风电、光伏两个行业) or count people honoured (一人获评…)."""
    m = _LIST_BEFORE.search(text, max(0, ps - 40), ps)
    if m is not None and m.group(1).count("、") + 1 == value:
        return True
    return text[unit_end - 1] in "人名位" and bool(_HONOURED_AFTER.match(text, unit_end))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity: `start`/`end` cover qualifier + number + unit in the scanned text."""

    start: int
    end: int
    num_start: int
    value: float
    unit: str
    qualifier: str
    raw: str


def parse_cn_number(s: str) -> float | None:
    """Parse a Chinese numeral (十, 一百二十, 两万三千, 三千五, 一五) into a number; None if not one."""
    if not s:
        return None
    if all(c in _CN_DIGIT for c in s):  # digit-by-digit reading (一五 → 15)
        v = 0
        for c in s:
            v = v * 10 + _CN_DIGIT[c]
        return float(v)
    total = 0  # finished 亿/万 sections
    section = 0  # current section below 万
    digit = None
    last_unit = 1
    for c in s:
        if c in ("零", "〇") and digit is None:
            last_unit = 1  # 一千零五: the digit after 零 counts units
            continue
        if c in _CN_DIGIT:
            digit = _CN_DIGIT[c] if digit is None else digit * 10 + _CN_DIGIT[c]
        elif c in _CN_SMALL_UNIT:
            u = _CN_SMALL_UNIT[c]
            section += (1 if digit is None else digit) * u
            digit = None
            last_unit = u
        elif c in _CN_BIG_UNIT:
            u = _CN_BIG_UNIT[c]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                section = 1
            if u == 100_000_000:
                total = (total + section) * u
            else:
                total += section * u
            section = 0
            last_unit = u
        else:
            return None
    if digit is not None:
        # 三千五 → 3500: a trailing digit after a unit counts a tenth of that unit
        if last_unit >= 10 and digit < 10 and section + total > 0:
            section += digit * (last_unit // 10)
        else:
            section += digit
    return float(total + section)


def parse_number(num: str, mult: str = "") -> float | None:
    """A digit or Chinese numeral string with optional multipliers (万, 亿, 千万) → float."""
    num = num.translate(_FULLWIDTH)
    if num and num[0].isdigit():
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            return None
    else:
        v = parse_cn_number(num)
        if v is None:
            return None
        value = v
    for c in mult:
        value *= MULTIPLIERS[c]
    return value


def _round(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


# ---- rules that a match is no count: each (text, match, 6 characters before, 4 after) -> True to drop

def _unit_starts_a_word(text: str, m: re.Match, before: str, after: str) -> bool:
    """个月, 人民, 名单 …: the unit is the first character of another word."""
    bad = unit_word_starts().get(m.group("unit"))
    return bool(bad and after[:1] and after[0] in bad)


def _duration(text: str, m: re.Match, before: str, after: str) -> bool:
    """3个小时, 5个工作日: a duration."""
    return m.group("unit") == "个" and after.startswith(("小时", "工作日", "季度", "星期", "学期", "年头"))


def _code_or_ordinal(text: str, m: re.Match, before: str, after: str) -> bool:
    """CN32-0003, MQ25, 第3名: a code or an ordinal."""
    return bool(_CODE_BEFORE.search(before) or _ORDINAL_BEFORE.search(before))


def _rate_or_vague(text: str, m: re.Match, before: str, after: str) -> bool:
    """每人230元, 人均…; 数十家: a per-capita rate or a vague count."""
    return bool(_RATE_BEFORE.search(before) or _APPROX_BEFORE.search(before))


def _rank(text: str, m: re.Match, before: str, after: str) -> bool:
    """前3名, 位列…: a rank."""
    return m.group("unit") in ("名", "位") and bool(_RANK_BEFORE.search(before))


def _per_unit(text: str, m: re.Match, before: str, after: str) -> bool:
    """元/人: a rate."""
    return after[:1] in ("/", "／")


_NOT_A_COUNT = (_unit_starts_a_word, _duration, _code_or_ordinal, _rate_or_vague, _rank, _per_unit)


def _not_a_count(text: str, m: re.Match, before: str, after: str) -> bool:
    """Whether any _NOT_A_COUNT rule drops the match."""
    for rule in _NOT_A_COUNT:
        if rule(text, m, before, after):
            return True
    return False


def _threshold_qualifier(text: str, m: re.Match, after: str) -> str | None:
    """"" when no 以上/以下/以内 follows; "以上" for a reached rate (签订率98%以上) or a count
    after a result verb (表彰百名以上…); None for a threshold (占比60%以上的企业, 300人以上)."""
    if not _THRESHOLD_AFTER.match(after):
        return ""
    unit, ps = m.group("unit"), m.start()
    if unit in ("%", "％") and after.startswith("以上") and after[2:3] != "的" \
            and _REACHED_RATE_BEFORE.search(text, max(0, ps - 8), ps):
        return "以上"
    if unit not in ("%", "％", "个百分点") and after.startswith("以上") and after[2:3] != "的" \
            and _RESULT_VERB_BEFORE.search(text, max(0, ps - 16), ps):
        return "以上"
    return None


def _in_range(text: str, m: re.Match, after: str) -> bool:
    """2000元—4000元: either end of a range."""
    ps = m.start()
    return bool(_RANGE_AFTER.match(after) or _RANGE_AFTER.match(text[m.end("num"):m.end("num") + 4])
                or _RANGE_BEFORE.search(text[max(0, ps - 12):ps]))


def _rhetorical_numeral(text: str, m: re.Match, above: str) -> bool:
    """A Chinese numeral that counts nothing: small ones (两个, 三项) unless they sum a list or
    count people honoured; a bare 百/千/万 (百家, 万人) without an approximation."""
    num = m.group("num")
    if num[0].isdigit():
        return False
    cn_value = parse_cn_number(num)
    if cn_value is None or (cn_value < 10 and not _small_count_is_result(text, m.start(), m.end(), cn_value)):
        return True
    # 近百人, 超万人 are counts; 百家/千家万户/万人 alone are words
    return len(num) == 1 and num in "百千万" and not (m.group("pre") or m.group("a1") or m.group("a2") or above)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """All counting quantities in text[start:end] that are syntactically counts.

    Drops ordinals (第3名), ranks (前3名), per-capita rates (每人230元, 元/人), ranges
    (2000元—4000元), thresholds (60%以上), numbers glued to codes (CN32-0003, MQ25), vague
    counts (数十家) and small Chinese numerals (两个, 三项: mostly rhetorical enumeration).
    """
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text, start, end):
        ps, unit_end = m.start(), m.end()
        before, after = text[max(0, ps - 6):ps], text[unit_end:unit_end + 4]
        if _not_a_count(text, m, before, after):
            continue
        above = _threshold_qualifier(text, m, after)
        if above is None or _in_range(text, m, after) or _rhetorical_numeral(text, m, above):
            continue
        value = parse_number(m.group("num"), m.group("mult") or "")
        if value is None:
            continue
        pre = m.group("pre") or ""
        qualifier = m.group("a1") or m.group("a2") or above or pre
        unit = m.group("unit")
        out.append(Quantity(start=ps, end=unit_end, num_start=m.start("num"), value=_round(value),
                            unit="%" if unit == "％" else unit, qualifier=qualifier, raw=m.group()))
    return out
