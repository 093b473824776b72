"""Candidate → Mention for the `orgs` component: the label from the head, the context-resolved
`normalised` name (prefix 省/市/县/区 → the region, departments attached to their committee or
region) and the `region`/`place`/`prefix_region` attrs.

The decision is a fixed sequence of named rules over one MentionState (orgs/mention_state.py),
tried in order; each may go on (None), reject the candidate, hand back a narrower candidate to
decide on instead, or finish the mention:

1. `SPAN_RULES` (orgs/mention_rejects.py, orgs/mention_labels.py): spans that are not one named
   body are rejected; national bodies and 公司工会 are finished at once;
2. `LABEL_RULES` (orgs/mention_labels.py): the label from the head and the rejections that
   depend on it;
3. `NAME_RULES` (orgs/mention_names.py): the normalised name from the context;
4. `ADJUSTMENTS` (orgs/mention_adjust.py, never reject): the place attrs and the last touches
   to the name.
"""

from __future__ import annotations

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME
from reformkg.ingest.extract.orgs.mention_adjust import (drop_group_office, expand_short_forms, joint_meeting_name,
                                                         official_full_name, region_attrs, strip_glued_deixis, zone_attr)
from reformkg.ingest.extract.orgs.mention_labels import (cut_locator_before_firm, enterprise_union,
                                                         label_enumerated_firm, label_from_head, label_unknown_head,
                                                         national_body, reject_fragment, reject_long_lac_firm,
                                                         reject_practice, split_joint_action)
from reformkg.ingest.extract.orgs.mention_names import (name_by_kind, prefix_is_contextual, reject_every_county,
                                                        reject_headless_agency, start_name)
from reformkg.ingest.extract.orgs.mention_rejects import (reject_congress_status, reject_designation_workroom,
                                                          reject_generic_workroom, reject_masthead,
                                                          reject_plural_places, reject_trade_branch,
                                                          reject_unnamed_office, split_cppcc_sector,
                                                          strip_category, strip_discourse_word)
from reformkg.ingest.extract.orgs.mention_state import MentionState, Reject, Rule

SPAN_RULES: tuple[Rule, ...] = (
    reject_plural_places,
    reject_masthead,
    strip_discourse_word,
    split_cppcc_sector,
    reject_congress_status,
    reject_designation_workroom,
    reject_generic_workroom,
    reject_trade_branch,
    reject_unnamed_office,
    national_body,
    enterprise_union,
)
LABEL_RULES: tuple[Rule, ...] = (
    label_from_head,
    cut_locator_before_firm,
    reject_fragment,
    label_enumerated_firm,
    label_unknown_head,
    reject_long_lac_firm,
    split_joint_action,
    reject_practice,
)
NAME_RULES: tuple[Rule, ...] = (
    start_name,
    reject_every_county,
    prefix_is_contextual,
    reject_headless_agency,
    name_by_kind,
)
RULES: tuple[Rule, ...] = SPAN_RULES + LABEL_RULES + NAME_RULES
ADJUSTMENTS = (
    strip_glued_deixis,
    region_attrs,
    official_full_name,
    expand_short_forms,
    drop_group_office,
    zone_attr,
    joint_meeting_name,
)


def mention_of_candidate(doc: Document, text: str, c: Cand, pending: list[Mention]) -> Mention | None:
    """The mention an organisation candidate stands for, or None (see the module docstring)."""
    st = MentionState(doc, text, c, pending)
    st.narrow(strip_category(doc, text, c))
    for rule in RULES:
        out = rule(st)
        if out is None:
            continue
        if isinstance(out, Reject):
            return None
        if isinstance(out, Cand):
            return mention_of_candidate(doc, text, out, pending)
        return out
    for adjust in ADJUSTMENTS:
        adjust(st)
    span = Span(st.c.start, st.c.end, st.label, doc.sentence_of(st.c.start), COMPONENT_NAME, {"kind": st.c.kind})
    return Mention(span, st.label, st.surface, st.normalised, st.attrs)
