"""Relations and outcome actors on constructions of documents from other provinces and genres:
由A主办、B协办、C承办的P chains, A与B联合评选/组织P, member lists after the committee (作为成员单位 /
成员单位包括), pronoun recipients and post holders (授予她“Y”称号, 她现任…), award lists, profile
sentences (NAME，男，现任…，享受国务院政府特殊津贴), a person credited with her own results and
a union's numbered work summary. Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import extract_outcomes
from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

PRON = {"pronoun": True}


def rels(doc, rtype):
    return sorted((r.head.normalised, r.tail.normalised) for r in extract_relations(doc) if r.type == rtype)


def roles(doc):
    return sorted((r.head.normalised, r.props.get("role")) for r in extract_relations(doc) if r.type == "SPONSORS")


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


def test_members_listed_after_the_committee_with_cheng_yuan_dan_wei_bao_kuo():
    text = "甲市产业工人队伍建设改革协调小组成立，成员单位包括甲市总工会、甲市教育局、甲市财政局。"
    doc = make_doc(text, [("甲市产业工人队伍建设改革协调小组", "Agency"), ("甲市总工会", "Union"),
                          ("甲市教育局", "Agency"), ("甲市财政局", "Agency")])
    got = rels(doc, "MEMBER_OF")
    assert [h for h, _ in got] == ["甲市总工会", "甲市教育局", "甲市财政局"]
    assert {t for _, t in got} == {"甲市产业工人队伍建设改革协调小组"}


def test_members_zuo_wei_cheng_yuan_dan_wei_after_a_lead_clause():
    text = "园区建立产改联席会议，由园区党工委牵头，园区总工会、园区人社局、园区财政局等作为成员单位。"
    doc = make_doc(text, [("产改联席会议", "Agency"), ("园区党工委", "Agency"), ("园区总工会", "Union"),
                          ("园区人社局", "Agency"), ("园区财政局", "Agency")])
    got = rels(doc, "MEMBER_OF")
    assert sorted(h for h, _ in got) == ["园区人社局", "园区总工会", "园区财政局"]


def test_grant_to_a_pronoun_and_a_listed_award_series():
    text = ("王小梅是甲市某电子公司的高级技师。2021年，甲市人民政府授予她“甲城工匠”称号。"
            "她先后获得乙省劳动模范、全国技术能手、“南山工匠”、乙省五一劳动奖章等荣誉。")
    doc = make_doc(text, [("王小梅", "Person"), ("甲市人民政府", "Agency"), ("她", "Person", "王小梅", PRON),
                          ("甲城工匠", "Award"), ("她", "Person", "王小梅", PRON, 1), ("乙省劳动模范", "Award"),
                          ("全国技术能手", "Award"), ("乙省五一劳动奖章", "Award")])
    got = rels(doc, "AWARDED")
    assert ("王小梅", "甲城工匠") in got
    assert ("王小梅", "乙省劳动模范") in got and ("王小梅", "乙省五一劳动奖章") in got
    assert ("甲市人民政府", "甲城工匠") not in got


def test_pronoun_holds_a_post_and_a_congress_seat():
    text = "她现任甲市光电有限公司工会副主席，她还当选为甲市人大代表。"
    doc = make_doc(text, [("她", "Person", "王小梅", PRON), ("甲市光电有限公司工会", "Union"),
                          ("她", "Person", "王小梅", PRON, 1), ("甲市人大", "Agency")])
    got = {(r.tail.normalised, r.props.get("title")) for r in extract_relations(doc) if r.type == "HOLDS_POSITION"}
    assert ("甲市光电有限公司工会", "副主席") in got
    assert ("甲市人大", "甲市人大代表") in got


def test_profile_sentence_gives_post_award_and_special_allowance():
    text = "李大山，男，现任甲市石油机械有限公司首席技师，享受国务院政府特殊津贴，曾获全国劳动模范称号。"
    doc = make_doc(text, [("李大山", "Person"), ("甲市石油机械有限公司", "Enterprise"), ("国务院", "Agency"),
                          ("全国劳动模范", "Award")])
    got = rels(doc, "AWARDED")
    assert ("李大山", "全国劳动模范") in got and ("李大山", "国务院政府特殊津贴") in got
    assert ("李大山", "甲市石油机械有限公司") in rels(doc, "HOLDS_POSITION")
    assert all(m.surface != "国务院" for m in doc.mentions)


def test_special_allowance_of_an_unclear_person_is_not_credited():
    text = "张三和李四的师傅享受国务院政府特殊津贴。"
    doc = make_doc(text, [("张三", "Person"), ("李四", "Person")])
    assert rels(doc, "AWARDED") == []


def test_person_subject_is_credited_with_her_results_but_not_the_company():
    text = "甲市光电有限公司今年培训职工300人次。她带领团队完成技术革新32项，她的工作室累计培养徒弟120名。"
    doc = make_doc(text, [("甲市光电有限公司", "Enterprise"), ("她", "Person", "王小梅", PRON),
                          ("她", "Person", "王小梅", PRON, 1)])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(300, "甲市光电有限公司"), (32, "王小梅"), (120, "王小梅")]


def test_union_work_summary_credits_the_union_not_an_enterprise_in_passing():
    text = ("甲区总工会2023年工作总结\n一、加强思想引领\n全年举办职工宣讲会12场。甲市某某科技有限公司组织职工参加培训500人次。"
            "开展劳模工匠进企业活动35场次。\n二、维护职工权益\n帮扶困难职工260户。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(12, "甲区总工会"), (500, "甲市某某科技有限公司"), (35, "甲区总工会"), (260, "甲区总工会")]


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


def test_markdown_work_summary_numbered_section_led_by_an_enterprise_keeps_the_union():
    text = ("# 甲区总工会2023年工作总结\n\n一、加强思想引领\n\n甲市某某科技有限公司组织职工参加培训500人次。"
            "全年举办职工宣讲会12场。\n\n二、维护职工权益\n\n帮扶困难职工260户。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(500, "甲市某某科技有限公司"), (12, "甲区总工会"), (260, "甲区总工会")]


def test_work_summary_with_inline_numbered_items():
    text = ("甲区总工会2023年工作总结\n一是加强思想引领。全年举办职工宣讲会12场。甲市某某科技有限公司组织职工参加培训500人次。"
            "开展劳模工匠进企业活动35场次。")
    doc = make_doc(text, [("甲区总工会", "Union"), ("甲市某某科技有限公司", "Enterprise")])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(12, "甲区总工会"), (500, "甲市某某科技有限公司"), (35, "甲区总工会")]


def test_an_enterprise_feature_still_carries_its_subject_over():
    text = "甲市某某科技有限公司深化产改\n甲市某某科技有限公司组织职工参加培训500人次。全年开展技能比武12场。"
    doc = make_doc(text, [("甲市某某科技有限公司", "Enterprise"), ("甲市某某科技有限公司", "Enterprise", None, None, 1)])
    got = [(o.value, o.actor.normalised if o.actor else None) for o in extract_outcomes(doc)]
    assert got == [(500, "甲市某某科技有限公司"), (12, "甲市某某科技有限公司")]


def test_profile_post_with_a_trade_title_and_no_post_for_a_non_title():
    text = "周小红，女，现任甲市地铁集团有限公司电客车司机。"
    doc = make_doc(text, [("周小红", "Person"), ("甲市地铁集团有限公司", "Enterprise")])
    assert rels(doc, "HOLDS_POSITION") == [("周小红", "甲市地铁集团有限公司")]
    text = "她现任甲市地铁集团有限公司重要岗位。"
    doc = make_doc(text, [("她", "Person", "周小红", PRON), ("甲市地铁集团有限公司", "Enterprise")])
    assert rels(doc, "HOLDS_POSITION") == []
