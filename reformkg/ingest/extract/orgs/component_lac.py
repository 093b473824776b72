"""Candidate rule of the `Orgs` component over the tagger's ORG spans: the span is trimmed of what
the tagger glued to it (a coordinated name before it, a joint verb, a trailing 协办 or 合作, a
女工委 before a title), then kept when what remains is a body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Span
from reformkg.ingest.extract.common import is_cjk, is_latin_name_char, word_list
from reformkg.ingest.extract.orgs.component_candidates import BAN_VERB_CHARS, tail_only_heads
from reformkg.ingest.extract.orgs.component_state import OrgsState
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import BAD_START, LEAD_VERBS

_CONJUNCTIONS = "与和及、"
_JOINT_VERBS = ("联合", "会同", "携手", "协同")
# two-character verbs whose last character the tagger may start a name with (会|同州人社局)
_SPLIT_VERBS = frozenset(("会同", "协同", "陪同", "连同", "共同", "伙同"))
_EMPLOYER_NEXT = ("职工", "员工", "工人", "公司", "集团", "企业")
_WOMEN_COMMITTEES = ("女工委", "女职工委员会")
_WOMEN_COMMITTEE_TITLES = ("主任", "副主任", "部长", "副部长", "主席", "副主席", "委员")
_NOT_AFTER = ("城", "园", "区")

# 培养新能源汽车技术人才 / 人工智能领域: a field of work, not a firm (unless a body's word ends it)
_FIELD_AFTER_RE = re.compile(r"(?:技术人才|技术工人|技能人才|专业人才|领域|赛道|行业|专业)")
_BODY_ENDS = ("公司", "集团", "厂", "院", "校", "局", "会", "委", "所", "中心", "站", "社")


@lru_cache(maxsize=1)
def _bad_ends() -> tuple[str, ...]:
    """Endings of an ORG span that is no body (X培训班, X大赛; data/org_component_lac_bad_ends.txt)."""
    return word_list("org_component_lac_bad_ends.txt")


@lru_cache(maxsize=1)
def _glued_tails() -> frozenset[str]:
    """Words glued to the end of a name (X合作, X社电; data/org_component_glued_tails.txt)."""
    return frozenset(word_list("org_component_glued_tails.txt"))


# ---------------------------------------------------------------------------------------------
# trimming the span: each rule takes and returns (start, surface)


def _last_conjunct(start: int, surface: str) -> tuple[int, str]:
    """The tagger sometimes glues coordinated names (某某与某某大学): keep the last conjunct."""
    k = max(surface.rfind(ch) for ch in _CONJUNCTIONS)
    if k >= 0:
        return start + k + 1, surface[k + 1:]
    return start, surface


def _after_joint_verb(start: int, surface: str) -> tuple[int, str]:
    """A联合B: the tagger glued two bodies and the verb; B is the one spanned here."""
    k = max(surface.rfind(v) for v in _JOINT_VERBS)
    if 2 <= k and len(surface) - k - 2 >= 3:
        return start + k + 2, surface[k + 2:]
    return start, surface


def _after_lead_verb(start: int, surface: str) -> tuple[int, str]:
    """联合市总工会: the tagger glued the verb of a joint action to the name."""
    for verb in LEAD_VERBS:
        if surface.startswith(verb) and len(surface) - len(verb) >= 3:
            return start + len(verb), surface[len(verb):]
    return start, surface


def _before_ban_verb(start: int, surface: str) -> tuple[int, str]:
    """某市人社局协办: the tagger glued the verb 协办 to the name."""
    if len(surface) >= 4 and surface[-1] == "办" and surface[-2] in BAN_VERB_CHARS:
        return start, surface[:-2]
    return start, surface


_TRIMS = (_last_conjunct, _after_joint_verb, _after_lead_verb, _before_ban_verb)


def _from_county_char(st: OrgsState, start: int, surface: str) -> tuple[int, str]:
    """会同县经发局: the regions component refused 会同县 (会同 = "together with"), so a name
    that starts with a region the layer lacks starts at that region's 县."""
    gz = lx.gazetteer()
    lead = [n for n in gz.automaton.iter(surface[:6]) if n[0] - len(n[1][0]) + 1 == 0] \
        if gz.automaton is not None else []
    if lead and not any(r.start == start for r in st.regions):
        full = max((n[1][0] for n in lead), key=len)
        if full[-1] in "省市县区" and len(full) < len(surface):
            return start + len(full) - 1, surface[len(full) - 1:]
    return start, surface


# ---------------------------------------------------------------------------------------------
# the end of the body


def _glued_tail_cut(surface: str) -> int | None:
    """某汽车公司合作 / 某社电: the length of the name before a word the tagger glued to its end,
    when that part is a name with a head; None when there is none."""
    for k in range(len(surface) - 1, 1, -1):
        if surface[k:] not in _glued_tails():
            continue
        if lx.org_label_of(surface[:k]) is not None and \
                any(surface[:k].endswith(h) and len(h) >= 2 for h in lx.org_heads_sorted()):
            return k
    return None


def _body_end(text: str, start: int, surface: str) -> int | None:
    """Where the body ends: the surface's end, or before a glued word; a surface with no head
    is a name only as an employer (某某职工) or before a company word; None otherwise."""
    end = start + len(surface)
    if lx.org_label_of(surface) is not None:
        return end
    k = _glued_tail_cut(surface)
    if k is not None:
        return start + k
    return end if text[end:end + 2] in _EMPLOYER_NEXT else None


def _before_women_committee(text: str, start: int, end: int) -> int:
    """某公司女工委部长: 女工委 before a title is a title of the body before it."""
    for sub in _WOMEN_COMMITTEES:
        if text[start:end].endswith(sub) and end - start > len(sub) + 2 and \
                text[end:end + 3].startswith(_WOMEN_COMMITTEE_TITLES):
            end -= len(sub)
    return end


# ---------------------------------------------------------------------------------------------
# the rule


def _rejected_span(text: str, sp: Span, surface: str) -> bool:
    """A span that is no body: a bad first character or ending (X培训班), one before 城/园/区
    (a place's name) or one inside quotes or a title (《…》)."""
    return surface[0] in BAD_START or surface.endswith(_bad_ends()) or text[sp.end:sp.end + 1] in _NOT_AFTER or \
        sp.start > 0 and text[sp.start - 1] in "“\"《" or \
        (_FIELD_AFTER_RE.match(text, sp.end) is not None and not surface.endswith(_BODY_ENDS))


def _no_body(text: str, start: int, end: int) -> bool:
    """A bare head (工会, 党委) or a news agency's dateline (某某社电)."""
    return text[start:end] in lx.org_heads() or text[start:end] in tail_only_heads() or \
        text[end - 1:end] == "社" and text[end:end + 1] == "电"


def _lac_candidate(st: OrgsState, sp: Span) -> Cand | None:
    """The body in one tagger ORG span, trimmed; None when there is none."""
    text = st.text
    start, surface = sp.start, text[sp.start:sp.end]
    for trim in _TRIMS:
        start, surface = trim(start, surface)
    if start > 0 and text[start - 1:start + 1] in _SPLIT_VERBS and len(surface) >= 4:
        start, surface = start + 1, surface[1:]   # 会|同州人社局: the verb's last character
    if len(surface) < 2 or not all(is_cjk(ch) or is_latin_name_char(ch) for ch in surface) \
            or sum(map(is_cjk, surface)) < 2 or not is_cjk(surface[-1]):
        return None          # TCL科技集团股份有限公司: capitals and digits may stand in a name
    start, surface = _from_county_char(st, start, surface)
    if _rejected_span(text, sp, surface):
        return None
    end = _body_end(text, start, surface)
    if end is None:
        return None
    end = _before_women_committee(text, start, end)
    if _no_body(text, start, end):
        return None
    return Cand(start, end, "lac")


def lac_candidates(st: OrgsState) -> list[Cand]:
    """Bodies in the tagger's ORG spans (某某集团, 某某大学), trimmed of what was glued to them."""
    out = []
    for sp in st.doc.layers.get("lac", []):
        if sp.label != "ORG":
            continue
        c = _lac_candidate(st, sp)
        if c is not None:
            out.append(c)
    return out
