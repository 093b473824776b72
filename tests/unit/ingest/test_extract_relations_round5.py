"""Relations on shapes held-out documents use: award appositions (NAME正是…的AWARD), 成长为/成为
an award, a later clause continuing the sentence's person (…，并获得/被授予AWARD), coordinated
issuers of a titled list (A、B先后印发《P》、《Q》), the steered issuer (推动/配合B印发《P》).
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def test_apposition_after_shi_credits_the_subject():
    doc = make_doc("周海涛正是从车间里走出来的全国技术能手。", [("周海涛", "Person"), ("全国技术能手", "Award")])
    assert rels(doc, "AWARDED") == [("周海涛", "全国技术能手")]


def test_apposition_needs_the_subject_right_before_shi():
    doc = make_doc("周海涛介绍说，这里是全国技术能手的摇篮。", [("周海涛", "Person"), ("全国技术能手", "Award")])
    assert rels(doc, "AWARDED") == []


def test_grew_into_an_award_from_one_ordinary_worker():
    doc = make_doc("孙立新从一名普通钳工成长为“甲城工匠”。", [("孙立新", "Person"), ("“甲城工匠”", "Award")])
    assert rels(doc, "AWARDED") == [("孙立新", "“甲城工匠”")]


def test_an_unnamed_count_growing_into_an_award_names_no_recipient():
    doc = make_doc("孙立新带出的5名徒弟成长为省级技术能手。", [("孙立新", "Person"), ("省级技术能手", "Award")])
    assert rels(doc, "AWARDED") == []


def test_bing_huode_continues_the_sentence_person():
    doc = make_doc("郑晓燕在全省比赛中表现突出，并获得省五一劳动奖章。",
                   [("郑晓燕", "Person"), ("省五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == [("郑晓燕", "省五一劳动奖章")]


def test_pronoun_sentence_then_bei_shouyu_credits_the_antecedent():
    text = "钱丽是一名电焊工。她在全省焊工技能大赛中夺得焊接项目第一名，被授予“甲省技术能手”称号。"
    doc = make_doc(text, [("钱丽", "Person"), ("“甲省技术能手”", "Award")])
    assert rels(doc, "AWARDED") == [("钱丽", "“甲省技术能手”")]


def test_continuation_is_refused_when_two_people_open_the_sentence():
    text = "钱丽向吴刚请教焊接工艺，并获得省五一劳动奖章。"
    doc = make_doc(text, [("钱丽", "Person"), ("吴刚", "Person"), ("省五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == []


def test_coordinated_issuers_issue_every_item_of_a_titled_list():
    text = "甲市总工会、甲市人社局先后印发《关于加强技能人才培养的意见》、《职工技能提升行动方案》。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市人社局", "Agency"),
                          ("《关于加强技能人才培养的意见》", "Programme", None, {"kind": "policy"}),
                          ("《职工技能提升行动方案》", "Programme", None, {"kind": "policy"})])
    got = rels(doc, "ISSUED")
    assert len(got) == 4 and {h for h, _ in got} == {"甲市总工会", "甲市人社局"}


def test_tuidong_body_issues_not_the_subject():
    text = "甲市总工会推动甲市政府办公室印发《产业工人队伍建设改革实施方案》。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市政府办公室", "Agency"),
                          ("《产业工人队伍建设改革实施方案》", "Programme", None, {"kind": "policy"})])
    assert rels(doc, "ISSUED") == [("甲市政府办公室", "《产业工人队伍建设改革实施方案》")]


def test_peihe_body_issues_the_policy():
    text = "乙区总工会配合乙区人社局出台《技能人才评价办法》。"
    doc = make_doc(text, [("乙区总工会", "Union"), ("乙区人社局", "Agency"),
                          ("《技能人才评价办法》", "Programme", None, {"kind": "policy"})])
    assert rels(doc, "ISSUED") == [("乙区人社局", "《技能人才评价办法》")]


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


def test_taking_x_as_the_content_of_a_named_campaign_runs_it():
    text = "甲市总工会也将工匠精神作为“劳模工匠进校园”活动的宣讲内容。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“劳模工匠进校园”活动", "Programme")])
    assert rels(doc, "RUNS") == [("甲市总工会", "“劳模工匠进校园”活动")]


def test_we_take_x_as_the_reform_lever_credits_the_quoted_speakers_body():
    text = "甲市钢铁有限公司党委书记王建国说：“我们把技能人才培养作为产改的重要抓手。”"
    doc = make_doc(text, [("甲市钢铁有限公司", "Enterprise"), ("王建国", "Person"), ("产改", "Programme", "产业工人队伍建设改革")])
    assert ("甲市钢铁有限公司", "产业工人队伍建设改革") in rels(doc, "RUNS")


def test_we_without_a_speaker_post_credits_nobody():
    text = "王建国说：“我们把技能人才培养作为产改的重要抓手。”"
    doc = make_doc(text, [("王建国", "Person"), ("产改", "Programme", "产业工人队伍建设改革")])
    assert rels(doc, "RUNS") == []


def test_an_achievement_award_goes_to_the_person_a_profile_paragraph_opens_with():
    text = "钱丽是一名电焊工，多年来潜心攻关焊接工艺。这项成果获得省职工技术创新成果一等奖。"
    doc = make_doc(text, [("钱丽", "Person"), ("省职工技术创新成果一等奖", "Award")])
    assert rels(doc, "AWARDED") == [("钱丽", "省职工技术创新成果一等奖")]


def test_an_achievement_award_in_an_enterprise_paragraph_goes_to_the_enterprise():
    text = "甲市钢铁有限公司加大研发投入。技术员钱丽介绍了新工艺。这项成果获得中国专利优秀奖。"
    doc = make_doc(text, [("甲市钢铁有限公司", "Enterprise"), ("钱丽", "Person"), ("中国专利优秀奖", "Award")])
    assert rels(doc, "AWARDED") == [("甲市钢铁有限公司", "中国专利优秀奖")]


def test_a_title_honour_before_the_name_is_awarded():
    text = "甲市钢铁有限公司特级技师王大力带领团队攻关。"
    doc = make_doc(text, [("甲市钢铁有限公司", "Enterprise"), ("特级技师", "Award"), ("王大力", "Person")])
    assert rels(doc, "AWARDED") == [("王大力", "特级技师")]


def test_bare_zone_word_in_a_zone_unions_report_runs_the_reform():
    text = "甲市工业园区总工会\n当前园区产改工作取得明显成效。"
    doc = make_doc(text, [("甲市工业园区总工会", "Union"), ("甲市工业园区", "Region"),
                          ("产改", "Programme", "产业工人队伍建设改革")])
    assert ("甲市工业园区", "产业工人队伍建设改革") in rels(doc, "RUNS")


def test_bare_zone_word_without_the_zones_own_body_credits_no_zone():
    text = "甲市总工会\n甲市工业园区规模很大。当前园区产改工作取得明显成效。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("甲市工业园区", "Region"),
                          ("产改", "Programme", "产业工人队伍建设改革")])
    assert ("甲市工业园区", "产业工人队伍建设改革") not in rels(doc, "RUNS")


def test_forming_a_named_system_is_run_by_the_sentence_subject():
    text = "甲市总工会积极作为，形成“1+N”职工服务体系。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("“1+N”职工服务体系", "Programme")])
    assert rels(doc, "RUNS") == [("甲市总工会", "“1+N”职工服务体系")]


def test_a_zone_work_clause_forming_a_system_credits_the_zone():
    text = "甲市工业园区总工会\n当前园区产改工作取得明显成效，形成“1+N”产改政策体系。"
    doc = make_doc(text, [("甲市工业园区总工会", "Union"), ("甲市工业园区", "Region"),
                          ("产改", "Programme", "产业工人队伍建设改革"), ("“1+N”产改政策体系", "Programme")])
    got = rels(doc, "RUNS")
    assert ("甲市工业园区", "“1+N”产改政策体系") in got
    assert ("甲市工业园区总工会", "“1+N”产改政策体系") not in got


def test_a_group_named_after_the_person_is_not_the_person():
    text = "吴刚所在的班组攻克多项难题，被授予“工人先锋号”。"
    doc = make_doc(text, [("吴刚", "Person"), ("“工人先锋号”", "Award")])
    assert rels(doc, "AWARDED") == []


def test_the_persons_own_unit_becoming_an_award_holder_is_not_the_person():
    text = "吴刚所在企业成为全国模范劳动关系和谐企业。"
    doc = make_doc(text, [("吴刚", "Person"), ("全国模范劳动关系和谐企业", "Award")])
    assert rels(doc, "AWARDED") == []


def test_a_policy_system_formed_by_issued_plans_is_issued():
    text = "甲电力公司制定出台了技能人才培养、青年人才培养等3项方案，形成了“1+3”人才制度体系。"
    doc = make_doc(text, [("甲电力公司", "Enterprise"), ("“1+3”人才制度体系", "Programme")])
    assert rels(doc, "ISSUED") == [("甲电力公司", "“1+3”人才制度体系")]
    assert rels(doc, "RUNS") == []


def test_a_policy_system_formed_without_an_issue_verb_is_not_issued():
    text = "甲电力公司深化改革，形成了“1+3”人才制度体系。"
    doc = make_doc(text, [("甲电力公司", "Enterprise"), ("“1+3”人才制度体系", "Programme")])
    assert rels(doc, "ISSUED") == []


def test_a_long_adverbial_between_the_subject_and_bei_shouyu_keeps_the_subject():
    text = "陈刚在今年举办的全省第三届焊工职业技能大赛中夺得第一名被授予“甲省技术能手”称号。"
    doc = make_doc(text, [("陈刚", "Person"), ("“甲省技术能手”", "Award")])
    assert rels(doc, "AWARDED") == [("陈刚", "“甲省技术能手”")]


def test_a_long_gap_naming_another_body_does_not_credit_the_subject():
    text = "陈刚介绍说，今年甲市钢铁有限公司在全省比赛中荣获“甲省技能人才培养突出贡献奖”。"
    doc = make_doc(text, [("陈刚", "Person"), ("甲市钢铁有限公司", "Enterprise"), ("“甲省技能人才培养突出贡献奖”", "Award")])
    assert ("陈刚", "“甲省技能人才培养突出贡献奖”") not in rels(doc, "AWARDED")


def test_a_later_clause_after_a_leading_time_clause_continues_the_pronoun_subject():
    text = "甲市机械公司装配工钱丽勤学苦练。2021年，她拿到了省五一劳动奖章，今年又被评为“甲省工匠”。"
    doc = make_doc(text, [("甲市机械公司", "Enterprise"), ("钱丽", "Person"), ("省五一劳动奖章", "Award"),
                          ("“甲省工匠”", "Award")])
    assert rels(doc, "AWARDED") == [("钱丽", "“甲省工匠”"), ("钱丽", "省五一劳动奖章")]


def test_apposition_must_end_at_the_award():
    doc = make_doc("周海涛是全国劳动模范评选的组织者。", [("周海涛", "Person"), ("全国劳动模范", "Award")])
    assert rels(doc, "AWARDED") == []
    doc = make_doc("周海涛是全国劳动模范，从业三十年。", [("周海涛", "Person"), ("全国劳动模范", "Award")])
    assert rels(doc, "AWARDED") == [("周海涛", "全国劳动模范")]


def test_coordinated_subjects_carry_on_into_bing_huode():
    text = "王刚和李红参加全省焊工比赛，并获得省五一劳动奖章。"
    doc = make_doc(text, [("王刚", "Person"), ("李红", "Person"), ("省五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == [("李红", "省五一劳动奖章"), ("王刚", "省五一劳动奖章")]
