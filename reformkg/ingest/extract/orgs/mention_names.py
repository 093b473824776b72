"""The `orgs` mention rules that build the normalised name from the context (see
orgs/mention.py): a prefix 省/市/县/区 becomes the region it stands for (市总工会 → 某某市总工会),
department abbreviations and stems are expanded (市财政 → 某某市财政局), bare departments are
attached to their region or party committee, and a region written before the body keeps its
written form (区区委 undoubled, 某某州 → 某某自治州).
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.common import paragraph_of
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import CONTEXT_PREFIX_CHARS, PARTY_DEPTS, dept_set
from reformkg.ingest.extract.orgs.mention_state import REJECT, MentionState, Outcome
from reformkg.ingest.extract.orgs.places import display_name, nearest_region, nearest_zone
from reformkg.ingest.extract.regions import context_place

_EVERY_PLACE_BEFORE = re.compile(r"(各|[省市县区]|乡镇|镇街)$")
_OPEN_KINDS = frozenset({"lac", "strong", "industry"})
# words that start with a prefix character but are not a prefix + body (市场监管…, 区域…, 省级…)
_NOT_PREFIX_STARTS = ("市场", "区域", "县域", "省级", "市级")
_WHOLE_PLACE_PREFIXES = ("全省", "全市", "全县", "全区")
_COMMITTEE_STEMS = ("发改", "卫健", "国资")
_COMMITTEE_ENDS = ("省委", "市委", "县委", "区委", "州委", "旗委")
_COMMITTEE_ATTRS = ("place", "region")


def last_committee(doc: Document, pos: int, pending: list[Mention]) -> Mention | None:
    """The last party committee (X省委/X市委/X县委/X区委) named before pos in its paragraph."""
    ps = doc.paragraphs[paragraph_of(doc, pos)][0] if doc.paragraphs else 0
    best = None
    for m in pending:
        if m.label == Label.AGENCY and ps <= m.span.start and m.span.end <= pos and \
                (m.normalised or "").endswith(_COMMITTEE_ENDS):
            best = m
    return best


def start_name(st: MentionState) -> Outcome:
    """The written name (spaces dropped) and the candidate's place start the normalised form."""
    st.normalised = st.surface.replace(" ", "")
    st.place = st.c.place
    st.attrs = {}
    return None


def reject_every_county(st: MentionState) -> Outcome:
    """各县区产改联席会 / 市县总工会: bodies of every county, not one."""
    c, doc = st.c, st.doc
    if c.kind in ("lac", "strong", "industry", "contextual") and st.surface[0] in "省市县区" and c.place < 0 and \
            _EVERY_PLACE_BEFORE.search(st.text[max(0, c.start - 2):c.start]) and \
            c.start - 1 not in {sp.end - 1 for sp in doc.layers.get("regions", []) if sp.end == c.start}:
        return REJECT
    return None


def prefix_is_contextual(st: MentionState) -> Outcome:
    """市总工会 found by the open grammar: the prefix character stands for the context's region."""
    c, surface = st.c, st.surface
    if c.kind in _OPEN_KINDS and surface[0] in CONTEXT_PREFIX_CHARS and c.place < 0 and \
            not lx.gazetteer().candidates(surface[:2]) and not any(surface.startswith(n) for n in _NOT_PREFIX_STARTS):
        st.c = Cand(c.start, c.end, "contextual", prefix_char=surface[0])
    return None


def reject_headless_agency(st: MentionState) -> Outcome:
    """An agency found by the open grammar without a place must end in a known head or department."""
    c, surface = st.c, st.surface
    if st.label == Label.AGENCY and c.kind in ("lac", "strong") and c.place < 0 and not any(
            surface.endswith(h) and len(h) >= 2 for h in lx.org_heads_sorted()) and not any(
            surface.endswith(d) for d in dept_set()):
        return REJECT
    return None


def _contextual_name(st: MentionState) -> Outcome:
    """省总工会 → 某某省总工会; 全市… and 自治区… are longer prefixes; 省总职工… = 省总工会职工…."""
    c, surface = st.c, st.surface
    st.place = context_place(st.doc, c.start, c.prefix_char)
    plen = 3 if surface.startswith("自治区") else 2 if surface[:2] in _WHOLE_PLACE_PREFIXES else 1
    if st.place >= 0:
        rest = surface[plen:]
        if rest.startswith("总") and not rest.startswith("总工会"):
            rest = "总工会" + rest[1:]
        st.normalised = display_name(st.doc, st.place) + rest
    return None


def _abbr_dept_name(st: MentionState) -> Outcome:
    """市财政 → 某某市财政局; 省人社 → 某某省人力资源和社会保障厅 (see component)."""
    st.place = context_place(st.doc, st.c.start, st.c.prefix_char)
    if st.place < 0:
        return REJECT
    p = lx.gazetteer().get(st.place)
    stem = st.surface[1:]
    head = "委" if stem in _COMMITTEE_STEMS else "厅" if p.level == lx.LEVEL_PROVINCE else "局"
    st.label = Label.AGENCY
    st.normalised = display_name(st.doc, st.place) + stem + head
    st.attrs["aliases"] = [st.surface]
    return None


def _dept_stem_name(st: MentionState) -> Outcome:
    """人社 after a region: 某某省人社厅 / 某某市人社局."""
    st.place = nearest_region(st.doc, st.c.start)
    if st.place < 0:
        return REJECT
    p = lx.gazetteer().get(st.place)
    head = "厅" if p.level == lx.LEVEL_PROVINCE else "局"
    st.label = Label.AGENCY
    st.normalised = display_name(st.doc, st.place) + st.surface + head
    return None


def _committee_dept_name(st: MentionState) -> None:
    """某省委深刻把握…，深改委专门审议: the party committee named last in the paragraph."""
    committee = last_committee(st.doc, st.c.start, st.pending)
    if committee is None:
        return
    st.normalised = committee.normalised + st.surface
    for k in _COMMITTEE_ATTRS:
        if k in committee.attrs:
            st.attrs[k] = committee.attrs[k]
    st.place = committee.attrs.get("place", -1)


def _dept_name(st: MentionState) -> Outcome:
    """组织部 / 人社局 alone: belongs to the paragraph's zone or region (its party committee for
    party departments: 某某县委组织部)."""
    surface = st.surface
    zone = nearest_zone(st.doc, st.c.start) if surface not in PARTY_DEPTS else ""
    st.place = nearest_region(st.doc, st.c.start) if not zone else -1
    if zone:
        st.normalised = zone + surface
        st.attrs["zone"] = zone
    elif st.place >= 0:
        rname = display_name(st.doc, st.place)
        st.normalised = rname + ("委" if surface in PARTY_DEPTS else "") + surface
    elif surface in PARTY_DEPTS:
        _committee_dept_name(st)
    return None


def _written_region_name(st: MentionState, p: lx.Place, rs: str, rest: str) -> str:
    """The region as written plus the body: 某某区区委 undoubled, 某某州 → 某某自治州, 中共 kept."""
    if rest.startswith(p.name[-1]) and rest[1:2] == "委" and p.name.endswith(rest[0]):
        rest = rest[1:]
    if rs != p.name and p.name.endswith("自治州") and rs.endswith("州"):
        rs = p.name
    return (st.surface[:2] if st.surface.startswith("中共") else "") + rs + rest


def _prefixed_name(st: MentionState) -> Outcome:
    """某某市总工会 / 中共某某区委: the region written before the body, in its written form
    (short forms such as 某某 + 市总工会 are already prefixed); 中共 is dropped from agencies."""
    c, text = st.c, st.text
    if st.place < 0:
        return None
    p = lx.gazetteer().get(st.place)
    for sp in st.doc.layers.get("regions", []):
        if sp.start == c.start or (c.start + 2 == sp.start and st.surface.startswith("中共")):
            st.normalised = _written_region_name(st, p, text[sp.start:sp.end], text[sp.end:c.end])
            break
    if st.normalised.startswith("中共") and st.label == Label.AGENCY:
        st.normalised = st.normalised[2:]
    return None


_NAME_BY_KIND = {
    "contextual": _contextual_name,
    "abbr_dept": _abbr_dept_name,
    "dept_stem": _dept_stem_name,
    "dept": _dept_name,
    "prefixed": _prefixed_name,
    "strong": _prefixed_name,
}


def name_by_kind(st: MentionState) -> Outcome:
    """The kind-specific normalised name (contextual prefix, department abbreviation or stem, bare
    department, region written before the body)."""
    rule = _NAME_BY_KIND.get(st.c.kind)
    return rule(st) if rule is not None else None
