"""Programmes: quoted names with their head, 《》 policies, numbered events, the reform itself."""

from __future__ import annotations

from tests.unit.ingest._pipe import extract, mentions


def _progs(text: str) -> dict[str, tuple[str, str]]:
    doc = extract(text, upto="programmes")
    return {m.normalised: (m.attrs.get("kind", ""), m.surface) for m in mentions(doc, "Programme")}


def test_quoted_name_keeps_its_head() -> None:
    p = _progs("今年，金华市实施“金蓝领”培训工程，开展“匠心杯”职业技能竞赛。")
    assert p["“金蓝领”培训工程"][0] == "training"
    assert p["“匠心杯”职业技能竞赛"][0] == "competition"


def test_titled_policy_and_back_reference() -> None:
    p = _progs("省委办公厅印发《关于加强技能人才培养的实施意见》。《意见》提出五项举措。")
    assert p["《关于加强技能人才培养的实施意见》"][0] == "policy"
    assert len(p) == 1


def test_numbered_event() -> None:
    p = _progs("2021年温州市电工职业技能竞赛在瓯海区举行。")
    assert "2021年温州市电工职业技能竞赛" in p


def test_reform_and_its_short_form() -> None:
    doc = extract("推进产业工人队伍建设改革，让产改成果惠及职工。", upto="programmes")
    ms = mentions(doc, "Programme")
    assert {m.normalised for m in ms} == {"产业工人队伍建设改革"} and len(ms) == 2


def test_shared_head_list() -> None:
    p = _progs("实施技能提升、岗位练兵、安全护航工程。")
    assert {"技能提升工程", "岗位练兵工程", "安全护航工程"} <= set(p)


def test_slogan_in_quotes_is_not_a_programme() -> None:
    p = _progs("大家要树立“一盘棋”思想，形成“拳头”效应。")
    assert not p


def test_run_of_quoted_names_shares_the_head() -> None:
    p = _progs("广泛开展“书香工会”“快乐职工”等系列主题读书活动。")
    assert {"“书香工会”主题读书活动", "“快乐职工”主题读书活动"} <= set(p)


def test_region_prefix_of_a_plan() -> None:
    p = _progs("舟山市今年推进改革。产改被写入市人才发展规划。")
    assert "舟山市人才发展规划" in p


def test_quoted_name_with_numbers() -> None:
    p = _progs("企业推行“1+3”导师带徒机制。")
    assert "“1+3”导师带徒机制" in p


def test_numbered_measures_are_a_policy() -> None:
    p = _progs("落实促进青年就业创业12条措施，效果明显。")
    assert p["促进青年就业创业12条措施"][0] == "policy"      # 落实 is not part of the name


def test_scope_and_verbs_inside_event_names() -> None:
    p = _progs("先后举办全市叉车驾驶职业技能竞赛，效果良好。")
    assert "全市叉车驾驶职业技能竞赛" in p
    assert not _progs("企业要制定培训计划，发放补贴。")
