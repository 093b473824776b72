"""The `Orgs` component: collects organisation candidates (committees, departments, strong heads,
national bodies, enumerations, tagger ORG spans, industry names), turns them into Mentions and
adds the derived bodies; the parts live in the sibling modules of this package.

One call is a fixed sequence of steps over an `OrgsState` (`_STEPS`); the candidate rules run in
the order of `_CANDIDATE_RULES`. The order matters: later steps see what earlier ones found.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.common import add_mentions
from reformkg.ingest.extract.orgs.component_candidates import (abbreviated_department_candidates, committee_candidates,
                                                                 youth_league_candidates,
                                                               department_candidates, ends_before_word, group_lead,
                                                               national_candidates, quoted_institution_candidates)
from reformkg.ingest.extract.orgs.component_lac import lac_candidates
from reformkg.ingest.extract.orgs.component_state import OrgsState
from reformkg.ingest.extract.orgs.component_zones import zone_anaphor_bodies, zone_mentions
from reformkg.ingest.extract.orgs.derived import (firm_short_names, governments_after_committees, parent_firms,
                                                  regions_sharing_a_head,
                                                  regional_joint_bodies, set_up_bodies, short_associations)
from reformkg.ingest.extract.orgs.grammar import Cand, combine, industry_candidates, parenthesised_candidates
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME, PARTY_DEPTS
from reformkg.ingest.extract.orgs.lists import enumerated_candidates, shared_head, short_unions
from reformkg.ingest.extract.orgs.mention import mention_of_candidate

_LOCATION_KEYS = ("place", "region")
# 市委常委、组织部部长: only a short run of name characters and 、 between committee and department
_COMMITTEE_GAP_RE = re.compile(r"[\u4e00-\u9fff]{0,8}、")


# ---------------------------------------------------------------------------------------------
# candidate rules (each returns its candidates, in text order)


def _enumerated(st: OrgsState) -> list[Cand]:
    """Enumerations: A、B等…企业 → enterprises; 人社、财政等部门 → the region's departments."""
    return enumerated_candidates(st.doc, st.text)


def _parenthesised(st: OrgsState) -> list[Cand]:
    """Names with a parenthesised region (某某半导体(某市)有限公司)."""
    return parenthesised_candidates(st.text, st.words)


def _industry(st: OrgsState) -> list[Cand]:
    """A short proper name + an industry head (某某药业, 某某化纤) in lists."""
    return industry_candidates(st.text, st.words)


_CANDIDATE_RULES: tuple[Callable[[OrgsState], list[Cand]], ...] = (
    committee_candidates,
    department_candidates,
    national_candidates,
    _enumerated,
    _parenthesised,
    quoted_institution_candidates,
    lac_candidates,
    abbreviated_department_candidates,
    _industry,
    youth_league_candidates,
)


# ---------------------------------------------------------------------------------------------
# steps


def _collect_candidates(st: OrgsState) -> None:
    """Run the candidate rules in order."""
    for rule in _CANDIDATE_RULES:
        st.cands.extend(rule(st))


def _collect_shared(st: OrgsState) -> None:
    """One body per listed name before a shared head (A、B产业链党建联盟) and 省总/市总 unions."""
    st.shared = shared_head(st.doc, st.text, st.words) + short_unions(st.doc, st.text, st.words)


def _settle_candidates(st: OrgsState) -> None:
    """Drop heads that start the next word, extend groups over their lead, combine overlaps."""
    cands = [c for c in st.cands if not ends_before_word(st.text, c)]
    cands = [group_lead(st.text, c) for c in cands]
    st.cands = combine(st.text, cands)


def _follows_committee(st: OrgsState, c: Cand, m: Mention, committee: Mention | None) -> bool:
    """A department just after a committee (市委常委、组织部部长) is that committee's."""
    return c.kind == "dept" and committee is not None and m.span.start - committee.span.end <= 10 and \
        _COMMITTEE_GAP_RE.fullmatch(st.text[committee.span.end:m.span.start]) is not None


def _attach_to_committee(m: Mention, committee: Mention) -> None:
    """某市委…、组织部: the department is named with the committee (某市委组织部) and placed in its region."""
    base = committee.normalised
    m.normalised = lx.expand_abbreviation(base + m.surface if m.surface in PARTY_DEPTS
                                          else base[:-1] + m.surface if base.endswith("委") else m.normalised)
    for k in _LOCATION_KEYS:
        if k in committee.attrs:
            m.attrs[k] = committee.attrs[k]


def _candidate_mentions(st: OrgsState) -> None:
    """Turn the candidates into mentions, in order (each sees the mentions before it)."""
    last_committee: Mention | None = None
    for c in st.cands:
        m = mention_of_candidate(st.doc, st.text, c, st.mentions)
        if m is None:
            continue
        if _follows_committee(st, c, m, last_committee):
            _attach_to_committee(m, last_committee)
        if m.surface.endswith("委") and m.label == Label.AGENCY:
            last_committee = m
        st.mentions.append(m)
        st.spans.append(m.span)


def _add_shared(st: OrgsState) -> None:
    """The shared-head bodies that overlap no mention."""
    for m in st.shared:
        if not any(o.span.start < m.span.end and m.span.start < o.span.end for o in st.mentions):
            st.mentions.append(m)
            st.spans.append(m.span)


def _name_regional_joint_bodies(st: OrgsState) -> None:
    """某市建立…联席会议: the joint body is named after the region that sets it up."""
    regional_joint_bodies(st.doc, st.text, st.mentions)


def _add_regions_sharing_a_head(st: OrgsState) -> None:
    """福清市、长乐区总工会: the bodies of the regions listed before a body's name."""
    shared = regions_sharing_a_head(st.doc, st.text, st.mentions)
    spans = {(m.span.start, m.span.end) for m in shared}
    # the listed region is written as part of a body's name, not as a place of its own
    st.doc.mentions[:] = [m for m in st.doc.mentions
                          if not (m.label == Label.REGION and (m.span.start, m.span.end) in spans)]
    st.mentions.extend(shared)
    st.spans.extend(m.span for m in shared)


def _add_coordinated_governments(st: OrgsState) -> None:
    """县委、政府: the bare 政府 after a place's party committee."""
    governments = governments_after_committees(st.doc, st.text, st.mentions)
    st.mentions.extend(governments)
    st.spans.extend(m.span for m in governments)


def _add_set_up(st: OrgsState) -> None:
    """Groups a body sets up (某总工会成立某某领导小组)."""
    set_up = set_up_bodies(st.doc, st.text, st.mentions)
    st.mentions.extend(set_up)
    st.spans.extend(m.span for m in set_up)


def _find_parents(st: OrgsState) -> None:
    """Parent firms of a body's name (某有限公司工会), added at the end."""
    st.parents = parent_firms(st.doc, st.text, st.mentions)


def _add_short_names(st: OrgsState) -> None:
    """Firms' short names and associations written short (no spans in the layer)."""
    st.mentions.extend(firm_short_names(st.doc, st.text, st.mentions))
    st.mentions.extend(short_associations(st.doc, st.text, st.mentions))


def _add_zone_anaphors(st: OrgsState) -> None:
    """园区党工委、管委会 in a document about one zone."""
    anaphoric = zone_anaphor_bodies(st.doc, st.text, st.mentions)
    st.mentions.extend(anaphoric)
    st.spans.extend(m.span for m in anaphoric)


# a notice's addressee line (各市总工会、人社局，省直各有关单位：): kinds of recipients, no bodies
_ADDRESSEE_LINE_RE = re.compile(r"\s*各[^。！？!?\n]{1,100}[:：]\s*")


def _drop_addressees(st: OrgsState) -> None:
    """Bodies named in a notice's addressee line are kinds (各市总工会、人社局), not bodies."""
    lines = [(ps, pe) for ps, pe in st.doc.paragraphs if _ADDRESSEE_LINE_RE.fullmatch(st.text, ps, pe)]
    if not lines:
        return
    inside = lambda sp: any(ps <= sp.start and sp.end <= pe for ps, pe in lines)  # noqa: E731
    st.mentions = [m for m in st.mentions if not inside(m.span)]
    st.spans = [sp for sp in st.spans if not inside(sp)]


def _publish(st: OrgsState) -> None:
    """Write the layer and the mentions; a zone that starts a body's name (某高新区党工委) is a
    region of the text too; derived parents lie inside their body's mention, so they are added
    past the overlap rule."""
    doc = st.doc
    doc.layers["orgs"] = st.spans
    add_mentions(doc, st.mentions)
    doc.mentions.extend(zone_mentions(doc, st.mentions))
    doc.mentions.extend(m for m in st.parents if any(o is not m and o.span.start == m.span.start and
                                                     o.span.end > m.span.end for o in doc.mentions))


_STEPS: tuple[Callable[[OrgsState], None], ...] = (
    _collect_candidates,
    _collect_shared,
    _settle_candidates,
    _candidate_mentions,
    _add_shared,
    _add_set_up,
    _find_parents,
    _add_short_names,
    _add_zone_anaphors,
    _add_coordinated_governments,
    _add_regions_sharing_a_head,
    _name_regional_joint_bodies,
    _drop_addressees,
    _publish,
)


class Orgs:
    name = COMPONENT_NAME
    requires: tuple[str, ...] = ("lac", "lac_words", "regions")
    assigns: tuple[str, ...] = ("orgs", "mentions")

    def __call__(self, doc: Document) -> Document:
        st = OrgsState.of(doc)
        for step in _STEPS:
            step(st)
        return doc
