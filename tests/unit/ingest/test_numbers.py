"""Quantity parsing for outcomes (reformkg.ingest.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reformkg.ingest.extract.numbers import UNITS, find_quantities, parse_cn_number, parse_number, unit_word_starts


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, (text, qs)
    q = qs[0]
    return q.value, q.unit, q.qualifier


@pytest.mark.parametrize("text, expected", [
    ("共发放慰问金1000余万元。", (10_000_000, "元", "余")),
    ("投入资金3.15亿元", (315_000_000, "元", "")),
    ("吸纳5.6万名会员", (56_000, "名", "")),
    ("完成年度目标的244.9%", (244.9, "%", "")),
    ("覆盖率达到95％", (95, "%", "达到")),
    ("累计培训8300多万人次", (83_000_000, "人次", "多")),
    ("新增会员2万多人", (20_000, "人", "多")),
    ("每年津贴达到120余万元", (1_200_000, "元", "余")),
    ("其中技能人才达6.1万人", (61_000, "人", "达")),
    ("近百人报名参赛", (100, "人", "近")),
    ("确定十家单位参与", (10, "家", "")),
    ("超万名职工受益", (10_000, "名", "超")),
    ("建成职工书屋1,200个", (1200, "个", "")),
    ("提高了3个百分点", (3, "个百分点", "")),
    ("结成师徒62对", (62, "对", "")),
    ("逾300家企业参与", (300, "家", "逾")),
    ("百余名职工参加", (100, "名", "余")),
    ("1万余人受益", (10_000, "人", "余")),
    ("开展培训1260场次", (1260, "场次", "")),
])
def test_values_in_base_units(text, expected):
    value, unit, qualifier = one(text)
    assert value == pytest.approx(expected[0])
    assert (unit, qualifier) == expected[1:]


@pytest.mark.parametrize("text", [
    "获得比赛第3名",            # ordinal
    "总分前3名的选手",           # rank
    "按照每人500元的标准",        # per-capita rate
    "补贴标准为3000元/人",       # rate
    "给予1500元—4000元不等的补贴",  # range
    "需求量约100—120万人",        # range without a first unit
    "经费60%以上用于培训",         # threshold
    "培训周期为3个月",            # duration
    "连续10多年承办竞赛",          # duration (年 is not a counting unit)
    "2022年12月13日",            # date
    "国内统一刊号CN32-0003",     # code
    "型号MQ25—33门机",           # code
    "选手年龄32岁",              # age
    "两个维护，三项保障",          # small Chinese numerals are rhetoric
    "数十家企业",                 # vague count
    "千家万户",                   # words, not numbers
    "吸引外资6900亿美元",          # foreign currency is not a counting unit here
    "“十四五”期间",               # 期间 is not the unit 期
])
def test_not_counts(text):
    assert find_quantities(text) == []


def test_two_quantities_in_one_clause_and_spans():
    text = "创设党组织104个、工会组织226个"
    qs = find_quantities(text)
    assert [(q.value, q.unit) for q in qs] == [(104, "个"), (226, "个")]
    assert text[qs[1].start:qs[1].end] == "226个"


@pytest.mark.parametrize("cn, value", [
    ("十", 10), ("十二", 12), ("二十", 20), ("一百二十", 120), ("两万三千", 23_000),
    ("三千五", 3500), ("一五", 15), ("三亿", 300_000_000), ("一千零五", 1005),
])
def test_chinese_numerals(cn, value):
    assert parse_cn_number(cn) == value


def test_parse_number_multipliers():
    assert parse_number("1000", "万") == 10_000_000
    assert parse_number("2", "千万") == 20_000_000
    assert parse_number("３.５", "万") == 35_000  # full-width digits
    assert parse_cn_number("abc") is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["人", "名", "家", "项", "人次", "元"]))
def test_any_integer_count(n, unit):
    value, got_unit, qualifier = one(f"累计帮助{n}{unit}，")
    assert (value, got_unit, qualifier) == (n, unit, "")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10_000), ("亿", 100_000_000)]))
def test_any_multiplied_amount(n, mult):
    word, factor = mult
    value, unit, qualifier = one(f"发放资金{n}余{word}元。")
    assert (value, unit, qualifier) == (n * factor, "元", "余")


def test_a_reached_rate_with_yishang_is_kept_a_threshold_is_not():
    assert one("集体合同签订率达95%以上。") == (95, "%", "以上")
    assert one("职工入会率保持在90%以上，") == (90, "%", "以上")
    assert find_quantities("对占比60%以上的企业给予奖励") == []
    assert find_quantities("职工300人以上的企业") == []


def test_a_count_with_yishang_after_a_result_verb_is_a_result_not_a_threshold():
    got = [(q.value, q.unit, q.qualifier) for q in find_quantities("每年表彰百名以上工匠，培育技能骨干200名以上。")]
    assert got == [(100, "名", "以上"), (200, "名", "以上")]
    assert find_quantities("300人以上的企业") == []
    assert find_quantities("规模在300人以上，共有企业") == []


def test_unit_word_table_names_counting_units_only() -> None:
    table = unit_word_starts()
    assert table and set(table) <= set(UNITS)
    assert all(len(ch) == 1 for chars in table.values() for ch in chars)


@pytest.mark.parametrize("unit", ["个", "人", "家"])
def test_a_unit_that_starts_a_word_is_no_count(unit: str) -> None:
    follow = unit_word_starts()[unit][0]
    assert find_quantities(f"共有35{unit}{follow}参加。") == []
