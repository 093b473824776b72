"""Structure shared by the relation types (relations/structure.py), on composed sentences:
coordinated lists distribute a relation, employer + person pairs, honours lists."""

from __future__ import annotations

import pytest

from reformkg.ingest.jsonl import to_record
from reformkg.ingest.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def _rels(pipe: Pipeline, text: str, rtype: str) -> set[tuple[str, str]]:
    rec = to_record(pipe.run_text(text, path="t.txt"))
    return {(r["source"], r["target"]) for r in rec["relations"] if r["type"] == rtype}


def test_employer_before_person_holds_position_without_title(pipe: Pipeline) -> None:
    rec = to_record(pipe.run_text("座谈会上，遵义铝业股份有限公司李某某和六盘水师范学院的王某某先后发言。", path="t.txt"))
    pos = {(r["source"], r["target"]): r.get("properties", {}) for r in rec["relations"] if r["type"] == "HOLDS_POSITION"}
    assert ("李某某", "遵义铝业股份有限公司") in pos
    assert ("王某某", "六盘水师范学院") in pos
    assert "title" not in pos[("李某某", "遵义铝业股份有限公司")]


def test_honours_list_awards_each_person_and_names_employers(pipe: Pipeline) -> None:
    text = "获得全国五一劳动奖章的3名职工分别是：贵阳钢铁有限公司张某某，遵义铝业股份有限公司李某某，六盘水师范学院王某某。"
    awarded = _rels(pipe, text, "AWARDED")
    assert awarded == {("张某某", "全国五一劳动奖章"), ("李某某", "全国五一劳动奖章"), ("王某某", "全国五一劳动奖章")}
    assert ("王某某", "六盘水师范学院") in _rels(pipe, text, "HOLDS_POSITION")


def test_honours_list_without_persons_awards_the_units(pipe: Pipeline) -> None:
    text = "荣获全国五一劳动奖状的单位名单如下：贵阳钢铁有限公司，遵义铝业股份有限公司。"
    awarded = _rels(pipe, text, "AWARDED")
    assert {src for src, _ in awarded} >= {"贵阳钢铁有限公司", "遵义铝业股份有限公司"}


def test_a_list_introduced_without_an_honour_gives_no_award(pipe: Pipeline) -> None:
    assert not _rels(pipe, "参会单位分别是：贵阳钢铁有限公司，遵义铝业股份有限公司。", "AWARDED")


def test_coordinated_issuers_each_issue(pipe: Pipeline) -> None:
    text = "黔东南州总工会、黔东南州人社局和黔东南州财政局联合印发《技能人才激励办法》。"
    issuers = {s for s, _ in _rels(pipe, text, "ISSUED")}
    assert len(issuers) == 3


def test_coordinated_pilots_each_pilot(pipe: Pipeline) -> None:
    pilots = {s for s, _ in _rels(pipe, "铜仁市碧江区、万山区被列为产改试点县区。", "PILOTS")}
    assert len(pilots) == 2


def test_partnership_triggers_come_from_the_table(pipe: Pipeline) -> None:
    pairs = _rels(pipe, "徐州工程机械集团有限公司与徐州工业职业技术学院开办订单班。", "PARTNERS_WITH")
    assert {frozenset(p) for p in pairs} == {frozenset({"徐州工程机械集团有限公司", "徐州工业职业技术学院"})}


def test_partners_are_not_distributed_over_a_with_pair(pipe: Pipeline) -> None:
    pairs = _rels(pipe, "安顺市总工会与安顺学院、安顺职业技术学院签订合作协议。", "PARTNERS_WITH")
    assert frozenset({"安顺学院", "安顺职业技术学院"}) not in {frozenset(p) for p in pairs}


def test_event_anaphor_sponsors_the_latest_named_event(pipe: Pipeline) -> None:
    text = ("近日，宁夏回族自治区总工会、宁夏回族自治区教育厅共同举办2024年宁夏职工职业技能大赛，"
            "宁夏宝丰能源集团股份有限公司承办了本次大赛。")
    rec = to_record(pipe.run_text(text, path="t.txt"))
    sponsors = {(r["source"], r.get("properties", {}).get("role")) for r in rec["relations"] if r["type"] == "SPONSORS"}
    assert ("宁夏宝丰能源集团股份有限公司", "承办") in sponsors
    co = {frozenset((r["source"], r["target"])) for r in rec["relations"] if r["type"] == "CO_SPONSORS"}
    assert any("宁夏宝丰能源集团股份有限公司" in pair for pair in co)


def test_event_anaphor_without_an_earlier_event_gives_nothing(pipe: Pipeline) -> None:
    assert not _rels(pipe, "宁夏宝丰能源集团股份有限公司承办了本次大赛。", "SPONSORS")


def test_body_composed_of_listed_departments_has_them_as_members(pipe: Pipeline) -> None:
    text = "甘肃省产业工人队伍建设改革协调小组由省委组织部、省总工会、省财政厅等15个部门组成。"
    members = {s for s, _ in _rels(pipe, text, "MEMBER_OF")}
    assert len(members) == 3


def test_honour_followed_by_among_them_awards_the_named_person(pipe: Pipeline) -> None:
    text = "大会表彰了50名全国五一劳动奖章获得者，其中包括兰州石化有限公司的赵某某。"
    assert ("赵某某", "全国五一劳动奖章") in _rels(pipe, text, "AWARDED")


def test_employer_role_person_holds_position_with_the_role(pipe: Pipeline) -> None:
    rec = to_record(pipe.run_text("山西焦煤集团选手李某某表现出色。", path="t.txt"))
    pos = [r for r in rec["relations"] if r["type"] == "HOLDS_POSITION"]
    assert [(r["source"], r["target"], r.get("properties", {}).get("title")) for r in pos] == \
        [("李某某", "山西焦煤集团", "选手")]


def test_pilot_list_after_a_colon_makes_each_item_a_pilot(pipe: Pipeline) -> None:
    text = "全省首批产改试点单位包括：本溪钢铁有限公司、丹东化纤股份有限公司、营口港务集团有限公司。"
    pilots = _rels(pipe, text, "PILOTS")
    assert {s for s, _ in pilots} == {"本溪钢铁有限公司", "丹东化纤股份有限公司", "营口港务集团有限公司"}
    assert {t for _, t in pilots} == {"产业工人队伍建设改革"}


def test_units_that_become_members_of_a_named_alliance(pipe: Pipeline) -> None:
    text = "儋州市总工会、琼海市总工会等8家单位成为海南职工创新联盟首批成员单位。"
    members = _rels(pipe, text, "MEMBER_OF")
    assert {s for s, _ in members} == {"儋州市总工会", "琼海市总工会"}


def test_member_of_needs_a_named_body(pipe: Pipeline) -> None:
    assert not _rels(pipe, "儋州市总工会成为首批成员单位。", "MEMBER_OF")


def test_honour_in_apposition_brackets(pipe: Pipeline) -> None:
    assert ("钱某某", "全国五一劳动奖章") in _rels(pipe, "钱某某（全国五一劳动奖章获得者）介绍了经验。", "AWARDED")


def test_honour_granted_by_a_named_agent(pipe: Pipeline) -> None:
    text = "2021年，孙某某被人力资源和社会保障部授予“全国技术能手”称号。"
    assert ("孙某某", "全国技术能手") in _rels(pipe, text, "AWARDED")


def test_the_granting_agent_is_not_the_recipient(pipe: Pipeline) -> None:
    text = "2021年，孙某某被人力资源和社会保障部授予“全国技术能手”称号。"
    assert not any(src == "人力资源和社会保障部" for src, _ in _rels(pipe, text, "AWARDED"))


def test_honours_list_introduced_by_de_you(pipe: Pipeline) -> None:
    text = "获得“陇原工匠”称号的有：兰州兰石集团有限公司马某某、白银有色集团股份有限公司周某某。"
    assert {s for s, _ in _rels(pipe, text, "AWARDED")} == {"马某某", "周某某"}


def test_led_sponsor_before_the_event(pipe: Pipeline) -> None:
    text = "青海省总工会牵头主办的2024年“昆仑工匠杯”职业技能竞赛圆满落幕。"
    rec = to_record(pipe.run_text(text, path="t.txt"))
    assert [(r["source"], r.get("properties", {}).get("role")) for r in rec["relations"] if r["type"] == "SPONSORS"] == \
        [("青海省总工会", "主办")]


def test_a_region_is_not_listed_with_bodies(pipe: Pipeline) -> None:
    text = "首届“昆仑工匠”技能大赛在西宁举行。大赛由青海省总工会、青海省某某未知厅共同主办。"
    sponsors = {s for s, _ in _rels(pipe, text, "SPONSORS")}
    assert "青海省" not in sponsors


def test_places_written_before_a_firm_locate_it() -> None:
    from reformkg.ingest import normalise, segment
    from reformkg.ingest.document import RawDocument
    from reformkg.ingest.pipeline import rule_components

    text = "督查组走访了宿松县的安庆华晨纺织有限公司。"
    doc = segment.segment(normalise.normalise(RawDocument("t.txt", "text/plain", "utf-8", text)))
    doc = Pipeline(components=rule_components()).extract(doc)
    located = {(rc.head.surface, rc.tail.surface) for rc in doc.relations
               if rc.type == "LOCATED_IN" and rc.producer == "rule:places_before_bodies"}
    assert located == {("安庆华晨纺织有限公司", "宿松县")}


def test_subjectless_clause_in_a_union_voice_is_the_unions_not_an_enterprises(pipe: Pipeline) -> None:
    text = ("本报讯 记者日前从遵义市总工会获悉，今年以来，遵义市总工会围绕产业工人技能提升持续发力。\n"
            "贵州茅台酒股份有限公司的张某某说，培训让他受益匪浅。全力开展“黔北匠心”专项行动，建立技能人才数据库。")
    runs = _rels(pipe, text, "RUNS")
    assert ("遵义市总工会", "“黔北匠心”专项行动") in runs
    assert not any(src == "贵州茅台酒股份有限公司" for src, _ in runs)


def test_honour_taken_up_by_an_anaphoric_trigger(pipe: Pipeline) -> None:
    text = ("省总工会命名表彰第五批“湖北省示范性劳模创新工作室”，由我市人社局打造的“王某劳模创新工作室”、"
            "某县科技局打造的“李某劳模创新工作室”榜上有名。另有“张某劳模创新工作室”“钱某劳模创新工作室”获此殊荣。")
    recipients = {s for s, t in _rels(pipe, text, "AWARDED") if t == "湖北省示范性劳模创新工作室"}
    assert recipients == {"王某劳模创新工作室", "李某劳模创新工作室", "张某劳模创新工作室", "钱某劳模创新工作室"}


def test_listed_units_with_a_counted_apposition_each_receive_the_honour(pipe: Pipeline) -> None:
    text = "武钢集团、宜昌高新区、东风汽车三个产改试点单位经验被评为“华中地区产业工人队伍建设改革优秀案例”。"
    assert {s for s, _ in _rels(pipe, text, "AWARDED")} == {"武钢集团", "宜昌高新区", "东风汽车"}


def test_party_group_membership_is_a_position_in_each_body(pipe: Pipeline) -> None:
    text = "宁波市人大常委会党组成员、市总工会主席陈某表示，要持续推进。"
    assert {t for _, t in _rels(pipe, text, "HOLDS_POSITION")} == {"宁波市人大常委会", "宁波市总工会"}


def test_policy_titles_back_to_back_and_headed_by_their_issuer(pipe: Pipeline) -> None:
    text = "今年以来，汝阳县总工会印发《汝阳县总工会关于开展“三联三促”活动的方案》《汝阳县总工会“三联三促”工作指南》等指导工作清单。"
    issued = _rels(pipe, text, "ISSUED")
    assert {t for s, t in issued if s == "汝阳县总工会"} == {"《汝阳县总工会关于开展“三联三促”活动的方案》",
                                                          "《汝阳县总工会“三联三促”工作指南》"}


def test_an_ally_clause_with_its_own_verb_is_not_a_sponsor_list(pipe: Pipeline) -> None:
    text = "财政部会同人社部指导各地从失业保险基金中提取资金统筹用于实施职业技能提升行动。"
    assert not _rels(pipe, text, "SPONSORS")
    assert not _rels(pipe, text, "CO_SPONSORS")


def test_allies_listed_with_a_count_still_sponsor(pipe: Pipeline) -> None:
    text = "淄博市总工会会同市教育局、市人社局等5个部门联合开展“技能淄博”职工技能竞赛。"
    assert len(_rels(pipe, text, "SPONSORS")) == 3
