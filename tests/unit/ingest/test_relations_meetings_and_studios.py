"""Relations on composed sentences:
meetings convened by a region, events named before their sponsors after a discourse opener,
studios named after a master (技能大师工作室) as honour recipients."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc
from tests.unit.ingest._pipe import extract, names


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_an_event_named_before_its_sponsors_after_a_discourse_opener():
    text = "第二届“海河杯”焊工技能大赛在天津开幕。\n据悉，大赛由甲市总工会携手乙市总工会、丙市总工会共同主办。"
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"), ("甲市总工会", "Union"),
                          ("乙市总工会", "Union"), ("丙市总工会", "Union")])
    assert rels(doc, "SPONSORS") == [("丙市总工会", "第二届“海河杯”焊工技能大赛"), ("乙市总工会", "第二届“海河杯”焊工技能大赛"),
                                      ("甲市总工会", "第二届“海河杯”焊工技能大赛")]
    assert len(rels(doc, "CO_SPONSORS")) == 3


def test_a_discourse_opener_does_not_make_any_clause_an_event_by_chain():
    text = "第二届“海河杯”焊工技能大赛在天津开幕。\n据悉，甲市总工会主办了多场活动。"
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"), ("甲市总工会", "Union")])
    assert rels(doc, "SPONSORS") == []


def test_studios_named_after_a_master_or_a_model_worker_are_institutions():
    for studio in ("“赵某国技能大师工作室”", "“钱某华劳模工作室”"):
        doc = extract(f"另有{studio}获此殊荣。", upto="orgs")
        assert names(doc, "Institution") == {studio.strip("“”")}
    # a kind of studio, not a named one
    assert names(extract("各地要建设一批技能大师工作室。", upto="orgs"), "Institution") == set()


def test_a_bare_noun_in_a_later_paragraph_stands_only_for_the_sole_event_named():
    text = ("第二届“海河杯”焊工技能大赛在天津开幕。又讯，第一届“渤海杯”电工技能大赛同日举行。\n"
            "据悉，大赛由甲市总工会携手乙市总工会共同主办。")
    doc = make_doc(text, [("第二届“海河杯”焊工技能大赛", "Programme"), ("天津", "Region"),
                          ("第一届“渤海杯”电工技能大赛", "Programme"), ("甲市总工会", "Union"), ("乙市总工会", "Union")])
    assert rels(doc, "SPONSORS") == []


def test_a_titled_policy_after_a_long_first_object_of_the_issue_verb():
    text = "甲省总工会制定职工职业技能提升三年行动规划以及《关于加强产业工人技能培训的意见》。"
    doc = make_doc(text, [("甲省总工会", "Union"), ("《关于加强产业工人技能培训的意见》", "Programme")])
    assert rels(doc, "ISSUED") == [("甲省总工会", "《关于加强产业工人技能培训的意见》")]
    # a long clause with its own verb before the title is not the issue verb's object list
    text = "甲省总工会制定方案后，各地工会认真组织学习了《关于加强产业工人技能培训的意见》。"
    doc = make_doc(text, [("甲省总工会", "Union"), ("《关于加强产业工人技能培训的意见》", "Programme")])
    assert rels(doc, "ISSUED") == []


def test_an_actor_named_right_after_a_pilot_title_pilots_the_reform():
    text = "在甲县乙镇产改试点企业丙纺织有限公司的车间里，工人们正在操作机器。"
    doc = make_doc(text, [("甲县", "Region"), ("乙镇", "Region"), ("丙纺织有限公司", "Enterprise"),
                          ("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "PILOTS") == [("丙纺织有限公司", "产业工人队伍建设改革")]
    text = "督查组调研了省级产改试点巩固单位——丁电子有限公司、戊机械集团。"
    doc = make_doc(text, [("产改", "Programme", "产业工人队伍建设改革"), ("丁电子有限公司", "Enterprise"),
                          ("戊机械集团", "Enterprise")])
    assert rels(doc, "PILOTS") == [("丁电子有限公司", "产业工人队伍建设改革"), ("戊机械集团", "产业工人队伍建设改革")]


def test_a_pilot_title_for_another_scheme_or_a_company_after_its_own_pilot_noun_is_no_reform_pilot():
    text = "甲公司是数字化转型试点企业丙纺织有限公司的供应商。"
    doc = make_doc(text, [("甲公司", "Enterprise"), ("丙纺织有限公司", "Enterprise")])
    assert rels(doc, "PILOTS") == []


def test_a_region_a_recipient_comes_from_is_not_the_recipient():
    text = "最终，来自甲市的选手获得数控车工竞赛一等奖，来自乙市的王某明获得钳工竞赛一等奖。"
    doc = make_doc(text, [("甲市", "Region"), ("数控车工竞赛一等奖", "Award"), ("乙市", "Region"),
                          ("王某明", "Person"), ("钳工竞赛一等奖", "Award")])
    assert rels(doc, "AWARDED") == [("王某明", "钳工竞赛一等奖")]


def test_a_region_rolling_out_the_reform_runs_it_but_a_role_named_after_it_does_not():
    text = "自2019年以来，我区在各镇全面铺开产改工作。"
    doc = make_doc("甲区总工会简报\n\n" + text, [("甲区", "Region"), ("我区", "Region", "甲区"),
                                          ("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "RUNS") == [("甲区", "产业工人队伍建设改革")]
    text = "他的新角色是乙市产改工作指导员。"
    doc = make_doc(text, [("乙市", "Region"), ("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "RUNS") == []


def test_listed_recipients_each_with_employer_and_role_all_receive_the_honour():
    text = "甲重工集团高级技师李某华、乙港务集团桥吊司机王某伟荣获全国五一劳动奖章。"
    doc = make_doc(text, [("甲重工集团", "Enterprise"), ("李某华", "Person"), ("乙港务集团", "Enterprise"),
                          ("王某伟", "Person"), ("全国五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == [("李某华", "全国五一劳动奖章"), ("王某伟", "全国五一劳动奖章")]
    assert ("王某伟", "乙港务集团") in rels(doc, "HOLDS_POSITION")


def test_a_companys_union_honoured_by_name_is_the_recipient_not_the_company():
    text = "丙汽车有限公司工会获评“丁省模范职工之家”。"
    doc = make_doc(text, [("丙汽车有限公司工会", "Union"), ("丙汽车有限公司", "Enterprise"), ("丁省模范职工之家", "Award")])
    assert rels(doc, "AWARDED") == [("丙汽车有限公司工会", "丁省模范职工之家")]


def test_worker_roles_with_a_short_modifier():
    from reformkg.ingest.extract.relations.structure import is_worker_role, worker_roles

    roles = worker_roles()
    assert is_worker_role("桥吊司机", roles) and is_worker_role("数控车工", roles) and is_worker_role("焊工", roles)
    assert not is_worker_role("董事长", roles) and not is_worker_role("全国劳动模范、一线工人", roles)


def test_a_named_action_launched_with_no_written_actor_is_run_by_the_pieces_body():
    text = "甲市总工会工作动态\n\n日前，“职工技能提质行动”顺利启动。全市共有120家企业参与。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“职工技能提质行动”", "Programme")])
    assert rels(doc, "RUNS") == [("甲市总工会", "“职工技能提质行动”")]
    # an event that opens is sponsored by someone, not run; a named action inside a longer subject is not launched
    text = "甲市总工会工作动态\n\n日前，“匠心杯”焊工技能大赛正式启动。乙公司的“职工技能提质行动”经验顺利启动推广。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“匠心杯”焊工技能大赛", "Programme"), ("乙公司", "Enterprise"),
                          ("“职工技能提质行动”", "Programme")])
    assert rels(doc, "RUNS") == []


def test_a_time_clauses_subject_does_not_carry_to_later_clauses():
    text = "他表示，省委关于产改工作部署以来，全区高度重视，将产改工作作为重点工作来抓。"
    doc = make_doc(text, [("省委", "Agency", "甲省委"), ("产改", "Programme", "产业工人队伍建设改革"),
                          ("产改", "Programme", "产业工人队伍建设改革", None, 1)])
    assert ("甲省委", "产业工人队伍建设改革") not in rels(doc, "RUNS")


def test_a_place_chain_written_as_one_name_locates_the_body_in_each_place():
    text = "近日，在甲县乙镇产改试点企业丙鞋业有限公司的车间里，工人们正在忙碌。"
    doc = make_doc(text, [("甲县乙镇", "Region", "乙镇"), ("甲县", "Region"), ("产改", "Programme", "产业工人队伍建设改革"),
                          ("丙鞋业有限公司", "Enterprise")])
    assert rels(doc, "LOCATED_IN") == [("丙鞋业有限公司", "乙镇"), ("丙鞋业有限公司", "甲县")]
