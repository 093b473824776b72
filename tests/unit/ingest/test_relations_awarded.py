"""AWARDED (and the posts read with it) on composed sentences: appositions (NAME正是…的AWARD),
成长为/成为 an award, a later clause continuing the sentence's person(s), achievements credited to
their owner, grants to a pronoun, award lists, profile sentences and the special allowance.
Sentences are composed; mentions are placed by hand."""

from __future__ import annotations

import pytest

from reformkg.ingest.extract.relations import extract_relations
from tests.unit.ingest._docs import make_doc

PRON = {"pronoun": True}


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


def test_a_group_named_after_the_person_is_not_the_person():
    text = "吴刚所在的班组攻克多项难题，被授予“工人先锋号”。"
    doc = make_doc(text, [("吴刚", "Person"), ("“工人先锋号”", "Award")])
    assert rels(doc, "AWARDED") == []


def test_the_persons_own_unit_becoming_an_award_holder_is_not_the_person():
    text = "吴刚所在企业成为全国模范劳动关系和谐企业。"
    doc = make_doc(text, [("吴刚", "Person"), ("全国模范劳动关系和谐企业", "Award")])
    assert rels(doc, "AWARDED") == []


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


@pytest.mark.parametrize("text, expected", [
    ("王某2019年获评全国技术能手，2021年荣获全国五一劳动奖章。", {"全国技术能手": 2019, "全国五一劳动奖章": 2021}),
    ("2018年以来，李某先后荣获全国劳动模范、全国五一劳动奖章。", {"全国劳动模范": None, "全国五一劳动奖章": None}),
    ("2023年，张某荣获全国劳动模范称号。", {"全国劳动模范": 2023}),
])
def test_an_award_takes_only_the_year_that_dates_it(text: str, expected: dict) -> None:
    from reformkg.ingest.jsonl import to_record
    from reformkg.ingest.pipeline import Pipeline

    rec = to_record(Pipeline().run_text(text, path="t.txt"))
    got = {r["target"]: (r.get("properties") or {}).get("year") for r in rec["relations"] if r["type"] == "AWARDED"}
    assert got == expected


def test_a_presenter_before_the_relative_clause_does_not_receive_the_honour():
    text = "会上，甲市总工会为获得“某城工匠”称号的赵甲、钱乙等8名职工颁发证书。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("某城工匠", "Award"), ("赵甲", "Person"), ("钱乙", "Person")])
    assert rels(doc, "AWARDED") == [("赵甲", "某城工匠"), ("钱乙", "某城工匠")]
    text = "乙区总工会向荣获“乙区五一劳动奖章”的丙公司颁发奖牌。"
    doc = make_doc(text, [("乙区总工会", "Union"), ("乙区五一劳动奖章", "Award"), ("丙公司", "Enterprise")])
    assert rels(doc, "AWARDED") == [("丙公司", "乙区五一劳动奖章")]


def test_a_recipient_before_the_verb_is_still_the_recipient():
    text = "甲市总工会荣获“全国五一劳动奖状”。"
    doc = make_doc(text, [("甲市总工会", "Union"), ("全国五一劳动奖状", "Award")])
    assert rels(doc, "AWARDED") == [("甲市总工会", "全国五一劳动奖状")]


def test_a_subject_qualified_by_employer_and_role_carries_on_to_later_honours():
    text = "在第五届全省职工技能大赛中，甲重工有限公司焊工赵甲夺得第一名，被授予“某省技术能手”称号，并获评某省五一劳动奖章。"
    doc = make_doc(text, [("甲重工有限公司", "Enterprise"), ("赵甲", "Person"), ("某省技术能手", "Award"),
                          ("某省五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == [("赵甲", "某省五一劳动奖章"), ("赵甲", "某省技术能手")]


def test_a_company_opening_the_sentence_with_a_person_later_is_no_qualifier():
    text = "甲重工有限公司与赵甲签约后，被授予“某省文明单位”称号。"
    doc = make_doc(text, [("甲重工有限公司", "Enterprise"), ("赵甲", "Person"), ("某省文明单位", "Award")])
    assert ("赵甲", "某省文明单位") not in rels(doc, "AWARDED")


def test_named_as_an_honour_by_a_decision_with_employers_in_brackets():
    text = "决定命名赵甲（甲重工有限公司）、钱乙（乙电气股份有限公司）等15名同志为2024年度“某地工匠”。"
    doc = make_doc(text, [("赵甲", "Person"), ("甲重工有限公司", "Enterprise"), ("钱乙", "Person"),
                          ("乙电气股份有限公司", "Enterprise"), ("某地工匠", "Award")])
    assert rels(doc, "AWARDED") == [("赵甲", "某地工匠"), ("钱乙", "某地工匠")]
    assert rels(doc, "HOLDS_POSITION") == [("赵甲", "甲重工有限公司"), ("钱乙", "乙电气股份有限公司")]


def test_a_body_named_as_an_honour_is_its_recipient():
    doc = make_doc("命名甲重工有限公司为“某省模范职工之家”。", [("甲重工有限公司", "Enterprise"), ("某省模范职工之家", "Award")])
    assert rels(doc, "AWARDED") == [("甲重工有限公司", "某省模范职工之家")]


def test_a_subject_after_a_discourse_opener_carries_on_to_later_honours():
    text = "据了解，赵甲是甲机械有限公司的一名钳工，先后获得“某省工匠”、全国五一劳动奖章等荣誉。"
    doc = make_doc(text, [("赵甲", "Person"), ("甲机械有限公司", "Enterprise"), ("某省工匠", "Award"),
                          ("全国五一劳动奖章", "Award")])
    assert rels(doc, "AWARDED") == [("赵甲", "全国五一劳动奖章"), ("赵甲", "某省工匠")]


def test_a_passive_conferral_with_its_agent_between_bei_and_the_verb():
    text = "刘甲领衔的“刘甲技能大师工作室”被乙部命名为国家级技能大师工作室。"
    ms = [("刘甲", "Person"), ("“刘甲技能大师工作室”", "Institution", "刘甲技能大师工作室"), ("乙部", "Agency"),
          ("国家级技能大师工作室", "Award")]
    assert ("刘甲技能大师工作室", "国家级技能大师工作室") in rels(make_doc(text, ms), "AWARDED")


def test_being_an_editions_honour_is_holding_it():
    doc = make_doc("刘甲是第十五届“甲乙工匠”。", [("刘甲", "Person"), ("“甲乙工匠”", "Award", "甲乙工匠")])
    assert rels(doc, "AWARDED") == [("刘甲", "甲乙工匠")]


def test_a_scope_before_an_honour_whose_holders_follow_a_colon_is_no_recipient():
    text = "今年我市荣获全国五一劳动奖章的有：张甲（甲光电股份有限公司）、李乙（乙医院）。"
    ms = [("我市", "Region", "甲市"), ("全国五一劳动奖章", "Award"), ("张甲", "Person"),
          ("甲光电股份有限公司", "Enterprise"), ("李乙", "Person"), ("乙医院", "Institution")]
    assert [h for h, _ in rels(make_doc(text, ms), "AWARDED")] == ["张甲", "李乙"]


def test_semicolon_items_of_a_holders_list_keep_name_and_employer_together():
    text = "获评江苏工匠的是：赵甲，甲车辆有限公司高级技师；钱乙，乙职业技术学院教师。"
    ms = [("江苏工匠", "Award"), ("赵甲", "Person"), ("甲车辆有限公司", "Enterprise"), ("钱乙", "Person"),
          ("乙职业技术学院", "Institution")]
    doc = make_doc(text, ms)
    assert ("赵甲", "江苏工匠") in rels(doc, "AWARDED")
    posts = {(r.head.normalised, r.tail.normalised, r.props.get("title")) for r in extract_relations(doc)
             if r.type == "HOLDS_POSITION"}
    assert ("赵甲", "甲车辆有限公司", "高级技师") in posts
    assert not any(h == "赵甲" and t == "乙职业技术学院" for h, t, _ in posts)
