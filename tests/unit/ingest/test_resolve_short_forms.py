"""The short-form rules of resolution (reformkg.ingest.resolve.short_forms), on composed names:
each rule's verdict, and the order in which a label's rules decide."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention, Span
from reformkg.ingest.resolve.group import Group
from reformkg.ingest.resolve.short_forms import SAME_RULES, Pair, quote_heads, same


def _group(label: str, name: str, start: int, **attrs) -> Group:
    m = Mention(Span(start, start + len(name), label, attrs={"rule": attrs.pop("rule", "")}), label, name, name,
                dict(attrs))
    return Group(label, name, [m], [name], [name])


def _same(label: str, full: str, short: str, short_first: bool = False, **attrs) -> bool:
    g = _group(label, full, 50)
    h = _group(label, short, 10 if short_first else 90, **attrs)
    return same(label, full, short, g, h, 50)


def test_every_scored_organisation_label_has_rules() -> None:
    assert set(SAME_RULES) == {Label.REGION, Label.PROGRAMME, Label.ENTERPRISE, Label.UNION, Label.INSTITUTION,
                               Label.AGENCY}
    assert _same(Label.PERSON, "欧阳青松", "青松") is False       # no rules: never merged


def test_enterprise_with_and_without_company_tail() -> None:
    assert _same(Label.ENTERPRISE, "远航港务集团有限公司", "远航港务集团")
    assert _same(Label.ENTERPRISE, "远航港务集团有限公司", "远航港务公司")


def test_enterprise_abbreviation_only_after_the_full_name() -> None:
    assert _same(Label.ENTERPRISE, "青松远航发电", "青航公司")
    assert not _same(Label.ENTERPRISE, "青松远航发电", "青航公司", short_first=True)


def test_bodies_of_different_region_chains_stay_apart() -> None:
    assert not _same(Label.UNION, "苏州市吴中区总工会", "苏州市总工会")


def test_committee_written_short_after_its_full_name() -> None:
    full, short = "苏州市青松行业劳动关系三方委员会", "劳动关系三方委员会"
    assert _same(Label.AGENCY, full, short)
    assert not _same(Label.AGENCY, full, short, short_first=True)
    assert not _same(Label.UNION, full, short)          # an agency rule only


def test_a_prefix_is_a_parent_body_not_an_alias() -> None:
    assert not _same(Label.AGENCY, "苏州市青松发展委员会办公室", "苏州市青松发展委员会")


def test_quoted_core_with_unlike_heads_is_two_programmes() -> None:
    g = _group(Label.PROGRAMME, "“青松工匠”评价体系", 0, rule="quoted", aliases=["青松工匠"])
    h = _group(Label.PROGRAMME, "“青松工匠”创建工作", 40, rule="quoted", aliases=["青松工匠"])
    assert quote_heads(g) == {"评价体系"} and quote_heads(h) == {"创建工作"}
    assert not same(Label.PROGRAMME, "青松工匠评价体系", "青松工匠创建工作", g, h, 0)
    h2 = _group(Label.PROGRAMME, "“青松工匠”评价制度体系", 40, rule="quoted", aliases=["青松工匠"])
    assert same(Label.PROGRAMME, "青松工匠评价制度体系", "青松工匠评价体系", h2, g, 0)


def test_the_first_verdict_wins(monkeypatch) -> None:
    g, h = _group(Label.UNION, "x", 0), _group(Label.UNION, "y", 9)
    calls = []
    rules = (lambda p: calls.append(1), lambda p: False, lambda p: calls.append(3) or True)
    monkeypatch.setitem(SAME_RULES, Label.UNION, rules)
    assert same(Label.UNION, "x", "y", g, h, 0) is False and calls == [1]
    assert Pair("x", "y", g, h, 0).short_after is True


def test_an_institution_written_without_its_short_place_name() -> None:
    assert _same(Label.INSTITUTION, "绍兴工匠学院", "工匠学院")
    assert _same(Label.INSTITUTION, "绍兴工匠学院", "工匠学院", short_first=True)
    assert not _same(Label.INSTITUTION, "绍兴工匠学院", "学院")       # too short to be a name of its own


def test_a_zone_written_with_its_city_is_the_zone() -> None:
    g, h = _group(Label.REGION, "重庆市两江新区", 50), _group(Label.REGION, "两江新区", 90)
    g.props["level"] = h.props["level"] = "zone"
    assert same(Label.REGION, "重庆市两江新区", "两江新区", g, h, 50)


def test_a_name_loses_the_longest_place_it_starts_with() -> None:
    from reformkg.ingest.resolve.names import strip_region

    assert strip_region("重庆市两江新区") == "两江新区"
    assert strip_region("广东美的集团") == "美的集团"
    assert strip_region("江苏省") == "江苏省"


def test_an_events_edition_written_before_or_after_its_region_is_one_key() -> None:
    from reformkg.ingest.resolve.names import event_key

    assert event_key("湖南省第三届职工职业技能大赛") == event_key("第三届湖南省职工职业技能大赛")
    assert event_key("扬州市2023年职工技能竞赛") == event_key("2023年扬州市职工技能竞赛")
    assert event_key("湖南省第三届职工职业技能大赛") != event_key("第四届湖南省职工职业技能大赛")
    assert event_key("“匠心杯”技能比武") == "匠心杯技能比武"


def test_a_meeting_written_with_chan_gai_and_gong_zuo_and_in_full_is_one_meeting() -> None:
    from reformkg.ingest.pipeline import Pipeline

    res = Pipeline().run_text("湖北省产改工作推进会在武汉召开\n\n11月28日，湖北省产业工人队伍建设改革推进会在武汉召开。\n")
    meetings = [e for e in res.entities if e.label == "Programme" and e.name.endswith("推进会")]
    assert len(meetings) == 1, [e.name for e in meetings]
