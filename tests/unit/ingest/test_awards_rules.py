"""Awards rules: the word lists read from data, the honour pattern built on them, and the
level and named-prize rules run alone over composed sentences."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.extract.awards import RULES
from reformkg.ingest.extract.awards_common import (
    award_re, core_canon, coordinated_cores, enterprise_suffixes, honours, level_of, not_after, not_honour_end,
)
from reformkg.ingest.extract.awards_levels import level_awards
from reformkg.ingest.extract.awards_named import named_prizes
from tests.unit.ingest._pipe import extract


def test_word_lists_are_read_from_data() -> None:
    assert honours()["劳动模范"] is False and honours()["工匠"] is True
    assert core_canon() == {"劳模": "劳动模范", "五一奖章": "五一劳动奖章"}
    assert level_of()["省级"] == "provincial" and level_of()["县"] == "district"
    assert "精神" in not_after() and "证书" in not_honour_end()
    assert enterprise_suffixes()[0] == "股份有限公司" and coordinated_cores()[0] == "先进工作者"
    assert honours() is honours()      # read once


def test_honour_pattern_takes_level_quotes_and_longest_core() -> None:
    m = award_re().fullmatch("市级“五一劳动奖章”")
    assert m and m.group("level") == "市级" and m.group("core") == "五一劳动奖章"
    assert award_re().fullmatch("全国五一劳动奖状").group("core") == "五一劳动奖状"


def test_level_rule_alone() -> None:
    doc = extract("浙江省召开大会。会上，某厂职工获全国劳模，另有3人获省级技术能手。", upto="programmes")
    found = {m.surface: (m.normalised, m.attrs.get("level")) for m in level_awards(doc, doc.text, [])}
    assert found["全国劳模"] == ("全国劳动模范", "national")
    assert found["省级技术能手"] == ("浙江省技术能手", "provincial")


def test_named_prize_and_quoted_title_alone() -> None:
    doc = extract("浙江省推进创新。该项目获省科学技术进步二等奖，他还荣获“最美焊工”称号。", upto="programmes")
    found = {m.surface: m.normalised for m in named_prizes(doc, doc.text, [])}
    assert found["省科学技术进步二等奖"] == "浙江省科学技术进步二等奖"
    assert found["“最美焊工”"] == "最美焊工"


def test_rules_run_in_order_and_make_award_mentions() -> None:
    assert RULES[0] is level_awards and RULES[1] is named_prizes
    doc = extract("某市总工会表彰先锋骑手。", upto="awards")
    assert [(m.label, m.surface) for m in doc.mentions if m.label == Label.AWARD] == [(Label.AWARD, "先锋骑手")]


def test_a_quoted_honour_named_by_a_decision_with_a_long_list_of_recipients():
    from tests.unit.ingest._pipe import extract, names

    text = "决定命名赵甲（甲重工有限公司）、钱乙（乙电气股份有限公司）等15名同志为2024年度“某地工匠”。"
    assert "某地工匠" in {n.strip("“”") for n in names(extract(text, upto="awards"), "Award")}


def test_a_quoted_honour_selected_by_a_verb_before_it():
    from tests.unit.ingest._pipe import extract, names

    assert names(extract("全区各级工会累计选树“某地工匠”100名。", upto="awards"), "Award") == {"某地工匠"}
    doc = extract("开展“某地工匠”选树活动。", upto="awards")
    assert [m.normalised for m in doc.mentions if m.label == "Award"] == ["某地工匠"]    # once


def test_a_chief_technician_listed_among_a_firms_posts_is_a_post():
    from tests.unit.ingest._pipe import extract, names

    assert names(extract("甲重工股份有限公司副总裁、首席技师赵甲出席。", upto="awards"), "Award") == set()
    assert names(extract("他获评河南省首席技师。", upto="awards"), "Award") == {"河南省首席技师"}


def test_a_long_quoted_honour_after_a_conferral_verb():
    from tests.unit.ingest._pipe import extract, names

    text = "甲集团、乙高新区两个试点单位经验被评为“长三角地区深入推进产业工人队伍建设改革工作优秀案例”。"
    assert names(extract(text, upto="awards"), "Award") == {"长三角地区深入推进产业工人队伍建设改革工作优秀案例"}


def test_a_quoted_title_selected_with_a_count_is_an_honour() -> None:
    doc = extract("两部门共同举办“陇原工匠”建功行动，评选“陇原大工匠”30名。", upto="regions")
    got = {m.normalised for m in named_prizes(doc, doc.text, [])}
    assert "陇原大工匠" in got


def test_a_workroom_title_conferred_by_naming_is_an_honour_without_the_year() -> None:
    doc = extract("省总工会决定命名8个工作室为2024年度某省劳模和工匠人才创新工作室。", upto="regions")
    got = {m.normalised for m in named_prizes(doc, doc.text, [])}
    assert got == {"某省劳模和工匠人才创新工作室"}
