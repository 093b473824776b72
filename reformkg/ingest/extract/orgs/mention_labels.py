"""The `orgs` mention rules that settle the label (see orgs/mention.py): national bodies and the
union of the paragraph's enterprise are finished here; other candidates take the label of their
head, a place written before a provincially named firm is cut off, and spans that are a joint
action (与某学院共建产业学院) or a practice (某联盟等特色做法) are not bodies.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import paragraph_of
from reformkg.ingest.extract.orgs.filters import is_fragment
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, national_bodies
from reformkg.ingest.extract.orgs.mention_state import REJECT, MentionState, Outcome
from reformkg.ingest.extract.orgs.places import region_in_org_name, spans_starting_at

_JOINT_ACTION = re.compile(r"(?<=.{2})(共建|共办|合办|联办|携手|合作建立|合作共建)(?=..)")
_PRACTICE_AFTER = re.compile(r"等?(特色|创新|典型|先进|有效|好的)?(做法|经验|模式|举措)")
# candidate kinds found by the open grammar (a name of any shape before a head)
_OPEN_KINDS = frozenset({"lac", "strong", "industry"})
_FIRM_OR_UNKNOWN = frozenset({Label.ENTERPRISE, None})
_ENTERPRISE_UNION_ATTRS = ("place", "region")


@lru_cache(maxsize=1)
def enterprise_union_words() -> frozenset[str]:
    """公司工会 / 该企业工会: the union of an enterprise not named in the span."""
    return frozenset(lx.read_lines("org_mention_enterprise_unions.txt"))


def last_enterprise(doc: Document, pos: int, pending: list[Mention]) -> Mention | None:
    """The last enterprise named before pos in its paragraph."""
    ps = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
    best = None
    for m in pending:
        if m.label == Label.ENTERPRISE and ps <= m.span.start and m.span.end <= pos:
            best = m
    return best


def _wider_place_at(doc: Document, a: int, start: int, end: int) -> bool:
    """Whether the text from start (before end - 4) opens with a province or city containing place a."""
    gz = lx.gazetteer()
    head = doc.text[start:min(end, start + 8)]
    for e, (surface, _short) in (gz.automaton.iter(head) if gz.automaton is not None else ()):
        if e + 1 != len(surface) or start + len(surface) >= end - 4:
            continue
        for b in gz.candidates(surface):
            if b != a and gz.get(b).level in (lx.LEVEL_PROVINCE, lx.LEVEL_CITY) and gz.is_within(a, b):
                return True
    return False


def locator_before_firm(doc: Document, start: int, end: int) -> int:
    """Where a firm's own name starts when a place is written before a name that begins with a
    wider place containing it (某某区 + 某省某某有限公司); `start` when not."""
    placed = [sp for sp in spans_starting_at(doc.layers.get("regions", []), start)
              if sp.attrs.get("place", -1) is not None and sp.attrs.get("place", -1) >= 0]
    if not placed:
        return start
    first = placed[-1]
    return first.end if _wider_place_at(doc, first.attrs["place"], first.end, end) else start


def national_body(st: MentionState) -> Outcome:
    """全总 / 国务院: a national body, named by the national table (or its expanded form)."""
    c, surface = st.c, st.surface
    if c.kind != "national":
        return None
    table, _ = national_bodies()
    canon, label = table.get(surface, (lx.expand_abbreviation(surface), lx.org_label_of(surface) or Label.AGENCY))
    if surface.startswith("全国") and surface not in table:
        canon = lx.expand_abbreviation(surface)
    span = Span(c.start, c.end, label, st.doc.sentence_of(c.start), COMPONENT_NAME, {"kind": c.kind})
    return Mention(span, label, surface, canon, {})


def enterprise_union(st: MentionState) -> Outcome:
    """某某有限公司……公司工会: the union of the enterprise named last in the paragraph."""
    c, surface = st.c, st.surface
    if surface not in enterprise_union_words():
        return None
    ent = last_enterprise(st.doc, c.start, st.pending)
    if ent is None:
        return REJECT
    span = Span(c.start, c.end, Label.UNION, st.doc.sentence_of(c.start), COMPONENT_NAME, {"kind": "derived"})
    return Mention(span, Label.UNION, surface, ent.normalised + "工会",
                   {k: v for k, v in ent.attrs.items() if k in _ENTERPRISE_UNION_ATTRS})


def label_from_head(st: MentionState) -> Outcome:
    """The label of the name's head (某某集团 → Enterprise); department stems are agencies."""
    st.label = Label.AGENCY if st.c.kind in ("dept_stem", "abbr_dept") else lx.org_label_of(st.surface)
    return None


def cut_locator_before_firm(st: MentionState) -> Outcome:
    """某某区某省某某有限公司: the district locates a firm registered under its province's name;
    the firm's name starts after the district."""
    c = st.c
    if st.label not in _FIRM_OR_UNKNOWN or c.kind not in _OPEN_KINDS:
        return None
    cut = locator_before_firm(st.doc, c.start, c.end)
    return Cand(cut, c.end, c.kind, -1, c.prefix_char) if cut > c.start else None


def reject_fragment(st: MentionState) -> Outcome:
    """A fragment of a longer phrase, not a name (see orgs/filters.is_fragment)."""
    return REJECT if is_fragment(st.surface) else None


def label_enumerated_firm(st: MentionState) -> Outcome:
    """某某、某某等企业: the items of an enumeration of enterprises are enterprises."""
    if st.c.kind == "enum_ent":
        st.label = Label.ENTERPRISE
    return None


def label_unknown_head(st: MentionState) -> Outcome:
    """A name with no known head is a firm when the open grammar found it (某某科技), else none."""
    if st.label is None:
        if st.c.kind not in ("lac", "industry"):
            return REJECT
        st.label = Label.ENTERPRISE
    return None


# a registered firm, or a unit of one (某某集团有限公司炼钢厂): a long name that is no run-on phrase
_REGISTERED_FIRM_RE = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司)"
                                 r"(?:[\u4e00-\u9fff]{0,8}?(?:厂|分公司|子公司|车间|中心|项目部|工段|班组|班|站|所|队))?$")


def reject_long_lac_firm(st: MentionState) -> Outcome:
    """A firm name of more than 10 characters found by the tagger alone is a run-on phrase,
    unless it is a registered firm's name (…有限公司) or one of its units (…有限公司炼钢厂)."""
    if st.c.kind == "lac" and st.label == Label.ENTERPRISE and len(st.surface) > 10 \
            and not _REGISTERED_FIRM_RE.search(st.surface):
        return REJECT
    return None


def split_joint_action(st: MentionState) -> Outcome:
    """与某某学院共建产业学院: a joint action, not one body's name; the partner named before the
    verb is the body."""
    if st.label != Label.INSTITUTION:
        return None
    joint = _JOINT_ACTION.search(st.surface)
    if joint is None:
        return None
    if lx.org_label_of(st.surface[: joint.start()]) is None:
        return REJECT
    c = st.c
    return Cand(c.start, c.start + joint.start(), c.kind, c.place, c.prefix_char)


def reject_practice(st: MentionState) -> Outcome:
    """形成了某某联盟等特色做法: a practice, not an actor."""
    c = st.c
    if st.label == Label.INSTITUTION and c.place < 0 and region_in_org_name(st.surface, st.doc) < 0 and \
            _PRACTICE_AFTER.match(st.text[c.end:c.end + 8]):
        return REJECT
    return None
