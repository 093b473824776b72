"""Awards: level words and regions decide the canonical name; generic honours need a level."""

from __future__ import annotations

from tests.unit.ingest._pipe import extract, mentions, names


def _awards(text: str) -> dict[str, str]:
    doc = extract(text, upto="awards")
    return {m.surface: m.normalised for m in mentions(doc, "Award")}


def test_province_level_resolves_to_document_province() -> None:
    a = _awards("浙江省表彰先进。他曾获省劳模、全国五一劳动奖章。")
    assert a["省劳模"] == "浙江省劳动模范"
    assert a["全国五一劳动奖章"] == "全国五一劳动奖章"


def test_city_level_and_region_written() -> None:
    a = _awards("丽水市举办比赛。前三名授予市级“技术能手”称号，另有5人获丽水市五一劳动奖章。")
    assert a["市级“技术能手”"] == "丽水市技术能手"
    assert a["丽水市五一劳动奖章"] == "丽水市五一劳动奖章"


def test_generic_honour_needs_a_level() -> None:
    a = _awards("企业要培养更多工匠和技能大师。")
    assert not a


def test_coordinated_levels_give_one_award_each() -> None:
    a = _awards("温州市表彰先进。国家和省、市级五一劳动奖章获得者共300人。")
    assert set(a.values()) >= {"全国五一劳动奖章", "浙江省五一劳动奖章", "温州市五一劳动奖章"}


def test_bare_honour_needs_a_conferral_cue() -> None:
    assert not _awards("要大力弘扬劳模精神，发挥劳动模范示范作用。")
    assert _awards("张伟等8名劳模参加了座谈。") == {"劳模": "劳动模范"}


def test_named_prize_and_quoted_honour() -> None:
    a = _awards("浙江省推进创新。该成果获得省科学技术进步二等奖，他还荣获“最美浙江人”称号。")
    assert a["省科学技术进步二等奖"] == "浙江省科学技术进步二等奖"
    assert "最美浙江人" in a.values()


def test_quoted_honours_in_a_selection_get_the_region() -> None:
    doc = extract("今年开展泰兴市“最美职工”“十佳工匠”先进典型评选。", upto="awards")
    names = {m.normalised for m in doc.mentions if m.label == "Award"}
    assert {"泰兴市最美职工", "泰兴市十佳工匠"} <= names


def test_abbreviated_medal_and_city_context_of_a_county() -> None:
    a = _awards("睢宁县推荐评选市五一奖章3个。")
    assert a["市五一奖章"] == "徐州市五一劳动奖章"


def test_quoted_regional_honour_keeps_balanced_quotes() -> None:
    from tests.unit.ingest._pipe import extract, mentions

    doc = extract("佛山市顺德区每年评选“顺德工匠”10名。", upto="awards")
    ms = [m for m in mentions(doc, "Award") if m.normalised == "顺德工匠"]
    assert ms and ms[0].surface == "“顺德工匠”"


def test_vanguard_titles_of_occupations_are_awards() -> None:
    doc = extract("为首批先锋骑手、先锋司机发放关爱礼包。发挥工人先锋号作用。")
    got = names(doc, "Award")
    assert {"先锋骑手", "先锋司机"} <= got


def test_an_enterprise_craftsman_title_is_an_award() -> None:
    doc = extract("恒通公司今年评选出恒通工匠3名，并明确恒通工匠的待遇。")
    assert "恒通工匠" in names(doc, "Award")


def test_a_bare_honour_coordinated_with_a_cued_one_is_an_award() -> None:
    doc = extract("组织劳模、先进工作者和五一劳动奖章获得者开展志愿服务。")
    assert {"先进工作者", "五一劳动奖章"} <= names(doc, "Award")
    doc = extract("要向先进工作者学习，争当先进工作者。")
    assert "先进工作者" not in names(doc, "Award")


def test_a_quoted_title_named_as_an_honour_project_is_an_award() -> None:
    doc = extract("在年度考核中设置“优秀班组长”等表彰项目。")
    assert "优秀班组长" in names(doc, "Award")
    assert "优秀班组长" not in {n.strip("“”") for n in names(doc, "Programme")}


def test_a_brand_craftsman_title_and_a_title_conferred_with_ming_ming_wei() -> None:
    doc = extract("温州市总工会命名20家企业为“温州市劳动关系和谐企业”。正泰电器股份有限公司设立正泰工匠评选。")
    got = names(doc, "Award")
    assert {"温州市劳动关系和谐企业", "正泰工匠"} <= got
    doc = extract("要弘扬工匠精神，争做新时代工匠。")
    assert names(doc, "Award") == set()


def test_a_studio_led_by_an_honoured_worker_is_not_an_award() -> None:
    doc = extract("全国五一劳动奖章获得者孙某领衔的“某某劳模创新工作室”完成革新27项。")
    assert not any("工作室" in n for n in names(doc, "Award"))


def test_rank_honour_right_before_a_name_is_a_bare_award() -> None:
    a = _awards("嘉兴恒创纺织有限公司特级技师邵建华带领团队攻关。")
    assert a.get("特级技师") == "特级技师"
    a = _awards("首席技师谭立新介绍了经验。")
    assert a.get("首席技师") == "首席技师"


def test_rank_without_a_name_or_inside_a_firm_is_not_an_award() -> None:
    assert not _awards("企业要培养更多特级技师。")
    assert not _awards("集团首席技师谭立新介绍了经验。")


def test_a_quoted_title_before_mingdan_is_an_honour() -> None:
    doc = extract("附件：2024年度“甲乙金匠”名单\n赵甲 丁钢铁集团有限公司首席技师\n")
    assert "甲乙金匠" in names(doc, "Award")


def test_an_editions_quoted_honour_title_is_an_award() -> None:
    doc = extract("他是甲乙汽车传动集团有限责任公司的一名数控车工，也是第十五届“甲乙工匠”。")
    assert "甲乙工匠" in names(doc, "Award")
    doc = extract("会议部署了第十五届“甲乙杯”竞赛。")
    assert not names(doc, "Award")
