"""Candidate grammar of the `orgs` component: `Cand` spans for region+prefix+head names
(泗洪县委, 市人社局), names extended left from a strong head, parenthesised regions (X(无锡)有限公司),
short name + industry head (X药业), and the merge of overlapping candidates.
"""

from __future__ import annotations

import re

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document
from reformkg.ingest.extract.common import Words, is_cjk
from reformkg.ingest.extract.orgs.filters import is_generic_body, joint_verb_cut
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.grammar_industry import (industry_after_ok, industry_before_ok, industry_heads,
                                                           industry_name_ok, industry_span)
from reformkg.ingest.extract.orgs.lexicon import BAD_START, DISCOURSE_WORDS, LEAD_VERBS, dept_set


_NAME_TAGS = frozenset({"n", "nz", "LOC", "ORG", "vn", "an", "j", "nw", "s"})
_SUB_BODIES = ("工会委员会", "女职工委员会", "工会", "女工委", "办公室", "党委", "分公司", "学院", "研究院")
_GLUED_BIGRAMS = frozenset(("其中", "之中", "当中", "从中", "其他", "以及", "并由", "还有", "包括", "如"))
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
    if s > 0 and text[s - 1] in "省市县区州旗":
        ch = text[s - 1]
        # 区区委: OCR-doubled suffix after a region name
        if s - 1 in reg_by_end and reg_by_end[s - 1].attrs.get("name", "").endswith(ch):
            r = reg_by_end[s - 1]
            return Cand(r.start, e, "prefixed", r.attrs.get("place", -1))
        if s >= 2 and is_cjk(text[s - 2]) and text[s - 2] not in "、，。：；（(“在由和与及的为对向将把从到是等" and \
                not text[s - 2:s] in ("全省", "全市", "全县", "全区", "我省", "我市", "我县", "我区"):
            # the char belongs to a longer word (城市总工会?): only when it is not a region end
            if s - 1 not in reg_by_end:
                return None
        return Cand(s - 1, e, "contextual", prefix_char=ch)
    if body in ("委",):
        return None
    return None


def extend_left(doc: Document, text: str, words: Words, s: int, e: int, reg_by_end: dict, head: str) -> Cand | None:
    """Strong head: extend left over name-like words (≤ 12 characters), through a region."""
    start = s
    w_here = words.at(s)
    if w_here is not None and w_here.start < s:
        k = s
        while k > w_here.start and is_cjk(text[k - 1]):
            k -= 1
        start = k                 # head glued to the word before it (三方委员会, 。智能研究院)
        if text[k:k + 2] in LEAD_VERBS:
            return None           # 联合市总工会: a verb glued to the name (see the tagger spans)
        j = joint_verb_cut(text, k, s)
        if j > k:
            # A联合B总工会: the tagger glued two bodies and the verb; B starts after it
            start = k = j
            if s - start < 1:
                return None
            if text[start] in "省市县区" and start + 1 < s + 1:
                return Cand(start, e, "contextual", prefix_char=text[start]) if start + 1 == s else \
                    Cand(start, e, "strong", -1)
            return Cand(start, e, "strong", -1)
        if k > w_here.start:
            if s - start < 2:
                return None
            return Cand(start, e, "strong", -1) if not is_generic_body(text[start:s]) else Cand(start, e, "generic")
    if start == s and s >= 2 and text[s - 1] == " " and text[s - 2] != " ":
        # a heading or credit line that spaces its parts (X总工会 干部学校): the body before
        # the space is the parent of the head
        w_prev = words.at(s - 2)
        if w_prev is not None and w_prev.label == "ORG" and lx.org_label_of(text[w_prev.start:w_prev.end]) and \
                head in ("干部学校", "学校", "学院", "研究院", "培训中心", "活动中心", "服务中心", "研究中心"):
            return Cand(w_prev.start, e, "strong", -1)
    i = words.index_at(start - 1) if start > 0 else -1
    n = s - start
    place = -1
    before_verb = -1          # where the name stood before a verb word was crossed
    while i >= 0:
        w = words.spans[i]
        if w.end != start:
            break
        if start in reg_by_end:
            r = reg_by_end[start]
            start = r.start
            place = r.attrs.get("place", -1)
            if start >= 2 and text[start - 2:start] == "中共":
                start -= 2
            break
        frag = text[w.start:w.end]
        if w.label == "v" and len(frag) == 2 and frag not in LEAD_VERBS and \
                before_verb < 0 and n + 2 <= 10 and head in ("委员会", "联席会议", "领导小组", "协会", "联合会"):
            # a verb inside a long body name (江苏省家政行业协调劳动关系三方委员会): kept only
            # when the name reaches a region further left
            before_verb = start
            n += 2
            start = w.start
            i -= 1
            continue
        if text[max(0, start - 2):start] == "产改":
            n += 2
            start -= 2
            i = words.index_at(start - 1) if start > 0 else -1
            continue
        if w.label not in _NAME_TAGS or text[w.start] in BAD_START or frag in DISCOURSE_WORDS:
            break
        if text[w.end - 1] in "与和及" and w.label in ("ORG", "nz", "n"):
            break        # a name glued to a conjunction (长虹与|电子科技大学)
        if any(not is_cjk(ch) and ch not in "()（）" for ch in text[w.start:w.end]):
            break
        if n == 0 and head in _SUB_BODIES and w.label == "ORG" and w.end - w.start <= 24 and \
                lx.org_label_of(frag) in ("Enterprise", "Institution") and frag[0] not in BAD_START:
            start = w.start       # X有限公司 + 工会: the union of the firm the tagger spanned
            break
        if n + (w.end - w.start) > 12:
            break
        n += w.end - w.start
        start = w.start
        i -= 1
    if before_verb >= 0 and place < 0 and not (start < s and start in reg_by_end):
        start = before_verb       # no region reached: the verb is not part of the name
    if place < 0 and start < s and start in reg_by_end:
        # the region right before the name words (姜堰区|产改联席会议 when the tagger glued
        # the region to the next word)
        r = reg_by_end[start]
        start, place = r.start, r.attrs.get("place", -1)
    if start == s and s > 0 and text[s - 1] == "”":
        q = text.rfind("“", max(0, s - 16), s - 1)
        if q >= 0 and "”" not in text[q:s - 1]:
            start = q             # “红蜻蜓”产业工人学院
    if start < s and text[start - 1:start + 1] in _GLUED_BIGRAMS:
        start += 1                # 其中|正泰集团: the tagger glued 中 to the name
    if start >= 2 and text[start - 2:start] in ("全省", "全市", "全县", "全区") and place < 0 and \
            head in ("联席会议", "联席会", "领导小组", "委员会"):
        return Cand(start - 2, e, "contextual", prefix_char=text[start - 1])
    if start > 0 and text[start - 1] in "省市县区州旗" and start - 1 not in reg_by_end:
        ch = text[start - 1]
        if start < 2 or not is_cjk(text[start - 2]) or text[start - 2] in "、，。在由和与及的为对向将把从是等":
            return Cand(start - 1, e, "contextual", prefix_char=ch)
    if start == s:
        return None
    if place < 0 and is_generic_body(text[start:s]):
        return Cand(start, e, "generic")
    return Cand(start, e, "strong", place)


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
    (泗洪县委 + 组织部, 镇江港务集团有限公司 + 工会), then keep the longest non-overlapping."""
    by_start: dict[int, list[Cand]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    changed = True
    rounds = 0
    while changed and rounds < 4:
        changed = False
        rounds += 1
        new = []
        for c in cands:
            for d in by_start.get(c.end, []):
                if d.kind in ("dept", "lac", "strong", "industry", "tail", "generic") and d.end > c.end and \
                        c.kind not in ("tail", "generic"):
                    body = text[d.start:d.end]
                    if body in ("女工委", "女职工委员会") and text[d.end:d.end + 3].startswith(
                            ("主任", "副主任", "部长", "副部长", "主席", "副主席", "委员")):
                        continue        # 女工委部长: part of the title, not a separate body
                    if body in dept_set() or body.endswith(_SUB_BODIES) or d.kind in ("dept", "tail", "generic") or \
                            (d.kind == "strong" and d.place < 0 and lx.org_label_of(text[c.start:c.end]) is not None
                             and text[c.start:c.end].endswith(("工会", "委", "局", "厅", "政府"))):
                        nc = Cand(c.start, d.end, c.kind, c.place, c.prefix_char, False)
                        key = (nc.start, nc.end)
                        if not any((x.start, x.end) == key for x in cands + new):
                            new.append(nc)
        if new:
            changed = True
            cands = cands + new
            for c in new:
                by_start.setdefault(c.start, []).append(c)
    cands = [c for c in cands if c.kind not in ("tail", "generic")]
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken = bytearray(len(text) + 1)
    out = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        for i in range(c.start, c.end):
            taken[i] = 1
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


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
