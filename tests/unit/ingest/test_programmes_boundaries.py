"""Programme names on composed sentences (invented names, other provinces): generic
activity phrases are no programmes, a copula does not start a name, a list of modifiers belongs
to the name (数控、钳工技能竞赛), a goal in a list is no programme."""

from __future__ import annotations

import pytest

from tests.unit.ingest._pipe import extract, names


def progs(text: str) -> set[str]:
    return names(extract(text, upto="programmes"), "Programme") - {"产业工人队伍建设改革"}


@pytest.mark.parametrize("text", [
    "玉溪市总工会推动岗位创新竞赛等群众性创新活动有序推进。",
    "大理州形成了以企业和院校职业技能比赛为基础的竞赛体系。",
    "县总每名工作人员指导企业出台产改工作计划。",
    "曲靖市总工会持续开展安全生产专项整治行动。",
    "广东省总工会开展竞赛，每年省级竞赛项目超过100个。",
])
def test_generic_activity_phrases_are_not_programmes(text):
    assert progs(text) == set()


def test_a_goal_in_a_list_is_no_programme():
    assert progs("参赛职工围绕高效管理、精品工程、优质服务三个方面开展竞赛，促进重点工程、重大项目建设。") == set()


def test_a_copula_does_not_start_a_name_and_coordinated_modifiers_belong_to_it():
    got = progs("本次竞赛是昭通市年度重点工程、重大项目劳动竞赛的项目之一。")
    assert got == {"昭通市年度重点工程、重大项目劳动竞赛"}


def test_a_list_of_trades_before_a_contest_head_is_part_of_its_name():
    got = progs("在开发区集群中开展全县数控、钳工、叉车工技能竞赛。")
    assert any(n.endswith("数控、钳工、叉车工技能竞赛") for n in got), got


def test_short_quoted_names_after_a_programme_verb_but_not_section_slogans():
    got = progs("今年以来，曲靖市总工会创新打好“三手牌”，建立“一企一策”指导台账。")
    assert {"“三手牌”", "“一企一策”"} <= got
    assert progs("打好“助手牌”，\n\n让职工共享改革红利。") == set()


def test_a_head_after_the_quote_may_carry_a_longer_modifier():
    got = progs("由市总工会联合开展的“当好主人翁建功新时代”博览园项目建设劳动竞赛圆满结束。")
    assert "“当好主人翁建功新时代”博览园项目建设劳动竞赛" in got


@pytest.mark.parametrize("text, name", [
    ("“川渝同心技能报国”成渝地区第三届职业技能大赛12日在内江落幕。", "“川渝同心技能报国”成渝地区第三届职业技能大赛"),
    ("在集群中开展全县女职工技能大赛。", "全县女职工技能大赛"),
    ("以世界技能大赛、全国职业技能大赛为龙头。", "世界技能大赛"),
])
def test_scoped_and_edition_contests(text, name):
    assert name in progs(text)


def test_a_scope_before_generic_words_names_no_contest():
    assert progs("将产业集群培育成全县职工技能竞赛基地，参加全国行业职业技能竞赛。") == set()


def test_a_scoped_contest_is_named_with_the_region_the_scope_stands_for():
    doc = extract("岷县总工会在开发区集群中开展全县女职工技能大赛。", upto="programmes")
    (m,) = [m for m in doc.mentions if m.label == "Programme"]
    assert m.normalised == "岷县女职工技能大赛" and "全县女职工技能大赛" in m.attrs["aliases"]


def test_a_zone_before_an_edition_belongs_to_the_contests_name():
    got = progs("6月21日，成都高新区第五届企业职工服务创新项目大赛启动。")
    assert "成都高新区第五届企业职工服务创新项目大赛" in got


def test_a_titled_work_plan_is_a_policy():
    assert "《某省产业工人队伍建设改革2024年工作要点》" in progs(
        "现将《某省产业工人队伍建设改革2024年工作要点》印发给你们，请认真贯彻落实。")


def test_two_meetings_held_as_one_are_one_programme_named_after_the_convening_region():
    got = progs("本报讯 15日上午，宜昌市召开技能人才工作联席会议暨技能竞赛推进会。会议由王明主持。")
    assert "宜昌市技能人才工作联席会议暨技能竞赛推进会" in got
    assert "技能竞赛推进会" not in got


def test_a_headline_compound_meeting_gives_way_to_the_lead():
    got = progs("我市召开联席会议暨推进会\n\n本报讯 我市召开技能人才工作联席会议暨技能竞赛推进会。")
    assert not any(n.endswith("联席会议暨推进会") for n in got)


def test_a_meeting_a_region_convenes_is_named_after_it():
    got = progs("4月10日，南宁市青秀区召开技能人才工作推进会。区委副书记黄志明出席。")
    assert "南宁市青秀区技能人才工作推进会" in got


def test_a_meeting_held_in_a_place_is_not_named_after_the_place():
    got = progs("省总工会在绵阳召开技能人才工作推进会。")
    assert not any(n.startswith("绵阳") for n in got)
