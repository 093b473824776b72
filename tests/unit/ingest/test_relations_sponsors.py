"""SPONSORS and CO_SPONSORS on composed sentences: 由…主办、…协办、…承办 chains, joint organisers
before and after the event's name, events named before their sponsors, classes opened together,
hosts of city-wide meetings.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def roles(doc):
    return sorted((r.head.normalised, r.props.get("role")) for r in extract_relations(doc) if r.type == "SPONSORS")


def test_a_city_wide_meeting_without_a_written_host_has_no_sponsor():
    text = "甲市总工会推进产改工作。6月1日，召开了全市产改推进会。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("全市产改推进会", "Programme", "甲市产改推进会")])
    assert rels(doc, "SPONSORS") == []
    doc = make_doc("6月1日，甲市总工会召开全市产改推进会。",
                   [("甲市总工会", "Union"), ("全市产改推进会", "Programme", "甲市产改推进会")])
    assert rels(doc, "SPONSORS") == [("甲市总工会", "甲市产改推进会")]


def test_a_meeting_without_a_written_host_is_convened_by_the_region_its_name_opens_with():
    text = "甲市地处江南。6月1日，召开了全市产改推进会，乙县总工会作交流发言。"
    doc = make_doc(text, [("甲市", "Region"), ("全市产改推进会", "Programme", "甲市产改推进会"),
                          ("乙县总工会", "Union")])
    assert roles(doc) == [("甲市", "召开")]


def test_a_region_subject_convening_a_named_meeting_sponsors_it_but_a_speaker_does_not():
    doc = make_doc("丙省召开产改工作推进电视电话会议。",
                   [("丙省", "Region"), ("产改工作推进电视电话会议", "Programme", "丙省产改工作推进电视电话会议")])
    assert roles(doc) == [("丙省", "召开")]
    doc = make_doc("丙省工会简报\n\n同志们：今天，我们召开丙省产改工作推进会。",
                   [("丙省", "Region"), ("丙省产改工作推进会", "Programme")])
    assert roles(doc) == []


def test_this_event_by_a_and_b_sponsored_the_event_named_before():
    text = "4月20日，甲市第五届职工技能大赛开幕。本届大赛由甲市总工会、甲市人社局联合主办，乙电器有限公司承办。"
    ms = [("甲市第五届职工技能大赛", "Programme"), ("甲市总工会", "Union"), ("甲市人社局", "Agency"),
          ("乙电器有限公司", "Enterprise")]
    doc = make_doc(text, ms)
    assert rels(doc, "SPONSORS") == [("乙电器有限公司", "甲市第五届职工技能大赛"), ("甲市人社局", "甲市第五届职工技能大赛"),
                                      ("甲市总工会", "甲市第五届职工技能大赛")]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_two_coordinated_subjects_opening_a_class_together_run_it():
    text = "甲市技师学院与甲市钢铁有限公司共同开设“钢铁工匠”订单班。"
    doc = make_doc(text, [("甲市技师学院", "Institution"), ("甲市钢铁有限公司", "Enterprise"),
                          ("“钢铁工匠”订单班", "Programme")])
    assert rels(doc, "RUNS") == [("甲市技师学院", "“钢铁工匠”订单班"), ("甲市钢铁有限公司", "“钢铁工匠”订单班")]
    assert rels(doc, "SPONSORS") == [] and len(rels(doc, "CO_SPONSORS")) == 1


def test_a_named_contest_held_together_stays_sponsored():
    text = "甲市总工会与甲市人社局共同举办“金锤杯”焊工技能大赛。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"), ("“金锤杯”焊工技能大赛", "Programme")])
    assert len(rels(doc, "SPONSORS")) == 2 and rels(doc, "RUNS") == []


def test_by_chain_with_three_roles_gives_each_role_and_every_co_sponsor_pair():
    text = "由甲市总工会主办、甲市人社局协办、乙区总工会承办的第三届“金梭杯”纺织技能竞赛近日举行。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"), ("乙区总工会", "Union"),
                          ("“金梭杯”纺织技能竞赛", "Programme")])
    assert roles(doc) == [("乙区总工会", "承办"), ("甲市人社局", "协办"), ("甲市总工会", "主办")]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_by_chain_skips_a_role_clause_whose_body_is_not_recognised():
    text = "由甲市总工会主办、某某某协办、园区总工会承办的“巧手杯”技能大赛圆满落幕。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("园区总工会", "Union"), ("“巧手杯”技能大赛", "Programme")])
    assert roles(doc) == [("园区总工会", "承办"), ("甲市总工会", "主办")]


def test_a_with_b_jointly_select_a_named_programme():
    text = "甲市总工会与甲市科技局联合评选“甲城工匠”年度人物。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市科技局", "Agency"), ("“甲城工匠”年度人物", "Programme")])
    assert rels(doc, "CO_SPONSORS") and len(rels(doc, "SPONSORS")) == 2


def test_by_a_and_b_jointly_organised_event_before_and_after_its_name():
    text = "由甲市总工会与甲市人社局联合组织的第二届“莲城工匠”评选活动正式启动。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"), ("“莲城工匠”评选活动", "Programme")])
    assert len(rels(doc, "SPONSORS")) == 2 and len(rels(doc, "CO_SPONSORS")) == 1
    text = "“秦川工匠”评选活动由甲市总工会与甲市人社局联合开展。"
    doc = make_doc(text, [("“秦川工匠”评选活动", "Programme"), ("甲市总工会", "Union"), ("甲市人社局", "Agency")])
    assert len(rels(doc, "SPONSORS")) == 2 and len(rels(doc, "CO_SPONSORS")) == 1
    assert rels(doc, "RUNS") == []


def test_bare_event_noun_jointly_organised_by_two_bodies():
    text = "甲市总工会今年举办“金锤杯”技能大赛。大赛由甲市总工会和甲市人社局共同组织。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“金锤杯”技能大赛", "Programme"),
                          ("甲市总工会", "Union", None, None, 1), ("甲市人社局", "Agency")])
    assert [set(x) for x in rels(doc, "CO_SPONSORS")] == [{"甲市人社局", "甲市总工会"}]


def test_a_single_body_organising_a_plan_is_not_a_joint_sponsor():
    text = "“技能提升”行动由甲市总工会组织实施。"
    doc = make_doc(text, [("“技能提升”行动", "Programme"), ("甲市总工会", "Union")])
    assert rels(doc, "SPONSORS") == [] and rels(doc, "CO_SPONSORS") == []


def test_a_guiding_unit_inside_a_role_chain_neither_breaks_it_nor_sponsors():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    text = "由甲市总工会、甲市人社局联合主办，甲市教育局指导，甲技师学院承办的2024年甲市职工职业技能大赛于5月启动。"
    ms = [("甲市总工会", "Union"), ("甲市人社局", "Agency"), ("甲市教育局", "Agency"), ("甲技师学院", "Institution"),
          ("2024年甲市职工职业技能大赛", "Programme")]
    rels = extract_relations(make_doc(text, ms))
    assert sorted(r.head.normalised for r in rels if r.type == "SPONSORS") == ["甲市人社局", "甲市总工会", "甲技师学院"]
    assert len([r for r in rels if r.type == "CO_SPONSORS"]) == 3
    assert not any("甲市教育局" in (r.head.normalised, r.tail.normalised) for r in rels)


def test_the_named_one_of_a_counted_group_sponsors_what_the_group_runs_jointly():
    from reformkg.ingest.extract.relations import extract_relations
    from tests.unit.ingest._docs import make_doc

    ms = [("甲省总工会", "Union"), ("2024年甲省职工职业技能竞赛", "Programme")]
    rels = extract_relations(make_doc("甲省总工会等五部门联合开展2024年甲省职工职业技能竞赛。", ms))
    assert [(r.type, r.head.normalised, r.props.get("role")) for r in rels] == [("SPONSORS", "甲省总工会", "联合开展")]


def test_a_place_written_with_zai_among_the_allies_is_the_venue():
    text = "甲旗总工会联合甲旗人社局在乙镇举办2024年甲旗煤炭行业职工职业技能大赛。"
    ms = [("甲旗总工会", "Union"), ("甲旗人社局", "Agency"), ("乙镇", "Region"),
          ("2024年甲旗煤炭行业职工职业技能大赛", "Programme")]
    doc = make_doc(text, ms)
    got = {(r.head.normalised, r.type) for r in extract_relations(doc) if r.type in ("SPONSORS", "RUNS")}
    assert ("甲旗总工会", "SPONSORS") in got and ("甲旗人社局", "SPONSORS") in got
    assert not any(h == "乙镇" for h, _ in got)
