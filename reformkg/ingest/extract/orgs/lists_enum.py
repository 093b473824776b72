"""Enumeration rules of the `orgs` lists: the names listed before 等…企业 (甲、乙等企业) as
enterprise candidates, and the department stems listed before 等部门 (人社、财政等部门).
"""

from __future__ import annotations

import re
from itertools import takewhile

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Span
from reformkg.ingest.extract.common import Words
from reformkg.ingest.extract.orgs.filters import is_generic_body
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.lexicon import BAD_START

# 甲、乙等企业; the last item may be a firm's full name (美团、甲速运有限公司等平台企业)
ENUM_ENT = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,14}|[\u4e00-\u9fff]{2,6})等[^，。；,;]{0,10}?"
                      r"(企业|公司|厂家|家政企业)")
ENUM_DEPT = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)*[\u4e00-\u9fff]{2,4})等(?:相关|有关)?(?:职能)?部门")

# tagger labels of the name words at the end of the first listed item (成立|某某)
_FIRST_ITEM_TAGS = frozenset(("ORG", "nz", "n", "j", "nw", "PER"))
# tagger labels that make an item of two words a proper name
_PROPER_TAGS = frozenset(("ORG", "nz", "LOC", "PER"))
_MAX_FIRST_ITEM = 6          # characters of name words kept in the first item
_DEPT_HEADS = ("局", "厅", "委")


def first_item_start(text: str, words: Words, base: int, first_end: int) -> int:
    """Where the first listed item's name starts: the name words at its end, at most six
    characters, within the match (the match may start inside a verb: 支持甲、乙等企业)."""
    j = words.index_at(first_end - 1)
    start = first_end
    while j >= 0 and words.spans[j].start >= base and words.spans[j].end <= first_end and \
            words.spans[j].label in _FIRST_ITEM_TAGS and first_end - words.spans[j].start <= _MAX_FIRST_ITEM:
        start = words.spans[j].start
        j -= 1
    return start


def item_words(words: Words, s: int, end: int) -> list[Span]:
    """The words from the one containing s up to those starting before end."""
    i = words.index_at(s)
    if i < 0:
        return []
    return list(takewhile(lambda w: w.start < end, words.spans[max(0, i):]))


def is_listed_firm(doc: Document, words: Words, s: int, item: str, n_items: int) -> bool:
    """A listed item that may name a firm: no function-word start, not generic, no region; made
    of one word, or two words (a longer item needs a proper-name word among them), word-aligned;
    a list of one only when the tagger's names are there."""
    if item[0] in BAD_START or is_generic_body(item) or lx.gazetteer().candidates(item):
        return False
    ws = item_words(words, s, s + len(item))
    if not ws or ws[0].start != s or ws[-1].end != s + len(item):
        return False
    if len(ws) > 1 and not any(w.label in _PROPER_TAGS for w in ws) and len(item) > 3:
        return False
    if len(ws) > 2:
        return False
    return n_items > 1 or bool(doc.layers.get("lac"))


def listed_firms(doc: Document, text: str, words: Words, m: re.Match) -> list[Cand]:
    """The firms of one 甲、乙等企业 enumeration, one `enum_ent` candidate each."""
    base = m.start(1)
    first_end = base + len(m.group(1).split("、")[0])
    start = first_item_start(text, words, base, first_end)
    if start == first_end:
        return []
    items = text[start:m.end(1)].split("、")
    out = []
    pos = 0
    for item in items:
        s = start + pos
        pos += len(item) + 1
        if is_listed_firm(doc, words, s, item, len(items)):
            out.append(Cand(s, s + len(item), "enum_ent"))
    return out


def is_dept_stem(item: str, dset: frozenset[str]) -> bool:
    """A department stem: with 局, 厅 or 委 it is a known department (人社+局)."""
    return any(item + h in dset for h in _DEPT_HEADS)


def first_dept_stem(s: int, item: str, dset: frozenset[str]) -> tuple[int, str]:
    """The first listed item may carry the verb before it (会同人社): the longest known stem at its
    end, at least two characters; else the item as it is."""
    for k in range(len(item) - 2, -1, -1):
        if is_dept_stem(item[k:], dset):
            return s + k, item[k:]
    return s, item


def listed_depts(m: re.Match, dset: frozenset[str]) -> list[Cand]:
    """The department stems of one 人社、财政等部门 enumeration, one `dept_stem` candidate each."""
    out = []
    pos = 0
    for n, item in enumerate(m.group(1).split("、")):
        s = m.start(1) + pos
        pos += len(item) + 1
        if n == 0:
            s, item = first_dept_stem(s, item, dset)
        if is_dept_stem(item, dset):
            out.append(Cand(s, s + len(item), "dept_stem"))
    return out
