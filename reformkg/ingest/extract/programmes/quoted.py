"""Quoted programme names (“…”, ‘…’): whether a quoted name is a programme and where it ends.

Each quote is tried against the rules of QUOTE_RULES in order; the first rule that decides
either names the programme (a mention) or rejects the quote (nothing), the others pass on:

    reform itself / no name characters / already taken as an abbreviation      → rejected
    “A、B”“两X”宣讲: a long quote abbreviated by a counted one, with a head       → one name
    a quoted list without a head after it (a quotation)                          → rejected
    “X工匠”选树活动 (a selection activity)                                       → quote + head
    “X”评选 (an honour, see awards)                                              → rejected
    “A”“B”等系列活动, 某县2023年“B”专场招聘会: a run of quotes sharing a head   → each named
    “A+B”证书(…)融通项目; “X”培训工程; “A”等主题竞赛                              → quote + head
    “X工程” (own head); “A”、“B”等群众性活动 (list item)                         → the quote
    实施“X”, “X”(即…); 做到“三A三B” (programme verb, counted slogan)              → the quote
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.programmes.lexicon import (ABBREV_RE, COUNTED_SLOGAN_RE, HEADS_SORTED,
                                                        LIST_ACTIVITY_RE, NOT_PROG_END, PAREN_IN_HEAD_RE,
                                                        PROG_VERBS_STRICT, QUOTE_RE, REFORM_RE, RUN_SEP_RE,
                                                        SLOGAN_VERBS, YEAR_BEFORE_RE)
from reformkg.ingest.extract.programmes.names import (after_etc, bare_head, first_head, in_heading, make_mention,
                                                      region_prefix)

# a decision of a rule: None passes the quote on; () rejects it; (mention,) names it
Decision = tuple[Mention, ...] | None
_HONOURS_AFTER_RE = re.compile(r"等?(先进典型|优秀|先进)?(评选|评比|选树|推选)")
_SERIES_RE = re.compile(r"(等系列|系列|等)")
_HONOUR_HEAD_RE = re.compile(r"(表彰|荣誉|称号|评选|奖励)")
_DEFINED_AFTER = ("(即", "（即", "，即", ",即", "：即")


def region_year(doc: Document, a: int, b: int) -> bool:
    """text[a:b] is a year, optionally after a region named there (某县2023年, 2024年)."""
    text = doc.text
    frag = re.sub(r"^[、和及与]", "", text[a:b])
    y = re.search(r"\d{4}年度?$", frag)
    if y is None:
        return False
    lead = frag[: y.start()]
    if not lead:
        return True
    a2 = b - len(frag)
    return any(sp.start == a2 and sp.end == a2 + len(lead) for sp in doc.layers.get("regions", []))


@dataclass
class Quote:
    """One quoted name under test: its span [s, e), its inner text, and the positions of the
    quotes already taken as abbreviations of an earlier one (shared by the quotes of a text)."""

    doc: Document
    s: int
    e: int
    inner: str
    abbrev_done: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def quoted(self) -> str:
        """The quote with its quotation marks (“X”)."""
        return self.doc.text[self.s:self.e]

    @cached_property
    def run_end(self) -> int:
        """The end of the run of quotes starting with this one (“A”“B”, “A”、“B”, “A”和某县2023年“B”)."""
        text, run_end = self.doc.text, self.e
        while True:
            sep = RUN_SEP_RE.match(text, run_end)
            nxt = QUOTE_RE.match(text, sep.end()) if sep is not None else None
            if nxt is None:
                break
            if sep.end() > run_end and not re.fullmatch(r"[、和及与]?", sep.group(0)) and \
                    not region_year(self.doc, run_end, sep.end()):
                break
            run_end = nxt.end()
        return run_end

    @cached_property
    def head(self) -> str:
        """The head noun written right after the quote ("" when none, or when it is a trade: “X”技师)."""
        head = first_head(self.doc.text[self.e:self.e + 24])
        if head and self.doc.text[self.e + len(head):self.e + len(head) + 1] == "师":
            head = ""
        return head

    @cached_property
    def prefix(self) -> tuple[str, int]:
        """The region written before the quote (its full name and start), see region_prefix."""
        return region_prefix(self.doc, self.s)

    def has_own_head(self) -> bool:
        """The quote ends with a head noun itself (“X工程”, 3+ characters)."""
        return self.inner.endswith(HEADS_SORTED) and len(self.inner) >= 3

    def mention(self, s: int, e: int, name: str, rule: str, aliases: tuple[str, ...] = ()) -> tuple[Mention]:
        return (make_mention(self.doc, s, e, name, rule, aliases),)


def _reform_itself(q: Quote) -> Decision:
    """“产业工人队伍建设改革”: the reform is named by its own rule."""
    return () if REFORM_RE.fullmatch(q.inner) else None


def _no_name_characters(q: Quote) -> Decision:
    """“OK”: no Chinese character, digit or plus sign (“A+B” stays) names nothing."""
    if not any(is_cjk(ch) for ch in q.inner) and not re.search(r"\d|[+＋]", q.inner):
        return ()
    return None


def _taken_as_abbreviation(q: Quote) -> Decision:
    """The “两进” of “师傅带徒弟、专家进车间”“两进”宣讲: already part of the name before it."""
    return () if q.s in q.abbrev_done else None


def _abbreviation_pair(q: Quote) -> Decision:
    """“师傅带徒弟、专家进车间”“两进”宣讲: a counted quote right after a longer one abbreviates
    it; with a head after both, one name (the second quote is marked as taken)."""
    text = q.text
    abbr = QUOTE_RE.match(text, q.e)
    if abbr is None:
        return None
    ab = abbr.group(1) or abbr.group(2)
    if not (ABBREV_RE.fullmatch(ab or "") and len(q.inner) > len(ab) + 3):
        return None
    head = first_head(text[abbr.end():abbr.end() + 10])
    if not head:
        return None
    q.abbrev_done.add(abbr.start())
    return q.mention(q.s, abbr.end() + len(head), text[q.s:abbr.end()] + bare_head(head), "quoted-abbrev",
                     (q.inner, ab, q.quoted + head, text[abbr.start():abbr.end()] + head))


def _quotation_not_name(q: Quote) -> Decision:
    """A quote holding punctuation: a quoted list (“甲乙、丙丁”三年行动计划) is one name only
    with a head noun right after it (or its run); a sentence (“X。”) or a list without a head
    is a quotation."""
    if not re.search(r"[，。！？；：、,;!?]", q.inner):
        return None
    if re.search(r"[。！？；：;!?]", q.inner) or not first_head(after_etc(q.text[q.run_end:q.run_end + 14])[1]):
        return ()
    return None


_SELECTION_ACTIVITY_RE = re.compile(r"(?:先进典型|优秀|先进)?(?:评选|评比|选树|推选)(?:表彰)?活动")


def _selection_activity(q: Quote) -> Decision:
    """“X工匠”选树活动, “X”评选活动: the selection activity is a programme (the honour it
    confers is an award of its own, see awards); not for a run of quotes."""
    if q.run_end > q.e:
        return None
    m = _SELECTION_ACTIVITY_RE.match(q.text, q.e)
    if m is None:
        return None
    prefix, pstart = q.prefix
    return q.mention(pstart, m.end(), prefix + q.quoted + m.group(0), "quoted-selection",
                     (q.text[pstart:m.end()],) if prefix else ())


def _honours(q: Quote) -> Decision:
    """“X”“Y”评选, “X”等先进典型选树: honours (see awards), not programmes."""
    return () if _HONOURS_AFTER_RE.match(q.text[q.run_end:q.run_end + 12]) else None


def _in_run(q: Quote) -> bool:
    """The quote is one of a run (“A”“B”, “A”、“B”, “A”和“B”)."""
    text, s = q.text, q.s
    return q.run_end > q.e or text[max(0, s - 1):s] in ("”", "’") or text[max(0, s - 2):s] in ("”、", "”和")


def _run_head(q: Quote) -> Decision:
    """“A”“B”等系列主题活动, “A”、某县2023年“B”等专场招聘会: each quote of a run gets the head
    written after the run (with the region and year written before it)."""
    if not _in_run(q) or q.inner.endswith(HEADS_SORTED):
        return None
    tail = q.text[q.run_end:q.run_end + 12]
    skip = _SERIES_RE.match(tail)
    head = first_head(tail[skip.end():] if skip else tail)
    if not head:
        return None
    text, s, e = q.text, q.s, q.e
    ps = s
    ry = YEAR_BEFORE_RE.search(text, max(0, s - 12), s)
    if ry is not None and region_year(q.doc, ry.start(), s):
        ps = ry.start()      # 某县2023年“B”: the region and year belong to the name
    head = bare_head(head)
    al = (q.inner, q.quoted) + ((q.quoted + head,) if ps < s else ())
    return q.mention(ps, e, text[ps:e] + head, "quoted-run", al)


def _paren_head(q: Quote) -> Decision:
    """“A+B”证书(学历+技能)融通项目: an explanation in brackets inside the head; the name
    is written without it, the full form is an alias."""
    if q.head:
        return None
    text = q.text
    pm = PAREN_IN_HEAD_RE.match(text, q.e)
    if pm is None:
        return None
    lead = pm.group(1)
    h2 = first_head(lead + text[pm.end():pm.end() + 10])
    if not (len(h2) > len(lead) and text[pm.end():pm.end() + len(h2) - len(lead)] == h2[len(lead):]):
        return None
    end = pm.end() + len(h2) - len(lead)
    prefix, pstart = q.prefix
    return q.mention(pstart, end, prefix + q.quoted + bare_head(h2), "quoted+paren-head", (q.inner, text[pstart:end]))


def _written_head(q: Quote) -> Decision:
    """“X”培训工程, 市“X”发展规划: the head noun (and a region before) belong to the name; the
    bare quote is an alias."""
    if not q.head:
        return None
    prefix, pstart = q.prefix
    end = q.e + len(q.head)
    return q.mention(pstart, end, prefix + q.quoted + bare_head(q.head), "quoted+head", (q.inner, q.text[pstart:end]))


def _etc_head(q: Quote) -> Decision:
    """“A”等主题劳动技能竞赛: the head after a coordinating 等 belongs to the quoted name (not
    when the quote has its own head: “A计划”等培养项目 is an item of the category); “十佳X”等
    表彰项目 is an honour (see awards)."""
    text, e = q.text, q.e
    etc, rest = after_etc(text[e:e + 14])
    if not etc or q.has_own_head():
        return None
    head = first_head(rest)
    if not head:
        return None
    if _HONOUR_HEAD_RE.search(head):
        return ()
    he = e + len(etc) + len(head)
    if text[he:he + 1] == "师":
        return None
    prefix, pstart = q.prefix
    return q.mention(pstart, he, prefix + q.quoted + bare_head(head), "quoted+etc+head", (q.inner, q.quoted))


def _no_chinese(q: Quote) -> Decision:
    """“A+B” without a head: without a Chinese character, no name."""
    return None if any(is_cjk(ch) for ch in q.inner) else ()


def _own_head(q: Quote) -> Decision:
    """“X培训工程”: a quote that ends with a head noun is a name (a region before joins it)."""
    if not q.has_own_head():
        return None
    prefix, pstart = q.prefix
    return q.mention(pstart, q.e, prefix + q.quoted, "quoted-head", (q.inner,))


def _list_activity(q: Quote) -> Decision:
    """“A”竞赛、“B”、C等群众性活动: an item of a list that ends with 等…活动 is an activity."""
    text, s, e, inner = q.text, q.s, q.e, q.inner
    if not (text[e:e + 1] == "、" or text[max(0, s - 1):s] == "、"):
        return None
    if LIST_ACTIVITY_RE.match(text, e) is None or not 2 <= len(inner) <= 12 or re.search(r"[的了吗呢，。]", inner):
        return None
    return q.mention(s, e, q.quoted + "活动", "quoted-list-activity", (inner, q.quoted))


def _before(q: Quote) -> str:
    return q.text[max(0, q.s - 4):q.s]


def _verb_introduced(q: Quote) -> Decision:
    """实施“X”, 打好“X”, “X”(即…): a short quote a programme verb introduces (or defined right
    after it) is a programme, unless it says something (的/了), ends with a non-programme word
    (“X精神”) or stands in a section heading."""
    inner = q.inner
    defined = q.text[q.e:q.e + 3].startswith(_DEFINED_AFTER)
    if not (defined or any(_before(q).endswith(v) for v in PROG_VERBS_STRICT)):
        return None
    if not 3 <= len(inner) <= 12 or re.search(r"[的了吗呢]", inner) or inner.endswith(NOT_PROG_END) or \
            in_heading(q.doc, q.s):
        return None
    return q.mention(q.s, q.e, q.quoted, "quoted-verb", (inner,))


def _counted_slogan(q: Quote) -> Decision:
    """做到“三学三比”: a counted slogan introduced as a programme."""
    if COUNTED_SLOGAN_RE.fullmatch(q.inner) and any(_before(q).endswith(v) for v in SLOGAN_VERBS):
        return q.mention(q.s, q.e, q.quoted, "quoted-slogan", (q.inner,))
    return None


QUOTE_RULES: tuple[Callable[[Quote], Decision], ...] = (
    _reform_itself, _no_name_characters, _taken_as_abbreviation, _abbreviation_pair, _quotation_not_name,
    _selection_activity, _honours, _run_head, _paren_head, _written_head, _etc_head, _no_chinese, _own_head, _list_activity,
    _verb_introduced, _counted_slogan)


def quoted(doc: Document) -> list[Mention]:
    """The programmes named by quotes in doc, in text order (first deciding rule per quote)."""
    out: list[Mention] = []
    abbrev_done: set[int] = set()
    for m in QUOTE_RE.finditer(doc.text):
        q = Quote(doc, m.start(), m.end(), m.group(1) or m.group(2), abbrev_done)
        for rule in QUOTE_RULES:
            got = rule(q)
            if got is not None:
                out.extend(got)
                break
    return out
