"""Named prizes and quoted honours: X科学技术进步二等奖 (with the level word before it), and
quoted titles conferred by a verb before them (荣获“某某标兵”), named by an event after them
(“某某”“某某”先进典型评选) or by a word after them (“某某”称号)."""

from __future__ import annotations

import re

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.awards_common import (
    NATIONAL, award_mention, award_re, gz_name, level_prefix, not_honour_end, regions_by_end,
)
from reformkg.ingest.extract.common import is_designation_workroom

_PRIZE_RE = re.compile(r"(全国|国家|省部级|省级|市级|省|市)?([\u4e00-\u9fff]{2,14}?(?:特等奖|一等奖|二等奖|三等奖|金奖|银奖|铜奖|优秀奖))")
_PRIZE_VERB = re.compile(r"^.*?(荣获|获得|获评|获|荣膺|夺得)")
_PRIZE_LEVEL = re.compile(r"(全国|国家|省部级|省级|市级|省|市)")
_NOT_IN_PRIZE = re.compile(r"[的了和与及在为获得]")
_EVENT_AT_HAND = re.compile(r"(?:此次|本次|本届|该|这次|各)")
_QUOTE_RUN = r"(“[^“”\n]{2,20}”(?:[、和及]?“[^“”\n]{2,20}”)*)"
_QUOTED = re.compile(r"“([^“”\n]{2,40})”")
# a conferral verb before it allows a longer quoted honour (被评为“某地区…工作优秀案例”)
_QUOTE_RUN_CONFERRED = r"(“[^“”\n]{2,40}”(?:[、和及]?“[^“”\n]{2,20}”)*)"
_NOT_IN_TITLE = re.compile(r"[，。、]")
_WORKROOM_KIND_RE = re.compile(r"(?:劳模|工匠|技能大师|大师|职工|技术|技能|创新)工作室$")
_QUOTED_HONOUR_RE = re.compile(r"(?:获得|荣获|获评|评为|授予|荣膺|入选|表彰|表彰奖励|命名为|被命名为|评选出|评选|选树|评出|选出|"
                               r"命名[^，。；：“”\n]{1,60}?为|授予[^，。；：“”\n]{1,10}?)了?"
                               r"[^，。；：“”\n]{0,8}?" + _QUOTE_RUN_CONFERRED)
_QUOTED_CONTEST_RE = re.compile(_QUOTE_RUN + r"等?(?:先进典型|优秀|先进)?(?:评选|评比|选树|推选)")
# “X”称号 / “X”等表彰项目 / “X”拟推荐人选 / “X”名单: a quoted title named as an honour by the word after it
_QUOTED_TITLE_RE = re.compile(_QUOTE_RUN + r"等?(?:荣誉称号|光荣称号|称号|表彰项目|荣誉|拟?推荐人选|候选人|拟表彰(?:对象|人选)|"
                                            r"获得者|获奖者|(?:拟表彰|拟命名|推荐)?名单)")
# 第十五届“三秦工匠” / 2023年度“某某标兵”: an edition of an honour title
_EDITION_HONOUR_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+届|(?:19|20)\d{2}年度)"
                                r"(“[^“”\n]{1,18}(?:工匠|能手|标兵|劳模|模范|之星|楷模|先锋|状元|大师|名匠|英才|榜样|巾帼)”)")
_QUOTED_RULES = (_QUOTED_HONOUR_RE, _QUOTED_CONTEST_RE, _QUOTED_TITLE_RE, _EDITION_HONOUR_RE)
# 命名A等N个工作室为2023年度某省劳模和工匠人才创新工作室: a workroom title conferred by 命名…为,
# unquoted (the year dates the conferral and stays out of the name)
_CONFERRED_WORKROOM_RE = re.compile(r"命名[^，。；：\n]{0,60}?为(?:(?:19|20)\d{2}年度?)?"
                                    r"((?:全国|国家级|省级|市级|[\u4e00-\u9fff]{1,8}?[省市县区])[\u4e00-\u9fff]{0,12}?工作室)"
                                    r"(?=[，。；、\n]|$)")


def _prize_name(region: str, core: str, written: str | None) -> str:
    """A prize's name: the region before it unless the level was written 全国/国家 (then 全国)."""
    if region and written not in ("全国", "国家"):
        return region + core
    return NATIONAL + core if region == NATIONAL else core


def _prize(doc: Document, text: str, m: re.Match[str]) -> Mention | None:
    """某省科学技术进步二等奖: a named prize tier; without a level word, a conferral verb inside
    the match (该项目荣获省…一等奖) starts it after the verb, with the level word after that."""
    core = m.group(2)
    s = m.start()
    word = m.group(1) or ""
    cut = _PRIZE_VERB.match(core) if not word else None
    if cut:
        rest = core[cut.end():]
        s = m.start(2) + cut.end()
        lm = _PRIZE_LEVEL.match(rest)
        word = lm.group(1) if lm else ""
        core = rest[len(word):]
    if len(core) < 4 or _NOT_IN_PRIZE.search(core):
        return None
    if _EVENT_AT_HAND.match(core):
        return None      # 此次大赛一等奖: a tier of the event at hand, not a named honour
    region, level = level_prefix(doc, s, word)
    return award_mention(doc, s, m.end(), _prize_name(region, core, m.group(1)), level)


def _prizes(doc: Document, text: str) -> list[Mention]:
    """Named prizes (某省科学技术进步二等奖)."""
    out = []
    for m in _PRIZE_RE.finditer(text):
        mention = _prize(doc, text, m)
        if mention is not None:
            out.append(mention)
    return out


def _honour_title(inner: str) -> bool:
    """A quoted title that may be an honour: not a certificate/project/centre (“X证书”, unless a
    designation workroom), no punctuation inside, and not an honour the level rules handle."""
    if (inner.endswith(not_honour_end()) and not is_designation_workroom(inner)) or _NOT_IN_TITLE.search(inner):
        return False      # (a designation workroom title is conferred: an honour)
    return not award_re().fullmatch(inner)


def _quoted_run(doc: Document, text: str, rx: re.Pattern[str], m: re.Match[str],
                by_end: dict[int, Span]) -> list[Mention]:
    """The honours of one quoted run (“某某标兵”、“某某能手”); a region written before the run
    names them (某县“十大工匠”)."""
    run_start = m.start(1)
    if rx is _QUOTED_HONOUR_RE and "的" in text[m.start():run_start]:
        return []      # 获得者X领衔的“Y工作室”: the quote is not what was conferred
    prefix = gz_name(by_end[run_start]) if run_start in by_end else ""
    out = []
    for q in _QUOTED.finditer(m.group(1)):
        inner = q.group(1)
        if not _honour_title(inner):
            continue
        name = inner if (not prefix or inner.startswith(prefix[:2])) else prefix + inner
        out.append(award_mention(doc, run_start + q.start(), run_start + q.end(), name,
                                 span_attrs={}, attrs={"aliases": [inner]}))
    return out


def _quoted_honours(doc: Document, text: str) -> list[Mention]:
    """Quoted honours after a conferral verb, before an event of selection, or before 称号."""
    by_end = regions_by_end(doc)
    out = []
    for rx in _QUOTED_RULES:
        for m in rx.finditer(text):
            out.extend(_quoted_run(doc, text, rx, m, by_end))
    return out


def _conferred_workrooms(doc: Document, text: str) -> list[Mention]:
    """命名…为某省劳模和工匠人才创新工作室: the workroom title conferred, unquoted."""
    out = []
    for m in _CONFERRED_WORKROOM_RE.finditer(text):
        if _WORKROOM_KIND_RE.search(m.group(1)):
            out.append(award_mention(doc, m.start(1), m.end(1), m.group(1)))
    return out


def named_prizes(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """Named prizes (某省科学技术进步二等奖), quoted honours (荣获“某某标兵”称号) and workroom
    titles conferred unquoted (命名…为某省劳模创新工作室)."""
    return _prizes(doc, text) + _quoted_honours(doc, text) + _conferred_workrooms(doc, text)
