"""Rejection rules of the `persons` component: a candidate span that is no actor. Each rule
looks at one candidate (start, end, how it was found) and says whether to leave it out; they
run in order and the first that rejects decides (all of them are free of side effects):
not a name, a byline or credit, a symbolic figure (某某精神), part of a longer mention, a word
inside a quotation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reformkg.ingest.document import Document, Span
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.persons.lexicon import byline_cues, in_quotation, surname_ok, symbolic_after

# 记者 某某 / 通讯员某某 within eight characters before the name
_REPORTER_BEFORE_RE = re.compile(r"(记者|通讯员)[\s\u4e00-\u9fff]{0,8}$")
# a credit line: only names and spaces, ending with 摄/文/图
_CREDIT_LINE_RE = re.compile(r"[\u4e00-\u9fff\s]+(摄|文|图|摄影|供图)")
# what follows a name in a quotation that still makes it an actor (某某同志, 某某说)
_QUOTED_ACTOR_AFTER_RE = re.compile(r"(同志|说|表示|指出|讲)")
# a title right before the quotation mark that opens a quoted name (书记“某某”)
_TITLE_BEFORE_QUOTE_RE = re.compile(r"(书记|主席|部长|局长|主任|市长|县长|区长|经理|董事长)$")
# verbs whose first character the tagger glues to a two-character name (张某荣获)
_RONG_VERBS = ("荣获", "荣立", "荣膺", "荣登")
_RONG_SECOND_CHARS = "获立膺登"


@dataclass(frozen=True, slots=True)
class Screen:
    """What the rejection rules of one document share: its text, its byline spans and the
    names it uses as symbols."""

    doc: Document
    text: str
    byline: list[Span]
    symbolic: frozenset[str]


def symbolic_names(text: str, cands: dict[tuple[int, int], str]) -> frozenset[str]:
    """Names used anywhere as a symbol (某某精神, 某某理论): a symbol everywhere in the document."""
    return frozenset(text[s:e] for (s, e) in cands if "精神" in text[e:e + 4] or text[e:e + 2] in ("理论", "定律"))


def screen_of(doc: Document, cands: dict[tuple[int, int], str]) -> Screen:
    """The shared state of the rejection rules for doc and its candidates."""
    return Screen(doc, doc.text, doc.layers.get("byline", []), symbolic_names(doc.text, cands))


def drop_glued_rong(text: str, s: int, e: int) -> int:
    """张某荣获 → 张某: the tagger glued the first character of 荣获/荣立/荣膺/荣登 to a
    two-character name, unless the three-character name is also written on its own."""
    if e - s == 3 and text[e - 1:e + 1] in _RONG_VERBS and \
            text.count(text[s:e]) == sum(text.count(text[s:e] + v) for v in _RONG_SECOND_CHARS):
        return e - 1
    return e


def not_a_name(sc: Screen, s: int, e: int, how: str) -> bool:
    """Two to four CJK characters starting with a surname (or a transliterated name of CJK
    parts joined by ·, up to 16 characters) and not a symbol, else no name."""
    name = sc.text[s:e]
    parts = name.split("·")
    if len(parts) > 1:
        ok = len(name) <= 16 and all(p and all(is_cjk(ch) for ch in p) for p in parts)
        return not ok or name in sc.symbolic
    if not (2 <= len(name) <= 4) or not all(is_cjk(ch) for ch in name):
        return True
    return not surname_ok(name) or name in sc.symbolic


def in_byline(sc: Screen, s: int, e: int, how: str) -> bool:
    """The span overlaps the document's byline layer."""
    return any(b.start < e and s < b.end for b in sc.byline)


def after_byline_cue(sc: Screen, s: int, e: int, how: str) -> bool:
    """记者 某某 / 编辑：某某 / 某某 摄: a name in a byline or a photo credit."""
    text = sc.text
    before = text[max(0, s - 8):s]
    return any(c in before[-5:] for c in byline_cues()) or text[e:e + 1] == "摄" or \
        _REPORTER_BEFORE_RE.search(before) is not None


def on_credit_line(sc: Screen, s: int, e: int, how: str) -> bool:
    """A short credit line of names and spaces ending with 摄/文/图 (某某 某某 摄)."""
    text = sc.text
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    line = text[ls:le if le >= 0 else len(text)].strip()
    return len(line) <= 24 and _CREDIT_LINE_RE.fullmatch(line) is not None and " " in line


def symbolic_figure(sc: Screen, s: int, e: int, how: str) -> bool:
    """某某精神, 某某杯, 某某式: a figure used as a symbol or a name of a thing."""
    text = sc.text
    return text[e:e + 4].startswith(symbolic_after()) or "精神" in text[e:e + 6]


def inside_mention(sc: Screen, s: int, e: int, how: str) -> bool:
    """Inside an organisation or programme name (某某工作室): not a person."""
    return any(o.span.start <= s and e <= o.span.end for o in sc.doc.mentions)


def quoted_word(sc: Screen, s: int, e: int, how: str) -> bool:
    """A tagger name inside a quoted sentence (“…则万钧不足举也”) is a word, not an actor, unless
    a speech verb follows it or a title precedes the quotation."""
    text = sc.text
    if how != "lac" or not in_quotation(text, s, e) or _QUOTED_ACTOR_AFTER_RE.match(text[e:e + 2]):
        return False
    q = text.rfind("“", max(0, s - 60), s)
    return not _TITLE_BEFORE_QUOTE_RE.search(text[q:s])


RejectRule = Callable[[Screen, int, int, str], bool]
# the rejection rules, in the order they are tried
REJECT_RULES: tuple[RejectRule, ...] = (not_a_name, in_byline, after_byline_cue, on_credit_line, symbolic_figure,
                                        inside_mention, quoted_word)


def rejected(sc: Screen, s: int, e: int, how: str) -> bool:
    """Some rejection rule leaves the candidate s..e out."""
    return any(rule(sc, s, e, how) for rule in REJECT_RULES)
