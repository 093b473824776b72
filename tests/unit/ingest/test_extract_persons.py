"""Persons: tagger names, names after titles, bylines and symbolic figures left out, positions
parsed into (organisation, title) pairs."""

from __future__ import annotations

from reformkg.ingest.document import Span
from reformkg.ingest.extract.persons import Persons
from tests.unit.ingest._pipe import extract, mentions


def _persons(text: str):
    doc = extract(text, upto="awards")      # the last mention component fixes the indices
    return doc, {m.surface: m for m in mentions(doc, "Person")}


def test_title_chain_gives_one_pair_per_body() -> None:
    doc, p = _persons("义乌市委常委、组织部部长周建平表示，要抓好落实。")
    m = p["周建平"]
    orgs = [(o.normalised, t) for o, t in m.attrs["org_mentions"]]
    assert orgs == [("义乌市委", "常委"), ("义乌市委组织部", "部长")]
    assert m.attrs["title"] == "常委、部长"
    assert doc.mentions[m.attrs["org"]].normalised == "义乌市委"


def test_title_without_body_joins_the_previous_one() -> None:
    doc, p = _persons("温州市总工会党组书记、副主席郑海涛说，工作要落细。")
    m = p["郑海涛"]
    assert [(o.normalised, t) for o, t in m.attrs["org_mentions"]] == [("温州市总工会", "党组书记、副主席")]


def test_name_after_title_and_speech_verb() -> None:
    _, p = _persons("台州市委常委、宣传部部长青山说，要讲好故事。")
    assert "青山" in p


def test_bylines_and_credits_are_not_persons() -> None:
    _, p = _persons("本报记者 刘晓东 通讯员 赵一鸣\n\n工人们在车间忙碌。\n\n孙亮 钱伟 摄\n")
    assert not p


def test_byline_layer_is_respected() -> None:
    doc = extract("张建国介绍了经验，大家认真听讲。", upto="orgs")
    doc.layers["byline"] = [Span(0, 3, "byline")]
    doc = Persons()(doc)
    assert not [m for m in doc.mentions if m.label == "Person"]


def test_symbolic_figures_are_not_actors() -> None:
    _, p = _persons("要大力弘扬雷锋精神，学习雷锋好榜样。")
    assert "雷锋" not in p


def test_surname_title_is_an_alias() -> None:
    _, p = _persons("湖州市委书记陈浩然调研企业。陈书记指出，要重视技能人才。")
    assert p["陈书记"].normalised == "陈浩然"


def test_union_chair_after_enterprise_title() -> None:
    doc, p = _persons("宁波永新光学股份有限公司近年来发展很快，企业党委副书记、工会主席陈立群说，要让职工有获得感。")
    pairs = [(o.label, o.normalised, t) for o, t in p["陈立群"].attrs["org_mentions"]]
    assert pairs == [("Enterprise", "宁波永新光学股份有限公司", "党委副书记"),
                     ("Union", "宁波永新光学股份有限公司工会", "主席")]


def test_three_character_name_cut_by_the_tagger_is_repaired() -> None:
    _, p = _persons("在大会上，孙华芹光荣当选全国人大代表。")
    assert "孙华芹" in p or not any(k.startswith("孙华") for k in p)


def test_author_line_gives_a_position_without_title() -> None:
    _, p = _persons("如皋市总工会 顾晓东\n\n近年来，我们推进改革。")
    m = p["顾晓东"]
    assert [(o.normalised, t) for o, t in m.attrs["org_mentions"]] == [("如皋市总工会", "")]


def test_title_after_the_name_is_a_position_in_the_context_government() -> None:
    doc, p = _persons("三明市召开推进会。陈立民副市长指出，要抓好落实。")
    m = p["陈立民"]
    assert [(o.normalised, t) for o, t in m.attrs["org_mentions"]] == [("三明市人民政府", "副市长")]
    gov = doc.mentions[m.attrs["org"]]
    assert gov.label == "Agency" and gov.attrs["region"] == "三明市"


def test_body_before_the_name_and_title_after_it() -> None:
    doc, p = _persons("福建省召开会议。会上，省委刘德明书记作出批示。")
    assert [(o.normalised, t) for o, t in p["刘德明"].attrs["org_mentions"]] == [("福建省委", "书记")]


def test_head_of_government_after_a_committee_title() -> None:
    doc, p = _persons("南平市延平区委副书记、区长吴志远出席会议。")
    pairs = [(o.normalised, t) for o, t in p["吴志远"].attrs["org_mentions"]]
    assert ("南平市延平区委", "副书记") in pairs
    assert ("南平市延平区人民政府", "区长") in pairs


def test_region_head_title_before_the_name() -> None:
    doc, p = _persons("建宁县县长黄振华出席会议。")
    assert [(o.normalised, t) for o, t in p["黄振华"].attrs["org_mentions"]] == [("建宁县人民政府", "县长")]


def test_name_inside_a_quotation_is_not_an_actor() -> None:
    _, p = _persons("古人说：“众志成城，则万钧不足举也。”我们要团结奋斗。")
    assert "万钧" not in p


def test_tagger_glued_title_character_is_cut() -> None:
    _, p = _persons("淮安市召开推进会，李森副市长出席。")
    assert "李森" in p and "李森副" not in p
    assert [t for _, t in p["李森"].attrs["org_mentions"]] == ["副市长"]


def test_compound_title_after_the_name() -> None:
    _, p = _persons("芜湖市总工会召开会议。市总工会王建国常务副主席主持。")
    assert [(o.normalised, t) for o, t in p["王建国"].attrs["org_mentions"]] == [("芜湖市总工会", "常务副主席")]


def test_name_made_of_common_words_before_a_title_is_read() -> None:
    doc, p = _persons("绍兴市召开推进会。会上，王建设副市长宣读了表彰决定。")
    m = p["王建设"]
    assert [(o.normalised, t) for o, t in m.attrs["org_mentions"]] == [("绍兴市人民政府", "副市长")]
    doc, p = _persons("会议由李国庆局长主持。")
    assert "李国庆" in p


def test_titles_without_a_name_before_them_give_no_person() -> None:
    _, p = _persons("工会主席指出，市委书记强调，集团党委书记表示，要抓好落实。")
    assert p == {}


def test_a_preposition_before_a_surname_is_not_part_of_the_name() -> None:
    _, p = _persons("会议由王建设副市长主持，我们要向张局长表示感谢。")
    assert set(p) == {"王建设"}


def test_union_chair_through_the_company_anaphor() -> None:
    doc, p = _persons("湖州恒远电机有限公司推进产改。公司党委副书记、工会主席沈国栋介绍了做法。")
    pairs = [(o.label, o.normalised, t) for o, t in p["沈国栋"].attrs["org_mentions"]]
    assert ("Enterprise", "湖州恒远电机有限公司", "党委副书记") in pairs
    assert ("Union", "湖州恒远电机有限公司工会", "主席") in pairs


def test_hired_by_a_body_is_a_position_with_the_role_as_title() -> None:
    doc, p = _persons("青年技工冯晓东被甘肃省人社厅聘为省级技能大赛裁判。")
    pairs = [(o.normalised, t) for o, t in p["冯晓东"].attrs["org_mentions"]]
    assert ("甘肃省人力资源和社会保障厅", "省级技能大赛裁判") in pairs
    assert not mentions(doc, "Programme") or all("聘" not in m.surface for m in mentions(doc, "Programme"))


def test_hired_without_a_body_gives_no_position() -> None:
    doc, p = _persons("青年技工冯晓东被聘为兼职教师。")
    assert not p["冯晓东"].attrs.get("org_mentions")


def test_adverb_after_a_three_character_name_is_not_part_of_it() -> None:
    doc, p = _persons("高级技师柯文涛也参加了比赛。")
    assert "柯文涛" in p and "柯文涛也" not in p
