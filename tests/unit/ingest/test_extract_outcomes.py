"""The outcomes component: which numbers are outcomes, their values, years and credited actors.
Documents are composed here; mentions are placed by hand (the entity components are tested
on their own)."""

from __future__ import annotations

from reformkg.ingest.extract.outcomes import OutcomesComponent, extract_outcomes
from tests.unit.ingest._docs import find, make_doc


def outs(doc):
    return [(o.value, o.unit, o.qualifier) for o in extract_outcomes(doc)]


def test_component_contract():
    c = OutcomesComponent()
    assert (c.name, c.requires, c.assigns) == ("outcomes", ("mentions",), ("outcomes",))
    doc = make_doc("盐城市总工会今年培训职工3200余人次。", [("盐城市总工会", "Union")])
    assert c(doc) is doc and len(doc.outcomes) == 1


def test_value_and_clause_subject_actor():
    doc = make_doc("盐城市总工会今年累计培训职工3200余人次，发放补贴80万元。",
                   [("盐城市总工会", "Union")], date="2023-06-01")
    got = extract_outcomes(doc)
    assert [(o.value, o.unit, o.qualifier) for o in got] == [(3200, "人次", "余"), (800000, "元", "")]
    assert all(o.actor is find(doc, "盐城市总工会") for o in got)
    assert got[0].year == 2023  # 今年 + the document date
    assert "培训职工" in got[0].metric
    assert doc.text[got[0].span.start:got[0].span.end] == "3200余人次"


def test_explicit_year_wins_and_last_year():
    doc = make_doc("2021年，宿豫区新增技能人才450名。去年，宿豫区又培训农民工900人。",
                   [("宿豫区", "Region"), ("宿豫区", "Region", None, None, 1)], date="2023-03-02")
    got = extract_outcomes(doc)
    assert [(o.value, o.year) for o in got] == [(450, 2021), (900, 2022)]


def test_not_outcomes():
    text = ("2022年5月，盐城市召开推进会3次，从4个方面提出要求。获得一等奖第2名的选手年龄32岁，"
            "补贴标准每人500元，实施“5个100”工程，联系电话0515-88886666。")
    doc = make_doc(text, [("盐城市", "Region"), ("“5个100”工程", "Programme")])
    assert outs(doc) == []


def test_numbers_inside_names_are_skipped():
    doc = make_doc("南通市第3人民医院组织职工200人参加体检。",
                   [("南通市第3人民医院", "Institution")])
    got = extract_outcomes(doc)
    assert [(o.value, o.unit) for o in got] == [(200, "人")]


def test_paragraph_subject_when_the_sentence_has_none():
    text = "盐城市大力推进技能提升行动。今年以来，共帮扶困难职工560户，新增高技能人才1200人。"
    doc = make_doc(text, [("盐城市", "Region")])
    got = extract_outcomes(doc)
    assert [o.actor.surface for o in got] == ["盐城市", "盐城市"]


def test_deictic_subject_resolves_to_the_region_named_before():
    text = "徐州市把职工培训作为重点。\n\n该市今年共发放技能补贴2000余万元。"
    doc = make_doc(text, [("徐州市", "Region")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "徐州市")


def test_regional_agency_is_credited_to_its_region():
    text = "宿迁市积极推动产改。宿迁市人社局今年发放培训补贴300万元。"
    doc = make_doc(text, [("宿迁市", "Region"), ("宿迁市人社局", "Agency", None, {"region": "宿迁市"})])
    got = extract_outcomes(doc)
    assert got[0].actor.label == "Region" and got[0].actor.normalised == "宿迁市"


def test_agent_of_an_awarding_verb_is_credited():
    text = "活动现场，120名家政服务员获得了由市家政协会颁发的职业技能等级证书。"
    doc = make_doc(text, [("市家政协会", "Institution")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "市家政协会")


def test_enumerated_items_are_not_the_subject():
    text = "经过甲公司、乙公司等12家企业的试点，目前扬州市已有3000名职工取得证书。"
    doc = make_doc(text, [("甲公司", "Enterprise"), ("乙公司", "Enterprise"), ("扬州市", "Region")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(12, "扬州市"), (3000, "扬州市")]


def test_section_heading_names_the_actor():
    text = "苏钢集团：技能强企\n\n近年来，新增技能人才45名，建成创新工作室6个。"
    doc = make_doc(text, [("苏钢集团", "Enterprise")])
    got = extract_outcomes(doc)
    assert [(o.value, o.actor.surface) for o in got] == [(45, "苏钢集团"), (6, "苏钢集团")]


def test_main_region_is_the_last_resort():
    text = "南京市召开推进会。\n\n南京市职工服务中心揭牌。\n\n截至目前，累计建成驿站120个。"
    doc = make_doc(text, [("南京市", "Region"), ("南京市", "Region", None, None, 1)])
    got = extract_outcomes(doc)
    assert got[0].actor.normalised == "南京市"


def test_sub_unit_opening_clause_credits_the_named_organisation():
    text = "去年成立常州工匠学院，下设6个分院。"
    doc = make_doc(text, [("常州工匠学院", "Institution")])
    got = extract_outcomes(doc)
    assert got[0].actor is find(doc, "常州工匠学院")
