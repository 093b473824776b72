"""Candidate grammar of the `orgs` component: `Cand` spans for region+prefix+head names
(泗洪县委, 市人社局), names extended left from a strong head, parenthesised regions (X(无锡)有限公司),
short name + industry head (X药业), and the merge of overlapping candidates.

The rules these entry points run live in grammar_extend.py (left extension), grammar_industry.py
(industry heads) and grammar_combine.py (merge); `Cand` is defined in grammar_cand.py.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Document
from reformkg.ingest.extract.common import Words, is_cjk
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.grammar_combine import join_sub_bodies, longest_non_overlapping
from reformkg.ingest.extract.orgs.grammar_extend import (ADJUSTMENTS, BEFORE_WALK, DECISIONS, LeftExtension,
                                                         final_candidate, walk_left)
from reformkg.ingest.extract.orgs.grammar_industry import (industry_after_ok, industry_before_ok, industry_heads,
                                                           industry_name_ok, industry_span)
from reformkg.ingest.extract.orgs.lexicon import BAD_START, CONTEXT_PREFIX_CHARS, LEAD_VERBS


# X(无锡)有限公司 / X(中国)投资有限公司: a place in brackets inside a firm's name
_PAREN_RE = re.compile(r"([A-Za-z\u4e00-\u9fff]{2,14})[(（]([\u4e00-\u9fff]{2,8})[)）][\u4e00-\u9fff]{0,8}?"
                       r"(股份有限公司|有限责任公司|有限公司|公司|集团|产业工人学院|学院|研究院)(工会)?")


def prefixed_candidate(doc: Document, text: str, s: int, e: int, reg_by_end: dict, body: str) -> Cand | None:
    """A body preceded by a region (泗洪县+委) or a contextual prefix char (省+总工会)."""
    if s in reg_by_end:
        r = reg_by_end[s]
        start = r.start
        if start >= 2 and text[start - 2:start] == "中共":
            start -= 2
        return Cand(start, e, "prefixed", r.attrs.get("place", -1))
    if s >= 2 and text[s - 2:s] == "全国" and body in ("人大", "政协", "总工会", "妇联", "工商联", "人大常委会"):
        return Cand(s - 2, e, "national")
    if s >= 3 and text[s - 3:s] == "自治区" and (s < 4 or not is_cjk(text[s - 4]) or text[s - 4] in "、，在由和与及的为对"):
        return Cand(s - 3, e, "contextual", prefix_char="省")
    if s > 0 and text[s - 1] in CONTEXT_PREFIX_CHARS:
        ch = text[s - 1]
        # 区区委: OCR-doubled suffix after a region name
        if s - 1 in reg_by_end and reg_by_end[s - 1].attrs.get("name", "").endswith(ch):
            r = reg_by_end[s - 1]
            return Cand(r.start, e, "prefixed", r.attrs.get("place", -1))
        if s >= 2 and is_cjk(text[s - 2]) and text[s - 2] not in "、，。：；（(“在由和与及的为对向将把从到是等" and \
                text[s - 2:s] not in ("全省", "全市", "全县", "全区", "我省", "我市", "我县", "我区") and \
                text[max(0, s - 3):s - 1] not in LEAD_VERBS:
            # the char belongs to a longer word (城市总工会?): only when it is not a region end
            if s - 1 not in reg_by_end:
                return None
        return Cand(s - 1, e, "contextual", prefix_char=ch)
    if body in ("委",):
        return None
    return None


def extend_left(doc: Document, text: str, words: Words, s: int, e: int, reg_by_end: dict, head: str) -> Cand | None:
    """Strong head: extend left over name-like words (≤ 12 characters), through a region. The
    rules (grammar_extend.py) run in order: the decisions before the walk, the walk over the
    words, the adjustments of the start reached, the decisions on the span."""
    st = LeftExtension(text, words, s, e, reg_by_end, head, start=s)
    for rule in BEFORE_WALK:
        if rule(st):
            return st.result
    walk_left(st)
    for adjust in ADJUSTMENTS:
        adjust(st)
    for rule in DECISIONS:
        if rule(st):
            return st.result
    return final_candidate(st)


def industry_candidates(text: str, words: Words) -> list[Cand]:
    """Short proper names with an industry head (某某药业, 某某|化纤) in a list or as a clause's
    subject: one `industry` candidate each."""
    heads = industry_heads()
    out = []
    for i in range(len(words.spans)):
        span = industry_span(text, words, i, heads)
        if span is None:
            continue
        s, e = span
        if industry_before_ok(text, words, i, s) and industry_after_ok(text, words, s, e) and \
                industry_name_ok(text[s:e]):
            out.append(Cand(s, e, "industry"))
    return out


def combine(text: str, cands: list[Cand]) -> list[Cand]:
    """Join an organisation and the sub-body or department written right after it
    (某县委 + 组织部, 某某集团有限公司 + 工会), then keep the longest non-overlapping."""
    return longest_non_overlapping(text, join_sub_bodies(text, cands))


def parenthesised_candidates(text: str, words: Words) -> list[Cand]:
    out = []
    for m in _PAREN_RE.finditer(text):
        a = m.start(1)
        first_end = m.end(1)
        # keep the name words at the end of the first group
        j = words.index_at(first_end - 1)
        start = first_end
        while j >= 0 and words.spans[j].start >= a and \
                words.spans[j].label in ("ORG", "nz", "n", "j", "nw", "LOC", "PER", "eng", "vn", "m"):
            start = words.spans[j].start
            j -= 1
        if text[start] in "和与及" and first_end - start > 3:
            start += 1          # 和信达半导体: the tagger glued the conjunction
        if first_end - start < 2 or text[start] in BAD_START:
            continue
        out.append(Cand(start, m.end(), "paren"))
    return out
