"""The named rules of orgs/mention.py (candidate → Mention), on composed sentences."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.extract.orgs import mention
from reformkg.ingest.extract.orgs.grammar import Cand
from reformkg.ingest.extract.orgs.mention_adjust import expand_short_forms, joint_meeting_name, official_full_name
from reformkg.ingest.extract.orgs.mention_labels import label_unknown_head, reject_long_lac_firm, split_joint_action
from reformkg.ingest.extract.orgs.mention_rejects import (reject_generic_workroom, reject_masthead,
                                                          reject_unnamed_office, split_cppcc_sector, strip_category)
from reformkg.ingest.extract.orgs.mention_state import REJECT, MentionState
from tests.unit.ingest._docs import make_doc


def _state(text: str, surface: str, kind: str = "lac", label: str | None = None) -> MentionState:
    doc = make_doc(text)
    start = text.index(surface)
    st = MentionState(doc, text, Cand(start, start + len(surface), kind), [])
    st.narrow(st.c)
    st.label = label
    st.normalised = surface
    return st


def test_the_rules_run_in_their_fixed_order() -> None:
    names = [r.__name__ for r in mention.RULES]
    assert names[:3] == ["reject_plural_places", "reject_masthead", "strip_discourse_word"]
    assert names.index("national_body") < names.index("label_from_head") < names.index("start_name")
    assert names[-1] == "name_by_kind"
    assert mention.RULES == mention.SPAN_RULES + mention.LABEL_RULES + mention.NAME_RULES


def test_category_before_a_firm_name_is_dropped() -> None:
    text = "试点企业东岭精工机械有限公司开展培训。"
    c = strip_category(make_doc(text), text, Cand(0, text.index("开展"), "lac"))
    assert text[c.start:c.end] == "东岭精工机械有限公司"
    short = "试点企业东岭公司"
    assert strip_category(make_doc(short), short, Cand(0, len(short), "dept")).start == 0


def test_masthead_and_unnamed_office_are_rejected() -> None:
    assert reject_masthead(_state("东岭市总工会简报第三期刊发。", "东岭市总工会")) is REJECT
    assert reject_masthead(_state("东岭市总工会召开会议。", "东岭市总工会")) is None
    assert reject_unnamed_office(_state("联席会议办公室负责协调。", "联席会议办公室")) is REJECT


def test_cppcc_sector_narrows_to_the_conference() -> None:
    out = split_cppcc_sector(_state("东岭市政协总工会界别委员提交提案。", "东岭市政协总工会"))
    assert isinstance(out, Cand) and (out.start, out.end) == (0, 5)


def test_a_kind_of_studio_is_not_a_name() -> None:
    assert reject_generic_workroom(_state("建成劳模创新工作室。", "劳模创新工作室")) is REJECT
    assert reject_generic_workroom(_state("建成东岭焊接创新工作室。", "东岭焊接创新工作室")) is None


def test_labels_of_open_candidates() -> None:
    st = _state("东岭科技开展培训。", "东岭科技", kind="industry")
    assert label_unknown_head(st) is None and st.label == Label.ENTERPRISE
    assert label_unknown_head(_state("东岭科技开展培训。", "东岭科技", kind="prefixed")) is REJECT
    long_name = "东岭南湖北岗精密机械制造公司"
    assert reject_long_lac_firm(_state(long_name + "开展培训。", long_name, label=Label.ENTERPRISE)) is REJECT


def test_joint_action_keeps_the_partner() -> None:
    text = "东岭职业技术学院共建产业学院。"
    out = split_joint_action(_state(text, "东岭职业技术学院共建产业学院", label=Label.INSTITUTION))
    assert isinstance(out, Cand) and text[out.start:out.end] == "东岭职业技术学院"


def test_name_adjustments() -> None:
    st = _state("东岭市政府办公室发布通知。", "东岭市政府办公室", label=Label.AGENCY)
    official_full_name(st)
    assert st.normalised == "东岭市人民政府办公室" and st.attrs["written"] == "东岭市政府办公室"
    st = _state("东岭市总工会女工委主任讲话。", "东岭市总工会女工委主任", label=Label.UNION)
    expand_short_forms(st)
    assert st.normalised == "东岭市总工会女职工委员会主任"
    st = _state("召开东岭产改联席会。联席会议每季度召开，联席会议办公室负责。", "东岭产改联席会", label=Label.AGENCY)
    joint_meeting_name(st)
    assert st.normalised == "东岭产改联席会议"


def test_a_long_registered_firm_or_its_unit_found_by_the_tagger_is_kept() -> None:
    from tests.unit.ingest._pipe import extract, names

    doc = extract("我市泰安市中心医院急诊科、山东泰山钢铁集团有限公司炼钢厂获评全国工人先锋号。", upto="orgs")
    assert "山东泰山钢铁集团有限公司炼钢厂" in names(doc, "Enterprise")
    assert "泰安市中心医院" in names(doc, "Institution")


def test_heads_of_mining_energy_finance_and_transport_firms_label_them() -> None:
    from reformkg.ingest import lexicons as lx

    for name in ("甲乙煤矿", "甲乙矿业", "甲乙石化", "甲乙油田", "甲乙电网", "甲乙证券", "甲乙保险", "甲乙机场"):
        assert lx.org_label_of(name) == "Enterprise", name
    assert lx.org_label_of("甲乙海关") == "Agency"
    assert lx.org_label_of("甲乙第一医院") == "Institution"
