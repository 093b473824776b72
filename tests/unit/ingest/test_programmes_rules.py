"""Programmes: the helpers and named rules of the quoted-name and event readers (composed text)."""

from __future__ import annotations

import pytest

from reformkg.graph.vocab import Label
from reformkg.ingest.extract.programmes import HEADS, MEETING_HEADS, Programmes, kind_of
from reformkg.ingest.extract.programmes.events import EVENT_HEAD_RE, EVENT_RULES, list_item
from reformkg.ingest.extract.programmes.lexicon import POLICY_END, POLICY_END_BARE, STOP_VERBS
from reformkg.ingest.extract.programmes.names import after_etc, bare_head, first_head
from reformkg.ingest.extract.programmes.quoted import QUOTE_RULES
from tests.unit.ingest._pipe import extract, mentions


def _rules(text: str) -> dict[str, tuple[str, list[str] | None]]:
    doc = extract(text, upto="programmes")
    return {m.normalised: (m.span.attrs["rule"], m.attrs.get("aliases")) for m in mentions(doc, Label.PROGRAMME)}


def test_word_lists_are_read_from_data() -> None:
    assert "技能竞赛" in HEADS and "座谈会" in MEETING_HEADS and "举办" in STOP_VERBS
    assert POLICY_END[:len(POLICY_END_BARE)] == POLICY_END_BARE and "计划" not in POLICY_END_BARE
    assert Programmes.name == "programmes"


def test_first_head_takes_the_longest_head_and_refuses_verbs_and_structures() -> None:
    assert first_head("青年技能竞赛在某地举行") == "青年技能竞赛"
    assert first_head("竞赛品牌，") == "竞赛"            # a trailing 品牌 after another head is cut
    assert first_head("第二届技能大赛") == "第二届技能大赛"  # an edition before the head
    assert first_head("纳入集体协商") == ""              # a verb follows the quote
    assert first_head("现代产业体系") == ""              # an economic structure


def test_bare_head_and_after_etc() -> None:
    assert bare_head("线上线下专场招聘会") == "专场招聘会"
    assert bare_head("线上会") == "线上会"
    assert after_etc("等系列活动") == ("等系列", "活动")
    assert after_etc("活动") == ("", "活动")


@pytest.mark.parametrize("name, kind", [("《某市技能人才培养办法》", "policy"), ("某市技能竞赛", "competition"),
                                        ("某县培训班", "training"), ("某区协商机制", "mechanism"),
                                        ("某市人才计划", "plan"), ("某市暖心行动", "initiative")])
def test_kind_of(name: str, kind: str) -> None:
    assert kind_of(name) == kind


def test_list_item_is_a_whole_item_but_not_a_verb_phrase() -> None:
    text = "工作重点：安心工程、暖心工程。"
    m = EVENT_HEAD_RE.search(text)
    assert list_item(text, m.start(), m.end()) == 5
    text = "突出民生工程、重大项目。"
    m = EVENT_HEAD_RE.search(text)
    assert list_item(text, m.start(), m.end()) is None


def test_the_rules_are_named_and_ordered() -> None:
    quoted = [r.__name__ for r in QUOTE_RULES]
    assert quoted.index("_abbreviation_pair") < quoted.index("_run_head") < quoted.index("_written_head") \
        < quoted.index("_own_head") < quoted.index("_verb_introduced") < quoted.index("_counted_slogan")
    events = [r.__name__ for r in EVENT_RULES]
    assert events[-1] == "_event_name"
    assert events.index("_extend_over_words") < events.index("_meeting_name") < events.index("_regional_policy")


@pytest.mark.parametrize("text, name, rule", [
    ("某市总工会实施“金扳手”培训工程。", "“金扳手”培训工程", "quoted+head"),
    ("某市开展“匠心”“巧手”等系列活动。", "“巧手”活动", "quoted-run"),
    ("某市开展“技能强企”等主题劳动技能竞赛。", "“技能强企”主题劳动技能竞赛", "quoted+etc+head"),
    ("工会推进“师傅带徒弟、专家进车间”“两进”宣讲。", "“师傅带徒弟、专家进车间”“两进”宣讲", "quoted-abbrev"),
    ("做到“三学三比”。", "“三学三比”", "quoted-slogan"),
    ("工作重点：安心工程、暖心工程。", "暖心工程", "list-item"),
    ("某市召开全市技能人才工作推进会。", "全市技能人才工作推进会", "meeting"),
])
def test_a_composed_name_is_found_by_its_rule(text: str, name: str, rule: str) -> None:
    assert _rules(text)[name][0] == rule


@pytest.mark.parametrize("text", ["他评价“这是好事，值得推广”。", "某单位开展“十佳工匠”等表彰项目。",
                                  "各类技能竞赛蓬勃开展。", "本次竞赛是年度重点工程。"])
def test_rejecting_rules_name_nothing(text: str) -> None:
    assert _rules(text) == {}


def test_a_meeting_has_the_forms_with_and_without_yi_as_aliases() -> None:
    _, aliases = _rules("某市召开全市技能人才工作推进会。")["全市技能人才工作推进会"]
    assert "全市技能人才工作推进会议" in aliases and "技能人才工作推进会" in aliases


def test_an_edition_or_year_before_a_scope_names_the_event():
    from tests.unit.ingest._pipe import extract, names

    assert "第十届全国职工职业技能大赛" in names(extract("在第十届全国职工职业技能大赛中，他获得第一名。", upto="programmes"),
                                              "Programme")
    assert "2023年全国青年职工技能竞赛" in names(extract("2023年全国青年职工技能竞赛在京落幕。", upto="programmes"), "Programme")


def test_a_province_scope_after_the_edition_resolves_to_the_province_the_text_is_about():
    from tests.unit.ingest._pipe import extract, mentions

    doc = extract("四川省总工会召开会议。会议指出，第二届全省职工职业技能大赛圆满落幕。", upto="programmes")
    progs = [m for m in mentions(doc, "Programme")]
    assert [m.normalised for m in progs] == ["第二届四川省职工职业技能大赛"]
    assert "第二届全省职工职业技能大赛" in progs[0].attrs["aliases"]


def test_a_quoted_honours_selection_activity_is_a_programme_and_the_honour_an_award():
    from tests.unit.ingest._pipe import extract, names

    doc = extract("今年，某区持续开展“某城工匠”选树活动。", upto="awards")
    assert names(doc, "Programme") == {"“某城工匠”选树活动"}
    assert names(doc, "Award") == {"某城工匠"}
    doc = extract("市总工会开展“某城工匠”评选。", upto="awards")   # no activity head: the honour only
    assert names(doc, "Programme") == set() and names(doc, "Award") == {"某城工匠"}


def test_a_meeting_named_by_a_quoted_topic_is_a_programme_and_keeps_the_reform_it_names():
    from tests.unit.ingest._pipe import extract, names

    doc = extract("某省总工会日前召开“产业工人队伍建设改革五周年”新闻发布会。", upto="programmes")
    assert names(doc, "Programme") == {"“产业工人队伍建设改革五周年”新闻发布会", "产业工人队伍建设改革"}
    assert "“匠心筑梦”职工座谈会" in names(extract("市总工会举办“匠心筑梦”职工座谈会。", upto="programmes"), "Programme")


def test_a_two_phrase_quoted_slogan_keeps_the_space_the_source_writes():
    from tests.unit.ingest._pipe import extract, mentions

    doc = extract("由某市总工会开展的“当好主人翁 建功新时代”项目建设劳动竞赛表彰会隆重举行。", upto="programmes")
    prog = [m for m in mentions(doc, "Programme")][0]
    assert prog.normalised == "“当好主人翁 建功新时代”项目建设劳动竞赛"
    assert "“当好主人翁建功新时代”项目建设劳动竞赛" in prog.attrs["aliases"]
