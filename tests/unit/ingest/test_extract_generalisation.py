"""Relations and outcomes on styles the visible documents do not have: a national paper's
report about a province, a government bulletin with numbered items and speeches, an enterprise
feature, passive sponsor chains, joint issuing, awards before and after the name, results in
numbered lists. Sentences are composed (no corpus text); mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import extract_outcomes
from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def outs(doc):
    return [(o.value, o.unit) for o in extract_outcomes(doc)]


# ---- SPONSORS / CO_SPONSORS -----------------------------------------------------------------

def test_union_jointly_with_a_department_holds_a_named_contest():
    text = "近日，甲省总工会联合甲省人社厅举办“匠心杯”数控技能大赛。"
    doc = make_doc(text, [("甲省总工会", "Union"), ("甲省人社厅", "Agency"), ("“匠心杯”数控技能大赛", "Programme")])
    got = extract_relations(doc)
    assert sorted(r.head.surface for r in got if r.type == "SPONSORS") == ["甲省人社厅", "甲省总工会"]
    assert [r.type for r in got if r.type == "CO_SPONSORS"] == ["CO_SPONSORS"]


def test_bare_event_noun_with_a_sponsor_chain_refers_to_the_event_of_the_paragraph():
    text = ("甲市总工会近日举行“金扳手”职工技能大赛。大赛由甲市总工会、甲市人社局主办，乙区总工会承办，"
            "丙职业技术学院协办。")
    doc = make_doc(text, [("甲市总工会", "Union"), ("“金扳手”职工技能大赛", "Programme"),
                          ("甲市总工会", "Union", None, None, 1), ("甲市人社局", "Agency"), ("乙区总工会", "Union"),
                          ("丙职业技术学院", "Institution")])
    got = rels(doc, "SPONSORS")
    assert ("乙区总工会", "“金扳手”职工技能大赛") in got
    assert ("丙职业技术学院", "“金扳手”职工技能大赛") in got
    assert ("甲市人社局", "“金扳手”职工技能大赛") in got
    roles = {r.head.surface: r.props.get("role") for r in extract_relations(doc) if r.type == "SPONSORS"}
    assert roles["乙区总工会"] == "承办" and roles["丙职业技术学院"] == "协办"


def test_bare_event_noun_does_not_reach_into_an_earlier_paragraph_or_another_kind_of_event():
    text = "甲市总工会开展“粤技能”劳动竞赛。\n\n大赛由乙市总工会主办，乙市人社局承办。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“粤技能”劳动竞赛", "Programme"),
                          ("乙市总工会", "Union"), ("乙市人社局", "Agency")])
    assert rels(doc, "SPONSORS") == []
    text = "甲市总工会开展“书香”读书活动。大赛由乙市总工会主办。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“书香”读书活动", "Programme"), ("乙市总工会", "Union")])
    assert ("乙市总工会", "“书香”读书活动") not in rels(doc, "SPONSORS")


def test_passive_chain_before_the_event_name():
    text = "由甲集团工会主办、乙事业部承办、丙大学协办的“技能之星”职工运动会于9月举行。"
    doc = make_doc(text, [("甲集团工会", "Union"), ("乙事业部", "Agency"), ("丙大学", "Institution"),
                          ("“技能之星”职工运动会", "Programme")])
    assert [h for h, _ in rels(doc, "SPONSORS")] == ["丙大学", "乙事业部", "甲集团工会"]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_a_list_with_yiji_and_dun_jointly_carries_out():
    text = "甲市总工会以及甲市人社局、甲技术大学联合开展“鹏城工匠”选树活动。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"), ("甲技术大学", "Institution"),
                          ("“鹏城工匠”选树活动", "Programme")])
    assert len(rels(doc, "SPONSORS")) == 3
    assert len(rels(doc, "CO_SPONSORS")) == 3


# ---- ISSUED ---------------------------------------------------------------------------------

def test_joint_issuing_is_issued_by_each_and_no_co_sponsorship():
    text = "甲省总工会与甲省人社厅联合印发《甲省职工技能提升行动方案》。"
    doc = make_doc(text, [("甲省总工会", "Union"), ("甲省人社厅", "Agency"),
                          ("《甲省职工技能提升行动方案》", "Programme", None, {"kind": "policy"})])
    assert [h for h, _ in rels(doc, "ISSUED")] == ["甲省人社厅", "甲省总工会"]
    assert rels(doc, "CO_SPONSORS") == [] and rels(doc, "SPONSORS") == []
    text = "市总工会会同市人社局、市发改委联合印发《关于加强技能人才队伍建设的实施意见》。"
    doc = make_doc(text, [("市总工会", "Union"), ("市人社局", "Agency"), ("市发改委", "Agency"),
                          ("《关于加强技能人才队伍建设的实施意见》", "Programme", None, {"kind": "policy"})])
    assert len(rels(doc, "ISSUED")) == 3 and rels(doc, "CO_SPONSORS") == []


# ---- RUNS in speeches and bulletins ----------------------------------------------------------

def test_a_speakers_call_on_unnamed_bodies_is_no_run_by_the_section_body():
    text = ("6月18日，甲省总工会召开全省推进会。甲省总工会党组书记陈伟指出，要深入实施“南粤工匠”培育计划，"
            "强调各地工会要开展“粤技能”劳动竞赛。会议要求，各企业要推行“师带徒”制度。")
    doc = make_doc(text, [("甲省总工会", "Union"), ("甲省总工会", "Union", None, None, 1),
                          ("陈伟", "Person", None, {"org": 1, "title": "党组书记"}),
                          ("“南粤工匠”培育计划", "Programme"), ("“粤技能”劳动竞赛", "Programme"),
                          ("“师带徒”制度", "Programme")])
    # the speaker's body is credited with what it is to carry out itself (as the annotation
    # does), not with what it calls on unnamed local unions or enterprises to do
    assert rels(doc, "RUNS") == [("甲省总工会", "“南粤工匠”培育计划")]


def test_a_named_union_in_a_bulletin_item_runs_its_programme():
    text = "一、主要工作\n\n1. 集团工会开展“当好主人翁”主题劳动竞赛，参赛职工超过2.3万人。"
    doc = make_doc(text, [("集团工会", "Union", "甲集团工会"), ("“当好主人翁”主题劳动竞赛", "Programme")])
    assert rels(doc, "RUNS") == [("甲集团工会", "“当好主人翁”主题劳动竞赛")]
    assert outs(doc) == [(23000, "人")]


# ---- PARTNERS_WITH --------------------------------------------------------------------------

def test_school_enterprise_agreement_needs_the_enterprise_named():
    text = "甲动力股份有限公司工会开展评选活动。公司与乙大学、丙理工大学签订校企合作协议。"
    doc = make_doc(text, [("甲动力股份有限公司工会", "Union"), ("乙大学", "Institution"), ("丙理工大学", "Institution")])
    assert rels(doc, "PARTNERS_WITH") == []  # 公司 is not the union of the piece
    text = "甲化工集团公司与乙化工大学签订校企合作协议，双方将共建实训基地。"
    doc = make_doc(text, [("甲化工集团公司", "Enterprise"), ("乙化工大学", "Institution")])
    assert rels(doc, "PARTNERS_WITH") == [("甲化工集团公司", "乙化工大学")]


# ---- AWARDED --------------------------------------------------------------------------------

def test_award_verbs_and_award_before_the_name():
    text = ("甲电器股份有限公司的张伟荣获全国五一劳动奖章，省劳动模范刘芳被命名为“南粤工匠”，"
            "乙集团股份有限公司被授予全国五一劳动奖状。高级技师赵强获评“齐鲁工匠”。")
    doc = make_doc(text, [("甲电器股份有限公司", "Enterprise"), ("张伟", "Person"),
                          ("全国五一劳动奖章", "Award"), ("省劳动模范", "Award", "甲省劳动模范"), ("刘芳", "Person"),
                          ("“南粤工匠”", "Award", "南粤工匠"), ("乙集团股份有限公司", "Enterprise"),
                          ("全国五一劳动奖状", "Award"), ("赵强", "Person"), ("“齐鲁工匠”", "Award", "齐鲁工匠")])
    got = rels(doc, "AWARDED")
    assert ("张伟", "全国五一劳动奖章") in got
    assert ("刘芳", "甲省劳动模范") in got and ("刘芳", "南粤工匠") in got
    assert ("乙集团股份有限公司", "全国五一劳动奖状") in got
    assert ("赵强", "齐鲁工匠") in got
    assert ("甲电器股份有限公司", "全国五一劳动奖章") not in got  # the person is the recipient
    assert len(got) == 5


def test_award_counted_over_unnamed_people_is_no_award_relation():
    text = "全省共有2名职工荣获全国五一劳动奖章。"
    doc = make_doc(text, [("全省", "Region", "甲省", {"contextual": True}), ("全国五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == []
    assert outs(doc) == [(2, "名")]


# ---- outcomes -------------------------------------------------------------------------------

def test_numbered_results_in_a_bulletin():
    text = ("甲市总工会2023年工作通报\n\n二、主要成效\n\n一是技能提升成效明显。全年开展职业技能培训1.5万人次，"
            "新增高技能人才3200余人。二是职工权益保障有力。帮助职工追回欠薪近800万元。三是全市共命名市级工匠50名。")
    doc = make_doc(text, [("甲市总工会", "Union")])
    assert outs(doc) == [(15000, "人次"), (3200, "人"), (8000000, "元"), (50, "名")]
    assert all(o.actor is not None and o.actor.surface == "甲市总工会" for o in extract_outcomes(doc))


def test_money_percentages_and_qualifiers():
    text = ("甲省总工会累计培训职工56.3万人次，发放补贴资金1.2亿余元，同比增长12.5%。全年共帮扶困难职工超3000户，"
            "发放慰问金2000余万元，近5万名职工参加培训，比上年提高3.5个百分点。")
    doc = make_doc(text, [("甲省总工会", "Union")])
    got = outs(doc)
    for want in [(563000, "人次"), (120000000, "元"), (12.5, "%"), (3000, "户"), (20000000, "元"), (50000, "名")]:
        assert want in got


def test_ranges_phones_dates_origins_and_attendance_are_not_outcomes():
    text = ("甲市总工会举办技能大赛，来自全市11个县区的320名选手参赛。职工收入增长5%至6%，培训人数增长20%-30%。"
            "咨询电话：0571-87654321，邮编310000。2024年1月5日。甲市人社局等16家成员单位负责人参加会议。")
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency")])
    assert outs(doc) == [(320, "名")]
